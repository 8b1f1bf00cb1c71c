//! A forhandling from krav to signed protokoll, at the table, with two `samrad` TUIs on
//! one data folder, each in its own pseudo-terminal with its own key: A is the chair
//! (KMD), B is NTL's representative. A records that the two of them came and adds the
//! forhandling; B puts NTL's krav and then agrees; each signs from its own terminal with
//! `:sign`, both see who has signed and who has not, and then that every party has. The
//! signatures check without samrad, with `ssh-keygen -Y verify`.

mod common;

use common::pty::{ENTER, ESC, RIGHT, TAB, TIMEOUT, Tui, form_row, press, start};
use common::sandbox::Sandbox;

const SIZE: (u16, u16) = (100, 30);
const ITEM: &str = "Tilpasningsavtale om fleksitid";

/// Select the agenda row holding the new forhandling, and wait for its details.
fn select_forhandling(t: &mut Tui) {
    t.wait_until(TIMEOUT, "the forhandling on the agenda", |t| {
        t.agenda().iter().any(|(_, row)| row.contains(ITEM))
    });
    // The one who added it has it selected already; the other moves down to it.
    if !t.selected_agenda_row().is_some_and(|r| r.contains(ITEM)) {
        t.send("j");
    }
    t.wait_until(TIMEOUT, "the forhandling selected, with details", |t| {
        t.selected_agenda_row().is_some_and(|r| r.contains(ITEM))
            && t.detail_flat().contains("Protokoll")
    });
}

/// NTL's position with the stance `right` steps to the right of the first (Krav).
fn position(t: &mut Tui, right: usize, shows: &str, reason: &str) {
    t.send("P");
    t.wait_until(TIMEOUT, "the position form", |t| {
        form_row(t, "Part").contains("‹ NTL ›")
    });
    press(t, TAB, "Standpunkt", "›Standpunkt:");
    for _ in 0..right {
        t.send(RIGHT);
    }
    t.wait_until(TIMEOUT, &format!("{shows} chosen"), |t| {
        form_row(t, "Standpunkt").contains(&format!("‹ {shows} ›"))
    });
    press(t, TAB, "Begrunnelse", "›Begrunnelse:");
    press(t, reason, "Begrunnelse", reason);
    t.send(ENTER);
    t.wait_closed_and_saved("Standpunkter – Sak");
}

