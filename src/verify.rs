//! `samrad verify`: are approved minutes unchanged since approval, and are the logs intact?
//!
//! Only reads. Every line of the chosen logs is checked against its file's hash chain (each
//! line holds the SHA-256 of the line before it). Each meeting is folded on its own, from its
//! logs and the forum's records, and approved minutes are hashed again and compared with the
//! hash the parties approved: in the fold, in the minutes file and in earlier approved
//! versions. Nothing is written: no seeding, no snapshot, no minutes.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};
use serde::Deserialize;
use serde_json::Value;

use crate::i18n::{self, Lang};
use crate::model::{Change, Forum, Meeting, MeetingField, MeetingStatus, SCHEMA_VERSION, Scope};
use crate::store::op::{self, LineError, Op};
use crate::store::{Layout, fold, seal};

/// Check one meeting (id, date or `latest`), or everything when `meeting` is `None`, and
/// print the report. Exit code 1 when anything changed.
pub fn run(root: &Path, lang: Lang, meeting: Option<&str>) -> Result<ExitCode> {
    let report = check(root, lang, meeting)?;
    let mut out = std::io::stdout().lock();
    out.write_all(render(&report, lang).as_bytes())?;
    out.flush()?;
    Ok(if report.changed() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The outcome of one verify.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// The forum's logs; checked with `--all` only.
    pub forum: Option<Logs>,
    /// One per meeting, by date.
    pub meetings: Vec<MeetingReport>,
}

impl Report {
    /// Whether anything was changed: the exit code.
    pub fn changed(&self) -> bool {
        self.forum.as_ref().is_some_and(|f| !f.changed.is_empty())
            || self.meetings.iter().any(|m| m.verdict == Verdict::Changed)
    }

    pub fn count(&self, verdict: Verdict) -> usize {
        self.meetings
            .iter()
            .filter(|m| m.verdict == verdict)
            .count()
    }
}

/// What the hash chains of a set of log files say.
#[derive(Debug, Clone, Default)]
pub struct Logs {
    pub files: usize,
    pub entries: usize,
    pub changed: Vec<Finding>,
    pub notes: Vec<Note>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Approved, and nothing changed since.
    Intact,
    /// Something in the logs or the minutes is not as it was written or approved.
    Changed,
    /// Nothing changed, and nothing approved to check (yet).
    NotApproved,
}

#[derive(Debug, Clone)]
pub struct MeetingReport {
    pub id: String,
    pub title: String,
    pub starts_at: String,
    /// `None`: the logs hold no meeting.
    pub status: Option<MeetingStatus>,
    pub verdict: Verdict,
    /// The approved round, when the minutes are approved.
    pub approved: Option<Round>,
    /// Short names of the parties whose approval is missing, while circulated.
    pub waiting_for: Vec<String>,
    pub changed: Vec<Finding>,
    pub notes: Vec<Note>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    pub hash: String,
    pub approved_at: String,
    /// How many parties approved.
    pub parties: usize,
}

/// Something that is not as it was written or approved.
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    /// A log line breaks its file's hash chain: the first break of the file.
    Log {
        file: String,
        line: usize,
        /// `writer:seq` of the line, when it can be read.
        entry: Option<String>,
        why: LogBreak,
    },
    /// A log file that could not be read, so could not be checked.
    Unreadable { file: String, error: String },
    /// The content folded from the logs now is not the content that was approved.
    Fold {
        dir: String,
        hash: String,
        approved: String,
        place: Option<Place>,
    },
    /// The minutes file's content does not have the hash it was approved (or circulated) with.
    Minutes {
        file: String,
        hash: String,
        approved: String,
        place: Option<Place>,
    },
    /// The minutes file cannot be read as minutes.
    MinutesInvalid { file: String, error: String },
    /// The approvals in the minutes file are not those in the logs.
    MinutesApprovals { file: String },
    /// The minutes file says approved, with a hash the logs never approved.
    ApprovalMissing { file: String, hash: String },
    /// The minutes file says approved, and the meeting's logs are gone.
    LogsMissing { dir: String, file: String },
    /// An earlier approved version does not have its hash any more.
    Earlier {
        place_of: String,
        approved_at: String,
        hash: String,
        place: Option<Place>,
    },
    /// A party's approval in the round is for other content than the round's.
    ApprovalHash { dir: String, party: String },
}

/// How a log line breaks the chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogBreak {
    /// Not a valid entry at all.
    NotAnEntry,
    /// The file's first line points to a line before it: lines were removed from the start.
    StartsMidChain,
    /// This line is not the line the next line was chained to: it was changed (or a line
    /// after it removed, or one inserted).
    NextDisagrees { next: usize },
    /// The entry's number does not increase.
    SeqNotIncreasing,
    /// The entry names another writer than the file's.
    OtherWriter,
}

/// Worth saying, but not a change.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// An unfinished last line: a write cut off by a crash.
    TornTail {
        file: String,
        line: usize,
    },
    /// A line from a newer samrad: its chain is checked, its content is not.
    Newer {
        file: String,
        line: usize,
        v: u32,
    },
    Blank {
        file: String,
        line: usize,
    },
    /// The minutes file is from before the logs' current state; not compared.
    MinutesStale {
        file: String,
        status: MeetingStatus,
    },
    MinutesNewer {
        file: String,
        v: u32,
    },
    EarlierIntact {
        approved_at: String,
        hash: String,
    },
    /// A minutes file without logs, not saying approved.
    NoLogs {
        dir: String,
        file: String,
    },
}

