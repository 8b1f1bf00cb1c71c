//! The store on disk: atomic writes, permissions, ignore files, seeding, sync leftovers,
//! newer schemas and corrupt lines.

mod common;

use std::path::{Path, PathBuf};

use common::TEMPLATE_MEETING as FIRST;
use common::authors::chair;
use common::files::files_under;
use common::meetings::set_notes;
use samrad::model::{ActionStatus, Author, Change, Doc, Owner};
use samrad::store::atomic::{write_atomic, write_atomic_with};
use samrad::store::{Load, LogWriter, ProblemKind, Store, StoreError, minutes_bytes, read_minutes};

fn add_item(store: &mut Store, id: &str, title: &str) {
    store
        .commit(common::meetings::add_item(id, 7, title, 99_999))
        .expect("commit");
}

/// Every file under `dir`, as its path below `dir`.
fn names_under(dir: &Path) -> Vec<String> {
    files_under(dir)
        .iter()
        .map(|p| p.strip_prefix(dir).expect("under").display().to_string())
        .collect()
}

/// The chair's store on the folder `dir`, with all of it read.
fn loaded(dir: &Path) -> Store {
    let mut store = Store::open(dir, chair()).expect("open");
    store.load(&Load::All);
    store
}

/// Leave out this machine's journal of what its writers wrote, so that a log changed next
/// is as one from another machine (the journal would put this machine's lines back).
fn forget_journal(root: &Path) {
    std::fs::remove_dir_all(root.join("local").join("journal")).expect("journal");
}

/// The log `store` writes the template meeting's ops to.
fn meeting_log(store: &Store) -> PathBuf {
    store
        .root()
        .join("log")
        .join(FIRST)
        .join(format!("{}.jsonl", store.writer_id()))
}

#[test]
fn an_interrupted_write_leaves_the_old_file_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("minutes.json");
    write_atomic(&path, b"old and whole").expect("first write");
    let err = write_atomic_with(&path, b"new", || {
        Err(std::io::Error::other("power cut before rename"))
    });
    assert!(err.is_err());
    assert_eq!(std::fs::read(&path).expect("read"), b"old and whole");
    assert_eq!(
        names_under(dir.path()),
        vec!["minutes.json"],
        "no temp file is left behind"
    );
    write_atomic(&path, b"new").expect("second write");
    assert_eq!(std::fs::read(&path).expect("read"), b"new");
}

#[cfg(unix)]
#[test]
fn folders_are_0700_files_0600_and_loose_modes_are_tightened_with_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("data");
    let mut store = Store::open(&root, chair()).expect("open");
    add_item(&mut store, "s-new", "Ny sak");
    drop(store);
    assert_eq!(mode(&root), 0o700);
    assert_eq!(mode(&root.join("log").join(FIRST)), 0o700);
    for f in names_under(&root) {
        assert_eq!(mode(&root.join(&f)), 0o600, "{f}");
    }
    // A sync tool or git checkout loosened them.
    std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let log = root.join("log").join("forum").join("template.jsonl");
    std::fs::set_permissions(&log, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let mut store = Store::open(&root, chair()).expect("open");
    store.load(&Load::All);
    assert_eq!(mode(&root), 0o700);
    assert_eq!(mode(&log), 0o600);
    let fixed: Vec<String> = store
        .problems
        .iter()
        .filter(|p| matches!(p.kind, ProblemKind::PermissionsFixed { .. }))
        .map(|p| samrad::i18n::problem(samrad::i18n::Lang::En, p))
        .collect();
    assert_eq!(fixed.len(), 2, "{fixed:?}");
    assert!(
        fixed
            .iter()
            .any(|m| m.contains("template.jsonl") && m.contains("644") && m.contains("600"))
    );
}

#[test]
fn ignore_files_keep_derived_files_out_of_sync_and_respect_the_users_lines() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join(".gitignore"), "my-notes.txt").expect("write");
    Store::open(dir.path(), chair()).expect("open");
    Store::open(dir.path(), chair()).expect("open again");
    let git = std::fs::read_to_string(dir.path().join(".gitignore")).expect("gitignore");
    let st = std::fs::read_to_string(dir.path().join(".stignore")).expect("stignore");
    assert!(
        git.starts_with("my-notes.txt\n"),
        "the user's line is kept: {git}"
    );
    assert_eq!(git.matches("/minutes/").count(), 1, "added once: {git}");
    for f in [&git, &st] {
        assert!(f.contains("/minutes/") && f.contains("*.tmp"));
        let ignores_logs = f
            .lines()
            .any(|l| !l.starts_with('#') && (l.contains("log") || l.contains("jsonl")));
        assert!(!ignores_logs, "the logs must travel: {f}");
    }
}

