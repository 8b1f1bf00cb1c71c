//! Changes a test writes straight to a store, as the app would have written them: to the
//! template's meeting, and whole past meetings.

use chrono::NaiveDate;
use samrad::demo::{meeting_script, script_to_logs};
use samrad::model::{Author, Change, ItemField, ItemKind, ItemNumber, MeetingStatus, Stance};
use samrad::store::Op;

use super::TEMPLATE_MEETING;
use super::authors::for_party;

/// When made-up logs begin, in milliseconds since the epoch (May 2026).
pub const SCRIPT_START_MS: i64 = 1_780_000_000_000;

/// The logs of `writers` writers who together held meeting `meeting` of 2026 with `items`
/// items and `edits` edits, as the demo's script makes it up from `seed`; the template's
/// forum log (who has which seat) first.
pub fn script_logs(
    seed: u64,
    meeting: &str,
    items: usize,
    edits: usize,
    writers: usize,
) -> Vec<Vec<Op>> {
    let script = meeting_script(seed, meeting, 2026, items, edits);
    let mut logs = vec![samrad::demo::forum_log()];
    logs.extend(script_to_logs(&script, writers, SCRIPT_START_MS));
    logs
}

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
        base: None,
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
        seal: String::new(),
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
/// positions on it: `OneItemMeeting::new(…).item(…).on(…).position(…)`.
#[derive(Default)]
pub struct OneItemMeeting {
    id: String,
    title: String,
    starts_at: String,
    item: String,
    number: Option<ItemNumber>,
    item_title: String,
    areas: Vec<String>,
    /// (party, stance, reason), each written by someone of that party.
    positions: Vec<(String, Stance, String)>,
}

impl OneItemMeeting {
    pub fn new(id: &str, title: &str, starts_at: &str) -> OneItemMeeting {
        OneItemMeeting {
            id: id.into(),
            title: title.into(),
            starts_at: starts_at.into(),
            ..OneItemMeeting::default()
        }
    }

    pub fn item(mut self, id: &str, number: ItemNumber, title: &str) -> OneItemMeeting {
        self.item = id.into();
        self.number = Some(number);
        self.item_title = title.into();
        self
    }

    /// The item is linked to `areas`.
    pub fn on(mut self, areas: &[&str]) -> OneItemMeeting {
        self.areas = areas.iter().map(|a| a.to_string()).collect();
        self
    }

    pub fn position(mut self, party: &str, stance: Stance, reason: &str) -> OneItemMeeting {
        self.positions.push((party.into(), stance, reason.into()));
        self
    }

    /// Its changes in order, each with who writes it: `chair` creates the meeting and its
    /// item, someone of each party records the party's position.
    pub fn changes(&self, chair: &Author) -> Vec<(Author, Change)> {
        let (meeting, item) = (&self.id, &self.item);
        let number = self.number.expect("the meeting's item");
        let mut out = vec![
            (
                chair.clone(),
                Change::MeetingCreate {
                    meeting: meeting.clone(),
                    title: self.title.clone(),
                    starts_at: self.starts_at.clone(),
                },
            ),
            (
                chair.clone(),
                Change::ItemAdd {
                    meeting: meeting.clone(),
                    item: item.clone(),
                    number,
                    title: self.item_title.clone(),
                    kind: ItemKind::Consultation,
                    rank: 1024,
                },
            ),
            (
                chair.clone(),
                Change::ItemSet {
                    meeting: meeting.clone(),
                    item: item.clone(),
                    set: ItemField::Areas(self.areas.clone()),
                },
            ),
        ];
        for (party, stance, reason) in &self.positions {
            out.push((
                for_party(party),
                Change::Position {
                    meeting: meeting.clone(),
                    item: item.clone(),
                    party: party.clone(),
                    stance: *stance,
                    reason: reason.clone(),
                    base: None,
                },
            ));
        }
        out
    }

    /// Write the meeting into `store`, each change as its author; the chair writes next.
    pub fn commit_to(
        &self,
        store: &mut samrad::store::Store,
        chair: &Author,
    ) -> Result<(), samrad::store::StoreError> {
        for (who, change) in self.changes(chair) {
            store.set_author(who);
            store.commit(change)?;
        }
        store.set_author(chair.clone());
        Ok(())
    }
}

/// Each change committed by its author, a minute apart from `start` on.
pub fn commit_each(
    store: &mut samrad::store::Store,
    changes: impl IntoIterator<Item = (samrad::model::Author, Change)>,
    start: &str,
) {
    let mut t = super::at(start);
    for (who, change) in changes {
        store.set_author(who);
        t += chrono::Duration::minutes(1);
        store.commit_at(change, t).expect("commit");
    }
}
