//! What reverses a change: read from the state before it was applied, so that `u` can
//! undo the user's own change with a new one (`undo.rs`).

use crate::model::{ActionField, ActionStatus, Change, Doc, Item};

/// One change of the user's, and what reverses it (none when samrad cannot).
#[derive(Debug, Clone, PartialEq)]
pub struct Undo {
    pub inverse: Option<Change>,
    /// The item it was about, to name in what the user is told.
    pub item: Option<String>,
}

impl Undo {
    /// What reverses `change`, read from `doc` as it is before the change is applied.
    pub fn of(doc: &Doc, change: &Change) -> Undo {
        let item = change.item_id().and_then(|i| {
            let meeting = match change.scope() {
                crate::model::Scope::Meeting(m) => m,
                crate::model::Scope::Forum => return None,
            };
            doc.meeting(&meeting)
                .and_then(|m| m.item(i))
                .map(|it| it.number.to_string())
        });
        Undo {
            inverse: inverse(doc, change),
            item,
        }
    }
}

fn item_in<'d>(doc: &'d Doc, meeting: &str, item: &str) -> Option<&'d Item> {
    doc.meeting(meeting).and_then(|m| m.item(item))
}

/// The change that puts back what `change` changed; None for what samrad cannot reverse
/// (a ballot, a signature, an approval, a step of the meeting's life).
fn inverse(doc: &Doc, change: &Change) -> Option<Change> {
    use Change as C;
    Some(match change {
        C::ItemAdd { meeting, item, .. } => C::ItemDelete {
            meeting: meeting.clone(),
            item: item.clone(),
        },
        C::ItemDelete { meeting, item } => C::ItemRestore {
            meeting: meeting.clone(),
            item: item.clone(),
        },
        C::ItemSet { meeting, item, set } => C::ItemSet {
            meeting: meeting.clone(),
            item: item.clone(),
            set: set.as_in(item_in(doc, meeting, item)?),
        },
        // Merged like any edit: what the user wrote back to what stood before, so that
        // what others wrote meanwhile stays.
        C::ItemText {
            meeting,
            item,
            field,
            text,
            ..
        } => C::ItemText {
            meeting: meeting.clone(),
            item: item.clone(),
            field: *field,
            base: text.clone(),
            text: field.of(item_in(doc, meeting, item)?).to_string(),
        },
        C::Position {
            meeting,
            item,
            party,
            reason,
            ..
        } => {
            let before = item_in(doc, meeting, item)?
                .current_positions()
                .into_iter()
                .find(|p| p.party == *party)
                .cloned();
            match before {
                Some(p) => C::Position {
                    meeting: meeting.clone(),
                    item: item.clone(),
                    party: party.clone(),
                    stance: p.stance,
                    reason: p.reason,
                    base: Some(reason.clone()),
                },
                None => C::PositionWithdraw {
                    meeting: meeting.clone(),
                    item: item.clone(),
                    party: party.clone(),
                },
            }
        }
        C::MeetingSet { meeting, set } => C::MeetingSet {
            meeting: meeting.clone(),
            set: set.as_in(doc.meeting(meeting)?),
        },
        C::ActionAdd { id, meeting, .. } => C::ActionSet {
            id: id.clone(),
            meeting: meeting.clone(),
            set: ActionField::Status(ActionStatus::Dropped),
        },
        C::ActionSet { id, meeting, set } => C::ActionSet {
            id: id.clone(),
            meeting: meeting.clone(),
            set: set.as_in(doc.action(id)?),
        },
        C::SpeakerRequest {
            meeting,
            item,
            speaker,
        } => C::SpeakerWithdraw {
            meeting: meeting.clone(),
            item: item.clone(),
            speaker: speaker.clone(),
        },
        C::DevAreaStatus { area, meeting, .. } => {
            let a = doc.forum.dev_area(area)?;
            C::DevAreaStatus {
                area: area.clone(),
                status: a.status,
                note: a.status_note.clone(),
                meeting: meeting.clone(),
            }
        }
        _ => return None,
    })
}