#[test]
fn two_folders_seeded_apart_then_synced_hold_one_forum_and_one_first_meeting() {
    let a = tempfile::tempdir().expect("tempdir");
    let b = tempfile::tempdir().expect("tempdir");
    let mut sa = loaded(a.path());
    let mut sb = loaded(b.path());
    add_item(&mut sa, "s-a", "Sak skrevet på maskin A");
    add_item(&mut sb, "s-b", "Sak skrevet på maskin B");
    drop((sa, sb));
    // A sync engine copies B's files into A (same names for the template logs).
    for f in names_under(b.path())
        .into_iter()
        .filter(|f| f.starts_with("log/"))
    {
        let to = a.path().join(&f);
        std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        std::fs::copy(b.path().join(&f), to).expect("copy");
    }
    let mut merged = Store::open(a.path(), chair()).expect("open merged");
    let doc = merged.load(&Load::All);
    assert_eq!(doc.meetings.len(), 1);
    assert_eq!(doc.forum.id, "kontaktgruppen");
    assert_eq!(doc.forum.parties.len(), 6);
    assert_eq!(doc.actions.len(), 6);
    let m = doc.meeting(FIRST).expect("first meeting");
    assert_eq!(
        m.items.len(),
        8,
        "6 from the template and one from each machine"
    );
    assert!(m.item("s-a").is_some() && m.item("s-b").is_some());
    assert!(doc.rejected.is_empty(), "{:?}", doc.rejected);
}

#[test]
fn a_committed_op_is_in_the_log_when_commit_returns_and_survives_a_new_process() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = loaded(dir.path());
    let op = store
        .commit(set_notes(
            "s-2026-2",
            "NTL etterlyser en felles tillitsvalgtordning.",
        ))
        .expect("commit");
    let mut reader = Store::open(dir.path(), Author::default()).expect("open reader");
    let doc = reader.load(&Load::Meeting(FIRST.into()));
    let item = doc
        .meeting(FIRST)
        .and_then(|m| m.item("s-2026-2"))
        .expect("item");
    assert_eq!(item.notes, "NTL etterlyser en felles tillitsvalgtordning.");
    assert!(
        reader
            .read_ops(&Load::All)
            .iter()
            .any(|o| o.id() == op.id())
    );
    assert_ne!(
        reader.writer_id(),
        store.writer_id(),
        "every process writes its own log"
    );
}

#[test]
fn a_log_held_by_a_live_writer_cannot_be_taken() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("w1.jsonl");
    let _held = LogWriter::create(&path).expect("first writer");
    assert!(
        LogWriter::create(&path).is_err(),
        "never the same log twice"
    );
    let other = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .expect("open");
    assert!(
        other.try_lock().is_err(),
        "the log is locked while its writer lives"
    );
}

#[test]
fn a_corrupt_line_is_reported_with_path_and_line_and_the_rest_still_opens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = loaded(dir.path());
    add_item(&mut store, "s-one", "Første");
    add_item(&mut store, "s-two", "Andre");
    add_item(&mut store, "s-three", "Tredje");
    let log = meeting_log(&store);
    drop(store);
    forget_journal(dir.path());
    let text = std::fs::read_to_string(&log).expect("read");
    let lines: Vec<&str> = text.lines().collect();
    let broken = format!(
        "{}\n{{\"v\":1,\"writer\": garbage\n{}\n",
        lines[0], lines[2]
    );
    std::fs::write(&log, &broken).expect("write");
    let mut store = Store::open(dir.path(), chair()).expect("open");
    let doc = store.load(&Load::All);
    let m = doc.meeting(FIRST).expect("meeting");
    assert!(m.item("s-one").is_some() && m.item("s-three").is_some());
    assert!(m.item("s-two").is_none());
    let msg: Vec<String> = store
        .problems
        .iter()
        .map(|p| samrad::i18n::problem(samrad::i18n::Lang::En, p))
        .collect();
    assert!(
        msg.iter()
            .any(|m| m.contains(&format!("{}:2", log.display())) && m.contains("skipped")),
        "{msg:?}"
    );
    assert_eq!(
        std::fs::read_to_string(&log).expect("read"),
        broken,
        "the bad file is not rewritten"
    );
}

