//! `P`, the position form: switching the party shows that party's own position (or none),
//! never the previous party's words; Ctrl-U clears a field.

mod common;

use common::at;
use common::authors::{chair, ntl};
use common::session::{Session, commits};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use samrad::app::{Action, Popup};
use samrad::i18n::{Lang, Msg};
use samrad::model::{Change, Stance};

const ITEM: &str = "s-2026-2";

/// The chair, with NTL's position on the item in the log.
fn chair_with_ntls_position() -> Session {
    let mut s = Session::new(ntl(), Lang::Nb, at("2026-12-08T10:00:00+01:00"));
    let change = common::meetings::position(ITEM, "ntl", Stance::Disagree, "NTLs grunn");
    s.store().commit(change).expect("commit");
    s.as_author(chair());
    s.app.doc = s.reloaded();
    s.select(ITEM);
    s
}

fn form_text(s: &Session, label: Msg) -> String {
    match s.app.popups.last() {
        Some(Popup::Form(f)) => f.text(label),
        other => panic!("no form: {other:?}"),
    }
}

#[test]
fn switching_the_party_shows_that_partys_position_not_the_previous_ones() {
    let mut s = chair_with_ntls_position();
    s.act(Action::Position);
    assert_eq!(form_text(&s, Msg::FieldReason), "NTLs grunn");
    // The party field has the focus: the next party has no position yet.
    s.key(KeyCode::Right);
    assert_eq!(form_text(&s, Msg::FieldReason), "", "not NTL's words");
    s.act(Action::Down);
    s.act(Action::Down);
    s.type_text("Egen begrunnelse");
    let fx = s.act(Action::Save);
    let saved: Vec<_> = commits(&fx)
        .into_iter()
        .filter_map(|e| match e {
            samrad::app::Effect::Commit(Change::Position { party, reason, .. }) => {
                Some((party.clone(), reason.clone()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(saved.len(), 1);
    assert_ne!(saved[0].0, "ntl");
    assert_eq!(saved[0].1, "Egen begrunnelse");
    // And back: NTL's own words again.
    s.act(Action::Position);
    assert_eq!(form_text(&s, Msg::FieldReason), "NTLs grunn");
}

#[test]
fn ctrl_u_clears_a_text_field() {
    let mut s = chair_with_ntls_position();
    s.act(Action::Position);
    s.act(Action::Down);
    s.act(Action::Down);
    s.act(Action::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    assert_eq!(form_text(&s, Msg::FieldReason), "");
}
