//! Checking a meeting: folded on its own, its approved round and earlier versions hashed
//! again, and its minutes file compared with the fold.

use std::path::Path;

use serde::Deserialize;

use super::differ::first_difference;
use super::logs::{read_scope, shown_dir};
use super::report::{Finding, MeetingReport, Note, Round, Verdict};
use crate::model::{Doc, Forum, Meeting, MeetingStatus, Scope};
use crate::store::ids::is_safe_id;
use crate::store::layout::Layout;
use crate::store::minutes::{MinutesFile, read_minutes_file};
use crate::store::op::Op;
use crate::store::{Problem, heads};
use crate::store::{fold, par, seal};

/// Meeting by meeting, on all cores; each folded on its own with `forum_ops`.
pub(super) fn check_meetings(
    layout: &Layout,
    ids: &[String],
    forum_ops: &[Op],
) -> Vec<MeetingReport> {
    par::map(
        ids,
        par::cores().min(ids.len() / 8 + 1),
        |id| check_meeting(layout, id, forum_ops),
        |id| {
            // Not expected; a meeting that could not be checked is not intact.
            let mut r = MeetingReport::empty(id);
            r.verdict = Verdict::Changed;
            r.changed.push(Finding::Unreadable {
                file: shown_dir(layout, &Scope::Meeting(id.clone())),
                error: "checking failed".into(),
            });
            r
        },
    )
}

/// The meeting of a minutes file: the forum and the action list in it are not part of
/// what is approved, and are not read.
#[derive(Deserialize)]
struct MinutesMeeting {
    #[serde(rename = "schema_version")]
    _version: u32,
    meeting: Meeting,
}

