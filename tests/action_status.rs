//! `s` on an action picks its status: one change, one history entry, whatever status it
//! passes on the screen on the way; and a change of its areas says which.

mod common;

use common::at;
use common::authors::chair;
use common::session::{Session, commits};
use ratatui::crossterm::event::KeyCode;
use samrad::app::{Action, Pane};
use samrad::i18n::Lang;
use samrad::model::{ActionField, ActionStatus};

#[test]
fn picking_a_status_writes_one_history_entry() {
    let mut s = Session::new(chair(), Lang::Nb, at("2026-12-08T10:00:00+01:00"));
    s.app.focus = Pane::Actions;
    let id = s.app.selected_action().expect("an action").id.clone();
    let before = s.app.doc.action(&id).expect("action").clone();
    s.act(Action::CycleStatus);
    // Through every other status and on to In progress.
    let target = ActionStatus::ALL
        .iter()
        .position(|st| *st == ActionStatus::InProgress)
        .expect("in progress");
    let from = ActionStatus::ALL
        .iter()
        .position(|st| *st == before.status)
        .expect("its status");
    let n = ActionStatus::ALL.len();
    for _ in 0..(n + target - from) % n + n {
        s.key(KeyCode::Right);
    }
    let fx = s.act(Action::Save);
    assert_eq!(commits(&fx).len(), 1, "{fx:?}");
    let after = s.app.doc.action(&id).expect("action");
    assert_eq!(after.status, ActionStatus::InProgress);
    assert_eq!(after.history.len(), before.history.len() + 1);
    assert!(matches!(
        after.history.last().map(|h| &h.change),
        Some(ActionField::Status(ActionStatus::InProgress))
    ));
    // Saved unchanged: nothing written.
    s.act(Action::CycleStatus);
    let fx = s.act(Action::Save);
    assert!(commits(&fx).is_empty(), "{fx:?}");
}
