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

use std::collections::BTreeSet;
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
/// `RACY_NS`, and a little more, as a time to wait.
pub const RACY: std::time::Duration = std::time::Duration::from_millis(2_100);

/// A log folder's files as they were when the index was built.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DirMark {
    mtime: i128,
    files: FileList,
}

/// Each log file's name, length, mtime (ns) and inode, encoded (postcard) into one run of
/// bytes: the marks of 50,000 files are read as 10,000 byte strings, not 50,000 names, and
/// compared byte for byte. They are decoded only to be shown in a test.
#[derive(Debug, Clone, PartialEq, Default)]
struct FileList(Vec<u8>);

type FileFacts = (String, u64, i128, u64);

impl FileList {
    fn of(files: &[FileFacts]) -> FileList {
        FileList(postcard::to_stdvec(files).unwrap_or_default())
    }
}

impl Serialize for FileList {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(&self.0)
    }
}

impl<'de> Deserialize<'de> for FileList {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<FileList, D::Error> {
        struct Bytes;
        impl serde::de::Visitor<'_> for Bytes {
            type Value = FileList;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<FileList, E> {
                Ok(FileList(v.to_vec()))
            }
            fn visit_byte_buf<E: serde::de::Error>(self, v: Vec<u8>) -> Result<FileList, E> {
                Ok(FileList(v))
            }
        }
        d.deserialize_byte_buf(Bytes)
    }
}

/// Everything the index was built against: each folder's mark, the journal of appends,
/// and when the marks were taken.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Marks {
    /// By scope key, sorted.
    dirs: Vec<(String, DirMark)>,
    journal: appends::Mark,
    taken: i128,
    /// The mtime of `log/` when its folders were listed (0: not known). While it is the
    /// same, no folder was made, removed or renamed there, and the folders are the marked
    /// ones: the quick check does not list `log/` again.
    root_mtime: i128,
}

impl Marks {
    fn from_dirs(mut dirs: Vec<(String, DirMark)>, journal: appends::Mark, taken: i128) -> Marks {
        dirs.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Marks {
            dirs,
            journal,
            taken,
            root_mtime: 0,
        }
    }

    fn get(&self, key: &str) -> Option<&DirMark> {
        let i = self
            .dirs
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()?;
        Some(&self.dirs[i].1)
    }

    /// A folder that could not be indexed: not marked, so it is looked at again next time
    /// (and `log/` listed again, so that it is among the folders looked at).
    pub(super) fn forget(&mut self, key: &str) {
        if let Ok(i) = self.dirs.binary_search_by(|(k, _)| k.as_str().cmp(key)) {
            self.dirs.remove(i);
        }
        self.root_mtime = 0;
    }

    pub(super) fn root_mtime(&self) -> i128 {
        self.root_mtime
    }

    /// The scopes marked: the forum and each meeting folder.
    fn scopes(&self) -> Vec<Scope> {
        let mut out = vec![Scope::Forum];
        out.extend(
            self.dirs
                .iter()
                .filter(|(k, _)| !k.is_empty())
                .map(|(k, _)| Scope::Meeting(k.clone())),
        );
        out
    }
}

/// What a look at one folder found: as marked, or its mark now (`None`: not there).
enum Look {
    Same,
    Now(Option<DirMark>),
}

/// What a check found: the folders whose files differ from the index's marks (scope keys;
/// made or removed ones too), the marks as they are now, and the scopes looked at (every
/// log folder).
pub(super) struct Check {
    pub(super) changed: BTreeSet<String>,
    pub(super) marks: Marks,
    pub(super) scopes: Vec<Scope>,
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

/// The log folders' mtimes, each looked up by its name in `log/` (held open), not by its
/// whole path: the quick check stats every folder, and resolving the path again each time
/// was a third of what a stat cost.
struct Folders {
    layout: Layout,
    #[cfg(unix)]
    log: Option<std::fs::File>,
}

impl Folders {
    fn open(layout: &Layout) -> Folders {
        Folders {
            layout: layout.clone(),
            #[cfg(unix)]
            log: std::fs::File::open(layout.log_root()).ok(),
        }
    }

