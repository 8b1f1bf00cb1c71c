//! What went wrong, in the user's language: the store's errors, problems found in files,
//! and a broken settings file.

use super::{Lang, Msg};
use crate::store::{Problem, ProblemKind, StoreError};

pub fn store_error(lang: Lang, e: &StoreError) -> String {
    match e {
        StoreError::Io { path, source } => lang.fill(Msg::ErrIo, &[&path.display(), &source]),
        StoreError::NotAFolder(path) => lang.fill(Msg::ErrNotAFolder, &[&path.display()]),
        StoreError::ReadOnly(why) => lang.fill(Msg::ErrReadOnly, &[why]),
        StoreError::Template(why) => lang.fill(Msg::ErrTemplate, &[why]),
        StoreError::BadId(id) => lang.fill(Msg::ErrBadId, &[&format!("{id:?}")]),
    }
}

/// A problem with a file (and line), as a warning.
pub fn problem(lang: Lang, p: &Problem) -> String {
    let at = match p.line {
        Some(n) => format!("{}:{n}", p.path.display()),
        None => p.path.display().to_string(),
    };
    match &p.kind {
        ProblemKind::TornTail => lang.fill(Msg::ProblemTornTail, &[&at]),
        ProblemKind::BadLine(e) => lang.fill(Msg::ProblemBadLine, &[&at, e]),
        ProblemKind::NewerSchema(v) => lang.fill(Msg::ProblemNewerSchema, &[&at, v]),
        ProblemKind::Unreadable(e) => lang.fill(Msg::ProblemUnreadable, &[&at, e]),
        ProblemKind::BadPack(e) => lang.fill(Msg::ProblemBadPack, &[&at, e]),
        ProblemKind::Quarantined(aside) => {
            lang.fill(Msg::ProblemQuarantined, &[&at, &aside.display()])
        }
        ProblemKind::PermissionsFixed { was, now } => lang.fill(
            Msg::ProblemPermissions,
            &[&at, &format!("{was:o}"), &format!("{now:o}")],
        ),
        ProblemKind::NotARegularFile => lang.fill(Msg::ProblemNotAFile, &[&at]),
        ProblemKind::TooLarge(n) => lang.fill(Msg::ProblemTooLarge, &[&at, n]),
        ProblemKind::LineTooLong(n) => lang.fill(Msg::ProblemLineTooLong, &[&at, n]),
        ProblemKind::OtherWriter(w) => lang.fill(Msg::ProblemOtherWriter, &[&at, w]),
        ProblemKind::WrongFolder(s) => lang.fill(Msg::ProblemWrongFolder, &[&at, s]),
        ProblemKind::NotTheTemplate => lang.fill(Msg::ProblemNotTheTemplate, &[&at]),
        ProblemKind::BadSignature => lang.fill(Msg::ProblemBadSignature, &[&at]),
        ProblemKind::ClockAhead(t) => lang.fill(Msg::ProblemClockAhead, &[&at, t]),
        ProblemKind::HistoryCut { op, seen_by } => {
            lang.fill(Msg::ProblemHistoryCut, &[&at, op, seen_by])
        }
        ProblemKind::HistoryAltered { op, seen_by } => {
            lang.fill(Msg::ProblemHistoryAltered, &[&at, op, seen_by])
        }
        ProblemKind::ConflictCopy { log, new_lines: 0 } => {
            lang.fill(Msg::ProblemConflictCopyNothingNew, &[&at, &name_of(log)])
        }
        ProblemKind::ConflictCopy { log, new_lines } => {
            lang.fill(Msg::ProblemConflictCopy, &[&at, &name_of(log), new_lines])
        }
        ProblemKind::Fork { log, log_line, op } => {
            lang.fill(Msg::ProblemFork, &[&at, op, log_line, &name_of(log)])
        }
        ProblemKind::Restored { lines, kept: None } => {
            lang.fill(Msg::ProblemRestored, &[&at, lines])
        }
        ProblemKind::Restored {
            lines,
            kept: Some(kept),
        } => lang.fill(Msg::ProblemRestoredKept, &[&at, lines, &name_of(kept)]),
    }
}

