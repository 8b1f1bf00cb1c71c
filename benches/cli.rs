//! Whole processes (issue 15): `samrad list`, `samrad show latest`, `samrad actions` and
//! `samrad search kompetanse` on an empty data folder and on archives of 2,000 and 10,000
//! meetings, and ripgrep (`rg -l -i`, or `grep -rli` when rg is not on PATH) on the same
//! folders, for the ratios in BENCHMARKS.md.
//!
//! The archives are made on the first run by `samrad demo-data --seed 7` into
//! `target/bench-cli-2k` and `target/bench-cli-10k` (about 10 s and several minutes, 1.3 GB
//! together) and kept; each command runs once before it is timed, so the index and the
//! snapshots are warm. SAMRAD_BENCH_SIZES=2000 picks sizes. The samrad binary is the one
//! `cargo bench` builds; its settings and key live in `target/bench-cli-config`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use criterion::{Criterion, criterion_group, criterion_main};

fn target() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target")
}

fn samrad(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_samrad"));
    c.arg("--data-dir")
        .arg(dir)
        .args(args)
        .env("XDG_CONFIG_HOME", target().join("bench-cli-config"))
        .env("LANG", "C")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

fn run(mut c: Command) {
    let status = c.status().expect("run");
    assert!(status.success(), "{c:?}: {status}");
}

/// The folder of `meetings` meetings (none: an empty folder, seeded), made if missing.
fn folder(meetings: usize) -> PathBuf {
    let name = match meetings {
        0 => "bench-cli-empty".to_string(),
        n => format!("bench-cli-{}k", n / 1000),
    };
    let root = target().join(name);
    if !root.join("index").join("archive.bin").exists() {
        let _ = std::fs::remove_dir_all(&root);
        if meetings == 0 {
            run(samrad(&root, &["init"]));
        } else {
            eprintln!("making {} (demo-data, once)", root.display());
            samrad::demo_data::run(&root, meetings, 7).expect("demo data");
        }
        run(samrad(&root, &["list"]));
    }
    root
}

/// ripgrep when it is on PATH, else grep: what to compare `samrad search` with.
fn grep_command(dir: &Path) -> (String, Command) {
    let rg = Command::new("rg").arg("--version").output();
    let mut c = if rg.is_ok_and(|o| o.status.success()) {
        let mut c = Command::new("rg");
        c.args(["-l", "-i", "kompetanse"]);
        c
    } else {
        let mut c = Command::new("grep");
        c.args(["-rli", "kompetanse"]);
        c
    };
    let name = c.get_program().to_string_lossy().into_owned();
    c.arg(dir).stdout(Stdio::null()).stderr(Stdio::null());
    (name, c)
}

fn benches(c: &mut Criterion) {
    let sizes: Vec<usize> = std::env::var("SAMRAD_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![0, 2000, 10_000]);
    let mut g = c.benchmark_group("cli");
    g.sample_size(10);
    for &n in &sizes {
        let dir = folder(n);
        let label = if n == 0 {
            "empty".to_string()
        } else {
            format!("{}k", n / 1000)
        };
        let commands: [(&str, &[&str]); 4] = [
            ("list", &["list"]),
            ("show latest", &["show", "latest"]),
            ("actions", &["actions"]),
            ("search kompetanse", &["search", "kompetanse"]),
        ];
        for (what, args) in commands {
            // Once first: the minutes file and the meeting's snapshot are made.
            let _ = samrad(&dir, args).status();
            g.bench_function(format!("{what}, {label}"), |b| {
                b.iter(|| {
                    let _ = samrad(&dir, args).status();
                })
            });
        }
        let (name, _) = grep_command(&dir);
        g.bench_function(format!("{name} kompetanse, {label}"), |b| {
            b.iter(|| {
                let _ = grep_command(&dir).1.status();
            })
        });
    }
    g.finish();
}

criterion_group!(cli, benches);
criterion_main!(cli);