/// Where two versions of a meeting first differ.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    Meeting {
        field: String,
        entry: Option<Entry>,
    },
    Item {
        number: String,
        field: String,
        entry: Option<Entry>,
    },
    /// An item of the reference that the other lacks.
    ItemMissing {
        number: String,
    },
    /// An item the other has and the reference does not.
    ItemAdded {
        number: String,
    },
    ItemOrder,
}

/// One entry of a list (a position, a statement, a vote): its place, 1-based, and party.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub n: usize,
    pub party: Option<String>,
}

// ---------------------------------------------------------------------------------------
// Checking.

/// Check one meeting (id, date or `latest`), or every meeting and the forum's logs.
pub fn check(root: &Path, lang: Lang, meeting: Option<&str>) -> Result<Report> {
    let layout = Layout::new(root);
    if !layout.scope_dir(&Scope::Forum).is_dir() {
        match lang {
            Lang::Nb => bail!(
                "{}: ingen samrad-logger her (log/forum/ finnes ikke); oppgi datamappen med --data-dir",
                root.display()
            ),
            Lang::En => bail!(
                "{}: no samrad logs here (there is no log/forum/); give the data folder with --data-dir",
                root.display()
            ),
        }
    }
    let ids: Vec<String> = layout
        .scopes()
        .into_iter()
        .filter_map(|s| match s {
            Scope::Meeting(id) => Some(id),
            Scope::Forum => None,
        })
        .collect();
    let forum = read_scope(&layout, &Scope::Forum);
    // A meeting's content depends on the forum's parties and people (who must approve),
    // never on the action list or area inputs: those are left out of each meeting's fold.
    let forum_ops: Vec<Op> = forum
        .ops
        .into_iter()
        .filter(|o| {
            !matches!(
                o.change,
                Change::ActionAdd { .. } | Change::ActionSet { .. } | Change::AreaInput { .. }
            )
        })
        .collect();
    let chosen = match meeting {
        None => ids.clone(),
        Some(key) => vec![find_meeting(&layout, &ids, key, lang)?],
    };
    let mut meetings = check_meetings(&layout, &chosen, &forum_ops);
    if meeting.is_none() {
        meetings.extend(minutes_without_logs(&layout, &ids));
    }
    meetings.sort_by(|a, b| a.starts_at.cmp(&b.starts_at).then_with(|| a.id.cmp(&b.id)));
    Ok(Report {
        forum: meeting.is_none().then_some(forum.logs),
        meetings,
    })
}

/// Meeting by meeting, on all cores; each folded on its own.
fn check_meetings(layout: &Layout, ids: &[String], forum_ops: &[Op]) -> Vec<MeetingReport> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(ids.len() / 8 + 1);
    if threads <= 1 {
        return ids
            .iter()
            .map(|id| check_meeting(layout, id, forum_ops))
            .collect();
    }
    let chunk = ids.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = ids
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|id| check_meeting(layout, id, forum_ops))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .zip(ids.chunks(chunk))
            .flat_map(|(h, part)| {
                h.join().unwrap_or_else(|_| {
                    // Not expected; a meeting that could not be checked is not intact.
                    part.iter()
                        .map(|id| {
                            let mut r = empty_report(id);
                            r.verdict = Verdict::Changed;
                            r.changed.push(Finding::Unreadable {
                                file: format!("log/{id}/"),
                                error: "checking failed".into(),
                            });
                            r
                        })
                        .collect()
                })
            })
            .collect()
    })
}

fn empty_report(id: &str) -> MeetingReport {
    MeetingReport {
        id: id.to_string(),
        title: String::new(),
        starts_at: String::new(),
        status: None,
        verdict: Verdict::NotApproved,
        approved: None,
        waiting_for: Vec::new(),
        changed: Vec::new(),
        notes: Vec::new(),
    }
}

/// The ops of a scope's logs and what their chains say.
struct ScopeRead {
    ops: Vec<Op>,
    logs: Logs,
}

fn read_scope(layout: &Layout, scope: &Scope) -> ScopeRead {
    let mut read = ScopeRead {
        ops: Vec::new(),
        logs: Logs::default(),
    };
    for path in layout.log_files(scope) {
        let rel = path
            .strip_prefix(layout.root())
            .map(|r| r.display().to_string())
            .unwrap_or_else(|_| path.display().to_string());
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        read.logs.files += 1;
        match std::fs::read(&path) {
            Ok(bytes) => {
                let file = check_log(&rel, &stem, &bytes);
                read.logs.entries += file.entries;
                read.logs.changed.extend(file.broken);
                read.logs.notes.extend(file.notes);
                read.ops.extend(file.ops);
            }
            Err(e) => read.logs.changed.push(Finding::Unreadable {
                file: rel,
                error: e.to_string(),
            }),
        }
    }
    read
}

/// What one log file's chain says, and its ops (the same the fold reads).
#[derive(Debug, Default)]
pub struct LogCheck {
    pub ops: Vec<Op>,
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
    let ends_clean = bytes.last().is_none_or(|b| *b == b'\n');
    let mut lines: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
    if ends_clean {
        lines.pop();
    }
    let last = lines.len();
    // The last good line: its number, bytes, entry id and seq.
    let mut before: Option<(usize, &[u8], String, u64)> = None;
    for (i, line) in lines.into_iter().enumerate() {
        let n = i + 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            out.notes.push(Note::Blank {
                file: file.to_string(),
                line: n,
            });
            continue;
        }
        let fields = match op::parse_line(line) {
            Ok(op) => {
                let f = ChainFields {
                    writer: op.writer.clone(),
                    seq: op.seq,
                    prev: op.prev.clone(),
                };
                out.ops.push(op);
                Some(f)
            }
            Err(LineError::Newer(v)) => {
                out.notes.push(Note::Newer {
                    file: file.to_string(),
                    line: n,
                    v,
                });
                serde_json::from_slice::<ChainFields>(line).ok()
            }
            Err(LineError::Invalid(_)) if n == last && !ends_clean => {
                out.notes.push(Note::TornTail {
                    file: file.to_string(),
                    line: n,
                });
                continue;
            }
            Err(LineError::Invalid(_)) => None,
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
        before = Some((n, line, entry, f.seq));
    }
    out
}

