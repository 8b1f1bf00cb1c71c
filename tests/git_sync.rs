//! git as the sync engine: two clones of one bare repository, each clone's work tree a
//! samrad data folder, each written by its own samrad (`Store`, one writer each). Changes
//! made on both sides are committed, pushed and pulled without a merge conflict (every log
//! file has one writer, so two sides never change the same file), the `.gitignore` samrad
//! writes keeps the derived `minutes/` out of git, and both clones then fold to the same
//! minutes, byte for byte, with both sides' changes. Concurrent edits of one item's notes
//! end with the same winner on both sides: the later edit by clock, whoever pushed last.
//!
//! Uses the `git` command; when it is not on PATH the test says so and passes.

mod common;

use std::path::{Path, PathBuf};

use common::TEMPLATE_MEETING as MEETING;
use common::authors::{chair, referent};
use common::git::{commit_all, git_available, git_ok};
use common::meetings::{add_item, position, set_notes};
use samrad::model::{Author, Change, ItemField, Stance};
use samrad::store::{Load, Op, Store, minutes_bytes};

/// What git tracks must be logs and samrad's ignore files only: no minutes, no temp files.
fn assert_only_logs_tracked(dir: &Path) {
    let files = git_ok(dir, &["ls-files"]);
    let files: Vec<&str> = files.lines().collect();
    assert!(
        files.iter().any(|f| f.starts_with("log/")),
        "no log in git: {files:?}"
    );
    for f in &files {
        let is_log = f.starts_with("log/") && f.ends_with(".jsonl") && !f.contains("/.");
        assert!(
            is_log || *f == ".gitignore" || *f == ".stignore",
            "{} tracks {f}; all tracked: {files:?}",
            dir.display()
        );
    }
    // Nothing is left over: the minutes written are ignored, not untracked.
    assert!(
        dir.join("minutes").join(format!("{MEETING}.json")).exists(),
        "the minutes were written"
    );
    let status = git_ok(dir, &["status", "--porcelain", "--ignored=no"]);
    assert!(status.is_empty(), "{}: not clean: {status}", dir.display());
}

/// A fresh samrad's view of a clone: the minutes bytes and the ops.
fn fold_clone(dir: &Path) -> (Vec<u8>, Vec<Op>) {
    let mut store = Store::open(dir, Author::default()).expect("open the clone");
    let doc = store.load(&Load::All);
    let ops = store.read_ops(&Load::All);
    let minutes = minutes_bytes(&doc.minutes(MEETING).expect("the seeded meeting"));
    (minutes, ops)
}

