//! The minutes file: the bytes samrad writes, and the one reader of them (for the store,
//! the tests and `samrad verify`).

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::model::{Minutes, SCHEMA_VERSION};

/// The canonical bytes of a minutes file: pretty JSON with a final newline.
pub fn minutes_bytes(minutes: &Minutes) -> Vec<u8> {
    let mut v = serde_json::to_vec_pretty(minutes).unwrap_or_default();
    v.push(b'\n');
    v
}

/// A minutes file as found on disk, read as `T`: the whole `Minutes`, or a part of it.
#[derive(Debug)]
pub enum MinutesFile<T> {
    /// The file could not be read (it may not be there: minutes are derived).
    Unreadable(std::io::Error),
    /// Written by a newer samrad, with this schema version.
    Newer(u32),
    /// Not minutes: why.
    Invalid(String),
    Read(T),
}

/// Read a minutes file as `T`.
pub fn read_minutes_file<T: DeserializeOwned>(path: &Path) -> MinutesFile<T> {
    match super::log::read_plain_file(path, 0).and_then(super::log::Plain::bytes) {
        Ok(bytes) => parse_minutes(&bytes),
        Err(e) => MinutesFile::Unreadable(e),
    }
}

/// The bytes of a minutes file read as `T`. A file of a newer schema is not read further.
pub fn parse_minutes<T: DeserializeOwned>(bytes: &[u8]) -> MinutesFile<T> {
    #[derive(serde::Deserialize)]
    struct Version {
        schema_version: u32,
    }
    let newer = serde_json::from_slice::<Version>(bytes)
        .ok()
        .map(|v| v.schema_version)
        .filter(|v| *v > SCHEMA_VERSION);
    if let Some(v) = newer {
        return MinutesFile::Newer(v);
    }
    match serde_json::from_slice(bytes) {
        Ok(t) => MinutesFile::Read(t),
        Err(e) => MinutesFile::Invalid(e.to_string()),
    }
}

/// Read a minutes file written by samrad; what went wrong, with the file's path.
pub fn read_minutes(path: &Path) -> Result<Minutes, String> {
    match read_minutes_file(path) {
        MinutesFile::Read(m) => Ok(m),
        MinutesFile::Unreadable(e) => Err(format!("{}: {e}", path.display())),
        MinutesFile::Invalid(e) => Err(format!("{}: {e}", path.display())),
        MinutesFile::Newer(v) => Err(format!(
            "{}: written by a newer samrad (schema {v})",
            path.display()
        )),
    }
}
