//! Whether a derived file is the one this machine wrote. Derived files (fold snapshots, the
//! archive index) live in `index/`, which samrad keeps out of sync; but a sync can carry
//! them anyway (`git add -f` on another machine), and a planted snapshot would be trusted
//! as the fold of the logs. So after writing one, samrad notes the file's identity (device,
//! inode, length) beside it, in `<file>.mine`. A file that came by sync is a new file on
//! this disk, with an inode nobody could have named in advance: its mark does not hold,
//! and samrad folds from the logs.

use std::path::{Path, PathBuf};

fn mark_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".mine");
    path.with_file_name(name)
}

pub(crate) fn identity(path: &Path) -> Option<String> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.file_type().is_file() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some(format!("{} {} {}", meta.dev(), meta.ino(), meta.len()))
    }
    #[cfg(not(unix))]
    {
        Some(format!("{}", meta.len()))
    }
}

/// Note that the file at `path` is the one this machine just wrote.
pub fn note(path: &Path) -> std::io::Result<()> {
    let id = identity(path).ok_or_else(|| std::io::Error::other("not a plain file"))?;
    super::atomic::write_atomic(&mark_path(path), id.as_bytes())
}

/// Whether the file at `path` is still the one this machine wrote.
pub fn holds(path: &Path) -> bool {
    let Some(id) = identity(path) else {
        return false;
    };
    std::fs::read(mark_path(path)).is_ok_and(|noted| noted == id.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_written_here_holds_and_a_copy_put_in_its_place_does_not() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("all.fold.json");
        std::fs::write(&path, b"{}").expect("write");
        assert!(!holds(&path), "no mark yet");
        note(&path).expect("note");
        assert!(holds(&path));
        // The same bytes, as a sync tool writes them: a new file in its place.
        let planted = dir.path().join("planted");
        std::fs::write(&planted, b"{}").expect("write");
        std::fs::rename(&planted, &path).expect("rename");
        assert!(!holds(&path), "a file put in its place passed as ours");
    }
}
