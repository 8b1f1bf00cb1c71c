//! The index on disk, and whether it still matches the logs it was built from.

use std::collections::BTreeMap;
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use super::rows::Archive;
use crate::model::Scope;
use crate::store::layout::Layout;
use crate::store::{atomic, local_mark, perms, snapshot};

const INDEX_VERSION: u32 = 3;

/// A log folder's files as they were when the index was built: name, length, mtime (ns).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct DirMark {
    mtime: i128,
    files: Vec<(String, u64, i128)>,
}

#[derive(Debug, Deserialize)]
pub(super) struct IndexFile {
    version: u32,
    binary: String,
    pub(super) marks: BTreeMap<String, DirMark>,
    /// Hash of the forum's parties and people: what a meeting's approval state depends on.
    pub(super) forum_key: String,
    pub(super) archive: Archive,
    text_len: u64,
}

/// `IndexFile` as written: the same fields, the archive borrowed.
#[derive(Serialize)]
struct IndexFileRef<'a> {
    version: u32,
    binary: &'a str,
    marks: BTreeMap<String, DirMark>,
    forum_key: &'a str,
    archive: &'a Archive,
    text_len: u64,
}

fn mtime_ns(meta: &std::fs::Metadata) -> i128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| d.as_nanos() as i128)
        .unwrap_or(0)
}

/// The marks of the scopes' log folders as they are now, by `scope_key`.
pub(super) fn marks(layout: &Layout, scopes: &[Scope]) -> BTreeMap<String, DirMark> {
    scopes
        .iter()
        .filter_map(|s| dir_mark(layout, s).map(|m| (scope_key(s), m)))
        .collect()
}

fn dir_mark(layout: &Layout, scope: &Scope) -> Option<DirMark> {
    let dir = layout.scope_dir(scope);
    let mtime = mtime_ns(&std::fs::metadata(&dir).ok()?);
    let files = layout
        .log_files(scope)
        .into_iter()
        .filter_map(|p| {
            let meta = std::fs::metadata(&p).ok()?;
            let name = p.file_name()?.to_string_lossy().into_owned();
            Some((name, meta.len(), mtime_ns(&meta)))
        })
        .collect();
    Some(DirMark { mtime, files })
}

/// Whether a folder still looks as it did: its own mtime (files added or removed) and each
/// file's length and mtime (appends, replacements).
pub(super) fn still_same(layout: &Layout, scope: &Scope, mark: &DirMark) -> bool {
    let dir = layout.scope_dir(scope);
    let Ok(meta) = std::fs::metadata(&dir) else {
        return false;
    };
    if mtime_ns(&meta) != mark.mtime {
        return false;
    }
    mark.files.iter().all(|(name, len, mtime)| {
        std::fs::metadata(dir.join(name)).is_ok_and(|m| m.len() == *len && mtime_ns(&m) == *mtime)
    })
}

pub(super) fn scope_key(scope: &Scope) -> String {
    match scope {
        Scope::Forum => String::new(),
        Scope::Meeting(id) => id.clone(),
    }
}

pub(super) fn index_matches(layout: &Layout, old: &IndexFile) -> bool {
    let scopes = layout.scopes();
    old.marks.len() == scopes.len()
        && scopes.iter().all(|s| {
            old.marks
                .get(&scope_key(s))
                .is_some_and(|m| still_same(layout, s, m))
        })
}

pub(super) fn read_index(layout: &Layout) -> Option<IndexFile> {
    // Written here, all three (see `local_mark`): the texts are read by offset.
    let paths = [
        layout.archive_index_path(),
        layout.search_text_path(),
        layout.search_fold_path(),
    ];
    if !paths.iter().all(|p| local_mark::holds(p)) {
        return None;
    }
    let bytes = std::fs::read(layout.archive_index_path()).ok()?;
    let file: IndexFile = postcard::from_bytes(&bytes).ok()?;
    let text_len = std::fs::metadata(layout.search_text_path()).ok()?.len();
    (file.version == INDEX_VERSION && file.binary == snapshot::BINARY && file.text_len == text_len)
        .then_some(file)
}

pub(super) fn write_index(
    layout: &Layout,
    marks: BTreeMap<String, DirMark>,
    forum_key: &str,
    archive: &Archive,
    text: &str,
    fold: &str,
) -> std::io::Result<()> {
    perms::create_dir_all(&layout.index_dir())?;
    atomic::write_atomic(&layout.search_text_path(), text.as_bytes())?;
    local_mark::note(&layout.search_text_path())?;
    atomic::write_atomic(&layout.search_fold_path(), fold.as_bytes())?;
    local_mark::note(&layout.search_fold_path())?;
    let file = IndexFileRef {
        version: INDEX_VERSION,
        binary: snapshot::BINARY,
        marks,
        forum_key,
        archive,
        text_len: text.len() as u64,
    };
    let bytes = postcard::to_stdvec(&file).map_err(std::io::Error::other)?;
    atomic::write_atomic(&layout.archive_index_path(), &bytes)?;
    local_mark::note(&layout.archive_index_path())
}
