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

/// Once the child has exited: its output entered the alternate screen and hid the cursor,
/// and then last left the one and showed the other, so the terminal reads as it did before.
/// Returns what the child wrote after it last left the alternate screen.
fn assert_terminal_given_back(tui: &mut Tui) -> Vec<u8> {
    tui.wait_eof();
    let raw = tui.raw();
    let shown = String::from_utf8_lossy(&raw);
    let enter = rfind(&raw, b"\x1b[?1049h")
        .unwrap_or_else(|| panic!("never on the alternate screen:\n{shown:?}"));
    let leave = rfind(&raw, b"\x1b[?1049l").unwrap_or_else(|| {
        panic!("no leave-alternate-screen (ESC[?1049l) in the output:\n{shown:?}")
    });
    assert!(enter < leave, "the alternate screen is entered again last");
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
    raw[leave..].to_vec()
}

/// `bytes` with every `seq` taken out.
fn without(bytes: &[u8], seqs: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut rest = bytes;
    'next: while !rest.is_empty() {
        for seq in seqs {
            if let Some(after) = rest.strip_prefix(*seq) {
                rest = after;
                continue 'next;
            }
        }
        out.push(rest[0]);
        rest = &rest[1..];
    }
    out
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
    assert_terminal_given_back(&mut tui);
}

/// `kill` (SIGTERM) or a closed window (SIGHUP) ends samrad as Ctrl-C does: the sentence
/// being typed is kept as a draft and offered at the next start, and the terminal is given
/// back, with nothing drawn after that.
#[test]
fn sigterm_and_sighup_quit_keeping_what_was_typed_and_restore_the_terminal() {
    const SENTENCE: &str = "Vi ber om en ny runde med organisasjonene";
    for signal in ["TERM", "HUP"] {
        let sb = Sandbox::new();
        let mut tui = start(&sb);
        tui.open_and_type("w", "Notater –", SENTENCE);
        let status = tui.signal(signal);
        assert!(status.success(), "SIG{signal}: exited with {status}");
        let after = assert_terminal_given_back(&mut tui);
        let rest = without(&after, &[b"\x1b[?1049l", b"\x1b[?25h"]);
        assert!(
            rest.is_empty(),
            "SIG{signal}: the output does not end with leaving the alternate screen and \
             showing the cursor; after them: {:?}",
            String::from_utf8_lossy(&rest)
        );

        offered_at_the_next_start(&sb, SENTENCE);
    }
}

/// A closed window (the terminal emulator or tmux gone) ends samrad, keeping the sentence
/// being typed as a draft: it does not run on as an orphan reading a terminal nobody has.
#[test]
fn a_closed_window_ends_samrad_and_keeps_what_was_typed() {
    const SENTENCE: &str = "Arbeidsgiver legger fram et nytt tilbud";
    let sb = Sandbox::new();
    let mut tui = start(&sb);
    tui.open_and_type("w", "Notater –", SENTENCE);
    let status = tui.close_window();
    assert!(status.success(), "closing the window: exited with {status}");

    offered_at_the_next_start(&sb, SENTENCE);
}

/// The next samrad on the folder offers `sentence`, typed into one that is gone.
fn offered_at_the_next_start(sb: &Sandbox, sentence: &str) {
    let mut tui = sb.tui("again", "p-leder", (100, 30));
    tui.wait_until(TIMEOUT, "the offer of the unsaved sentence", |t| {
        let s = t.screen_text();
        s.contains("Ulagret tekst") && s.contains(sentence)
    });
    tui.send("\x1b");
    tui.wait_ready();
    tui.quit();
}

/// A panic where its message cannot be written (a closed window's terminal; here
/// /dev/full) ends samrad with an error, not an abort: the hook's writing cannot panic.
#[test]
fn a_panic_with_nowhere_to_write_its_message_does_not_abort() {
    let sb = Sandbox::new();
    let panics = [("SAMRAD_TEST_PANIC", "1")];
    let mut tui = sb.tui_redirected(
        "panicking",
        "p-leder",
        (100, 30),
        &[],
        &panics,
        "2>/dev/full",
    );
    let status = tui.wait_exit();
    assert!(!status.success(), "a panic exits with an error: {status}");
    assert_eq!(status.signal(), None, "{status}");
    assert_eq!(status.exit_code(), 101, "{status}");
}

