//! The TUI end to end in a pseudo-terminal: keys in as bytes, the screen read back through
//! a vt100 parser. Every test runs `samrad` on a fresh temporary data folder with its own
//! config path, in Norwegian, as the demo forum's chair (`p-leder`).
//!
//! Waits poll the parsed screen (no fixed sleeps); every child is killed when its handle
//! is dropped, also when a test fails.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

const MEETING: &str = "m-2026-12-08-kontaktgruppen";
/// How long any one wait may take: generous, for slow machines running tests in parallel.
const TIMEOUT: Duration = Duration::from_secs(15);
const POLL: Duration = Duration::from_millis(50);

const ENTER: &str = "\r";
const TAB: &str = "\t";
const CTRL_S: &str = "\x13";

/// A temporary folder with `data/` (the data folder) and `cfg.json` (the config path,
/// absent unless samrad writes it).
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

    fn config(&self) -> PathBuf {
        self.tmp.path().join("cfg.json")
    }

    /// Start `samrad` in a `cols`×`rows` pty on this sandbox.
    fn spawn(&self, cols: u16, rows: u16) -> Tui {
        Tui::spawn(self, cols, rows)
    }
}

/// A running `samrad` in a pty. Dropping it kills the child.
struct Tui {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the child wrote, as written.
    raw: Arc<Mutex<Vec<u8>>>,
    /// Set by the reader thread when the pty closes.
    eof: Arc<AtomicBool>,
    reader: Option<JoinHandle<()>>,
    exit: Option<ExitStatus>,
}

impl Tui {
    fn spawn(sandbox: &Sandbox, cols: u16, rows: u16) -> Tui {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_samrad"));
        cmd.arg("--data-dir");
        cmd.arg(sandbox.data());
        cmd.args(["--lang", "nb", "--as", "p-leder"]);
        cmd.cwd(sandbox.tmp.path());
        cmd.env("SAMRAD_CONFIG", sandbox.config());
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", sandbox.tmp.path());
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("SAMRAD_DATA_DIR");
        let child = pair.slave.spawn_command(cmd).expect("spawn samrad");
        // Only the child holds the slave now, so the reader sees the end when it exits.
        drop(pair.slave);

        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let eof = Arc::new(AtomicBool::new(false));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let thread = {
            let (parser, raw, eof) = (parser.clone(), raw.clone(), eof.clone());
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            raw.lock().unwrap().extend_from_slice(&buf[..n]);
                            parser.lock().unwrap().process(&buf[..n]);
                        }
                    }
                }
                eof.store(true, Ordering::SeqCst);
            })
        };
        let writer = pair.master.take_writer().expect("pty writer");
        Tui {
            child,
            master: pair.master,
            writer,
            parser,
            raw,
            eof,
            reader: Some(thread),
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

    /// The screen's last row: the status bar with mode, pane, who and the save state.
    fn status_bar(&self) -> String {
        let p = self.parser.lock().unwrap();
        let (_, cols) = p.screen().size();
        p.screen().rows(0, cols).last().unwrap_or_default()
    }

    fn dump(&mut self) -> String {
        let exited = match &self.exit {
            Some(s) => Some(s.clone()),
            None => self.child.try_wait().ok().flatten(),
        };
        format!(
            "child: {}\n----- screen -----\n{}\n------------------",
            match exited {
                Some(s) => format!("exited: {s}"),
                None => "running".into(),
            },
            self.screen_text()
        )
    }

    /// Poll the screen until `pred` holds; fail with the screen on timeout.
    fn wait_until(&mut self, what: &str, pred: impl Fn(&Tui) -> bool) {
        let start = Instant::now();
        loop {
            if pred(self) {
                return;
            }
            if start.elapsed() > TIMEOUT {
                let dump = self.dump();
                panic!("timed out after {TIMEOUT:?} waiting for {what}\n{dump}");
            }
            std::thread::sleep(POLL);
        }
    }

    /// Wait until `pred` holds on two polls in a row, so that it is not read off a
    /// frame that is only half written.
    fn wait_settled(&mut self, what: &str, pred: impl Fn(&Tui) -> bool) {
        loop {
            self.wait_until(what, &pred);
            std::thread::sleep(POLL * 2);
            if pred(self) {
                return;
            }
        }
    }

    /// Wait until the screen contains `text`.
    fn wait_for(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} on screen"), |t| {
            t.screen_text().contains(text)
        });
    }

    /// Wait until the status bar says the last change is on disk: "lagret hh:mm:ss" and
    /// nothing still being written, with `text` on screen.
    fn wait_saved_with(&mut self, text: &str) {
        self.wait_settled(&format!("{text:?} on screen and \"lagret\""), |t| {
            let bar = t.status_bar();
            bar.contains("lagret") && !bar.contains("lagrer") && t.screen_text().contains(text)
        });
    }

    /// Wait for the child to exit by itself.
    fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(s) = self.child.try_wait().expect("try_wait") {
                self.exit = Some(s.clone());
                return s;
            }
            if start.elapsed() > TIMEOUT {
                let dump = self.dump();
                panic!("samrad did not exit within {TIMEOUT:?}\n{dump}");
            }
            std::thread::sleep(POLL);
        }
    }

    /// Press `q` and expect a clean exit.
    fn quit(&mut self) {
        self.send("q");
        let status = self.wait_exit();
        assert!(status.success(), "samrad exited with {status}");
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

    /// Resize the pty (the child gets SIGWINCH) and the parser with it.
    fn resize(&mut self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows, cols);
        self.master.resize(size(cols, rows)).expect("resize pty");
    }

    /// Wait until the reader thread has seen the pty close, so `raw` is complete.
    fn wait_eof(&mut self) {
        self.wait_until("the end of the pty output", |t| {
            t.eof.load(Ordering::SeqCst)
        });
        if let Some(h) = self.reader.take() {
            h.join().expect("reader thread");
        }
    }

    fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
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

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// The writers' logs of a folder under `data/log`, without the template.
fn own_logs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.file_name().is_some_and(|n| n != "template.jsonl"))
        .collect()
}

