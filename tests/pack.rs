//! `samrad pack` (issue 15, lean files): the logs of a quiet meeting go into one compressed
//! file, and nothing a user sees changes: the minutes, `verify`, every line and every check
//! of who wrote it. A meeting a samrad is writing in, or written in lately, is left alone; a
//! pack forged or broken by another machine is named and refused as a log would be; a
//! meeting written in after it was packed reads its pack and its new logs; this machine's
//! journal does not unpack what was packed; and `samrad sync` sends the pack and the removal
//! of the logs it holds.

mod common;

use std::path::{Path, PathBuf};

use common::TEMPLATE_MEETING as MEETING;
use common::authors::{chair, ntl, rep};
use common::git::git_or_skip;
use common::sandbox::{Run, Sandbox};
use common::seats::{Seat, Ticks, approved_by_all, founded, held_and_circulated};
use samrad::model::{MeetingStatus, Scope};
use samrad::store::pack::{self, Section};
use samrad::store::packing;
use samrad::store::{CatchUp, Load, ProblemKind, Store};

const EN: &str = "en_GB.UTF-8";

/// A secured forum whose template meeting was held, sent round and approved by the chair,
/// NTL and Unio, each from a terminal of their own; their terminals still open.
fn approved(sb: &Sandbox) -> Vec<Seat> {
    let (chair, reps) = approved_by_all(&sb.data);
    let mut seats = vec![chair];
    seats.extend(reps);
    seats
}

