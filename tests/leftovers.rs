//! What sync tools and crashes leave behind (issue 11, item 4): conflict copies are read
//! and compared with their log, a log replaced under its running writer is put back (and
//! at the next start, from the journal), old temp files are cleaned at start, a folder
//! that cannot be written opens read-only and says why, and `show` names a log it could
//! not read.

mod common;

use std::path::{Path, PathBuf};

use common::TEMPLATE_MEETING as MEETING;
use common::authors::{chair, ntl};
use common::meetings::set_notes;
use common::sandbox::{Run, Sandbox};
use common::seats::{Seat, approved_by_all};
use common::session::Session;
use samrad::app::{Action, App, Effect, SaveState};
use samrad::i18n::Lang;
use samrad::model::MeetingStatus;
use samrad::runtime::{Mode, Runtime};
use samrad::store::{Load, Op, Problem, ProblemKind, Store};

/// A folder where the chair founded the forum, NTL's and Unio's representatives were
/// admitted, and the template meeting was held, sent round and approved by all three.
struct Approved {
    sb: Sandbox,
    chair: Seat,
    _reps: Vec<Seat>,
}

fn approved() -> Approved {
    let sb = Sandbox::new();
    let (chair, reps) = approved_by_all(&sb.data);
    let a = Approved {
        sb,
        chair,
        _reps: reps,
    };
    assert_eq!(a.status(), MeetingStatus::Approved);
    // The logs are as they came from other machines: no journal here puts them back.
    let _ = std::fs::remove_dir_all(a.sb.data.join("local").join("journal"));
    a
}

impl Approved {
    /// The meeting's status as a new reader folds it.
    fn status(&self) -> MeetingStatus {
        let mut store = Store::open(&self.sb.data, chair()).expect("open");
        store.assume_now(common::at(common::READER_NOW));
        let doc = store.load(&Load::All);
        doc.meeting(MEETING).expect("the meeting").status
    }

    fn chair_log(&self) -> PathBuf {
        log_of(&self.sb.data, self.chair.store.writer_id())
    }

    fn run(&self, args: &[&str]) -> Run {
        self.sb.run_lang("en_GB.UTF-8", args)
    }
}

fn log_of(root: &Path, writer: &str) -> PathBuf {
    root.join("log")
        .join(MEETING)
        .join(format!("{writer}.jsonl"))
}

/// The name Syncthing gives a conflict copy of `log`.
fn syncthing_copy(log: &Path) -> PathBuf {
    let stem = log.file_stem().expect("a name").to_string_lossy();
    log.with_file_name(format!(
        "{stem}.sync-conflict-20261208-120000-ABCDEFG.jsonl"
    ))
}

/// A file's lines, each with its newline.
fn lines_of(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .expect("read")
        .split_inclusive('\n')
        .map(str::to_string)
        .collect()
}

/// Files beside `path` whose name has `mark` in it.
fn beside(path: &Path, mark: &str) -> Vec<PathBuf> {
    let dir = path.parent().expect("a folder");
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read the folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().contains(mark))
        .collect();
    out.sort();
    out
}

/// A sync tool writes `bytes` to `path` as they do: a new file renamed over the old one.
fn replace(path: &Path, bytes: &[u8]) {
    let tmp = path.with_extension("synctool-tmp");
    std::fs::write(&tmp, bytes).expect("write");
    std::fs::rename(&tmp, path).expect("rename");
}

/// Syncthing kept the older half of the chair's log as the log and the newer version as a
/// conflict copy. Before, the copy was ignored and the approval round was lost without a
/// word; now its lines count: the minutes are approved again, and verify mentions the copy
/// (and exits 0: nothing was changed).
#[test]
fn a_conflict_copy_holding_the_newer_half_of_a_log_gives_all_its_ops() {
    let a = approved();
    let log = a.chair_log();
    let lines = lines_of(&log);
    let half = lines.len() / 2;
    assert!(
        lines[half..].iter().any(|l| l.contains("{\"approve\":")),
        "the newer half holds the chair's approval"
    );
    std::fs::write(&log, lines[..half].concat()).expect("write the older half");
    assert_ne!(
        a.status(),
        MeetingStatus::Approved,
        "without the newer half the round is lost"
    );
    // The whole newer version as the copy, as Syncthing keeps it.
    let copy = syncthing_copy(&log);
    std::fs::write(&copy, lines.concat()).expect("write the copy");
    assert_eq!(a.status(), MeetingStatus::Approved);
    a.run(&["list"]).says(0, &["Approved"]);
    a.run(&["verify", MEETING])
        .says(0, &["intact", "a conflict copy of"])
        .lacks(&["forked"]);
    // Only the newer lines in the copy: they follow on from the log's last line.
    std::fs::write(&copy, lines[half..].concat()).expect("write the copy");
    assert_eq!(a.status(), MeetingStatus::Approved);
    let mut store = Store::open(&a.sb.data, chair()).expect("open");
    store.assume_now(common::at(common::READER_NOW));
    let doc = store.load(&Load::All);
    let m = doc.meeting(MEETING).expect("the meeting");
    assert_eq!(m.approvals.len(), 3, "every approval counts");
    let told: Vec<&Problem> = store.problems.iter().filter(|p| p.path == copy).collect();
    assert!(
        matches!(
            told.as_slice(),
            [Problem { kind: ProblemKind::ConflictCopy { new_lines, .. }, .. }]
                if *new_lines == lines.len() - half
        ),
        "{told:?}"
    );
    a.run(&["verify", MEETING])
        .says(0, &["intact", "a conflict copy of"]);
}

