//! Two `samrad` TUIs on one data folder, each in its own pseudo-terminal: what one of them
//! writes shows up in the other within seconds (read from the other's log), survives a
//! `kill -9` of the writer, and does not move the reader's selection.
//!
//! A is the chair (`--as p-leder`, KMD), B is NTL's representative (`--as p-ntl`). Both run
//! in Norwegian in 100×30 windows, with their own config paths in the same temp folder.
//! Waits poll the parsed screen (no fixed sleeps); every child is killed when its handle is
//! dropped, also when a test fails.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How long a TUI may take to start, or a key to show: generous, for slow shared machines.
const TIMEOUT: Duration = Duration::from_secs(20);
/// How long another TUI's change may take to show (the TUI reads others' logs every 300 ms).
const LIVE: Duration = Duration::from_secs(5);
/// The live-writers indicator refreshes every 2 s; allow several rounds.
const LIVE_WRITERS: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(50);

const ENTER: &str = "\r";
const TAB: &str = "\t";
const RIGHT: &str = "\x1b[C";
const CTRL_S: &str = "\x13";

const COLS: u16 = 100;
const ROWS: u16 = 30;

/// Item 2/26 of the template meeting.
const ITEM2: &str = "Prosessen: involvering";
const REASON: &str = "Arbeidsgruppen var for smal";
const STATEMENT: &str = "NTL mener prosessen har vært for lukket";

