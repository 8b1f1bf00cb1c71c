//! What sync tools and crashes leave beside the logs, in one place: conflict copies (read
//! as their writer's log, and compared with it), this writer's own log replaced under it
//! (put back from what it wrote), and samrad's own temp files (cleaned at start).
//!
//! **Conflict copies** (their names: `names`) hold their writer's lines, so each is read as
//! that writer's log: every line the log lacks is folded, and a line both hold is folded
//! once. Where the copy and the log hold two different lines with one number, the writer's
//! history forked: both lines are folded (both were written in the writer's name, with its
//! key when it has one; the fold refuses what either may not do) and the fork is reported
//! as a breach, naming both files and lines.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::model::Scope;

use super::layout::{FORUM_DIR, Layout};
use super::log::{self, LineRead};
use super::names::{LOG_EXT, log_writer};
use super::op::line_hash;
use super::problem::{Problem, ProblemKind};

/// How a conflict copy stands to its writer's log.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CopyCheck {
    /// Lines of the copy that the log does not hold.
    pub new_lines: usize,
    /// Lines of the copy whose number the log gives to another line.
    pub forks: Vec<Fork>,
}

/// One number, two lines: the log's and the copy's.
#[derive(Debug, Clone, PartialEq)]
pub struct Fork {
    pub seq: u64,
    pub log_line: usize,
    pub copy_line: usize,
}

/// Compare a conflict copy of `writer`'s log with the log, line by line: the lines the log
/// lacks, and those that fork from it (another line with the same number). Lines that are
/// not the writer's entries are left to the reading of each file, which reports them.
pub fn compare(writer: &str, log: &[u8], copy: &[u8]) -> CopyCheck {
    let entries = |bytes| -> Vec<(usize, u64, String)> {
        log::lines(bytes)
            .filter_map(|l| match l.read {
                LineRead::Op(op) if op.writer == writer => {
                    Some((l.number, op.seq, line_hash(l.bytes)))
                }
                _ => None,
            })
            .collect()
    };
    let in_log: HashMap<u64, (usize, String)> = entries(log)
        .into_iter()
        .map(|(n, seq, hash)| (seq, (n, hash)))
        .collect();
    let mut out = CopyCheck::default();
    for (copy_line, seq, hash) in entries(copy) {
        match in_log.get(&seq) {
            Some((_, h)) if *h == hash => {}
            Some((log_line, _)) => out.forks.push(Fork {
                seq,
                log_line: *log_line,
                copy_line,
            }),
            None => out.new_lines += 1,
        }
    }
    out
}

/// What a conflict copy at `path` is to its writer's log beside it, as problems to show:
/// the copy itself (and how many lines only it holds), and each line that forks.
pub fn copy_problems(path: &Path) -> Vec<Problem> {
    let Some((writer, true)) = path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(log_writer)
    else {
        return Vec::new();
    };
    let log = path.with_file_name(format!("{writer}{LOG_EXT}"));
    let read = |p: &Path| log::read_plain_file(p, 0).and_then(log::Plain::bytes);
    let (Ok(copy), log_bytes) = (read(path), read(&log)) else {
        // Reading the copy reports why it could not be read.
        return Vec::new();
    };
    let check = compare(writer, &log_bytes.unwrap_or_default(), &copy);
    let mut out = Vec::new();
    // A copy with nothing new is said to be removable, unless it forks (then the forks say
    // what it holds).
    if check.new_lines > 0 || check.forks.is_empty() {
        out.push(Problem {
            path: path.to_path_buf(),
            line: None,
            kind: ProblemKind::ConflictCopy {
                log: log.clone(),
                new_lines: check.new_lines,
            },
        });
    }
    out.extend(check.forks.into_iter().map(|f| Problem {
        path: path.to_path_buf(),
        line: Some(f.copy_line),
        kind: ProblemKind::Fork {
            log: log.clone(),
            log_line: f.log_line,
            op: format!("{writer}:{}", f.seq),
        },
    }));
    out
}

