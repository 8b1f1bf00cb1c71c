//! Dates and checks a chair would expect: a due date already passed is said, a round's
//! deadline in the past is refused, `:circulate` names items with no conclusion, and
//! `:new` does not propose the date of a meeting already there.

mod common;

use common::at;
use common::authors::chair;
use common::session::{Session, commits};
use samrad::app::{Action, Pane, Popup};
use samrad::i18n::{Lang, Msg};
use samrad::model::MeetingStatus;

fn said(s: &Session) -> (String, bool) {
    s.app.message.clone().unwrap_or_default()
}

fn chair_at(now: &str) -> Session {
    Session::new(chair(), Lang::Nb, at(now))
}

#[test]
fn a_due_date_already_passed_is_saved_and_said() {
    let mut s = chair_at("2026-12-08T10:00:00+01:00");
    s.app.focus = Pane::Actions;
    s.act(Action::Add);
    s.type_text("Sende ut referatet");
    // Title, owner, due date.
    s.act(Action::Down);
    s.act(Action::Down);
    s.type_text("01.12.2026");
    let fx = s.act(Action::Save);
    assert_eq!(commits(&fx).len(), 1, "saved: {fx:?}");
    let (text, warned) = said(&s);
    assert!(
        warned && text.contains("01.12.2026") && text.contains("passert"),
        "{text}"
    );
}

#[test]
fn circulating_with_a_past_deadline_is_refused_and_missing_conclusions_are_named() {
    let mut s = chair_at("2026-12-08T10:00:00+01:00");
    for to in [MeetingStatus::Open, MeetingStatus::Closed] {
        s.store()
            .commit(common::meetings::status(common::TEMPLATE_MEETING, to))
            .expect("commit");
    }
    s.app.doc = s.reloaded();
    let fx = s.act(Action::Command("circulate 01.12.2026".into()));
    assert!(commits(&fx).is_empty(), "{fx:?}");
    let (text, warned) = said(&s);
    assert!(warned && text.contains("passert"), "{text}");
    let fx = s.act(Action::Command("circulate 22.12.2026".into()));
    assert!(!commits(&fx).is_empty());
    let (text, _) = said(&s);
    let none = Lang::Nb.fill(Msg::NoConclusionOn, &[&"2/26, 3/26, 5/26"]);
    assert!(text.contains(&none), "{text}");
}

#[test]
fn new_does_not_propose_the_date_of_a_meeting_already_there() {
    // A week before the template's meeting (8 December): a week on would be its date.
    let mut s = chair_at("2026-12-01T10:00:00+01:00");
    s.act(Action::Command("new".into()));
    let date = match s.app.popups.last() {
        Some(Popup::Form(f)) => f.text(Msg::Date),
        other => panic!("no form: {other:?}"),
    };
    assert_ne!(date, "08.12.2026");
    assert_eq!(date, "15.12.2026");
}
