//! Meetings (møter): their life cycle, attendance, documents and approvals.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::fields::whole_fields;
use super::{Id, Item};

/// planned → open → closed → circulated (til godkjenning) → approved (godkjent, locked).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
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
                | (Approved, Closed)
        );
        if ok {
            Ok(to)
        } else {
            Err(TransitionError { from: self, to })
        }
    }

    /// Minutes out for approval, and approved minutes, are locked: the chair withdraws
    /// circulated minutes to change them, and approved ones need a new round.
    pub fn is_read_only(self) -> bool {
        matches!(self, MeetingStatus::Circulated | MeetingStatus::Approved)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    Present,
    Absent,
    Substitute,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Attendance {
    pub person: Id,
    pub presence: Presence,
    /// For a substitute: whom they stand in for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_person: Option<Id>,
    /// A substitute who is not in the forum, by name, standing in for `person` (whose
    /// presence is then `Substitute`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub substitute: String,
}

/// A document sent before the meeting (HA § 17).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Document {
    pub id: Id,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_on: Option<chrono::NaiveDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reference: String,
}

/// A party's answer in an approval round (HA § 21), bound to the hash of the canonical
/// content it was given on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Approval {
    pub party: Id,
    pub hash: String,
    pub at: String,
    pub by: String,
    #[serde(default, skip_serializing_if = "Verdict::is_approve")]
    pub verdict: Verdict,
    /// What the party asks to have changed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
    /// The person who answered for the party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<Id>,
    /// Their OpenSSH signature of the content approved (see `Change::Approve`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub seal: String,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    #[default]
    Approve,
    ChangesRequested,
}

impl Verdict {
    fn is_approve(&self) -> bool {
        *self == Verdict::Approve
    }
}

/// Minutes that were approved and then reopened for a new round: kept as they were approved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ApprovedVersion {
    pub hash: String,
    pub approved_at: String,
    pub approvals: Vec<Approval>,
    pub meeting: Box<Meeting>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Meeting {
    pub id: Id,
    pub title: String,
    /// RFC 3339 with offset.
    pub starts_at: String,
    /// When the meeting is planned to end (or ended), RFC 3339 with offset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends_at: Option<String>,
    #[serde(default)]
    pub place: String,
    /// What the meeting is held under, e.g. "HA § 11 / tilpasningsavtalen".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub authority: String,
    /// The minutes' own case and document numbers in the archive (free text).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub case_number: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub document_number: String,
    /// Who gets the minutes (names or parties, one per entry).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub distribution: Vec<String>,
    /// When the next meeting is, RFC 3339 with offset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_meeting: Option<String>,
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
    /// The answers in the current (or last) approval round.
    #[serde(default)]
    pub approvals: Vec<Approval>,
    /// SHA-256 of the canonical content sent for approval; each approval must carry it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_hash: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub circulated_at: Option<String>,
    /// The parties whose approval the round needs, fixed when it was circulated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub approvers: Vec<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_at: Option<String>,
    /// Earlier approved versions, oldest first, when the minutes went round again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier_versions: Vec<ApprovedVersion>,
    /// The item the chair has marked as current, while the meeting is open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_item: Option<Id>,
    /// When the meeting was first opened and last closed (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opened_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<String>,
    /// The parties' signatures on the protokoll of each forhandling item
    /// (`model/protocol.rs`); not part of the referat's approved content.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signatures: Vec<ProtocolSignature>,
    /// One protokoll per forhandling item (the default), or one for the whole meeting, as
    /// the chair chooses before anyone signs.
    #[serde(default, skip_serializing_if = "ProtocolScope::is_per_item")]
    pub protocol_scope: ProtocolScope,
    /// How often its title, time or place changed: the innkalling's calendar invite says it
    /// (SEQUENCE), so that a calendar takes the newest. Not content the parties approve.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub revision: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// How a meeting's forhandlinger are put in protokoll.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ProtocolScope {
    /// A protokoll of its own for each forhandling item.
    #[default]
    PerItem,
    /// One protokoll of every forhandling item of the meeting.
    PerMeeting,
}

impl ProtocolScope {
    pub fn is_per_item(&self) -> bool {
        *self == ProtocolScope::PerItem
    }
}

