//! Checking logs: every line of a file against its hash chain.

use serde::Deserialize;

use super::report::{Finding, LogBreak, Logs, Note};
use crate::model::Scope;
use crate::store::layout::{Layout, is_copy};
use crate::store::leftovers;
use crate::store::log::{self, LineRead};
use crate::store::op::{self, Op};
use crate::store::pack;
use crate::store::{Problem, ProblemKind};
use std::path::Path;

/// The ops of a scope's logs and what their chains say.
pub(super) struct ScopeRead {
    pub(super) ops: Vec<Op>,
    pub(super) logs: Logs,
}

/// Read and check every log of a scope.
pub(super) fn read_scope(layout: &Layout, scope: &Scope) -> ScopeRead {
    let mut read = ScopeRead {
        ops: Vec::new(),
        logs: Logs {
            dir: shown_dir(layout, scope),
            ..Logs::default()
        },
    };
    for path in layout.log_files(scope) {
        let file = layout.relative(&path);
        let bytes = match log::read_plain_file(&path, 0).and_then(log::Plain::bytes) {
            Ok(bytes) => bytes,
            Err(e) => {
                read.logs.changed.push(Finding::Unreadable {
                    file,
                    error: e.to_string(),
                });
                continue;
            }
        };
        if pack::is_pack(&path) {
            // Each log in a pack is checked as the file it was.
            for fork in leftovers::pack_forks(&path) {
                read.logs.changed.push(Finding::Line(crate::store::Problem {
                    path: layout.relative(&fork.path).into(),
                    kind: match fork.kind {
                        ProblemKind::Fork { log, log_line, op } => ProblemKind::Fork {
                            log: layout.relative(&log).into(),
                            log_line,
                            op,
                        },
                        other => other,
                    },
                    ..fork
                }));
            }
            match pack::decode(&bytes) {
                Ok(sections) => {
                    for s in sections {
                        let file = format!("{file}/{}", s.name);
                        let origin = log::Origin::of_section(&path, &s);
                        read.logs.files += 1;
                        read_one(&mut read, &file, s.writer(), origin, &s.bytes);
                    }
                }
                Err(e) => read.logs.changed.push(Finding::Unreadable {
                    file,
                    error: e.to_string(),
                }),
            }
            continue;
        }
        let writer = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(crate::store::names::log_writer)
            .map(|(w, _)| w.to_string())
            .unwrap_or_default();
        read.logs.files += 1;
        let mut checked = check_log(&file, &writer, &bytes);
        if is_copy(&path) {
            copy_findings(layout, &path, &bytes, &mut checked, &mut read.logs);
        }
        let refused = screen_lines(log::Origin::of(&path), &file, &mut checked, &bytes);
        take(&mut read, checked, refused);
    }
    read
}

/// Check one log that is not a conflict copy (a section of a pack) and take in what it says.
fn read_one(
    read: &mut ScopeRead,
    file: &str,
    writer: &str,
    origin: Option<log::Origin>,
    bytes: &[u8],
) {
    let mut checked = check_log(file, writer, bytes);
    let refused = screen_lines(origin, file, &mut checked, bytes);
    take(read, checked, refused);
}

fn take(read: &mut ScopeRead, checked: LogCheck, refused: Vec<Finding>) {
    read.logs.entries += checked.entries;
    read.logs.changed.extend(checked.broken);
    read.logs.notes.extend(checked.notes);
    read.logs.changed.extend(refused);
    read.ops.extend(checked.ops);
}

/// A conflict copy of a log is read as the log's writer's lines: a copy that holds only the
/// later lines of the log starts mid-chain, which is no break when the log holds the lines
/// before. What the copy is to its log is noted; each line that forks from it is a finding.
fn copy_findings(
    layout: &Layout,
    path: &Path,
    bytes: &[u8],
    checked: &mut LogCheck,
    logs: &mut Logs,
) {
    let relative = |p: &crate::store::Problem| crate::store::Problem {
        path: layout.relative(&p.path).into(),
        kind: match &p.kind {
            ProblemKind::ConflictCopy { log, new_lines } => ProblemKind::ConflictCopy {
                log: layout.relative(log).into(),
                new_lines: *new_lines,
            },
            other => other.clone(),
        },
        ..p.clone()
    };
    let problems = leftovers::copy_problems(path);
    if let Some(Finding::Log {
        why: LogBreak::StartsMidChain,
        ..
    }) = &checked.broken
    {
        let log = problems.iter().find_map(|p| match &p.kind {
            ProblemKind::ConflictCopy { log, .. } => Some(log.clone()),
            _ => None,
        });
        let log_bytes = log
            .and_then(|l| log::read_plain_file(&l, 0).and_then(log::Plain::bytes).ok())
            .unwrap_or_default();
        if leftovers::continues(&log_bytes, bytes) {
            checked.broken = None;
        }
    }
    for p in &problems {
        match p.kind {
            ProblemKind::Fork { .. } => logs.changed.push(Finding::Line(relative(p))),
            _ => logs.notes.push(Note::Copy(relative(p))),
        }
    }
}

