//! Archive budgets (docs/ARCHITECTURE.md): opening an archive of 10,000 meetings warm (< 150 ms), one
//! search in the TUI (< 5 ms), and the word index the TUI builds in the background.
//!
//! The archive is made once by `samrad demo-data --meetings 10000 --seed 7` into
//! `target/bench-archive-10k` and kept there between runs (set SAMRAD_BENCH_MEETINGS for
//! another size). `samrad search` against ripgrep, and resident memory, are measured as
//! whole processes: see BENCHMARKS.md.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use samrad::search::{Filter, WordIndex, scan};
use samrad::store::Layout;
use samrad::store::archive::Archive;

fn folder() -> PathBuf {
    let n: usize = std::env::var("SAMRAD_BENCH_MEETINGS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join(format!("bench-archive-{}k", n / 1000));
    if !root.join("index").join("archive.bin").exists() {
        let _ = std::fs::remove_dir_all(&root);
        samrad::demo_data::run(&root, n, 7).expect("demo data");
        // The first open builds the index; the benchmark measures warm opens.
        let _ = Archive::open(&Layout::new(&root));
    }
    root
}

fn benches(c: &mut Criterion) {
    let root = folder();
    let layout = Layout::new(&root);
    let (probe, refresh) = Archive::open(&layout);
    assert_eq!(refresh.folded, 0, "the index should be warm");
    eprintln!(
        "archive: {} meetings, {} items, {} texts",
        probe.meetings.len(),
        probe.items.len(),
        probe.docs.len()
    );
    let mut g = c.benchmark_group("archive");
    g.sample_size(20);
    // What the TUI does before its first frame: the index as written, the meeting rows
    // filtered (none), newest first. The check against every log follows in the background.
    g.bench_function("archive view: open 10k meetings (index as written)", |b| {
        b.iter(|| {
            let a = Archive::cached(&root).expect("index");
            let rows = samrad::search::filtered_meetings(&a, &Filter::default());
            black_box((a, rows))
        })
    });
    // What every CLI command does: the index checked against every log file (stat of each).
    g.bench_function("open 10k meetings, checked against 68k log files", |b| {
        b.iter(|| black_box(Archive::open(&layout)))
    });
    let mut full = probe;
    full.load_text(&root).expect("texts");
    g.bench_function("load texts", |b| {
        b.iter(|| {
            let mut a = Archive::default();
            a.load_text(&root).expect("texts");
            black_box(a.text.len())
        })
    });
    g.bench_function("build word index (background)", |b| {
        b.iter(|| black_box(WordIndex::build(&full)))
    });
    let words = WordIndex::build(&full);
    eprintln!("word index: {} distinct words", words.word_count());
    let filter = Filter::default();
    for q in [
        "kompetanse",
        "arbeidsmiljø",
        "Øvrige",
        "samordning digitalisering",
        "zzzz",
    ] {
        g.bench_function(format!("TUI search {q:?}"), |b| {
            b.iter(|| black_box(words.search(&full, q, &filter)))
        });
    }
    let ntl = Filter {
        party: Some("ntl".into()),
        stance: Some(samrad::model::Stance::Disagree),
        area: Some("uo1".into()),
        ..Filter::default()
    };
    g.bench_function("filter: NTL disagreed, area 1", |b| {
        b.iter(|| black_box(samrad::search::filtered_meetings(&full, &ntl)))
    });
    g.bench_function("scan search (samrad search's way)", |b| {
        b.iter(|| black_box(scan(&full, "kompetanse", &filter)))
    });
    g.finish();
}

criterion_group!(archive, benches);
criterion_main!(archive);