fn read_all(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("read log"))
        .collect()
}

/// The last position of `needle` in `hay`.
fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

#[test]
fn an_item_and_an_action_typed_in_are_there_after_a_restart() {
    const ITEM: &str = "Pilot med felles tillitsvalgt";
    const ACTION: &str = "Utrede ordningen i pilot";
    let sb = Sandbox::new();

    let mut tui = sb.spawn(100, 30);
    tui.wait_for("Dagsorden");
    tui.send("a");
    tui.wait_for("Ny sak");
    tui.send(ITEM);
    tui.wait_for(ITEM);
    tui.send(ENTER);
    tui.wait_saved_with(ITEM);
    assert!(
        !tui.screen_text().contains("Ny sak"),
        "the form is still open\n{}",
        tui.dump()
    );

    tui.send("t");
    tui.wait_for("Nytt tiltak");
    tui.send(ACTION);
    tui.wait_for(ACTION);
    tui.send(ENTER);
    // The new action is listed under the item's details once the form is closed.
    tui.wait_until("the action form to close", |t| {
        !t.screen_text().contains("Nytt tiltak")
    });
    tui.wait_saved_with(ACTION);
    tui.quit();

    let logs = own_logs(&sb.data().join("log").join(MEETING));
    assert!(
        !logs.is_empty(),
        "no log besides template.jsonl in data/log/{MEETING}"
    );
    let text = read_all(&logs);
    assert!(text.contains(ITEM), "the item is not in {logs:?}");
    let all_logs: Vec<PathBuf> = std::fs::read_dir(sb.data().join("log"))
        .expect("data/log")
        .flat_map(|d| own_logs(&d.expect("dir entry").path()))
        .collect();
    assert!(
        read_all(&all_logs).contains(ACTION),
        "the action is not in {all_logs:?}"
    );

    let mut tui = sb.spawn(100, 30);
    tui.wait_for(ITEM);
    tui.send(TAB);
    tui.send(TAB);
    // The action pane, focused, lists the action (its title may be cut at the pane edge).
    tui.wait_until("the Tiltak pane focused, with the action", |t| {
        t.status_bar().contains("Tiltak") && t.screen_text().contains("Utrede ordningen")
    });
    tui.quit();
}