fn meeting_dir(sb: &Sandbox) -> PathBuf {
    sb.data.join("log").join(MEETING)
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

fn the_pack(sb: &Sandbox) -> PathBuf {
    let packs: Vec<String> = names_in(&meeting_dir(sb))
        .into_iter()
        .filter(|n| pack::is_pack_name(n))
        .collect();
    assert_eq!(packs.len(), 1, "{packs:?}");
    meeting_dir(sb).join(&packs[0])
}

fn run(sb: &Sandbox, args: &[&str]) -> Run {
    sb.run_lang(EN, args)
}

/// Every line of the meeting's logs as a fresh reader reads it: writer, number, hash.
fn lines(sb: &Sandbox) -> Vec<(String, u64, [u8; 32])> {
    let mut store = Store::open(&sb.data, chair()).expect("open");
    store.assume_now(common::at(common::READER_NOW));
    let mut out: Vec<_> = store
        .read_ops(&Load::Meeting(MEETING.into()))
        .into_iter()
        .filter(|o| o.change.scope() == Scope::Meeting(MEETING.into()))
        .map(|o| (o.writer.clone(), o.seq, o.digest))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// A fresh reader's problems with the meeting's logs.
fn problems(sb: &Sandbox) -> Vec<samrad::store::Problem> {
    let mut store = Store::open(&sb.data, chair()).expect("open");
    store.assume_now(common::at(common::READER_NOW));
    store.load(&Load::Meeting(MEETING.into()));
    store.problems.clone()
}

fn status(sb: &Sandbox) -> MeetingStatus {
    let mut store = Store::open(&sb.data, chair()).expect("open");
    store.assume_now(common::at(common::READER_NOW));
    let doc = store.load(&Load::Meeting(MEETING.into()));
    doc.meeting(MEETING).expect("the meeting").status
}

#[test]
fn packing_a_quiet_meeting_keeps_every_line_and_the_record_reads_the_same() {
    let sb = Sandbox::new();
    drop(approved(&sb));
    let logs_before = names_in(&meeting_dir(&sb));
    assert!(logs_before.len() >= 3, "{logs_before:?}");
    let shown = run(&sb, &["show", MEETING, "--include-confidential"])
        .ok()
        .to_string();
    let verified = run(&sb, &["verify", "--all"]).ok().to_string();
    let before = lines(&sb);

    let out = run(&sb, &["pack", "--days", "0"]).ok().to_string();
    assert!(out.contains("Meetings packed: 1"), "{out}");

    let pack = the_pack(&sb);
    assert_eq!(
        names_in(&meeting_dir(&sb)),
        vec![pack.file_name().unwrap().to_string_lossy().into_owned()],
        "the logs were removed, the pack is all that is left"
    );
    let sections = packing::read(&pack).expect("the pack reads");
    let names: Vec<&str> = sections.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, logs_before, "one section for each log, by name");
    assert_eq!(lines(&sb), before, "every line, byte for byte");
    assert_eq!(status(&sb), MeetingStatus::Approved);
    assert_eq!(
        run(&sb, &["show", MEETING, "--include-confidential"]).ok(),
        shown
    );
    assert_eq!(run(&sb, &["verify", "--all"]).ok(), verified);
    assert!(problems(&sb).is_empty(), "{:?}", problems(&sb));

    // Packing again finds nothing to do.
    let again = run(&sb, &["pack", "--days", "0"]).ok().to_string();
    assert!(
        again.contains("Nothing to pack") && again.contains("Packed before: 1"),
        "{again}"
    );
}

#[test]
fn a_meeting_with_a_samrad_writing_or_a_recent_line_is_left_alone() {
    let sb = Sandbox::new();
    let seats = approved(&sb);
    let before = names_in(&meeting_dir(&sb));
    let out = run(&sb, &["pack", "--days", "0"]).ok().to_string();
    assert!(
        out.contains("Nothing to pack") && out.contains("a running samrad is writing: 1"),
        "{out}"
    );
    assert_eq!(names_in(&meeting_dir(&sb)), before);
    drop(seats);

    // The test's meeting and lines are of December 2026, and `SAMRAD_NOW` is 2032: ten
    // years back reaches them.
    let out = run(&sb, &["pack", "--days", "3650"]).ok().to_string();
    assert!(
        out.contains("within the last 3650 days, or still to be held: 1"),
        "{out}"
    );
    assert_eq!(names_in(&meeting_dir(&sb)), before);
}

#[test]
fn a_conflict_copy_keeps_its_meeting_unpacked_until_a_person_looks() {
    let sb = Sandbox::new();
    drop(approved(&sb));
    let dir = meeting_dir(&sb);
    let log = dir.join(&names_in(&dir)[0]);
    let copy = dir.join("w1.sync-conflict-20261208-120000-ABCDEFG.jsonl");
    std::fs::copy(&log, &copy).expect("copy");
    let before = names_in(&dir);
    let run = run(&sb, &["pack", "--days", "0"]);
    assert!(
        run.stderr.contains(MEETING) && run.stderr.contains("sync-conflict"),
        "{}",
        run.describe()
    );
    assert_eq!(names_in(&dir), before);
}

/// The pack rewritten with `change` made to its sections (as a hostile or broken machine
/// could), under its own name.
fn forge(sb: &Sandbox, change: impl FnOnce(&mut Vec<Section>)) -> PathBuf {
    let old = the_pack(sb);
    let mut sections = packing::read(&old).expect("the pack reads");
    change(&mut sections);
    let (name, bytes) = pack::encode(&sections);
    std::fs::remove_file(&old).expect("remove");
    let path = meeting_dir(sb).join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

#[test]
fn a_line_put_into_another_writers_section_is_refused_and_named() {
    let sb = Sandbox::new();
    let seats = approved(&sb);
    let chair_writer = seats[0].store.writer_id().to_string();
    let ntl_writer = seats[1].store.writer_id().to_string();
    drop(seats);
    run(&sb, &["pack", "--days", "0"]).ok();
    // The chair's first line, copied into NTL's log, as if NTL had written it.
    let pack = forge(&sb, |sections| {
        let first_line = {
            let chair = sections
                .iter()
                .find(|s| s.writer() == chair_writer)
                .expect("the chair's log");
            let end = chair
                .bytes
                .iter()
                .position(|b| *b == b'\n')
                .expect("a line");
            chair.bytes[..=end].to_vec()
        };
        let ntl = sections
            .iter_mut()
            .find(|s| s.writer() == ntl_writer)
            .expect("NTL's log");
        ntl.bytes.extend(first_line);
    });
    let section = pack.join(format!("{ntl_writer}.jsonl"));
    let found = problems(&sb);
    assert!(
        found.iter().any(|p| p.path == section
            && matches!(&p.kind, ProblemKind::OtherWriter(w) if *w == chair_writer)),
        "{found:?}"
    );
    assert_eq!(status(&sb), MeetingStatus::Approved, "the record stands");
    let verify = run(&sb, &["verify", "--all"]);
    let shown = format!(
        "{}/{ntl_writer}.jsonl",
        pack.file_name().unwrap().to_string_lossy()
    );
    verify.says(1, &[&shown]);
}

#[test]
fn a_pack_whose_line_forks_from_the_log_beside_it_is_told() {
    let sb = Sandbox::new();
    let seats = approved(&sb);
    let chair_writer = seats[0].store.writer_id().to_string();
    drop(seats);
    let log_name = format!("{chair_writer}.jsonl");
    let log = meeting_dir(&sb).join(&log_name);
    let kept = std::fs::read(&log).expect("the chair's log");
    run(&sb, &["pack", "--days", "0"]).ok();
    // As after a crash between writing the pack and removing the logs: the log is back
    // beside the pack. And a machine changed the pack's copy of its last line.
    std::fs::write(&log, &kept).expect("put the log back");
    let pack = forge(&sb, |sections| {
        let s = sections
            .iter_mut()
            .find(|s| s.name == log_name)
            .expect("the chair's section");
        let text = String::from_utf8(s.bytes.clone()).expect("text");
        let mut lines: Vec<&str> = text.lines().collect();
        let last = lines.pop().expect("a line").replace("\"seq\"", "\"seq\" ");
        lines.push(&last);
        s.bytes = format!("{}\n", lines.join("\n")).into_bytes();
    });
    let section = pack.join(&log_name);
    let found = problems(&sb);
    assert!(
        found.iter().any(|p| p.path == section
            && matches!(&p.kind, ProblemKind::Fork { log: l, .. } if *l == log)),
        "{found:?}"
    );
    run(&sb, &["verify", "--all"]).says(1, &[&log_name]);
}

#[test]
fn a_pack_that_cannot_be_read_is_named_and_left_as_it_is() {
    let sb = Sandbox::new();
    drop(approved(&sb));
    run(&sb, &["pack", "--days", "0"]).ok();
    let pack = the_pack(&sb);
    let bytes = std::fs::read(&pack).expect("read");
    let cut = &bytes[..bytes.len() / 2];
    std::fs::write(&pack, cut).expect("cut the pack short");

    let name = pack.file_name().unwrap().to_string_lossy().into_owned();
    let show = run(&sb, &["show", MEETING]);
    assert!(
        show.stderr.contains(&name) && show.stderr.contains("pack of logs that cannot be read"),
        "{}",
        show.describe()
    );
    run(&sb, &["verify", "--all"]).says(1, &[&name]);
    // Packing again does not take it for a pack it can build on, nor remove it.
    let again = run(&sb, &["pack", "--days", "0"]);
    assert_eq!(
        std::fs::read(&pack).expect("read"),
        cut,
        "{}",
        again.describe()
    );
}

#[test]
fn a_meeting_written_in_after_it_was_packed_reads_both_and_packs_again_into_one() {
    let sb = Sandbox::new();
    let mut clock = Ticks::default();
    let (mut chair_seat, mut reps) = founded(&sb.data, &mut clock, &[ntl(), rep("unio")]);
    held_and_circulated(&mut chair_seat, &mut clock, &["p-leder", "p-ntl", "p-unio"]);
    chair_seat.approve(&mut clock, "kmd");
    reps[0].approve(&mut clock, "ntl");
    let unio_key = reps[1].key.clone();
    drop((chair_seat, reps));
    run(&sb, &["pack", "--days", "0"]).ok();
    let first = the_pack(&sb);
    assert_eq!(status(&sb), MeetingStatus::Circulated);

    // Unio approves later, from a new terminal: a new log beside the pack.
    let mut unio = Seat::with_key(&sb.data, rep("unio"), unio_key);
    unio.approve(&mut clock, "unio");
    drop(unio);
    let names = names_in(&meeting_dir(&sb));
    assert_eq!(names.len(), 2, "{names:?}");
    assert_eq!(status(&sb), MeetingStatus::Approved);
    let before = lines(&sb);

    run(&sb, &["pack", "--days", "0"]).ok();
    let second = the_pack(&sb);
    assert_ne!(first, second);
    assert_eq!(names_in(&meeting_dir(&sb)).len(), 1);
    assert_eq!(lines(&sb), before);
    assert_eq!(status(&sb), MeetingStatus::Approved);
}

#[test]
fn this_machines_journal_does_not_unpack_what_was_packed() {
    let sb = Sandbox::new();
    drop(approved(&sb));
    assert!(sb.data.join("local").join("journal").join(MEETING).is_dir());
    run(&sb, &["pack", "--days", "0"]).ok();
    let packed = names_in(&meeting_dir(&sb));
    // A start puts back from the journal what a sync took from this machine's logs.
    let found = problems(&sb);
    assert!(
        !found
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::Restored { .. })),
        "{found:?}"
    );
    assert_eq!(names_in(&meeting_dir(&sb)), packed);

    // A pack that lost lines this machine wrote does not hide them: they are put back.
    let mut journal_writers = names_in(&sb.data.join("local").join("journal").join(MEETING));
    let cut_writer = journal_writers.remove(0);
    forge(&sb, |sections| sections.retain(|s| s.name != cut_writer));
    let found = problems(&sb);
    assert!(
        found.iter().any(
            |p| matches!(p.kind, ProblemKind::Restored { .. }) && p.path.ends_with(&cut_writer)
        ),
        "{found:?}"
    );
    assert!(meeting_dir(&sb).join(&cut_writer).is_file());
}

