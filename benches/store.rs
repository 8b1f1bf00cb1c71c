//! Store budgets (docs/ARCHITECTURE.md): opening a meeting of 20,000 ops, materialising its minutes,
//! appending one op durably.

use std::hint::black_box;
use std::path::Path;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use samrad::demo::{meeting_script, script_to_logs};
use samrad::model::{Author, Change, ItemField};
use samrad::store::atomic::write_atomic;
use samrad::store::fold::fold;
use samrad::store::log::parse_log;
use samrad::store::op::encode_lines;
use samrad::store::{Load, Op, Store, minutes_bytes};

const MEETING: &str = "m-bench";
const OPS: usize = 20_000;

fn logs() -> Vec<Vec<Op>> {
    let script = meeting_script(42, MEETING, 2026, 50, OPS - 51);
    script_to_logs(&script, 5, 1_780_000_000_000)
}

fn write_folder(root: &Path, logs: &[Vec<Op>]) {
    let dir = root.join("log").join(MEETING);
    std::fs::create_dir_all(&dir).expect("mkdir");
    for ops in logs {
        std::fs::write(
            dir.join(format!("{}.jsonl", ops[0].writer)),
            encode_lines(ops),
        )
        .expect("write");
    }
    std::fs::create_dir_all(root.join("log").join("forum")).expect("mkdir");
    std::fs::write(root.join("log").join("forum").join("empty.jsonl"), b"").expect("write");
}

fn benches(c: &mut Criterion) {
    let logs = logs();
    let bytes: Vec<Vec<u8>> = logs.iter().map(|l| encode_lines(l)).collect();
    let ops: Vec<Op> = logs.iter().flatten().cloned().collect();
    assert_eq!(ops.len(), OPS);

    c.bench_function("fold 20k ops (in memory)", |b| {
        b.iter_batched(
            || ops.clone(),
            |ops| black_box(fold(ops)),
            BatchSize::LargeInput,
        )
    });
    c.bench_function("parse + fold 20k ops", |b| {
        b.iter(|| {
            let mut all = Vec::with_capacity(OPS);
            for log in &bytes {
                all.extend(parse_log(Path::new("w.jsonl"), log).0);
            }
            black_box(fold(all))
        })
    });

    // Issue 4: 20 writers × 1,000 ops each.
    let script = meeting_script(20, MEETING, 2026, 50, OPS - 51);
    let spread: Vec<Op> = samrad::demo::script_to_logs_spread(&script, 20, 1_780_000_000_000)
        .into_iter()
        .flatten()
        .collect();
    c.bench_function("fold 20 writers x 1000 ops (in memory)", |b| {
        b.iter_batched(
            || spread.clone(),
            |ops| black_box(fold(ops)),
            BatchSize::LargeInput,
        )
    });

    let dir = tempfile::tempdir().expect("tempdir");
    write_folder(dir.path(), &logs);
    c.bench_function(
        "open a meeting of 20k ops from disk, folding from the start",
        |b| {
            b.iter(|| {
                let _ = std::fs::remove_dir_all(dir.path().join("index"));
                let mut store = Store::open(dir.path(), Author::default()).expect("open");
                black_box(store.load(&Load::Meeting(MEETING.into())))
            })
        },
    );
    c.bench_function("open a meeting of 20k ops from disk", |b| {
        b.iter(|| {
            let mut store = Store::open(dir.path(), Author::default()).expect("open");
            black_box(store.load(&Load::Meeting(MEETING.into())))
        })
    });

    let doc = fold(ops.clone());
    let minutes = doc.minutes(MEETING).expect("minutes");
    c.bench_function("minutes JSON of 20k ops (serialise)", |b| {
        b.iter(|| black_box(minutes_bytes(&minutes)))
    });
    let target = dir.path().join("minutes").join("bench.json");
    c.bench_function("minutes JSON of 20k ops (serialise + atomic write)", |b| {
        b.iter(|| write_atomic(&target, &minutes_bytes(&minutes)).expect("write"))
    });

    let append_dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(
        append_dir.path(),
        Author {
            name: "bench".into(),
            person: None,
            party: Some("ntl".into()),
        },
    )
    .expect("open");
    store.load(&Load::All);
    let mut n = 0u64;
    c.bench_function("append one op durably (write + fsync)", |b| {
        b.iter(|| {
            n += 1;
            let change = Change::ItemSet {
                meeting: "m-2026-12-08-kontaktgruppen".into(),
                item: "s-2026-2".into(),
                set: ItemField::Notes(format!("notat {n}")),
            };
            black_box(store.commit(change).expect("commit"))
        })
    });
}

criterion_group! {
    name = store;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(4));
    targets = benches
}
criterion_main!(store);
