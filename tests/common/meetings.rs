//! Past meetings written straight to a store, op by op, as the app would have written them.

use samrad::model::{Author, Change, ItemField, ItemKind, ItemNumber, Stance};

use super::authors::for_party;

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
