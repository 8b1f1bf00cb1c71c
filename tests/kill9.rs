//! Kill -9 while writing: a child process commits ops to the store and is killed with
//! SIGKILL at a pseudo-random moment, 20 times on one data folder. Every op the child said
//! was committed must be there afterwards, and every file must still load.
//!
//! The child is this same test binary, run with a filter that selects `kill9_child_writer`
//! and `SAMRAD_KILL9_CHILD` set to the data folder; without that variable the child test
//! does nothing.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use samrad::demo::Rng;
use samrad::model::{Author, Change, ItemKind, ItemNumber, Stance};
use samrad::store::op::line_hash;
use samrad::store::{Load, ProblemKind, Store};

const CHILD_ENV: &str = "SAMRAD_KILL9_CHILD";
const MEETING: &str = "m-2026-12-08-kontaktgruppen";
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
    let author = Author {
        name: "kill9".into(),
        person: Some("p-ntl".into()),
        party: Some("ntl".into()),
    };
    let mut out = std::io::stdout().lock();
    // The parent's clock starts here, so that the kill lands in the store's work and not
    // in process start-up, however slow the machine. The newline first ends the test
    // harness's unfinished "test kill9_child_writer ... " line.
    let _ = writeln!(out, "\nstarted");
    let _ = out.flush();
    let mut store = match Store::open(Path::new(&dir), author) {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(out, "error open: {e}");
            let _ = out.flush();
            return;
        }
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
            // A position on the item added just before.
            Change::Position {
                meeting: MEETING.into(),
                item: format!("k-{writer}-{}", n - 1),
                party: "ntl".into(),
                stance: Stance::ALL[(n as usize / 2) % Stance::ALL.len()],
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
            }
        };
        match store.commit(change) {
            Ok(op) => {
                let _ = writeln!(out, "committed {}", op.id());
                let _ = out.flush();
            }
            Err(e) => {
                let _ = writeln!(out, "error commit: {e}");
                let _ = out.flush();
                return;
            }
        }
    }
}

/// What one child said before it died.
#[derive(Debug, Default)]
struct ChildReport {
    committed: Vec<String>,
    errors: Vec<String>,
}

/// Run one child on `dir`, kill it `delay` after it starts, and collect what it reported.
fn run_child(dir: &Path, delay: Duration) -> ChildReport {
    let exe = std::env::current_exe().expect("test binary path");
    let mut child = Command::new(exe)
        .args([
            "kill9_child_writer",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn the child writer");
    let stdout = child.stdout.take().expect("child stdout");
    let (started_tx, started_rx) = std::sync::mpsc::channel::<()>();
    let reader = std::thread::spawn(move || {
        let mut report = ChildReport::default();
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
                let _ = started_tx.send(());
            } else if let Some(id) = text.strip_prefix("committed ") {
                report.committed.push(id.to_string());
            } else if text.starts_with("error") {
                report.errors.push(text);
            }
        }
        report
    });
    let started = started_rx.recv_timeout(Duration::from_secs(10)).is_ok();
    std::thread::sleep(delay);
    // On unix this is SIGKILL. The child may already have stopped (it should not have).
    let _ = child.kill();
    let status = child.wait().expect("wait for the child");
    let report = reader.join().expect("reader thread");
    assert!(started, "the child writer did not start within 10 s");
    assert!(
        report.errors.is_empty() && !status.success(),
        "the child should be killed while writing, not stop: {status:?}, {:?}",
        report.errors
    );
    report
}

/// Complete lines of a log, and whether the file ends with a cut-off line.
fn log_lines(bytes: &[u8]) -> (Vec<&[u8]>, bool) {
    let mut lines: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
    let torn = lines.pop().is_some_and(|last| !last.is_empty());
    (lines, torn)
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

#[test]
fn kill9_while_writing_loses_no_committed_op() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("data");
    let mut rng = Rng::new(0x5A34_AD09);
    let started = Instant::now();

    let mut committed: Vec<String> = Vec::new();
    let mut runs_that_wrote = 0;
    for _ in 0..RUNS {
        let delay = Duration::from_millis(5 + rng.below(76) as u64);
        let report = run_child(&dir, delay);
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
    let log_root = dir.join("log");
    let mut files = Vec::new();
    files_under(&log_root, &mut files);
    let mut torn_files = 0;
    let mut logs_per_writer: BTreeMap<String, usize> = BTreeMap::new();
    for path in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
    {
        let bytes = std::fs::read(path).expect("read log");
        let (lines, torn) = log_lines(&bytes);
        torn_files += usize::from(torn);
        let mut prev = String::new();
        let mut writer: Option<String> = None;
        for (i, line) in lines.iter().enumerate() {
            let op = samrad::store::op::parse_line(line)
                .unwrap_or_else(|e| panic!("{}:{}: not a valid op: {e:?}", path.display(), i + 1));
            assert_eq!(
                op.prev,
                prev,
                "{}:{}: broken hash chain",
                path.display(),
                i + 1
            );
            prev = line_hash(line);
            if path.file_stem().is_some_and(|s| s != "template") {
                assert_eq!(
                    op.seq,
                    i as u64 + 1,
                    "{}:{}: seqs are not 1, 2, 3…",
                    path.display(),
                    i + 1
                );
                assert_eq!(
                    path.file_stem().unwrap().to_string_lossy(),
                    op.writer,
                    "{}: writer",
                    path.display()
                );
            }
            match &writer {
                None => writer = Some(op.writer.clone()),
                Some(w) => assert_eq!(w, &op.writer, "{}: two writers in one log", path.display()),
            }
        }
        if let Some(w) = writer {
            *logs_per_writer.entry(w).or_default() += 1;
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
    let mut store = Store::open(&dir, Author::default()).expect("open after the kills");
    let ops = store.read_ops(&Load::All);
    let bad: Vec<_> = store
        .problems
        .iter()
        .filter(|p| p.kind != ProblemKind::TornTail)
        .collect();
    assert!(
        bad.is_empty(),
        "problems other than cut-off last lines: {bad:#?}"
    );
    let torn = store.problems.len();
    assert!(
        torn <= torn_files && torn as u64 <= RUNS,
        "{torn} torn tails reported, {torn_files} logs end in a cut-off line, {RUNS} kills"
    );

    let present: BTreeSet<String> = ops.iter().map(|o| o.id()).collect();
    let lost: Vec<&String> = committed
        .iter()
        .filter(|id| !present.contains(*id))
        .collect();
    assert!(
        lost.is_empty(),
        "{} of {} committed ops are lost: {lost:?}",
        lost.len(),
        committed.len()
    );

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