/// Every line of a file checked as the store checks it, and more: each signature on its
/// own (the store lets one signature stand for a run of lines), its folder and its
/// template. `ops` are the file's entries in order; those refused are taken out, the
/// others marked with their digest and whether their signature holds. Returns what was
/// refused.
fn screen_lines(
    origin: Option<log::Origin>,
    file: &str,
    checked: &mut LogCheck,
    bytes: &[u8],
) -> Vec<Finding> {
    let mut found = Vec::new();
    let mut kept = Vec::new();
    // The lines as `check_log` numbered them (already parsed there: not parsed again).
    let raw: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
    let numbered = std::mem::take(&mut checked.op_lines);
    for (number, mut op) in numbered.into_iter().zip(std::mem::take(&mut checked.ops)) {
        let line_bytes = raw.get(number - 1).copied().unwrap_or_default();
        op.digest = op::line_digest(line_bytes);
        let refused = origin.as_ref().and_then(|o| o.refuses(&op)).or_else(|| {
            (op.writer == crate::model::TEMPLATE_WRITER && !crate::store::seed::is_template(&op))
                .then_some(ProblemKind::NotTheTemplate)
        });
        let kind = match refused {
            Some(kind) => Some(kind),
            None if op.sig.is_empty() => None,
            None => {
                op.verified = op.check_signature(line_bytes);
                (!op.verified).then_some(ProblemKind::BadSignature)
            }
        };
        if let Some(kind) = kind {
            found.push(Finding::Line(Problem {
                path: file.into(),
                line: Some(number),
                kind: kind.clone(),
            }));
            if kind != ProblemKind::BadSignature {
                continue;
            }
        }
        kept.push(op);
    }
    checked.ops = kept;
    found
}

/// A scope's log folder as the report shows it: `log/<meeting>/`.
pub(super) fn shown_dir(layout: &Layout, scope: &Scope) -> String {
    format!("{}/", layout.relative(&layout.scope_dir(scope)))
}

/// What one log file's chain says, and its ops (the same the fold reads).
#[derive(Debug, Default)]
pub struct LogCheck {
    pub ops: Vec<Op>,
    /// The line number (from 1) of each of `ops`.
    pub op_lines: Vec<usize>,
    pub entries: usize,
    /// The first break of the chain, if any.
    pub broken: Option<Finding>,
    pub notes: Vec<Note>,
}

/// The fields the chain is made of; read on their own from a line of a newer schema.
#[derive(Deserialize)]
struct ChainFields {
    writer: String,
    seq: u64,
    #[serde(default)]
    prev: String,
}

