//! `samrad` in a pseudo-terminal: keys in as bytes, the screen read back through a vt100
//! parser. Waits poll the parsed screen (no fixed sleeps); the child is killed when its
//! handle is dropped, also when a test fails.

use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

use super::sandbox::Sandbox;

/// How long a TUI may take to start, or to show what was just typed into it: generous,
/// for slow shared machines.
pub const TIMEOUT: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(50);
/// How often to press End in the detail pane while waiting for something below the fold.
const SCROLL_EVERY: Duration = Duration::from_millis(300);

pub const ENTER: &str = "\r";
pub const TAB: &str = "\t";
pub const RIGHT: &str = "\x1b[C";
pub const ESC: &str = "\x1b";
pub const CTRL_S: &str = "\x13";

impl Sandbox {
    /// Start `samrad --lang nb --as <who>` on the data folder in a `cols`×`rows` pty, with
    /// `cfg-<who>.json` as its config path and `key-<who>` as its key (so a restarted TUI
    /// gets its own config and key back: one person, one key); `name` tells the TUIs apart
    /// in failures.
    pub fn tui(&self, name: &str, who: &str, size: (u16, u16)) -> Tui {
        self.tui_with(name, who, size, &[])
    }

    /// `tui`, with more options for samrad (e.g. `--sync-every 1`).
    pub fn tui_with(&self, name: &str, who: &str, size: (u16, u16), more: &[&str]) -> Tui {
        self.tui_env(name, who, size, more, &[])
    }

    /// `tui_with`, with more environment variables for samrad.
    pub fn tui_env(
        &self,
        name: &str,
        who: &str,
        (cols, rows): (u16, u16),
        more: &[&str],
        env: &[(&str, &str)],
    ) -> Tui {
        self.tui_redirected(name, who, (cols, rows), more, env, "")
    }

    /// `tui_env`, samrad started by `sh` with `redirect` (e.g. `2>/dev/full`) applied.
    pub fn tui_redirected(
        &self,
        name: &str,
        who: &str,
        (cols, rows): (u16, u16),
        more: &[&str],
        env: &[(&str, &str)],
        redirect: &str,
    ) -> Tui {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .expect("open a pty");
        let samrad = env!("CARGO_BIN_EXE_samrad");
        let mut cmd = if redirect.is_empty() {
            CommandBuilder::new(samrad)
        } else {
            let mut sh = CommandBuilder::new("sh");
            sh.args(["-c", &format!("exec \"$0\" \"$@\" {redirect}"), samrad]);
            sh
        };
        cmd.arg("--data-dir");
        cmd.arg(&self.data);
        cmd.args(["--lang", "nb", "--as", who]);
        cmd.args(more);
        cmd.cwd(self.home());
        cmd.env("SAMRAD_CONFIG", self.home().join(format!("cfg-{who}.json")));
        let key = self.home().join(format!("key-{who}"));
        samrad::store::keys::Signer::load_or_create(&key).expect("a key for the terminal");
        cmd.env("SAMRAD_KEY", key);
        cmd.env("TERM", "xterm-256color");
        cmd.env("SAMRAD_NOW", super::READER_NOW);
        cmd.env("HOME", self.home());
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("SAMRAD_DATA_DIR");
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn samrad");
        // Only the child holds the slave now, so the reader sees the end when it exits.
        drop(pair.slave);

        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let eof = Arc::new(AtomicBool::new(false));
        let closing = Arc::new(AtomicBool::new(false));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let master_fd = pair.master.as_raw_fd().expect("the pty's fd");
        let thread = {
            let (parser, raw, eof, closing) =
                (parser.clone(), raw.clone(), eof.clone(), closing.clone());
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                // Waits a little at a time, so that `close_window` can take this side of
                // the pty away too.
                while !closing.load(Ordering::SeqCst) {
                    if !readable(master_fd, POLL) {
                        continue;
                    }
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
            name: name.to_string(),
            child,
            master: Some(pair.master),
            writer: Some(writer),
            parser,
            raw,
            eof,
            closing,
            reader: Some(thread),
            exit: None,
        }
    }
}

/// A running `samrad` in a pty. Dropping it kills the child.
pub struct Tui {
    name: String,
    child: Box<dyn Child + Send + Sync>,
    /// The terminal's side of the pty; `None` once `close_window` dropped it.
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    pub parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the child wrote, as written.
    raw: Arc<Mutex<Vec<u8>>>,
    /// Set by the reader thread when the pty closes.
    eof: Arc<AtomicBool>,
    /// Tells the reader thread to let go of the pty (`close_window`).
    closing: Arc<AtomicBool>,
    reader: Option<JoinHandle<()>>,
    exit: Option<ExitStatus>,
}

impl Tui {
    /// Type `keys` as the terminal would send them.
    pub fn send(&mut self, keys: &str) {
        let writer = self.writer.as_mut().expect("the window is open");
        writer.write_all(keys.as_bytes()).expect("write to pty");
        writer.flush().expect("flush pty");
    }