/// A minutes file as found on disk: only its meeting is read (the forum and the action list
/// in it are not part of what is approved).
enum MinutesFile {
    Missing,
    Newer(u32),
    Invalid(String),
    Read(Box<Meeting>),
}

fn read_minutes_file(path: &Path) -> MinutesFile {
    #[derive(Deserialize)]
    struct Version {
        schema_version: u32,
    }
    #[derive(Deserialize)]
    struct Part {
        schema_version: u32,
        meeting: Meeting,
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return MinutesFile::Missing,
        Err(e) => return MinutesFile::Invalid(e.to_string()),
    };
    match serde_json::from_slice::<Part>(&bytes) {
        Ok(p) if p.schema_version > SCHEMA_VERSION => MinutesFile::Newer(p.schema_version),
        Ok(p) => MinutesFile::Read(Box::new(p.meeting)),
        Err(e) => match serde_json::from_slice::<Version>(&bytes) {
            Ok(Version { schema_version: v }) if v > SCHEMA_VERSION => MinutesFile::Newer(v),
            _ => MinutesFile::Invalid(e.to_string()),
        },
    }
}

fn check_meeting(layout: &Layout, id: &str, forum_ops: &[Op]) -> MeetingReport {
    let dir = format!("log/{id}/");
    let read = read_scope(layout, &Scope::Meeting(id.to_string()));
    let mut report = empty_report(id);
    report.changed = read.logs.changed;
    report.notes = read.logs.notes;
    let mut ops = forum_ops.to_vec();
    ops.extend(read.ops);
    let doc = fold::fold(ops);
    let file_rel = format!("minutes/{id}.json");
    let file = read_minutes_file(&layout.minutes_path(id));
    let Some(m) = doc.meeting(id) else {
        if let MinutesFile::Read(f) = &file {
            report.title = f.title.clone();
            report.starts_at = f.starts_at.clone();
            if f.status == MeetingStatus::Approved {
                report.changed.push(Finding::ApprovalMissing {
                    file: file_rel,
                    hash: f.content_hash.clone().unwrap_or_default(),
                });
            }
        }
        return finish(report);
    };
    report.title = m.title.clone();
    report.starts_at = m.starts_at.clone();
    report.status = Some(m.status);
    report.waiting_for = m
        .waiting_for(&doc.forum)
        .iter()
        .map(|p| doc.forum.party_short(p).to_string())
        .collect();
    let minutes = match file {
        MinutesFile::Read(f) => Some(f),
        // Minutes are derived: a folder may have none; the logs were checked.
        MinutesFile::Missing => None,
        MinutesFile::Newer(v) => {
            report.notes.push(Note::MinutesNewer {
                file: file_rel.clone(),
                v,
            });
            None
        }
        MinutesFile::Invalid(error) => {
            report.changed.push(Finding::MinutesInvalid {
                file: file_rel.clone(),
                error,
            });
            None
        }
    };
    let forum = &doc.forum;
    // The round in the logs.
    if m.status == MeetingStatus::Approved {
        let approved = m.content_hash.clone().unwrap_or_default();
        let now = seal::content_hash(m);
        if now != approved {
            // The file may still hold the approved content: then it names what differs.
            let place = minutes
                .as_ref()
                .filter(|f| seal::content_hash(f) == approved)
                .and_then(|f| first_difference(f, m, forum));
            report.changed.push(Finding::Fold {
                dir: dir.clone(),
                hash: now,
                approved: approved.clone(),
                place,
            });
        }
        let answers: Vec<_> = m
            .approvals
            .iter()
            .filter(|a| a.verdict == crate::model::Verdict::Approve)
            .collect();
        for a in &answers {
            if a.hash != approved {
                report.changed.push(Finding::ApprovalHash {
                    dir: dir.clone(),
                    party: forum.party_short(&a.party).to_string(),
                });
            }
        }
        report.approved = Some(Round {
            hash: approved,
            approved_at: m.approved_at.clone().unwrap_or_default(),
            parties: answers.len(),
        });
    }
    // Earlier approved versions in the logs.
    for v in &m.earlier_versions {
        let intact = seal::content_hash(&v.meeting) == v.hash
            && v.approvals
                .iter()
                .filter(|a| a.verdict == crate::model::Verdict::Approve)
                .all(|a| a.hash == v.hash);
        if intact {
            report.notes.push(Note::EarlierIntact {
                approved_at: v.approved_at.clone(),
                hash: v.hash.clone(),
            });
        } else {
            let place = minutes.as_ref().and_then(|f| {
                f.earlier_versions
                    .iter()
                    .find(|fv| fv.hash == v.hash && seal::content_hash(&fv.meeting) == v.hash)
                    .and_then(|fv| first_difference(&fv.meeting, &v.meeting, forum))
            });
            report.changed.push(Finding::Earlier {
                place_of: dir.clone(),
                approved_at: v.approved_at.clone(),
                hash: v.hash.clone(),
                place,
            });
        }
    }
    if let Some(f) = &minutes {
        check_minutes_file(&mut report, &file_rel, f, m, forum);
    }
    finish(report)
}

