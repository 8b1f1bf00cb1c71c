//! Admitting keys: the chair (or minute-taker) admits someone who asked to join, after
//! comparing the key's fingerprint out of band; a person confirms a second key of their
//! own with one they have. `:admit` lists who is waiting.

use super::action::{Action, Effect};
use super::state::{App, Popup};
use crate::i18n::Msg;
use crate::model::{Change, JoinRequest};

/// The requests the user may answer: all of them for whoever runs the meeting, those for
/// their own seat for anyone else.
pub fn visible(app: &App) -> Vec<&JoinRequest> {
    let forum = &app.doc.forum;
    let me = app.actor();
    forum
        .roster
        .requests
        .iter()
        .filter(|r| me.runs_meetings() || me.person.as_deref() == Some(r.person.id.as_str()))
        .collect()
}

/// `:admit`: who is waiting.
pub fn open(app: &mut App) {
    if visible(app).is_empty() {
        app.say(app.t(Msg::NobodyAsked));
    } else {
        app.popups.push(Popup::Requests { selected: 0 });
    }
}

/// Enter on a request: admit it (the chair), or take it as one's own second key.
pub fn requests_popup(app: &mut App, action: Action, sel: usize, fx: &mut Vec<Effect>) {
    if action != Action::Open {
        return;
    }
    let Some(r) = visible(app).get(sel).map(|r| (*r).clone()) else {
        return;
    };
    let me = app.actor();
    let person = r.person.id.clone();
    let change = if me.runs_meetings() {
        Change::Admit { person, key: r.key }
    } else {
        Change::AddKey { person, key: r.key }
    };
    app.commit(fx, change);
    app.popups.pop();
    let msg = format!("{}: {}", app.t(Msg::Admitted), r.person.name);
    app.say(msg);
}
