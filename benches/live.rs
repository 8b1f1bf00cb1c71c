//! Live (issue 4): from an op made durable by one writer to its being applied and drawn by
//! another samrad on the same folder. This measures the work after the change is on disk:
//! noticing it (one read of the folder's new lines, through the runtime the TUI uses),
//! applying it and drawing a frame. The TUI is woken by the file system, or looks for new
//! lines every 300 ms where it is not (network shares).

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use samrad::app::App;
use samrad::i18n::Lang;
use samrad::model::{Author, Change, Stance};
use samrad::runtime::{Mode, Runtime};
use samrad::store::{Load, Store};

const FIRST: &str = "m-2026-12-08-kontaktgruppen";

fn writer(dir: &std::path::Path, person: &str, party: &str) -> Store {
    let mut s = Store::open(
        dir,
        Author {
            name: person.into(),
            person: Some(person.into()),
            party: Some(party.into()),
        },
    )
    .expect("open");
    s.load(&Load::All);
    s
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut rep = writer(dir.path(), "p-ntl", "ntl");
    let mut chair = writer(dir.path(), "p-leder", "kmd");
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-08T10:20:00+01:00").expect("time");
    let mut app = App::new(
        chair.load(&Load::All),
        chair.author().clone(),
        Lang::Nb,
        now,
    );
    app.size = (200, 60);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    let mut chair = Runtime::new(chair, Mode::Inline).expect("runtime");

    // One sample: the rep commits (durably), the chair's samrad reads, applies and draws.
    let mut n = 0u64;
    let mut one = |rep: &mut Store, chair: &mut Runtime, app: &mut App| -> Duration {
        n += 1;
        let change = if n.is_multiple_of(2) {
            Change::Position {
                meeting: FIRST.into(),
                item: "s-2026-2".into(),
                party: "ntl".into(),
                stance: Stance::Disagree,
                reason: format!("grunn {n}"),
                base: None,
            }
        } else {
            // What a representative writes: their party's position or statement.
            Change::Statement {
                meeting: FIRST.into(),
                item: "s-2026-2".into(),
                party: "ntl".into(),
                text: format!("tilførsel {n}"),
                base: None,
            }
        };
        rep.commit(change).expect("commit");
        let t = Instant::now();
        loop {
            if chair.catch_up(app) {
                terminal.draw(|f| samrad::ui::draw(f, app)).expect("draw");
                return t.elapsed();
            }
        }
    };

    let mut samples: Vec<Duration> = (0..300)
        .map(|_| one(&mut rep, &mut chair, &mut app))
        .collect();
    samples.sort();
    println!(
        "live: appended op noticed, applied and drawn by another writer: median {:?}, p99 {:?} (300 samples; plus the TUI's 300 ms look-up interval)",
        percentile(&samples, 0.5),
        percentile(&samples, 0.99)
    );
    c.bench_function("live: read new ops + apply + draw 200x60", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| one(&mut rep, &mut chair, &mut app))
                .sum()
        })
    });
}

criterion_group! {
    name = live;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = benches
}
criterion_main!(live);
