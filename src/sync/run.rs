//! One sync, and setting a folder up for it: commit, take in the remote's commits, push.

use std::path::{Path, PathBuf};

use super::git::{self, Git};
use super::merge::{self, Entry, Tree};
use super::outcome::{Options, Report, SyncError};
use super::{stage, worktree};

/// The remote samrad syncs with.
pub const REMOTE: &str = "origin";
/// How often a rejected push (someone pushed in between) is tried again at once.
const ATTEMPTS: usize = 3;

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
    set_up_branch(&git, remote)?;
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
    // The remote's HEAD may name a branch it does not have (a bare repository made with
    // another default than the branch pushed to it).
    let branch = set_up_branch(&git, remote)?;
    let theirs = git.commit_id(&format!("refs/remotes/{REMOTE}/{branch}"))?;
    if git.commit_id("HEAD")?.is_none()
        && let Some(theirs) = theirs
    {
        git.run(&["update-ref", "HEAD", &theirs])?;
    }
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
    // One sync at a time in a folder (two terminals syncing one folder take turns).
    let git_dir = if root.join(".git").is_dir() {
        root.join(".git")
    } else {
        PathBuf::from(
            Git::new(root, true)
                .out(&["rev-parse", "--absolute-git-dir"])?
                .trim(),
        )
    };
    let lock_path = git_dir.join("samrad-sync.lock");
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|source| SyncError::Io {
            path: lock_path.clone(),
            source,
        })?;
    lock.lock().map_err(|source| SyncError::Io {
        path: lock_path,
        source,
    })?;
    remove_stale_index_lock(&git_dir);
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

/// The branch to sync with on a remote: the one its HEAD names if it has it, else `main`,
/// `master` or its first branch; `main` for an empty remote (whatever its HEAD names then).
fn remote_branch(git: &Git, remote: &str) -> Result<String, SyncError> {
    let label = git::remote_label(remote);
    let out = git
        .try_run(&["ls-remote", "--symref", REMOTE])?
        .map_err(|f| SyncError::remote(&label, f))?;
    let text = String::from_utf8_lossy(&out);
    Ok(choose_branch(&text))
}

/// The branch `remote_branch` picks from what `git ls-remote --symref` said.
fn choose_branch(ls_remote: &str) -> String {
    let head = ls_remote.lines().find_map(|l| {
        l.strip_prefix("ref: refs/heads/")
            .and_then(|r| r.strip_suffix("\tHEAD"))
    });
    let heads: Vec<&str> = ls_remote
        .lines()
        .filter(|l| !l.starts_with("ref: "))
        .filter_map(|l| l.split_once("\trefs/heads/").map(|(_, b)| b))
        .collect();
    head.into_iter()
        .chain(["main", "master"])
        .find(|b| heads.contains(b))
        .or(heads.first().copied())
        .unwrap_or("main")
        .to_string()
}

/// Point this repository's branch at the remote's (see `remote_branch`): an unborn HEAD
/// takes the remote branch's name, and the branch checked out syncs with it.
fn set_up_branch(git: &Git, remote: &str) -> Result<String, SyncError> {
    let branch = remote_branch(git, remote)?;
    if git.commit_id("HEAD")?.is_none() {
        git.run(&["symbolic-ref", "HEAD", &format!("refs/heads/{branch}")])?;
    }
    let current = current_branch(git)?;
    git.run(&["config", &format!("branch.{current}.remote"), REMOTE])?;
    git.run(&[
        "config",
        &format!("branch.{current}.merge"),
        &format!("refs/heads/{branch}"),
    ])?;
    Ok(branch)
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

/// A git killed in the middle of a sync (`kill -9`, a power cut) leaves `index.lock`
/// behind, and every git after it refuses to run. While the sync lock is held no samrad
/// runs git here, so one older than a minute belongs to no one.
fn remove_stale_index_lock(git_dir: &Path) {
    let lock = git_dir.join("index.lock");
    let old = std::fs::metadata(&lock)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > std::time::Duration::from_secs(60));
    if old {
        let _ = std::fs::remove_file(&lock);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_branch_is_one_the_remote_has() {
        let sha = "ec0ab77ac287b34f3b1562ab212e5613ff8e0f4c";
        // HEAD names master, which was never pushed: main it is.
        let dangling = format!("ref: refs/heads/master\tHEAD\n{sha}\trefs/heads/main\n");
        assert_eq!(choose_branch(&dangling), "main");
        let named = format!(
            "ref: refs/heads/trunk\tHEAD\n{sha}\tHEAD\n{sha}\trefs/heads/main\n{sha}\trefs/heads/trunk\n"
        );
        assert_eq!(choose_branch(&named), "trunk");
        assert_eq!(choose_branch("ref: refs/heads/master\tHEAD\n"), "main");
        assert_eq!(choose_branch(&format!("{sha}\trefs/heads/data\n")), "data");
    }
}
