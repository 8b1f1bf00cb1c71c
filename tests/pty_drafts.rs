//! Text typed and never saved survives `kill -9`: the real binary in a pty, killed with
//! SIGKILL a moment after typing, offers the text back when started again on the same
//! folder, and restores it into the editor it was typed in.

mod common;

use std::time::Duration;

use common::files::files_under;
use common::pty::{CTRL_S, TIMEOUT};
use common::sandbox::Sandbox;

/// The draft files in the data folder.
fn drafts(sb: &Sandbox) -> Vec<std::path::PathBuf> {
    files_under(&sb.data.join("local").join("drafts"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect()
}

/// Every log line in the data folder, as text.
fn logs(sb: &Sandbox) -> String {
    sb.log_files()
        .values()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect()
}

#[test]
fn a_sentence_typed_and_never_saved_is_offered_after_kill_9() {
    const SENTENCE: &str = "Vi ber om at saken utsettes til neste møte";
    let sb = Sandbox::new();

    let mut tui = sb.tui("first", "p-leder", (80, 24));
    tui.wait_ready();
    tui.open_and_type("w", "Notater –", SENTENCE);
    // Kept within a second of typing, without saving.
    std::thread::sleep(Duration::from_millis(1200));
    let status = tui.kill9();
    assert!(
        status.signal().is_some(),
        "not killed by a signal: {status}"
    );
    assert!(!logs(&sb).contains(SENTENCE), "the sentence was saved");
    let kept = drafts(&sb);
    assert_eq!(kept.len(), 1, "no draft on disk: {kept:?}");
    let text = std::fs::read_to_string(&kept[0]).expect("read the draft");
    assert!(
        text.contains(SENTENCE),
        "the draft lacks the sentence: {text}"
    );

    let mut tui = sb.tui("second", "p-leder", (80, 24));
    tui.wait_until(TIMEOUT, "the offer of the unsaved sentence", |t| {
        let s = t.screen_text();
        s.contains("Ulagret tekst") && s.contains(SENTENCE) && t.status_bar().contains("UTKAST")
    });
    tui.assert_on_screen("Notater – Sak 1/26", "the offer does not say where it was");
    tui.send("r");
    tui.wait_until(TIMEOUT, "the sentence back in the notes editor", |t| {
        let s = t.screen_text();
        t.status_bar().contains("SKRIV")
            && s.contains("Notater – Sak 1/26")
            && s.contains(SENTENCE)
            && !s.contains("Ulagret tekst")
    });
    // The cursor is at the end: what is typed next follows the sentence.
    tui.send(", og at KMD sender ut et nytt notat.");
    tui.wait_for("et nytt notat.");
    tui.send(CTRL_S);
    tui.wait_closed_and_saved("Notater – Sak 1/26");
    let saved = format!("{SENTENCE}, og at KMD sender ut et nytt notat.");
    assert!(
        logs(&sb).contains(&saved),
        "the restored text was not saved"
    );
    tui.quit();
    assert!(drafts(&sb).is_empty(), "saved text left a draft");

    // Nothing is offered any more.
    let mut tui = sb.tui("third", "p-leder", (80, 24));
    tui.wait_ready();
    tui.assert_not_on_screen("Ulagret tekst", "saved text offered again");
    tui.quit();
}
