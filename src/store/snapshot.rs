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
    pub doc: Doc,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileMark {
    pub len: u64,
    /// SHA-256 of the (up to) 256 bytes before `len`.
    pub tail: String,
}

pub const BINARY: &str = env!("CARGO_PKG_VERSION");

/// The mark of a file read up to `len`, or `None` if it cannot be read that far.
pub fn mark(path: &Path, len: u64) -> Option<FileMark> {
    use std::io::{Read, Seek, SeekFrom};
    let start = len.saturating_sub(256);
    let mut f = std::fs::File::open(path).ok()?;
    f.seek(SeekFrom::Start(start)).ok()?;
    let mut buf = vec![0u8; (len - start) as usize];
    f.read_exact(&mut buf).ok()?;
    Some(FileMark {
        len,
        tail: hex(&Sha256::digest(&buf)),
    })
}

pub fn read(path: &Path) -> Option<Snapshot> {
    let bytes = std::fs::read(path).ok()?;
    let snap: Snapshot = serde_json::from_slice(&bytes).ok()?;
    (snap.schema_version == SCHEMA_VERSION && snap.binary == BINARY).then_some(snap)
}
