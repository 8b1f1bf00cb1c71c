//! Private permissions: folders 0700, files 0600. Sync tools and git lose modes, so they are
//! checked at start and tightened with a warning.

use std::fs::{self, OpenOptions};
use std::io;
use std::path::Path;

use super::problem::{Problem, ProblemKind};

pub const DIR_MODE: u32 = 0o700;
pub const FILE_MODE: u32 = 0o600;

pub fn create_dir_all(dir: &Path) -> io::Result<()> {
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(DIR_MODE);
    }
    b.create(dir)
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

/// Tighten the mode of `path` to `want` if group or others may access it.
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
        let want = if meta.is_dir() { DIR_MODE } else { FILE_MODE };
        let was = meta.permissions().mode() & 0o777;
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
