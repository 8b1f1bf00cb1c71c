//! Private permissions: folders 0700, files 0600. Sync tools and git lose modes, so they are
//! checked at start and tightened with a warning.

use std::fs::{self, OpenOptions};
use std::io;
use std::path::Path;

use super::problem::{Problem, ProblemKind};

pub const DIR_MODE: u32 = 0o700;
pub const FILE_MODE: u32 = 0o600;

/// Make a folder and the folders above it that are missing (private), and fsync the folder
/// each new one was made in, so that a power cut cannot lose a new folder (and the files
/// in it) after a write in it was said to be durable. Every folder samrad makes is made
/// here.
pub fn create_dir_all(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    // The folders that are missing, the deepest first.
    let missing: Vec<&Path> = dir
        .ancestors()
        .take_while(|d| !d.as_os_str().is_empty() && !d.is_dir())
        .collect();
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(DIR_MODE);
    }
    b.create(dir)?;
    for made in missing.iter().rev() {
        match made.parent() {
            Some(p) if p.as_os_str().is_empty() => sync_dir(Path::new("."))?,
            Some(p) => sync_dir(p)?,
            None => {}
        }
    }
    Ok(())
}

pub fn private_file_mode(options: &mut OpenOptions) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(FILE_MODE);
    }
    #[cfg(not(unix))]
    let _ = options;
}

/// Flush a folder's entries (a new or renamed file) to disk.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        fs::File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Take group's and others' access to `path` away, if they have any.
pub fn ensure_private(path: &Path, problems: &mut Vec<Problem>) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let Ok(meta) = fs::symlink_metadata(path) else {
            return;
        };
        if meta.file_type().is_symlink() {
            return;
        }
        let was = meta.permissions().mode() & 0o777;
        // Group and others lose their access; the owner gets none they did not have (a
        // folder made read-only on purpose stays read-only).
        let want = was & (if meta.is_dir() { DIR_MODE } else { FILE_MODE });
        if was & 0o077 != 0 && fs::set_permissions(path, fs::Permissions::from_mode(want)).is_ok() {
            problems.push(Problem {
                path: path.to_path_buf(),
                line: None,
                kind: ProblemKind::PermissionsFixed { was, now: want },
            });
        }
    }
    #[cfg(not(unix))]
    let _ = (path, problems);
}
