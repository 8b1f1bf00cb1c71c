//! The folded state of a forum and its meetings, and the minutes made from it. A change is
//! applied by what it changes: the forum and its actions (forum_changes.rs), a meeting's
//! life and approval round (lifecycle.rs), or what is recorded in a meeting (record.rs);
//! `apply` records the changes the rules refuse (refusal.rs).

mod forum_changes;
mod lifecycle;
mod numbering;
mod protocol;
mod record;
mod refusal;
mod roster;

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::action::earlier;
use super::{
    Action, Change, Forum, Id, Input, Item, Meeting, OpMeta, RejectReason, Rejection, Scope, Vote,
};

/// Version of the op lines this binary writes.
pub const SCHEMA_VERSION: u32 = 1;

/// Version of whole minutes (`Minutes`): what `export --format json` writes, and what a
/// minutes file held before the store's files of version 2 (`store::minutes`).
pub const MINUTES_VERSION: u32 = 1;

/// Everything the fold knows: the forum, its actions and area inputs, and the meetings whose
/// ops were folded in. Applying the same ops in the same order gives the same `Doc`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Doc {
    pub forum: Forum,
    pub actions: Vec<Action>,
    pub area_inputs: Vec<Input>,
    pub meetings: Vec<Meeting>,
    pub rejected: Vec<Rejection>,
    /// Meeting id -> (index in `meetings`, item id -> index in its items).
    #[serde(skip)]
    index: HashMap<Id, (usize, HashMap<Id, usize>)>,
    /// Action id -> index in `actions`.
    #[serde(skip)]
    action_index: HashMap<Id, usize>,
    deleted_items: HashSet<Id>,
    /// Deleted items as they were (meeting, item), so that the chair can undo a deletion
    /// (`Change::ItemRestore`) without the op carrying content in anyone's name.
    #[serde(default)]
    graveyard: Vec<(Id, Item)>,
    /// Sak number claims and fixed numbers from the forum's log (`numbering.rs`).
    #[serde(default)]
    pub numbers: Vec<crate::model::NumberRecord>,
    /// Whether a change since the last `settle_numbers` may have moved a sak number: a
    /// protokoll signature is checked against the numbers as they then stand.
    #[serde(skip)]
    numbers_unsettled: bool,
}

/// The minutes of one meeting: self-contained, in reading order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Minutes {
    pub schema_version: u32,
    pub forum: Forum,
    pub meeting: Meeting,
    /// Actions from this meeting, and those carried over from earlier meetings (open
    /// when it started), as they stand now.
    pub actions: Vec<Action>,
    /// Ops that were not applied, with who tried and when.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<Rejection>,
}

impl Doc {
    /// Rebuild the lookup tables after the doc was read back from a snapshot.
    pub fn reindex(&mut self) {
        self.index.clear();
        for (m, meeting) in self.meetings.iter().enumerate() {
            let items = meeting
                .items
                .iter()
                .enumerate()
                .map(|(i, it)| (it.id.clone(), i))
                .collect();
            self.index.insert(meeting.id.clone(), (m, items));
        }
        self.index_actions();
    }

    /// A copy without the forum's records that only some views read: the actions `keep`
    /// does not pick, and the inputs to development areas. A fold snapshot keeps those
    /// once for every fold of the forum; `put_records` puts them back.
    pub fn without_records(&self, keep: impl Fn(&Action) -> bool) -> Doc {
        let mut doc = Doc {
            forum: self.forum.clone(),
            actions: self.actions.iter().filter(|a| keep(a)).cloned().collect(),
            area_inputs: Vec::new(),
            meetings: self.meetings.clone(),
            rejected: self.rejected.clone(),
            index: HashMap::new(),
            action_index: HashMap::new(),
            deleted_items: self.deleted_items.clone(),
            graveyard: self.graveyard.clone(),
            numbers: self.numbers.clone(),
            numbers_unsettled: self.numbers_unsettled,
        };
        doc.reindex();
        doc
    }

    /// The forum's actions and area inputs, all of them, in place of those the doc holds.
    pub fn put_records(&mut self, actions: Vec<Action>, area_inputs: Vec<Input>) {
        self.actions = actions;
        self.area_inputs = area_inputs;
        self.index_actions();
    }

    fn index_actions(&mut self) {
        self.action_index = self
            .actions
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
    }

    pub fn meeting(&self, id: &str) -> Option<&Meeting> {
        self.index.get(id).map(|(m, _)| &self.meetings[*m])
    }

    pub fn action(&self, id: &str) -> Option<&Action> {
        self.action_index.get(id).map(|i| &self.actions[*i])
    }