/// A minutes file's meeting; `None` when there is no file (minutes are derived: a folder
/// may have none yet).
fn read_meeting(path: &Path) -> Option<MinutesFile<Box<Meeting>>> {
    match read_minutes_file::<MinutesMeeting>(path) {
        MinutesFile::Unreadable(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        MinutesFile::Unreadable(e) => Some(MinutesFile::Invalid(e.to_string())),
        MinutesFile::Invalid(e) => Some(MinutesFile::Invalid(e)),
        MinutesFile::Newer(v) => Some(MinutesFile::Newer(v)),
        MinutesFile::Read(m) => Some(MinutesFile::Read(Box::new(m.meeting))),
    }
}

/// Lines someone had seen (named in a later op's heads) that are gone or changed.
pub(super) fn lost_lines(layout: &Layout, ops: &[Op]) -> Vec<Finding> {
    heads::check(ops)
        .into_iter()
        .map(|lost| {
            let path = layout.log_path(&lost.scope, &lost.writer);
            Finding::Line(Problem {
                path: layout.relative(&path).into(),
                line: None,
                kind: lost.kind,
            })
        })
        .collect()
}

/// The entries of `meeting` (or of the forum, for `None`) refused for trying what their
/// writer may not do.
pub(super) fn breaches(doc: &Doc, meeting: Option<&str>) -> Vec<Finding> {
    doc.rejected
        .iter()
        .filter(|r| r.reason.is_breach() && r.meeting.as_deref() == meeting)
        .cloned()
        .map(Finding::Refused)
        .collect()
}

/// Check one meeting: its logs' chains, its fold against the approved hash, the earlier
/// approved versions, and its minutes file.
fn check_meeting(layout: &Layout, id: &str, forum_ops: &[Op]) -> MeetingReport {
    let read = read_scope(layout, &Scope::Meeting(id.to_string()));
    let dir = read.logs.dir;
    let mut report = MeetingReport::empty(id);
    report.changed = read.logs.changed;
    report.notes = read.logs.notes;
    report.changed.extend(lost_lines(layout, &read.ops));
    let doc = fold::fold_meeting(forum_ops.to_vec(), read.ops);
    report.changed.extend(breaches(&doc, Some(id)));
    let path = layout.minutes_path(id);
    let file_rel = layout.relative(&path);
    let file = read_meeting(&path);
    let Some(m) = doc.meeting(id) else {
        if let Some(MinutesFile::Read(f)) = &file {
            report.title = f.title.clone();
            report.starts_at = f.starts_at.clone();
            if f.status == MeetingStatus::Approved {
                report.changed.push(Finding::ApprovalMissing {
                    file: file_rel,
                    hash: f.content_hash.clone().unwrap_or_default(),
                });
            }
        }
        return report.finish();
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
        Some(MinutesFile::Read(f)) => Some(f),
        // Minutes are derived: a folder may have none; the logs were checked.
        None | Some(MinutesFile::Unreadable(_)) => None,
        Some(MinutesFile::Newer(v)) => {
            report.notes.push(Note::MinutesNewer {
                file: file_rel.clone(),
                v,
            });
            None
        }
        Some(MinutesFile::Invalid(error)) => {
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
                .filter(|f| seal::sealed_hash(f, &approved) == approved)
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
        let content = seal::canonical_bytes(m);
        let unchanged = seal::hash_of(&content) == approved;
        for a in &answers {
            let party = forum.party_short(&a.party).to_string();
            if a.hash != approved {
                report.changed.push(Finding::ApprovalHash {
                    dir: dir.clone(),
                    party,
                });
            } else if !a.seal.is_empty() && unchanged && !seal_holds(forum, a, &content) {
                report.changed.push(Finding::Seal {
                    dir: dir.clone(),
                    party,
                });
            }
        }
        report.approved = Some(Round {
            hash: approved,
            approved_at: m.approved_at.clone().unwrap_or_default(),
            parties: answers.len(),
        });
    }
    check_protocols(&mut report, &dir, m, forum);
    // Earlier approved versions in the logs.
    for v in &m.earlier_versions {
        let intact = seal::sealed_hash(&v.meeting, &v.hash) == v.hash
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
                    .find(|fv| {
                        fv.hash == v.hash && seal::sealed_hash(&fv.meeting, &v.hash) == v.hash
                    })
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
    report.finish()
}

/// Whether an approval's `sshsig` signature of `content` holds for a key the forum has
/// admitted for the person who gave it.
fn seal_holds(forum: &Forum, a: &crate::model::Approval, content: &[u8]) -> bool {
    use crate::store::keys::{APPROVAL_NAMESPACE, verify_sshsig};
    forum
        .roster
        .keys
        .iter()
        .filter(|g| a.person.as_deref() == Some(g.person.as_str()))
        .any(|g| verify_sshsig(&g.key, APPROVAL_NAMESPACE, content, &a.seal))
}

/// Each forhandling's protokoll: how far it is signed, and whether each signature's seal
/// holds for the signer's key (checked like an approval's).
fn check_protocols(report: &mut MeetingReport, dir: &str, m: &Meeting, forum: &Forum) {
    use crate::store::keys::{PROTOCOL_NAMESPACE, verify_sshsig};
    for key in m.protocol_keys() {
        let (Some(st), Some(content)) = (m.protocol_status(&key, forum), m.protocol_bytes(&key))
        else {
            continue;
        };
        // The sak numbers it holds: one, or every forhandling of the meeting.
        let numbers = m
            .protocol_items(&key)
            .iter()
            .map(|i| i.number.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        report.notes.push(Note::Protocol {
            item: numbers.clone(),
            signed: st.signed.len(),
            of: st.parties.len(),
        });
        let current = m
            .signatures
            .iter()
            .filter(|s| s.item == key && s.hash == st.hash && !s.seal.is_empty());
        for s in current {
            let holds = forum
                .roster
                .keys
                .iter()
                .filter(|g| s.person.as_deref() == Some(g.person.as_str()))
                .any(|g| verify_sshsig(&g.key, PROTOCOL_NAMESPACE, &content, &s.seal));
            if !holds {
                report.changed.push(Finding::ProtocolSeal {
                    dir: dir.to_string(),
                    item: numbers.clone(),
                    party: forum.party_short(&s.party).to_string(),
                });
            }
        }
    }
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
        if seal::sealed_hash(&fv.meeting, &fv.hash) != fv.hash {
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

/// Minutes files whose meeting has no logs: approved ones lost their logs.
pub(super) fn minutes_without_logs(layout: &Layout, ids: &[String]) -> Vec<MeetingReport> {
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
        if !is_safe_id(id) || ids.iter().any(|i| i == id) {
            continue;
        }
        let path = layout.minutes_path(id);
        let Some(MinutesFile::Read(f)) = read_meeting(&path) else {
            continue;
        };
        let mut r = MeetingReport::empty(id);
        r.title = f.title.clone();
        r.starts_at = f.starts_at.clone();
        let dir = shown_dir(layout, &Scope::Meeting(id.to_string()));
        let file = layout.relative(&path);
        if f.status == MeetingStatus::Approved {
            r.changed.push(Finding::LogsMissing { dir, file });
        } else {
            r.notes.push(Note::NoLogs { dir, file });
        }
        out.push(r.finish());
    }
    out
}