    pub fn screen_text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn cols(&self) -> u16 {
        self.parser.lock().unwrap().screen().size().1
    }

    pub fn rows(&self) -> Vec<String> {
        let cols = self.cols();
        self.parser.lock().unwrap().screen().rows(0, cols).collect()
    }

    /// The screen's last row: the status bar with mode, pane, who, the save state and the
    /// other live writers.
    pub fn status_bar(&self) -> String {
        self.rows().pop().unwrap_or_default()
    }

    /// The agenda's rows in screen order, each with whether it is the selected one
    /// (marked "›") and its text without the marker: "2/26 Drø Prosessen: …" (cut at the
    /// pane's edge). The agenda is the top left pane, "Dagsorden (n)".
    pub fn agenda(&self) -> Vec<(bool, String)> {
        let rows = self.rows();
        let Some(top) = rows.iter().position(|r| r.contains("Dagsorden (")) else {
            return Vec::new();
        };
        rows[top + 1..]
            .iter()
            .take_while(|r| !r.starts_with(['└', '┗']))
            .map(|r| {
                // Border, marker ("› " or "  "), then the row up to the pane's right border.
                let inner: String = r
                    .chars()
                    .skip(1)
                    .take_while(|c| !matches!(c, '│' | '┃'))
                    .collect();
                let selected = inner.starts_with('›');
                (
                    selected,
                    inner.chars().skip(2).collect::<String>().trim().to_string(),
                )
            })
            .filter(|(_, row)| !row.is_empty())
            .collect()
    }

    /// The agenda's selected row, without the marker.
    pub fn selected_agenda_row(&self) -> Option<String> {
        self.agenda()
            .into_iter()
            .find_map(|(selected, row)| selected.then_some(row))
    }

    /// The text inside the detail pane ("Detaljer", the right-hand pane), one line per
    /// screen row, or nothing when it is not drawn (covered by a popup).
    pub fn detail_lines(&self) -> Vec<String> {
        let cols = usize::from(self.cols());
        let rows: Vec<Vec<char>> = self.rows().iter().map(|r| r.chars().collect()).collect();
        let Some((top, corner)) = rows.iter().enumerate().find_map(|(y, r)| {
            let s: String = r.iter().collect();
            let at = s.find("Detaljer")?;
            let x = s[..at].chars().count();
            let corner = (0..x).rev().find(|&c| matches!(r[c], '┌' | '┏'))?;
            Some((y, corner))
        }) else {
            return Vec::new();
        };
        rows[top + 1..]
            .iter()
            .take_while(|r| !matches!(r.get(corner), Some('└' | '┗')))
            .map(|r| r.iter().skip(corner + 1).take(cols - corner - 2).collect())
            .collect()
    }

