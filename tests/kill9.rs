//! Kill -9 while writing: a child process commits ops to the store and is killed with
//! SIGKILL at a pseudo-random moment, 20 times on one data folder. Every op the child said
//! was committed must be there afterwards, and every file must still load.
//!
//! The child is this same test binary, run with a filter that selects `kill9_child_writer`
//! and `SAMRAD_KILL9_CHILD` set to the data folder; without that variable the child test
//! does nothing.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::{Duration, Instant};

use common::TEMPLATE_MEETING as MEETING;
use common::authors::chair;
use common::child::{Report, Running, Say, assert_none_lost, assert_only_torn_tails};
use common::files::{check_log, files_under};
use common::sandbox::Sandbox;
use samrad::demo::Rng;
use samrad::model::{Author, Change, ItemKind, ItemNumber, Stance};
use samrad::store::{Load, Store};

const CHILD_ENV: &str = "SAMRAD_KILL9_CHILD";
const RUNS: u64 = 20;
/// Bytes in every fourth op's reason.
const LONG_REASON: usize = 256 * 1024;
/// A child that is never killed stops by itself after this long.
const CHILD_LIMIT: Duration = Duration::from_secs(10);

/// The child: commit changes to the seeded meeting until killed, saying which are
/// committed. Returns at once unless `SAMRAD_KILL9_CHILD` names a data folder.
#[test]
fn kill9_child_writer() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    // The parent's clock starts here, so that the kill lands in the store's work and not
    // in process start-up, however slow the machine.
    let mut say = Say::started();
    let Some(mut store) = say.open(Path::new(&dir), chair()) else {
        return;
    };
    let writer = store.writer_id().to_string();
    let started = Instant::now();
    let mut n: u32 = 0;
    while started.elapsed() < CHILD_LIMIT {
        n += 1;
        let item = format!("k-{writer}-{n}");
        let change = if n % 2 == 1 {
            Change::ItemAdd {
                meeting: MEETING.into(),
                item,
                number: ItemNumber {
                    n: 100 + n,
                    year: 2026,
                },
                title: format!("Kill-9 sak {writer} {n}"),
                kind: ItemKind::ALL[(n as usize / 2) % ItemKind::ALL.len()],
                rank: 100_000 + i64::from(n),
            }
        } else {
            // KMD's position on the item added just before.
            Change::Position {
                meeting: MEETING.into(),
                item: format!("k-{writer}-{}", n - 1),
                party: "kmd".into(),
                // One that fits the kind the item was added with (`Stance::fitting`).
                stance: Stance::fitting(ItemKind::ALL[(n as usize / 2) % ItemKind::ALL.len()])[0],
                reason: if n.is_multiple_of(4) {
                    // A long line: a kill in the middle of its write() leaves a cut-off
                    // last line, which must be reported as such and nothing worse.
                    format!(
                        "Begrunnelse {writer} {n} {}",
                        "lang tekst ".repeat(LONG_REASON / 11)
                    )
                } else {
                    format!("Begrunnelse {writer} {n}")
                },
                base: None,
            }
        };
        if !say.commit(&mut store, change) {
            return;
        }
    }
}

/// Run one child on `dir`, kill it `delay` after it starts, and collect what it reported.
fn run_child(dir: &Path, delay: Duration) -> Report {
    let child = Running::spawn("kill9_child_writer", &[(CHILD_ENV, dir.as_os_str())]);
    let started = child.started_within(Duration::from_secs(10));
    std::thread::sleep(delay);
    let report = child.kill();
    assert!(started, "the child writer did not start within 10 s");
    report
}

#[test]
fn kill9_while_writing_loses_no_committed_op() {
    let sb = Sandbox::new();
    let mut rng = Rng::new(0x5A34_AD09);
    let started = Instant::now();

    let mut committed: Vec<String> = Vec::new();
    let mut runs_that_wrote = 0;
    for _ in 0..RUNS {
        let delay = Duration::from_millis(5 + rng.below(76) as u64);
        let report = run_child(&sb.data, delay);
        if !report.committed.is_empty() {
            runs_that_wrote += 1;
        }
        committed.extend(report.committed);
    }
    assert!(
        runs_that_wrote >= 1 && committed.len() >= 5,
        "the children committed almost nothing ({} ops in {runs_that_wrote} runs); the test proves nothing",
        committed.len()
    );
    let unique: BTreeSet<&String> = committed.iter().collect();
    assert_eq!(unique.len(), committed.len(), "an op id was reported twice");

    // Every file still loads: each complete line of a log is a valid op, chained to the
    // line before; only a cut-off last line may be missing.
    let mut torn_files = 0;
    let mut logs_per_writer: BTreeMap<String, usize> = BTreeMap::new();
    for path in files_under(&sb.data.join("log"))
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
    {
        let log = check_log(path);
        torn_files += usize::from(log.cut_off);
        if let Some(op) = log.ops.first() {
            *logs_per_writer.entry(op.writer.clone()).or_default() += 1;
        }
    }
    // The template writes one log per scope; each child writes only its meeting log.
    assert!(
        logs_per_writer
            .iter()
            .all(|(w, n)| *n == 1 || w == "template"),
        "a child writer has several logs: {logs_per_writer:?}"
    );

    // The store sees the same.
    let mut store = Store::open(&sb.data, Author::default()).expect("open after the kills");
    let ops = store.read_ops(&Load::All);
    assert_only_torn_tails(&store);
    let torn = store.problems.len();
    assert!(
        torn <= torn_files && torn as u64 <= RUNS,
        "{torn} torn tails reported, {torn_files} logs end in a cut-off line, {RUNS} kills"
    );

    assert_none_lost(&committed, &ops);

    // Folding works, and every committed new item is in the meeting and its minutes.
    let doc = store.load(&Load::All);
    let meeting = doc.meeting(MEETING).expect("the seeded meeting");
    let by_id: BTreeMap<String, &samrad::store::Op> = ops.iter().map(|o| (o.id(), o)).collect();
    let mut added = 0;
    for id in &committed {
        if let Change::ItemAdd { item, .. } = &by_id[id].change {
            assert!(
                meeting.item(item).is_some(),
                "committed item {item} ({id}) is not in the meeting"
            );
            added += 1;
        }
    }
    assert!(
        meeting.items.len() >= 6 + added,
        "{} items, expected at least {}",
        meeting.items.len(),
        6 + added
    );
    let minutes = doc.minutes(MEETING).expect("minutes of the seeded meeting");
    assert_eq!(minutes.meeting.id, MEETING);
    assert_eq!(minutes.meeting.items.len(), meeting.items.len());
    store.materialize(&doc, MEETING).expect("write the minutes");
    let written = samrad::store::read_minutes(&store.layout().minutes_path(MEETING))
        .expect("minutes file reads back");
    assert_eq!(written.meeting.items.len(), meeting.items.len());

    eprintln!(
        "kill9: {RUNS} kills, {} ops committed in {runs_that_wrote} runs, {torn} torn tails, {:?}",
        committed.len(),
        started.elapsed()
    );
}
