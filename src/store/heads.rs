//! What each writer had seen of the others. Every op names the last line of each other
//! writer's log in its scope that its writer had read since its previous op there (its
//! `seen` heads). A line someone has seen cannot then be cut or changed unnoticed: the
//! head names it by number and hash.

use std::collections::HashMap;

use super::op::{Head, Op, names_digest};
use super::problem::ProblemKind;
use crate::model::Scope;

/// The heads this writer has read, and those it has named already.
#[derive(Debug, Default)]
pub struct Heads {
    read: HashMap<Scope, HashMap<String, Head>>,
    named: HashMap<Scope, HashMap<String, u64>>,
}

impl Heads {
    /// Another writer's log in `scope` was read up to `head`.
    pub fn note(&mut self, scope: Scope, head: Head) {
        let heads = self.read.entry(scope).or_default();
        match heads.get(&head.writer) {
            Some(h) if h.seq >= head.seq => {}
            _ => {
                heads.insert(head.writer.clone(), head);
            }
        }
    }

    /// The heads in `scope` read since this writer last named them: for its next op there.
    pub fn to_name(&mut self, scope: &Scope) -> Vec<Head> {
        let Some(read) = self.read.get(scope) else {
            return Vec::new();
        };
        let named = self.named.entry(scope.clone()).or_default();
        let mut out: Vec<Head> = read
            .values()
            .filter(|h| named.get(&h.writer).is_none_or(|seq| *seq < h.seq))
            .cloned()
            .collect();
        out.sort_by(|a, b| a.writer.cmp(&b.writer));
        for h in &out {
            named.insert(h.writer.clone(), h.seq);
        }
        out
    }
}

/// A line that a head names and that is not there as it was.
#[derive(Debug, Clone, PartialEq)]
pub struct Lost {
    pub scope: Scope,
    /// The writer whose log lost or changed it.
    pub writer: String,
    pub kind: ProblemKind,
}

/// Every head named in `ops` checked against the lines of `ops` (all the lines of the
/// scopes they are in): those gone, and those changed.
pub fn check(ops: &[Op]) -> Vec<Lost> {
    let mut lines: HashMap<(&str, u64), Vec<&[u8; 32]>> = HashMap::new();
    for op in ops {
        lines
            .entry((&op.writer, op.seq))
            .or_default()
            .push(&op.digest);
    }
    let mut lost = Vec::new();
    for op in ops.iter().filter(|op| !op.seen.is_empty()) {
        for head in &op.seen {
            let kind = match lines.get(&(head.writer.as_str(), head.seq)) {
                Some(digests) if digests.iter().any(|d| names_digest(&head.hash, d)) => continue,
                Some(_) => ProblemKind::HistoryAltered {
                    op: format!("{}:{}", head.writer, head.seq),
                    seen_by: seer(op),
                },
                None => ProblemKind::HistoryCut {
                    op: format!("{}:{}", head.writer, head.seq),
                    seen_by: seer(op),
                },
            };
            lost.push(Lost {
                scope: op.change.scope(),
                writer: head.writer.clone(),
                kind,
            });
        }
    }
    lost
}

/// Whether every head named in `new` (ops read on top of a snapshot) names a line that is
/// there as it was: among `new`, or the last line of a log when the snapshot was taken
/// (`before`). `false` also when a head names an older line, which only a full read can
/// check.
pub fn check_new<'a>(
    new: impl Iterator<Item = &'a Op> + Clone,
    before: impl Iterator<Item = &'a Head>,
) -> bool {
    let lines: HashMap<(&str, u64), &[u8; 32]> = new
        .clone()
        .map(|o| ((o.writer.as_str(), o.seq), &o.digest))
        .collect();
    let before: Vec<&Head> = before.collect();
    new.flat_map(|op| op.seen.iter()).all(|head| {
        match lines.get(&(head.writer.as_str(), head.seq)) {
            Some(digest) => names_digest(&head.hash, digest),
            None => before.contains(&head),
        }
    })
}

/// Who saw a line: the name of the op's author and the op.
fn seer(op: &Op) -> String {
    format!("{} ({})", op.by.name, op.id())
}
