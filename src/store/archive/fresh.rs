//! Whether the archive index still matches the logs, and which log folders changed, without
//! looking at every log file.
//!
//! What can change a log folder, and what each change leaves to see:
//!
//! - a file made, removed or renamed into place (git's checkout and pull, Syncthing, a copy
//!   of a new file, `mv`, samrad's atomic writes): the folder's mtime;
//! - a file appended to in place by a samrad (any process, `LogWriter::append`, a sync's
//!   grown logs): a line in the journal of appends (`store::appends`);
//! - anything written into a file in place by another program (a copy over an existing
//!   file, `>>`): only the file's own length and mtime.
//!
//! The quick check (`Depth::Folders`, every CLI command) stats each log folder and reads
//! the journal's new lines; a folder whose mtime moved, that the journal names, or whose
//! mark was taken too close to its mtime to tell a later change apart (the "racy" case,
//! below), is looked at file by file (name, length, mtime, inode). The thorough check
//! (`Depth::Files`, the TUI's background check) looks at every file, so what other programs
//! wrote in place is found too.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::model::Scope;
use crate::store::appends;
use crate::store::layout::Layout;
use crate::store::par;

/// How far to look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// Each folder's mtime and the journal of appends; files only where those say so.
    Folders,
    /// Every log file's length, mtime and inode.
    Files,
}

/// A folder whose mtime is this close to when its mark was taken may change again within
/// the same tick of the file system's clock and keep its mtime: it is looked at file by
/// file until the index is written again. (Two seconds also covers a network share's clock
/// a little off ours.)
const RACY_NS: i128 = 2_000_000_000;

/// A log folder's files as they were when the index was built.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DirMark {
    mtime: i128,
    /// Name, length, mtime (ns), inode.
    files: Vec<(String, u64, i128, u64)>,
}

/// Everything the index was built against: each folder's mark, the journal of appends,
/// and when the marks were taken.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Marks {
    pub(super) dirs: BTreeMap<String, DirMark>,
    journal: appends::Mark,
    taken: i128,
}

impl Marks {
    /// A folder that could not be indexed: not marked, so it is looked at again next time.
    pub(super) fn forget(&mut self, key: &str) {
        self.dirs.remove(key);
    }
}

/// What a check found: the folders whose files differ from the index's marks (scope keys;
/// made or removed ones too), and the marks as they are now.
pub(super) struct Check {
    pub(super) changed: BTreeSet<String>,
    pub(super) marks: Marks,
}

impl Check {
    pub(super) fn fresh(&self) -> bool {
        self.changed.is_empty()
    }
}

/// A scope's key among the marks: the forum's is empty, a meeting's its id.
pub(super) fn scope_key(scope: &Scope) -> String {
    match scope {
        Scope::Forum => String::new(),
        Scope::Meeting(id) => id.clone(),
    }
}

fn now_ns() -> i128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as i128)
        .unwrap_or(0)
}

fn mtime_ns(meta: &std::fs::Metadata) -> i128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| d.as_nanos() as i128)
        .unwrap_or(0)
}

fn inode(meta: &std::fs::Metadata) -> u64 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        meta.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        0
    }
}

/// A folder's mark as it is now: its mtime first (a file made while its files are looked
/// at moves it), then each log file.
fn dir_mark(layout: &Layout, scope: &Scope) -> Option<DirMark> {
    let dir = layout.scope_dir(scope);
    let mtime = mtime_ns(&std::fs::metadata(&dir).ok()?);
    let files = layout
        .log_files(scope)
        .into_iter()
        .filter_map(|p| {
            let meta = std::fs::symlink_metadata(&p).ok()?;
            let name = p.file_name()?.to_string_lossy().into_owned();
            Some((name, meta.len(), mtime_ns(&meta), inode(&meta)))
        })
        .collect();
    Some(DirMark { mtime, files })
}

fn journal_path(layout: &Layout) -> std::path::PathBuf {
    layout.index_dir().join(appends::FILE)
}

/// The marks of every log folder as they are now (for an index built from nothing).
pub(super) fn marks_now(layout: &Layout, scopes: &[Scope]) -> Marks {
    let journal = appends::mark(&journal_path(layout));
    let taken = now_ns();
    let dirs = par::map(
        scopes,
        par::cores(),
        |s| dir_mark(layout, s).map(|m| (scope_key(s), m)),
        |_| None,
    );
    Marks {
        dirs: dirs.into_iter().flatten().collect(),
        journal,
        taken,
    }
}

/// Compare the log folders of `scopes` with the marks `old` an index was built against.
pub(super) fn check(layout: &Layout, scopes: &[Scope], old: &Marks, depth: Depth) -> Check {
    // The journal and the time first: what is appended from here on is seen next time.
    let journal_now = appends::mark(&journal_path(layout));
    let taken = now_ns();
    let old_marks = old;
    let named: Option<BTreeSet<String>> =
        appends::since(&journal_path(layout), old_marks.journal, journal_now)
            .map(|v| v.into_iter().collect());
    let file_by_file = |key: &str, old: &DirMark, mtime: i128| {
        depth == Depth::Files
            || mtime != old.mtime
            || old.mtime >= old_marks.taken - RACY_NS
            || named.as_ref().is_none_or(|n| n.contains(key))
    };
    let looked = par::map(
        scopes,
        par::cores(),
        |scope| {
            let key = scope_key(scope);
            let Some(prev) = old_marks.dirs.get(&key) else {
                return (key, dir_mark(layout, scope), true);
            };
            let dir = layout.scope_dir(scope);
            let Ok(meta) = std::fs::metadata(&dir) else {
                return (key, None, true);
            };
            if !file_by_file(&key, prev, mtime_ns(&meta)) {
                return (key, Some(prev.clone()), false);
            }
            let now = dir_mark(layout, scope);
            let changed = now.as_ref().is_none_or(|n| n.files != prev.files);
            (key, now, changed)
        },
        |s| (scope_key(s), None, true),
    );
    let mut changed = BTreeSet::new();
    let mut dirs = BTreeMap::new();
    for (key, mark, differs) in looked {
        if differs {
            changed.insert(key.clone());
        }
        if let Some(m) = mark {
            dirs.insert(key, m);
        }
    }
    // Folders gone since.
    changed.extend(
        old_marks
            .dirs
            .keys()
            .filter(|k| !dirs.contains_key(*k))
            .cloned(),
    );
    Check {
        changed,
        marks: Marks {
            dirs,
            journal: journal_now,
            taken,
        },
    }
}