    /// A log folder's mtime (following a link, as `fs::metadata` does); `None` when it
    /// cannot be looked at.
    fn mtime(&self, scope: &Scope) -> Option<i128> {
        let dir = self.layout.scope_dir(scope);
        #[cfg(unix)]
        if let (Some(log), Some(name)) = (&self.log, dir.file_name()) {
            let st = rustix::fs::statat(log, name, rustix::fs::AtFlags::empty()).ok()?;
            return Some(i128::from(st.st_mtime) * 1_000_000_000 + i128::from(st.st_mtime_nsec));
        }
        std::fs::metadata(&dir).ok().map(|m| mtime_ns(&m))
    }
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
    let files: Vec<FileFacts> = layout
        .log_files(scope)
        .into_iter()
        .filter_map(|p| {
            let meta = std::fs::symlink_metadata(&p).ok()?;
            let name = p.file_name()?.to_string_lossy().into_owned();
            Some((name, meta.len(), mtime_ns(&meta), inode(&meta)))
        })
        .collect();
    Some(DirMark {
        mtime,
        files: FileList::of(&files),
    })
}

fn journal_path(layout: &Layout) -> std::path::PathBuf {
    layout.index_dir().join(appends::FILE)
}

/// The log folders, and the mtime of `log/` taken before they were listed.
pub(super) struct Listing {
    pub(super) scopes: Vec<Scope>,
    pub(super) root_mtime: i128,
}

fn log_root_mtime(layout: &Layout) -> i128 {
    std::fs::metadata(layout.log_root())
        .map(|m| mtime_ns(&m))
        .unwrap_or(0)
}

/// List the log folders.
pub(super) fn list(layout: &Layout) -> Listing {
    let root_mtime = log_root_mtime(layout);
    Listing {
        scopes: layout.scopes(),
        root_mtime,
    }
}

/// The marks of every log folder listed, as they are now (for an index built from
/// nothing).
pub(super) fn marks_now(layout: &Layout, listing: &Listing) -> Marks {
    let scopes = &listing.scopes;
    let journal = appends::mark(&journal_path(layout));
    let taken = now_ns();
    let dirs = par::map(
        scopes,
        par::cores(),
        |s| dir_mark(layout, s).map(|m| (scope_key(s), m)),
        |_| None,
    );
    let mut marks = Marks::from_dirs(dirs.into_iter().flatten().collect(), journal, taken);
    marks.root_mtime = listing.root_mtime;
    marks
}

/// Compare the log folders of `scopes` with the marks `old` an index was built against
/// (taken: the marks of the folders that did not change are moved into the new ones).
pub(super) fn check(layout: &Layout, old: Marks, depth: Depth) -> Check {
    // The journal, the time and `log/` first: what is appended or made from here on is
    // seen next time.
    let journal_now = appends::mark(&journal_path(layout));
    let taken = now_ns();
    let root_mtime = log_root_mtime(layout);
    let listed = depth == Depth::Folders
        && root_mtime != 0
        && root_mtime == old.root_mtime
        && old.root_mtime < old.taken - RACY_NS;
    let scopes = if listed {
        old.scopes()
    } else {
        layout.scopes()
    };
    let old_marks = &old;
    let folders = Folders::open(layout);
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
        &scopes,
        par::cores(),
        |scope| {
            let key = scope_key(scope);
            let Some(prev) = old_marks.get(&key) else {
                return (key, Look::Now(dir_mark(layout, scope)), true);
            };
            let Some(mtime) = folders.mtime(scope) else {
                return (key, Look::Now(None), true);
            };
            if !file_by_file(&key, prev, mtime) {
                return (key, Look::Same, false);
            }
            let now = dir_mark(layout, scope);
            let changed = now.as_ref().is_none_or(|n| n.files != prev.files);
            (key, Look::Now(now), changed)
        },
        |s| (scope_key(s), Look::Now(None), true),
    );
    let mut old = old;
    let mut changed = BTreeSet::new();
    let mut dirs = Vec::with_capacity(looked.len());
    let mut seen = std::collections::HashSet::with_capacity(looked.len());
    for (key, look, differs) in looked {
        if differs {
            changed.insert(key.clone());
        }
        let mark = match look {
            Look::Same => old
                .dirs
                .binary_search_by(|(k, _)| k.cmp(&key))
                .ok()
                .map(|i| std::mem::take(&mut old.dirs[i].1)),
            Look::Now(mark) => mark,
        };
        seen.insert(key.clone());
        if let Some(m) = mark {
            dirs.push((key, m));
        }
    }
    // Folders gone since.
    changed.extend(
        old.dirs
            .into_iter()
            .map(|(k, _)| k)
            .filter(|k| !seen.contains(k)),
    );
    let mut marks = Marks::from_dirs(dirs, journal_now, taken);
    marks.root_mtime = root_mtime;
    Check {
        changed,
        marks,
        scopes,
    }
}
