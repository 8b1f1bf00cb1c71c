//! The index on disk, with the marks of the logs it was built from (`fresh`).

use serde::{Deserialize, Serialize};

use super::fresh::Marks;
use super::rows::Archive;
use crate::store::layout::Layout;
use crate::store::{atomic, local_mark, perms, snapshot};

const INDEX_VERSION: u32 = 5;

#[derive(Debug, Deserialize)]
pub(super) struct IndexFile {
    version: u32,
    binary: String,
    pub(super) marks: Marks,
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
    marks: &'a Marks,
    forum_key: &'a str,
    archive: &'a Archive,
    text_len: u64,
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
    marks: &Marks,
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