/// Lines of a pack's sections that fork from their writer's log beside the pack, or from
/// its section in another pack of the folder before it: one number, two lines, as a pack
/// made on a broken or hostile machine could hold. Each is a problem, as a conflict copy's
/// fork is. A folder with only the pack in it is not read again.
pub fn pack_forks(pack: &Path) -> Vec<Problem> {
    let Some(dir) = pack.parent() else {
        return Vec::new();
    };
    let others: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p != pack)
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                super::pack::is_pack_name(n) || log_writer(n).is_some_and(|(_, copy)| !copy)
            })
        })
        .collect();
    if others.is_empty() {
        return Vec::new();
    }
    let Ok(sections) = super::packing::read(pack) else {
        return Vec::new();
    };
    let earlier_packs: Vec<(PathBuf, Vec<super::pack::Section>)> = others
        .iter()
        .filter(|p| super::pack::is_pack(p) && p.file_name() < pack.file_name())
        .filter_map(|p| Some((p.clone(), super::packing::read(p).ok()?)))
        .collect();
    let mut out = Vec::new();
    for s in &sections {
        let mut versions: Vec<(PathBuf, Vec<u8>)> = Vec::new();
        let loose = dir.join(&s.name);
        if let Ok(bytes) = log::read_plain_file(&loose, 0).and_then(log::Plain::bytes) {
            versions.push((loose, bytes));
        }
        for (p, secs) in &earlier_packs {
            if let Some(other) = secs.iter().find(|o| o.name == s.name) {
                versions.push((other.path_in(p), other.bytes.clone()));
            }
        }
        for (log_path, bytes) in versions {
            let check = compare(s.writer(), &bytes, &s.bytes);
            out.extend(check.forks.into_iter().map(|f| Problem {
                path: s.path_in(pack),
                line: Some(f.copy_line),
                kind: ProblemKind::Fork {
                    log: log_path.clone(),
                    log_line: f.log_line,
                    op: format!("{}:{}", s.writer(), f.seq),
                },
            }));
        }
    }
    out
}

/// Whether the first entry of `copy` follows on from a line of `log` (its `prev` is the
/// hash of one): a copy holding only the later lines of a log starts mid-chain, and that
/// is no break when the log holds the lines before.
pub fn continues(log: &[u8], copy: &[u8]) -> bool {
    let Some(first) = log::lines(copy).find_map(|l| match l.read {
        LineRead::Op(op) => Some(op.prev),
        _ => None,
    }) else {
        return false;
    };
    let hashes: HashSet<String> = log::lines(log)
        .filter(|l| matches!(l.read, LineRead::Op(_)))
        .map(|l| line_hash(l.bytes))
        .collect();
    hashes.contains(&first)
}

/// Put back the logs of this machine's earlier writers from their journals (a copy of each
/// line, kept in `local/journal/`) where a sync replaced or cut them while no samrad ran.
/// A log still held by a running samrad is left to it; a log whose folder is gone (removed
/// on purpose) is not made again. Each log put back is reported, as is one that could not be.
pub fn restore_from_journals(layout: &Layout) -> Vec<Problem> {
    let mut out = Vec::new();
    let Ok(dirs) = std::fs::read_dir(layout.journal_dir()) else {
        return out;
    };
    for dir in dirs.filter_map(|d| d.ok()) {
        let name = dir.file_name().to_string_lossy().into_owned();
        let scope = match name.as_str() {
            FORUM_DIR => Scope::Forum,
            id if super::ids::is_safe_id(id) => Scope::Meeting(id.to_string()),
            _ => continue,
        };
        if !layout.scope_dir(&scope).is_dir() {
            continue;
        }
        let Ok(files) = std::fs::read_dir(dir.path()) else {
            continue;
        };
        for file in files.filter_map(|f| f.ok()) {
            let file_name = file.file_name().to_string_lossy().into_owned();
            let Some((writer, false)) = log_writer(&file_name) else {
                continue;
            };
            let path = layout.log_path(&scope, writer);
            if log::is_held(&path) {
                continue;
            }
            let Ok(mut ours) = log::read_plain_file(&file.path(), 0).and_then(log::Plain::bytes)
            else {
                continue;
            };
            // The journal is not fsynced on its own: after a power cut its end may be cut
            // or hold nothing written. Only its whole lines count.
            ours.truncate(ours.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1));
            if ours.is_empty() {
                continue;
            }
            // A log packed since (`pack`) is in its pack: nothing to put back unless lines
            // are missing there too.
            if !path.exists()
                && let (Some(dir), Some(name)) = (path.parent(), path.file_name())
                && super::packing::packed_log(dir, &name.to_string_lossy())
                    .is_some_and(|packed| packed.starts_with(&ours))
            {
                continue;
            }
            let kind = match super::restore::restore(&path, &ours, false) {
                Ok(Some(r)) => ProblemKind::Restored {
                    lines: r.lines,
                    kept: r.kept,
                },
                Ok(None) => continue,
                Err(e) => ProblemKind::Unreadable(e.to_string()),
            };
            out.push(Problem {
                path,
                line: None,
                kind,
            });
        }
    }
    out
}

