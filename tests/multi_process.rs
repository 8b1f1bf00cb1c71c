//! Three samrad processes writing to one data folder at once, each killed with `kill -9`
//! at pseudo-random moments and started again, several times. Afterwards the folder holds
//! every op any of them said was committed, every log still parses (only a cut-off last
//! line is allowed), and two fresh opens fold it to byte-identical minutes.
//!
//! The writers are this same test binary, run with a filter that selects
//! `multi_process_child_writer` and `SAMRAD_MULTI_CHILD` set to the data folder (and
//! `SAMRAD_MULTI_SLOT` to which of three parties it writes for); without that variable the
//! child test does nothing. A writer commits new items, positions and notes to the seeded
//! meeting, says `committed <op id>` after each durable commit, and every few commits reads
//! what the others appended (`read_new_ops`), saying `seen <op id>` for each op it got, so
//! that it can write positions and notes on the others' items too.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use common::TEMPLATE_MEETING as MEETING;
use common::authors::{chair, referent, rep};
use common::child::{Report, Running, Say, assert_none_lost, assert_only_torn_tails};
use common::files::{check_log, files_under};
use common::sandbox::Sandbox;
use samrad::demo::Rng;
use samrad::model::{Author, Change, ItemField, ItemKind, ItemNumber, Stance};
use samrad::store::{Load, Op, Store, minutes_bytes};

const CHILD_ENV: &str = "SAMRAD_MULTI_CHILD";
const SLOT_ENV: &str = "SAMRAD_MULTI_SLOT";
/// The parties of the three writers.
/// The writers: who they are, and the party whose positions they record (the chair for
/// KMD, the minute-taker for a party that is not present, NTL's rep for NTL).
const WRITERS: [(&str, &str); 3] = [("chair", "kmd"), ("referent", "jf"), ("ntl", "ntl")];
/// Kills, each followed by a restart of that writer; the last three writers are killed too.
const KILLS: usize = 12;
/// A writer that is never killed stops by itself after this long.
const CHILD_LIMIT: Duration = Duration::from_secs(20);
/// Bytes in the reason of every seventh position: a long line, so that a kill can land in
/// the middle of its write.
const LONG_REASON: usize = 64 * 1024;

/// The child: commit to the seeded meeting until killed. Returns at once unless
/// `SAMRAD_MULTI_CHILD` names a data folder.
#[test]
fn multi_process_child_writer() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let slot: usize = std::env::var(SLOT_ENV)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
        % WRITERS.len();
    let (who, party) = WRITERS[slot];
    let author = match who {
        "chair" => chair(),
        "referent" => referent(),
        rep_of => rep(rep_of),
    };
    // Only the chair and the minute-taker add items and write notes.
    let runs_meeting = who != "ntl";
    let mut say = Say::started();
    let Some(mut store) = say.open(Path::new(&dir), author) else {
        return;
    };
    let load = Load::Meeting(MEETING.into());
    let doc = store.load(&load);
    let Some(meeting) = doc.meeting(MEETING) else {
        return say.line("error: the seeded meeting is not there");
    };
    // Each item with its kind: a position takes a stance that fits it.
    let mut items: Vec<(String, ItemKind)> = meeting
        .items
        .iter()
        .map(|i| (i.id.clone(), i.kind))
        .collect();
    let writer = store.writer_id().to_string();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut rng = Rng::new(
        writer
            .bytes()
            .fold(0xC0FF_EE00_u64, |h, b| h.rotate_left(5) ^ u64::from(b)),
    );
    let started = Instant::now();
    let mut n: u32 = 0;
    while started.elapsed() < CHILD_LIMIT {
        n += 1;
        if n.is_multiple_of(4) {
            for op in store.read_new_ops(&load) {
                let id = op.id();
                if op.writer == writer {
                    return say.line(&format!("error: read_new_ops gave our own op {id}"));
                }
                if !seen.insert(id.clone()) {
                    return say.line(&format!("error: read_new_ops gave {id} twice"));
                }
                if let Change::ItemAdd { item, kind, .. } = &op.change {
                    items.push((item.clone(), *kind));
                }
                say.line(&format!("seen {id}"));
            }
        }
        let (item, kind) = items[rng.below(items.len())].clone();
        let fitting = Stance::fitting(kind);
        let change = match n % 3 {
            _ if !runs_meeting => Change::Position {
                meeting: MEETING.into(),
                item,
                party: party.into(),
                stance: fitting[rng.below(fitting.len())],
                reason: format!("Begrunnelse {writer} {n}"),
                base: None,
            },
            1 => {
                let id = format!("mp-{writer}-{n}");
                items.push((id.clone(), ItemKind::ALL[n as usize % ItemKind::ALL.len()]));
                Change::ItemAdd {
                    meeting: MEETING.into(),
                    item: id,
                    number: ItemNumber {
                        n: 1000 + n,
                        year: 2026,
                    },
                    title: format!("Sak fra {writer} nr {n}"),
                    kind: ItemKind::ALL[n as usize % ItemKind::ALL.len()],
                    rank: 200_000 + i64::from(n),
                }
            }
            2 => Change::Position {
                meeting: MEETING.into(),
                item,
                party: party.into(),
                stance: fitting[rng.below(fitting.len())],
                reason: if n % 7 == 2 {
                    format!(
                        "Lang {writer} {n} {}",
                        "begrunnelse ".repeat(LONG_REASON / 12)
                    )
                } else {
                    format!("Begrunnelse {writer} {n}")
                },
                base: None,
            },
            _ => Change::ItemSet {
                meeting: MEETING.into(),
                item,
                set: ItemField::Notes(format!("Notat {writer} {n}")),
            },
        };
        if !say.commit(&mut store, change) {
            return;
        }
    }
}

