//! The journal of appends: `index/appends`, one line per line a samrad appended to a log in
//! place, naming the log's folder. Appending in place changes nothing but the file itself
//! (not its folder's mtime), so a reader that wants to know what changed without looking at
//! every log (`archive::fresh`) reads this journal's new lines instead: the folders named
//! there are looked at file by file. Files made, replaced or removed (git, Syncthing, a
//! copy, samrad's atomic writes) change their folder's mtime, which the reader compares.
//!
//! Every samrad writes here after it appends (`LogWriter::append`, a sync's grown logs),
//! whichever process it is, so an append by another samrad on the folder is seen. The
//! journal is derived and local like the rest of `index/`: removed or replaced, it only makes
//! the next reader look at everything. A line is written with one `write` to a file opened
//! to append, so lines of two writers do not interleave.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::layout::FORUM_DIR;

/// The journal's file name in `index/`.
pub const FILE: &str = "appends";

/// The journal of the data folder that holds the log at `log`, with the name of the log's
/// folder: `None` for a file that is not a log in a data folder (`<root>/log/<scope>/…`).
fn journal_of(log: &Path) -> Option<(PathBuf, String)> {
    let dir = log.parent()?;
    let log_root = dir.parent()?;
    if log_root.file_name()? != "log" {
        return None;
    }
    let scope = dir.file_name()?.to_str()?.to_string();
    let root = log_root.parent()?;
    Some((root.join("index").join(FILE), scope))
}

/// Note that the log at `log` was appended to. Best effort: a journal that cannot be written
/// makes the archive index untrusted instead (its mark removed), so the next reader
/// looks at every log.
pub fn note(log: &Path) {
    let Some((journal, scope)) = journal_of(log) else {
        return;
    };
    if append_line(&journal, &scope).is_err()
        && let Some(index) = journal.parent()
    {
        let _ = std::fs::remove_file(index.join("archive.bin.mine"));
    }
}

fn append_line(journal: &Path, scope: &str) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.append(true);
    let line = format!("{scope}\n");
    match options.open(journal) {
        Ok(mut f) => return f.write_all(line.as_bytes()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    if let Some(dir) = journal.parent() {
        super::perms::create_dir_all(dir)?;
    }
    // A new journal starts with a line of its own, so that one made anew in a freed inode
    // is not taken for the old one (`Mark::head`).
    let mut new = std::fs::OpenOptions::new();
    new.append(true).create_new(true);
    super::perms::private_file_mode(&mut new);
    let mut f = match new.open(journal) {
        Ok(mut f) => {
            f.write_all(format!("#{}\n", super::ids::random_hex(16)).as_bytes())?;
            f
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => options.open(journal)?,
        Err(e) => return Err(e),
    };
    f.write_all(line.as_bytes())
}

/// Where the journal stood: which file (device, inode) and how long.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Mark {
    pub dev: u64,
    pub ino: u64,
    pub len: u64,
    /// The journal's first bytes: a new journal in the inode of an old one differs here.
    pub head: [u8; HEAD],
}

const HEAD: usize = 18;

/// The journal's mark now; the default (nothing) when there is no journal.
pub fn mark(journal: &Path) -> Mark {
    use std::io::Read;
    let Some(mut f) = open_plain(journal) else {
        return Mark::default();
    };
    let Ok(meta) = f.metadata() else {
        return Mark::default();
    };
    let mut head = [0u8; HEAD];
    let mut got = 0;
    while got < HEAD {
        match f.read(&mut head[got..]) {
            Ok(0) | Err(_) => break,
            Ok(n) => got += n,
        }
    }
    let (dev, ino) = file_id(&meta);
    Mark {
        dev,
        ino,
        len: meta.len(),
        head,
    }
}

/// The longest journal read: one that grew past this is not read, and everything is looked at.
const MAX_LEN: u64 = 1 << 30;

/// The journal opened to read, if it is a plain file (never a pipe or a link).
fn open_plain(path: &Path) -> Option<std::fs::File> {
    if !std::fs::symlink_metadata(path).ok()?.file_type().is_file() {
        return None;
    }
    let f = std::fs::File::open(path).ok()?;
    f.metadata().ok()?.file_type().is_file().then_some(f)
}

fn file_id(meta: &std::fs::Metadata) -> (u64, u64) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        (meta.dev(), meta.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        (0, 1)
    }
}

/// The folders named in the journal between the marks `from` and `to`, as scope keys (the
/// forum's is empty); `None` when the journal is not the same file, or shrank, or cannot
/// be read: then anything may have changed.
pub fn since(journal: &Path, from: Mark, to: Mark) -> Option<Vec<String>> {
    use std::io::{Read, Seek, SeekFrom};
    if from == to {
        return Some(Vec::new());
    }
    let none_then = from == Mark::default();
    if to.len > MAX_LEN
        || (!none_then
            && ((from.dev, from.ino) != (to.dev, to.ino)
                || to.len < from.len
                || from.len < HEAD as u64
                || from.head != to.head))
    {
        return None;
    }
    // No journal then: one made since holds everything appended since.
    let start = if none_then { 0 } else { from.len };
    let mut f = open_plain(journal)?;
    f.seek(SeekFrom::Start(start)).ok()?;
    let mut bytes = Vec::new();
    f.take(to.len - start).read_to_end(&mut bytes).ok()?;
    let mut out: Vec<String> = String::from_utf8_lossy(&bytes)
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            if l == FORUM_DIR {
                String::new()
            } else {
                l.to_string()
            }
        })
        .collect();
    out.sort();
    out.dedup();
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appends_are_named_by_folder_and_read_back_from_a_mark() {
        let dir = tempfile::tempdir().expect("tempdir");
        let journal = dir.path().join("index").join(FILE);
        let log = |scope: &str| dir.path().join("log").join(scope).join("w1.jsonl");
        let empty = mark(&journal);
        note(&log("m-a"));
        note(&log("forum"));
        let first = mark(&journal);
        assert_eq!(
            since(&journal, empty, first),
            Some(vec![String::new(), "m-a".to_string()])
        );
        note(&log("m-b"));
        note(&log("m-a"));
        let second = mark(&journal);
        assert_eq!(
            since(&journal, first, second),
            Some(vec!["m-a".to_string(), "m-b".to_string()])
        );
        assert_eq!(since(&journal, second, second), Some(Vec::new()));
        // A file outside a data folder's log/ is no log: nothing noted.
        note(&dir.path().join("elsewhere").join("w1.jsonl"));
        assert_eq!(mark(&journal), second);
        // The journal replaced (removed, made anew): anything may have changed.
        std::fs::remove_file(&journal).expect("rm");
        note(&log("m-c"));
        assert_eq!(since(&journal, second, mark(&journal)), None);
    }
}