/// A panic leaves the alternate screen, shows the cursor and ends raw mode before the
/// message is printed, so the message is there to read, each line from the left margin.
#[test]
fn a_panic_gives_the_terminal_back_before_its_message() {
    let sb = Sandbox::new();
    let panics = [("SAMRAD_TEST_PANIC", "1")];
    let mut tui = sb.tui_env("panicking", "p-leder", (100, 30), &[], &panics);
    let status = tui.wait_exit();
    assert!(!status.success(), "a panic exits with an error: {status}");
    let after = assert_terminal_given_back(&mut tui);
    let said = String::from_utf8_lossy(&after);
    let message = said
        .find("samrad stopped because of an internal error")
        .unwrap_or_else(|| panic!("no message after the terminal was given back: {said:?}"));
    assert!(
        said[..message].contains("\x1b[?25h"),
        "the cursor is shown only after the message: {said:?}"
    );
    assert!(said.contains("a panic on purpose"), "{said:?}");
    // In raw mode a line break does not go back to the margin: the message's second line
    // would start where the first ended.
    let rows = tui.rows();
    assert!(
        rows.iter()
            .any(|r| r.starts_with("Everything saved before this is safe")),
        "the message's second line is not at the left margin (raw mode still on?):\n{}",
        rows.join("\n")
    );
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

/// The first frame does not wait for the archive index: on a folder with a demo archive the
/// meeting the start hint names is shown, and `A` lists every meeting once the index (read
/// in the background) has landed.
#[test]
fn a_demo_archive_starts_on_its_first_meeting_and_a_lists_it() {
    let sb = Sandbox::new();
    sb.run(&["demo-data", "--meetings", "300", "--seed", "1"])
        .ok();
    let layout = samrad::store::Layout::new(&sb.data);
    assert!(
        layout.start_hint_path().exists(),
        "demo-data writes the start hint with the index"
    );
    let (archive, _) = samrad::store::archive::Archive::open(&layout);
    let first = samrad::model::default_meeting(
        archive
            .meetings
            .iter()
            .map(|m| (m.id.as_str(), m.starts_at.as_str(), m.status)),
        chrono::Local::now().date_naive(),
    )
    .expect("a meeting to show first");
    let title = &archive.meetings[archive.meeting_index(&first).expect("its row")].title;
    let shown: String = title.chars().take(20).collect();
    let mut tui = spawn(&sb, 160, 40);
    tui.wait_for(&shown);
    tui.send("A");
    let n = archive.meetings.len();
    tui.wait_for(&format!("Arkiv · {n} / {n} møter"));
    tui.send("q");
    tui.wait_exit();
}

/// A start hint that names a meeting that is gone is not trusted: the TUI reads the index
/// before its first frame, as without a hint, shows the meeting it finds there, and writes
/// the hint again.
#[test]
fn a_start_hint_naming_a_gone_meeting_falls_back_to_the_index() {
    let sb = Sandbox::seeded();
    let hint = samrad::store::Layout::new(&sb.data).start_hint_path();
    assert!(hint.exists(), "init writes the start hint with the index");
    let gone = r#"{"version":1,"meetings":[{"id":"m-gone","starts_at":"2026-12-01T10:00","status":"open"}]}"#;
    std::fs::write(&hint, gone).expect("write the hint");
    let mut tui = start(&sb);
    tui.assert_on_screen("2026", "the template's meeting is shown");
    let now = std::fs::read_to_string(&hint).expect("the hint");
    assert!(now.contains(MEETING), "the hint is written again: {now}");
    assert!(!now.contains("m-gone"), "{now}");
    tui.quit();
}