fn spawn_writer(dir: &Path, slot: usize) -> Running {
    let slot = slot.to_string();
    Running::spawn(
        "multi_process_child_writer",
        &[(CHILD_ENV, dir.as_os_str()), (SLOT_ENV, slot.as_ref())],
    )
}

/// Open the folder afresh and fold everything: the minutes of every meeting, as bytes.
fn fresh_minutes(dir: &Path) -> (BTreeMap<String, Vec<u8>>, Vec<Op>, Store) {
    let mut store = Store::open(dir, Author::default()).expect("open");
    let doc = store.load(&Load::All);
    let minutes = doc
        .meetings
        .iter()
        .map(|m| {
            let bytes = minutes_bytes(&doc.minutes(&m.id).expect("minutes"));
            (m.id.clone(), bytes)
        })
        .collect();
    let ops = store.read_ops(&Load::All);
    (minutes, ops, store)
}

#[test]
fn three_writers_killed_and_restarted_converge() {
    // The data folder is not created beforehand: the three first writers create and seed
    // it at the same time.
    let sb = Sandbox::new();
    let mut rng = Rng::new(0x3_3A17_C0DE);
    let began = Instant::now();

    let mut running: Vec<Option<Running>> = (0..WRITERS.len())
        .map(|slot| Some(spawn_writer(&sb.data, slot)))
        .collect();
    let mut reports: Vec<Report> = Vec::new();
    for _ in 0..KILLS {
        std::thread::sleep(Duration::from_millis(80 + rng.below(400) as u64));
        let slot = rng.below(WRITERS.len());
        let w = running[slot].take().expect("a writer in each slot");
        reports.push(w.kill());
        running[slot] = Some(spawn_writer(&sb.data, slot));
    }
    std::thread::sleep(Duration::from_millis(300));
    for slot in running.iter_mut() {
        let w = slot.take().expect("writer");
        let started = w.started_within(Duration::from_secs(10));
        assert!(started, "the last writers did not start within 10 s");
        reports.push(w.kill());
    }
    let writing = began.elapsed();

    let committed: Vec<&String> = reports.iter().flat_map(|r| &r.committed).collect();
    let seen: Vec<&String> = reports.iter().flat_map(|r| &r.seen).collect();
    let writers_that_wrote = reports.iter().filter(|r| !r.committed.is_empty()).count();
    assert!(
        committed.len() >= 30 && writers_that_wrote >= 5,
        "the writers committed almost nothing ({} ops by {writers_that_wrote} writers); the test proves nothing",
        committed.len()
    );
    assert!(
        !seen.is_empty(),
        "no writer ever read another's op while running; the test proves nothing"
    );
    let unique: BTreeSet<&String> = committed.iter().copied().collect();
    assert_eq!(unique.len(), committed.len(), "an op id was reported twice");

    // Every log parses: each complete line a valid op chained to the line before, with
    // seqs 1, 2, 3… of the writer the file is named after; only a cut-off last line may
    // be missing.
    let mut torn = 0;
    let mut from_files: Vec<Op> = Vec::new();
    for path in files_under(&sb.data.join("log")).iter().filter(|p| {
        p.file_name()
            .is_some_and(|n| samrad::store::layout::is_log_name(&n.to_string_lossy()))
    }) {
        let log = check_log(path);
        torn += log.torn_tails;
        from_files.extend(log.ops);
    }
    assert!(
        torn <= KILLS + WRITERS.len(),
        "{torn} torn tails after {} kills",
        KILLS + WRITERS.len()
    );

    // Two separate opens see the same thing, byte for byte.
    let (first, ops, store) = fresh_minutes(&sb.data);
    assert_only_torn_tails(&store);
    drop(store);
    let (second, _, _) = fresh_minutes(&sb.data);
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (id, bytes) in &first {
        assert!(
            bytes == &second[id],
            "the minutes of {id} differ between two opens"
        );
    }
    let folded = samrad::store::fold::fold(from_files);
    assert!(
        minutes_bytes(&folded.minutes(MEETING).expect("meeting")) == first[MEETING],
        "the store's fold differs from the fold of the parsed files"
    );

    // Every committed op is there, and every op a writer saw another write is too.
    assert_none_lost(&committed, &ops);
    let present: BTreeSet<String> = ops.iter().map(Op::id).collect();
    let phantom: Vec<&&String> = seen.iter().filter(|id| !present.contains(**id)).collect();
    assert!(
        phantom.is_empty(),
        "writers saw ops that are not there: {phantom:?}"
    );

    // The fold has them: every committed item and position, and each item's notes are the
    // last written by clock.
    let doc = samrad::store::fold::fold(ops.clone());
    let meeting = doc.meeting(MEETING).expect("the seeded meeting");
    let by_id: BTreeMap<String, &Op> = ops.iter().map(|o| (o.id(), o)).collect();
    for id in &committed {
        match &by_id[id.as_str()].change {
            Change::ItemAdd { item, .. } => {
                assert!(
                    meeting.item(item).is_some(),
                    "item {item} ({id}) is not in the meeting"
                )
            }
            Change::Position { item, reason, .. } => {
                let it = meeting.item(item).expect("the position's item");
                assert!(
                    it.positions.iter().any(|p| &p.reason == reason),
                    "position {id} lost"
                );
            }
            _ => {}
        }
    }
    let mut last_notes: BTreeMap<&str, &Op> = BTreeMap::new();
    for op in &ops {
        if let Change::ItemSet {
            item,
            set: ItemField::Notes(_),
            ..
        } = &op.change
        {
            let slot = last_notes.entry(item).or_insert(op);
            if op.order_key() > slot.order_key() {
                *slot = op;
            }
        }
    }
    for (item, op) in last_notes {
        let Change::ItemSet {
            set: ItemField::Notes(text),
            ..
        } = &op.change
        else {
            unreachable!()
        };
        assert_eq!(
            &meeting.item(item).expect("item").notes,
            text,
            "notes of {item}"
        );
    }

    eprintln!(
        "multi_process: {} kills, {} writers, {} ops committed, {} seen live, {torn} torn tails; writing {writing:?}, total {:?}",
        KILLS + WRITERS.len(),
        reports.len(),
        committed.len(),
        seen.len(),
        began.elapsed()
    );
}

