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

/// How long a TUI may take to start, or to show what was just typed into it: generous,
/// for slow shared machines.
const TIMEOUT: Duration = Duration::from_secs(30);
/// How long another TUI's change may take to show, counted from when it is on disk (each
/// TUI reads the others' logs every 300 ms).
const LIVE: Duration = Duration::from_secs(5);
/// The live-writers indicator is refreshed every 2 s; allow a few rounds.
const LIVE_WRITERS: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(50);
/// How often to press End in the detail pane while waiting for something below the fold.
const SCROLL_EVERY: Duration = Duration::from_millis(300);

const ENTER: &str = "\r";
const TAB: &str = "\t";
const RIGHT: &str = "\x1b[C";
const CTRL_S: &str = "\x13";

const COLS: u16 = 100;
const ROWS: u16 = 30;

/// The start of item 2/26's title in the template meeting.
const ITEM2: &str = "Prosessen: involvering";
/// The start of item 5/26's title.
const ITEM5: &str = "Hvordan lykkes med strategien";
const REASON: &str = "Arbeidsgruppen var for smal";
/// NTL's position as the detail pane shows it: party, stance, reason on one line.
const POSITION_LINE: &str = "NTL: Uenig – Arbeidsgruppen var for smal";
const STATEMENT: &str = "NTL mener prosessen har vært for lukket og for rask";
const STATEMENT_HEADING: &str = "Protokolltilførsler – NTL";

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

    /// Start `samrad --as who` on the shared folder, with `cfg-<who>.json` as its config
    /// path (so a restarted TUI gets its own config back); `name` tells the TUIs apart in
    /// failures.
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
            sandbox.tmp.path().join(format!("cfg-{who}.json")),
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

    /// The agenda's rows in screen order, each with whether it is the selected one
    /// (marked "›") and its text without the marker: "2/26 Drø Prosessen: …" (cut at the
    /// pane's edge). The agenda is the top left pane, "Dagsorden (n)".
    fn agenda(&self) -> Vec<(bool, String)> {
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
    fn selected_agenda_row(&self) -> Option<String> {
        self.agenda()
            .into_iter()
            .find_map(|(selected, row)| selected.then_some(row))
    }

    /// The text inside the detail pane ("Detaljer", the right-hand pane), one line per
    /// screen row, or nothing when it is not drawn (covered by a popup).
    fn detail_lines(&self) -> Vec<String> {
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
            .map(|r| {
                r.iter()
                    .skip(corner + 1)
                    .take(usize::from(COLS) - corner - 2)
                    .collect()
            })
            .collect()
    }

    /// The detail pane's text as one line, with word wrapping undone: runs of white space
    /// become one space.
    fn detail_flat(&self) -> String {
        self.detail_lines()
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
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

    /// Wait until the popup titled `popup` is closed and the status bar says the change
    /// is on disk: back in NORMAL mode, "lagret hh:mm:ss" and nothing still being written.
    /// (The first frame after a change shows "lagrer", so an earlier "lagret" does not
    /// count.)
    fn wait_closed_and_saved(&mut self, popup: &str) {
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
    fn select_item(&mut self, n: usize, title: &str) {
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
    fn focus_detail(&mut self) {
        self.send(ENTER);
        self.wait_until(TIMEOUT, "the detail pane focused", |t| {
            t.status_bar().contains("NORMAL  Detaljer")
        });
    }

    /// Wait until `pred` holds, pressing End in the (focused) detail pane now and then:
    /// what is waited for may be added below the fold of a long item.
    fn wait_scrolling(&mut self, within: Duration, what: &str, pred: impl Fn(&Tui) -> bool) {
        let start = Instant::now();
        let mut last_end = start - SCROLL_EVERY;
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
            if last_end.elapsed() >= SCROLL_EVERY {
                assert!(
                    self.status_bar().contains("NORMAL  Detaljer"),
                    "the detail pane lost focus\n{}",
                    self.dump()
                );
                self.send("G");
                last_end = Instant::now();
            }
            std::thread::sleep(POLL);
        }
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

/// The form's row for the field `label`, e.g. "›Part:        ‹ NTL ›" ("›" on the focused
/// field); empty when it is not on screen.
fn form_row(t: &Tui, label: &str) -> String {
    t.rows()
        .into_iter()
        .find(|r| r.contains(&format!("{label}:")))
        .unwrap_or_default()
}

/// Start A (the chair) and then B (NTL's representative) on the sandbox's data folder.
fn start_pair(sb: &Sandbox) -> (Tui, Tui) {
    let mut a = sb.spawn("A", "p-leder");
    a.wait_ready();
    assert!(
        a.status_bar().contains("Møteleder (KMD)"),
        "A is not the chair\n{}",
        a.dump()
    );
    let mut b = sb.spawn("B", "p-ntl");
    b.wait_ready();
    assert!(
        b.status_bar().contains("Tillitsvalgt NTL"),
        "B is not NTL's representative\n{}",
        b.dump()
    );
    (a, b)
}

/// In `t`, with item 2/26 selected: record NTL's position "Uenig" with `REASON` through the
/// position form, and wait until it is on disk.
fn record_position(t: &mut Tui) {
    t.send("P");
    t.wait_until(TIMEOUT, "the position form for item 2/26", |t| {
        t.screen_text().contains("Standpunkter – Sak 2/26") && form_row(t, "Part").contains('›')
    });
    let party = form_row(t, "Part");
    assert!(
        party.contains("‹ NTL ›"),
        "NTL is not preselected for NTL's representative: {party:?}\n{}",
        t.dump()
    );
    t.send(TAB);
    t.wait_until(TIMEOUT, "the stance field focused", |t| {
        form_row(t, "Standpunkt").contains("›Standpunkt:")
    });
    t.send(RIGHT);
    t.wait_until(TIMEOUT, "the stance \"Uenig\"", |t| {
        form_row(t, "Standpunkt").contains("‹ Uenig ›")
    });
    assert!(
        form_row(t, "Part").contains("‹ NTL ›"),
        "Right on the stance changed the party\n{}",
        t.dump()
    );
    t.send(TAB);
    t.wait_until(TIMEOUT, "the reason field focused", |t| {
        form_row(t, "Begrunnelse").contains("›Begrunnelse:")
    });
    t.send(REASON);
    t.wait_until(TIMEOUT, "the reason typed in", |t| {
        form_row(t, "Begrunnelse").contains(REASON)
    });
    t.send(ENTER);
    t.wait_closed_and_saved("Standpunkter – Sak");
}

/// In `t`, with item 2/26 selected: write `STATEMENT` for the record (NTL's), save it with
/// Ctrl-S, and wait until it is on disk.
fn record_statement(t: &mut Tui) {
    t.send("S");
    t.wait_until(TIMEOUT, "the statement editor for item 2/26", |t| {
        t.screen_text().contains("Protokolltilførsler – Sak 2/26")
            && t.status_bar().contains("SKRIV")
    });
    t.send(STATEMENT);
    t.wait_for(STATEMENT);
    t.send(CTRL_S);
    t.wait_closed_and_saved("Protokolltilførsler – Sak");
}

fn shows_position(t: &Tui) -> bool {
    t.detail_flat().contains(POSITION_LINE)
}

fn shows_statement(t: &Tui) -> bool {
    t.detail_flat()
        .contains(&format!("{STATEMENT_HEADING} {STATEMENT}"))
}

/// Whether the status bar lists NTL's representative among the other live writers.
fn lists_ntl_as_writer(t: &Tui) -> bool {
    t.status_bar()
        .split_once("Skriver også:")
        .is_some_and(|(_, who)| who.contains("Tillitsvalgt NTL"))
}

#[test]
fn a_position_recorded_in_one_tui_shows_in_the_other() {
    let sb = Sandbox::new();
    let (mut a, mut b) = start_pair(&sb);

    b.select_item(2, ITEM2);
    record_position(&mut b);
    let on_disk = Instant::now();

    a.select_item(2, ITEM2);
    a.focus_detail();
    // The position is listed below item 2's long background: A scrolls down to it.
    a.wait_scrolling(
        LIVE.saturating_sub(on_disk.elapsed()),
        "NTL's position \"Uenig\" with its reason in A's detail pane",
        shows_position,
    );
    a.wait_until(
        LIVE_WRITERS,
        "\"Skriver også: … Tillitsvalgt NTL\" in A's status bar",
        lists_ntl_as_writer,
    );

    // B shows its own position too.
    b.focus_detail();
    b.wait_scrolling(TIMEOUT, "NTL's position in B's detail pane", shows_position);
    a.quit();
    b.quit();
}

#[test]
fn a_statement_for_the_record_shows_in_the_other_tui() {
    let sb = Sandbox::new();
    let (mut a, mut b) = start_pair(&sb);

    // A looks at item 2 while B writes.
    a.select_item(2, ITEM2);
    a.focus_detail();
    b.select_item(2, ITEM2);
    record_statement(&mut b);
    let on_disk = Instant::now();

    a.wait_scrolling(
        LIVE.saturating_sub(on_disk.elapsed()),
        "NTL's statement under \"Protokolltilførsler – NTL\" in A's detail pane",
        shows_statement,
    );
    a.quit();
    b.quit();
}

#[test]
fn position_and_statement_survive_kill_9_of_their_writer() {
    const DRAFT: &str = " UTKAST SOM IKKE ER LAGRET";
    let sb = Sandbox::new();
    let (mut a, mut b) = start_pair(&sb);

    // The chair opens the meeting; B sees it open.
    a.send(":start");
    a.wait_for(":start");
    a.send(ENTER);
    a.wait_until(TIMEOUT, "the meeting open and saved in A", |t| {
        let bar = t.status_bar();
        t.screen_text().contains("PÅGÅR") && bar.contains("lagret") && !bar.contains("lagrer")
    });
    b.wait_until(LIVE, "the meeting open in B", |t| {
        t.screen_text().contains("PÅGÅR")
    });

    b.select_item(2, ITEM2);
    record_position(&mut b);
    record_statement(&mut b);
    let on_disk = Instant::now();

    a.select_item(2, ITEM2);
    a.focus_detail();
    a.wait_scrolling(
        LIVE.saturating_sub(on_disk.elapsed()),
        "NTL's position and statement in A's detail pane",
        |t| shows_position(t) && shows_statement(t),
    );
    a.wait_until(
        LIVE_WRITERS,
        "\"Skriver også: … Tillitsvalgt NTL\" in A's status bar",
        lists_ntl_as_writer,
    );

    // Mid-meeting, mid-sentence: B has more typed into its statement, not saved, when its
    // process dies without a chance to say goodbye.
    b.send("S");
    b.wait_until(
        TIMEOUT,
        "the statement editor with the saved statement",
        |t| t.status_bar().contains("SKRIV") && t.screen_text().contains(STATEMENT),
    );
    b.send(DRAFT);
    b.wait_for(DRAFT.trim());
    let status = b.kill9();
    assert!(
        status.signal().is_some(),
        "B was not killed by a signal: {status}"
    );
    drop(b);
    // Its log is no longer held, so A stops listing it as writing.
    a.wait_until(
        LIVE_WRITERS,
        "NTL's representative gone from A's live writers",
        |t| !lists_ntl_as_writer(t),
    );

    let mut b = sb.spawn("B (restarted)", "p-ntl");
    b.wait_ready();
    assert!(
        b.screen_text().contains("PÅGÅR"),
        "the meeting is not open in the restarted B\n{}",
        b.dump()
    );
    b.select_item(2, ITEM2);
    b.focus_detail();
    b.wait_scrolling(
        TIMEOUT,
        "NTL's position and statement in the restarted B",
        |t| shows_position(t) && shows_statement(t),
    );
    // A still shows the same, and both detail panes, scrolled to their ends, read alike.
    a.wait_scrolling(
        TIMEOUT,
        "NTL's position and statement in A after B's restart",
        |t| shows_position(t) && shows_statement(t),
    );
    let (in_a, in_b) = (a.detail_lines(), b.detail_lines());
    assert_eq!(
        in_a,
        in_b,
        "A and the restarted B show item 2/26 differently\n{}\n{}",
        a.dump(),
        b.dump()
    );
    for t in [&mut a, &mut b] {
        assert!(
            !t.screen_text().contains(DRAFT.trim()),
            "the unsaved draft shows up\n{}",
            t.dump()
        );
    }
    assert!(
        b.status_bar().contains("ingen endringer"),
        "the restarted B claims changes of its own\n{}",
        b.dump()
    );
    // The chair has written and is still running, so the restarted B lists A as writing.
    b.wait_until(
        LIVE_WRITERS,
        "\"Skriver også: … Møteleder (KMD)\" in the restarted B's status bar",
        |t| {
            t.status_bar()
                .split_once("Skriver også:")
                .is_some_and(|(_, who)| who.contains("Møteleder (KMD)"))
        },
    );
    a.quit();
    b.quit();
}

#[test]
fn an_item_added_in_one_tui_appears_in_the_other_without_moving_its_selection() {
    const NEW_ITEM: &str = "Pilot med felles tillitsvalgt";
    let sb = Sandbox::new();
    let (mut a, mut b) = start_pair(&sb);

    // B looks at item 5; A adds an item after item 1, so above B's selection.
    b.select_item(5, ITEM5);
    let before = b.agenda();
    assert_eq!(before.len(), 6, "the template agenda\n{}", b.dump());

    a.send("a");
    a.wait_until(TIMEOUT, "the new item form", |t| {
        t.screen_text().contains("Ny sak") && t.status_bar().contains("SKJEMA")
    });
    a.send(NEW_ITEM);
    a.wait_for(NEW_ITEM);
    a.send(ENTER);
    a.wait_closed_and_saved("Ny sak");
    let on_disk = Instant::now();
    let in_a: Vec<String> = a.agenda().into_iter().map(|(_, row)| row).collect();
    assert!(
        in_a.len() == 7 && in_a[1].contains(NEW_ITEM),
        "A's new item is not right after item 1: {in_a:#?}\n{}",
        a.dump()
    );

    b.wait_until(
        LIVE.saturating_sub(on_disk.elapsed()),
        "the new item in B's agenda",
        |t| {
            t.agenda().iter().any(|(_, row)| row.contains(NEW_ITEM))
                && t.screen_text().contains("Dagsorden (7)")
        },
    );
    let selected = b.selected_agenda_row().unwrap_or_default();
    assert!(
        selected.starts_with("5/26 ") && selected.contains(ITEM5),
        "B's selection moved off item 5/26 to {selected:?}\n{}",
        b.dump()
    );
    assert!(
        b.detail_flat().contains(&format!("Sak 5/26: {ITEM5}")),
        "B's detail pane no longer shows item 5/26\n{}",
        b.dump()
    );
    let in_b: Vec<String> = b.agenda().into_iter().map(|(_, row)| row).collect();
    assert_eq!(in_a, in_b, "A and B order the agenda differently");
    a.quit();
    b.quit();
}