/// A bare repository with one empty commit on `main`, cloned twice (A and B), each clone a
/// data folder with a samrad of its own: NTL's representative writes in A, YS Stat's in B
/// (each seeds the template itself). Nothing, said so, when git is not on PATH.
fn two_sides() -> Option<(tempfile::TempDir, PathBuf, PathBuf, Store, Store)> {
    if !git_available() {
        eprintln!("git_sync: `git` is not on PATH; skipping the git sync test");
        return None;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path();
    git_ok(root, &["init", "-q", "--bare", "origin.git"]);
    git_ok(root, &["clone", "-q", "origin.git", "first"]);
    let first = root.join("first");
    git_ok(&first, &["commit", "-q", "--allow-empty", "-m", "start"]);
    git_ok(&first, &["push", "-q", "origin", "HEAD:main"]);
    git_ok(root, &["clone", "-q", "-b", "main", "origin.git", "a"]);
    git_ok(root, &["clone", "-q", "-b", "main", "origin.git", "b"]);
    let (a, b) = (root.join("a"), root.join("b"));
    // The chair writes in A, the minute-taker in B: both run the meeting.
    let store_a = Store::open(&a, chair()).expect("open A");
    let store_b = Store::open(&b, referent()).expect("open B");
    Some((tmp, a, b, store_a, store_b))
}

/// Each side writes its minutes, which must stay out of git.
fn write_minutes(stores: [&mut Store; 2]) {
    for store in stores {
        let doc = store.load(&Load::All);
        store.materialize(&doc, MEETING).expect("write minutes");
    }
}

fn notes(minutes: &[u8], item: &str) -> String {
    let m: samrad::model::Minutes = serde_json::from_slice(minutes).expect("minutes JSON");
    m.meeting.item(item).expect("item").notes.clone()
}

#[test]
fn two_git_clones_sync_samrad_without_conflicts() {
    let Some((_tmp, a, b, mut store_a, mut store_b)) = two_sides() else {
        return;
    };

    // Round 1: different changes on each side.
    let add = |item: &str, n: u32, title: &str| add_item(item, n, title, 90_000 + i64::from(n));
    for change in [
        add("git-a-1", 71, "Sak fra A"),
        position("git-a-1", "ntl", Stance::Agree, "NTL er enig (A)"),
        set_notes("s-2026-1", "Notat skrevet i A"),
    ] {
        store_a.commit(change).expect("commit in A");
    }
    for change in [
        add("git-b-1", 72, "Sak fra B"),
        Change::ItemSet {
            meeting: MEETING.into(),
            item: "s-2026-2".into(),
            set: ItemField::Conclusion("Konklusjonen skrevet i B".into()),
        },
        position(
            "s-2026-1",
            "ys-stat",
            Stance::TakesNote,
            "YS Stat tar til orientering (B)",
        ),
    ] {
        store_b.commit(change).expect("commit in B");
    }
    write_minutes([&mut store_a, &mut store_b]);

    commit_all(&a, "A: round 1");
    git_ok(&a, &["push", "-q", "origin", "HEAD:main"]);
    commit_all(&b, "B: round 1");
    git_ok(&b, &["pull", "-q", "--rebase", "origin", "main"]);
    git_ok(&b, &["push", "-q", "origin", "HEAD:main"]);
    git_ok(&a, &["pull", "-q", "--rebase", "origin", "main"]);
    assert_only_logs_tracked(&a);
    assert_only_logs_tracked(&b);

    let (minutes_a, _) = fold_clone(&a);
    let (minutes_b, _) = fold_clone(&b);
    assert!(minutes_a == minutes_b, "A and B fold to different minutes");
    let m: samrad::model::Minutes = serde_json::from_slice(&minutes_a).expect("minutes JSON");
    let item = |id: &str| m.meeting.item(id).unwrap_or_else(|| panic!("item {id}"));
    assert_eq!(item("git-a-1").title, "Sak fra A");
    assert_eq!(item("git-b-1").title, "Sak fra B");
    assert_eq!(item("s-2026-1").notes, "Notat skrevet i A");
    assert!(
        item("s-2026-1")
            .positions
            .iter()
            .any(|p| p.reason.ends_with("(B)"))
    );
    assert_eq!(item("s-2026-2").conclusion, "Konklusjonen skrevet i B");
    assert!(m.rejected.is_empty(), "refused: {:?}", m.rejected);

    // Round 2: both edit the notes of one item at about the same time; B's edit is the
    // later one by clock, but this time B pushes first and A merges (not rebases) after.
    // A's samrad goes on writing to its log (A's pull was a fast-forward that left A's own
    // files alone); B's samrad is started again, as B's rebase replaced B's log file (see
    // `a_running_samrad_keeps_its_ops_across_git_pull_rebase`).
    drop(store_b);
    let mut store_b = Store::open(&b, referent()).expect("open B again");
    store_a.load(&Load::All);
    store_b.load(&Load::All);
    let now = chrono::Local::now().fixed_offset();
    let op_a = store_a
        .commit_at(
            set_notes("s-2026-3", "A skrev først"),
            now + chrono::Duration::seconds(10),
        )
        .expect("commit in A");
    let op_b = store_b
        .commit_at(
            set_notes("s-2026-3", "B skrev sist"),
            now + chrono::Duration::seconds(20),
        )
        .expect("commit in B");
    assert!(op_b.clock > op_a.clock);
    write_minutes([&mut store_a, &mut store_b]);
    commit_all(&b, "B: round 2");
    git_ok(&b, &["push", "-q", "origin", "HEAD:main"]);
    commit_all(&a, "A: round 2");
    git_ok(
        &a,
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );
    git_ok(&a, &["push", "-q", "origin", "HEAD:main"]);
    git_ok(
        &b,
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );
    assert_only_logs_tracked(&a);
    assert_only_logs_tracked(&b);

    let (minutes_a, ops) = fold_clone(&a);
    let (minutes_b, _) = fold_clone(&b);
    assert!(
        minutes_a == minutes_b,
        "A and B fold to different minutes after round 2"
    );
    let last = ops
        .iter()
        .filter(|o| {
            matches!(&o.change, Change::ItemSet { item, set: ItemField::Notes(_), .. } if item == "s-2026-3")
        })
        .max_by(|x, y| x.order_key().cmp(&y.order_key()))
        .expect("notes ops");
    assert_eq!(last.id(), op_b.id(), "the last writer by clock is B");
    assert_eq!(notes(&minutes_a, "s-2026-3"), "B skrev sist");
    assert_eq!(notes(&minutes_b, "s-2026-3"), "B skrev sist");
    // Round 1's changes are all still there.
    assert_eq!(notes(&minutes_a, "s-2026-1"), "Notat skrevet i A");
}

/// A samrad that keeps running while its user pulls with `--rebase` must not lose what it
/// commits afterwards. The rebase takes the local commit off and puts it back: git deletes
/// the writer's log file and writes a new one with the same bytes, so the log the running
/// samrad holds open is no longer the file in the folder. A commit after that returns Ok
/// (durable, says the store) but lands in the deleted file: the op is in no log.
#[test]
fn a_running_samrad_keeps_its_ops_across_git_pull_rebase() {
    let Some((_tmp, a, b, mut store_a, mut store_b)) = two_sides() else {
        return;
    };
    store_a
        .commit(set_notes("s-2026-1", "fra A"))
        .expect("commit in A");
    store_b
        .commit(set_notes("s-2026-2", "fra B"))
        .expect("commit in B");
    commit_all(&a, "A");
    git_ok(&a, &["push", "-q", "origin", "HEAD:main"]);
    commit_all(&b, "B");
    git_ok(&b, &["pull", "-q", "--rebase", "origin", "main"]);
    // B's samrad is still running, and the user writes on.
    let later = store_b
        .commit(set_notes("s-2026-4", "skrevet etter rebase"))
        .expect("commit in B after the rebase");
    let (_, ops) = fold_clone(&b);
    assert!(
        ops.iter().any(|o| o.id() == later.id()),
        "op {} was committed (Ok) after `git pull --rebase` but is in no log of B",
        later.id()
    );
}