/// Compare the minutes file's meeting with the fold's: its content must have the hash it
/// says it was circulated or approved with, and that hash must be one the logs know.
fn check_minutes_file(
    report: &mut MeetingReport,
    file: &str,
    fm: &Meeting,
    m: &Meeting,
    forum: &Forum,
) {
    let approved = (m.status == MeetingStatus::Approved)
        .then_some(m.content_hash.as_deref())
        .flatten();
    let fh = seal::content_hash(fm);
    let claimed = fm.content_hash.as_deref();
    let in_round = matches!(
        fm.status,
        MeetingStatus::Circulated | MeetingStatus::Approved
    );
    if approved == Some(fh.as_str()) {
        if fm.status == MeetingStatus::Approved {
            let mut a = fm.approvals.clone();
            let mut b = m.approvals.clone();
            a.sort_by(|x, y| x.party.cmp(&y.party));
            b.sort_by(|x, y| x.party.cmp(&y.party));
            if a != b || fm.approved_at != m.approved_at {
                report.changed.push(Finding::MinutesApprovals {
                    file: file.to_string(),
                });
            }
        } else {
            report.notes.push(Note::MinutesStale {
                file: file.to_string(),
                status: fm.status,
            });
        }
    } else if in_round && claimed != Some(fh.as_str()) {
        // The file says which content it holds, and holds other content.
        let claimed = claimed.unwrap_or_default();
        let reference = m
            .earlier_versions
            .iter()
            .find(|v| v.hash == claimed)
            .map(|v| v.meeting.as_ref())
            .unwrap_or(m);
        report.changed.push(Finding::Minutes {
            file: file.to_string(),
            hash: fh,
            approved: claimed.to_string(),
            place: first_difference(reference, fm, forum),
        });
    } else if fm.status == MeetingStatus::Approved
        && !m
            .earlier_versions
            .iter()
            .any(|v| Some(v.hash.as_str()) == claimed)
    {
        report.changed.push(Finding::ApprovalMissing {
            file: file.to_string(),
            hash: claimed.unwrap_or_default().to_string(),
        });
    } else if m.status == MeetingStatus::Approved || fm.status != m.status {
        report.notes.push(Note::MinutesStale {
            file: file.to_string(),
            status: fm.status,
        });
    }
    // Earlier versions kept in the file must have their hashes too.
    for fv in &fm.earlier_versions {
        if seal::content_hash(&fv.meeting) != fv.hash {
            let reference = m.earlier_versions.iter().find(|v| v.hash == fv.hash);
            report.changed.push(Finding::Earlier {
                place_of: file.to_string(),
                approved_at: fv.approved_at.clone(),
                hash: fv.hash.clone(),
                place: reference.and_then(|v| first_difference(&v.meeting, &fv.meeting, forum)),
            });
        }
    }
}

fn finish(mut report: MeetingReport) -> MeetingReport {
    report.verdict = if !report.changed.is_empty() {
        Verdict::Changed
    } else if report.status == Some(MeetingStatus::Approved) {
        Verdict::Intact
    } else {
        Verdict::NotApproved
    };
    report
}

