//! The keys that surprised a chair, in the real binary: moving on after `d` never deletes
//! (only `y` does), `?` and F1 open the help wherever the user is and Esc goes back there,
//! and the who-are-you list closes with Esc.

mod common;

use common::pty::{ESC, TIMEOUT, start};
use common::sandbox::Sandbox;

const SIZE: (u16, u16) = (100, 30);
const F1: &str = "\x1bOP";

#[test]
fn d_then_j_deletes_nothing_and_help_opens_from_a_dialog_and_a_form() {
    let sb = Sandbox::new();
    let mut t = start(&sb, "A", "p-leder", "Møteleder (KMD)", SIZE);
    t.select_item(2, "Prosessen");
    let rows = t.agenda().len();

    // A vim user: d, then j to move on. Nothing is deleted.
    t.send("d");
    t.wait_for("Bekreft");
    t.send("j");
    t.wait_until(TIMEOUT, "the dialog answered no", |t| {
        !t.screen_text().contains("Bekreft")
    });
    assert_eq!(t.agenda().len(), rows, "{}", t.dump());

    // ? in the dialog: its own keys first; Esc goes back to the dialog, n closes it.
    t.send("d");
    t.wait_for("Bekreft");
    t.send("?");
    t.wait_until(TIMEOUT, "the help, from the dialog", |t| {
        t.screen_text().contains("▶ Her – BEKREFT")
    });
    t.send(ESC);
    t.wait_until(TIMEOUT, "the dialog again", |t| {
        t.screen_text().contains("Bekreft") && !t.screen_text().contains("▶ Her")
    });
    t.send("n");
    t.wait_until(TIMEOUT, "closed", |t| !t.screen_text().contains("Bekreft"));
    assert_eq!(t.agenda().len(), rows);

    // F1 in a form, where ? would be typed.
    t.send("e");
    t.wait_for("Tittel");
    t.send(F1);
    t.wait_until(TIMEOUT, "the help, from the form", |t| {
        t.screen_text().contains("▶ Her – SKJEMA")
    });
    t.send(ESC);
    t.wait_until(TIMEOUT, "the form again", |t| {
        t.screen_text().contains("Tittel") && !t.screen_text().contains("▶ Her")
    });
    t.send(ESC);
    t.wait_until(TIMEOUT, "the form closed", |t| {
        !t.screen_text().contains("Tittel")
    });

    // :whoami closes with Esc.
    t.send(":whoami\r");
    t.wait_for("Hvem er du");
    t.send(ESC);
    t.wait_until(TIMEOUT, "who-are-you closed", |t| {
        !t.screen_text().contains("Hvem er du")
    });
    t.quit();
}