    /// The detail pane's text as one line, with word wrapping undone: runs of white space
    /// become one space.
    pub fn detail_flat(&self) -> String {
        self.detail_lines()
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub fn dump(&mut self) -> String {
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
    /// a half-written frame), doing `meanwhile` between polls; fail with the screen when
    /// `within` has passed.
    fn poll(
        &mut self,
        within: Duration,
        what: &str,
        pred: impl Fn(&Tui) -> bool,
        mut meanwhile: impl FnMut(&mut Tui),
    ) {
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
            meanwhile(self);
            std::thread::sleep(POLL);
        }
    }

    /// Poll the screen until `pred` holds on two polls in a row; fail with the screen when
    /// `within` has passed.
    pub fn wait_until(&mut self, within: Duration, what: &str, pred: impl Fn(&Tui) -> bool) {
        self.poll(within, what, pred, |_| {});
    }

    /// Wait until the screen contains `text`.
    pub fn wait_for(&mut self, text: &str) {
        self.wait_until(TIMEOUT, &format!("{text:?} on screen"), |t| {
            t.screen_text().contains(text)
        });
    }

    /// Fail with `why` and the screen unless `text` is on screen.
    pub fn assert_on_screen(&mut self, text: &str, why: &str) {
        let shown = self.screen_text().contains(text);
        assert!(shown, "{why}\n{}", self.dump());
    }

    /// Fail with `why` and the screen if `text` is on screen.
    pub fn assert_not_on_screen(&mut self, text: &str, why: &str) {
        let shown = self.screen_text().contains(text);
        assert!(!shown, "{why}\n{}", self.dump());
    }

    /// Press `key`, wait for `title` (of the popup it opens), then type `text` and wait
    /// until it shows.
    pub fn open_and_type(&mut self, key: &str, title: &str, text: &str) {
        self.send(key);
        self.wait_for(title);
        self.send(text);
        self.wait_for(text);
    }

    /// As the chair: admit `name`'s key with `:admit` once their request has come in (it is
    /// read from their log within a second), and wait until it is on disk.
    pub fn admit(&mut self, name: &str) {
        let start = Instant::now();
        loop {
            self.send(":admit\r");
            let asked = Instant::now();
            while asked.elapsed() < Duration::from_secs(1) && !self.screen_text().contains(name) {
                std::thread::sleep(POLL);
            }
            if self.screen_text().contains("Venter på opptak") && self.screen_text().contains(name)
            {
                break;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "{name} never asked to join\n{}",
                self.dump()
            );
        }
        self.send(ENTER);
        self.wait_closed_and_saved("Venter på opptak");
    }

    /// Wait until the TUI is up: the agenda drawn and the status bar in normal mode.
    pub fn wait_ready(&mut self) {
        self.wait_until(TIMEOUT, "the agenda and NORMAL in the status bar", |t| {
            t.screen_text().contains("Dagsorden") && t.status_bar().contains("NORMAL")
        });
    }

    /// Wait until the status bar says the last change is on disk: "lagret hh:mm:ss" and
    /// nothing still being written, with `text` on screen.
    pub fn wait_saved_with(&mut self, text: &str) {
        self.wait_until(
            TIMEOUT,
            &format!("{text:?} on screen and \"lagret\""),
            |t| {
                let bar = t.status_bar();
                bar.contains("lagret") && !bar.contains("lagrer") && t.screen_text().contains(text)
            },
        );
    }

    /// Wait until the popup titled `popup` is closed and the status bar says the change
    /// is on disk: back in NORMAL mode, "lagret hh:mm:ss" and nothing still being written.
    /// (The first frame after a change shows "lagrer", so an earlier "lagret" does not
    /// count.)
    pub fn wait_closed_and_saved(&mut self, popup: &str) {
        let what = format!("{popup:?} closed and the change saved");
        self.wait_until(TIMEOUT, &what, |t| {
            let bar = t.status_bar();
            !t.screen_text().contains(popup)
                && bar.contains("NORMAL")
                && bar.contains("lagret")
                && !bar.contains("lagrer")
        });
    }

    /// Press `j` until the agenda row starting with `title` is selected (the first item is
    /// selected at start), waiting for each step to show, and wait for its details.
    pub fn select_item(&mut self, n: usize, title: &str) {
        for k in 2..=n {
            self.send("j");
            let row = format!("{k}/26 ");
            self.wait_until(TIMEOUT, &format!("item {k}/26 selected"), |t| {
                t.selected_agenda_row().is_some_and(|r| r.starts_with(&row))
            });
        }
        let heading = format!("Sak {n}/26: ");
        self.wait_until(TIMEOUT, &format!("{title:?} selected, with details"), |t| {
            t.selected_agenda_row().is_some_and(|r| r.contains(title))
                && t.detail_flat().contains(&heading)
        });
    }

    /// Focus the detail pane (Enter on the agenda).
    pub fn focus_detail(&mut self) {
        self.send(ENTER);
        self.wait_until(TIMEOUT, "the detail pane focused", |t| {
            t.status_bar().contains("NORMAL  Detaljer")
        });
    }

    /// Wait until `pred` holds, pressing End in the (focused) detail pane now and then:
    /// what is waited for may be added below the fold of a long item.
    pub fn wait_scrolling(&mut self, within: Duration, what: &str, pred: impl Fn(&Tui) -> bool) {
        let mut last_end: Option<Instant> = None;
        self.poll(within, what, pred, |t| {
            if last_end.is_none_or(|e| e.elapsed() >= SCROLL_EVERY) {
                assert!(
                    t.status_bar().contains("NORMAL  Detaljer"),
                    "the detail pane lost focus\n{}",
                    t.dump()
                );
                t.send("G");
                last_end = Some(Instant::now());
            }
        });
    }

    /// Wait for the child to exit by itself.
    pub fn wait_exit(&mut self) -> ExitStatus {
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
    pub fn quit(&mut self) {
        self.send("q");
        let status = self.wait_exit();
        assert!(status.success(), "{} exited with {status}", self.name);
    }

    /// SIGKILL: no chance to flush, restore or say goodbye. (`Child::kill` in portable-pty
    /// sends SIGHUP first, so it is not used here.)
    pub fn kill9(&mut self) -> ExitStatus {
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

    /// Send the child `signal` (a name `kill` knows: TERM, HUP), and wait for it to exit.
    pub fn signal(&mut self, signal: &str) -> ExitStatus {
        let pid = self.child.process_id().expect("child pid");
        let ok = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &pid.to_string()])
            .status()
            .expect("run kill");
        assert!(ok.success(), "kill -{signal} {pid} failed");
        self.wait_exit()
    }

    /// Close the window: the terminal's side of the pty goes, as when a terminal emulator
    /// or tmux is closed (the child gets SIGHUP, and its terminal reads end-of-file). Waits
    /// for the child to exit by itself.
    pub fn close_window(&mut self) -> ExitStatus {
        self.closing.store(true, Ordering::SeqCst);
        if let Some(reader) = self.reader.take() {
            reader.join().expect("the pty reader thread");
        }
        // A closing window sends nothing. portable-pty's writer, when dropped, types a
        // newline and the terminal's end-of-file key (Ctrl-D: samrad's "discard the draft")
        // unless the terminal has none: so it is given none first.
        if let Some(fd) = self.master.as_ref().and_then(|m| m.as_raw_fd()) {
            // SAFETY: a termios filled by tcgetattr on the pty's open descriptor, and set
            // back on it.
            unsafe {
                let mut t: libc::termios = std::mem::zeroed();
                if libc::tcgetattr(fd, &mut t) == 0 {
                    t.c_cc[libc::VEOF] = 0;
                    libc::tcsetattr(fd, libc::TCSANOW, &t);
                }
            }
        }
        self.writer = None;
        self.master = None;
        self.wait_exit()
    }

    /// Resize the pty (the child gets SIGWINCH) and the parser with it.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows, cols);
        self.master
            .as_ref()
            .expect("the window is open")
            .resize(size(cols, rows))
            .expect("resize pty");
    }

