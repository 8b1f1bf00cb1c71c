//! What a sync is told (`Options`), what it did (`Report`), and what went wrong
//! (`SyncError`).

use std::path::PathBuf;

use thiserror::Error;

/// A git command that ran and did not succeed.
#[derive(Debug, Clone)]
pub struct Failed {
    pub what: String,
    pub code: Option<i32>,
    pub stderr: String,
}

impl Failed {
    /// git's own words, on one line, without its "fatal:"/"error:" prefixes.
    pub fn detail(&self) -> String {
        let lines: Vec<&str> = self
            .stderr
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with("hint:"))
            .map(|l| {
                l.trim_start_matches("fatal: ")
                    .trim_start_matches("error: ")
                    .trim_start_matches("remote: ")
            })
            .collect();
        let text = lines.join("; ");
        if text.is_empty() {
            format!("exit code {:?}", self.code)
        } else {
            text
        }
    }

    /// The remote could not be reached or read (no network, wrong address, no access).
    pub fn is_unreachable(&self) -> bool {
        let s = self.stderr.to_lowercase();
        [
            "could not resolve",
            "could not read from remote",
            "unable to access",
            "does not appear to be a git repository",
            "connection refused",
            "connection timed out",
            "network is unreachable",
            "no route to host",
            "repository not found",
            "permission denied",
            "authentication failed",
            "host key verification failed",
            "not found",
            "could not connect",
        ]
        .iter()
        .any(|n| s.contains(n))
    }

    /// The remote refused a push that does not build on what it has.
    pub fn is_rejected(&self) -> bool {
        let s = self.stderr.to_lowercase();
        [
            "[rejected]",
            "non-fast-forward",
            "fetch first",
            "cannot lock ref",
        ]
        .iter()
        .any(|n| s.contains(n))
    }
}

/// A file both sides changed, each differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The file, as this folder keeps it.
    pub path: String,
    /// Where the other side's version is kept.
    pub copy: String,
    /// The file is a writer's log: two machines wrote as the same writer.
    pub same_writer: bool,
}

#[derive(Debug, Error)]
pub enum SyncError {
    #[error("git is not installed")]
    NoGit,
    #[error("{} is not set up for sync", .0.display())]
    NotSetUp(PathBuf),
    #[error("{} is not empty", root.display())]
    NotEmpty { root: PathBuf, remote: String },
    #[error("could not reach {remote}: {detail}")]
    Unreachable { remote: String, detail: String },
    #[error("{remote} did not take the push")]
    Rejected { remote: String },
    #[error("changes that are not samrad's: {}", .0.join(", "))]
    Foreign(Vec<String>),
    #[error("git {what} failed: {detail}")]
    Git { what: String, detail: String },
    #[error("could not use {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

impl SyncError {
    pub fn git(f: Failed) -> SyncError {
        SyncError::Git {
            detail: f.detail(),
            what: f.what,
        }
    }

    /// A failure to talk to the remote: unreachable, or any other git error.
    pub fn remote(remote: &str, f: Failed) -> SyncError {
        if f.is_unreachable() {
            SyncError::Unreachable {
                remote: remote.to_string(),
                detail: f.detail(),
            }
        } else {
            SyncError::git(f)
        }
    }
}

/// How a sync runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Who syncs: named in samrad's commits (and their author, when git knows nobody).
    pub name: String,
    /// Never prompt, not even ssh for a passphrase (a sync in the TUI's background).
    pub batch: bool,
}

/// What one sync did.
#[derive(Debug, Default)]
pub struct Report {
    /// The remote, as people call it: its host, or its folder's name.
    pub remote: String,
    pub sent_lines: usize,
    pub sent_files: usize,
    pub received_lines: usize,
    pub received_files: usize,
    /// Files changed on both sides: ours kept, theirs beside it.
    pub conflicts: Vec<Conflict>,
    /// Logs changed here other than by appending: not sent.
    pub held_back: Vec<String>,
    /// Files in the remote's commits that are not written here (links, unsafe paths).
    pub skipped: Vec<String>,
    /// This folder's history and the remote's met for the first time (seeded apart).
    pub joined: bool,
}
