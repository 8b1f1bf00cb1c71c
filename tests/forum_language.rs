//! What samrad writes into the record is in the forum's language; the screen's language is
//! for the screen only.

mod common;

use common::at;
use common::authors::chair;
use common::session::Session;
use samrad::app::Action;
use samrad::i18n::Lang;

#[test]
fn a_new_meeting_from_an_english_screen_has_norwegian_standing_items() {
    let mut s = Session::new(chair(), Lang::En, at("2026-12-08T10:00:00+01:00"));
    s.act(Action::Command("new Neste møte".into()));
    let titles = s.titles();
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("Godkjenning av innkalling")),
        "{titles:?}"
    );
    assert!(titles.iter().any(|t| t == "Eventuelt"), "{titles:?}");
    assert!(
        !titles.iter().any(|t| t.contains("Any other business")),
        "{titles:?}"
    );
}
