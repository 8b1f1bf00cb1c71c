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

/// The invite read back by a parser that is not the one that wrote it.
fn parsed_invite(ics: &[u8]) -> ical::parser::ical::component::IcalCalendar {
    ical::IcalParser::new(std::io::BufReader::new(ics))
        .next()
        .expect("a calendar")
        .expect("it parses")
}

fn property<'a>(
    event: &'a ical::parser::ical::component::IcalEvent,
    name: &str,
) -> Vec<&'a ical::property::Property> {
    event.properties.iter().filter(|p| p.name == name).collect()
}

#[test]
fn the_calendar_invite_reads_back_and_a_moved_meeting_gets_a_higher_sequence() {
    use samrad::model::{Change, MeetingField};
    let mut s = Session::new(chair(), Lang::Nb, at("2026-12-01T10:00:00+01:00"));
    let set = |set| Change::MeetingSet {
        meeting: MEETING.into(),
        set,
    };
    for change in [
        set(MeetingField::Place("Akersgata 59, møterom 1".into())),
        set(MeetingField::Distribution(vec![
            "post@ntl.no".into(),
            "Unio".into(),
        ])),
    ] {
        s.store().commit(change).expect("commit");
    }
    s.app.doc = s.reloaded();
    let ics = |s: &Session| {
        let minutes = s.app.doc.minutes(MEETING).expect("minutes");
        let opts = ExportOptions {
            lang: Lang::Nb,
            include_confidential: false,
            today: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
            doubts: Vec::new(),
        };
        samrad::export::export_notice(&minutes, Format::Ics, &opts).expect("ics")
    };
    let cal = parsed_invite(&ics(&s));
    assert_eq!(cal.timezones.len(), 1, "Europe/Oslo's rules go with it");
    assert_eq!(cal.events.len(), 1);
    let event = &cal.events[0];
    let one = |name: &str| property(event, name)[0].value.clone().unwrap_or_default();
    assert_eq!(one("UID"), format!("{MEETING}@samrad"));
    let start = property(event, "DTSTART")[0];
    assert_eq!(start.value.as_deref(), Some("20261208T100000"));
    let tzid = start
        .params
        .as_ref()
        .and_then(|ps| ps.iter().find(|(k, _)| k == "TZID"))
        .map(|(_, v)| v.join(","));
    assert_eq!(tzid.as_deref(), Some("Europe/Oslo"));
    assert!(one("LOCATION").contains("Akersgata 59"));
    assert!(one("DESCRIPTION").contains("Sak 2/26"));
    let attendees: Vec<String> = property(event, "ATTENDEE")
        .iter()
        .filter_map(|p| p.value.clone())
        .collect();
    assert_eq!(attendees.len(), 2, "{attendees:?}");
    assert!(attendees.contains(&"mailto:post@ntl.no".to_string()));
    assert!(!property(event, "ORGANIZER").is_empty());
    let first = one("SEQUENCE");

    // The meeting moves: the same UID, a higher SEQUENCE.
    s.store()
        .commit(set(MeetingField::StartsAt(
            "2026-12-09T12:00:00+01:00".into(),
        )))
        .expect("commit");
    s.app.doc = s.reloaded();
    let cal = parsed_invite(&ics(&s));
    let event = &cal.events[0];
    let again = property(event, "SEQUENCE")[0]
        .value
        .clone()
        .unwrap_or_default();
    assert!(again.parse::<u32>().expect("a number") > first.parse::<u32>().expect("a number"));
    assert_eq!(
        property(event, "DTSTART")[0].value.as_deref(),
        Some("20261209T120000")
    );
}

/// The chair sends the innkalling from the TUI as a PDF and a calendar invite; the PDF's
/// text, read back, has the saksliste and the deadline the Markdown has.
#[test]
fn the_chair_writes_the_innkalling_as_pdf_and_ics_from_the_tui() {
    let mut s = Session::new(chair(), Lang::Nb, at("2026-12-01T10:00:00+01:00"));
    s.act(Action::Command("innkalling".into()));
    let said = s.app.message.clone().map(|(m, _)| m).unwrap_or_default();
    assert!(
        said.starts_with(&format!("Innkallingen: {MEETING}-innkalling.pdf + .ics i ")),
        "{said}"
    );
    let exports = s.dir.path().join("exports");
    let pdf = std::fs::read(exports.join(format!("{MEETING}-innkalling.pdf"))).expect("the PDF");
    let ics = std::fs::read_to_string(exports.join(format!("{MEETING}-innkalling.ics")))
        .expect("the invite");
    assert!(ics.contains("BEGIN:VEVENT"), "{ics}");
    let text = pdf_extract::extract_text_from_mem(&pdf).expect("the PDF's text");
    let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    for wanted in ["Saksliste", "24. november 2026", "Side 1 av 1"] {
        assert!(flat(&text).contains(wanted), "{wanted}: {text}");
    }
    s.act(Action::Command("export pdf".into()));
    let referat = std::fs::read(exports.join(format!("{MEETING}.pdf"))).expect("the referat");
    assert!(referat.starts_with(b"%PDF-"));
}
