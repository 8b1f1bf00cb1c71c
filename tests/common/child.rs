//! The child-writer protocol. A test that kills writers runs this same test binary again,
//! filtered to one test (the child), which writes to a data folder and says on stdout what
//! it did: `started` once, `committed <op id>` after each durable commit, `seen <op id>` for
//! each op it read from the others, and `error …` when something went wrong. The parent
//! reads those lines while the child runs, kills it with SIGKILL, and keeps what was said.

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::fmt::Debug;
use std::io::{BufRead, BufReader, StdoutLock, Write};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::Receiver;
use std::thread::JoinHandle;
use std::time::Duration;

use samrad::model::{Author, Change};
use samrad::store::{Op, ProblemKind, Store};

/// The child's side: lines on stdout, each flushed at once.
pub struct Say {
    out: StdoutLock<'static>,
}

impl Say {
    /// Say `started`. The newline first ends the test harness's unfinished
    /// "test … " line.
    pub fn started() -> Say {
        let mut say = Say {
            out: std::io::stdout().lock(),
        };
        say.line("\nstarted");
        say
    }

    pub fn line(&mut self, line: &str) {
        let _ = writeln!(self.out, "{line}");
        let _ = self.out.flush();
    }

    /// Open the store on `dir` as `author`, or say why not.
    pub fn open(&mut self, dir: &Path, author: Author) -> Option<Store> {
        match Store::open(dir, author) {
            Ok(s) => Some(s),
            Err(e) => {
                self.line(&format!("error open: {e}"));
                None
            }
        }
    }

    /// Commit `change` and say `committed <op id>`, or say the error; false on an error.
    pub fn commit(&mut self, store: &mut Store, change: Change) -> bool {
        match store.commit(change) {
            Ok(op) => {
                self.line(&format!("committed {}", op.id()));
                true
            }
            Err(e) => {
                self.line(&format!("error commit: {e}"));
                false
            }
        }
    }
}

/// What one child said before it died.
#[derive(Debug, Default)]
pub struct Report {
    pub committed: Vec<String>,
    pub seen: Vec<String>,
    pub errors: Vec<String>,
}

/// The parent's side: a running child and the thread that reads what it says.
pub struct Running {
    child: Child,
    reader: JoinHandle<Report>,
    started: Receiver<()>,
}

impl Running {
    /// Run the test `child_test` of this test binary, with `envs` set.
    pub fn spawn(child_test: &str, envs: &[(&str, &OsStr)]) -> Running {
        let exe = std::env::current_exe().expect("test binary path");
        let mut child = Command::new(exe)
            .args([child_test, "--exact", "--nocapture", "--test-threads=1"])
            .envs(envs.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn the child writer");
        let stdout = child.stdout.take().expect("child stdout");
        let (started_tx, started) = std::sync::mpsc::channel::<()>();
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
                    let _ = started_tx.send(());
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

    /// Whether the child said `started` within `limit`.
    pub fn started_within(&self, limit: Duration) -> bool {
        self.started.recv_timeout(limit).is_ok()
    }

    /// SIGKILL the child and collect what it said. It must have been killed while
    /// writing: no errors, and it did not stop by itself.
    pub fn kill(mut self) -> Report {
        // The child may already have stopped (it should not have); `wait` tells.
        let killed = self.child.kill();
        let status: ExitStatus = self.child.wait().expect("wait for the child");
        let report = self.reader.join().expect("reader thread");
        assert!(
            report.errors.is_empty() && killed.is_ok() && !status.success(),
            "the child should be killed while writing, not stop: kill {killed:?}, {status:?}, {:?}",
            report.errors
        );
        report
    }
}

/// After the kills, the store reports nothing worse than cut-off last lines.
pub fn assert_only_torn_tails(store: &Store) {
    let bad: Vec<_> = store
        .problems
        .iter()
        .filter(|p| p.kind != ProblemKind::TornTail)
        .collect();
    assert!(
        bad.is_empty(),
        "problems other than cut-off last lines: {bad:#?}"
    );
}

/// Every op a child said was committed is among `ops`.
pub fn assert_none_lost(committed: &[impl AsRef<str> + Debug], ops: &[Op]) {
    let present: BTreeSet<String> = ops.iter().map(Op::id).collect();
    let lost: Vec<_> = committed
        .iter()
        .filter(|id| !present.contains(id.as_ref()))
        .collect();
    assert!(
        lost.is_empty(),
        "{} of {} committed ops are lost: {lost:?}",
        lost.len(),
        committed.len()
    );
}