/// A file beside the one a problem is about, by its name.
fn name_of(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Why the data folder cannot be written, as the read-only banner says it: "cannot write
/// to /data/log (permission denied). Changes are not possible."
pub fn unwritable(lang: Lang, why: &crate::store::Unwritable) -> String {
    let error = match why.kind {
        std::io::ErrorKind::PermissionDenied => lang.t(Msg::PermissionDenied).to_string(),
        std::io::ErrorKind::ReadOnlyFilesystem => lang.t(Msg::ReadOnlyFileSystem).to_string(),
        _ => why.error.clone(),
    };
    lang.fill(Msg::CannotWrite, &[&why.path.display(), &error])
}

/// "⚠ 3 problems", or nothing when there are none.
pub fn problem_count(lang: Lang, n: usize) -> Option<String> {
    match n {
        0 => None,
        1 => Some(lang.t(Msg::ProblemsOne).to_string()),
        n => Some(lang.fill(Msg::ProblemsMany, &[&n])),
    }
}

/// An entry refused for trying what its writer may not do, in words.
pub fn breach(lang: Lang, r: &crate::model::Rejection) -> String {
    let at = super::short_datetime(lang, &r.at);
    lang.fill(
        Msg::VerifyRefused,
        &[
            &r.op,
            &r.by,
            &at,
            &r.what,
            &lang.t(super::Label::msg(&r.reason)),
        ],
    )
}

/// What in a meeting's record shows tampering, in words: lines refused or lost in its
/// logs and the forum's (from `problems`, found reading), and entries refused for trying
/// what their writer may not do.
pub fn doubts(
    lang: Lang,
    problems: &[Problem],
    doc: &crate::model::Doc,
    meeting: &str,
    logs: &[&std::path::Path],
) -> Vec<String> {
    let lines = problems
        .iter()
        .filter(|p| p.kind.is_breach() && logs.iter().any(|dir| p.path.starts_with(dir)))
        .map(|p| problem(lang, p));
    let refused = doc
        .rejected
        .iter()
        .filter(|r| r.reason.is_breach() && r.meeting.as_deref() == Some(meeting))
        .map(|r| breach(lang, r));
    lines.chain(refused).collect()
}

/// Why the settings file was not used.
pub fn config_warning(lang: Lang, w: &crate::config::ConfigWarning) -> String {
    use crate::config::ConfigWarning;
    match w {
        ConfigWarning::Invalid { path, error } => {
            lang.fill(Msg::ConfigInvalid, &[&path.display(), error])
        }
        ConfigWarning::Unreadable { path, error } => {
            lang.fill(Msg::ConfigUnreadable, &[&path.display(), error])
        }
    }
}

/// What is wrong with a typed date, in words.
pub fn date_error(lang: Lang, e: crate::model::DateError) -> String {
    use crate::model::DateError;
    match e {
        DateError::Format => lang.t(Msg::DateFormat).to_string(),
        DateError::Year => lang.t(Msg::DateYear).to_string(),
        DateError::Month(m) => lang.fill(Msg::DateNoMonth, &[&m]),
        DateError::Day(d, m) => lang.fill(Msg::DateNoDay, &[&d, &m]),
    }
}

/// What a lookup could not find, in words, with what there is instead.
pub fn lookup_error(lang: Lang, e: &crate::model::LookupError) -> String {
    use crate::model::LookupError;
    match e {
        LookupError::NoMeetings => lang.t(Msg::NoMeetings).to_string(),
        LookupError::UnknownMeeting(key) => format!(
            "{} {key:?}. {}",
            lang.t(Msg::UnknownMeeting),
            lang.t(Msg::ListHint)
        ),
        LookupError::SeveralMeetings { key, ids } => {
            format!(
                "{} ({key}): {}",
                lang.t(Msg::SeveralMeetings),
                ids.join(", ")
            )
        }
        LookupError::UnknownParty { key, known } => {
            lang.fill(Msg::UnknownParty, &[&format!("{key:?}"), &known.join(", ")])
        }
        LookupError::UnknownArea { key, known } => {
            lang.fill(Msg::UnknownArea, &[&format!("{key:?}"), &known.join("; ")])
        }
    }
}

/// What went wrong with `samrad sync`, and what to do about it.
pub fn sync_error(lang: Lang, e: &crate::sync::SyncError) -> String {
    use crate::sync::SyncError as E;
    match e {
        E::NoGit => lang.t(Msg::SyncNoGit).to_string(),
        E::NotSetUp(root) => lang.fill(Msg::SyncNotSetUp, &[&root.display()]),
        E::NotEmpty { root, remote } => lang.fill(Msg::SyncNotEmpty, &[&root.display(), remote]),
        E::Unreachable { remote, detail } => lang.fill(Msg::SyncUnreachable, &[remote, detail]),
        E::Rejected { remote } => lang.fill(Msg::SyncRejected, &[remote]),
        E::Foreign(paths) => {
            let mut list: Vec<&str> = paths.iter().take(5).map(String::as_str).collect();
            if paths.len() > 5 {
                list.push("…");
            }
            lang.fill(Msg::SyncForeign, &[&list.join(", ")])
        }
        E::Git { what, detail } => lang.fill(Msg::SyncGitFailed, &[what, detail]),
        E::Io { path, source } => lang.fill(Msg::ErrIo, &[&path.display(), &source]),
        E::Store(e) => store_error(lang, e),
    }
}

/// A failed sync in a few words, for the TUI's status line: "Sync with X failed: …".
pub fn sync_failed(lang: Lang, remote: &str, e: &crate::sync::SyncError) -> String {
    use crate::sync::SyncError as E;
    let why = match e {
        E::NoGit => Msg::SyncWhyNoGit,
        E::Unreachable { .. } => Msg::SyncWhyUnreachable,
        E::Rejected { .. } => Msg::SyncWhyRejected,
        E::NotSetUp(_) => Msg::SyncWhyNotSetUp,
        E::Foreign(_) => Msg::SyncWhyForeign,
        _ => Msg::SyncWhyOther,
    };
    lang.fill(Msg::SyncFailed, &[&remote, &lang.t(why)])
}

/// A file both sides changed: where each version is.
pub fn sync_conflict(lang: Lang, c: &crate::sync::merge::Conflict) -> String {
    let m = if c.same_writer {
        Msg::SyncSameWriter
    } else {
        Msg::SyncBothChanged
    };
    lang.fill(m, &[&c.path, &c.copy])
}
