//! Meetings (møter): their life cycle, attendance, documents and approvals.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{Id, Item};

/// planned → open → closed → circulated (til godkjenning) → approved (godkjent, locked).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    Planned,
    Open,
    Closed,
    Circulated,
    Approved,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("a meeting cannot go from {from:?} to {to:?}")]
pub struct TransitionError {
    pub from: MeetingStatus,
    pub to: MeetingStatus,
}

impl MeetingStatus {
    pub const ALL: [MeetingStatus; 5] = [
        MeetingStatus::Planned,
        MeetingStatus::Open,
        MeetingStatus::Closed,
        MeetingStatus::Circulated,
        MeetingStatus::Approved,
    ];

    /// The legal moves. Going back is allowed where a chair needs it: reopening a closed
    /// meeting, withdrawing circulated minutes for changes, and a new approval round.
    pub fn transition(self, to: MeetingStatus) -> Result<MeetingStatus, TransitionError> {
        use MeetingStatus::*;
        let ok = matches!(
            (self, to),
            (Planned, Open)
                | (Open, Closed)
                | (Closed, Open)
                | (Closed, Circulated)
                | (Circulated, Closed)
                | (Circulated, Approved)
                | (Approved, Circulated)
        );
        if ok {
            Ok(to)
        } else {
            Err(TransitionError { from: self, to })
        }
    }

    /// Approved minutes are locked: nothing but a new approval round may change them.
    pub fn is_read_only(self) -> bool {
        self == MeetingStatus::Approved
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    Present,
    Absent,
    Substitute,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attendance {
    pub person: Id,
    pub presence: Presence,
    /// For a substitute: whom they stand in for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_person: Option<Id>,
}

/// A document sent before the meeting (HA § 17).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: Id,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_on: Option<chrono::NaiveDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reference: String,
}

/// A party's approval of the minutes, bound to the hash of their canonical content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Approval {
    pub party: Id,
    pub hash: String,
    pub at: String,
    pub by: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: Id,
    pub title: String,
    /// RFC 3339 with offset.
    pub starts_at: String,
    #[serde(default)]
    pub place: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referent: Option<Id>,
    pub status: MeetingStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval_deadline: Option<chrono::NaiveDate>,
    #[serde(default)]
    pub attendance: Vec<Attendance>,
    #[serde(default)]
    pub documents: Vec<Document>,
    #[serde(default)]
    pub items: Vec<Item>,
    #[serde(default)]
    pub approvals: Vec<Approval>,
    /// The item the chair has marked as current, while the meeting is open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_item: Option<Id>,
    /// When the meeting was first opened and last closed (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opened_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<String>,
}

impl Meeting {
    pub fn new(id: Id, title: String, starts_at: String) -> Meeting {
        Meeting {
            id,
            title,
            starts_at,
            place: String::new(),
            chair: None,
            referent: None,
            status: MeetingStatus::Planned,
            approval_deadline: None,
            attendance: Vec::new(),
            documents: Vec::new(),
            items: Vec::new(),
            approvals: Vec::new(),
            current_item: None,
            opened_at: None,
            closed_at: None,
        }
    }

    /// The date part of `starts_at` (yyyy-mm-dd).
    pub fn date(&self) -> &str {
        self.starts_at.get(..10).unwrap_or(&self.starts_at)
    }

    pub fn year(&self) -> i32 {
        self.date()
            .get(..4)
            .and_then(|y| y.parse().ok())
            .unwrap_or(0)
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "field", content = "value")]
pub enum MeetingField {
    Title(String),
    StartsAt(String),
    Place(String),
    Chair(Option<Id>),
    Referent(Option<Id>),
    ApprovalDeadline(Option<chrono::NaiveDate>),
    CurrentItem(Option<Id>),
}

impl MeetingField {
    pub(crate) fn apply(self, m: &mut Meeting) {
        match self {
            MeetingField::Title(v) => m.title = v,
            MeetingField::StartsAt(v) => m.starts_at = v,
            MeetingField::Place(v) => m.place = v,
            MeetingField::Chair(v) => m.chair = v,
            MeetingField::Referent(v) => m.referent = v,
            MeetingField::ApprovalDeadline(v) => m.approval_deadline = v,
            MeetingField::CurrentItem(v) => m.current_item = v,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::MeetingStatus::*;
    use super::*;

    #[test]
    fn the_normal_life_of_a_meeting() {
        let mut s = Planned;
        for next in [Open, Closed, Circulated, Approved] {
            s = s.transition(next).expect("legal step");
        }
        assert_eq!(s, Approved);
        assert!(s.is_read_only());
    }

    #[test]
    fn illegal_transitions_are_errors() {
        for (from, to) in [
            (Planned, Closed),
            (Planned, Approved),
            (Open, Approved),
            (Open, Circulated),
            (Approved, Open),
            (Approved, Closed),
            (Closed, Planned),
        ] {
            assert_eq!(
                from.transition(to),
                Err(TransitionError { from, to }),
                "{from:?} -> {to:?}"
            );
        }
    }

    #[test]
    fn chair_may_reopen_and_withdraw() {
        assert_eq!(Closed.transition(Open), Ok(Open));
        assert_eq!(Circulated.transition(Closed), Ok(Closed));
        assert_eq!(Approved.transition(Circulated), Ok(Circulated));
        assert!(!Circulated.is_read_only());
    }
}
