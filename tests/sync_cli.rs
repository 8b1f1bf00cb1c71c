//! `samrad sync`, the real binary on sandboxed data folders, with local bare repositories
//! as the remote: two machines' folders meet through it, concurrent changes arrive on both
//! sides, folders seeded apart meet without a git flag from the user and end with the same
//! bytes in `log/`, a file written differently on both sides is kept twice, a pull leaves
//! nothing for samrad to warn about, and each failure says what to do.
//!
//! Needs `git`; without it the tests are skipped, except on CI (`CI=true`), where they fail.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::TEMPLATE_MEETING as MEETING;
use common::authors::{chair, referent};
use common::files::contents;
use common::git::{git_ok, git_or_skip};
use common::meetings::add_item;
use common::sandbox::Sandbox;
use samrad::model::{Author, Doc};
use samrad::store::{Load, Store};

const EN: &str = "en_US.UTF-8";

/// A sandbox with a bare repository `origin.git` in it, and two data folders to be.
struct World {
    sb: Sandbox,
    origin: String,
    a: PathBuf,
    b: PathBuf,
}

impl World {
    fn new() -> World {
        let sb = Sandbox::new();
        git_ok(sb.home(), &["init", "-q", "--bare", "origin.git"]);
        // As a bare repository made where git's default branch is `master`: its HEAD names a
        // branch that samrad (which pushes `main`) never makes.
        git_ok(
            &sb.home().join("origin.git"),
            &["symbolic-ref", "HEAD", "refs/heads/master"],
        );
        let origin = sb.home().join("origin.git").display().to_string();
        let (a, b) = (sb.home().join("a"), sb.home().join("b"));
        World { sb, origin, a, b }
    }

    /// `samrad --data-dir DIR ARGS` in English; must succeed; returns stdout + stderr.
    fn samrad(&self, dir: &Path, args: &[&str]) -> (String, String) {
        let run = self.sb.run_in(dir, EN, args);
        run.ok();
        (run.stdout.clone(), run.stderr.clone())
    }

    /// `samrad --data-dir DIR ARGS` in English; must fail; returns stderr.
    fn fails(&self, dir: &Path, args: &[&str]) -> String {
        self.sb.run_in(dir, EN, args).fails().to_string()
    }
}

/// One writer adds one item to the template meeting in `dir`, as a samrad would.
fn add(dir: &Path, who: Author, item: &str, n: u32) {
    let mut store = Store::open(dir, who).expect("open");
    store.load(&Load::All);
    store
        .commit(add_item(
            item,
            n,
            &format!("Sak {item}"),
            50_000 + i64::from(n),
        ))
        .expect("commit");
}

fn fold(dir: &Path) -> Doc {
    let mut store = Store::open(dir, Author::default()).expect("open");
    // Some tests write as of the template meeting's day, ahead of today.
    store.assume_now(common::at(common::READER_NOW));
    store.load(&Load::Meeting(MEETING.into()))
}

fn has_item(dir: &Path, item: &str) -> bool {
    fold(dir)
        .meeting(MEETING)
        .is_some_and(|m| m.items.iter().any(|i| i.id == item))
}

fn logs(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    contents(&dir.join("log"))
}

