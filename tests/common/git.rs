//! git as a sync engine for tests: run with only the settings given here, nothing from
//! the machine's or the user's git config.

use std::path::Path;
use std::process::{Command, Output};

pub fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args([
            "-c",
            "user.name=Samrad Test",
            "-c",
            "user.email=samrad-test@example.invalid",
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "core.autocrlf=false",
        ])
        .args(args)
        .current_dir(dir)
        // Only the settings above: nothing from the machine's or the user's git config.
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_TERMINAL_PROMPT", "0")
        .output()
        .expect("run git")
}

/// Run git and require exit code 0 (a merge conflict is a non-zero exit).
pub fn git_ok(dir: &Path, args: &[&str]) -> String {
    let out = git(dir, args);
    assert!(
        out.status.success(),
        "git {} in {} failed ({}):\n{}\n{}",
        args.join(" "),
        dir.display(),
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn git_available() -> bool {
    Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Stage everything and commit, as a user of samrad with git would.
pub fn commit_all(dir: &Path, message: &str) {
    git_ok(dir, &["add", "-A"]);
    git_ok(dir, &["commit", "-q", "-m", message]);
}

/// A bare repository `origin.git` under `root` with one empty commit on `main`, and a
/// clone of it for each of `names` (each a data folder to be).
pub fn clones(root: &Path, names: &[&str]) -> Vec<std::path::PathBuf> {
    git_ok(root, &["init", "-q", "--bare", "origin.git"]);
    git_ok(root, &["clone", "-q", "origin.git", "first"]);
    let first = root.join("first");
    git_ok(&first, &["commit", "-q", "--allow-empty", "-m", "start"]);
    git_ok(&first, &["push", "-q", "origin", "HEAD:main"]);
    names
        .iter()
        .map(|name| {
            git_ok(root, &["clone", "-q", "-b", "main", "origin.git", name]);
            root.join(name)
        })
        .collect()
}

/// What a user of samrad with git does to share and to catch up: commit everything, pull
/// (a merge: no two machines write one log file), push.
pub fn sync(dir: &Path) {
    git_ok(dir, &["add", "-A"]);
    git_ok(dir, &["commit", "-q", "--allow-empty", "-m", "samrad"]);
    git_ok(
        dir,
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );
    git_ok(dir, &["push", "-q", "origin", "HEAD:main"]);
}

/// Whether a test that needs `git` can run. Without git it is skipped, said so on stderr;
/// but on CI (`CI=true`) git must be there, and the test fails.
pub fn git_or_skip(test: &str) -> bool {
    if git_available() {
        return true;
    }
    assert!(
        std::env::var("CI").map_or(true, |v| v != "true"),
        "{test}: `git` is not on PATH, and on CI it must be"
    );
    eprintln!("{test}: `git` is not on PATH; skipped");
    false
}
