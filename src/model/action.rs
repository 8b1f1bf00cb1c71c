//! The action list (tiltaksliste). Actions live in the forum, across meetings.

use serde::{Deserialize, Serialize};

use super::Id;
use super::fields::whole_fields;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    Proposed,
    Open,
    InProgress,
    Done,
    Dropped,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 5] = [
        ActionStatus::Proposed,
        ActionStatus::Open,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];

    /// Still to be done: carried over to the next meeting.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            ActionStatus::Proposed | ActionStatus::Open | ActionStatus::InProgress
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Owner {
    Party(Id),
    Person(Id),
    /// Not yet assigned.
    Nobody,
}

/// One entry of an action's history: what changed, when, by whom, in which meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ActionChange {
    pub at: String,
    pub by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<Id>,
    #[serde(flatten)]
    pub change: ActionField,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Action {
    pub id: Id,
    pub title: String,
    pub owner: Owner,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<chrono::NaiveDate>,
    pub status: ActionStatus,
    /// The meeting and item it came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<Id>,
    #[serde(default)]
    pub areas: Vec<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposed_by: Option<Id>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// When it was added (RFC 3339): an open action is carried over to meetings after this.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub created_at: String,
    #[serde(default)]
    pub history: Vec<ActionChange>,
}

impl Action {
    pub fn is_overdue(&self, today: chrono::NaiveDate) -> bool {
        self.status.is_open() && self.due.is_some_and(|d| d < today)
    }

    /// Whether it was still to be done at `t` (RFC 3339): the status its history gave it
    /// last before `t`. With no change of status before `t` it had the status it was added
    /// with, which the history does not keep: the status now when the status never
    /// changed, else open (what an action is added as).
    pub fn was_open_at(&self, t: &str) -> bool {
        let mut changed = false;
        for c in self.history.iter().rev() {
            if let ActionField::Status(s) = c.change {
                if earlier(&c.at, t) {
                    return s.is_open();
                }
                changed = true;
            }
        }
        changed || self.status.is_open()
    }
}

/// Whether RFC 3339 time `a` is before `b`. Times with the same offset and length compare
/// as text (no parsing: the action list asks this of every action); others are parsed,
/// and compared as text when either is not a time.
pub fn earlier(a: &str, b: &str) -> bool {
    const OFFSET_AT: usize = 19;
    if a.len() == b.len() && a.len() >= OFFSET_AT && a.get(OFFSET_AT..) == b.get(OFFSET_AT..) {
        return a < b;
    }
    let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).ok();
    match (at(a), at(b)) {
        (Some(a), Some(b)) => a < b,
        _ => a < b,
    }
}

whole_fields! {
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
    #[serde(rename_all = "snake_case", tag = "field", content = "value")]
    pub enum ActionField for Action {
        Title(String) => title,
        Owner(Owner) => owner,
        Due(Option<chrono::NaiveDate>) => due,
        Status(ActionStatus) => status,
        Areas(Vec<Id>) => areas,
        Note(String) => note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overdue_only_while_open() {
        let d = |s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        let mut a = Action {
            id: "a".into(),
            title: "t".into(),
            owner: Owner::Nobody,
            due: Some(d("2026-01-10")),
            status: ActionStatus::Open,
            meeting: None,
            item: None,
            areas: vec![],
            proposed_by: None,
            note: String::new(),
            created_at: String::new(),
            history: vec![],
        };
        assert!(a.is_overdue(d("2026-01-11")));
        assert!(!a.is_overdue(d("2026-01-10")));
        a.status = ActionStatus::Done;
        assert!(!a.is_overdue(d("2026-02-01")));
    }

    #[test]
    fn open_at_a_time_by_its_history_whatever_the_offsets() {
        let mut a = Action {
            id: "a".into(),
            title: "t".into(),
            owner: Owner::Nobody,
            due: None,
            status: ActionStatus::Done,
            meeting: None,
            item: None,
            areas: vec![],
            proposed_by: None,
            note: String::new(),
            created_at: "2027-01-12T10:30:00+01:00".into(),
            history: vec![],
        };
        assert!(!a.was_open_at("2027-03-09T10:00:00+01:00"), "added as done");
        // Done at 09:30 UTC, 10:30 in Oslo, on the day of a meeting at 10:00 in Oslo.
        let done = |at: &str| ActionChange {
            at: at.into(),
            by: "Referent".into(),
            meeting: None,
            change: ActionField::Status(ActionStatus::Done),
        };
        a.history = vec![done("2027-03-09T09:30:00Z")];
        assert!(a.was_open_at("2027-03-09T10:00:00+01:00"));
        assert!(!a.was_open_at("2027-03-09T11:00:00+01:00"));
        // Same length, other offsets: done at 07:30 UTC; 10:00+03:00 is 07:00 UTC, before
        // it, and 10:00+02:00 is 08:00 UTC, after.
        a.history = vec![done("2027-06-01T09:30:00+02:00")];
        assert!(a.was_open_at("2027-06-01T10:00:00+03:00"));
        assert!(!a.was_open_at("2027-06-01T10:00:00+02:00"));
        assert!(earlier("2027-06-01T07:59:00Z", "2027-06-01T10:00:00+02:00"));
    }
}