#[test]
fn two_machines_sync_and_both_see_each_others_changes() {
    if !git_or_skip("two_machines_sync_and_both_see_each_others_changes") {
        return;
    }
    let w = World::new();
    let (out, _) = w.samrad(&w.a, &["sync", "init", &w.origin]);
    assert!(out.contains("now syncs with origin"), "{out}");
    let (out, _) = w.samrad(&w.b, &["sync", "--clone", &w.origin]);
    assert!(out.contains("Synced with origin"), "{out}");
    assert_eq!(logs(&w.a), logs(&w.b), "B starts as a copy of A");

    // Both add an item at the same time, then sync: A first, B, then A again.
    add(&w.a, chair(), "sak-fra-a", 81);
    add(&w.b, referent(), "sak-fra-b", 82);
    let (out, _) = w.samrad(&w.a, &["sync"]);
    assert!(out.contains("sent 1 new lines, received 0"), "{out}");
    let (out, _) = w.samrad(&w.b, &["sync"]);
    assert!(out.contains("sent 1 new lines, received 1"), "{out}");
    let (out, _) = w.samrad(&w.a, &["sync"]);
    assert!(out.contains("sent 0 new lines, received 1"), "{out}");

    for dir in [&w.a, &w.b] {
        assert!(
            has_item(dir, "sak-fra-a") && has_item(dir, "sak-fra-b"),
            "{}",
            dir.display()
        );
    }
    assert_eq!(
        logs(&w.a),
        logs(&w.b),
        "A and B hold the same logs, byte for byte"
    );
    // Each sync put its commit on top of the remote's: one line of history.
    let merges = git_ok(&w.b, &["rev-list", "--merges", "HEAD"]);
    assert!(merges.is_empty(), "no merge commits: {merges}");
    // Nothing derived went to the remote.
    let tracked = git_ok(&w.b, &["ls-files"]);
    assert!(
        tracked
            .lines()
            .all(|f| f.starts_with("log/") || f == ".gitignore" || f == ".stignore"),
        "{tracked}"
    );
}

#[test]
fn folders_seeded_apart_meet_without_git_flags_and_agree_on_every_byte() {
    if !git_or_skip("folders_seeded_apart_meet_without_git_flags_and_agree_on_every_byte") {
        return;
    }
    let w = World::new();
    // Two laptops that never shared a folder: each started samrad (seeded from the
    // template) and added an item of its own.
    w.samrad(&w.a, &["init"]);
    w.samrad(&w.b, &["init"]);
    add(&w.a, chair(), "sak-a", 91);
    add(&w.b, referent(), "sak-b", 92);

    w.samrad(&w.a, &["sync", "init", &w.origin]);
    let (out, err) = w.samrad(&w.b, &["sync", "init", &w.origin]);
    assert!(out.contains("met for the first time"), "{out}");
    assert!(
        !err.contains("conflict"),
        "the template is the same on both: {err}"
    );
    w.samrad(&w.a, &["sync"]);

    assert_eq!(
        logs(&w.a),
        logs(&w.b),
        "A and B hold the same logs, byte for byte"
    );
    for dir in [&w.a, &w.b] {
        assert!(
            has_item(dir, "sak-a") && has_item(dir, "sak-b"),
            "{}",
            dir.display()
        );
        let names: Vec<String> = logs(dir).keys().map(|p| p.display().to_string()).collect();
        assert!(
            !names.iter().any(|n| n.contains("sync-conflict")),
            "no conflict copies: {names:?}"
        );
    }
}

#[test]
fn a_log_written_differently_on_two_machines_is_kept_twice() {
    if !git_or_skip("a_log_written_differently_on_two_machines_is_kept_twice") {
        return;
    }
    let w = World::new();
    w.samrad(&w.a, &["init"]);
    w.samrad(&w.b, &["init"]);
    // The same writer's log on both, with different lines: one writer id on two machines.
    let log = Path::new("log").join(MEETING).join("wsame.jsonl");
    std::fs::write(w.a.join(&log), b"{\"line\":\"from A\"}\n").expect("write A");
    std::fs::write(w.b.join(&log), b"{\"line\":\"from B\"}\n").expect("write B");

    w.samrad(&w.a, &["sync", "init", &w.origin]);
    let (_, err) = w.samrad(&w.b, &["sync", "init", &w.origin]);
    assert!(
        err.contains("written on two machines as the same writer"),
        "the conflict is said: {err}"
    );
    w.samrad(&w.a, &["sync"]);

    for dir in [&w.a, &w.b] {
        let all: Vec<u8> = logs(dir)
            .into_iter()
            .filter(|(p, _)| p.display().to_string().contains("wsame"))
            .flat_map(|(_, b)| b)
            .collect();
        let all = String::from_utf8_lossy(&all);
        assert!(
            all.contains("from A") && all.contains("from B"),
            "{}: both lines kept: {all}",
            dir.display()
        );
    }
    // B kept its own file; A's version is beside it as a conflict copy, which A has too.
    assert_eq!(logs(&w.a), logs(&w.b));
    let copies: Vec<PathBuf> = logs(&w.b)
        .into_keys()
        .filter(|p| p.display().to_string().contains("wsame.sync-conflict-"))
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
}