/// Minutes files whose meeting has no logs: approved ones lost their logs.
fn minutes_without_logs(layout: &Layout, ids: &[String]) -> Vec<MeetingReport> {
    let Ok(rd) = std::fs::read_dir(layout.minutes_dir()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut names: Vec<String> = rd
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    names.sort();
    for name in names {
        let Some(id) = name.strip_suffix(".json") else {
            continue;
        };
        if !crate::store::ids::is_safe_id(id) || ids.iter().any(|i| i == id) {
            continue;
        }
        let MinutesFile::Read(f) = read_minutes_file(&layout.minutes_path(id)) else {
            continue;
        };
        let mut r = empty_report(id);
        r.title = f.title.clone();
        r.starts_at = f.starts_at.clone();
        let dir = format!("log/{id}/");
        let file = format!("minutes/{name}");
        if f.status == MeetingStatus::Approved {
            r.changed.push(Finding::LogsMissing { dir, file });
        } else {
            r.notes.push(Note::NoLogs { dir, file });
        }
        out.push(finish(r));
    }
    out
}

// ---------------------------------------------------------------------------------------
// Where two versions differ.

const MEETING_KEYS: &[&str] = &[
    "title",
    "starts_at",
    "place",
    "chair",
    "referent",
    "attendance",
    "documents",
    "items",
    "opened_at",
    "closed_at",
];

const ITEM_KEYS: &[&str] = &[
    "number",
    "title",
    "kind",
    "rank",
    "presenter",
    "planned_minutes",
    "started_at",
    "ended_at",
    "demanded_on",
    "areas",
    "background",
    "notes",
    "conclusion",
    "agreement",
    "dissenters",
    "confidential",
    "positions",
    "votes",
    "inputs",
    "statements",
    "speakers",
    "party_budget_minutes",
];

/// The first place, in reading order, where `other`'s content differs from `reference`'s.
pub fn first_difference(reference: &Meeting, other: &Meeting, forum: &Forum) -> Option<Place> {
    let a = serde_json::to_value(reference.canonical_content()).ok()?;
    let b = serde_json::to_value(other.canonical_content()).ok()?;
    for key in keys_in_order(&a, &b, MEETING_KEYS) {
        if key == "items" {
            if let Some(p) = item_difference(reference, other, forum) {
                return Some(p);
            }
            continue;
        }
        let (x, y) = (a.get(&key), b.get(&key));
        if x != y {
            return Some(Place::Meeting {
                entry: entry_difference(x, y, forum),
                field: key,
            });
        }
    }
    None
}

fn item_difference(reference: &Meeting, other: &Meeting, forum: &Forum) -> Option<Place> {
    for ri in &reference.items {
        let number = ri.number.to_string();
        let Some(oi) = other.items.iter().find(|o| o.id == ri.id) else {
            return Some(Place::ItemMissing { number });
        };
        if ri == oi {
            continue;
        }
        let a = serde_json::to_value(ri).ok()?;
        let b = serde_json::to_value(oi).ok()?;
        for key in keys_in_order(&a, &b, ITEM_KEYS) {
            let (x, y) = (a.get(&key), b.get(&key));
            if x != y {
                return Some(Place::Item {
                    number,
                    entry: entry_difference(x, y, forum),
                    field: key,
                });
            }
        }
    }
    if let Some(oi) = other
        .items
        .iter()
        .find(|o| !reference.items.iter().any(|r| r.id == o.id))
    {
        return Some(Place::ItemAdded {
            number: oi.number.to_string(),
        });
    }
    let ids = |m: &Meeting| m.items.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
    (ids(reference) != ids(other)).then_some(Place::ItemOrder)
}

/// The keys of two JSON objects: the known ones in reading order, then any others by name.
fn keys_in_order(a: &Value, b: &Value, known: &[&str]) -> Vec<String> {
    let mut keys: Vec<String> = known.iter().map(|k| k.to_string()).collect();
    let mut rest: Vec<String> = [a, b]
        .iter()
        .filter_map(|v| v.as_object())
        .flat_map(|o| o.keys().cloned())
        .filter(|k| !known.contains(&k.as_str()))
        .collect();
    rest.sort();
    rest.dedup();
    keys.extend(rest);
    keys
}

/// For two lists: the first entry that differs, with its party when it has one.
fn entry_difference(x: Option<&Value>, y: Option<&Value>, forum: &Forum) -> Option<Entry> {
    let (Some(Value::Array(x)), Some(Value::Array(y))) = (x, y) else {
        return None;
    };
    let i = (0..x.len().max(y.len())).find(|&i| x.get(i) != y.get(i))?;
    let party = x
        .get(i)
        .or_else(|| y.get(i))
        .and_then(|e| e.get("party"))
        .and_then(Value::as_str)
        .map(|p| forum.party_short(p).to_string());
    Some(Entry { n: i + 1, party })
}

// ---------------------------------------------------------------------------------------
// Finding a meeting.

/// A meeting by id, date (yyyy-mm-dd or dd.mm.yyyy) or `latest`, among the log folders.
fn find_meeting(layout: &Layout, ids: &[String], key: &str, lang: Lang) -> Result<String> {
    if let Some(id) = ids.iter().find(|i| *i == key.trim()) {
        return Ok(id.clone());
    }
    let dated: Vec<(String, String)> = ids
        .iter()
        .filter_map(|id| starts_at(layout, id).map(|at| (id.clone(), at)))
        .collect();
    crate::model::find_meeting(dated.iter().map(|(id, at)| (id.as_str(), at.as_str())), key)
        .map_err(|e| anyhow::anyhow!("{}", crate::i18n::lookup_error(lang, &e)))
}

/// A meeting's time as its logs last set it, without folding.
fn starts_at(layout: &Layout, id: &str) -> Option<String> {
    let read = read_scope(layout, &Scope::Meeting(id.to_string()));
    read.ops
        .iter()
        .filter_map(|o| match &o.change {
            Change::MeetingCreate {
                meeting, starts_at, ..
            } if meeting == id => Some((o.order_key(), starts_at)),
            Change::MeetingSet {
                meeting,
                set: MeetingField::StartsAt(at),
            } if meeting == id => Some((o.order_key(), at)),
            _ => None,
        })
        .max_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, at)| at.clone())
}

// ---------------------------------------------------------------------------------------
// Words.

/// The report as text: one block per meeting, then a summary line.
pub fn render(report: &Report, lang: Lang) -> String {
    let mut out = String::new();
    if let Some(forum) = &report.forum {
        out.push_str(&format!(
            "{}  log/forum/\n",
            tr(lang, "Forumet", "The forum")
        ));
        if forum.changed.is_empty() {
            out.push_str(&format!(
                "  {}\n",
                match lang {
                    Lang::Nb => format!(
                        "loggene er uendret ({} {}, {} {})",
                        forum.files,
                        if forum.files == 1 { "fil" } else { "filer" },
                        forum.entries,
                        if forum.entries == 1 { "post" } else { "poster" },
                    ),
                    Lang::En => format!(
                        "logs intact ({} {}, {} {})",
                        forum.files,
                        if forum.files == 1 { "file" } else { "files" },
                        forum.entries,
                        if forum.entries == 1 {
                            "entry"
                        } else {
                            "entries"
                        },
                    ),
                }
            ));
        } else {
            out.push_str(&format!("  {}\n", tr(lang, "endret", "changed")));
        }
        details(&mut out, lang, &forum.changed, &forum.notes);
        out.push('\n');
    }
    for m in &report.meetings {
        let date = chrono::DateTime::parse_from_rfc3339(&m.starts_at)
            .map(|t| i18n::short_date(lang, t.date_naive()))
            .unwrap_or_else(|_| m.starts_at.get(..10).unwrap_or("-").to_string());
        let title = if m.title.is_empty() { "-" } else { &m.title };
        out.push_str(&format!(
            "{date}  {title}\n  {}\n  {}\n",
            m.id,
            verdict_line(lang, m)
        ));
        details(&mut out, lang, &m.changed, &m.notes);
        out.push('\n');
    }
    let (a, b, c) = (
        report.count(Verdict::Intact),
        report.count(Verdict::Changed),
        report.count(Verdict::NotApproved),
    );
    let forum_changed = report.forum.as_ref().is_some_and(|f| !f.changed.is_empty());
    out.push_str(&match lang {
        Lang::Nb => format!("{a} uendret, {b} endret, {c} ikke godkjent"),
        Lang::En => format!("{a} intact, {b} changed, {c} not approved"),
    });
    if forum_changed {
        out.push_str(tr(
            lang,
            "; forumets logger er endret",
            "; the forum's logs changed",
        ));
    }
    out.push('\n');
    out
}