    /// Apply a change, or say why the rules refuse it (`apply` records the refusal).
    fn try_apply(&mut self, meta: &OpMeta, change: Change) -> Result<(), RejectReason> {
        use Change as C;
        self.numbers_unsettled |= change.touches_numbers();
        match change {
            C::MeetingCreate { .. }
            | C::MeetingStatus { .. }
            | C::Circulate { .. }
            | C::Approve { .. }
            | C::RequestChanges { .. } => self.apply_to_lifecycle(meta, change),
            C::SignProtocol { .. } => self.sign_protocol(meta, change),
            _ => match change.scope() {
                Scope::Forum => self.apply_to_forum(meta, change),
                Scope::Meeting(id) => self.apply_to_open_meeting(meta, &id, change),
            },
        }
    }

    fn meeting_mut(&mut self, id: &str) -> Result<&mut Meeting, RejectReason> {
        let (m, _) = self.index.get(id).ok_or(RejectReason::UnknownTarget)?;
        Ok(&mut self.meetings[*m])
    }

    fn item_mut(&mut self, meeting: &str, item: &str) -> Result<&mut Item, RejectReason> {
        let (m, items) = self.index.get(meeting).ok_or(RejectReason::UnknownTarget)?;
        let i = items.get(item).ok_or(RejectReason::UnknownTarget)?;
        Ok(&mut self.meetings[*m].items[*i])
    }

    fn vote_mut(
        &mut self,
        meeting: &str,
        item: &str,
        vote: &str,
    ) -> Result<&mut Vote, RejectReason> {
        self.item_mut(meeting, item)?
            .votes
            .iter_mut()
            .find(|v| v.id == vote)
            .ok_or(RejectReason::UnknownTarget)
    }

    /// Keep a meeting's items in agenda order (rank, then id) and its index current.
    fn sort_items(&mut self, meeting: &str) {
        let Some((m, idx)) = self.index.get_mut(meeting) else {
            return;
        };
        let items = &mut self.meetings[*m].items;
        items.sort_by(|a, b| a.rank.cmp(&b.rank).then_with(|| a.id.cmp(&b.id)));
        idx.clear();
        idx.extend(items.iter().enumerate().map(|(i, it)| (it.id.clone(), i)));
    }

    /// The actions a meeting shows: its own, and those carried over from earlier meetings
    /// (added before it started and still open then), in the order they were added. An
    /// action done since still shows, as done: the meeting went through it open.
    pub fn meeting_actions(&self, meeting: &str) -> Vec<&Action> {
        let Some(m) = self.meeting(meeting) else {
            return Vec::new();
        };
        // Decided by the action alone, not by which other meetings are loaded, so that the
        // minutes are the same whether one meeting or all were folded.
        self.actions
            .iter()
            .filter(|a| match a.meeting.as_deref() {
                Some(id) if id == meeting => true,
                _ => earlier(&a.created_at, &m.starts_at) && a.was_open_at(&m.starts_at),
            })
            .collect()
    }

    /// The ops refused in a meeting, in fold order.
    pub fn meeting_rejected<'a>(&'a self, meeting: &'a str) -> impl Iterator<Item = &'a Rejection> {
        self.rejected
            .iter()
            .filter(move |r| r.meeting.as_deref() == Some(meeting))
    }

    /// The minutes of one meeting: the meeting, the forum it belongs to, its actions and
    /// the open actions carried over from earlier meetings, and the ops that were refused.
    pub fn minutes(&self, meeting: &str) -> Option<Minutes> {
        let m = self.meeting(meeting)?;
        let actions = self.meeting_actions(meeting).into_iter().cloned().collect();
        let rejected = self.meeting_rejected(meeting).cloned().collect();
        Some(Minutes {
            schema_version: MINUTES_VERSION,
            forum: self.forum.clone(),
            meeting: m.clone(),
            actions,
            rejected,
        })
    }
}

fn put_by_id<T>(list: &mut Vec<T>, value: T, id: impl Fn(&T) -> &Id) {
    match list.iter_mut().find(|x| id(x) == id(&value)) {
        Some(slot) => *slot = value,
        None => list.push(value),
    }
}

/// Add a record with an id of its own; one whose id is taken is a duplicate.
fn push_new<T>(list: &mut Vec<T>, value: T, id: impl Fn(&T) -> &Id) -> Result<(), RejectReason> {
    if list.iter().any(|x| id(x) == id(&value)) {
        return Err(RejectReason::Duplicate);
    }
    list.push(value);
    Ok(())
}

/// What only the party's own may write: refused when `own` is false.
fn own_party_only(own: bool) -> Result<(), RejectReason> {
    if own {
        Ok(())
    } else {
        Err(RejectReason::NotYourParty)
    }
}

#[cfg(test)]
mod protocol_tests;
#[cfg(test)]
mod tests;