/// `read_new_ops` gives each op once. A log whose last line is complete but for its newline
/// (a writer killed between the two, or a sync tool that copied the file mid-append) gives
/// that op on the load; once the newline is there, the next `read_new_ops` must not give
/// it again.
#[test]
fn read_new_ops_gives_a_line_without_its_newline_once() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    // Seed the folder, then write another writer's meeting log by hand.
    let mut other = Store::open(dir, Author::default()).expect("open");
    let op = other
        .stamp(Change::ItemSet {
            meeting: MEETING.into(),
            item: "s-2026-1".into(),
            set: ItemField::Notes("uten linjeskift".into()),
        })
        .expect("stamp");
    let path = dir
        .join("log")
        .join(MEETING)
        .join(format!("{}.jsonl", op.writer));
    let line = op.encode();
    std::fs::write(&path, line.as_bytes()).expect("write without newline");

    let mut store = Store::open(dir, Author::default()).expect("open");
    let load = Load::Meeting(MEETING.into());
    let first: Vec<String> = store.read_ops(&load).iter().map(Op::id).collect();
    let got_on_load = first.contains(&op.id());
    // The writer's newline arrives.
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .expect("open log");
    f.write_all(b"\n").expect("newline");
    drop(f);
    let again: Vec<String> = store.read_new_ops(&load).iter().map(Op::id).collect();
    assert!(
        got_on_load ^ again.contains(&op.id()),
        "op {} given on load: {got_on_load}, by read_new_ops after its newline: {again:?}",
        op.id()
    );
}