/// The copy and the log hold two different lines, both signed by the chair, with one
/// number: the chair's history forked. Both are read (neither signed line is dropped), the
/// fork is reported naming both files and lines, and verify exits 1.
#[test]
fn a_conflict_copy_that_forks_from_its_log_is_reported_and_fails_verify() {
    let a = approved();
    let log = a.chair_log();
    let lines = lines_of(&log);
    let j = lines
        .iter()
        .position(|l| l.contains("Partene drøftet saken."))
        .expect("the notes line");
    let real: Op = serde_json::from_str(lines[j].trim_end()).expect("an op");
    let mut fork = real.clone();
    fork.change = set_notes("s-2026-3", "GRENET NOTAT");
    fork.sig = String::new();
    fork.sig = a.chair.key.sign(fork.encode().as_bytes());
    let copy = syncthing_copy(&log);
    let forked = [lines[..j].concat(), fork.encode(), "\n".into()].concat();
    std::fs::write(&copy, forked).expect("write the copy");

    let mut store = Store::open(&a.sb.data, chair()).expect("open");
    store.assume_now(common::at(common::READER_NOW));
    let ops = store.read_ops(&Load::All);
    let both = ops
        .iter()
        .filter(|o| o.writer == real.writer && o.seq == real.seq)
        .count();
    assert_eq!(both, 2, "both lines are read");
    let order = samrad::store::fold::fold_order(&ops);
    let folded = order
        .iter()
        .filter(|&&i| ops[i].writer == real.writer && ops[i].seq == real.seq)
        .count();
    assert_eq!(
        folded, 2,
        "both lines are folded: neither signed line is dropped"
    );
    let fork_told = store
        .problems
        .iter()
        .find(|p| p.path == copy && p.line == Some(j + 1));
    match fork_told.map(|p| &p.kind) {
        Some(ProblemKind::Fork {
            log: l,
            log_line,
            op,
        }) => {
            assert_eq!((l, *log_line), (&log, j + 1));
            assert_eq!(op, &format!("{}:{}", real.writer, real.seq));
        }
        other => panic!(
            "the fork is not reported: {other:?} in {:?}",
            store.problems
        ),
    }
    let text = samrad::i18n::problem(Lang::En, fork_told.expect("told"));
    assert!(
        text.contains("forked") && text.contains(&format!("line {}", j + 1)),
        "{text}"
    );
    let verify = a.run(&["verify", MEETING]);
    verify.says(1, &["forked", "sync-conflict"]);
    a.run(&["show", MEETING]).says(0, &["FAILS ITS CHECKS"]);
}

