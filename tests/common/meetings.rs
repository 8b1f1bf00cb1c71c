//! Changes a test writes straight to a store, as the app would have written them: to the
//! template's meeting, and whole past meetings.

use chrono::NaiveDate;
use samrad::model::{Author, Change, ItemField, ItemKind, ItemNumber, MeetingStatus, Stance};

use super::TEMPLATE_MEETING;
use super::authors::for_party;

/// A drøfting numbered `n`/26 added to the template meeting's agenda at `rank`.
pub fn add_item(item: &str, n: u32, title: &str, rank: i64) -> Change {
    Change::ItemAdd {
        meeting: TEMPLATE_MEETING.into(),
        item: item.into(),
        number: ItemNumber { n, year: 2026 },
        title: title.into(),
        kind: ItemKind::Consultation,
        rank,
    }
}

/// New notes on `item` of the template meeting.
pub fn set_notes(item: &str, text: &str) -> Change {
    Change::ItemSet {
        meeting: TEMPLATE_MEETING.into(),
        item: item.into(),
        set: ItemField::Notes(text.into()),
    }
}

/// `party`'s position on `item` of the template meeting.
pub fn position(item: &str, party: &str, stance: Stance, reason: &str) -> Change {
    Change::Position {
        meeting: TEMPLATE_MEETING.into(),
        item: item.into(),
        party: party.into(),
        stance,
        reason: reason.into(),
    }
}

/// `meeting` goes to status `to`.
pub fn status(meeting: &str, to: MeetingStatus) -> Change {
    Change::MeetingStatus {
        meeting: meeting.into(),
        to,
    }
}

/// `meeting`'s minutes sent round for approval, as they were when `hash` was taken, to
/// every party that approves, by `deadline`.
pub fn circulate(meeting: &str, hash: &str, deadline: Option<NaiveDate>) -> Change {
    Change::Circulate {
        meeting: meeting.into(),
        hash: hash.into(),
        deadline,
        parties: Vec::new(),
    }
}

/// `party` approves `meeting`'s minutes as they were when `hash` was taken.
pub fn approve(meeting: &str, party: &str, hash: &str) -> Change {
    Change::Approve {
        meeting: meeting.into(),
        party: party.into(),
        hash: hash.into(),
    }
}

/// `party` asks for changes to `meeting`'s minutes as they were when `hash` was taken.
pub fn request_changes(meeting: &str, party: &str, hash: &str, text: &str) -> Change {
    Change::RequestChanges {
        meeting: meeting.into(),
        party: party.into(),
        hash: hash.into(),
        text: text.into(),
    }
}

/// A meeting with one item (a drøfting) linked to development areas, and parties'
/// positions on it.
pub struct OneItemMeeting<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub starts_at: &'a str,
    pub item: &'a str,
    pub number: ItemNumber,
    pub item_title: &'a str,
    pub areas: &'a [&'a str],
    /// (party, stance, reason), each written by someone of that party.
    pub positions: &'a [(&'a str, Stance, &'a str)],
}

impl OneItemMeeting<'_> {
    /// Its changes in order, each with who writes it: `chair` creates the meeting and its
    /// item, someone of each party records the party's position.
    pub fn changes(&self, chair: &Author) -> Vec<(Author, Change)> {
        let (meeting, item) = (self.id.to_string(), self.item.to_string());
        let mut out = vec![
            (
                chair.clone(),
                Change::MeetingCreate {
                    meeting: meeting.clone(),
                    title: self.title.into(),
                    starts_at: self.starts_at.into(),
                },
            ),
            (
                chair.clone(),
                Change::ItemAdd {
                    meeting: meeting.clone(),
                    item: item.clone(),
                    number: self.number,
                    title: self.item_title.into(),
                    kind: ItemKind::Consultation,
                    rank: 1024,
                },
            ),
            (
                chair.clone(),
                Change::ItemSet {
                    meeting: meeting.clone(),
                    item: item.clone(),
                    set: ItemField::Areas(self.areas.iter().map(|a| a.to_string()).collect()),
                },
            ),
        ];
        for (party, stance, reason) in self.positions {
            out.push((
                for_party(party),
                Change::Position {
                    meeting: meeting.clone(),
                    item: item.clone(),
                    party: (*party).into(),
                    stance: *stance,
                    reason: (*reason).into(),
                },
            ));
        }
        out
    }
}