/// A temporary folder with `data/` (the shared data folder) and one config path per TUI.
struct Sandbox {
    tmp: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        Sandbox {
            tmp: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn data(&self) -> PathBuf {
        self.tmp.path().join("data")
    }

    /// Start `samrad --as who` on the shared folder; `name` tells the TUIs apart (in
    /// failures, and in the config file name).
    fn spawn(&self, name: &'static str, who: &str) -> Tui {
        Tui::spawn(self, name, who)
    }
}

/// A running `samrad` in a pty. Dropping it kills the child.
struct Tui {
    name: &'static str,
    child: Box<dyn Child + Send + Sync>,
    /// Kept so that the pty stays open for as long as the child runs.
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    exit: Option<ExitStatus>,
}

impl Tui {
    fn spawn(sandbox: &Sandbox, name: &'static str, who: &str) -> Tui {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_samrad"));
        cmd.arg("--data-dir");
        cmd.arg(sandbox.data());
        cmd.args(["--lang", "nb", "--as", who]);
        cmd.cwd(sandbox.tmp.path());
        cmd.env(
            "SAMRAD_CONFIG",
            sandbox.tmp.path().join(format!("cfg-{name}.json")),
        );
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", sandbox.tmp.path());
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("SAMRAD_DATA_DIR");
        let child = pair.slave.spawn_command(cmd).expect("spawn samrad");
        // Only the child holds the slave now, so the reader sees the end when it exits.
        drop(pair.slave);

        let parser = Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0)));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        {
            let parser = parser.clone();
            // Ends by itself when the pty closes; never joined.
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => parser.lock().unwrap().process(&buf[..n]),
                    }
                }
            });
        }
        let writer = pair.master.take_writer().expect("pty writer");
        Tui {
            name,
            child,
            _master: pair.master,
            writer,
            parser,
            exit: None,
        }
    }

    /// Type `keys` as the terminal would send them.
    fn send(&mut self, keys: &str) {
        self.writer
            .write_all(keys.as_bytes())
            .expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    fn screen_text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn rows(&self) -> Vec<String> {
        let p = self.parser.lock().unwrap();
        p.screen().rows(0, COLS).collect()
    }

    /// The screen's last row: the status bar with mode, pane, who, the save state and the
    /// other live writers.
    fn status_bar(&self) -> String {
        self.rows().pop().unwrap_or_default()
    }

    /// The agenda's selected row (marked "›"), trimmed; the agenda is the left-hand pane,
    /// so the row is cut at the first pane border after the marker.
    fn selected_agenda_row(&self) -> Option<String> {
        self.rows().into_iter().find_map(|r| {
            let (_, rest) = r.split_once('›')?;
            let row = rest.split('│').next().unwrap_or(rest);
            Some(row.trim().to_string())
        })
    }

    fn dump(&mut self) -> String {
        let exited = match &self.exit {
            Some(s) => Some(s.clone()),
            None => self.child.try_wait().ok().flatten(),
        };
        format!(
            "{}: child {}\n----- screen -----\n{}\n------------------",
            self.name,
            match exited {
                Some(s) => format!("exited: {s}"),
                None => "running".into(),
            },
            self.screen_text()
        )
    }

    /// Poll the screen until `pred` holds on two polls in a row (so that it is not read off
    /// a half-written frame); fail with the screen on timeout.
    fn wait_until(&mut self, within: Duration, what: &str, pred: impl Fn(&Tui) -> bool) {
        let start = Instant::now();
        loop {
            if pred(self) {
                std::thread::sleep(POLL);
                if pred(self) {
                    return;
                }
            }
            if start.elapsed() > within {
                let dump = self.dump();
                panic!("timed out after {within:?} waiting for {what}\n{dump}");
            }
            std::thread::sleep(POLL);
        }
    }

    /// Wait until the screen contains `text`.
    fn wait_for(&mut self, text: &str) {
        self.wait_until(TIMEOUT, &format!("{text:?} on screen"), |t| {
            t.screen_text().contains(text)
        });
    }

    /// Wait until the TUI is up: the agenda drawn and the status bar in normal mode.
    fn wait_ready(&mut self) {
        self.wait_until(TIMEOUT, "the agenda and NORMAL in the status bar", |t| {
            t.screen_text().contains("Dagsorden") && t.status_bar().contains("NORMAL")
        });
    }

    /// Wait until the status bar says the last change is on disk: "lagret hh:mm:ss" and
    /// nothing still being written.
    fn wait_saved(&mut self) {
        self.wait_until(TIMEOUT, "\"lagret\" in the status bar", |t| {
            let bar = t.status_bar();
            bar.contains("lagret") && !bar.contains("lagrer")
        });
    }

    /// Select item 2 (the first item is selected at start) and wait for its details.
    fn select_item2(&mut self) {
        self.send("j");
        self.wait_until(TIMEOUT, "item 2 selected", |t| {
            t.selected_agenda_row().is_some_and(|r| r.contains(ITEM2))
                && t.screen_text().contains("Sak 2/26")
        });
    }

    /// SIGKILL: no chance to flush, restore or say goodbye. (`Child::kill` in portable-pty
    /// sends SIGHUP first, so it is not used here.)
    fn kill9(&mut self) -> ExitStatus {
        let pid = self.child.process_id().expect("child pid");
        let ok = std::process::Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status()
            .expect("run kill -9");
        assert!(ok.success(), "kill -9 {pid} failed");
        let status = self.child.wait().expect("wait for the killed child");
        self.exit = Some(status.clone());
        status
    }

    /// Press `q` and expect a clean exit.
    fn quit(&mut self) {
        self.send("q");
        let start = Instant::now();
        let status = loop {
            if let Some(s) = self.child.try_wait().expect("try_wait") {
                break s;
            }
            if start.elapsed() > TIMEOUT {
                let dump = self.dump();
                panic!("samrad did not exit within {TIMEOUT:?}\n{dump}");
            }
            std::thread::sleep(POLL);
        };
        self.exit = Some(status.clone());
        assert!(status.success(), "{} exited with {status}", self.name);
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if self.exit.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

#[test]
fn scratch_look() {
    let sb = Sandbox::new();
    let mut a = sb.spawn("A", "p-leder");
    a.wait_ready();
    let mut b = sb.spawn("B", "p-ntl");
    b.wait_ready();
    b.select_item2();
    b.send("P");
    b.wait_for("Standpunkt");
    println!("{}", b.dump());
    b.send(TAB);
    b.send(RIGHT);
    std::thread::sleep(Duration::from_millis(500));
    b.send(TAB);
    b.send(REASON);
    b.wait_for(REASON);
    println!("{}", b.dump());
    b.send(ENTER);
    b.wait_saved();
    println!("{}", b.dump());
    a.select_item2();
    std::thread::sleep(Duration::from_secs(3));
    println!("{}", a.dump());
    b.send("S");
    std::thread::sleep(Duration::from_millis(500));
    b.send(STATEMENT);
    std::thread::sleep(Duration::from_millis(500));
    println!("{}", b.dump());
    b.send(CTRL_S);
    b.wait_saved();
    std::thread::sleep(Duration::from_secs(3));
    println!("{}", a.dump());
    println!("{}", b.dump());
    a.quit();
    b.quit();
}
