//! `u`: undo the user's own last change since samrad started, as a new change that reverses
//! it. Nothing is erased from the logs: the change and its undoing both stand in the record.

use super::action::Effect;
use super::state::App;
use crate::i18n::Msg;

/// `u`: reverse the user's last change, or say why not.
pub fn undo(app: &mut App, fx: &mut Vec<Effect>) {
    if app.refuse_read_only() {
        return;
    }
    let Some(last) = app.undo.pop() else {
        app.warn(app.t(Msg::UndoNothing));
        return;
    };
    let Some(change) = last.inverse else {
        app.warn(app.t(Msg::UndoCannot));
        return;
    };
    let msg = match &last.item {
        Some(n) => app.lang.fill(Msg::UndoneOnItem, &[n]),
        None => app.t(Msg::Undone).to_string(),
    };
    // Not itself on the stack: `u` again undoes the change before.
    fx.push(Effect::Commit(change));
    app.say(msg);
}