#[test]
fn a_saved_note_survives_kill_9() {
    const NOTE: &str = "Notat som ikke skal gå tapt";
    let sb = Sandbox::new();

    let mut tui = sb.spawn(100, 30);
    tui.wait_for("Dagsorden");
    tui.wait_until("the status bar", |t| t.status_bar().contains("NORMAL"));
    assert!(
        !tui.status_bar().contains("lagret"),
        "something is saved before any edit\n{}",
        tui.dump()
    );
    tui.send("w");
    tui.wait_for("Notater –");
    tui.send(NOTE);
    tui.wait_for(NOTE);
    tui.send(CTRL_S);
    tui.wait_until("\"lagret\" in the status bar", |t| {
        t.status_bar().contains("lagret")
    });
    let status = tui.kill9();
    assert!(
        status.signal().is_some(),
        "samrad was not killed by a signal: {status}"
    );

    let mut tui = sb.spawn(100, 30);
    tui.wait_for("Dagsorden");
    // The first item is selected; its details show the notes.
    tui.wait_until("the note in the detail pane", |t| {
        let s = t.screen_text();
        s.contains("Notater") && s.contains(NOTE)
    });
    tui.quit();
}

#[test]
fn the_terminal_is_restored_after_quitting() {
    let sb = Sandbox::new();
    let mut tui = sb.spawn(100, 30);
    tui.wait_for("Dagsorden");
    assert!(
        tui.parser.lock().unwrap().screen().alternate_screen(),
        "the TUI does not draw on the alternate screen"
    );
    tui.quit();
    tui.wait_eof();

    let raw = tui.raw();
    let shown = String::from_utf8_lossy(&raw);
    let leave = rfind(&raw, b"\x1b[?1049l").unwrap_or_else(|| {
        panic!("no leave-alternate-screen (ESC[?1049l) in the output:\n{shown:?}")
    });
    if let Some(enter) = rfind(&raw, b"\x1b[?1049h") {
        assert!(enter < leave, "the alternate screen is entered again last");
    }
    let show = rfind(&raw, b"\x1b[?25h")
        .unwrap_or_else(|| panic!("no show-cursor (ESC[?25h) in the output:\n{shown:?}"));
    if let Some(hide) = rfind(&raw, b"\x1b[?25l") {
        assert!(hide < show, "the cursor is hidden again last");
    }
    let p = tui.parser.lock().unwrap();
    assert!(
        !p.screen().alternate_screen(),
        "still on the alternate screen"
    );
    assert!(!p.screen().hide_cursor(), "the cursor is still hidden");
}

#[test]
fn a_too_small_window_says_so_until_it_grows() {
    let sb = Sandbox::new();
    let mut tui = sb.spawn(50, 12);
    tui.wait_for("for lite");
    assert!(
        !tui.screen_text().contains("Dagsorden"),
        "the agenda is drawn in a 50×12 window\n{}",
        tui.dump()
    );
    tui.resize(100, 30);
    tui.wait_for("Dagsorden");
    assert!(
        !tui.screen_text().contains("for lite"),
        "the too-small message is left on screen\n{}",
        tui.dump()
    );
    tui.quit();
}

#[test]
fn the_archive_searches_and_opens_a_meeting_to_read() {
    let sandbox = Sandbox::new();
    let mut tui = sandbox.spawn(100, 30);
    tui.wait_for("Dagsorden");
    tui.send("A");
    tui.wait_for("Arkiv · 1 / 1 møter");
    tui.send("/KOMPETANSE");
    tui.send(ENTER);
    tui.wait_for("Treff: 3");
    tui.send("j");
    tui.send(ENTER);
    tui.wait_for("[lesemodus]");
    assert!(
        tui.screen_text().contains("› "),
        "an item is selected:\n{}",
        tui.screen_text()
    );
    tui.send("w");
    tui.wait_for(":edit");
    tui.send("A");
    tui.wait_for("Treff: 3");
    tui.send("q");
    tui.wait_exit();
}
