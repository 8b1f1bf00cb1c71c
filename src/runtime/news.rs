//! What the runtime tells the user: others' changes that came in, items renumbered, a
//! write that failed, a sync done; and the texts of search hits read in for drawing.

use crate::app::{App, SaveState};
use crate::i18n::Msg;
use crate::store::{Op, Store, StoreError};

/// Read in the texts of the search hits that can be on screen, so that drawing reads
/// nothing from disk.
pub(super) fn read_hit_texts(app: &mut App) {
    let rows = app.size.1 as usize;
    let archive = &app.archive;
    let Some(hits) = app.archive_view.as_mut().and_then(|v| v.hits.as_mut()) else {
        return;
    };
    let missing: Vec<u32> = hits
        .around_selection(rows)
        .iter()
        .copied()
        .filter(|d| !hits.texts.contains_key(d))
        .collect();
    for d in missing {
        if let Some(doc) = archive.docs.get(d as usize) {
            hits.texts.insert(d, archive.doc_text(doc).into_owned());
        }
    }
}

/// The numbers of the shown meeting's items.
pub(super) fn shown_numbers(app: &App) -> Vec<(String, crate::model::ItemNumber)> {
    app.current_meeting()
        .map(|m| m.items.iter().map(|i| (i.id.clone(), i.number)).collect())
        .unwrap_or_default()
}

/// An item of the shown meeting that got another number (another machine claimed it
/// first) is told, so that nobody goes on calling it by the old one.
pub(super) fn tell_renumbered(app: &mut App, before: &[(String, crate::model::ItemNumber)]) {
    let moved: Vec<String> = app
        .current_meeting()
        .map(|m| {
            m.items
                .iter()
                .filter_map(|i| {
                    let (_, old) = before.iter().find(|(id, _)| *id == i.id)?;
                    (*old != i.number).then(|| format!("{old} → {}", i.number))
                })
                .collect()
        })
        .unwrap_or_default();
    if !moved.is_empty() {
        app.warn(format!("{}: {}", app.t(Msg::Renumbered), moved.join(", ")));
    }
}

/// Say that something came in: it may be out of sight in the detail pane. Our own lines
/// read back from a copy of our log are no news.
pub(super) fn tell_arrivals(app: &mut App, ops: &[Op], own: &str) {
    let ops: Vec<&Op> = ops.iter().filter(|op| op.writer != own).collect();
    if ops.is_empty() {
        return;
    }
    let mut names: Vec<String> = ops.iter().map(|op| op.by.name.clone()).collect();
    names.dedup();
    app.say(format!(
        "{} {}: {}",
        ops.len(),
        app.t(Msg::ChangesFrom),
        names.join(", ")
    ));
}

/// A write failed because the folder cannot be written (permission denied, a read-only
/// file system): nothing more is offered for writing, and the banner says why.
pub(super) fn refuse_if_unwritable(app: &mut App, store: &mut Store, e: &StoreError) {
    let StoreError::Io { path, source } = e else {
        return;
    };
    if !crate::store::Unwritable::is_why(source) {
        return;
    }
    let dir = path.parent().unwrap_or(path);
    let why = crate::store::Unwritable {
        path: dir.to_path_buf(),
        kind: source.kind(),
        error: source.to_string(),
    };
    app.read_only = Some(crate::i18n::unwritable(app.lang, &why));
    store.refuse_writes(why);
}

/// One op written (or not): the save state follows.
pub(super) fn note_saved(app: &mut App, result: Result<(), String>) {
    match result {
        Ok(()) => {
            let left = app.pending_ops().saturating_sub(1);
            app.save = if left == 0 {
                SaveState::Saved(app.now.format("%H:%M:%S").to_string())
            } else {
                SaveState::Saving(left)
            };
        }
        Err(e) => {
            app.read_only.get_or_insert_with(|| e.clone());
            app.save = SaveState::Failed(e);
        }
    }
}

/// One background sync done (or not): the status bar follows, and a failure or a file
/// kept twice is said once.
pub(super) fn note_synced(
    app: &mut App,
    result: Result<crate::sync::Report, crate::sync::SyncError>,
) {
    let lang = app.lang;
    let Some(status) = app.sync.as_mut() else {
        return;
    };
    match result {
        Ok(report) => {
            status.with = report.remote.clone();
            status.last = Some(chrono::Local::now().format("%H:%M").to_string());
            status.failed = None;
            if let Some(c) = report.conflicts.first() {
                app.warn(crate::i18n::sync_conflict(lang, c));
            }
        }
        Err(e) => {
            let why = crate::i18n::sync_failed(lang, &status.with, &e);
            let again = status.failed.as_deref() == Some(why.as_str());
            status.failed = Some(why.clone());
            if !again {
                app.warn(why);
            }
        }
    }
}
