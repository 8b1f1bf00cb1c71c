//! What a file's metadata says of its bytes: a file whose length, inode and change time
//! (ctime) are as they were has not been written since. Any write, truncation, rename over
//! it or `touch` moves the ctime, and no program can set it back (as one can an mtime), so
//! a snapshot's mark can be checked with one stat instead of hashing the file again.

use serde::{Deserialize, Serialize};

/// A file's length, identity and change time when it was read, and when that was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStat {
    size: u64,
    ctime_ns: i128,
    dev: u64,
    ino: u64,
    /// When the stat was taken (ns since the epoch, this machine's clock).
    at_ns: i128,
}

/// A file changed this close to when it was looked at may change again within one tick of
/// the file system's clock and keep its ctime: it is hashed as before.
const RACY_NS: i128 = 2_000_000_000;

impl FileStat {
    /// The stat of an open file (`None` where the platform has no ctime).
    pub fn of(meta: &std::fs::Metadata) -> Option<FileStat> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let at_ns = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .ok()?
                .as_nanos() as i128;
            Some(FileStat {
                size: meta.len(),
                ctime_ns: i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()),
                dev: meta.dev(),
                ino: meta.ino(),
                at_ns,
            })
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            None
        }
    }

    /// Whether the file had not changed for a while when this stat was taken: only then
    /// can a later stat tell that it is unchanged.
    pub fn settled(&self) -> bool {
        self.ctime_ns < self.at_ns - RACY_NS
    }

    /// Whether the file at `path` is, by its metadata, the file this stat was taken of and
    /// not written since; false (look at its bytes) when that cannot be told.
    pub fn unchanged(&self, path: &std::path::Path) -> bool {
        if !self.settled() {
            return false;
        }
        let Ok(meta) = std::fs::symlink_metadata(path) else {
            return false;
        };
        meta.file_type().is_file()
            && FileStat::of(&meta).is_some_and(|now| {
                (now.size, now.ctime_ns, now.dev, now.ino)
                    == (self.size, self.ctime_ns, self.dev, self.ino)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settled(path: &std::path::Path) -> FileStat {
        let meta = std::fs::metadata(path).expect("stat");
        let mut stat = FileStat::of(&meta).expect("unix");
        // As if looked at long after its last change.
        stat.at_ns = stat.ctime_ns + 10 * RACY_NS;
        stat
    }

    #[test]
    fn a_file_written_in_place_with_its_length_and_mtime_kept_is_changed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("w1.jsonl");
        std::fs::write(&path, b"line one\n").expect("write");
        let stat = settled(&path);
        assert!(stat.unchanged(&path));
        let mtime = std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .expect("mtime");
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&path, b"line 1ne\n").expect("write");
        std::fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|f| f.set_modified(mtime))
            .expect("set mtime back");
        assert!(!stat.unchanged(&path), "same length, same mtime, new bytes");
    }

    #[test]
    fn a_file_replaced_by_another_is_changed_and_a_fresh_stat_is_not_trusted() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("w1.jsonl");
        std::fs::write(&path, b"line one\n").expect("write");
        let stat = settled(&path);
        let other = dir.path().join("copy");
        std::fs::write(&other, b"line one\n").expect("write");
        std::fs::rename(&other, &path).expect("rename");
        assert!(!stat.unchanged(&path), "another inode");
        let meta = std::fs::metadata(&path).expect("stat");
        let fresh = FileStat::of(&meta).expect("unix");
        assert!(
            !fresh.unchanged(&path),
            "changed just now: hashed, not trusted"
        );
    }
}