/// A sync replaced the log of a running samrad with its first line and a line of its own.
/// The runtime puts every line back before anything is read or written, keeps what was
/// there in a copy beside it (still read, and its bad line reported), and tells the user.
#[test]
fn a_replaced_own_log_is_put_back_and_what_was_there_kept() {
    let mut s = Session::new(chair(), Lang::En, common::at("2026-12-08T10:00:00+01:00"));
    for n in 1..=3 {
        let change = set_notes("s-2026-3", &format!("Notat {n}"));
        s.rt.run(&mut s.app, vec![Effect::Commit(change)]);
    }
    let log = log_of(s.dir.path(), s.rt.store().writer_id());
    let ours = std::fs::read(&log).expect("read");
    let first = lines_of(&log).remove(0);
    replace(&log, format!("{first}{{\"not\":\"ours\"}}\n").as_bytes());

    s.rt.catch_up(&mut s.app);
    assert_eq!(
        std::fs::read(&log).expect("read"),
        ours,
        "every line is back"
    );
    let kept = beside(&log, ".samrad-kept-");
    assert_eq!(kept.len(), 1, "what was there is kept");
    assert_eq!(
        std::fs::read_to_string(&kept[0]).expect("kept"),
        format!("{first}{{\"not\":\"ours\"}}\n")
    );
    let (said, _) = s.app.message.clone().expect("the user is told");
    assert!(said.contains("2 lines restored"), "{said}");
    assert!(
        s.app.problems.iter().any(|p| matches!(
            &p.kind,
            ProblemKind::Restored {
                lines: 2,
                kept: Some(_)
            }
        )),
        "{:?}",
        s.app.problems
    );

    // Writing goes on in the log as it is now, chained on.
    let change = set_notes("s-2026-3", "Notat 4");
    s.rt.run(&mut s.app, vec![Effect::Commit(change)]);
    // (Chained, numbered 1, 2, 3…, every line an op: `check_log` says so.)
    assert_eq!(common::files::check_log(&log).ops.len(), 4);

    // Another reader has every line, and is told of the kept copy's foreign line.
    let mut other = Store::open(s.dir.path(), ntl()).expect("open");
    other.assume_now(common::at(common::READER_NOW));
    let doc = other.load(&Load::All);
    let item = doc
        .meeting(MEETING)
        .and_then(|m| m.item("s-2026-3"))
        .expect("item");
    assert_eq!(item.notes, "Notat 4");
    assert!(
        other
            .problems
            .iter()
            .any(|p| p.path == kept[0] && matches!(p.kind, ProblemKind::BadLine(_))),
        "{:?}",
        other.problems
    );
}

/// The same in the TUI's runtime, where a thread writes: the log is cut where it is (no
/// new file), and the next write puts the lines back first. Nothing shown as saved is lost.
#[test]
fn the_disk_thread_puts_a_cut_log_back_before_it_writes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path(), chair()).expect("open");
    let doc = store.load(&Load::Meeting(MEETING.into()));
    let writer = store.writer_id().to_string();
    let mut app = App::new(
        doc,
        chair(),
        Lang::En,
        common::at("2026-12-08T10:00:00+01:00"),
    );
    let mut rt = Runtime::new(store, Mode::Background).expect("runtime");
    let saved = |rt: &mut Runtime, app: &mut App| {
        let start = std::time::Instant::now();
        while app.pending_ops() > 0 && start.elapsed() < std::time::Duration::from_secs(10) {
            rt.poll(app);
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert!(matches!(app.save, SaveState::Saved(_)), "{:?}", app.save);
    };
    for n in 1..=3 {
        rt.run(
            &mut app,
            vec![Effect::Commit(set_notes("s-2026-3", &format!("N{n}")))],
        );
    }
    saved(&mut rt, &mut app);
    let log = log_of(dir.path(), &writer);
    let first = lines_of(&log).remove(0);
    std::fs::write(&log, &first).expect("cut the log where it is");

    rt.run(&mut app, vec![Effect::Commit(set_notes("s-2026-3", "N4"))]);
    saved(&mut rt, &mut app);
    rt.poll(&mut app);
    rt.finish(&mut app);
    assert_eq!(common::files::check_log(&log).ops.len(), 4);
    assert!(
        beside(&log, ".samrad-kept-").is_empty(),
        "an older state of the log holds nothing to keep"
    );
    let text = std::fs::read_to_string(&log).expect("read");
    for n in 1..=4 {
        assert!(text.contains(&format!("N{n}")), "N{n} is in the log");
    }
}

/// Every line a writer writes is also kept in `local/journal/`: a log replaced while no
/// samrad ran (an older version brought by a sync) is put back at the next start, and said.
#[test]
fn a_log_replaced_while_samrad_was_not_running_is_put_back_at_the_next_start() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path(), chair()).expect("open");
    for n in 1..=3 {
        store
            .commit(set_notes("s-2026-3", &format!("Notat {n}")))
            .expect("commit");
    }
    let log = log_of(dir.path(), store.writer_id());
    drop(store);
    let ours = std::fs::read(&log).expect("read");
    replace(&log, lines_of(&log)[0].as_bytes());

    let mut store = Store::open(dir.path(), chair()).expect("open");
    assert_eq!(std::fs::read(&log).expect("read"), ours);
    assert!(
        store.problems.iter().any(|p| p.path == log
            && p.kind
                == ProblemKind::Restored {
                    lines: 2,
                    kept: None
                }),
        "{:?}",
        store.problems
    );
    let doc = store.load(&Load::All);
    let item = doc
        .meeting(MEETING)
        .and_then(|m| m.item("s-2026-3"))
        .expect("item");
    assert_eq!(item.notes, "Notat 3");
    // A meeting folder removed on purpose is not made again.
    drop(store);
    std::fs::remove_dir_all(log.parent().expect("folder")).expect("rm");
    Store::open(dir.path(), chair()).expect("open");
    assert!(!log.exists(), "a removed folder stays removed");
}

