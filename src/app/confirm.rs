//! The yes/no dialog: what a "yes" does, for each question a feature asks.

use super::action::{Action, Effect};
use super::state::{App, OnYes, Popup};
use super::{action_items, agenda, attendance, meeting};
use crate::model::MeetingStatus;

pub fn confirm_mode(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    let Some(Popup::Confirm { on_yes, .. }) = app.popups.last().cloned() else {
        return;
    };
    match action {
        Action::Yes => {
            app.popups.pop();
            match on_yes {
                OnYes::Quit => app.quit(fx),
                OnYes::DiscardEdit => {
                    app.popups.pop();
                    app.drop_draft(fx);
                }
                OnYes::DeleteItem(id) => agenda::delete(app, id, fx),
                OnYes::DeleteAction(id) => action_items::drop_action(app, id, fx),
                OnYes::DeleteDocument(id) => attendance::remove_document(app, id, fx),
                OnYes::CloseMeeting => meeting::set_status(app, MeetingStatus::Closed, fx),
            }
        }
        // Anything but an explicit yes is a no.
        Action::No | Action::Key(_) => {
            app.popups.pop();
        }
        Action::ForceQuit => app.quit(fx),
        _ => {}
    }
}
