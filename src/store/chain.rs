//! The hash chain of one writer's ops: each op gets the writer's next number and the hash of
//! the line before it in the same log file. The store, the template, `demo` and `demo-data`
//! all stamp their ops here, so every log is chained the same way.

use std::collections::HashMap;

use super::clock::Hlc;
use super::keys::Signer;
use super::op::{Head, Op, line_digest, line_hash};
use crate::model::{Author, Change, SCHEMA_VERSION, Scope};

#[derive(Debug, Clone)]
pub struct OpChain {
    writer: String,
    /// The last number given; numbers go on across this writer's files.
    seq: u64,
    /// Hash of the last line of each of this writer's files (the next op's `prev`).
    prev: HashMap<File, String>,
    one_file: bool,
    /// Signs each line, when the writer has a key.
    signer: Option<Signer>,
}

/// Which file an op is written to: one per scope, or one for everything.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum File {
    Scope(Scope),
    Only,
}

impl OpChain {
    /// A writer with one log file per scope, as the store writes them.
    pub fn new(writer: impl Into<String>) -> OpChain {
        OpChain {
            writer: writer.into(),
            seq: 0,
            prev: HashMap::new(),
            one_file: false,
            signer: None,
        }
    }

    /// Sign every line from now on with `signer`.
    pub fn sign_with(&mut self, signer: Option<Signer>) {
        self.signer = signer;
    }

    pub fn signer(&self) -> Option<&Signer> {
        self.signer.as_ref()
    }

    /// A writer whose ops all go into one file, whatever their scope (`demo`'s logs).
    pub fn one_file(writer: impl Into<String>) -> OpChain {
        OpChain {
            one_file: true,
            ..OpChain::new(writer)
        }
    }

    pub fn writer(&self) -> &str {
        &self.writer
    }

    /// The number of the last op made (0 before the first).
    pub fn seq(&self) -> u64 {
        self.seq
    }

    /// The next op of this writer, chained to the line before it in its file.
    pub fn next(&mut self, clock: Hlc, at: String, by: Author, change: Change) -> Op {
        self.next_line(clock, at, by, change).0
    }

    /// As `next`, with the op's line (without its newline), encoded once for the hash.
    pub fn next_line(
        &mut self,
        clock: Hlc,
        at: String,
        by: Author,
        change: Change,
    ) -> (Op, String) {
        self.next_seen(clock, at, by, change, Vec::new())
    }

    /// As `next_line`, naming the heads of other writers' logs this writer has read.
    pub fn next_seen(
        &mut self,
        clock: Hlc,
        at: String,
        by: Author,
        change: Change,
        seen: Vec<Head>,
    ) -> (Op, String) {
        let file = if self.one_file {
            File::Only
        } else {
            File::Scope(change.scope())
        };
        self.seq += 1;
        let mut op = Op {
            v: SCHEMA_VERSION,
            writer: self.writer.clone(),
            seq: self.seq,
            clock,
            at,
            by,
            prev: self.prev.get(&file).cloned().unwrap_or_default(),
            change,
            seen,
            key: self
                .signer
                .as_ref()
                .map(|s| s.public().to_string())
                .unwrap_or_default(),
            sig: String::new(),
            verified: false,
            digest: [0; 32],
        };
        if let Some(signer) = &self.signer {
            // The signature covers the line as it is without it; it is written last.
            op.sig = signer.sign(op.encode().as_bytes());
            op.verified = true;
        }
        let line = op.encode();
        op.digest = line_digest(line.as_bytes());
        self.prev.insert(file, line_hash(line.as_bytes()));
        (op, line)
    }
}

/// Lines `from..=to` of `chain`, each renaming the forum ("`name` n"), with clocks of
/// those milliseconds: a log to compare copies of in tests.
#[cfg(test)]
pub(crate) fn test_lines(chain: &mut OpChain, from: u64, to: u64, name: &str) -> Vec<u8> {
    let ops: Vec<_> = (from..=to)
        .map(|n| {
            let change = crate::model::Change::Forum {
                id: "f".into(),
                name: format!("{name} {n}"),
            };
            let clock = super::clock::Hlc { ms: n as i64, c: 0 };
            chain.next(
                clock,
                "2026-12-08T10:00:00+01:00".into(),
                crate::model::Author::default(),
                change,
            )
        })
        .collect();
    super::op::encode_lines(&ops)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(n: u64) -> Change {
        Change::Forum {
            id: "f".into(),
            name: format!("Forum {n}"),
        }
    }

    fn item(meeting: &str) -> Change {
        Change::MeetingSet {
            meeting: meeting.into(),
            set: crate::model::MeetingField::Place("Akersgata".into()),
        }
    }

    #[test]
    fn each_file_is_chained_on_its_own_and_numbers_go_on() {
        let mut c = OpChain::new("w");
        let a = c.next(Hlc::default(), "t".into(), Author::default(), name(1));
        let b = c.next(Hlc::default(), "t".into(), Author::default(), item("m"));
        let d = c.next(Hlc::default(), "t".into(), Author::default(), name(2));
        assert_eq!((a.seq, b.seq, d.seq), (1, 2, 3));
        assert_eq!(a.prev, "");
        assert_eq!(b.prev, "", "the meeting's file starts its own chain");
        assert_eq!(d.prev, line_hash(a.encode().as_bytes()));
    }

    #[test]
    fn one_file_chains_every_scope_together() {
        let mut c = OpChain::one_file("w");
        let a = c.next(Hlc::default(), "t".into(), Author::default(), name(1));
        let (b, line) = c.next_line(Hlc::default(), "t".into(), Author::default(), item("m"));
        assert_eq!(b.prev, line_hash(a.encode().as_bytes()));
        assert_eq!(line, b.encode());
        assert_eq!(c.seq(), 2);
    }
}
