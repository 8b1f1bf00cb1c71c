//! `u` undoes the user's own last change since samrad started, as a new change that
//! reverses it: both stand in the logs. A rep takes their party's position back with
//! `:withdraw` (or `u` right after recording it), and the withdrawal stays in its history.

mod common;

use common::at;
use common::authors::{chair, ntl};
use common::session::{Session, commits};
use ratatui::crossterm::event::KeyCode;
use samrad::app::Action;
use samrad::i18n::Lang;
use samrad::model::{Change, RejectReason, Stance};

const ITEM: &str = "s-2026-3";

fn said(s: &Session) -> String {
    s.app.message.clone().map(|(m, _)| m).unwrap_or_default()
}

#[test]
fn a_deleted_item_comes_back_as_it_was_and_both_changes_stay_in_the_log() {
    let mut s = Session::new(chair(), Lang::Nb, at("2026-12-08T10:00:00+01:00"));
    s.select(ITEM);
    let before = s.item(ITEM).clone();
    s.press(KeyCode::Char('d'));
    s.press(KeyCode::Char('y'));
    assert!(!s.app.items().iter().any(|i| i.id == ITEM), "deleted");
    let fx = s.press(KeyCode::Char('u'));
    assert_eq!(commits(&fx).len(), 1);
    assert!(said(&s).contains("sak 3/26"), "{}", said(&s));
    // A fresh read of the logs: the item is back, as it was.
    let doc = s.reloaded();
    let back = doc
        .meeting(common::TEMPLATE_MEETING)
        .and_then(|m| m.item(ITEM))
        .expect("the item is back");
    assert_eq!(back, &before);
    let logs = common::files::files_under(&s.dir.path().join("log"))
        .into_iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_default())
        .collect::<String>();
    assert!(logs.contains("\"item_delete\"") && logs.contains("\"item_restore\""));
}

#[test]
fn u_again_undoes_the_change_before_and_then_says_there_is_nothing() {
    let mut s = Session::new(chair(), Lang::Nb, at("2026-12-08T10:00:00+01:00"));
    s.select(ITEM);
    let title = s.item(ITEM).title.clone();
    for text in ["Første notat", "Andre notat"] {
        s.act(Action::EditNotes);
        s.type_text(text);
        s.act(Action::Save);
    }
    let notes = s.item(ITEM).notes.clone();
    assert!(notes.contains("Andre notat"), "{notes}");
    s.press(KeyCode::Char('u'));
    assert!(!s.item(ITEM).notes.contains("Andre notat"));
    assert!(s.item(ITEM).notes.contains("Første notat"));
    s.press(KeyCode::Char('u'));
    assert_eq!(s.item(ITEM).notes, "");
    assert_eq!(s.item(ITEM).title, title);
    let fx = s.press(KeyCode::Char('u'));
    assert!(commits(&fx).is_empty());
    assert!(said(&s).contains("Ingen endring"), "{}", said(&s));
}

#[test]
fn a_rep_takes_their_partys_position_back_and_the_history_keeps_it() {
    let mut s = Session::new(ntl(), Lang::Nb, at("2026-12-08T10:00:00+01:00"));
    s.select(ITEM);
    let position = common::meetings::position(ITEM, "ntl", Stance::Disagree, "Uenig fordi");
    s.store().commit(position).expect("commit");
    s.app.doc = s.reloaded();
    s.select(ITEM);
    s.act(Action::Command("trekk".into()));
    assert!(said(&s).contains("trukket"), "{}", said(&s));
    let item = s.reloaded();
    let item = item
        .meeting(common::TEMPLATE_MEETING)
        .and_then(|m| m.item(ITEM))
        .expect("item")
        .clone();
    assert!(item.current_positions().is_empty(), "no position stands");
    assert_eq!(item.positions.len(), 2, "the position and its withdrawal");
    assert!(item.positions[1].withdrawn);
    // And the record no longer shows it as NTL's position.
    let minutes = s
        .reloaded()
        .minutes(common::TEMPLATE_MEETING)
        .expect("minutes");
    let opts = samrad::export::ExportOptions {
        lang: Lang::Nb,
        include_confidential: false,
        today: chrono::NaiveDate::MIN,
        doubts: Vec::new(),
    };
    let text = String::from_utf8(
        samrad::export::export(&minutes, samrad::export::Format::Text, &opts).expect("text"),
    )
    .expect("UTF-8");
    assert!(!text.contains("Uenig fordi"), "{text}");
}

#[test]
fn u_right_after_a_first_position_withdraws_it() {
    let mut s = Session::new(ntl(), Lang::Nb, at("2026-12-08T10:00:00+01:00"));
    s.select(ITEM);
    s.act(Action::Position);
    s.act(Action::Save);
    assert_eq!(s.item(ITEM).current_positions().len(), 1);
    s.press(KeyCode::Char('u'));
    assert!(s.item(ITEM).current_positions().is_empty());
}

#[test]
fn only_the_chair_restores_a_deleted_item() {
    let mut s = Session::new(chair(), Lang::Nb, at("2026-12-08T10:00:00+01:00"));
    s.store()
        .commit(Change::ItemDelete {
            meeting: common::TEMPLATE_MEETING.into(),
            item: ITEM.into(),
        })
        .expect("commit");
    s.as_author(ntl());
    s.store()
        .commit(Change::ItemRestore {
            meeting: common::TEMPLATE_MEETING.into(),
            item: ITEM.into(),
        })
        .expect("commit");
    let doc = s.reloaded();
    assert!(
        doc.rejected
            .iter()
            .any(|r| r.reason == RejectReason::NotYourRole),
        "{:?}",
        doc.rejected
    );
}

#[test]
fn a_rep_may_not_withdraw_another_partys_position() {
    let mut s = Session::new(
        common::authors::rep("unio"),
        Lang::Nb,
        at("2026-12-08T10:00:00+01:00"),
    );
    let position = common::meetings::position(ITEM, "unio", Stance::Agree, "Unio er enig");
    s.store().commit(position).expect("commit");
    s.as_author(ntl());
    s.store()
        .commit(Change::PositionWithdraw {
            meeting: common::TEMPLATE_MEETING.into(),
            item: ITEM.into(),
            party: "unio".into(),
        })
        .expect("commit");
    let doc = s.reloaded();
    assert!(
        doc.rejected
            .iter()
            .any(|r| r.reason == RejectReason::NotYourParty),
        "{:?}",
        doc.rejected
    );
    let item = doc
        .meeting(common::TEMPLATE_MEETING)
        .and_then(|m| m.item(ITEM))
        .expect("item");
    assert_eq!(item.current_positions().len(), 1, "Unio's stands");
}
