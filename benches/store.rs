//! Store budgets (docs/ARCHITECTURE.md): opening a meeting of 20,000 ops, materialising its minutes
//! (in a forum of 13,000 actions too), appending one op durably.

use std::hint::black_box;
use std::path::Path;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use samrad::demo::{meeting_script, script_to_logs};
use samrad::model::Scope;
use samrad::model::{
    Action, ActionChange, ActionField, ActionStatus, Author, Change, ItemField, Owner,
};
use samrad::store::atomic::write_atomic;
use samrad::store::fold::fold;
use samrad::store::keys::Signer;
use samrad::store::log::parse_log;
use samrad::store::minutes::{shared_bytes, shared_token};
use samrad::store::op::encode_lines;
use samrad::store::par;
use samrad::store::{Load, Op, OpChain, Store, minutes_bytes};

const MEETING: &str = "m-bench";
const OPS: usize = 20_000;

/// The template's forum (who sits where) and five writers' logs of a meeting of 20,000
/// ops, each writer signing every line with a key of its own, as samrad writes them.
fn logs() -> Vec<Vec<Op>> {
    unsigned_logs().into_iter().map(signed).collect()
}

/// The same, unsigned (as before keys): to see what signatures cost in one run.
fn unsigned_logs() -> Vec<Vec<Op>> {
    let script = meeting_script(42, MEETING, 2026, 50, OPS - 51);
    let mut logs = vec![samrad::demo::forum_log()];
    logs.extend(script_to_logs(&script, 5, 1_780_000_000_000));
    logs
}

/// A writer's ops chained and signed again, each scope's in a file of its own (the
/// template's stay as they ship).
fn signed(ops: Vec<Op>) -> Vec<Op> {
    let Some(writer) = ops.first().map(|o| o.writer.clone()) else {
        return ops;
    };
    if writer == samrad::model::TEMPLATE_WRITER {
        return ops;
    }
    let mut chain = OpChain::new(writer);
    chain.sign_with(Some(Signer::generate()));
    ops.into_iter()
        .map(|o| chain.next(o.clock, o.at, o.by, o.change))
        .collect()
}

/// The log files the logs make under `root`: each op in its scope's folder, in its
/// writer's file.
fn files(root: &Path, logs: &[Vec<Op>]) -> std::collections::BTreeMap<std::path::PathBuf, Vec<Op>> {
    let mut files: std::collections::BTreeMap<std::path::PathBuf, Vec<Op>> = Default::default();
    for op in logs.iter().flatten() {
        let dir = match op.change.scope() {
            Scope::Forum => "forum".to_string(),
            Scope::Meeting(id) => id,
        };
        let path = root
            .join("log")
            .join(dir)
            .join(format!("{}.jsonl", op.writer));
        files.entry(path).or_default().push(op.clone());
    }
    files
}

fn write_folder(root: &Path, logs: &[Vec<Op>]) {
    for (path, ops) in files(root, logs) {
        std::fs::create_dir_all(path.parent().expect("folder")).expect("mkdir");
        std::fs::write(path, encode_lines(&ops)).expect("write");
    }
}

