//! Running the `git` binary: explicit arguments, never a shell; no prompt (a background sync
//! must never ask for a password on the TUI's screen); git's messages in English, so that
//! what went wrong can be told apart; samrad's identity for commits when git has none.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub use super::outcome::Failed;
use super::outcome::SyncError;

/// One repository (or the folder a clone goes into) and how git is run there.
#[derive(Debug, Clone)]
pub struct Git {
    dir: PathBuf,
    /// No ssh passphrase prompts either (the TUI's background sync).
    batch: bool,
    /// `user.name` and `user.email` for commits, when git has none of its own.
    identity: Option<(String, String)>,
}

impl Git {
    pub fn new(dir: &Path, batch: bool) -> Git {
        Git {
            dir: dir.to_path_buf(),
            batch,
            identity: None,
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Commit as `name <email>` when git itself says no one (no `user.name`/`user.email`
    /// anywhere in its config), so a commit never fails for want of an identity.
    pub fn with_identity_if_none(mut self, name: &str, email: &str) -> Result<Git, SyncError> {
        let has = |key: &str| {
            self.out(&["config", "--get", key])
                .is_ok_and(|v| !v.trim().is_empty())
        };
        if !(has("user.name") && has("user.email")) {
            self.identity = Some((name.to_string(), email.to_string()));
        }
        Ok(self)
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new("git");
        c.args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "core.quotePath=false",
            "--literal-pathspecs",
        ]);
        if let Some((name, email)) = &self.identity {
            c.arg("-c").arg(format!("user.name={name}"));
            c.arg("-c").arg(format!("user.email={email}"));
        }
        c.args(args)
            .current_dir(&self.dir)
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("LC_ALL", "C")
            .env("LANGUAGE", "")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if self.batch && std::env::var_os("GIT_SSH_COMMAND").is_none() {
            c.env(
                "GIT_SSH_COMMAND",
                "ssh -o BatchMode=yes -o ConnectTimeout=20",
            );
        }
        c
    }

    fn finish(
        &self,
        args: &[&str],
        out: std::io::Result<std::process::Output>,
    ) -> Result<Result<Vec<u8>, Failed>, SyncError> {
        let out = out.map_err(|e| spawn_error(&e))?;
        if out.status.success() {
            Ok(Ok(out.stdout))
        } else {
            Ok(Err(Failed {
                what: args.first().copied().unwrap_or("").to_string(),
                code: out.status.code(),
                stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            }))
        }
    }

    /// Run; the outer error is git missing, the inner one git failing.
    pub fn try_run(&self, args: &[&str]) -> Result<Result<Vec<u8>, Failed>, SyncError> {
        self.finish(args, self.command(args).output())
    }

    /// Run with `input` on stdin.
    pub fn try_run_input(
        &self,
        args: &[&str],
        input: &[u8],
        env: &[(&str, &Path)],
    ) -> Result<Result<Vec<u8>, Failed>, SyncError> {
        let mut c = self.command(args);
        c.stdin(Stdio::piped());
        for (k, v) in env {
            c.env(k, v);
        }
        let mut child = c.spawn().map_err(|e| spawn_error(&e))?;
        let writer = child.stdin.take().map(|mut stdin| {
            let input = input.to_vec();
            std::thread::spawn(move || {
                let _ = stdin.write_all(&input);
            })
        });
        let out = child.wait_with_output();
        if let Some(w) = writer {
            let _ = w.join();
        }
        self.finish(args, out)
    }

    /// Run and require success: stdout as text.
    pub fn out(&self, args: &[&str]) -> Result<String, SyncError> {
        self.bytes(args)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
    }

    pub fn bytes(&self, args: &[&str]) -> Result<Vec<u8>, SyncError> {
        self.try_run(args)?.map_err(SyncError::git)
    }

    pub fn run(&self, args: &[&str]) -> Result<(), SyncError> {
        self.bytes(args).map(|_| ())
    }

    /// Run with `input` on stdin (and extra environment), require success.
    pub fn run_input(
        &self,
        args: &[&str],
        input: &[u8],
        env: &[(&str, &Path)],
    ) -> Result<String, SyncError> {
        self.try_run_input(args, input, env)?
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .map_err(SyncError::git)
    }

    /// A revision's commit id, or `None` when there is no such revision.
    pub fn commit_id(&self, rev: &str) -> Result<Option<String>, SyncError> {
        let spec = format!("{rev}^{{commit}}");
        Ok(self
            .try_run(&["rev-parse", "--verify", "-q", &spec])?
            .ok()
            .map(|b| String::from_utf8_lossy(&b).trim().to_string())
            .filter(|s| !s.is_empty()))
    }

    /// Whether `a` is an ancestor of (or the same as) `b`.
    pub fn is_ancestor(&self, a: &str, b: &str) -> Result<bool, SyncError> {
        match self.try_run(&["merge-base", "--is-ancestor", a, b])? {
            Ok(_) => Ok(true),
            Err(f) if f.code == Some(1) => Ok(false),
            Err(f) => Err(SyncError::git(f)),
        }
    }

    /// The best common ancestor, or `None` for histories that never met.
    pub fn merge_base(&self, a: &str, b: &str) -> Result<Option<String>, SyncError> {
        match self.try_run(&["merge-base", a, b])? {
            Ok(out) => Ok(Some(String::from_utf8_lossy(&out).trim().to_string())),
            Err(f) if f.code == Some(1) => Ok(None),
            Err(f) => Err(SyncError::git(f)),
        }
    }

    /// The contents of one blob.
    pub fn blob(&self, sha: &str) -> Result<Vec<u8>, SyncError> {
        self.bytes(&["cat-file", "blob", sha])
    }

    /// The contents of many blobs through one `git cat-file --batch`, each handed to `each`
    /// as it is read (an archive's logs need not all be in memory at once).
    pub fn blobs(
        &self,
        shas: &[String],
        mut each: impl FnMut(&str, Vec<u8>) -> Result<(), SyncError>,
    ) -> Result<(), SyncError> {
        if shas.is_empty() {
            return Ok(());
        }
        let mut c = self.command(&["cat-file", "--batch"]);
        c.stdin(Stdio::piped()).stderr(Stdio::null());
        let mut child = c.spawn().map_err(|e| spawn_error(&e))?;
        let input: Vec<u8> = shas
            .iter()
            .flat_map(|s| format!("{s}\n").into_bytes())
            .collect();
        let writer = child.stdin.take().map(|mut stdin| {
            std::thread::spawn(move || {
                let _ = stdin.write_all(&input);
            })
        });
        let broken = |what: &str| SyncError::Git {
            what: "cat-file".into(),
            detail: what.to_string(),
        };
        let mut stdout =
            std::io::BufReader::new(child.stdout.take().ok_or_else(|| broken("no output"))?);
        let result = (|| {
            for sha in shas {
                let mut header = Vec::new();
                std::io::BufRead::read_until(&mut stdout, b'\n', &mut header)
                    .map_err(|e| broken(&e.to_string()))?;
                let header = String::from_utf8_lossy(&header);
                let mut parts = header.split_whitespace();
                let (Some(_), Some(kind), Some(size)) = (parts.next(), parts.next(), parts.next())
                else {
                    return Err(broken(&format!("{sha}: {}", header.trim())));
                };
                let size: usize = size.parse().map_err(|_| broken(header.trim()))?;
                if kind != "blob" {
                    return Err(broken(&format!("{sha} is a {kind}")));
                }
                let mut content = vec![0; size + 1];
                stdout
                    .read_exact(&mut content)
                    .map_err(|e| broken(&e.to_string()))?;
                content.truncate(size);
                each(sha, content)?;
            }
            Ok(())
        })();
        drop(stdout);
        if let Some(w) = writer {
            let _ = w.join();
        }
        let _ = child.wait();
        result
    }
}

fn spawn_error(e: &std::io::Error) -> SyncError {
    if e.kind() == std::io::ErrorKind::NotFound {
        SyncError::NoGit
    } else {
        SyncError::Git {
            what: "git".into(),
            detail: e.to_string(),
        }
    }
}

/// Whether the `git` command can be run at all.
pub fn available() -> bool {
    Command::new("git")
        .arg("--version")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// A short name for a remote, to say whom a folder syncs with: the host of a URL or of
/// `user@host:path`, else the last part of a path (without `.git`).
pub fn remote_label(url: &str) -> String {
    let url = url.trim();
    let host = if let Some((_, rest)) = url.split_once("://") {
        let authority = rest.split('/').next().unwrap_or(rest);
        let host = authority.rsplit('@').next().unwrap_or(authority);
        if url.starts_with("file://") || host.is_empty() {
            None
        } else {
            Some(host.split(':').next().unwrap_or(host).to_string())
        }
    } else {
        match url.split_once(':') {
            // `user@host:path`, not `C:\…` nor a path with a colon after a slash.
            Some((before, _)) if !before.contains('/') && before.len() > 1 => {
                Some(before.rsplit('@').next().unwrap_or(before).to_string())
            }
            _ => None,
        }
    };
    host.unwrap_or_else(|| {
        let path = url.trim_end_matches('/');
        let last = path.rsplit('/').next().unwrap_or(path);
        let name = last.strip_suffix(".git").unwrap_or(last);
        if name.is_empty() {
            url.to_string()
        } else {
            name.to_string()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remotes_are_named_by_host_or_folder() {
        assert_eq!(
            remote_label("git@github.com:org/samrad-data.git"),
            "github.com"
        );
        assert_eq!(
            remote_label("https://git.example.no/org/data.git"),
            "git.example.no"
        );
        assert_eq!(
            remote_label("ssh://kari@server:2222/srv/data.git"),
            "server"
        );
        assert_eq!(remote_label("/srv/git/samrad.git"), "samrad");
        assert_eq!(remote_label("file:///srv/git/samrad.git/"), "samrad");
        assert_eq!(remote_label("../origin.git"), "origin");
    }

    #[test]
    fn git_messages_are_told_apart() {
        let f = |stderr: &str| Failed {
            what: "push".into(),
            code: Some(1),
            stderr: stderr.into(),
        };
        let rejected = f(
            " ! [rejected]        HEAD -> main (fetch first)\nerror: failed to push some refs to 'x'\nhint: Updates were rejected",
        );
        assert!(rejected.is_rejected());
        assert_eq!(
            rejected.detail(),
            "! [rejected]        HEAD -> main (fetch first); failed to push some refs to 'x'"
        );
        let gone = f(
            "fatal: '/tmp/nowhere.git' does not appear to be a git repository\nfatal: Could not read from remote repository.",
        );
        assert!(gone.is_unreachable() && !gone.is_rejected());
    }
}