    /// Wait until the reader thread has seen the pty close, so `raw` is complete.
    pub fn wait_eof(&mut self) {
        self.wait_until(TIMEOUT, "the end of the pty output", |t| {
            t.eof.load(Ordering::SeqCst)
        });
        if let Some(h) = self.reader.take() {
            h.join().expect("reader thread");
        }
    }

    /// Every byte the child wrote so far.
    pub fn raw(&self) -> Vec<u8> {
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

/// Whether `fd` has something to read (or has closed) within `wait`.
fn readable(fd: i32, wait: Duration) -> bool {
    let mut p = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = i32::try_from(wait.as_millis()).unwrap_or(i32::MAX);
    // SAFETY: one valid pollfd, its count 1, for the duration of the call.
    unsafe { libc::poll(&mut p, 1, ms) > 0 }
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// The form's row for the field `label`, e.g. "›Part:        ‹ NTL ›" ("›" on the focused
/// field); empty when it is not on screen.
pub fn form_row(t: &Tui, label: &str) -> String {
    t.rows()
        .into_iter()
        .find(|r| r.contains(&format!("{label}:")))
        .unwrap_or_default()
}

/// Send `keys` to the form, and wait until its row for `label` shows `shows`.
pub fn press(t: &mut Tui, keys: &str, label: &str, shows: &str) {
    t.send(keys);
    t.wait_until(
        TIMEOUT,
        &format!("{shows:?} in the form's {label:?} row"),
        |t| form_row(t, label).contains(shows),
    );
}

/// Start samrad as `who` on the sandbox's data folder in a `size` terminal, and wait until
/// it is up and shows `writer` in its status bar.
pub fn start(sb: &Sandbox, name: &str, who: &str, writer: &str, size: (u16, u16)) -> Tui {
    let mut t = sb.tui(name, who, size);
    t.wait_ready();
    assert!(
        t.status_bar().contains(writer),
        "{name} is not {writer}\n{}",
        t.dump()
    );
    t
}