/// A temp file younger than this may be a running samrad's write in progress: left alone.
pub const TEMP_MIN_AGE: Duration = Duration::from_secs(10);

/// Remove samrad's temp files (`is_temp_name`) older than `min_age` from the data folder's
/// own folders (the folder itself, `log/` and its folders, `minutes/`, `index/`, `local/`
/// and below): what a kill during an atomic write leaves. Returns the files removed.
///
/// A walk that went through every folder notes when it started (`local/cleaned`). The next
/// one reads only the log folders whose mtime came after that, less `min_age` and a margin:
/// making a temp file moves its folder's mtime, so a folder untouched since held, at the
/// last walk, only temp files it removed or left as too young (which moved the mtime
/// later than that). Thousands of meeting folders then cost a stat each, not a read.
///
/// Within `LOG_WALK_EVERY` of the last complete walk, the log folders and `minutes/` are
/// not looked at at all: samrad writes a temp file in a log folder only when it seeds it or
/// sets a log aside, one left in `minutes/` is only a few bytes of derived data, and a stat
/// of every meeting folder and a read of every minutes file's name would be a third of
/// what a quick command costs in an archive of thousands.
pub fn clean_temp_files(root: &Path, min_age: Duration) -> Vec<PathBuf> {
    let started = std::time::SystemTime::now();
    let stamp = root.join("local").join(CLEANED);
    let last = std::fs::read_to_string(&stamp)
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .map(|ns| std::time::UNIX_EPOCH + Duration::from_nanos(ns));
    let recent = last.is_some_and(|t| {
        started
            .duration_since(t)
            .is_ok_and(|ago| ago < LOG_WALK_EVERY)
    });
    let since = last.and_then(|t| t.checked_sub(min_age + Duration::from_secs(2)));
    let mut removed = Vec::new();
    let mut complete = true;
    let log = root.join("log");
    let minutes = root.join("minutes");
    let mut dirs = vec![(root.to_path_buf(), 0)];
    while let Some((dir, depth)) = dirs.pop() {
        if recent && (dir == log || dir == minutes) {
            continue;
        }
        // Only the log folders, which samrad makes no folders in, are passed over.
        let since = since.filter(|_| dir == log);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            complete = false;
            continue;
        };
        for entry in entries.filter_map(|e| e.ok()) {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let name = entry.file_name();
            let name = name.to_string_lossy();
            // Down to local/journal/<scope>/; never along a link.
            if kind.is_dir() && depth < 3 && (depth > 0 || is_own_dir(&name)) {
                let untouched = since.is_some_and(|since| {
                    entry
                        .metadata()
                        .and_then(|m| m.modified())
                        .is_ok_and(|m| m < since)
                });
                if !untouched {
                    dirs.push((entry.path(), depth + 1));
                }
            } else if kind.is_file() && super::names::is_temp_name(&name) {
                let old = entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age >= min_age);
                if old && std::fs::remove_file(entry.path()).is_ok() {
                    removed.push(entry.path());
                }
            }
        }
    }
    let ns = started
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    if complete && !recent && super::perms::create_dir_all(&root.join("local")).is_ok() {
        // Best effort: without it the next walk reads every folder.
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        super::perms::private_file_mode(&mut options);
        if let Ok(mut f) = options.open(&stamp) {
            let _ = std::io::Write::write_all(&mut f, format!("{ns}\n").as_bytes());
        }
    }
    removed
}

/// Where a complete walk for temp files notes when it started (`clean_temp_files`).
const CLEANED: &str = "cleaned";

/// How often the log folders are walked for temp files (`clean_temp_files`).
pub const LOG_WALK_EVERY: Duration = Duration::from_secs(3600);