/// A sync tool's temp files are not read; its conflict copies are, and said (see
/// tests/leftovers.rs): a copy with a bad line is no silent loss.
#[test]
fn temp_files_left_by_sync_tools_are_ignored_and_conflict_copies_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    Store::open(dir.path(), chair()).expect("open");
    let forum = dir.path().join("log").join("forum");
    let copy = forum.join("template.sync-conflict-20261201-101010-ABCDEFG.jsonl");
    std::fs::write(&copy, "garbage\n").expect("write");
    std::fs::write(forum.join(".syncthing.w1.jsonl.tmp"), "garbage\n").expect("write");
    std::fs::write(forum.join("w1.jsonl.tmp"), "garbage\n").expect("write");
    let mut store = Store::open(dir.path(), chair()).expect("open");
    let doc = store.load(&Load::All);
    assert_eq!(doc.forum.parties.len(), 6);
    let mut found: Vec<(&Path, &ProblemKind)> = store
        .problems
        .iter()
        .filter(|p| !matches!(p.kind, ProblemKind::PermissionsFixed { .. }))
        .map(|p| (p.path.as_path(), &p.kind))
        .collect();
    found.sort_by_key(|(_, k)| format!("{k:?}"));
    assert!(
        matches!(
            found.as_slice(),
            [(a, ProblemKind::BadLine(_)), (b, ProblemKind::ConflictCopy { new_lines: 0, .. })]
                if *a == copy && *b == copy
        ),
        "{found:?}"
    );
}

#[test]
fn a_newer_schema_opens_read_only_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path(), chair()).expect("open");
    let doc = store.load(&Load::All);
    store.materialize(&doc, FIRST).expect("materialize");
    drop(store);
    let forum = dir.path().join("log").join("forum");
    std::fs::write(
        forum.join("wfuture.jsonl"),
        "{\"v\":99,\"writer\":\"wfuture\",\"seq\":1,\"new_field\":true}\n",
    )
    .expect("write");
    let before = names_under(dir.path());
    let mut store = Store::open(dir.path(), chair()).expect("open");
    let doc = store.load(&Load::All);
    let why = store.read_only().expect("read-only").to_string();
    assert!(
        why.contains("wfuture.jsonl") && why.contains("newer samrad"),
        "{why}"
    );
    assert!(matches!(
        store.commit(Change::Forum {
            id: "x".into(),
            name: "x".into()
        }),
        Err(StoreError::ReadOnly(_))
    ));
    assert_eq!(
        doc.forum.parties.len(),
        6,
        "what this binary can read is still shown"
    );
    assert_eq!(names_under(dir.path()), before, "nothing written");
}

/// Put `text` where the template meeting's minutes file is, in the folder `dir`.
fn put_minutes_file(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("minutes").join(format!("{FIRST}.json"));
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(&path, text).expect("write");
    path
}

#[test]
fn minutes_from_a_newer_samrad_are_not_replaced() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path(), chair()).expect("open");
    let doc = store.load(&Load::All);
    let future = "{\"schema_version\": 7, \"meeting\": {}}";
    let path = put_minutes_file(dir.path(), future);
    assert!(matches!(
        store.materialize(&doc, FIRST),
        Err(StoreError::ReadOnly(_))
    ));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), future);
    assert!(store.read_only().is_some());
    assert!(
        read_minutes(&path)
            .expect_err("newer")
            .contains("newer samrad")
    );
}

#[test]
fn unreadable_minutes_are_kept_aside_and_written_anew() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path(), chair()).expect("open");
    let doc = store.load(&Load::All);
    let path = put_minutes_file(dir.path(), "half a fil");
    assert!(store.materialize(&doc, FIRST).expect("materialize"));
    let minutes = read_minutes(&path).expect("minutes written anew");
    assert_eq!(minutes.meeting.items.len(), 6);
    let kept: Vec<String> = names_under(dir.path())
        .into_iter()
        .filter(|f| f.contains(".unreadable-"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        std::fs::read_to_string(dir.path().join(&kept[0])).expect("read"),
        "half a fil"
    );
    assert!(
        !store.materialize(&doc, FIRST).expect("again"),
        "unchanged minutes are not rewritten"
    );
}

fn fold_all_from_start(root: &Path) -> Vec<u8> {
    let ops = files_under(&root.join("log"))
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .flat_map(|p| samrad::store::log::read_log_from(p, 0).ops)
        .collect();
    let doc = samrad::store::fold::fold(ops);
    samrad::store::minutes_bytes(&doc.minutes(FIRST).expect("minutes"))
}

fn minutes_via_store(root: &Path) -> Vec<u8> {
    let mut s = Store::open(root, Author::default()).expect("open");
    let doc = s.load(&Load::Meeting(FIRST.into()));
    samrad::store::minutes_bytes(&doc.minutes(FIRST).expect("minutes"))
}