fn tr<'a>(lang: Lang, nb: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Nb => nb,
        Lang::En => en,
    }
}

fn short_hash(h: &str) -> String {
    format!("{}…", h.get(..8).unwrap_or(h))
}

fn day(lang: Lang, rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| i18n::short_date(lang, t.date_naive()))
        .unwrap_or_else(|_| {
            if rfc3339.is_empty() {
                "?".into()
            } else {
                rfc3339.to_string()
            }
        })
}

fn verdict_line(lang: Lang, m: &MeetingReport) -> String {
    let round = |r: &Round| match lang {
        Lang::Nb => format!(
            "godkjent {}, hash {}",
            day(lang, &r.approved_at),
            short_hash(&r.hash)
        ),
        Lang::En => format!(
            "approved {}, hash {}",
            day(lang, &r.approved_at),
            short_hash(&r.hash)
        ),
    };
    match (m.verdict, &m.approved) {
        (Verdict::Intact, Some(r)) => {
            let parties = match (lang, r.parties) {
                (Lang::Nb, 1) => "1 part".to_string(),
                (Lang::Nb, n) => format!("{n} parter"),
                (Lang::En, 1) => "1 party".to_string(),
                (Lang::En, n) => format!("{n} parties"),
            };
            format!(
                "{} ({}, {parties})",
                tr(lang, "uendret", "intact"),
                round(r)
            )
        }
        (Verdict::Intact, None) => tr(lang, "uendret", "intact").to_string(),
        (Verdict::Changed, Some(r)) => format!("{} ({})", tr(lang, "endret", "changed"), round(r)),
        (Verdict::Changed, None) => match m.status {
            Some(s) => format!(
                "{} (status {})",
                tr(lang, "endret", "changed"),
                i18n::meeting_status(lang, s).to_lowercase()
            ),
            None => tr(lang, "endret", "changed").to_string(),
        },
        (Verdict::NotApproved, _) => {
            let mut why = match m.status {
                Some(s) => format!("status {}", i18n::meeting_status(lang, s).to_lowercase()),
                None => tr(lang, "ingen møte i loggene", "no meeting in the logs").to_string(),
            };
            if !m.waiting_for.is_empty() {
                why.push_str(&format!(
                    ", {} {}",
                    tr(lang, "venter på", "waiting for"),
                    m.waiting_for.join(", ")
                ));
            }
            format!("{} ({why})", tr(lang, "ikke godkjent", "not approved"))
        }
    }
}

fn details(out: &mut String, lang: Lang, changed: &[Finding], notes: &[Note]) {
    for f in changed {
        out.push_str(&format!(
            "    {}: {}\n",
            tr(lang, "endret", "changed"),
            finding(lang, f)
        ));
    }
    for n in notes {
        out.push_str(&format!(
            "    {}: {}\n",
            tr(lang, "merk", "note"),
            note(lang, n)
        ));
    }
}

fn line_word(lang: Lang) -> &'static str {
    tr(lang, "linje", "line")
}