#[test]
fn a_pack_made_on_another_machine_is_read_by_list_show_search_and_verify() {
    let sb = Sandbox::new();
    drop(approved(&sb));
    let commands: [&[&str]; 5] = [
        &["list"],
        &["show", MEETING],
        &["search", "drøftet"],
        &["actions"],
        &["verify", "--all"],
    ];
    let before: Vec<String> = commands
        .iter()
        .map(|c| run(&sb, c).ok().to_string())
        .collect();
    assert!(
        before[2].contains("Partene drøftet saken"),
        "the search finds the notes: {}",
        before[2]
    );

    // Another machine packed the meeting; a sync brought its pack and took the logs away,
    // behind the back of this folder's index.
    let elsewhere = sb.home().join("elsewhere");
    for (path, bytes) in common::files::contents(&sb.data.join("log")) {
        let to = elsewhere.join("log").join(path);
        std::fs::create_dir_all(to.parent().expect("a folder")).expect("mkdir");
        std::fs::write(to, bytes).expect("copy");
    }
    let layout = samrad::store::Layout::new(&elsewhere);
    let packed = packing::pack_meeting(&layout, MEETING, i64::MAX, 0).expect("pack");
    assert!(matches!(packed, packing::Packed::Done { .. }), "{packed:?}");
    for name in names_in(&meeting_dir(&sb)) {
        std::fs::remove_file(meeting_dir(&sb).join(name)).expect("remove");
    }
    let there = elsewhere.join("log").join(MEETING);
    for name in names_in(&there) {
        std::fs::copy(there.join(&name), meeting_dir(&sb).join(&name)).expect("copy");
    }

    for (command, was) in commands.iter().zip(&before) {
        assert_eq!(run(&sb, command).ok(), was, "{command:?}");
    }
}

