//! The TUI end to end in a pseudo-terminal: keys in as bytes, the screen read back through
//! a vt100 parser. Every test runs `samrad` on a fresh temporary data folder with its own
//! config path, in Norwegian, as the demo forum's chair (`p-leder`).
//!
//! Waits poll the parsed screen (no fixed sleeps); every child is killed when its handle
//! is dropped, also when a test fails.

mod common;

use std::path::PathBuf;

use common::TEMPLATE_MEETING as MEETING;
use common::files::own_logs;
use common::pty::{CTRL_S, ENTER, TAB, TIMEOUT, Tui};
use common::sandbox::Sandbox;

/// Start samrad as the chair in a `cols`×`rows` window.
fn spawn(sb: &Sandbox, cols: u16, rows: u16) -> Tui {
    sb.tui("samrad", "p-leder", (cols, rows))
}

/// Start samrad as the chair in a 100×30 window, and wait for the agenda.
fn start(sb: &Sandbox) -> Tui {
    let mut tui = spawn(sb, 100, 30);
    tui.wait_for("Dagsorden");
    tui
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

    let mut tui = start(&sb);
    tui.open_and_type("a", "Ny sak", ITEM);
    tui.send(ENTER);
    tui.wait_saved_with(ITEM);
    tui.assert_not_on_screen("Ny sak", "the form is still open");

    tui.open_and_type("t", "Nytt tiltak", ACTION);
    tui.send(ENTER);
    // The new action is listed under the item's details once the form is closed.
    tui.wait_until(TIMEOUT, "the action form to close", |t| {
        !t.screen_text().contains("Nytt tiltak")
    });
    tui.wait_saved_with(ACTION);
    tui.quit();

    let logs = own_logs(&sb.data.join("log").join(MEETING));
    assert!(
        !logs.is_empty(),
        "no log besides template.jsonl in data/log/{MEETING}"
    );
    let text = read_all(&logs);
    assert!(text.contains(ITEM), "the item is not in {logs:?}");
    let all_logs = own_logs(&sb.data.join("log"));
    assert!(
        read_all(&all_logs).contains(ACTION),
        "the action is not in {all_logs:?}"
    );

    let mut tui = spawn(&sb, 100, 30);
    tui.wait_for(ITEM);
    tui.send(TAB);
    tui.send(TAB);
    // The action pane, focused, lists the action (its title may be cut at the pane edge).
    tui.wait_until(TIMEOUT, "the Tiltak pane focused, with the action", |t| {
        t.status_bar().contains("Tiltak") && t.screen_text().contains("Utrede ordningen")
    });
    tui.quit();
}

#[test]
fn a_saved_note_survives_kill_9() {
    const NOTE: &str = "Notat som ikke skal gå tapt";
    let sb = Sandbox::new();

    let mut tui = start(&sb);
    tui.wait_until(TIMEOUT, "the status bar", |t| {
        t.status_bar().contains("NORMAL")
    });
    // The only thing written before any edit: the chair took their seat with this
    // terminal's key, founding the forum, and is told so.
    tui.assert_on_screen(
        "Forumet er sikret med nøkkelen din som møteleder",
        "the chair is not told that the forum is founded",
    );
    tui.open_and_type("w", "Notater –", NOTE);
    tui.send(CTRL_S);
    tui.wait_until(TIMEOUT, "\"lagret\" in the status bar", |t| {
        t.status_bar().contains("lagret")
    });
    let status = tui.kill9();
    assert!(
        status.signal().is_some(),
        "samrad was not killed by a signal: {status}"
    );

    let mut tui = start(&sb);
    // The first item is selected; its details show the notes.
    tui.wait_until(TIMEOUT, "the note in the detail pane", |t| {
        let s = t.screen_text();
        s.contains("Notater") && s.contains(NOTE)
    });
    tui.quit();
}

#[test]
fn the_terminal_is_restored_after_quitting() {
    let sb = Sandbox::new();
    let mut tui = start(&sb);
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
    let mut tui = spawn(&sb, 50, 12);
    tui.wait_for("for lite");
    tui.assert_not_on_screen("Dagsorden", "the agenda is drawn in a 50×12 window");
    tui.resize(100, 30);
    tui.wait_for("Dagsorden");
    tui.assert_not_on_screen("for lite", "the too-small message is left on screen");
    tui.quit();
}

#[test]
fn the_archive_searches_and_opens_a_meeting_to_read() {
    let sb = Sandbox::new();
    let mut tui = start(&sb);
    tui.send("A");
    tui.wait_for("Arkiv · 1 / 1 møter");
    tui.send("/KOMPETANSE");
    tui.send(ENTER);
    tui.wait_for("Treff: 3");
    tui.send("j");
    tui.send(ENTER);
    tui.wait_for("[lesemodus]");
    tui.assert_on_screen("› ", "an item is selected");
    tui.send("w");
    tui.wait_for(":edit");
    tui.send("A");
    tui.wait_for("Treff: 3");
    tui.send("q");
    tui.wait_exit();
}
