//! `x` in the TUI: the chair makes an item unntatt offentlighet on a hjemmel from the
//! forum's list, with a public title, and lifts it again; through a real store on disk.

mod common;

use common::at;
use common::authors::chair;
use common::session::{Session, commits};
use ratatui::crossterm::event::KeyCode;
use samrad::app::{Action, FormKind, Popup};
use samrad::i18n::Lang;
use samrad::model::{Change, ItemField};

const ITEM: &str = "s-2026-2";

fn chair_on(item: &str, lang: Lang) -> Session {
    let mut s = Session::new(chair(), lang, at("2026-12-08T10:00:00+01:00"));
    s.select(item);
    s
}

/// The options of the form's first field (the hjemmel), and the one chosen.
fn hjemmel_choice(s: &Session) -> (Vec<String>, usize) {
    match &s.form().fields[0].kind {
        samrad::app::FieldKind::Choice { options, selected } => (options.clone(), *selected),
        other => panic!("the first field is the hjemmel choice, not {other:?}"),
    }
}

#[test]
fn x_chooses_a_hjemmel_and_a_public_title_and_none_lifts_it() {
    let mut s = chair_on(ITEM, Lang::Nb);
    s.act(Action::Exemption);
    assert_eq!(s.form().kind, FormKind::Exemption(ITEM.into()));
    let (options, selected) = hjemmel_choice(&s);
    assert_eq!(selected, 0, "a public item starts on none");
    assert_eq!(options[0], "ingen: offentlig");
    assert!(
        options[2].starts_with("offl. § 14"),
        "the forum's list: {options:?}"
    );
    s.key(KeyCode::Right);
    s.key(KeyCode::Right);
    s.act(Action::Down);
    s.type_text("Omorganisering av en seksjon");
    let fx = s.save_form();
    assert_eq!(
        commits(&fx).len(),
        2,
        "the exemption and the old flag: {fx:?}"
    );
    let e = s.item(ITEM).exemption().expect("exempt now");
    assert_eq!(e.hjemmel, "offl. § 14");
    assert_eq!(e.hjemmel_id.as_deref(), Some("offl-14"));
    assert_eq!(e.public_title, "Omorganisering av en seksjon");
    let msg = s.app.message.clone().map(|m| m.0).unwrap_or_default();
    assert_eq!(msg, "Unntatt offentlighet, jf. offl. § 14");
    let fresh = s.reloaded();
    let stored = fresh
        .meeting(common::TEMPLATE_MEETING)
        .and_then(|m| m.item(ITEM))
        .expect("the item on disk");
    assert_eq!(stored.exemption(), Some(e), "a fresh samrad reads the same");

    // Opened again, the form shows what is chosen; saving it unchanged writes nothing.
    s.act(Action::Exemption);
    assert_eq!(hjemmel_choice(&s).1, 2);
    let fx = s.save_form();
    assert!(commits(&fx).is_empty(), "{fx:?}");

    // None lifts it.
    s.act(Action::Exemption);
    s.key(KeyCode::Left);
    s.key(KeyCode::Left);
    s.save_form();
    let item = s.item(ITEM);
    assert!(!item.is_exempt() && !item.confidential, "{item:?}");
    let msg = s.app.message.clone().map(|m| m.0).unwrap_or_default();
    assert_eq!(msg, "Saken er ikke lenger unntatt offentlighet");
}

#[test]
fn an_item_marked_confidential_before_keeps_its_mark_until_a_hjemmel_is_chosen() {
    let mut s = chair_on(ITEM, Lang::En);
    s.store()
        .commit(Change::ItemSet {
            meeting: common::TEMPLATE_MEETING.into(),
            item: ITEM.into(),
            set: ItemField::Confidential(true),
        })
        .expect("commit the old flag");
    let mut s = s.restarted();
    s.select(ITEM);
    assert!(s.item(ITEM).is_exempt());
    s.act(Action::Exemption);
    let (options, selected) = hjemmel_choice(&s);
    assert_eq!(
        options[selected], "Exempt from public disclosure",
        "the old mark is an option of its own, chosen: {options:?}"
    );
    let fx = s.save_form();
    assert!(commits(&fx).is_empty(), "kept as it was: {fx:?}");
    assert!(s.item(ITEM).is_exempt());
}

#[test]
fn a_locked_meeting_opens_no_form() {
    let mut s = chair_on(ITEM, Lang::Nb);
    s.app.view_only = true;
    s.act(Action::Exemption);
    assert!(
        !s.app.popups.iter().any(|p| matches!(p, Popup::Form(_))),
        "no form on a meeting that cannot be changed"
    );
}

#[test]
fn the_chair_keeps_the_forums_list_of_hjemler_with_a_command() {
    let mut s = chair_on(ITEM, Lang::Nb);
    s.act(Action::Command(
        "hjemmel sikkerhetsloven § 5-2 | Skjermingsverdig informasjon".into(),
    ));
    s.act(Action::Command("hjemmel -offl. § 26".into()));
    s.act(Action::Command(
        "hjemmel offl. § 14 | Interne dokument".into(),
    ));
    let list = s.reloaded().forum.hjemler();
    let shorts: Vec<&str> = list.iter().map(|h| h.short.as_str()).collect();
    assert!(shorts.contains(&"sikkerhetsloven § 5-2"), "{shorts:?}");
    assert!(!shorts.contains(&"offl. § 26"), "{shorts:?}");
    let h14 = list.iter().find(|h| h.id == "offl-14").expect("offl. § 14");
    assert_eq!(h14.description, "Interne dokument", "reworded, same id");

    // The new one is in x's form, last, and chosen it is cited.
    s.act(Action::Exemption);
    let (options, _) = hjemmel_choice(&s);
    assert_eq!(
        options.last().map(String::as_str),
        Some("sikkerhetsloven § 5-2 – Skjermingsverdig informasjon")
    );
    for _ in 1..options.len() {
        s.key(KeyCode::Right);
    }
    s.save_form();
    let e = s.item(ITEM).exemption().expect("exempt");
    assert_eq!(e.hjemmel, "sikkerhetsloven § 5-2");

    // Unknown and empty: said, nothing written.
    let before = s.reloaded().forum.hjemler();
    s.act(Action::Command("hjemmel -offl. § 99".into()));
    let msg = s.app.message.clone().expect("a message");
    assert!(msg.1 && msg.0.contains("offl. § 99"), "{msg:?}");
    s.act(Action::Command("hjemmel".into()));
    assert!(s.app.message.clone().is_some_and(|m| m.1));
    assert_eq!(s.reloaded().forum.hjemler(), before);
}

#[test]
fn a_representative_may_not_change_the_list_of_hjemler() {
    let mut s = chair_on(ITEM, Lang::En);
    s.as_author(common::authors::ntl());
    let before = s.reloaded().forum.hjemler();
    s.act(Action::Command("hjemmel ntl § 1".into()));
    assert_eq!(s.reloaded().forum.hjemler(), before);
}
