//! Bringing the working files from one commit's tree to another's, as samrad writes files:
//! new ones whole and private (0600 in 0700 folders, so nothing warns about permissions
//! afterwards), logs that grew by appending only the new bytes (a running samrad reads just
//! those), and nothing that is not a plain file at a plain path. A file changed here since
//! it was committed is never overwritten: lines appended here stay, and a version that
//! cannot be joined is written beside it as a conflict copy.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::merge::{Conflict, Tree, is_log};
use super::outcome::SyncError;
use crate::store::{atomic, perms};

/// What changed in the working files.
#[derive(Debug, Default)]
pub struct Brought {
    /// Files written, grown or removed.
    pub files: usize,
    /// Lines that came into logs.
    pub lines: usize,
    pub conflicts: Vec<Conflict>,
    /// Paths in the commit that are not written here (links, submodules, unsafe paths).
    pub skipped: Vec<String>,
}

/// Whether samrad writes this path from a commit: a relative path of plain parts, not into
/// git's own folder, nor into this machine's own or derived folders.
pub fn is_safe_path(path: &str) -> bool {
    let parts: Vec<&str> = path.split('/').collect();
    let plain = parts.iter().all(|p| {
        !p.is_empty()
            && *p != "."
            && *p != ".."
            && !p.eq_ignore_ascii_case(".git")
            && !p.contains('\\')
    });
    plain && !is_local(path)
}

