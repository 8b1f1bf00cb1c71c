//! A local, derived snapshot of a fold, so that opening a meeting reads only the log lines
//! written since. It lives in `index/` (`Layout::snapshot_path`; kept out of sync like
//! `minutes/`) and is trusted only while every log it covers is still there with the same
//! bytes up to where it was read, and every new op comes after everything in it; otherwise
//! samrad folds from the start.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::clock::Hlc;
use super::file_stat::FileStat;
use super::op::hex;
use crate::model::{Author, Doc, SCHEMA_VERSION};

#[derive(Debug, Serialize, Deserialize)]
pub struct Snapshot {
    pub schema_version: u32,
    /// The samrad that wrote it: another version folds from the start.
    pub binary: String,
    /// Each log read, by path under the data folder: how far, and a check of its bytes.
    pub files: BTreeMap<String, FileMark>,
    pub max_clock: Hlc,
    pub writers: Vec<(String, Author, String)>,
    /// Whether an op read for it was unsigned (history from before keys): a forum must not
    /// be secured over it just because this open read the snapshot, not the lines. None in
    /// a snapshot from before this was kept: it is not trusted.
    #[serde(default)]
    pub unsigned: Option<bool>,
    /// The name of the file with the forum's actions and area inputs (`records`): `doc`
    /// then holds only the actions its meeting shows and those open. None: `doc` holds
    /// them all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub records: Option<String>,
    pub doc: Doc,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileMark {
    pub len: u64,
    /// SHA-256 (hex) of the bytes before `len`: a line changed anywhere shows.
    pub prefix: String,
    /// The file's last line then, as a later op names it when it has seen it.
    #[serde(default)]
    pub head: Option<super::op::Head>,
    /// The file's stat when it was hashed: while it is the same, the file holds the same
    /// bytes and is not hashed again (`FileStat::unchanged`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stat: Option<FileStat>,
}

pub const BINARY: &str = env!("CARGO_PKG_VERSION");

/// The mark of a file read up to `len` whose last line then was `head`, or `None` if it
/// cannot be read that far.
pub fn mark(path: &Path, len: u64, head: Option<super::op::Head>) -> Option<FileMark> {
    let (prefix, stat) = prefix_hash(path, len)?;
    Some(FileMark {
        len,
        prefix,
        head,
        stat,
    })
}

/// Whether the file at `path` still holds the bytes it held when `mark` was taken: `None`
/// when it does not, else the mark to keep, with the stat taken now when the file had to
/// be hashed to tell.
pub fn holds(path: &Path, mark: &FileMark) -> Option<FileMark> {
    if mark.stat.is_some_and(|s| s.unchanged(path)) {
        return Some(mark.clone());
    }
    let (hash, stat) = prefix_hash(path, mark.len)?;
    (hash == mark.prefix).then(|| FileMark {
        stat,
        ..mark.clone()
    })
}

/// The SHA-256 of the file's first `len` bytes, and its stat taken before they were read.
fn prefix_hash(path: &Path, len: u64) -> Option<(String, Option<FileStat>)> {
    use std::io::Read;
    let f = super::log::open_plain(path).ok()??;
    let stat = f.metadata().ok().as_ref().and_then(FileStat::of);
    let mut hasher = Sha256::new();
    let mut left = f.take(len);
    let mut buf = vec![0u8; 1 << 16];
    let mut read = 0u64;
    loop {
        let n = left.read(&mut buf).ok()?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        read += n as u64;
    }
    (read == len).then(|| (hex(&hasher.finalize()), stat))
}

/// The snapshot at `path`, when this machine wrote it (see `local_mark`) for this samrad.
pub fn read(path: &Path) -> Option<Snapshot> {
    if !super::local_mark::holds(path) {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    let snap: Snapshot = serde_json::from_slice(&bytes).ok()?;
    (snap.schema_version == SCHEMA_VERSION && snap.binary == BINARY).then_some(snap)
}
