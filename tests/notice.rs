//! The innkalling (notice) of a meeting: golden in nb and en, from the CLI and from the
//! TUI, the innmeldingsfrist from the forum's setting, and the public version's rule.

mod common;

use common::TEMPLATE_MEETING as MEETING;
use common::at;
use common::authors::chair;
use common::sandbox::Sandbox;
use common::session::Session;
use samrad::app::Action;
use samrad::export::{ExportOptions, Format};
use samrad::i18n::Lang;

fn notice(s: &Session, lang: Lang) -> String {
    let minutes = s.app.doc.minutes(MEETING).expect("minutes");
    let opts = ExportOptions {
        lang,
        include_confidential: false,
        today: chrono::NaiveDate::MIN,
        doubts: Vec::new(),
    };
    let bytes = samrad::export::export_notice(&minutes, Format::Md, &opts).expect("md");
    String::from_utf8(bytes).expect("UTF-8")
}

#[test]
fn the_innkalling_in_both_languages() {
    let s = Session::new(chair(), Lang::Nb, at("2026-12-01T10:00:00+01:00"));
    for (lang, code, due) in [
        (Lang::Nb, "nb", "24. november 2026"),
        (Lang::En, "en", "24 November 2026"),
    ] {
        let out = notice(&s, lang);
        assert!(out.contains(due), "14 days before 8 December: {out}");
        insta::assert_snapshot!(format!("innkalling_{code}"), out);
    }
}

#[test]
fn the_chair_sets_the_deadline_for_saker_and_writes_the_innkalling_from_the_tui() {
    let mut s = Session::new(chair(), Lang::Nb, at("2026-12-01T10:00:00+01:00"));
    s.act(Action::Command("innmelding 7".into()));
    assert!(notice(&s, Lang::Nb).contains("1. desember 2026"));
    s.act(Action::Command("innkalling html".into()));
    let path = s
        .dir
        .path()
        .join("exports")
        .join(format!("{MEETING}-innkalling.html"));
    let html = std::fs::read_to_string(&path).expect("written to exports/");
    assert!(
        html.contains("Saksliste") && html.contains("Innkalling"),
        "{html}"
    );
    s.act(Action::Command("innkalling csv".into()));
    let said = s.app.message.clone().map(|(m, _)| m).unwrap_or_default();
    assert!(said.contains("md, html"), "{said}");
}

#[test]
fn export_innkalling_from_the_cli() {
    let s = Sandbox::seeded();
    let out = s
        .run(&[
            "--lang",
            "en",
            "export",
            MEETING,
            "--innkalling",
            "--format",
            "text",
        ])
        .ok()
        .to_string();
    assert!(
        out.contains("Notice of meeting") && out.contains("Agenda"),
        "{out}"
    );
    let run = s.run(&["export", MEETING, "--innkalling", "--format", "csv"]);
    assert_ne!(run.code, Some(0), "{}", run.stderr);
}