/// A kill during an atomic write leaves `.NAME.RAND.tmp`: the next start removes those
/// older than a few seconds, and leaves fresh ones (a running writer's) and other tools'.
/// The log folders are looked at once an hour (`LOG_WALK_EVERY`), the rest at every start.
#[test]
fn old_temp_files_are_cleaned_at_start_and_fresh_ones_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    drop(Store::open(dir.path(), chair()).expect("open"));
    let forum = dir.path().join("log").join("forum");
    let minutes = dir.path().join("minutes");
    let old = [
        forum.join(".w1.jsonl.0123abcd.tmp"),
        minutes.join(format!(".{MEETING}.json.89abcdef.tmp")),
        dir.path().join(".gitignore.00ff00ff.tmp"),
    ];
    let fresh = forum.join(".w2.jsonl.0123abce.tmp");
    let theirs = forum.join(".syncthing.w1.jsonl.tmp");
    let long_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for p in old.iter().chain([&fresh, &theirs]) {
        std::fs::create_dir_all(p.parent().expect("folder")).expect("mkdir");
        std::fs::write(p, b"half a write").expect("write");
    }
    for p in old.iter().chain([&theirs]) {
        std::fs::File::options()
            .write(true)
            .open(p)
            .and_then(|f| f.set_modified(long_ago))
            .expect("age");
    }
    drop(Store::open(dir.path(), chair()).expect("open"));
    assert!(
        old[0].exists() && old[1].exists(),
        "the log folders and minutes/ are not walked again within the hour"
    );
    assert!(
        !old[2].exists(),
        "the data folder itself is looked at every time"
    );
    // An hour on, the log folder changed since the last walk is looked at, and minutes/.
    let hour_ago = std::time::SystemTime::now() - samrad::store::leftovers::LOG_WALK_EVERY;
    let ns = hour_ago
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_nanos();
    std::fs::write(dir.path().join("local").join("cleaned"), format!("{ns}\n")).expect("note");
    drop(Store::open(dir.path(), chair()).expect("open"));
    for p in &old {
        assert!(!p.exists(), "{} is removed", p.display());
    }
    assert!(
        fresh.exists(),
        "a fresh temp file may be a write in progress"
    );
    assert!(theirs.exists(), "Syncthing's temp files are Syncthing's");
}

/// Whether this process can write where the permissions say it may not (root can).
fn permissions_bind(dir: &Path) -> bool {
    let probe = dir.join("probe-as-root");
    match std::fs::write(&probe, b"x") {
        Ok(()) => {
            let _ = std::fs::remove_file(&probe);
            false
        }
        Err(_) => true,
    }
}

fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// `log/` that cannot be written: the folder opens read-only with a banner that says why,
/// and no key makes a commit (instead of accepting edits and then failing to save).
#[test]
fn a_folder_that_cannot_be_written_opens_read_only_and_says_why() {
    let dir = tempfile::tempdir().expect("tempdir");
    drop(Store::open(dir.path(), chair()).expect("open"));
    let log = dir.path().join("log");
    chmod(&log, 0o555);
    if !permissions_bind(&log) {
        chmod(&log, 0o700);
        eprintln!("skipped: this process writes where permissions say no (root)");
        return;
    }
    let opened = Store::open(dir.path(), chair());
    chmod(&log, 0o700);
    let mut store = opened.expect("a folder that cannot be written still opens");
    let why = store.unwritable().expect("read-only, and why").clone();
    assert_eq!(why.path, log);
    let banner = samrad::i18n::unwritable(Lang::En, &why);
    assert_eq!(
        banner,
        format!(
            "cannot write to {} (permission denied). Changes are not possible.",
            log.display()
        )
    );
    assert!(
        samrad::i18n::unwritable(Lang::Nb, &why).contains("ingen tilgang"),
        "in Norwegian too"
    );
    let doc = store.load(&Load::Meeting(MEETING.into()));
    let mut app = App::new(
        doc,
        chair(),
        Lang::En,
        common::at("2026-12-08T10:00:00+01:00"),
    );
    app.read_only = Some(banner.clone());
    let fx = samrad::app::update(&mut app, Action::Command("start".into()));
    assert!(
        !fx.iter().any(|e| matches!(e, Effect::Commit(_))),
        "nothing is committed: {fx:?}"
    );
    let (said, _) = app.message.clone().expect("it says why");
    assert_eq!(said, format!("Read-only: {banner}"));
    // No editor opens for text that could not be saved.
    samrad::app::update(&mut app, Action::EditNotes);
    assert!(app.popups.is_empty(), "{:?}", app.popups.len());
}

