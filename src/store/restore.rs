//! A writer's log put back as it wrote it, when a sync tool replaced it with an older
//! version, other lines or nothing: by the running writer from what it wrote
//! (`LogWriter::check`), and at start from the journal of an earlier one
//! (`leftovers::restore_from_journals`). What was found in its place is kept beside it under
//! a name samrad reads as a conflict copy (`names::kept_name`); nothing is deleted.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

use super::names::{LOG_EXT, kept_name};

/// A file larger than any log is not read: it is moved aside as it is.
const MAX_READ: u64 = 1 << 30;

/// This writer's log was put back as it wrote it.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    pub path: PathBuf,
    /// How many of its lines were missing and are back.
    pub lines: usize,
    /// Where what was found in their place is kept (never deleted), when it was not just
    /// an earlier state of the log.
    pub kept: Option<PathBuf>,
}

/// Put the log at `path` back to `ours`, the bytes its writer wrote there, when it holds
/// something else: fewer lines (a sync brought an older version), other lines, or nothing.
/// What is there and is not an earlier state of `ours` is first kept beside it as a copy
/// (`kept_name`), never deleted. `complete`: `ours` is everything the writer wrote (a
/// running writer); else (a journal) lines after it in the log are the writer's too, and
/// left alone. Written atomically. `None` when nothing had to be done.
pub fn restore(path: &Path, ours: &[u8], complete: bool) -> io::Result<Option<Restored>> {
    let theirs = match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_file() && m.len() <= MAX_READ => Some(std::fs::read(path)?),
        Ok(_) => None,
        Err(e) if e.kind() == io::ErrorKind::NotFound => Some(Vec::new()),
        Err(e) => return Err(e),
    };
    if let Some(t) = &theirs
        && (t.as_slice() == ours || (!complete && t.starts_with(ours)))
    {
        return Ok(None);
    }
    let writer = path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(LOG_EXT))
        .unwrap_or("log");
    let dir = path
        .parent()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "a log needs a folder"))?;
    // An earlier state of our log (a prefix of what we wrote) holds nothing of anyone
    // else's; anything else is kept.
    let kept = match &theirs {
        Some(t) if ours.starts_with(t) => None,
        Some(t) => {
            let aside = dir.join(kept_name(writer));
            super::atomic::write_atomic(&aside, t)?;
            Some(aside)
        }
        // Not a plain file: moved aside as it is.
        None => {
            let aside = dir.join(kept_name(writer));
            std::fs::rename(path, &aside)?;
            Some(aside)
        }
    };
    let there: HashSet<&[u8]> = theirs
        .as_deref()
        .map(|t| t.split(|b| *b == b'\n').collect())
        .unwrap_or_default();
    let lines = ours
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty() && !there.contains(l))
        .count();
    super::atomic::write_atomic(path, ours)?;
    Ok(Some(Restored {
        path: path.to_path_buf(),
        lines,
        kept,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::chain::{OpChain, test_lines};

    #[test]
    fn a_replaced_log_is_put_back_and_what_was_there_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("w.jsonl");
        let mut chain = OpChain::new("w");
        let ours = test_lines(&mut chain, 1, 5, "Forum");
        let cut = ours.iter().position(|b| *b == b'\n').expect("line") + 1;
        // An earlier state: put back, nothing kept.
        std::fs::write(&path, &ours[..cut]).expect("write");
        let r = restore(&path, &ours, true)
            .expect("restore")
            .expect("restored");
        assert_eq!((r.lines, r.kept.clone()), (4, None));
        assert_eq!(std::fs::read(&path).expect("read"), ours);
        assert_eq!(restore(&path, &ours, true).expect("again"), None);
        // Something else: kept beside it, and ours put back.
        std::fs::write(&path, b"someone else's text\n").expect("write");
        let r = restore(&path, &ours, true)
            .expect("restore")
            .expect("restored");
        assert_eq!(r.lines, 5);
        let kept = r.kept.expect("kept");
        assert_eq!(
            std::fs::read(&kept).expect("kept"),
            b"someone else's text\n"
        );
        assert_eq!(std::fs::read(&path).expect("read"), ours);
        // Gone: written anew.
        std::fs::remove_file(&path).expect("rm");
        let r = restore(&path, &ours, true)
            .expect("restore")
            .expect("restored");
        assert_eq!((r.lines, r.kept), (5, None));
        // A journal's log that went on is left alone; a running writer's is not.
        let longer = [ours.clone(), b"{}\n".to_vec()].concat();
        std::fs::write(&path, &longer).expect("write");
        assert_eq!(restore(&path, &ours, false).expect("journal"), None);
        let r = restore(&path, &ours, true)
            .expect("restore")
            .expect("restored");
        assert_eq!(r.lines, 0);
        assert!(r.kept.is_some(), "the line after ours is kept");
    }
}