#[test]
fn opening_from_the_snapshot_gives_the_same_minutes_as_folding_from_the_start() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path(), chair()).expect("open");
    store.load(&Load::Meeting(FIRST.into()));
    add_item(&mut store, "s-one", "Første");
    assert_eq!(
        minutes_via_store(dir.path()),
        fold_all_from_start(dir.path())
    );
    assert!(
        dir.path()
            .join("index")
            .join(format!("m-{FIRST}.fold.json"))
            .exists(),
        "the fold is kept for next time"
    );
    // Lines written after the snapshot are read on top of it.
    add_item(&mut store, "s-two", "Andre");
    let again = minutes_via_store(dir.path());
    assert_eq!(again, fold_all_from_start(dir.path()));
    assert!(String::from_utf8_lossy(&again).contains("Andre"));
}

/// A folder whose meeting has an item "Første", written by a store now closed, with no
/// journal to put a log back from; and the meeting's log.
fn one_item_written() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = loaded(dir.path());
    add_item(&mut store, "s-one", "Første");
    let log = meeting_log(&store);
    drop(store);
    forget_journal(dir.path());
    (dir, log)
}

#[test]
fn a_snapshot_is_not_trusted_when_a_log_changed_under_it_or_an_older_op_arrives() {
    let (dir, log) = one_item_written();
    minutes_via_store(dir.path());
    // A sync tool rewrote the log with other bytes of the same length.
    let text = std::fs::read_to_string(&log)
        .expect("read")
        .replace("Første", "Førstx");
    std::fs::write(&log, &text).expect("write");
    let m = minutes_via_store(dir.path());
    assert!(String::from_utf8_lossy(&m).contains("Førstx"));
    assert_eq!(m, fold_all_from_start(dir.path()));
    // A log from another machine arrives late, with ops older than the snapshot.
    let other = tempfile::tempdir().expect("tempdir");
    let mut early = loaded(other.path());
    early
        .commit_at(
            set_notes("s-2026-2", "skrevet tidlig"),
            chrono::DateTime::parse_from_rfc3339("2020-01-01T10:00:00+01:00").expect("time"),
        )
        .expect("commit");
    let name = format!("{}.jsonl", early.writer_id());
    std::fs::copy(
        other.path().join("log").join(FIRST).join(&name),
        dir.path().join("log").join(FIRST).join(&name),
    )
    .expect("copy");
    let m = minutes_via_store(dir.path());
    assert!(String::from_utf8_lossy(&m).contains("skrevet tidlig"));
    assert_eq!(m, fold_all_from_start(dir.path()));
}

/// A log that had not changed for a while when the snapshot was taken is checked by its
/// stat (length, inode, change time), not hashed again. Bytes written into it in place,
/// with its length kept and its mtime set back as `cp -p` or a sync tool would, still move
/// its change time: the snapshot is not trusted and the new bytes are read.
#[test]
fn a_settled_log_rewritten_in_place_with_its_length_and_mtime_kept_is_read_again() {
    let (dir, log) = one_item_written();
    // Past the window in which a file's change time cannot tell a later write apart.
    std::thread::sleep(std::time::Duration::from_millis(2_200));
    minutes_via_store(dir.path());
    minutes_via_store(dir.path());
    let mtime = std::fs::metadata(&log)
        .and_then(|m| m.modified())
        .expect("mtime");
    let text = std::fs::read_to_string(&log)
        .expect("read")
        .replace("Første", "Førstx");
    std::fs::write(&log, &text).expect("write");
    std::fs::File::options()
        .write(true)
        .open(&log)
        .and_then(|f| f.set_modified(mtime))
        .expect("mtime back");
    let m = minutes_via_store(dir.path());
    assert!(String::from_utf8_lossy(&m).contains("Førstx"));
    assert_eq!(m, fold_all_from_start(dir.path()));
}

/// An action of the forum, added now (before the template meeting starts).
fn action(id: &str, title: &str, status: ActionStatus, meeting: Option<&str>) -> Change {
    Change::ActionAdd {
        id: id.into(),
        title: title.into(),
        owner: Owner::Party("kmd".into()),
        due: None,
        status,
        meeting: meeting.map(str::to_string),
        item: None,
        areas: Vec::new(),
        proposed_by: None,
    }
}

