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
}