#[test]
fn a_forhandling_from_krav_to_a_protokoll_signed_from_two_terminals() {
    let sb = Sandbox::new();
    let mut a = start(&sb, "A", "p-leder", "Møteleder (KMD)", SIZE);
    let mut b = start(&sb, "B", "p-ntl", "Tillitsvalgt NTL", SIZE);
    a.admit("Tillitsvalgt NTL");

    // KMD's chair and NTL's rep came: the parties who sign are KMD and NTL.
    a.send(":attendance\r");
    a.wait_for("Oppmøte");
    for (row, person) in [(0, "Møteleder (KMD)"), (2, "Tillitsvalgt NTL")] {
        for _ in 0..row {
            a.send("j");
        }
        a.wait_until(TIMEOUT, person, |t| {
            t.screen_text()
                .lines()
                .any(|l| l.contains("› ") && l.contains(person))
        });
        a.send(ENTER);
        a.wait_until(TIMEOUT, &format!("{person} present"), |t| {
            t.screen_text()
                .lines()
                .any(|l| l.contains(person) && l.contains("Til stede"))
        });
        a.send("k".repeat(row).as_str());
    }
    a.send(ESC);
    a.wait_until(TIMEOUT, "the attendance closed", |t| {
        !t.screen_text().contains("Oppmøte (Enter")
    });

    // A adds the forhandling after item 1.
    a.send("a");
    a.wait_until(TIMEOUT, "the new item form", |t| {
        t.screen_text().contains("Ny sak")
    });
    a.send(ITEM);
    a.wait_for(ITEM);
    a.send(TAB);
    a.wait_until(TIMEOUT, "the kind field", |t| {
        form_row(t, "Type").contains('›')
    });
    for _ in 0..4 {
        if form_row(&a, "Type").contains("Forhandling") {
            break;
        }
        a.send(RIGHT);
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    assert!(form_row(&a, "Type").contains("Forhandling"), "{}", a.dump());
    a.send(ENTER);
    a.wait_closed_and_saved("Ny sak");
    select_forhandling(&mut a);

    // B puts NTL's krav, and then agrees: the form offers krav, tilbud, enig and uenig.
    select_forhandling(&mut b);
    position(&mut b, 0, "Krav", "Kjernetid 9-14");
    position(&mut b, 2, "Enig", "Enig i tilbudet");
    a.wait_until(TIMEOUT, "NTL's agreement in A", |t| {
        t.detail_flat().contains("NTL: Enig")
    });

    // Each signs from its own terminal.
    a.send(":sign\r");
    a.wait_until(TIMEOUT, "KMD's signature in A", |t| {
        t.detail_flat().contains("Signert av: KMD")
    });
    b.wait_until(TIMEOUT, "KMD's signature in B", |t| {
        t.detail_flat().contains("Signert av: KMD")
    });
    b.send(":sign\r");
    for t in [&mut a, &mut b] {
        t.wait_until(TIMEOUT, "KMD's and NTL's signatures: every party's", |t| {
            let d = t.detail_flat();
            d.contains("Signert av: KMD, NTL")
                && d.contains("signert av alle partene")
                && !d.contains("Ikke signert av")
        });
        let d = t.detail_flat();
        assert!(!d.contains("HVO"), "the observer signs nothing: {d}");
    }
    // Signed by all, the protokoll is final: a change to it is refused.
    a.send(":further Ny forhandling\r");
    a.wait_until(TIMEOUT, "the change refused", |t| {
        t.screen_text()
            .contains("Alle partene har signert protokollen")
    });
    assert!(
        !a.screen_text().contains("Videre behandling –"),
        "no editor opened"
    );
    a.quit();
    b.quit();

    // Each signature is sealed with its signer's key, and `verify` checks the seals.
    let run = sb.run(&["verify", "--all"]);
    let out = format!("{}{}", run.ok(), run.stderr);
    assert!(
        out.contains("protokoll for sak 7/26: signert av 2 av 2 parter"),
        "{out}"
    );
    assert!(!out.contains("holder ikke"), "{out}");
    let logs = std::fs::read_dir(sb.data.join("log").join(common::TEMPLATE_MEETING))
        .expect("the meeting's logs")
        .filter_map(Result::ok)
        .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
        .collect::<String>();
    let seals = logs
        .lines()
        .filter(|l| l.contains("sign_protocol") && l.contains("BEGIN SSH SIGNATURE"))
        .count();
    assert_eq!(seals, 2, "each signature carries its sshsig seal");

    // Each signature checks without samrad.
    let dir = sb.home().join("protokoll");
    let dir_arg = dir.display().to_string();
    let printed = sb
        .run(&[
            "export",
            common::TEMPLATE_MEETING,
            "--protokoll",
            "7/26",
            "--signatures",
            &dir_arg,
        ])
        .ok()
        .to_string();
    assert!(printed.contains("-n samrad-protocol"), "{printed}");
    for person in ["p-leder", "p-ntl"] {
        assert!(dir.join(format!("{person}.sig")).is_file(), "{person}.sig");
        let Ok(checked) = std::process::Command::new("ssh-keygen")
            .args(["-Y", "verify", "-f"])
            .arg(dir.join("allowed_signers"))
            .args(["-I", person, "-n", "samrad-protocol", "-s"])
            .arg(dir.join(format!("{person}.sig")))
            .stdin(std::fs::File::open(dir.join("content")).expect("content"))
            .output()
        else {
            eprintln!("ssh-keygen is not on PATH: the signatures were written but not checked");
            return;
        };
        assert!(checked.status.success(), "{person}: {checked:?}");
    }
}