fn benches(c: &mut Criterion) {
    let logs = logs();
    // The bytes of each log file, as the store reads them.
    let bytes: Vec<Vec<u8>> = files(Path::new(""), &logs)
        .values()
        .map(|l| encode_lines(l))
        .collect();
    let ops: Vec<Op> = logs.iter().flatten().cloned().collect();
    assert_eq!(ops.len(), OPS + logs[0].len());

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
    // As the store reads a meeting: each log parsed on whichever core is free.
    c.bench_function("parse on every core + fold 20k ops", |b| {
        b.iter(|| {
            let parsed = par::map(
                &bytes,
                par::cores(),
                |log| parse_log(Path::new("w.jsonl"), log).0,
                |_| Vec::new(),
            );
            let mut all = Vec::with_capacity(OPS);
            for mut ops in parsed {
                all.append(&mut ops);
            }
            black_box(fold(all))
        })
    });

    // Issue 4: 20 writers × 1,000 ops each.
    let script = meeting_script(20, MEETING, 2026, 50, OPS - 51);
    let mut spread: Vec<Op> = samrad::demo::forum_log();
    spread.extend(
        samrad::demo::script_to_logs_spread(&script, 20, 1_780_000_000_000)
            .into_iter()
            .flatten(),
    );
    c.bench_function("fold 20 writers x 1000 ops (in memory)", |b| {
        b.iter_batched(
            || spread.clone(),
            |ops| black_box(fold(ops)),
            BatchSize::LargeInput,
        )
    });

    let dir = tempfile::tempdir().expect("tempdir");
    write_folder(dir.path(), &logs);
    {
        // Every line is read: none is another writer's, another folder's or unsigned.
        let mut store = Store::open(dir.path(), Author::default()).expect("open");
        let doc = store.load(&Load::Meeting(MEETING.into()));
        let real: Vec<_> = store
            .problems
            .iter()
            .filter(|p| p.kind.found_reading())
            .collect();
        assert!(real.is_empty(), "{real:?}");
        assert!(doc.meeting(MEETING).is_some_and(|m| m.items.len() >= 50));
    }
    let plain = tempfile::tempdir().expect("tempdir");
    write_folder(plain.path(), &unsigned_logs());
    for (name, dir) in [
        ("open a meeting of 20k ops from disk", dir.path()),
        ("open the same meeting, unsigned", plain.path()),
    ] {
        let open = || {
            let mut store = Store::open(dir, Author::default()).expect("open");
            black_box(store.load(&Load::Meeting(MEETING.into())))
        };
        c.bench_function(&format!("{name}, folding from the start"), |b| {
            b.iter(|| {
                let _ = std::fs::remove_dir_all(dir.join("index"));
                open()
            })
        });
        c.bench_function(name, |b| b.iter(open));
    }

    let doc = fold(ops.clone());
    let minutes = doc.minutes(MEETING).expect("minutes");
    c.bench_function("minutes JSON of 20k ops (serialise)", |b| {
        b.iter(|| black_box(minutes_bytes(&minutes)))
    });
    let target = dir.path().join("minutes").join("bench.json");
    c.bench_function("minutes JSON of 20k ops (serialise + atomic write)", |b| {
        b.iter(|| write_atomic(&target, &minutes_bytes(&minutes)).expect("write"))
    });
    minutes_files(c, doc);

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
    let mut note = move || {
        n += 1;
        Change::ItemSet {
            meeting: "m-2026-12-08-kontaktgruppen".into(),
            item: "s-2026-2".into(),
            set: ItemField::Notes(format!("notat {n}")),
        }
    };
    c.bench_function("append one op durably (write + fsync)", |b| {
        b.iter(|| black_box(store.commit(note()).expect("commit")))
    });
    store.set_signer(Some(Signer::generate()));
    c.bench_function(
        "append one op durably, signed (sign + write + fsync)",
        |b| b.iter(|| black_box(store.commit(note()).expect("commit"))),
    );
    let key = Signer::generate();
    let line = samrad::store::op::encode_lines(&ops[ops.len() - 1..]);
    c.bench_function("sign one line", |b| b.iter(|| black_box(key.sign(&line))));
    let sig = key.sign(&line);
    c.bench_function("check one signature", |b| {
        b.iter(|| black_box(samrad::store::keys::verify(key.public(), &line, &sig)))
    });
}

/// The minutes files of the 20k-op meeting in a forum of 13,000 actions (as many as the
/// 10,000-meeting demo archive has, with a history each): writing them when nothing
/// changed (what the TUI does every 2 s after a change, and `show` once), and what that
/// costs in parts.
fn minutes_files(c: &mut Criterion, mut doc: samrad::model::Doc) {
    for n in 0..ACTIONS {
        doc.actions.push(Action {
            id: format!("t-bench-{n:05}"),
            title: format!("Følge opp sak {n} i alle departementene"),
            owner: Owner::Party("kmd".into()),
            due: None,
            // Open and older than the meeting: carried over to it, listed in its file.
            status: ActionStatus::Open,
            meeting: None,
            item: None,
            areas: vec!["uo1".into()],
            proposed_by: None,
            note: String::new(),
            created_at: "2020-01-10T10:00:00+01:00".into(),
            history: (1..=2)
                .map(|k| ActionChange {
                    at: format!("2020-0{k}-20T10:00:00+01:00"),
                    by: "Sekretariatet".into(),
                    meeting: None,
                    change: ActionField::Note(format!("Oppfølging {k}")),
                })
                .collect(),
        });
    }
    doc.reindex();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path(), Author::default()).expect("open");
    store.materialize(&doc, MEETING).expect("write");
    c.bench_function(
        "minutes files, 13k actions: materialise, nothing changed",
        |b| b.iter(|| assert!(!store.materialize(&doc, MEETING).expect("materialise"))),
    );
    c.bench_function("minutes files, 13k actions: the shared file's token", |b| {
        b.iter(|| black_box(shared_token(&doc.forum, &doc.actions)))
    });
    c.bench_function(
        "minutes files, 13k actions: the shared file (serialise)",
        |b| b.iter(|| black_box(shared_bytes(&doc.forum, &doc.actions))),
    );
}

const ACTIONS: usize = 13_000;

criterion_group! {
    name = store;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(4));
    targets = benches
}
criterion_main!(store);