/// A write that fails for want of permission while samrad runs turns the folder read-only
/// with the same banner.
#[test]
fn a_folder_that_stops_being_writable_turns_read_only() {
    let mut s = Session::new(chair(), Lang::En, common::at("2026-12-08T10:00:00+01:00"));
    let meeting_dir = s.dir.path().join("log").join(MEETING);
    chmod(&meeting_dir, 0o555);
    if !permissions_bind(&meeting_dir) {
        chmod(&meeting_dir, 0o700);
        eprintln!("skipped: this process writes where permissions say no (root)");
        return;
    }
    s.rt.run(&mut s.app, vec![Effect::Commit(set_notes("s-2026-3", "x"))]);
    chmod(&meeting_dir, 0o700);
    let why = s.app.read_only.clone().expect("read-only now");
    assert!(
        why.contains("permission denied") && why.contains("Changes are not possible"),
        "{why}"
    );
    let fx = samrad::app::update(&mut s.app, Action::Command("start".into()));
    assert!(!fx.iter().any(|e| matches!(e, Effect::Commit(_))), "{fx:?}");
}

/// A log that cannot be read: `show` names the file and the system's error, rather than
/// saying no meeting matches.
#[test]
fn show_names_a_log_it_could_not_read() {
    let sb = Sandbox::new();
    sb.init();
    let log = sb.data.join("log").join(MEETING).join("template.jsonl");
    chmod(&log, 0o000);
    if std::fs::read(&log).is_ok() {
        chmod(&log, 0o600);
        eprintln!("skipped: this process reads where permissions say no (root)");
        return;
    }
    let out = sb.run_lang("en_GB.UTF-8", &["show", MEETING]);
    let shown = sb.run_lang("en_GB.UTF-8", &["export", MEETING, "--format", "md"]);
    chmod(&log, 0o600);
    for run in [out, shown] {
        let err = run.fails();
        assert!(
            err.contains(&format!("{MEETING}/template.jsonl")) && err.contains("Permission denied"),
            "{}",
            run.describe()
        );
    }
}

/// The names sync tools give conflict copies are all read as the writer's log.
#[test]
fn every_known_kind_of_conflict_copy_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path(), chair()).expect("open");
    store
        .commit(set_notes("s-2026-3", "Bare i kopien"))
        .expect("commit");
    let writer = store.writer_id().to_string();
    drop(store);
    let _ = std::fs::remove_dir_all(dir.path().join("local").join("journal"));
    let log = log_of(dir.path(), &writer);
    let bytes = std::fs::read(&log).expect("read");
    for name in [
        format!("{writer}.sync-conflict-20261208-120000-ABCDEFG.jsonl"),
        format!("{writer} (Kari's conflicted copy 2026-12-08).jsonl"),
        format!("{writer} (conflicted copy 2026-12-08 120000).jsonl"),
        format!("{writer}_conflict-20261208-120000.jsonl"),
        format!("{writer}.jsonl.orig"),
    ] {
        std::fs::remove_file(&log).expect("rm the log");
        let copy = log.with_file_name(&name);
        std::fs::write(&copy, &bytes).expect("write the copy");
        let mut reader = Store::open(dir.path(), ntl()).expect("open");
        let doc = reader.load(&Load::All);
        let notes = doc
            .meeting(MEETING)
            .and_then(|m| m.item("s-2026-3"))
            .map(|i| i.notes.clone());
        assert_eq!(notes.as_deref(), Some("Bare i kopien"), "{name}");
        assert!(
            reader.problems.iter().any(|p| p.path == copy
                && matches!(p.kind, ProblemKind::ConflictCopy { new_lines: 1, .. })),
            "{name}: {:?}",
            reader.problems
        );
        std::fs::rename(&copy, &log).expect("back");
    }
}
