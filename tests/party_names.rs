//! `:partyname`: after a reorganisation the chair renames a party and moves it to another
//! hovedsammenslutning; the forum (and so the minutes' attendance) follows, and nobody
//! else may do it.

mod common;

use common::at;
use common::authors::{chair, ntl};
use common::session::Session;
use samrad::app::Action;
use samrad::i18n::Lang;
use samrad::model::SeatGroup;

fn session(lang: Lang) -> Session {
    Session::new(chair(), lang, at("2026-12-08T10:00:00+01:00"))
}

#[test]
fn the_chair_renames_a_party_and_its_hovedsammenslutning_and_it_is_kept() {
    let mut s = session(Lang::Nb);
    s.act(Action::Command(
        "partinavn ntl | Norsk Tjenestemannslag (ny) | Akademikerne".into(),
    ));
    let said = s.app.message.clone().expect("said");
    assert!(
        !said.1 && said.0.contains("Norsk Tjenestemannslag (ny)"),
        "{said:?}"
    );
    let forum = s.reloaded().forum;
    let party = forum.party("ntl").expect("NTL");
    assert_eq!(party.name, "Norsk Tjenestemannslag (ny)");
    assert_eq!(party.confederation.as_deref(), Some("Akademikerne"));
    assert_eq!(
        forum.seat_group("p-ntl"),
        SeatGroup::Confederation("Akademikerne".into()),
        "attendance follows the new hovedsammenslutning"
    );
    // Only the hovedsammenslutning, and then none: the name stays.
    s.act(Action::Command("partyname NTL | | -".into()));
    let party = s.reloaded().forum.party("ntl").cloned().expect("NTL");
    assert_eq!(party.name, "Norsk Tjenestemannslag (ny)");
    assert_eq!(party.confederation, None);
}

#[test]
fn an_unknown_party_or_nothing_to_change_is_said_and_nothing_written() {
    let mut s = session(Lang::En);
    let before = s.reloaded().forum.parties;
    s.act(Action::Command("partyname XYZ | Foo | Bar".into()));
    let said = s.app.message.clone().expect("said");
    assert!(said.1 && said.0.contains("XYZ"), "{said:?}");
    s.act(Action::Command("partyname NTL".into()));
    let said = s.app.message.clone().expect("said");
    assert!(said.1 && said.0.contains(":partyname"), "{said:?}");
    assert_eq!(s.reloaded().forum.parties, before);
}

#[test]
fn a_representative_may_not_rename_a_party() {
    let mut s = session(Lang::En);
    s.as_author(ntl());
    let before = s.reloaded().forum.parties;
    s.act(Action::Command(
        "partyname NTL | Noe annet | LO Stat".into(),
    ));
    assert_eq!(s.reloaded().forum.parties, before);
}
