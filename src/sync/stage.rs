//! What this folder has to send: the new lines in `log/` and samrad's ignore files,
//! committed; a log changed other than by appending is held back (sending it would cut
//! lines out of everyone's copy), and a change that is not samrad's stops the sync.

use std::path::Path;

use super::git::Git;
use super::outcome::{Options, SyncError};
use super::worktree::is_local;
use crate::store::{pack, packing};

/// What was committed, and what was not.
#[derive(Debug, Default)]
pub struct Staged {
    pub files: usize,
    pub lines: usize,
    /// Logs changed other than by appending (or removed): not sent.
    pub held_back: Vec<String>,
}

fn is_samrads(path: &str) -> bool {
    path.starts_with("log/") || path == ".gitignore" || path == ".stignore"
}

/// Each changed path (`git status`), with its two status letters.
fn changes(git: &Git) -> Result<Vec<(String, String)>, SyncError> {
    let out = git.bytes(&[
        "status",
        "--porcelain=v1",
        "-z",
        "--untracked-files=all",
        "--no-renames",
    ])?;
    Ok(out
        .split(|&b| b == 0)
        .filter(|e| e.len() > 3)
        .map(|e| {
            let e = String::from_utf8_lossy(e);
            (e[..2].to_string(), e[3..].to_string())
        })
        .collect())
}

/// Commit samrad's changed files. Fails, committing nothing, when other files changed.
pub fn commit(git: &Git, root: &Path, opts: &Options) -> Result<Staged, SyncError> {
    let all = changes(git)?;
    let foreign: Vec<String> = all
        .iter()
        .map(|(_, p)| p.clone())
        .filter(|p| !is_samrads(p) && !is_local(p))
        .collect();
    if !foreign.is_empty() {
        return Err(SyncError::Foreign(foreign));
    }
    let mut staged = Staged::default();
    let mut add: Vec<String> = Vec::new();
    for (xy, path) in all.into_iter().filter(|(_, p)| is_samrads(p)) {
        let file = root.join(&path);
        let is_log = path.starts_with("log/");
        if xy == "??" {
            // A pack brings no new line: its lines were in the logs it was made of.
            if is_log
                && !file
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(pack::is_pack_name)
            {
                staged.lines += std::fs::read(&file).map(|b| newlines(&b)).unwrap_or(0);
            }
            staged.files += 1;
            add.push(path);
            continue;
        }
        let now = match std::fs::symlink_metadata(&file) {
            Ok(m) if m.file_type().is_file() => std::fs::read(&file).ok(),
            _ => None,
        };
        let Some(now) = now else {
            // Gone here. A conflict copy whose lines were taken in may go, and so may a log
            // a pack beside it holds whole (`samrad pack`); another log may not.
            if path.contains(".sync-conflict-") || (is_log && packed(git, &file, &path)?) {
                staged.files += 1;
                add.push(path);
            } else {
                staged.held_back.push(path);
            }
            continue;
        };
        let was = git.bytes(&["cat-file", "blob", &format!("HEAD:{path}")])?;
        if now.starts_with(&was) {
            staged.lines += newlines(&now[was.len()..]);
        } else if is_log {
            staged.held_back.push(path);
            continue;
        }
        staged.files += 1;
        add.push(path);
    }
    if !staged.held_back.is_empty() {
        // Whatever of them was staged by hand stays out of the commit too.
        let mut list = Vec::new();
        for p in &staged.held_back {
            list.extend_from_slice(p.as_bytes());
            list.push(0);
        }
        git.run_input(
            &[
                "reset",
                "-q",
                "--pathspec-from-file=-",
                "--pathspec-file-nul",
            ],
            &list,
            &[],
        )?;
    }
    if add.is_empty() {
        return Ok(staged);
    }
    let mut list = Vec::new();
    for p in &add {
        list.extend_from_slice(p.as_bytes());
        list.push(0);
    }
    git.run_input(
        &["add", "-A", "--pathspec-from-file=-", "--pathspec-file-nul"],
        &list,
        &[],
    )?;
    // Paths that only looked changed (a file touched, its bytes the same) make no commit.
    if git.try_run(&["diff", "--cached", "--quiet"])?.is_ok() {
        return Ok(Staged {
            files: 0,
            lines: 0,
            ..staged
        });
    }
    let message = format!("samrad: {} ({} new lines)", opts.name, staged.lines);
    git.run(&["commit", "-q", "--no-verify", "-m", &message])?;
    Ok(staged)
}

/// Whether the log at `file`, gone from the folder, is held in a pack beside it with all
/// that was committed of it.
fn packed(git: &Git, file: &Path, path: &str) -> Result<bool, SyncError> {
    let (Some(dir), Some(name)) = (file.parent(), file.file_name()) else {
        return Ok(false);
    };
    let Some(packed) = packing::packed_log(dir, &name.to_string_lossy()) else {
        return Ok(false);
    };
    let was = git.bytes(&["cat-file", "blob", &format!("HEAD:{path}")])?;
    Ok(packed.starts_with(&was))
}

fn newlines(b: &[u8]) -> usize {
    b.iter().filter(|&&c| c == b'\n').count()
}
