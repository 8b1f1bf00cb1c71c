//! `r` asks for the floor on the item the meeting is on, whatever item the rep has
//! selected, and the chair's `f` gives it there.

mod common;

use common::at;
use common::authors::{chair, ntl};
use common::session::Session;
use samrad::app::Action;
use samrad::i18n::Lang;

const CURRENT: &str = "s-2026-2";
const ELSEWHERE: &str = "s-2026-5";

#[test]
fn the_floor_is_asked_for_and_given_on_the_current_item() {
    let mut s = Session::new(chair(), Lang::Nb, at("2026-12-08T10:00:00+01:00"));
    s.act(Action::Command("start".into()));
    s.select(CURRENT);
    s.act(Action::SetCurrent);
    // NTL's rep reads another item, and asks for the floor.
    s.as_author(ntl());
    s.select(ELSEWHERE);
    s.act(Action::RequestFloor);
    let said = s.app.message.clone().map(|(m, _)| m).unwrap_or_default();
    assert!(said.contains("sak 2/26"), "{said}");
    assert_eq!(s.item(CURRENT).speakers.len(), 1);
    assert!(s.item(ELSEWHERE).speakers.is_empty());
    // The chair, with yet another item selected, gives it.
    s.as_author(chair());
    s.select(ELSEWHERE);
    s.act(Action::NextSpeaker);
    assert!(s.item(CURRENT).speakers[0].speaking());
}