#[test]
fn sync_sends_the_pack_and_the_removal_of_the_logs_it_holds() {
    if !git_or_skip("sync_sends_the_pack_and_the_removal_of_the_logs_it_holds") {
        return;
    }
    let sb = Sandbox::new();
    drop(approved(&sb));
    let origin = sb.home().join("origin.git");
    common::git::git_ok(sb.home(), &["init", "-q", "--bare", "origin.git"]);
    let origin = origin.display().to_string();
    run(&sb, &["sync", "init", &origin]).ok();
    let other = sb.home().join("other");
    sb.run_in(&other, EN, &["sync", "--clone", &origin]).ok();
    let shown = run(&sb, &["show", MEETING]).ok().to_string();

    run(&sb, &["pack", "--days", "0"]).ok();
    let out = run(&sb, &["sync"]).ok().to_string();
    assert!(out.contains("sent 0 new lines"), "{out}");
    let out = sb.run_in(&other, EN, &["sync"]).ok().to_string();
    assert!(out.contains("received 0"), "{out}");
    let there = other.join("log").join(MEETING);
    assert_eq!(names_in(&there), names_in(&meeting_dir(&sb)));
    assert!(pack::is_pack_name(&names_in(&there)[0]));
    assert_eq!(sb.run_in(&other, EN, &["show", MEETING]).ok(), shown);
}

#[test]
fn a_terminal_showing_a_meeting_sees_no_new_changes_when_it_is_packed() {
    // The pack holds the lines its logs held: a terminal that read them must not announce
    // them again as changes that came in ("100 changes from …").
    let sb = Sandbox::new();
    drop(approved(&sb));
    let mut shown = Store::open(&sb.data, chair()).expect("open");
    shown.assume_now(common::at(common::READER_NOW));
    let load = Load::Meeting(MEETING.into());
    let newest = shown
        .read_ops(&load)
        .iter()
        .map(|o| o.clock)
        .max()
        .expect("ops");
    let layout = samrad::store::Layout::new(&sb.data);
    let packed = packing::pack_meeting(&layout, MEETING, i64::MAX, 0).expect("pack");
    assert!(matches!(packed, packing::Packed::Done { .. }), "{packed:?}");
    let came_in = shown.catch_up(&load, newest);
    assert!(matches!(came_in, CatchUp::Nothing), "{came_in:?}");
}

#[test]
fn packing_leaves_the_mtime_of_log_alone() {
    // The quick freshness check lists `log/` only when its mtime moved: a probe made there
    // would make every command after a pack list 10,000 folders.
    let sb = Sandbox::new();
    drop(approved(&sb));
    let mtime = || {
        std::fs::metadata(sb.data.join("log"))
            .and_then(|m| m.modified())
            .expect("the mtime of log/")
    };
    let before = mtime();
    std::thread::sleep(std::time::Duration::from_millis(20));
    run(&sb, &["pack", "--days", "0"]).ok();
    run(&sb, &["pack", "--days", "0"]).ok();
    assert_eq!(mtime(), before);
}