#[test]
fn files_that_came_by_sync_are_private_and_nothing_warns() {
    if !git_or_skip("files_that_came_by_sync_are_private_and_nothing_warns") {
        return;
    }
    let w = World::new();
    w.samrad(&w.a, &["sync", "init", &w.origin]);
    w.samrad(&w.b, &["sync", "--clone", &w.origin]);
    add(&w.a, chair(), "sak-fra-a", 81);
    w.samrad(&w.a, &["sync"]);
    let (_, err) = w.samrad(&w.b, &["sync"]);
    assert!(err.is_empty(), "sync warns of nothing: {err}");
    let (_, err) = w.samrad(&w.b, &["list"]);
    assert!(!err.contains("permission"), "no permissions warning: {err}");
    assert!(err.is_empty(), "nothing to warn of after a pull: {err}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for path in common::files::files_under(&w.b.join("log")) {
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", path.display());
        }
        let root = std::fs::metadata(&w.b).expect("meta").permissions().mode() & 0o777;
        assert_eq!(root, 0o700);
    }
    let mode = git_ok(&w.b, &["config", "core.fileMode"]);
    assert_eq!(mode.trim(), "false");
}

#[test]
fn each_failure_says_what_to_do() {
    if !git_or_skip("each_failure_says_what_to_do") {
        return;
    }
    let w = World::new();
    // Not set up yet.
    w.samrad(&w.a, &["init"]);
    let err = w.fails(&w.a, &["sync"]);
    assert!(err.contains("run samrad sync init REMOTE"), "{err}");
    let nb = w.sb.run_in(&w.a, common::sandbox::NB, &["sync"]);
    assert!(
        nb.fails().contains("kjør samrad sync init ADRESSE"),
        "{}",
        nb.stderr
    );

    // No git on this machine.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_samrad"))
        .arg("--data-dir")
        .arg(&w.a)
        .args(["--lang", "en", "sync"])
        .env("PATH", w.sb.home().join("no-bin"))
        .env("HOME", w.sb.home())
        .env("SAMRAD_CONFIG", &w.sb.config)
        .output()
        .expect("run samrad");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("install git (apt install git)"), "{err}");

    // A remote that is not there.
    let nowhere = w.sb.home().join("nowhere.git").display().to_string();
    let err = w.fails(&w.a, &["sync", "init", &nowhere]);
    assert!(err.contains("could not reach nowhere"), "{err}");
    assert!(err.contains("sent on the next sync"), "{err}");

    // --clone into a folder that has data.
    let err = w.fails(&w.a, &["sync", "--clone", &w.origin]);
    assert!(
        err.contains("is not empty") && err.contains("samrad sync init"),
        "{err}"
    );

    // A push the remote does not take: it has what this folder never fetched (here: the
    // folder fetches from one repository and pushes to another that is ahead).
    w.samrad(&w.b, &["sync", "init", &w.origin]);
    git_ok(
        w.sb.home(),
        &["clone", "-q", "--bare", "origin.git", "ahead.git"],
    );
    let other = w.sb.home().join("other");
    git_ok(
        w.sb.home(),
        &["clone", "-q", "-b", "main", "ahead.git", "other"],
    );
    git_ok(
        &other,
        &["commit", "-q", "--allow-empty", "-m", "elsewhere"],
    );
    git_ok(&other, &["push", "-q", "origin", "HEAD:main"]);
    let ahead = w.sb.home().join("ahead.git").display().to_string();
    git_ok(&w.b, &["remote", "set-url", "--push", "origin", &ahead]);
    add(&w.b, referent(), "sak-b", 92);
    let err = w.fails(&w.b, &["sync"]);
    assert!(
        err.contains("took changes from someone else") && err.contains("run samrad sync again"),
        "{err}"
    );

    // Files in the data folder that are not samrad's stop the sync, named.
    git_ok(
        &w.b,
        &["remote", "set-url", "--delete", "--push", "origin", &ahead],
    );
    std::fs::write(w.b.join("notes.txt"), "mine").expect("write");
    let err = w.fails(&w.b, &["sync"]);
    assert!(err.contains("not samrad's (notes.txt)"), "{err}");
}