/// Folders that are this machine's own or derived from the logs: never written by a sync.
pub fn is_local(path: &str) -> bool {
    ["local/", "index/", "minutes/", "exports/"]
        .iter()
        .any(|d| path.starts_with(d))
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> SyncError + '_ {
    move |source| SyncError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn lines(b: &[u8]) -> usize {
    b.iter().filter(|&&c| c == b'\n').count()
}

/// Bring the files under `root` from `old` to `new`. `blobs` reads many blobs at once,
/// `blob` one; `copy_name` says where a conflict copy of a path goes.
pub fn bring(
    root: &Path,
    old: &Tree,
    new: &Tree,
    blobs: impl FnOnce(
        &[String],
        &mut dyn FnMut(&str, Vec<u8>) -> Result<(), SyncError>,
    ) -> Result<(), SyncError>,
    mut blob: impl FnMut(&str) -> Result<Vec<u8>, SyncError>,
    copy_name: impl Fn(&str) -> String,
) -> Result<Brought, SyncError> {
    let mut out = Brought::default();
    // Changed or new files, by blob id (one blob may be at several paths).
    let mut wanted: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for (path, e) in new {
        if old.get(path) == Some(e) {
            continue;
        }
        let plain = e.mode == "100644" || e.mode == "100755";
        if !plain || !is_safe_path(path) {
            if !is_local(path) {
                out.skipped.push(path.clone());
            }
            continue;
        }
        wanted.entry(e.sha.clone()).or_default().push(path.clone());
    }
    let shas: Vec<String> = wanted.keys().cloned().collect();
    let mut failed: Option<SyncError> = None;
    blobs(&shas, &mut |sha, content| {
        for path in wanted.get(sha).into_iter().flatten() {
            let had = old.get(path).map(|e| e.sha.clone());
            if let Err(e) = put(
                root,
                path,
                &content,
                had.as_deref(),
                &mut blob,
                &copy_name,
                &mut out,
            ) {
                failed.get_or_insert(e);
            }
        }
        Ok(())
    })?;
    if let Some(e) = failed {
        return Err(e);
    }
    for (path, e) in old {
        if new.contains_key(path) || !is_safe_path(path) {
            continue;
        }
        let file = root.join(path);
        match std::fs::read(&file) {
            // Removed only when it is as committed: nothing written here since is lost.
            Ok(here) if here == blob(&e.sha)? => {
                std::fs::remove_file(&file).map_err(io(&file))?;
                out.files += 1;
            }
            _ => {}
        }
    }
    Ok(out)
}

/// Write one file of the new tree: `had` is its blob in the old tree.
fn put(
    root: &Path,
    path: &str,
    new: &[u8],
    had: Option<&str>,
    blob: &mut impl FnMut(&str) -> Result<Vec<u8>, SyncError>,
    copy_name: &impl Fn(&str) -> String,
    out: &mut Brought,
) -> Result<(), SyncError> {
    let file = root.join(path);
    let here = match std::fs::symlink_metadata(&file) {
        Ok(m) if m.file_type().is_file() => Some(std::fs::read(&file).map_err(io(&file))?),
        Ok(_) => {
            out.skipped.push(path.to_string());
            return Ok(());
        }
        Err(_) => None,
    };
    let counted = |out: &mut Brought, added: &[u8]| {
        out.files += 1;
        if is_log(path) {
            out.lines += lines(added);
        }
    };
    let Some(here) = here else {
        if let Some(dir) = file.parent() {
            make_dirs(root, dir)?;
        }
        atomic::write_atomic(&file, new).map_err(io(&file))?;
        counted(out, new);
        return Ok(());
    };
    if here == new || here.starts_with(new) {
        // As new, or it has more here (lines appended since the commit).
        return Ok(());
    }
    if new.starts_with(&here) {
        append(&file, &new[here.len()..])?;
        counted(out, &new[here.len()..]);
        return Ok(());
    }
    let unchanged_here = match had {
        Some(sha) => blob(sha)? == here,
        None => false,
    };
    if unchanged_here {
        atomic::write_atomic(&file, new).map_err(io(&file))?;
        counted(out, new);
        return Ok(());
    }
    // Changed here and there, differently: both kept.
    let copy = copy_name(path);
    let copy_file = root.join(&copy);
    atomic::write_atomic(&copy_file, new).map_err(io(&copy_file))?;
    counted(out, new);
    out.conflicts.push(super::merge::Conflict {
        path: path.to_string(),
        same_writer: is_log(path),
        copy,
    });
    Ok(())
}

/// Append bytes to a file as it is (a log another samrad may be reading) and make them
/// durable.
fn append(file: &Path, bytes: &[u8]) -> Result<(), SyncError> {
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(file)
        .map_err(io(file))?;
    f.write_all(bytes).map_err(io(file))?;
    // A log grown in place: said in the journal of appends, for the archive's check.
    crate::store::appends::note(file);
    f.sync_data().map_err(io(file))
}

/// Make the folders down to `dir` (private), refusing to go through a link.
fn make_dirs(root: &Path, dir: &Path) -> Result<(), SyncError> {
    let rel = dir.strip_prefix(root).unwrap_or(dir);
    let mut at = PathBuf::from(root);
    for part in rel.components() {
        at.push(part);
        if let Ok(m) = std::fs::symlink_metadata(&at) {
            if !m.is_dir() {
                return Err(SyncError::Io {
                    path: at.clone(),
                    source: std::io::Error::other("not a folder"),
                });
            }
            continue;
        }
        perms::create_dir_all(&at).map_err(io(&at))?;
        if let Some(parent) = at.parent() {
            perms::sync_dir(parent).map_err(io(parent))?;
        }
    }
    Ok(())
}

/// Tighten every file and folder under `dir` to samrad's private modes, quietly (a fresh
/// clone, made with git's modes). Links are left alone.
pub fn make_private(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            let Ok(meta) = std::fs::symlink_metadata(&d) else {
                continue;
            };
            if meta.file_type().is_symlink() {
                continue;
            }
            let want = if meta.is_dir() {
                perms::DIR_MODE
            } else {
                perms::FILE_MODE
            };
            if meta.permissions().mode() & 0o077 != 0 {
                let _ = std::fs::set_permissions(&d, std::fs::Permissions::from_mode(want));
            }
            if meta.is_dir()
                && let Ok(rd) = std::fs::read_dir(&d)
            {
                stack.extend(rd.filter_map(|e| e.ok()).map(|e| e.path()));
            }
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_shared_paths_are_written() {
        assert!(is_safe_path("log/m/w1.jsonl"));
        assert!(is_safe_path(".gitignore"));
        for bad in [
            "../x",
            "log/../../x",
            ".git/config",
            "log/.GIT/hooks",
            "/etc/passwd",
            "local/drafts.json",
            "index/archive.bin",
            "minutes/m.json",
        ] {
            assert!(!is_safe_path(bad), "{bad}");
        }
    }
}
