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

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::Receiver;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use samrad::demo::Rng;
use samrad::model::{Author, Change, ItemField, ItemKind, ItemNumber, Stance};
use samrad::store::log::parse_log;
use samrad::store::op::{encode_lines, line_hash};
use samrad::store::{Load, Op, ProblemKind, Store, minutes_bytes};

const CHILD_ENV: &str = "SAMRAD_MULTI_CHILD";
const SLOT_ENV: &str = "SAMRAD_MULTI_SLOT";
const MEETING: &str = "m-2026-12-08-kontaktgruppen";
/// The three writers: (person, party).
const WRITERS: [(&str, &str); 3] = [("p-ntl", "ntl"), ("p-ys", "ys-stat"), ("p-unio", "unio")];
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
    let (person, party) = WRITERS[slot];
    let author = Author {
        name: format!("multi {person}"),
        person: Some(person.into()),
        party: Some(party.into()),
    };
    let mut out = std::io::stdout().lock();
    // The newline first ends the test harness's unfinished "test … " line.
    let _ = writeln!(out, "\nstarted");
    let _ = out.flush();
    let mut say = |line: String| {
        let _ = writeln!(out, "{line}");
        let _ = out.flush();
    };
    let mut store = match Store::open(Path::new(&dir), author) {
        Ok(s) => s,
        Err(e) => return say(format!("error open: {e}")),
    };
    let load = Load::Meeting(MEETING.into());
    let doc = store.load(&load);
    let Some(meeting) = doc.meeting(MEETING) else {
        return say("error: the seeded meeting is not there".into());
    };
    let mut items: Vec<String> = meeting.items.iter().map(|i| i.id.clone()).collect();
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
                    return say(format!("error: read_new_ops gave our own op {id}"));
                }
                if !seen.insert(id.clone()) {
                    return say(format!("error: read_new_ops gave {id} twice"));
                }
                if let Change::ItemAdd { item, .. } = &op.change {
                    items.push(item.clone());
                }
                say(format!("seen {id}"));
            }
        }
        let item = items[rng.below(items.len())].clone();
        let change = match n % 3 {
            1 => {
                let id = format!("mp-{writer}-{n}");
                items.push(id.clone());
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
                stance: Stance::ALL[rng.below(Stance::ALL.len())],
                reason: if n % 7 == 2 {
                    format!(
                        "Lang {writer} {n} {}",
                        "begrunnelse ".repeat(LONG_REASON / 12)
                    )
                } else {
                    format!("Begrunnelse {writer} {n}")
                },
            },
            _ => Change::ItemSet {
                meeting: MEETING.into(),
                item,
                set: ItemField::Notes(format!("Notat {writer} {n}")),
            },
        };
        match store.commit(change) {
            Ok(op) => say(format!("committed {}", op.id())),
            Err(e) => return say(format!("error commit: {e}")),
        }
    }
}

/// What one writer said before it died.
#[derive(Debug, Default)]
struct Report {
    committed: Vec<String>,
    seen: Vec<String>,
    errors: Vec<String>,
}

struct Running {
    child: Child,
    reader: JoinHandle<Report>,
    started: Receiver<()>,
}

