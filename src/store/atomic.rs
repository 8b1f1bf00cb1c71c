//! Atomic replacement of a file: temp file in the same folder, write, fsync, rename, fsync
//! the folder. A crash at any point leaves either the old file or the new one, whole.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::perms;

pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, bytes, || Ok(()))
}

/// Like `write_atomic`, with a hook that runs after the temp file is durable and before the
/// rename; an error from it abandons the write (used to test interrupted writes).
pub fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce() -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        // A bare file name (`-o referat.md`) is in the current folder, which has no name
        // to open and fsync but ".".
        Some(p) if p.as_os_str().is_empty() => Path::new("."),
        Some(p) => p,
        None => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "a file path needs a folder",
            ));
        }
    };
    perms::create_dir_all(dir)?;
    let tmp = temp_path(path);
    let result = (|| {
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        perms::private_file_mode(&mut options);
        let mut f = options.open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        before_rename()?;
        std::fs::rename(&tmp, path)?;
        perms::sync_dir(dir)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let unique = super::ids::random_hex(TEMP_RAND_LEN);
    path.with_file_name(format!(".{name}.{unique}.tmp"))
}

/// How many hex digits make a temp file's name unique (`.NAME.RAND.tmp`); the start of the
/// next run cleans up what a kill leaves (`leftovers::clean_temp_files`).
pub const TEMP_RAND_LEN: usize = 8;

/// Whether samrad can write in `dir`: a file is made there and removed again. The error
/// says why not (permission denied, a read-only file system).
pub fn probe_dir(dir: &Path) -> io::Result<()> {
    let probe = temp_path(&dir.join("probe"));
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    perms::private_file_mode(&mut options);
    options.open(&probe)?;
    std::fs::remove_file(&probe)
}