/// `samrad --sync-every 1`: the TUI syncs in the background, shows what another machine
/// sent without being told, says in the status bar when it synced and with whom, and sends
/// its own lines when it quits.
#[test]
fn a_tui_that_syncs_every_second_shows_what_another_machine_sent() {
    if !git_or_skip("a_tui_that_syncs_every_second_shows_what_another_machine_sent") {
        return;
    }
    let w = World::new();
    let a = w.sb.data.clone();
    w.samrad(&a, &["sync", "init", &w.origin]);
    w.samrad(&w.b, &["sync", "--clone", &w.origin]);
    // A guest, so the forum stays open to B's unsigned lines.
    let mut tui =
        w.sb.tui_with("A", "Gjest", (120, 30), &["--sync-every", "1"]);
    tui.wait_until(common::pty::TIMEOUT, "synced, with origin", |t| {
        t.status_bar().contains("synk") && t.status_bar().contains("med origin")
    });
    assert!(!tui.status_bar().contains("feilet"), "{}", tui.dump());

    add(&w.b, referent(), "sak-fra-b", 82);
    w.samrad(&w.b, &["sync"]);
    tui.wait_for("Sak sak-fra-b");
    tui.quit();
    // Whatever A wrote went out when it quit: B gets it and both hold the same logs.
    w.samrad(&w.b, &["sync"]);
    assert_eq!(logs(&a), logs(&w.b));
}

/// A log cut short here (a line taken out by hand or by a tool) is not sent: sending it
/// would take the line out of every machine's copy. The sync says so and sends the rest.
#[test]
fn a_log_cut_short_here_is_held_back_not_sent() {
    if !git_or_skip("a_log_cut_short_here_is_held_back_not_sent") {
        return;
    }
    let w = World::new();
    w.samrad(&w.a, &["sync", "init", &w.origin]);
    let template = w.a.join("log").join(MEETING).join("template.jsonl");
    let whole = std::fs::read(&template).expect("read");
    let cut = whole[..whole.len() - 1]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(&whole[..0], |i| &whole[..=i]);
    std::fs::write(&template, cut).expect("cut");
    add(&w.a, chair(), "sak-a", 91);
    let (out, err) = w.samrad(&w.a, &["sync"]);
    assert!(
        err.contains("was changed, not only added to; not sent"),
        "{err}"
    );
    assert!(
        out.contains("sent 1 new lines"),
        "the new item still goes: {out}"
    );

    w.samrad(&w.b, &["sync", "--clone", &w.origin]);
    let theirs = std::fs::read(w.b.join("log").join(MEETING).join("template.jsonl"));
    assert_eq!(theirs.expect("read B"), whole, "B has every line");
    assert!(has_item(&w.b, "sak-a"));
}