/// The folders of the data folder that samrad writes in.
fn is_own_dir(name: &str) -> bool {
    matches!(name, "log" | "minutes" | "index" | "local" | "exports")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::chain::OpChain;
    use crate::store::chain::test_lines as lines;

    #[test]
    fn a_copy_that_goes_further_has_new_lines_and_one_that_forks_is_told() {
        let mut chain = OpChain::new("w");
        let first = lines(&mut chain, 1, 3, "A");
        let mut fork = chain.clone();
        let more = lines(&mut chain, 4, 6, "A");
        let whole = [first.clone(), more.clone()].concat();
        assert_eq!(
            compare("w", &first, &whole),
            CopyCheck {
                new_lines: 3,
                forks: vec![]
            }
        );
        assert_eq!(compare("w", &whole, &first), CopyCheck::default());
        assert!(
            continues(&first, &more),
            "the later half follows the log on"
        );
        assert!(!continues(&first[..0], &more));
        let other = [first.clone(), lines(&mut fork, 4, 7, "B")].concat();
        let check = compare("w", &whole, &other);
        assert_eq!(check.new_lines, 1, "seq 7 is only in the copy");
        assert_eq!(
            check.forks.iter().map(|f| f.seq).collect::<Vec<_>>(),
            vec![4, 5, 6]
        );
        assert_eq!((check.forks[0].log_line, check.forks[0].copy_line), (4, 4));
    }

    #[test]
    fn old_temp_files_are_cleaned_and_fresh_ones_left() {
        let dir = tempfile::tempdir().expect("tempdir");
        let forum = dir.path().join("log").join("forum");
        std::fs::create_dir_all(&forum).expect("mkdir");
        let old = forum.join(".w1.jsonl.0123abcd.tmp");
        let fresh = forum.join(".w2.jsonl.0123abce.tmp");
        let theirs = forum.join(".syncthing.w1.jsonl.tmp");
        for p in [&old, &fresh, &theirs] {
            std::fs::write(p, b"x").expect("write");
        }
        let long_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(&old)
            .and_then(|f| f.set_modified(long_ago))
            .expect("age");
        assert_eq!(
            clean_temp_files(dir.path(), TEMP_MIN_AGE),
            vec![old.clone()]
        );
        assert!(!old.exists() && fresh.exists() && theirs.exists());
    }

    /// As if the last complete walk started `secs` ago.
    fn walked_ago(root: &Path, secs: u64) {
        let t = std::time::SystemTime::now() - Duration::from_secs(secs);
        let ns = t
            .duration_since(std::time::UNIX_EPOCH)
            .expect("after 1970")
            .as_nanos();
        std::fs::write(root.join("local").join(CLEANED), format!("{ns}\n")).expect("write");
    }

    #[test]
    fn a_walk_passes_over_log_folders_untouched_since_the_last_and_finds_the_rest() {
        let dir = tempfile::tempdir().expect("tempdir");
        let log = dir.path().join("log");
        let (quiet, busy) = (log.join("m-quiet"), log.join("m-busy"));
        let age = |p: &Path, secs: u64| {
            let t = std::time::SystemTime::now() - Duration::from_secs(secs);
            std::fs::File::open(p)
                .and_then(|f| f.set_modified(t))
                .expect("age");
        };
        let old_tmp = |dir: &Path, name: &str| {
            let p = dir.join(name);
            std::fs::write(&p, b"x").expect("write");
            std::fs::File::options()
                .write(true)
                .open(&p)
                .and_then(|f| {
                    f.set_modified(std::time::SystemTime::now() - Duration::from_secs(3600))
                })
                .expect("age");
            p
        };
        for d in [&quiet, &busy] {
            std::fs::create_dir_all(d).expect("mkdir");
        }
        assert!(clean_temp_files(dir.path(), TEMP_MIN_AGE).is_empty());
        // Within the hour, no log folder is looked at.
        let found = old_tmp(&busy, ".w2.jsonl.0123abce.tmp");
        assert!(clean_temp_files(dir.path(), TEMP_MIN_AGE).is_empty());
        assert!(found.exists());
        // Later, a temp file left in a folder whose mtime says nothing changed since that
        // walk is passed over; one in a folder changed since (its making moved the mtime)
        // is found.
        let hidden = old_tmp(&quiet, ".w1.jsonl.0123abcd.tmp");
        let over = LOG_WALK_EVERY.as_secs();
        age(&quiet, 2 * over);
        walked_ago(dir.path(), over + 60);
        assert_eq!(clean_temp_files(dir.path(), TEMP_MIN_AGE), vec![found]);
        assert!(hidden.exists());
        // Without the note of the last walk, every folder is read.
        std::fs::remove_file(dir.path().join("local").join(CLEANED)).expect("rm");
        assert_eq!(clean_temp_files(dir.path(), TEMP_MIN_AGE), vec![hidden]);
    }
}
