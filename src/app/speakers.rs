//! The speakers list: a rep asks for the floor (`r`, again to withdraw), the chair gives it
//! to the next (`f`) and may set speaking time per party (`:budget N`).

use super::action::Effect;
use super::state::App;
use crate::i18n::Msg;
use crate::model::{Change, ItemField};

/// Ask for the floor on the item the meeting is on (the selected one before the chair has
/// set one); asked already, take it back.
pub fn request_floor(app: &mut App, fx: &mut Vec<Effect>) {
    let Some((meeting, item)) = app.editable_current_item() else {
        return;
    };
    let me = app.author.name.clone();
    let waiting = item.speakers.iter().find(|s| s.name == me && s.waiting());
    let (change, said) = match waiting {
        Some(s) => (
            Change::SpeakerWithdraw {
                meeting,
                item: item.id,
                speaker: s.id.clone(),
            },
            Msg::FloorWithdrawn,
        ),
        None => (
            Change::SpeakerRequest {
                meeting,
                item: item.id,
                speaker: app.ids.new_id("tl"),
            },
            Msg::FloorRequested,
        ),
    };
    let msg = app.lang.fill(said, &[&item.number]);
    app.commit(fx, change);
    app.say(msg);
}

/// The chair gives the floor to the first one waiting; with nobody waiting, ends the one
/// speaking.
pub fn next_speaker(app: &mut App, fx: &mut Vec<Effect>) {
    let Some((meeting, item)) = app.editable_current_item() else {
        return;
    };
    if let Some(next) = item.speakers.iter().find(|s| s.waiting()) {
        let msg = format!("{}: {}", app.t(Msg::FloorTo), next.name);
        let change = Change::SpeakerStart {
            meeting,
            item: item.id.clone(),
            speaker: next.id.clone(),
        };
        app.commit(fx, change);
        app.say(msg);
    } else if let Some(cur) = item.speakers.iter().find(|s| s.speaking()) {
        let change = Change::SpeakerEnd {
            meeting,
            item: item.id.clone(),
            speaker: cur.id.clone(),
        };
        app.commit(fx, change);
    } else {
        let msg = app.lang.fill(Msg::NobodyWaiting, &[&item.number]);
        app.warn(msg);
    }
}

/// `:budget N`: minutes of speaking time per party on the selected item (none: no limit).
pub fn budget(app: &mut App, arg: &str, fx: &mut Vec<Effect>) {
    let Some((meeting, item)) = app.editable_item() else {
        return;
    };
    let minutes = arg.trim().parse::<u32>().ok().filter(|n| *n > 0);
    let change = Change::ItemSet {
        meeting,
        item: item.id,
        set: ItemField::PartyBudgetMinutes(minutes),
    };
    app.commit(fx, change);
}