fn finding(lang: Lang, f: &Finding) -> String {
    let nb = lang == Lang::Nb;
    match f {
        Finding::Log {
            file,
            line,
            entry,
            why,
        } => {
            let entry = entry
                .as_ref()
                .map(|e| format!(" ({} {e})", tr(lang, "post", "entry")))
                .unwrap_or_default();
            let why = match (why, nb) {
                (LogBreak::NotAnEntry, true) => "ikke en gyldig post".to_string(),
                (LogBreak::NotAnEntry, false) => "not a valid entry".to_string(),
                (LogBreak::StartsMidChain, true) => {
                    "første linje viser til en linje før den (linjer fjernet fra starten)".into()
                }
                (LogBreak::StartsMidChain, false) => {
                    "the first line points to a line before it (lines removed from the start)"
                        .into()
                }
                (LogBreak::NextDisagrees { next }, true) => {
                    format!("stemmer ikke med hashen linje {next} har av den")
                }
                (LogBreak::NextDisagrees { next }, false) => {
                    format!("does not match the hash line {next} holds of it")
                }
                (LogBreak::SeqNotIncreasing, true) => {
                    "i feil rekkefølge (nummeret øker ikke)".into()
                }
                (LogBreak::SeqNotIncreasing, false) => {
                    "out of order (its number does not increase)".into()
                }
                (LogBreak::OtherWriter, true) => "skrevet av en annen enn filens skriver".into(),
                (LogBreak::OtherWriter, false) => {
                    "written by another writer than the file's".into()
                }
            };
            format!("{file} {} {line}{entry}: {why}", line_word(lang))
        }
        Finding::Unreadable { file, error } => match lang {
            Lang::Nb => format!("{file}: kunne ikke leses ({error})"),
            Lang::En => format!("{file}: could not be read ({error})"),
        },
        Finding::Fold {
            dir,
            hash,
            approved,
            place,
        } => {
            let what = differs(lang, place.as_ref());
            match lang {
                Lang::Nb => format!(
                    "{dir}: {what} (hash nå {}, godkjent {})",
                    short_hash(hash),
                    short_hash(approved)
                ),
                Lang::En => format!(
                    "{dir}: {what} (hash now {}, approved {})",
                    short_hash(hash),
                    short_hash(approved)
                ),
            }
        }
        Finding::Minutes {
            file,
            hash,
            approved,
            place,
        } => {
            let what = differs(lang, place.as_ref());
            match lang {
                Lang::Nb => format!(
                    "{file}: {what} (filens hash {}, skal være {})",
                    short_hash(hash),
                    short_hash(approved)
                ),
                Lang::En => format!(
                    "{file}: {what} (the file's hash {}, should be {})",
                    short_hash(hash),
                    short_hash(approved)
                ),
            }
        }
        Finding::MinutesInvalid { file, error } => match lang {
            Lang::Nb => format!("{file}: ikke et gyldig referat ({error})"),
            Lang::En => format!("{file}: not valid minutes ({error})"),
        },
        Finding::MinutesApprovals { file } => match lang {
            Lang::Nb => format!("{file}: godkjenningene er ikke de samme som i loggene"),
            Lang::En => format!("{file}: the approvals are not those in the logs"),
        },
        Finding::ApprovalMissing { file, hash } => match lang {
            Lang::Nb => format!(
                "{file} sier at referatet er godkjent (hash {}), men loggene har ingen slik godkjenning",
                short_hash(hash)
            ),
            Lang::En => format!(
                "{file} says the minutes were approved (hash {}), but the logs have no such approval",
                short_hash(hash)
            ),
        },
        Finding::LogsMissing { dir, file } => match lang {
            Lang::Nb => format!("{dir} mangler, men {file} sier at referatet er godkjent"),
            Lang::En => format!("{dir} is missing, but {file} says the minutes were approved"),
        },
        Finding::Earlier {
            place_of,
            approved_at,
            hash,
            place,
        } => {
            let what = place
                .as_ref()
                .map(|p| format!(": {}", place_text(lang, p)))
                .unwrap_or_default();
            match lang {
                Lang::Nb => format!(
                    "{place_of}: tidligere godkjent versjon (godkjent {}, hash {}) har ikke lenger sin hash{what}",
                    day(lang, approved_at),
                    short_hash(hash)
                ),
                Lang::En => format!(
                    "{place_of}: the earlier approved version (approved {}, hash {}) no longer has its hash{what}",
                    day(lang, approved_at),
                    short_hash(hash)
                ),
            }
        }
        Finding::ApprovalHash { dir, party } => match lang {
            Lang::Nb => format!("{dir}: godkjenningen fra {party} gjelder et annet innhold"),
            Lang::En => format!("{dir}: the approval of {party} is for other content"),
        },
    }
}

fn note(lang: Lang, n: &Note) -> String {
    match (n, lang) {
        (Note::TornTail { file, line }, Lang::Nb) => format!(
            "{file} linje {line}: siste linje ble ikke skrevet ferdig (avbrutt skriving); den er utelatt og er ikke en endring"
        ),
        (Note::TornTail { file, line }, Lang::En) => format!(
            "{file} line {line}: the last line was never finished (a write cut off); it is left out and is not a change"
        ),
        (Note::Newer { file, line, v }, Lang::Nb) => format!(
            "{file} linje {line}: skrevet av en nyere samrad (skjema {v}); kjeden er sjekket, innholdet ikke"
        ),
        (Note::Newer { file, line, v }, Lang::En) => format!(
            "{file} line {line}: written by a newer samrad (schema {v}); its chain is checked, its content is not"
        ),
        (Note::Blank { file, line }, Lang::Nb) => {
            format!("{file} linje {line}: tom linje, hoppet over")
        }
        (Note::Blank { file, line }, Lang::En) => {
            format!("{file} line {line}: an empty line, skipped")
        }
        (Note::MinutesStale { file, status }, Lang::Nb) => format!(
            "{file} er eldre enn loggene (status {}); ikke sammenlignet, den skrives på nytt når møtet åpnes",
            i18n::meeting_status(lang, *status).to_lowercase()
        ),
        (Note::MinutesStale { file, status }, Lang::En) => format!(
            "{file} is older than the logs (status {}); not compared, it is written anew when the meeting is opened",
            i18n::meeting_status(lang, *status).to_lowercase()
        ),
        (Note::MinutesNewer { file, v }, Lang::Nb) => {
            format!("{file} er skrevet av en nyere samrad (skjema {v}); ikke sammenlignet")
        }
        (Note::MinutesNewer { file, v }, Lang::En) => {
            format!("{file} was written by a newer samrad (schema {v}); not compared")
        }
        (Note::EarlierIntact { approved_at, hash }, Lang::Nb) => format!(
            "tidligere godkjent versjon (godkjent {}, hash {}) er uendret i loggene",
            day(lang, approved_at),
            short_hash(hash)
        ),
        (Note::EarlierIntact { approved_at, hash }, Lang::En) => format!(
            "earlier approved version (approved {}, hash {}) intact in the logs",
            day(lang, approved_at),
            short_hash(hash)
        ),
        (Note::NoLogs { dir, file }, Lang::Nb) => {
            format!("ingen logger i {dir}, bare referatfilen {file}")
        }
        (Note::NoLogs { dir, file }, Lang::En) => {
            format!("no logs in {dir}, only the minutes file {file}")
        }
    }
}

/// Where the content differs from what was approved, or that it does.
fn differs(lang: Lang, place: Option<&Place>) -> String {
    place.map(|p| place_text(lang, p)).unwrap_or_else(|| {
        tr(
            lang,
            "innholdet er et annet enn det som ble godkjent",
            "the content is not the content that was approved",
        )
        .to_string()
    })
}