/// Two laptops that never shared a folder, each used through the app: each adds an item
/// (both get the same next number, each knowing only its own folder) and writes notes on
/// the same item. After `samrad sync` on both they hold the same bytes, no sak number is
/// used twice (the same numbers on both), and both notes are kept, as a conflict.
#[test]
fn laptops_that_never_met_agree_on_numbers_and_keep_both_notes() {
    use common::session::Session;
    use samrad::app::Action;
    use samrad::i18n::Lang;
    use samrad::model::conflict_count;

    if !git_or_skip("laptops_that_never_met_agree_on_numbers_and_keep_both_notes") {
        return;
    }
    let w = World::new();
    let now = common::at("2026-12-08T10:00:00+01:00");
    let mut laptops = [
        (
            Session::new(chair(), Lang::En, now),
            "From A",
            "NOTES FROM A",
        ),
        (
            Session::new(referent(), Lang::En, now),
            "From B",
            "NOTES FROM B",
        ),
    ];
    let mut claimed = Vec::new();
    let first = laptops[0].0.app.items()[0].id.clone();
    for (s, title, notes) in &mut laptops {
        s.act(Action::Add);
        s.type_text(title);
        s.save_form();
        let id = s.item_id(title);
        claimed.push(s.item(&id).number);
        s.select(&first);
        s.act(Action::EditNotes);
        s.type_text(notes);
        s.act(Action::Save);
        assert_eq!(s.item(&first).notes, *notes, "{:?}", s.app.message);
    }
    assert_eq!(claimed[0], claimed[1], "each took the next number it knew");
    let (pa, pb) = (
        laptops[0].0.dir.path().to_path_buf(),
        laptops[1].0.dir.path().to_path_buf(),
    );
    let (a, b) = (pa.as_path(), pb.as_path());
    w.samrad(a, &["sync", "init", &w.origin]);
    w.samrad(b, &["sync", "init", &w.origin]);
    w.samrad(a, &["sync"]);
    assert_eq!(
        logs(a),
        logs(b),
        "A and B hold the same logs, byte for byte"
    );

    let numbers = |dir: &Path| {
        let doc = fold(dir);
        let m = doc.meeting(MEETING).expect("the meeting").clone();
        m.items
            .iter()
            .map(|i| (i.title.clone(), i.number.to_string()))
            .collect::<Vec<_>>()
    };
    let on_a = numbers(a);
    assert_eq!(on_a, numbers(b), "the same numbers on both");
    for title in ["From A", "From B"] {
        assert!(on_a.iter().any(|(t, _)| t == title), "{title}: {on_a:?}");
    }
    let mut distinct: Vec<&String> = on_a.iter().map(|(_, n)| n).collect();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), on_a.len(), "no number used twice: {on_a:?}");
    let notes_on = |dir: &Path| {
        fold(dir)
            .meeting(MEETING)
            .and_then(|m| m.item(&first))
            .map(|i| i.notes.clone())
            .expect("the first item")
    };
    // Each added a line to empty notes: both stand, nothing overlapped.
    let notes = notes_on(a);
    assert!(
        notes.contains("NOTES FROM A") && notes.contains("NOTES FROM B"),
        "{notes}"
    );
    assert_eq!(conflict_count(&notes), 0, "{notes}");

    // Then both change the same line, each its own way: both versions are kept, as a
    // conflict, on both machines.
    for (k, (s, _, _)) in laptops.iter_mut().enumerate() {
        // The running app reads what the sync brought (written as of the meeting's day).
        s.store().assume_now(common::at(common::READER_NOW));
        s.rt.catch_up(&mut s.app);
        assert_eq!(s.item(&first).notes, notes, "laptop {k} sees both lines");
        s.act(Action::EditNotes);
        s.type_text(if k == 0 { " (A adds)" } else { " (B adds)" });
        s.act(Action::Save);
    }
    w.samrad(a, &["sync"]);
    w.samrad(b, &["sync"]);
    w.samrad(a, &["sync"]);
    assert_eq!(
        logs(a),
        logs(b),
        "A and B hold the same logs, byte for byte"
    );
    let notes = notes_on(a);
    assert_eq!(notes, notes_on(b));
    assert!(
        notes.contains("(A adds)") && notes.contains("(B adds)"),
        "{notes}"
    );
    assert_eq!(conflict_count(&notes), 1, "{notes}");
    // `show` says where the conflict is, in words.
    let (out, _) = w.samrad(a, &["show", MEETING]);
    assert!(out.contains("Conflict: two edits overlap"), "{out}");
    assert!(
        out.contains("(B adds)") && out.contains("(A adds)"),
        "{out}"
    );
}

/// A git killed in the middle of a sync left `.git/index.lock`: the next sync goes through
/// once the lock is old (a fresh one may be a git still running, and is left alone).
#[test]
fn a_lock_left_by_a_killed_git_does_not_stop_the_next_sync() {
    if !git_or_skip("a_lock_left_by_a_killed_git_does_not_stop_the_next_sync") {
        return;
    }
    let w = World::new();
    w.samrad(&w.a, &["sync", "init", &w.origin]);
    let lock = w.a.join(".git").join("index.lock");
    std::fs::write(&lock, b"").expect("a lock");
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&lock)
        .and_then(|f| f.set_modified(an_hour_ago))
        .expect("age the lock");
    add(&w.a, chair(), "sak-etter-lås", 93);
    let (out, _) = w.samrad(&w.a, &["sync"]);
    assert!(out.contains("sent 1 new lines"), "{out}");
    assert!(!lock.exists());
}
