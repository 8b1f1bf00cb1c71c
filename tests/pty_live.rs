//! Two `samrad` TUIs on one data folder, each in its own pseudo-terminal: what one of them
//! writes shows up in the other within seconds (read from the other's log), survives a
//! `kill -9` of the writer, and does not move the reader's selection.
//!
//! A is the chair (`--as p-leder`, KMD), B is NTL's representative (`--as p-ntl`). Both run
//! in Norwegian in 100×30 windows, with their own config paths in the same temp folder.
//! Waits poll the parsed screen (no fixed sleeps); every child is killed when its handle is
//! dropped, also when a test fails.

mod common;

use std::time::{Duration, Instant};

use common::pty::{CTRL_S, ENTER, RIGHT, TAB, TIMEOUT, Tui, form_row, press, start};
use common::sandbox::Sandbox;

/// How long another TUI's change may take to show, counted from when it is on disk (each
/// TUI reads the others' logs every 300 ms).
const LIVE: Duration = Duration::from_secs(5);
/// The live-writers indicator is refreshed every 2 s; allow a few rounds.
const LIVE_WRITERS: Duration = Duration::from_secs(10);
const SIZE: (u16, u16) = (100, 30);

/// The start of item 2/26's title in the template meeting.
const ITEM2: &str = "Prosessen: involvering";
/// The start of item 5/26's title.
const ITEM5: &str = "Hvordan lykkes med strategien";
const REASON: &str = "Arbeidsgruppen var for smal";
/// NTL's position as the detail pane shows it: party, stance, reason on one line.
const POSITION_LINE: &str = "NTL: Uenig – Arbeidsgruppen var for smal";
const STATEMENT: &str = "NTL mener prosessen har vært for lukket og for rask";
const STATEMENT_HEADING: &str = "Protokolltilførsler – NTL";

/// A new sandbox, with A (the chair) and then B (NTL's representative) started on its
/// data folder.
fn start_pair() -> (Sandbox, Tui, Tui) {
    let sb = Sandbox::new();
    let mut a = start(&sb, "A", "p-leder", "Møteleder (KMD)", SIZE);
    let b = start(&sb, "B", "p-ntl", "Tillitsvalgt NTL", SIZE);
    // A took the chair's seat with its key, and so secured the forum; B's key asked to
    // join, and counts once the chair has admitted it.
    a.admit("Tillitsvalgt NTL");
    (sb, a, b)
}

/// Quit both TUIs, each expected to exit cleanly.
fn quit_both(mut a: Tui, mut b: Tui) {
    a.quit();
    b.quit();
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
    press(t, TAB, "Standpunkt", "›Standpunkt:");
    // A drøfting offers synspunkt, enig, uenig and avstår.
    press(t, RIGHT, "Standpunkt", "‹ Enig ›");
    press(t, RIGHT, "Standpunkt", "‹ Uenig ›");
    assert!(
        form_row(t, "Part").contains("‹ NTL ›"),
        "Right on the stance changed the party\n{}",
        t.dump()
    );
    press(t, TAB, "Begrunnelse", "›Begrunnelse:");
    press(t, REASON, "Begrunnelse", REASON);
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

/// Select item 2/26 and focus its details.
fn open_item2(t: &mut Tui) {
    t.select_item(2, ITEM2);
    t.focus_detail();
}

/// What is left of `LIVE` since the change went to disk.
fn live_since(on_disk: Instant) -> Duration {
    LIVE.saturating_sub(on_disk.elapsed())
}

fn shows_position(t: &Tui) -> bool {
    t.detail_flat().contains(POSITION_LINE)
}

fn shows_statement(t: &Tui) -> bool {
    t.detail_flat()
        .contains(&format!("{STATEMENT_HEADING} {STATEMENT}"))
}

fn shows_both(t: &Tui) -> bool {
    shows_position(t) && shows_statement(t)
}

/// Whether the status bar lists `name` among the other live writers.
fn lists_as_writer(t: &Tui, name: &str) -> bool {
    t.status_bar()
        .split_once("Skriver også:")
        .is_some_and(|(_, who)| who.contains(name))
}

/// Wait until A's status bar lists NTL's representative among the other live writers.
fn wait_lists_ntl(a: &mut Tui) {
    a.wait_until(
        LIVE_WRITERS,
        "\"Skriver også: … Tillitsvalgt NTL\" in A's status bar",
        |t| lists_as_writer(t, "Tillitsvalgt NTL"),
    );
}

#[test]
fn a_position_recorded_in_one_tui_shows_in_the_other() {
    let (_sb, mut a, mut b) = start_pair();

    b.select_item(2, ITEM2);
    record_position(&mut b);
    let on_disk = Instant::now();

    open_item2(&mut a);
    // The position is listed below item 2's long background: A scrolls down to it.
    a.wait_scrolling(
        live_since(on_disk),
        "NTL's position \"Uenig\" with its reason in A's detail pane",
        shows_position,
    );
    wait_lists_ntl(&mut a);

    // B shows its own position too.
    b.focus_detail();
    b.wait_scrolling(TIMEOUT, "NTL's position in B's detail pane", shows_position);
    quit_both(a, b);
}

#[test]
fn a_statement_for_the_record_shows_in_the_other_tui() {
    let (_sb, mut a, mut b) = start_pair();

    // A looks at item 2 while B writes.
    open_item2(&mut a);
    b.select_item(2, ITEM2);
    record_statement(&mut b);
    let on_disk = Instant::now();

    a.wait_scrolling(
        live_since(on_disk),
        "NTL's statement under \"Protokolltilførsler – NTL\" in A's detail pane",
        shows_statement,
    );
    quit_both(a, b);
}

#[test]
fn position_and_statement_survive_kill_9_of_their_writer() {
    const DRAFT: &str = " UTKAST SOM IKKE ER LAGRET";
    let (sb, mut a, mut b) = start_pair();

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

    open_item2(&mut a);
    a.wait_scrolling(
        live_since(on_disk),
        "NTL's position and statement in A's detail pane",
        shows_both,
    );
    wait_lists_ntl(&mut a);

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
        |t| !lists_as_writer(t, "Tillitsvalgt NTL"),
    );

    let mut b = start(&sb, "B (restarted)", "p-ntl", "Tillitsvalgt NTL", SIZE);
    b.assert_on_screen("PÅGÅR", "the meeting is not open in the restarted B");
    open_item2(&mut b);
    b.wait_scrolling(
        TIMEOUT,
        "NTL's position and statement in the restarted B",
        shows_both,
    );
    // A still shows the same, and both detail panes, scrolled to their ends, read alike.
    a.wait_scrolling(
        TIMEOUT,
        "NTL's position and statement in A after B's restart",
        shows_both,
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
        t.assert_not_on_screen(DRAFT.trim(), "the unsaved draft shows up");
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
        |t| lists_as_writer(t, "Møteleder (KMD)"),
    );
    quit_both(a, b);
}

#[test]
fn an_item_added_in_one_tui_appears_in_the_other_without_moving_its_selection() {
    const NEW_ITEM: &str = "Pilot med felles tillitsvalgt";
    let (_sb, mut a, mut b) = start_pair();

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

    b.wait_until(live_since(on_disk), "the new item in B's agenda", |t| {
        t.agenda().iter().any(|(_, row)| row.contains(NEW_ITEM))
            && t.screen_text().contains("Dagsorden (7)")
    });
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
    quit_both(a, b);
}