fn spawn_writer(dir: &Path, slot: usize) -> Running {
    let exe = std::env::current_exe().expect("test binary path");
    let mut child = Command::new(exe)
        .args([
            "multi_process_child_writer",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, dir)
        .env(SLOT_ENV, slot.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn a writer");
    let stdout = child.stdout.take().expect("child stdout");
    let (tx, started) = std::sync::mpsc::channel::<()>();
    let reader = std::thread::spawn(move || {
        let mut report = Report::default();
        let mut r = BufReader::new(stdout);
        let mut line = Vec::new();
        loop {
            line.clear();
            match r.read_until(b'\n', &mut line) {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
            // A line cut off by the kill is not a claim.
            if line.last() != Some(&b'\n') {
                break;
            }
            let text = String::from_utf8_lossy(&line).trim_end().to_string();
            if text == "started" {
                let _ = tx.send(());
            } else if let Some(id) = text.strip_prefix("committed ") {
                report.committed.push(id.to_string());
            } else if let Some(id) = text.strip_prefix("seen ") {
                report.seen.push(id.to_string());
            } else if text.starts_with("error") {
                report.errors.push(text);
            }
        }
        report
    });
    Running {
        child,
        reader,
        started,
    }
}

/// `kill -9` the writer, and collect what it said.
fn kill_writer(mut w: Running) -> Report {
    let pid = w.child.id().to_string();
    let killed = Command::new("kill")
        .args(["-9", &pid])
        .status()
        .expect("run kill");
    let status = w.child.wait().expect("wait for the writer");
    let report = w.reader.join().expect("reader thread");
    assert!(
        report.errors.is_empty(),
        "a writer reported errors: {:?}",
        report.errors
    );
    assert!(
        killed.success() && !status.success(),
        "the writer should be killed while writing, not stop: kill {killed:?}, {status:?}"
    );
    report
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("read dir") {
        let p = e.expect("dir entry").path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
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
    let tmp = tempfile::tempdir().expect("temp dir");
    // Not created beforehand: the three first writers create and seed it at the same time.
    let dir = tmp.path().join("data");
    let mut rng = Rng::new(0x3_3A17_C0DE);
    let began = Instant::now();

    let mut running: Vec<Option<Running>> = (0..WRITERS.len())
        .map(|slot| Some(spawn_writer(&dir, slot)))
        .collect();
    let mut reports: Vec<Report> = Vec::new();
    for _ in 0..KILLS {
        std::thread::sleep(Duration::from_millis(80 + rng.below(400) as u64));
        let slot = rng.below(WRITERS.len());
        let w = running[slot].take().expect("a writer in each slot");
        reports.push(kill_writer(w));
        running[slot] = Some(spawn_writer(&dir, slot));
    }
    std::thread::sleep(Duration::from_millis(300));
    for slot in running.iter_mut() {
        let w = slot.take().expect("writer");
        let started = w.started.recv_timeout(Duration::from_secs(10)).is_ok();
        assert!(started, "the last writers did not start within 10 s");
        reports.push(kill_writer(w));
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
    let mut files = Vec::new();
    files_under(&dir.join("log"), &mut files);
    let mut torn = 0;
    let mut from_files: Vec<Op> = Vec::new();
    for path in files.iter().filter(|p| {
        p.file_name()
            .is_some_and(|n| samrad::store::layout::is_log_name(&n.to_string_lossy()))
    }) {
        let bytes = std::fs::read(path).expect("read log");
        let (ops, problems) = parse_log(path, &bytes);
        for p in &problems {
            assert_eq!(p.kind, ProblemKind::TornTail, "{}: {p:?}", path.display());
            torn += 1;
        }
        let stem = path
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        let mut prev = String::new();
        for (i, op) in ops.iter().enumerate() {
            assert_eq!(
                op.prev,
                prev,
                "{}:{}: broken hash chain",
                path.display(),
                i + 1
            );
            prev = line_hash(op.encode().as_bytes());
            assert_eq!(op.writer, stem, "{}:{}: writer", path.display(), i + 1);
            if stem != "template" {
                assert_eq!(op.seq, i as u64 + 1, "{}:{}: seq", path.display(), i + 1);
            }
        }
        // The complete lines are the ops, byte for byte.
        let whole = encode_lines(&ops);
        assert_eq!(&bytes[..whole.len()], &whole[..], "{}", path.display());
        from_files.extend(ops);
    }
    assert!(
        torn <= KILLS + WRITERS.len(),
        "{torn} torn tails after {} kills",
        KILLS + WRITERS.len()
    );

    // Two separate opens see the same thing, byte for byte.
    let (first, ops, store) = fresh_minutes(&dir);
    let bad: Vec<_> = store
        .problems
        .iter()
        .filter(|p| p.kind != ProblemKind::TornTail)
        .collect();
    assert!(
        bad.is_empty(),
        "problems other than cut-off last lines: {bad:#?}"
    );
    drop(store);
    let (second, _, _) = fresh_minutes(&dir);
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
    let present: BTreeSet<String> = ops.iter().map(Op::id).collect();
    let lost: Vec<&&String> = committed
        .iter()
        .filter(|id| !present.contains(**id))
        .collect();
    assert!(
        lost.is_empty(),
        "{} of {} committed ops are lost: {lost:?}",
        lost.len(),
        committed.len()
    );
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