impl Meeting {
    pub fn new(id: Id, title: String, starts_at: String) -> Meeting {
        Meeting {
            id,
            title,
            starts_at,
            ends_at: None,
            place: String::new(),
            authority: String::new(),
            case_number: String::new(),
            document_number: String::new(),
            distribution: Vec::new(),
            next_meeting: None,
            chair: None,
            referent: None,
            status: MeetingStatus::Planned,
            approval_deadline: None,
            attendance: Vec::new(),
            documents: Vec::new(),
            items: Vec::new(),
            approvals: Vec::new(),
            content_hash: None,
            circulated_at: None,
            approvers: Vec::new(),
            approved_at: None,
            earlier_versions: Vec::new(),
            current_item: None,
            opened_at: None,
            closed_at: None,
            signatures: Vec::new(),
            protocol_scope: ProtocolScope::PerItem,
            revision: 0,
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

    /// What the parties approve in the referat: the record of the meeting, without its
    /// approval state (status, round, answers, earlier versions) or the chair's current
    /// item. A forhandling stands in it by its heading only: its substance is the
    /// protokoll's, a document with its own procedure. Serialised compactly, this is what
    /// the approval hash is taken of.
    pub fn canonical_content(&self) -> Meeting {
        Meeting {
            items: self
                .items
                .iter()
                .map(|i| match i.kind {
                    super::ItemKind::Negotiation => i.heading_only(),
                    _ => i.clone(),
                })
                .collect(),
            ..self.whole_content()
        }
    }

    /// The whole record, forhandlinger included: what a referat's approval covered before
    /// the protokoll was a document of its own, so that one approved then still verifies
    /// (`store::seal`).
    pub fn whole_content(&self) -> Meeting {
        Meeting {
            status: MeetingStatus::Closed,
            approval_deadline: None,
            approvals: Vec::new(),
            content_hash: None,
            circulated_at: None,
            approvers: Vec::new(),
            approved_at: None,
            earlier_versions: Vec::new(),
            current_item: None,
            signatures: Vec::new(),
            protocol_scope: ProtocolScope::PerItem,
            revision: 0,
            // Where a number came from is bookkeeping; the number itself is content.
            items: self
                .items
                .iter()
                .map(|i| super::Item {
                    claim: None,
                    ..i.clone()
                })
                .collect(),
            ..self.clone()
        }
    }

    /// The parties whose approval the minutes need: those with someone present (or
    /// substituting) at the meeting, or every party of the forum when no attendance was taken.
    pub fn approving_parties(&self, forum: &super::Forum) -> Vec<Id> {
        let mut parties: Vec<Id> = Vec::new();
        for a in &self.attendance {
            if a.presence == Presence::Absent {
                continue;
            }
            // An observer (the hovedverneombud) is heard but approves nothing.
            if let Some(p) = forum
                .person(&a.person)
                .filter(|p| p.speaks_for_party())
                .and_then(|p| p.party.clone())
                && !parties.contains(&p)
            {
                parties.push(p);
            }
        }
        if parties.is_empty() {
            parties = forum
                .parties
                .iter()
                .filter(|party| {
                    forum
                        .people
                        .iter()
                        .any(|p| p.party.as_ref() == Some(&party.id) && p.speaks_for_party())
                })
                .map(|p| p.id.clone())
                .collect();
        }
        parties
    }

    /// Parties that have not yet approved the content under approval.
    pub fn waiting_for(&self, forum: &super::Forum) -> Vec<Id> {
        if self.status != MeetingStatus::Circulated {
            return Vec::new();
        }
        let needed = if self.approvers.is_empty() {
            self.approving_parties(forum)
        } else {
            self.approvers.clone()
        };
        needed
            .into_iter()
            .filter(|p| {
                !self.approvals.iter().any(|a| {
                    &a.party == p
                        && a.verdict == Verdict::Approve
                        && Some(&a.hash) == self.content_hash.as_ref()
                })
            })
            .collect()
    }

    /// The day of the meeting, when `starts_at` says one.
    pub fn day(&self) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::parse_from_str(self.date(), "%Y-%m-%d").ok()
    }

    /// A round past its deadline with answers still missing.
    pub fn approval_overdue(&self, today: chrono::NaiveDate) -> bool {
        self.status == MeetingStatus::Circulated
            && self.approval_deadline.is_some_and(|d| d < today)
    }
}

whole_fields! {
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case", tag = "field", content = "value")]
    pub enum MeetingField for Meeting {
        Title(String) => title,
        StartsAt(String) => starts_at,
        EndsAt(Option<String>) => ends_at,
        Place(String) => place,
        Authority(String) => authority,
        CaseNumber(String) => case_number,
        DocumentNumber(String) => document_number,
        Distribution(Vec<String>) => distribution,
        NextMeeting(Option<String>) => next_meeting,
        Chair(Option<Id>) => chair,
        Referent(Option<Id>) => referent,
        ApprovalDeadline(Option<chrono::NaiveDate>) => approval_deadline,
        CurrentItem(Option<Id>) => current_item,
        ProtocolScope(ProtocolScope) => protocol_scope,
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
        assert!(Circulated.is_read_only());
        assert!(!Closed.is_read_only());
    }
}

/// A party's signature on the protokoll of a forhandling item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ProtocolSignature {
    pub item: Id,
    pub party: Id,
    /// `Meeting::protocol_hash` of the content signed.
    pub hash: String,
    /// The signer's OpenSSH signature (`sshsig`, namespace `samrad-protocol`) of the
    /// content signed (`Meeting::protocol_bytes`), when the signer has a key.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub seal: String,
    pub at: String,
    pub by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<Id>,
}
