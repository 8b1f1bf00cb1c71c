//! Whole processes (issue 15): the TUI's first frame, `samrad list`, `samrad show latest`,
//! `samrad actions` and `samrad search kompetanse` on an empty data folder and on archives
//! of 2,000 and 10,000 meetings, and ripgrep (`rg -l -i`, or `grep -rli` when rg is not on
//! PATH) on the same folders, for the ratios in BENCHMARKS.md.
//!
//! The first frame is timed from the spawn of `samrad` in a pseudo-terminal (120x35) until
//! its screen shows the agenda; its resident memory then, and once the archive has loaded
//! in the background, is printed once per folder (`/proc`, Linux).
//!
//! The archives are made on the first run by `samrad demo-data --seed 7` into
//! `target/bench-cli-2k` and `target/bench-cli-10k` (about 10 s and several minutes) and
//! kept, their quiet meetings packed (`samrad pack`, as a long-kept archive is); what each
//! takes on disk is printed, as made and packed. Each command runs once before it is
//! timed, so the index and the snapshots are warm. SAMRAD_BENCH_SIZES=2000 picks sizes. The samrad binary is the one
//! `cargo bench` builds; its settings and key live in `target/bench-cli-config`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

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
            eprintln!("on disk as made: {}", disk_text(&root));
        }
        run(samrad(&root, &["list"]));
    }
    // As a long-kept archive is: the logs of its quiet meetings packed. Packed already,
    // this only looks.
    run(samrad(&root, &["pack"]));
    root
}

/// What a folder takes on disk, as `du` counts it (blocks, not bytes): in all, and its
/// logs, minutes and index.
fn disk_text(root: &Path) -> String {
    let mb = |p: &Path| format!("{} MB", disk_usage(p) / 1_000_000);
    format!(
        "{} (log/ {}, minutes/ {}, index/ {})",
        mb(root),
        mb(&root.join("log")),
        mb(&root.join("minutes")),
        mb(&root.join("index"))
    )
}

fn disk_usage(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return 0;
    };
    let here = meta.blocks() * 512;
    if !meta.is_dir() {
        return here;
    }
    let below: u64 = std::fs::read_dir(path)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .map(|e| disk_usage(&e.path()))
        .sum();
    here + below
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

/// Start the TUI on `dir` in a pseudo-terminal and wait until its first frame shows the
/// agenda: how long that took, and the process's resident memory then and `later` after.
fn first_frame(dir: &Path, later: Option<Duration>) -> (Duration, Option<u64>, Option<u64>) {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 35,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_samrad"));
    cmd.arg("--data-dir");
    cmd.arg(dir);
    cmd.env("XDG_CONFIG_HOME", target().join("bench-cli-config"));
    cmd.env("LANG", "C");
    cmd.env("TERM", "xterm-256color");
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let started = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("spawn");
    drop(pair.slave);
    let mut screen = vt100::Parser::new(35, 120, 0);
    let mut buf = [0u8; 65536];
    let took = loop {
        let n = reader.read(&mut buf).expect("read");
        assert!(n > 0, "samrad ended before its first frame");
        screen.process(&buf[..n]);
        if screen.screen().contents().contains("Agenda") {
            break started.elapsed();
        }
    };
    let rss = || {
        let pid = child.process_id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
        line.split_whitespace().nth(1)?.parse::<u64>().ok()
    };
    let at_first = rss();
    // The pty is drained from here on, or samrad would block writing its frames.
    let drain =
        std::thread::spawn(move || while matches!(reader.read(&mut buf), Ok(n) if n > 0) {});
    let after = later.and_then(|wait| {
        std::thread::sleep(wait);
        rss()
    });
    let _ = child.kill();
    let _ = child.wait();
    drop(pair.master);
    let _ = drain.join();
    (took, at_first, after)
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
        // Once first: the start hint and the meeting's snapshot are made.
        let (_, rss, after) = first_frame(&dir, Some(Duration::from_secs(4)));
        let mb = |kb: Option<u64>| kb.map_or("?".to_string(), |kb| format!("{} MB", kb / 1024));
        eprintln!(
            "tui, {label}: resident at the first frame {}, 4 s later (archive loaded) {}",
            mb(rss),
            mb(after)
        );
        eprintln!("on disk, {label}, packed: {}", disk_text(&dir));
        g.bench_function(format!("tui first frame, {label}"), |b| {
            b.iter_custom(|iters| (0..iters).map(|_| first_frame(&dir, None).0).sum())
        });
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