fn place_text(lang: Lang, p: &Place) -> String {
    let entry = |e: &Option<Entry>| match e {
        Some(e) => {
            let party = e
                .party
                .as_ref()
                .map(|p| format!(" ({p})"))
                .unwrap_or_default();
            format!(" {} {}{party}", tr(lang, "nr.", "no."), e.n)
        }
        None => String::new(),
    };
    match (p, lang) {
        (Place::Meeting { field, entry: e }, Lang::Nb) => {
            format!("møtets {}{}", field_label(lang, field), entry(e))
        }
        (Place::Meeting { field, entry: e }, Lang::En) => {
            format!("the meeting's {}{}", field_label(lang, field), entry(e))
        }
        (
            Place::Item {
                number,
                field,
                entry: e,
            },
            _,
        ) => format!(
            "{} {number} {}{}",
            tr(lang, "sak", "item"),
            field_label(lang, field),
            entry(e)
        ),
        (Place::ItemMissing { number }, Lang::Nb) => format!("sak {number} mangler"),
        (Place::ItemMissing { number }, Lang::En) => format!("item {number} is missing"),
        (Place::ItemAdded { number }, Lang::Nb) => format!("sak {number} er lagt til"),
        (Place::ItemAdded { number }, Lang::En) => format!("item {number} was added"),
        (Place::ItemOrder, _) => {
            tr(lang, "rekkefølgen på sakene", "the order of the items").to_string()
        }
    }
}

/// A field of a meeting or an item, as people call it.
fn field_label(lang: Lang, key: &str) -> String {
    let (nb, en) = match key {
        "title" => ("tittel", "title"),
        "starts_at" => ("tidspunkt", "time"),
        "place" => ("sted", "place"),
        "chair" => ("møteleder", "chair"),
        "referent" => ("referent", "minute-taker"),
        "attendance" => ("oppmøte", "attendance"),
        "documents" => ("dokumenter", "documents"),
        "opened_at" => ("åpnet", "opened"),
        "closed_at" => ("avsluttet", "closed"),
        "number" => ("nummer", "number"),
        "kind" => ("type", "kind"),
        "rank" => ("plass i dagsordenen", "place on the agenda"),
        "presenter" => ("innleder", "presenter"),
        "planned_minutes" => ("planlagt tid", "planned time"),
        "started_at" => ("start", "start"),
        "ended_at" => ("slutt", "end"),
        "demanded_on" => ("krevd dato", "date demanded"),
        "areas" => ("utviklingsområder", "development areas"),
        "background" => ("bakgrunn", "background"),
        "notes" => ("referat", "notes"),
        "conclusion" => ("konklusjon", "conclusion"),
        "agreement" => ("enighet", "agreement"),
        "dissenters" => ("dissens", "dissenters"),
        "confidential" => ("unntatt offentlighet", "confidential"),
        "positions" => ("standpunkter", "positions"),
        "votes" => ("avstemninger", "votes"),
        "inputs" => ("innspill", "inputs"),
        "statements" => ("protokolltilførsler", "statements for the record"),
        "speakers" => ("talerliste", "speakers list"),
        "party_budget_minutes" => ("taletid per part", "speaking time per party"),
        other => (other, other),
    };
    tr(lang, nb, en).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Author;

    fn op(writer: &str, seq: u64, prev: String) -> Op {
        Op {
            v: SCHEMA_VERSION,
            writer: writer.into(),
            seq,
            clock: crate::store::Hlc {
                ms: seq as i64,
                c: 0,
            },
            at: "2026-12-08T10:00:00+01:00".into(),
            by: Author::default(),
            prev,
            change: Change::Forum {
                id: "f".into(),
                name: format!("Forum {seq}"),
            },
        }
    }

    /// A well-chained log of `n` lines by writer `w`.
    fn log(n: u64) -> Vec<u8> {
        let mut ops: Vec<Op> = Vec::new();
        for seq in 1..=n {
            let prev = ops
                .last()
                .map(|o| op::line_hash(o.encode().as_bytes()))
                .unwrap_or_default();
            ops.push(op("w", seq * 2, prev));
        }
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
            Some(Finding::Log { entry, .. }) => assert_eq!(entry.as_deref(), Some("w:4")),
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

    #[test]
    fn the_first_difference_is_named_in_reading_order() {
        let forum = Forum::default();
        let mut a = Meeting::new(
            "m".into(),
            "Møte".into(),
            "2026-12-08T10:00:00+01:00".into(),
        );
        for n in 1..=3 {
            a.items.push(crate::model::Item::new(
                format!("i{n}"),
                crate::model::ItemNumber { n, year: 2026 },
                format!("Sak {n}"),
                crate::model::ItemKind::Consultation,
                n as i64,
            ));
        }
        let mut b = a.clone();
        assert_eq!(first_difference(&a, &b, &forum), None);
        b.items[2].notes = "endret".into();
        b.items[1].conclusion = "endret".into();
        let p = first_difference(&a, &b, &forum).expect("a difference");
        assert_eq!(place_text(Lang::En, &p), "item 2/26 conclusion");
        assert_eq!(place_text(Lang::Nb, &p), "sak 2/26 konklusjon");
        let mut c = a.clone();
        c.items.remove(0);
        assert_eq!(
            first_difference(&a, &c, &forum),
            Some(Place::ItemMissing {
                number: "1/26".into()
            })
        );
        let mut d = a.clone();
        d.place = "Akersgata".into();
        assert_eq!(
            place_text(Lang::En, &first_difference(&a, &d, &forum).expect("place")),
            "the meeting's place"
        );
    }
}
