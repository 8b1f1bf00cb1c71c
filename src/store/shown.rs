//! The minutes of a meeting as last folded, kept in `index/` so that `samrad show` and
//! `export` do not read and fold the forum and the meeting again while nothing changed.
//! Trusted only when this machine's samrad of this version wrote it and every log file
//! of the forum and the meeting is still the file it was then (name, length, mtime,
//! inode: what the archive's thorough check looks at); kept only of a fold that read
//! every line without a problem, so nothing that would be warned of is skipped.

use serde::{Deserialize, Serialize};

use super::layout::Layout;
use super::{atomic, local_mark, perms, snapshot};
use crate::model::{Minutes, SCHEMA_VERSION, Scope};

/// A log file as it was: path under the data folder, length, mtime (ns), inode.
pub type FileMark = (String, u64, i128, u64);

/// A file changed this close to when its mark was taken may change again without its
/// mtime moving: such marks are not kept.
const RACY_NS: i128 = 2_000_000_000;

#[derive(Serialize, Deserialize)]
struct Shown {
    schema_version: u32,
    binary: String,
    files: Vec<FileMark>,
    minutes: Minutes,
}

/// The marks of the forum's and the meeting's log files now, taken before they are read;
/// `None` when one cannot be looked at or was changed moments ago.
pub fn marks(layout: &Layout, meeting: &str) -> Option<Vec<FileMark>> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_nanos() as i128;
    let mut files = Vec::new();
    for scope in [Scope::Forum, Scope::Meeting(meeting.to_string())] {
        for path in layout.log_files(&scope) {
            let meta = std::fs::symlink_metadata(&path).ok()?;
            let mtime = meta
                .modified()
                .ok()?
                .duration_since(std::time::UNIX_EPOCH)
                .ok()?
                .as_nanos() as i128;
            if mtime >= now - RACY_NS {
                return None;
            }
            use std::os::unix::fs::MetadataExt;
            files.push((layout.relative(&path), meta.len(), mtime, meta.ino()));
        }
    }
    Some(files)
}

/// The meeting's minutes as kept, when its logs are as they were.
pub fn read(layout: &Layout, meeting: &str) -> Option<Minutes> {
    let path = layout.shown_path(meeting);
    if !local_mark::holds(&path) {
        return None;
    }
    let shown: Shown = serde_json::from_slice(&std::fs::read(&path).ok()?).ok()?;
    let fits = shown.schema_version == SCHEMA_VERSION
        && shown.binary == snapshot::BINARY
        && shown.minutes.meeting.id == meeting
        && marks(layout, meeting).is_some_and(|now| now == shown.files);
    fits.then_some(shown.minutes)
}

/// Keep the minutes folded from the logs as `files` marked them.
pub fn write(
    layout: &Layout,
    meeting: &str,
    files: Vec<FileMark>,
    minutes: &Minutes,
) -> std::io::Result<()> {
    let shown = Shown {
        schema_version: SCHEMA_VERSION,
        binary: snapshot::BINARY.to_string(),
        files,
        minutes: minutes.clone(),
    };
    let path = layout.shown_path(meeting);
    perms::create_dir_all(&layout.index_dir())?;
    let bytes = serde_json::to_vec(&shown).map_err(std::io::Error::other)?;
    atomic::write_atomic(&path, &bytes)?;
    local_mark::note(&path)
}
