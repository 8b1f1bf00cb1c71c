//! `samrad verify`: are approved minutes unchanged since approval, and are the logs intact?
//!
//! Only reads. Every line of the chosen logs is checked against its file's hash chain (each
//! line holds the SHA-256 of the line before it). Each meeting is folded on its own, from its
//! logs and the forum's records, and approved minutes are hashed again and compared with the
//! hash the parties approved: in the fold, in the minutes file and in earlier approved
//! versions. Nothing is written: no seeding, no snapshot, no minutes.

mod differ;
mod logs;
mod meeting;
mod report;
mod words;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::i18n::{Lang, Msg};
use crate::model::{Change, MeetingField, Scope};
use crate::store::fold;
use crate::store::layout::Layout;
use crate::store::op::Op;
pub use differ::first_difference;
use logs::read_scope;
pub use logs::{LogCheck, check_log};
use meeting::{check_meetings, minutes_without_logs};
pub use report::{
    Entry, Finding, LogBreak, Logs, MeetingReport, Note, Place, Report, Round, Verdict,
};
pub use words::render;

/// Check one meeting (id, date or `latest`), or everything when `meeting` is `None`, and
/// print the report. Exit code 1 when anything changed.
pub fn run(root: &Path, lang: Lang, meeting: Option<&str>) -> Result<ExitCode> {
    let report = check(root, lang, meeting)?;
    let mut out = std::io::stdout().lock();
    // File names and entries in the report come from the logs: printable only.
    let text = render(&report, lang);
    out.write_all(crate::export::safe_text::printable(&text).as_bytes())?;
    out.flush()?;
    Ok(if report.changed() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Check one meeting (id, date or `latest`), or every meeting and the forum's logs.
pub fn check(root: &Path, lang: Lang, meeting: Option<&str>) -> Result<Report> {
    let layout = Layout::new(root);
    if !layout.scope_dir(&Scope::Forum).is_dir() {
        bail!("{}", lang.fill(Msg::VerifyNoLogsHere, &[&root.display()]));
    }
    let ids = layout.meeting_ids();
    let mut forum = read_scope(&layout, &Scope::Forum);
    forum
        .logs
        .changed
        .extend(meeting::lost_lines(&layout, &forum.ops));
    let forum_doc = fold::fold(forum.ops.clone());
    forum
        .logs
        .changed
        .extend(meeting::breaches(&forum_doc, None));
    // Each meeting is folded with the forum's ops that shape meetings (parties and people:
    // who must approve), not the action list or the area inputs.
    let forum_ops: Vec<Op> = forum
        .ops
        .into_iter()
        .filter(fold::shapes_meetings)
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
        forum_changes: if meeting.is_some() {
            forum.logs.changed.len()
        } else {
            0
        },
        forum: meeting.is_none().then_some(forum.logs),
        meetings,
    })
}

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
