//! `samrad sync`: git as the sync engine, so that nobody has to learn git. The data folder is
//! a git repository with one remote (`origin`); a sync commits this folder's new lines (only
//! samrad's files: `log/` and the ignore files), puts them on top of what the remote has
//! (a rebase, done file by file in `merge`, so the working files are never taken back to an
//! older state under a running samrad), writes what came in as samrad writes files
//! (`worktree`: private modes, appends), and pushes. Folders seeded apart meet on their own:
//! their histories are joined, identical files (the template) are one, and a file that
//! differs on both sides is kept twice, never lost.
//!
//! Derived files (`minutes/`, `index/`, `exports/`) and this machine's own (`local/`) are
//! never synced: the `.gitignore` samrad writes keeps them out. The minutes JSON in
//! particular is rebuilt from the logs on every machine; were it synced, two machines would
//! write one file and every sync of a meeting in progress would be a conflict.

pub mod git;
pub mod merge;
mod stage;
pub mod worktree;

use std::path::{Path, PathBuf};

use thiserror::Error;

use git::{Failed, Git};
use merge::{Conflict, Entry, Tree};

/// The remote samrad syncs with.
pub const REMOTE: &str = "origin";
/// How often a rejected push (someone pushed in between) is tried again at once.
const ATTEMPTS: usize = 3;

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
    fn remote(remote: &str, f: Failed) -> SyncError {
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

/// Whether `root` is set up for `samrad sync`: a git repository with a remote.
pub fn is_set_up(root: &Path) -> bool {
    remote_url(root).is_some()
}

/// The remote's address, when `root` is set up.
pub fn remote_url(root: &Path) -> Option<String> {
    if !root.join(".git").exists() {
        return None;
    }
    Git::new(root, true)
        .out(&["config", "--get", &format!("remote.{REMOTE}.url")])
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// The remote's name as people call it (see `git::remote_label`), when `root` is set up.
pub fn remote_label(root: &Path) -> Option<String> {
    remote_url(root).map(|u| git::remote_label(&u))
}

fn git_for(root: &Path, opts: &Options) -> Result<Git, SyncError> {
    let email = format!(
        "{}@samrad.invalid",
        opts.name
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
            .collect::<String>()
            .to_lowercase()
    );
    Git::new(root, opts.batch).with_identity_if_none(&opts.name, &email)
}

/// Set an existing (or new) data folder up to sync with `remote`, and sync once.
pub fn init(root: &Path, remote: &str, opts: &Options) -> Result<Report, SyncError> {
    if !git::available() {
        return Err(SyncError::NoGit);
    }
    // Seeded if new; the ignore files written.
    drop(crate::store::Store::open(
        root,
        crate::model::Author::default(),
    )?);
    let git = git_for(root, opts)?;
    if !root.join(".git").exists() {
        git.run(&["init", "-q"])?;
    }
    let key = format!("remote.{REMOTE}.url");
    match git.out(&["config", "--get", &key]) {
        Ok(old) if old.trim() == remote => {}
        Ok(_) => git.run(&["remote", "set-url", REMOTE, remote])?,
        Err(_) => git.run(&["remote", "add", REMOTE, remote])?,
    }
    git.run(&["config", "core.fileMode", "false"])?;
    let branch = remote_branch(&git, remote)?;
    if git.commit_id("HEAD")?.is_none() {
        git.run(&["symbolic-ref", "HEAD", &format!("refs/heads/{branch}")])?;
    }
    let current = current_branch(&git)?;
    git.run(&["config", &format!("branch.{current}.remote"), REMOTE])?;
    git.run(&[
        "config",
        &format!("branch.{current}.merge"),
        &format!("refs/heads/{branch}"),
    ])?;
    sync(root, opts)
}

/// Set an empty or absent data folder up from `remote` (a clone), and sync once.
pub fn clone(root: &Path, remote: &str, opts: &Options) -> Result<Report, SyncError> {
    if !git::available() {
        return Err(SyncError::NoGit);
    }
    let empty = match std::fs::read_dir(root) {
        Ok(mut rd) => rd.next().is_none(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
        Err(source) => {
            return Err(SyncError::Io {
                path: root.to_path_buf(),
                source,
            });
        }
    };
    if !empty {
        return Err(SyncError::NotEmpty {
            root: root.to_path_buf(),
            remote: remote.to_string(),
        });
    }
    let parent = root
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    crate::store::perms::create_dir_all(parent).map_err(|source| SyncError::Io {
        path: parent.to_path_buf(),
        source,
    })?;
    let label = git::remote_label(remote);
    let target = root.to_string_lossy().into_owned();
    Git::new(parent, opts.batch)
        .try_run(&["clone", "-q", "--no-checkout", "--", remote, &target])?
        .map_err(|f| SyncError::remote(&label, f))?;
    // git made the folder with its own modes; samrad's are private.
    worktree::make_private(root);
    let git = git_for(root, opts)?;
    git.run(&["config", "core.fileMode", "false"])?;
    if let Some(head) = git.commit_id("HEAD")? {
        let tree = tree_of(&git, &head)?;
        // Written as samrad writes files (private modes), then the index made to match.
        bring(&git, root, &Tree::new(), &tree)?;
        git.run(&["reset", "-q"])?;
    }
    // Seeded if the remote had nothing yet; the ignore files written if it had none.
    drop(crate::store::Store::open(
        root,
        crate::model::Author::default(),
    )?);
    sync(root, opts)
}

/// One sync: commit this folder's new lines, take in the remote's, send ours.
pub fn sync(root: &Path, opts: &Options) -> Result<Report, SyncError> {
    let Some(url) = remote_url(root) else {
        if !git::available() {
            return Err(SyncError::NoGit);
        }
        return Err(SyncError::NotSetUp(root.to_path_buf()));
    };
    let label = git::remote_label(&url);
    let git = git_for(root, opts)?;
    if !git
        .out(&["config", "--get", "core.fileMode"])
        .is_ok_and(|s| s.trim() == "false")
    {
        git.run(&["config", "core.fileMode", "false"])?;
    }
    let mut report = Report {
        remote: label.clone(),
        ..Report::default()
    };
    let staged = stage::commit(&git, root, opts)?;
    report.sent_lines = staged.lines;
    report.sent_files = staged.files;
    report.held_back = staged.held_back;
    let current = current_branch(&git)?;
    let upstream = git
        .out(&["config", "--get", &format!("branch.{current}.merge")])
        .ok()
        .map(|s| s.trim().trim_start_matches("refs/heads/").to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| current.clone());
    let tracking = format!("refs/remotes/{REMOTE}/{upstream}");
    for _ in 0..ATTEMPTS {
        let refspec = format!("+refs/heads/{upstream}:{tracking}");
        match git.try_run(&["fetch", "-q", REMOTE, &refspec])? {
            Ok(_) => {}
            // An empty remote has no branch yet: the push makes it.
            Err(f) if f.stderr.contains("couldn't find remote ref") => {}
            Err(f) => return Err(SyncError::remote(&label, f)),
        }
        let theirs = git.commit_id(&tracking)?;
        if let Some(theirs) = &theirs {
            take_in(&git, root, theirs, opts, &mut report)?;
        }
        let head = git.commit_id("HEAD")?;
        if head.is_none() || head == theirs {
            return Ok(report);
        }
        let dest = format!("HEAD:refs/heads/{upstream}");
        match git.try_run(&["push", "-q", REMOTE, &dest])? {
            Ok(_) => {
                // The tracking branch follows, as a fetch would have it.
                git.run(&["update-ref", &tracking, "HEAD"])?;
                return Ok(report);
            }
            Err(f) if f.is_rejected() => continue,
            Err(f) => return Err(SyncError::remote(&label, f)),
        }
    }
    Err(SyncError::Rejected { remote: label })
}

/// Put this folder's commits on top of `theirs` and bring the working files along.
fn take_in(
    git: &Git,
    root: &Path,
    theirs: &str,
    opts: &Options,
    report: &mut Report,
) -> Result<(), SyncError> {
    let head = git.commit_id("HEAD")?;
    if let Some(head) = &head
        && git.is_ancestor(theirs, head)?
    {
        return Ok(());
    }
    let ours = match &head {
        Some(h) => tree_of(git, h)?,
        None => Tree::new(),
    };
    let their_tree = tree_of(git, theirs)?;
    let base = match &head {
        Some(h) => git.merge_base(h, theirs)?,
        None => None,
    };
    let fast_forward = head.is_none() || base.as_deref() == head.as_deref();
    let (new_commit, new_tree) = if fast_forward {
        (theirs.to_string(), their_tree)
    } else {
        report.joined |= base.is_none();
        let base_tree = match &base {
            Some(b) => tree_of(git, b)?,
            None => Tree::new(),
        };
        let who = short_id(theirs);
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S").to_string();
        let merged = merge::merge(
            &base_tree,
            &ours,
            &their_tree,
            |sha| git.blob(sha),
            |p| merge::conflict_copy_name(p, &stamp, &who),
        )?;
        let mut tree = merged.tree;
        for (path, bytes) in merged.new_content {
            let sha = git.run_input(&["hash-object", "-w", "--stdin"], &bytes, &[])?;
            if let Some(e) = tree.get_mut(&path) {
                e.sha = sha.trim().to_string();
            }
        }
        report.conflicts.extend(merged.conflicts);
        let tree_id = write_tree(git, &tree)?;
        let message = format!("samrad: {} (on top of {who})", opts.name);
        let commit = git
            .out(&["commit-tree", &tree_id, "-p", theirs, "-m", &message])?
            .trim()
            .to_string();
        (commit, tree)
    };
    let brought = bring(git, root, &ours, &new_tree)?;
    report.received_files += brought.files;
    report.received_lines += brought.lines;
    report.conflicts.extend(brought.conflicts);
    report.skipped.extend(brought.skipped);
    match &head {
        Some(h) => git.run(&["update-ref", "-m", "samrad sync", "HEAD", &new_commit, h])?,
        None => git.run(&["update-ref", "-m", "samrad sync", "HEAD", &new_commit])?,
    }
    // The index as the new commit has it; the working files are left as they are.
    git.run(&["reset", "-q"])
}

fn bring(git: &Git, root: &Path, old: &Tree, new: &Tree) -> Result<worktree::Brought, SyncError> {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S").to_string();
    worktree::bring(
        root,
        old,
        new,
        |shas, each| git.blobs(shas, each),
        |sha| git.blob(sha),
        |p| merge::conflict_copy_name(p, &stamp, "here"),
    )
}

fn short_id(sha: &str) -> String {
    sha.chars().take(7).collect::<String>().to_uppercase()
}

/// The branch checked out (also before its first commit).
fn current_branch(git: &Git) -> Result<String, SyncError> {
    match git.try_run(&["symbolic-ref", "--short", "-q", "HEAD"])? {
        Ok(out) => Ok(String::from_utf8_lossy(&out).trim().to_string()),
        Err(_) => Err(SyncError::Git {
            what: "symbolic-ref".into(),
            detail: "HEAD is not on a branch (git checkout main, or the branch you sync)".into(),
        }),
    }
}

/// The branch to sync with on a remote: the one its HEAD names, else `main`, `master` or
/// its only branch; `main` for an empty remote.
fn remote_branch(git: &Git, remote: &str) -> Result<String, SyncError> {
    let label = git::remote_label(remote);
    let out = git
        .try_run(&["ls-remote", "--symref", REMOTE, "HEAD"])?
        .map_err(|f| SyncError::remote(&label, f))?;
    let text = String::from_utf8_lossy(&out);
    if let Some(b) = text.lines().find_map(|l| {
        l.strip_prefix("ref: refs/heads/")
            .and_then(|r| r.strip_suffix("\tHEAD"))
    }) {
        return Ok(b.to_string());
    }
    let out = git
        .try_run(&["ls-remote", "--heads", REMOTE])?
        .map_err(|f| SyncError::remote(&label, f))?;
    let heads: Vec<String> = String::from_utf8_lossy(&out)
        .lines()
        .filter_map(|l| l.split_once("\trefs/heads/").map(|(_, b)| b.to_string()))
        .collect();
    Ok(["main", "master"]
        .iter()
        .find(|b| heads.iter().any(|h| h == *b))
        .map(|b| b.to_string())
        .or_else(|| (heads.len() == 1).then(|| heads[0].clone()))
        .unwrap_or_else(|| "main".to_string()))
}

/// A commit's files.
fn tree_of(git: &Git, commit: &str) -> Result<Tree, SyncError> {
    let out = git.bytes(&["ls-tree", "-r", "-z", "--full-tree", commit])?;
    let mut tree = Tree::new();
    for rec in out.split(|&b| b == 0).filter(|r| !r.is_empty()) {
        let rec = String::from_utf8_lossy(rec);
        let Some((meta, path)) = rec.split_once('\t') else {
            continue;
        };
        let mut parts = meta.split(' ');
        let (Some(mode), Some(_kind), Some(sha)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        tree.insert(
            path.to_string(),
            Entry {
                mode: mode.to_string(),
                sha: sha.to_string(),
            },
        );
    }
    Ok(tree)
}

/// Store a tree of these files in the repository (through an index of its own, so the
/// folder's index is not touched) and return its id.
fn write_tree(git: &Git, tree: &Tree) -> Result<String, SyncError> {
    let git_dir = PathBuf::from(git.out(&["rev-parse", "--absolute-git-dir"])?.trim());
    let index = git_dir.join(format!(
        "samrad-merge-{}.index",
        crate::store::ids::random_hex(8)
    ));
    let env = [("GIT_INDEX_FILE", index.as_path())];
    let mut list = Vec::new();
    for (path, e) in tree {
        list.extend_from_slice(format!("{} {}\t{path}", e.mode, e.sha).as_bytes());
        list.push(0);
    }
    let result = (|| {
        git.run_input(&["update-index", "-z", "--index-info"], &list, &env)?;
        git.run_input(&["write-tree"], &[], &env)
    })();
    let _ = std::fs::remove_file(&index);
    Ok(result?.trim().to_string())
}