/// A folder whose forum has an action done long ago ("Ferdig i fjor", which the template
/// meeting does not show), one open, and one of the meeting's own; and the meeting's whole
/// fold, kept as a snapshot.
fn forum_with_actions() -> (tempfile::TempDir, Doc) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path(), chair()).expect("open");
    store.load(&Load::All);
    for change in [
        action("a-old", "Ferdig i fjor", ActionStatus::Done, None),
        action("a-open", "Fortsatt åpent", ActionStatus::Open, None),
        action("a-own", "Møtets eget", ActionStatus::Done, Some(FIRST)),
    ] {
        store.commit(change).expect("commit");
    }
    let whole = store.load(&Load::Meeting(FIRST.into()));
    store.wait_for_snapshot();
    (dir, whole)
}

fn action_ids(doc: &Doc) -> Vec<&str> {
    doc.actions.iter().map(|a| a.id.as_str()).collect()
}

/// The forum's actions and area inputs as JSON, to compare two docs by.
fn records_json(doc: &Doc) -> String {
    serde_json::to_string(&(&doc.actions, &doc.area_inputs)).expect("json")
}

fn records_files(root: &Path) -> Vec<PathBuf> {
    files_under(&root.join("index"))
        .into_iter()
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with("records.") && name.ends_with(".json")
        })
        .collect()
}

#[test]
fn a_first_frame_has_what_the_meeting_shows_and_the_rest_of_the_actions_follow() {
    let (dir, whole) = forum_with_actions();
    assert!(whole.action("a-old").is_some());
    let mut store = Store::open(dir.path(), chair()).expect("open");
    let mut first = store.load_first(&Load::Meeting(FIRST.into()));
    assert!(store.incomplete());
    let ids = action_ids(&first);
    assert!(
        !ids.contains(&"a-old") && ids.contains(&"a-open") && ids.contains(&"a-own"),
        "the snapshot keeps what the meeting shows and what is open: {ids:?}"
    );
    assert_eq!(
        minutes_bytes(&first.minutes(FIRST).expect("minutes")),
        minutes_bytes(&whole.minutes(FIRST).expect("minutes")),
        "the meeting's minutes are whole without the rest"
    );
    store.complete(&mut first);
    assert!(!store.incomplete());
    assert_eq!(records_json(&first), records_json(&whole));
    assert!(first.action("a-old").is_some(), "found by its id again");
}

#[test]
fn the_forums_actions_are_kept_once_for_every_snapshot_not_in_each() {
    let (dir, _) = forum_with_actions();
    let mut store = Store::open(dir.path(), chair()).expect("open");
    store.load(&Load::Forum);
    store.load(&Load::All);
    store.wait_for_snapshot();
    let index = dir.path().join("index");
    for key in [format!("m-{FIRST}"), "forum".into(), "all".into()] {
        let snap = std::fs::read_to_string(index.join(format!("{key}.fold.json"))).expect(&key);
        assert!(
            !snap.contains("Ferdig i fjor"),
            "{key} holds the old action"
        );
        assert!(snap.contains("Fortsatt åpent"), "{key} lacks the open one");
    }
    let holding: Vec<PathBuf> = records_files(dir.path())
        .into_iter()
        .filter(|p| std::fs::read_to_string(p).is_ok_and(|t| t.contains("Ferdig i fjor")))
        .collect();
    assert_eq!(holding.len(), 1, "{holding:?}");
}

#[test]
fn without_its_records_file_or_with_a_planted_one_a_meeting_is_folded_from_its_logs() {
    let (dir, whole) = forum_with_actions();
    let records = records_files(dir.path()).pop().expect("a records file");
    let text = std::fs::read_to_string(&records).expect("records");
    // Planted by a sync in place of ours, with the old action's title changed.
    let planted = records.with_file_name("planted");
    std::fs::write(&planted, text.replace("Ferdig i fjor", "FORFALSKET")).expect("write");
    std::fs::rename(&planted, &records).expect("plant");
    let mut store = Store::open(dir.path(), chair()).expect("open");
    let mut first = store.load_first(&Load::Meeting(FIRST.into()));
    store.complete(&mut first);
    assert_eq!(records_json(&first), records_json(&whole));
    let doc = store.load(&Load::Meeting(FIRST.into()));
    assert_eq!(records_json(&doc), records_json(&whole));
    store.wait_for_snapshot();
    // Gone (another samrad keeps only the newest few).
    for path in records_files(dir.path()) {
        std::fs::remove_file(path).expect("remove");
    }
    let mut store = Store::open(dir.path(), chair()).expect("open");
    let mut first = store.load_first(&Load::Meeting(FIRST.into()));
    store.complete(&mut first);
    assert_eq!(records_json(&first), records_json(&whole));
    let mut store = Store::open(dir.path(), chair()).expect("open");
    let doc = store.load(&Load::Meeting(FIRST.into()));
    assert_eq!(records_json(&doc), records_json(&whole));
}