/// Check the hash chain of one log file: `file` is its path for people, `writer` the writer
/// its name says. Every line must be an entry of that writer, hold the hash of the line
/// before it (none on the first), and have a larger number than it. The first break is
/// reported; an unfinished last line is a note, not a break.
pub fn check_log(file: &str, writer: &str, bytes: &[u8]) -> LogCheck {
    let mut out = LogCheck::default();
    // The last good line: its number, bytes, entry id and seq.
    let mut before: Option<(usize, &[u8], String, u64)> = None;
    for line in log::lines(bytes) {
        let n = line.number;
        let fields = match line.read {
            LineRead::Blank => {
                out.notes.push(Note::Blank {
                    file: file.to_string(),
                    line: n,
                });
                continue;
            }
            LineRead::Torn => {
                out.notes.push(Note::TornTail {
                    file: file.to_string(),
                    line: n,
                });
                continue;
            }
            LineRead::Op(op) => {
                let f = ChainFields {
                    writer: op.writer.clone(),
                    seq: op.seq,
                    prev: op.prev.clone(),
                };
                out.ops.push(op);
                out.op_lines.push(n);
                Some(f)
            }
            LineRead::Newer(v) => {
                out.notes.push(Note::Newer {
                    file: file.to_string(),
                    line: n,
                    v,
                });
                serde_json::from_slice::<ChainFields>(line.bytes).ok()
            }
            LineRead::Invalid(_) => None,
        };
        out.entries += 1;
        if out.broken.is_some() {
            continue;
        }
        let Some(f) = fields else {
            out.broken = Some(Finding::Log {
                file: file.to_string(),
                line: n,
                entry: None,
                why: LogBreak::NotAnEntry,
            });
            continue;
        };
        let entry = format!("{}:{}", f.writer, f.seq);
        let why = if f.writer != writer {
            Some((n, entry.clone(), LogBreak::OtherWriter))
        } else {
            match &before {
                None if !f.prev.is_empty() => Some((n, entry.clone(), LogBreak::StartsMidChain)),
                None => None,
                Some((bn, bytes, bentry, _)) if f.prev != op::line_hash(bytes) => {
                    Some((*bn, bentry.clone(), LogBreak::NextDisagrees { next: n }))
                }
                Some((_, _, _, bseq)) if f.seq <= *bseq => {
                    Some((n, entry.clone(), LogBreak::SeqNotIncreasing))
                }
                Some(_) => None,
            }
        };
        if let Some((line, entry, why)) = why {
            out.broken = Some(Finding::Log {
                file: file.to_string(),
                line,
                entry: Some(entry),
                why,
            });
        }
        before = Some((n, line.bytes, entry, f.seq));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Author, Change};
    use crate::store::chain::OpChain;
    use crate::store::clock::Hlc;

    /// A well-chained log of `n` lines by writer `w`.
    fn log(n: u64) -> Vec<u8> {
        let mut chain = OpChain::new("w");
        let ops: Vec<Op> = (1..=n)
            .map(|seq| {
                let clock = Hlc {
                    ms: seq as i64,
                    c: 0,
                };
                let change = Change::Forum {
                    id: "f".into(),
                    name: format!("Forum {seq}"),
                };
                let at = "2026-12-08T10:00:00+01:00".to_string();
                chain.next(clock, at, Author::default(), change)
            })
            .collect();
        op::encode_lines(&ops)
    }

    fn broken(c: &LogCheck) -> Option<(usize, LogBreak)> {
        match &c.broken {
            Some(Finding::Log { line, why, .. }) => Some((*line, *why)),
            _ => None,
        }
    }

    #[test]
    fn a_whole_chain_is_intact() {
        let c = check_log("log/forum/w.jsonl", "w", &log(4));
        assert_eq!(c.broken, None);
        assert_eq!(c.entries, 4);
        assert_eq!(c.ops.len(), 4);
        assert!(c.notes.is_empty());
    }

    #[test]
    fn a_changed_byte_names_the_line() {
        let mut bytes = log(4);
        let second = bytes.iter().position(|b| *b == b'\n').expect("a line") + 1;
        let at = second
            + bytes[second..]
                .windows(5)
                .position(|w| w == b"Forum")
                .expect("name");
        bytes[at] = b'F' ^ 0x20;
        let c = check_log("f", "w", &bytes);
        assert_eq!(
            broken(&c),
            Some((2, LogBreak::NextDisagrees { next: 3 })),
            "{c:?}"
        );
        match c.broken {
            Some(Finding::Log { entry, .. }) => assert_eq!(entry.as_deref(), Some("w:2")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_removed_first_line_or_a_line_from_another_writer_breaks_the_chain() {
        let bytes = log(3);
        let second = bytes.iter().position(|b| *b == b'\n').expect("a line") + 1;
        let c = check_log("f", "w", &bytes[second..]);
        assert_eq!(broken(&c), Some((1, LogBreak::StartsMidChain)));
        let c = check_log("f", "other", &bytes);
        assert_eq!(broken(&c), Some((1, LogBreak::OtherWriter)));
        let mut bad = bytes.clone();
        bad.extend_from_slice(b"{not json}\n");
        bad.extend_from_slice(&bytes);
        let c = check_log("f", "w", &bad);
        assert_eq!(broken(&c), Some((4, LogBreak::NotAnEntry)));
    }

    #[test]
    fn a_torn_last_line_is_a_note_not_a_change() {
        let mut bytes = log(3);
        bytes.extend_from_slice(br#"{"v":1,"writer":"w","se"#);
        let c = check_log("f", "w", &bytes);
        assert_eq!(c.broken, None);
        assert_eq!(
            c.notes,
            vec![Note::TornTail {
                file: "f".into(),
                line: 4
            }]
        );
        assert_eq!(c.ops.len(), 3);
    }
}
