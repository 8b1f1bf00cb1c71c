//! Making packs (`pack`): the logs of a quiet meeting put into one, and a log found again
//! in the packs of its folder.

use std::io;
use std::path::{Path, PathBuf};

use super::layout::Layout;
use super::log;
use super::names;
use super::pack::{Section, decode, encode, is_pack_name};
use crate::model::Scope;

/// The sections of the pack at `path`, read as a log is read (a plain file, not too large).
pub fn read(path: &Path) -> io::Result<Vec<Section>> {
    let bytes = log::read_plain_file(path, 0)?.bytes()?;
    decode(&bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// The bytes of the log named `name` in the packs of `dir`, the longest if several packs
/// hold it: what a log removed into a pack holds.
pub fn packed_log(dir: &Path, name: &str) -> Option<Vec<u8>> {
    pack_paths(dir)
        .iter()
        .filter_map(|p| read(p).ok())
        .flatten()
        .filter(|s| s.name == name)
        .map(|s| s.bytes)
        .max_by_key(|b| b.len())
}

fn pack_paths(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_str().is_some_and(is_pack_name))
        .map(|e| e.path())
        .collect();
    out.sort();
    out
}

/// What packing one meeting's folder did, or why it left it.
#[derive(Debug, Clone, PartialEq)]
pub enum Packed {
    /// Packed: how many files went into the pack, and the folder's bytes before and after.
    Done {
        files: usize,
        before: u64,
        after: u64,
    },
    /// Nothing to do: at most one pack and no log beside it.
    Already,
    /// A line was written less than `quiet` ago.
    Recent,
    /// A log is held by a running samrad.
    Live,
    /// A conflict copy or a file samrad cannot read is in the folder: for a person to look at
    /// first (`samrad verify`).
    Unsettled(String),
}

/// Pack the logs of meeting `meeting` when its folder is quiet: no line stamped within
/// `quiet_ms` of `now_ms`, no log held by a running samrad, nothing but logs and packs.
/// The pack is written and read back before any log is removed, and a log that changed
/// since it was read is left; so a crash or a writer at any moment loses nothing.
pub fn pack_meeting(
    layout: &Layout,
    meeting: &str,
    now_ms: i64,
    quiet_ms: i64,
) -> io::Result<Packed> {
    let dir = layout.scope_dir(&Scope::Meeting(meeting.to_string()));
    let mut logs = Vec::new();
    let mut packs = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_pack_name(&name) {
            packs.push(entry.path());
        } else if super::layout::is_log_name(&name) {
            logs.push(entry.path());
        } else if names::log_writer(&name).is_some() {
            return Ok(Packed::Unsettled(name));
        }
    }
    if logs.is_empty() && packs.len() <= 1 {
        return Ok(Packed::Already);
    }
    if logs.iter().any(|p| log::is_held(p)) {
        return Ok(Packed::Live);
    }
    let mut sections: Vec<Section> = Vec::new();
    let mut before = 0;
    for path in &packs {
        before += file_len(path);
        let found = read(path).map_err(|e| named(path, e))?;
        for s in found {
            join(&mut sections, s, path)?;
        }
    }
    let mut loose = Vec::new();
    for path in &logs {
        let bytes = log::read_plain_file(path, 0)
            .and_then(log::Plain::bytes)
            .map_err(|e| named(path, e))?;
        if !bytes.is_empty() && !bytes.ends_with(b"\n") {
            // A line being written, or one a crash cut: the log is not settled.
            return Ok(Packed::Live);
        }
        before += bytes.len() as u64;
        let name = file_name(path);
        loose.push((path.clone(), bytes.len() as u64));
        join(&mut sections, Section { name, bytes }, path)?;
    }
    if last_stamp(&sections).is_some_and(|ms| ms > now_ms.saturating_sub(quiet_ms)) {
        return Ok(Packed::Recent);
    }
    sections.sort_by(|a, b| a.name.cmp(&b.name));
    let (name, bytes) = encode(&sections);
    let path = dir.join(&name);
    super::atomic::write_atomic(&path, &bytes)?;
    // Read back from the disk before anything is removed.
    if read(&path).map_err(|e| named(&path, e))? != sections {
        return Err(io::Error::other(format!(
            "{}: read back other than written; nothing removed",
            path.display()
        )));
    }
    let mut files = 0;
    for (log, len) in &loose {
        // A log that grew since it was read keeps its new lines: it stays beside the pack.
        if file_len(log) == *len {
            std::fs::remove_file(log)?;
            files += 1;
        }
    }
    for old in packs.iter().filter(|p| **p != path) {
        std::fs::remove_file(old)?;
        files += 1;
    }
    super::perms::sync_dir(&dir)?;
    let after = file_len(&path) + loose.iter().map(|(p, _)| file_len(p)).sum::<u64>();
    Ok(Packed::Done {
        files,
        before,
        after,
    })
}

/// Add a section, or keep the longer of two that hold one log: one must start with the
/// other (the shorter was packed or copied before the log grew). Two that differ are two
/// histories of one writer, for `samrad verify` to show: an error naming `from`.
fn join(sections: &mut Vec<Section>, s: Section, from: &Path) -> io::Result<()> {
    match sections.iter_mut().find(|k| k.name == s.name) {
        None => sections.push(s),
        Some(kept) if kept.bytes.starts_with(&s.bytes) => {}
        Some(kept) if s.bytes.starts_with(&kept.bytes) => *kept = s,
        Some(_) => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "{}: {} differs from the one packed before; nothing packed",
                    from.display(),
                    s.name
                ),
            ));
        }
    }
    Ok(())
}

/// The latest clock stamp of any section's last line that reads as an op (a writer's
/// stamps only grow along its log).
fn last_stamp(sections: &[Section]) -> Option<i64> {
    sections
        .iter()
        .filter_map(|s| {
            s.bytes
                .split(|b| *b == b'\n')
                .rev()
                .find_map(|l| super::op::parse_line(l).ok())
                .map(|op| op.clock.ms)
        })
        .max()
}

fn file_len(path: &Path) -> u64 {
    std::fs::symlink_metadata(path)
        .map(|m| m.len())
        .unwrap_or(0)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn named(path: &Path, e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}
