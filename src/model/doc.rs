//! The folded state of a forum and its meetings, and the minutes made from it.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::{
    Action, ActionChange, Attendance, Ballot, Change, DevAreaStatusChange, Forum, Id, Input, Item,
    Meeting, MeetingStatus, OpMeta, Position, RejectReason, Rejection, Statement, Vote, tally,
};

/// Version of the minutes JSON and of the op lines this binary writes.
pub const SCHEMA_VERSION: u32 = 1;

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
}

/// The minutes file of one meeting: self-contained, in reading order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Minutes {
    pub schema_version: u32,
    pub forum: Forum,
    pub meeting: Meeting,
    /// Actions from this meeting, and open actions carried over from earlier meetings.
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

    /// Apply one change. A change that breaks a rule is recorded in `rejected` (who, when,
    /// what) and its reason returned; the state is then unchanged.
    pub fn apply(&mut self, meta: &OpMeta, change: Change) -> Result<(), RejectReason> {
        // Refusals are rare: describe the change only then (the copy is cheap next to
        // the cost of formatting every op).
        let copy = may_be_refused(&change).then(|| Refusable::of(&change));
        match self.try_apply(meta, change) {
            Ok(()) => Ok(()),
            Err(reason) => {
                let (what, meeting, item) = copy
                    .map(|c| (c.what, c.meeting, c.item))
                    .unwrap_or_default();
                self.rejected.push(Rejection {
                    op: meta.id(),
                    at: meta.at.to_string(),
                    by: meta.author.name.clone(),
                    reason: reason.clone(),
                    what,
                    meeting,
                    item,
                });
                Err(reason)
            }
        }
    }

    fn try_apply(&mut self, meta: &OpMeta, change: Change) -> Result<(), RejectReason> {
        use Change as C;
        match change {
            C::Forum { id, name } => {
                self.forum.id = id;
                self.forum.name = name;
            }
            C::PartyPut { party } => put_by_id(&mut self.forum.parties, party, |p| &p.id),
            C::PersonPut { person } => put_by_id(&mut self.forum.people, person, |p| &p.id),
            C::GoalAreaPut { area } => put_by_id(&mut self.forum.goal_areas, area, |a| &a.id),
            C::DevAreaPut { area } => {
                let history = self
                    .forum
                    .dev_area(&area.id)
                    .map(|a| a.history.clone())
                    .unwrap_or_default();
                put_by_id(
                    &mut self.forum.dev_areas,
                    super::DevArea { history, ..area },
                    |a| &a.id,
                );
            }
            C::DevAreaStatus {
                area,
                status,
                note,
                meeting,
            } => {
                let a = self
                    .forum
                    .dev_areas
                    .iter_mut()
                    .find(|a| a.id == area)
                    .ok_or(RejectReason::UnknownTarget)?;
                a.status = status;
                a.status_note = note.clone();
                a.history.push(DevAreaStatusChange {
                    status,
                    note,
                    meeting,
                    at: meta.at.to_string(),
                    by: meta.author.name.clone(),
                });
            }
            C::ActionAdd {
                id,
                title,
                owner,
                due,
                status,
                meeting,
                item,
                areas,
                proposed_by,
            } => {
                if self.action(&id).is_some() {
                    return Err(RejectReason::Duplicate);
                }
                self.action_index.insert(id.clone(), self.actions.len());
                self.actions.push(Action {
                    id,
                    title,
                    owner,
                    due,
                    status,
                    meeting,
                    item,
                    areas,
                    proposed_by,
                    note: String::new(),
                    created_at: meta.at.to_string(),
                    history: Vec::new(),
                });
            }
            C::ActionSet { id, meeting, set } => {
                let i = *self
                    .action_index
                    .get(&id)
                    .ok_or(RejectReason::UnknownTarget)?;
                let a = &mut self.actions[i];
                set.clone().apply(a);
                a.history.push(ActionChange {
                    at: meta.at.to_string(),
                    by: meta.author.name.clone(),
                    meeting,
                    change: set,
                });
            }
            C::AreaInput { input } => {
                if self.area_inputs.iter().any(|i| i.id == input.id) {
                    return Err(RejectReason::Duplicate);
                }
                self.area_inputs.push(input);
            }
            C::MeetingCreate {
                meeting,
                title,
                starts_at,
            } => {
                if self.index.contains_key(&meeting) {
                    return Err(RejectReason::Duplicate);
                }
                self.index
                    .insert(meeting.clone(), (self.meetings.len(), HashMap::new()));
                self.meetings.push(Meeting::new(meeting, title, starts_at));
            }
            C::MeetingStatus { meeting, to } => {
                // Circulating needs a hash and approval needs the parties: their own ops.
                if matches!(to, MeetingStatus::Circulated | MeetingStatus::Approved) {
                    return Err(RejectReason::IllegalTransition);
                }
                let m = self.meeting_mut(&meeting)?;
                let was = m.status;
                m.status = m
                    .status
                    .transition(to)
                    .map_err(|_| RejectReason::IllegalTransition)?;
                if was == MeetingStatus::Approved {
                    keep_approved_version(m);
                }
                match to {
                    MeetingStatus::Open if m.opened_at.is_none() => {
                        m.opened_at = Some(meta.at.to_string())
                    }
                    MeetingStatus::Closed => {
                        m.closed_at = Some(meta.at.to_string());
                        m.current_item = None;
                    }
                    _ => {}
                }
            }
            C::Circulate {
                meeting,
                hash,
                deadline,
                parties,
            } => {
                let approvers = if parties.is_empty() {
                    self.meeting(&meeting)
                        .map(|m| m.approving_parties(&self.forum))
                        .unwrap_or_default()
                } else {
                    parties
                };
                if approvers.is_empty() {
                    return Err(RejectReason::NotAnApprover);
                }
                let m = self.meeting_mut(&meeting)?;
                let was = m.status;
                m.status
                    .transition(MeetingStatus::Circulated)
                    .map_err(|_| RejectReason::IllegalTransition)?;
                if was == MeetingStatus::Approved {
                    keep_approved_version(m);
                }
                m.status = MeetingStatus::Circulated;
                m.approvals.clear();
                m.content_hash = Some(hash);
                m.approvers = approvers;
                m.approval_deadline = deadline;
                m.circulated_at = Some(meta.at.to_string());
                m.approved_at = None;
            }
            C::Approve {
                meeting,
                party,
                hash,
            } => self.answer(
                meta,
                &meeting,
                party,
                hash,
                super::Verdict::Approve,
                String::new(),
            )?,
            C::RequestChanges {
                meeting,
                party,
                hash,
                text,
            } => self.answer(
                meta,
                &meeting,
                party,
                hash,
                super::Verdict::ChangesRequested,
                text,
            )?,
            other => self.apply_to_open_meeting(meta, other)?,
        }
        Ok(())
    }

    /// A party's answer in the approval round. When the last party needed has approved the
    /// content under approval, the minutes are approved and locked.
    fn answer(
        &mut self,
        meta: &OpMeta,
        meeting: &str,
        party: Id,
        hash: String,
        verdict: super::Verdict,
        comment: String,
    ) -> Result<(), RejectReason> {
        let forum = std::mem::take(&mut self.forum);
        let result = (|| {
            let m = self.meeting_mut(meeting)?;
            if m.status != MeetingStatus::Circulated {
                return Err(RejectReason::IllegalTransition);
            }
            if meta.author.party.as_deref() != Some(party.as_str()) {
                return Err(RejectReason::NotYourParty);
            }
            if m.content_hash.as_ref() != Some(&hash) {
                return Err(RejectReason::StaleHash);
            }
            if !m.approvers.is_empty() && !m.approvers.contains(&party) {
                return Err(RejectReason::NotAnApprover);
            }
            m.approvals.retain(|a| a.party != party);
            m.approvals.push(super::Approval {
                party,
                hash,
                at: meta.at.to_string(),
                by: meta.author.name.clone(),
                verdict,
                comment,
            });
            if verdict == super::Verdict::Approve && m.waiting_for(&forum).is_empty() {
                m.status = MeetingStatus::Approved;
                m.approved_at = Some(meta.at.to_string());
            }
            Ok(())
        })();
        self.forum = forum;
        result
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

    /// Changes to a meeting's content: refused once its minutes are approved.
    fn apply_to_open_meeting(&mut self, meta: &OpMeta, change: Change) -> Result<(), RejectReason> {
        use Change as C;
        let meeting_id = match change.scope() {
            super::Scope::Meeting(id) => id,
            super::Scope::Forum => return Err(RejectReason::UnknownTarget),
        };
        if self.meeting_mut(&meeting_id)?.status.is_read_only() {
            return Err(RejectReason::Locked);
        }
        let at = || meta.at.to_string();
        let by = || meta.author.name.clone();
        match change {
            C::MeetingSet { meeting, set } => set.apply(self.meeting_mut(&meeting)?),
            C::Attend {
                meeting,
                person,
                presence,
                for_person,
            } => {
                let m = self.meeting_mut(&meeting)?;
                let entry = Attendance {
                    person,
                    presence,
                    for_person,
                };
                match m.attendance.iter_mut().find(|a| a.person == entry.person) {
                    Some(slot) => *slot = entry,
                    None => m.attendance.push(entry),
                }
            }
            C::DocumentPut { meeting, document } => {
                let m = self.meeting_mut(&meeting)?;
                put_by_id(&mut m.documents, document, |d| &d.id);
            }
            C::DocumentRemove { meeting, document } => {
                self.meeting_mut(&meeting)?
                    .documents
                    .retain(|d| d.id != document);
            }
            C::ItemAdd {
                meeting,
                item,
                number,
                title,
                kind,
                rank,
            } => {
                if self.deleted_items.contains(&item) || self.item_mut(&meeting, &item).is_ok() {
                    return Err(RejectReason::Duplicate);
                }
                self.meeting_mut(&meeting)?
                    .items
                    .push(Item::new(item, number, title, kind, rank));
                self.sort_items(&meeting);
            }
            C::ItemSet { meeting, item, set } => {
                let reorder = matches!(set, super::ItemField::Rank(_));
                set.apply(self.item_mut(&meeting, &item)?);
                if reorder {
                    self.sort_items(&meeting);
                }
            }
            C::ItemDelete { meeting, item } => {
                self.item_mut(&meeting, &item)?;
                let m = self.meeting_mut(&meeting)?;
                m.items.retain(|i| i.id != item);
                if m.current_item.as_deref() == Some(item.as_str()) {
                    m.current_item = None;
                }
                self.deleted_items.insert(item);
                self.sort_items(&meeting);
            }
            C::Position {
                meeting,
                item,
                party,
                stance,
                reason,
            } => {
                let on_behalf = meta.author.party.as_deref() != Some(party.as_str());
                self.item_mut(&meeting, &item)?.positions.push(Position {
                    party,
                    stance,
                    reason,
                    at: at(),
                    by: by(),
                    on_behalf,
                });
            }
            C::Statement {
                meeting,
                item,
                party,
                text,
            } => {
                let it = self.item_mut(&meeting, &item)?;
                if meta.author.party.as_deref() != Some(party.as_str()) {
                    return Err(RejectReason::NotYourParty);
                }
                it.statements.push(Statement {
                    party,
                    text,
                    at: at(),
                    by: by(),
                });
            }
            C::ItemInput { meeting, input } => {
                let item = match &input.target {
                    super::InputTarget::Item(i) => i.clone(),
                    super::InputTarget::DevArea(_) => return Err(RejectReason::UnknownTarget),
                };
                let it = self.item_mut(&meeting, &item)?;
                if it.inputs.iter().any(|i| i.id == input.id) {
                    return Err(RejectReason::Duplicate);
                }
                it.inputs.push(input);
            }
            C::VoteOpen {
                meeting,
                item,
                vote,
                question,
                options,
                method,
                rule,
            } => {
                let it = self.item_mut(&meeting, &item)?;
                if it.votes.iter().any(|v| v.id == vote) {
                    return Err(RejectReason::Duplicate);
                }
                it.votes.push(Vote {
                    id: vote,
                    question,
                    options,
                    method,
                    rule,
                    open: true,
                    ballots: Vec::new(),
                    counts: None,
                    count_entries: Vec::new(),
                    outcome: None,
                });
            }
            C::VoteCast {
                meeting,
                item,
                vote,
                voter,
                option,
            } => {
                let v = self.vote_mut(&meeting, &item, &vote)?;
                if !v.open {
                    return Err(RejectReason::VoteClosed);
                }
                let own = match v.method {
                    super::VoteMethod::PerParty => {
                        meta.author.party.as_deref() == Some(voter.as_str())
                    }
                    super::VoteMethod::PerPerson => {
                        meta.author.person.as_deref() == Some(voter.as_str())
                    }
                    super::VoteMethod::Count => false,
                };
                if !own {
                    return Err(RejectReason::NotYourParty);
                }
                v.ballots.push(Ballot {
                    voter,
                    option,
                    at: at(),
                    by: by(),
                });
                v.outcome = Some(tally(v));
            }
            C::VoteCount {
                meeting,
                item,
                vote,
                counts,
                replaces,
            } => {
                let v = self.vote_mut(&meeting, &item, &vote)?;
                if !v.open {
                    return Err(RejectReason::VoteClosed);
                }
                v.count_entries.push(super::vote::CountEntry {
                    op: meta.id(),
                    counts,
                    at: at(),
                    by: by(),
                    replaces,
                });
                v.settle();
            }
            C::VoteClose {
                meeting,
                item,
                vote,
            } => {
                let v = self.vote_mut(&meeting, &item, &vote)?;
                v.open = false;
                v.settle();
            }
            C::SpeakerRequest {
                meeting,
                item,
                speaker,
            } => {
                let it = self.item_mut(&meeting, &item)?;
                if it.speakers.iter().any(|s| s.id == speaker) {
                    return Err(RejectReason::Duplicate);
                }
                it.speakers.push(super::Speaker {
                    id: speaker,
                    name: meta.author.name.clone(),
                    party: meta.author.party.clone(),
                    requested_at: at(),
                    started_at: None,
                    ended_at: None,
                    withdrawn: false,
                });
            }
            C::SpeakerStart {
                meeting,
                item,
                speaker,
            } => {
                let now = at();
                let it = self.item_mut(&meeting, &item)?;
                if !it.speakers.iter().any(|s| s.id == speaker && s.waiting()) {
                    return Err(RejectReason::UnknownTarget);
                }
                for s in it.speakers.iter_mut().filter(|s| s.speaking()) {
                    s.ended_at = Some(now.clone());
                }
                if let Some(s) = it.speakers.iter_mut().find(|s| s.id == speaker) {
                    s.started_at = Some(now);
                }
            }
            C::SpeakerEnd {
                meeting,
                item,
                speaker,
            } => {
                let now = at();
                let it = self.item_mut(&meeting, &item)?;
                let s = it
                    .speakers
                    .iter_mut()
                    .find(|s| s.id == speaker && s.speaking())
                    .ok_or(RejectReason::UnknownTarget)?;
                s.ended_at = Some(now);
            }
            C::SpeakerWithdraw {
                meeting,
                item,
                speaker,
            } => {
                let it = self.item_mut(&meeting, &item)?;
                let s = it
                    .speakers
                    .iter_mut()
                    .find(|s| s.id == speaker && s.waiting())
                    .ok_or(RejectReason::UnknownTarget)?;
                s.withdrawn = true;
            }
            _ => return Err(RejectReason::UnknownTarget),
        }
        Ok(())
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

    /// The actions a meeting shows: its own, and open ones from earlier meetings (carried
    /// over), in the order they were added.
    pub fn meeting_actions(&self, meeting: &str) -> Vec<&Action> {
        let Some(m) = self.meeting(meeting) else {
            return Vec::new();
        };
        // Decided by the action alone, not by which other meetings are loaded, so that the
        // minutes are the same whether one meeting or all were folded.
        let before_meeting = |a: &Action| {
            let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).ok();
            match (at(&a.created_at), at(&m.starts_at)) {
                (Some(created), Some(start)) => created < start,
                _ => a.created_at.as_str() < m.starts_at.as_str(),
            }
        };
        self.actions
            .iter()
            .filter(|a| match a.meeting.as_deref() {
                Some(id) if id == meeting => true,
                _ => a.status.is_open() && before_meeting(a),
            })
            .collect()
    }

    /// The minutes of one meeting: the meeting, the forum it belongs to, its actions and
    /// the open actions carried over from earlier meetings, and the ops that were refused.
    pub fn minutes(&self, meeting: &str) -> Option<Minutes> {
        let m = self.meeting(meeting)?;
        let actions = self.meeting_actions(meeting).into_iter().cloned().collect();
        let rejected = self
            .rejected
            .iter()
            .filter(|r| r.meeting.as_deref() == Some(meeting))
            .cloned()
            .collect();
        Some(Minutes {
            schema_version: SCHEMA_VERSION,
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

/// What a refusal needs to say about a change.
struct Refusable {
    what: String,
    meeting: Option<Id>,
    item: Option<Id>,
}

impl Refusable {
    fn of(change: &Change) -> Refusable {
        let meeting = match change.scope() {
            super::Scope::Meeting(id) => Some(id),
            super::Scope::Forum => None,
        };
        Refusable {
            what: describe(change),
            meeting,
            item: change.item_id().cloned(),
        }
    }
}

/// Changes that the rules may refuse. Plain edits of items, meetings and actions are
/// refused only when their target is gone or locked, which `apply` reports without this.
fn may_be_refused(change: &Change) -> bool {
    !matches!(
        change,
        Change::Forum { .. }
            | Change::PartyPut { .. }
            | Change::PersonPut { .. }
            | Change::GoalAreaPut { .. }
            | Change::DevAreaPut { .. }
    )
}

/// Approved minutes leave their approved state for a new round: keep them as approved, and
/// start the new round with no answers.
fn keep_approved_version(m: &mut Meeting) {
    let earlier = super::ApprovedVersion {
        hash: m.content_hash.take().unwrap_or_default(),
        approved_at: m.approved_at.take().unwrap_or_default(),
        approvals: std::mem::take(&mut m.approvals),
        meeting: Box::new(Meeting {
            earlier_versions: Vec::new(),
            status: MeetingStatus::Approved,
            ..m.clone()
        }),
    };
    m.earlier_versions.push(earlier);
    m.approval_deadline = None;
    m.circulated_at = None;
    m.approvers = Vec::new();
}

/// A short, language-neutral description of a change, for the list of refused ops.
fn describe(change: &Change) -> String {
    use Change as C;
    match change {
        C::Statement { item, party, .. } => format!("statement of {party} on item {item}"),
        C::Position { item, party, .. } => format!("position of {party} on item {item}"),
        C::VoteCast { vote, voter, .. } => format!("ballot of {voter} in vote {vote}"),
        C::Approve { party, .. } => format!("approval by {party}"),
        C::RequestChanges { party, .. } => format!("request for changes by {party}"),
        C::Circulate { .. } => "circulation".to_string(),
        C::MeetingStatus { to, .. } => format!("status to {to:?}"),
        C::ItemAdd { item, .. } | C::ItemSet { item, .. } | C::ItemDelete { item, .. } => {
            format!("item {item}")
        }
        C::ActionAdd { id, .. } | C::ActionSet { id, .. } => format!("action {id}"),
        other => other.kind_name().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Author, ItemField, ItemKind, ItemNumber, Stance};

    fn meta(n: u32, party: &str) -> OpMeta<'static> {
        let at: &'static str =
            Box::leak(format!("2026-12-08T10:{:02}:00+01:00", n % 60).into_boxed_str());
        let author = Box::leak(Box::new(Author {
            name: format!("rep {party}"),
            person: None,
            party: Some(party.into()),
        }));
        OpMeta {
            writer: "w",
            seq: u64::from(n),
            at,
            author,
        }
    }

    fn doc_with_item() -> Doc {
        let mut d = Doc::default();
        d.apply(
            &meta(1, "kmd"),
            Change::MeetingCreate {
                meeting: "m".into(),
                title: "Møte".into(),
                starts_at: "2026-12-08T10:00:00+01:00".into(),
            },
        )
        .expect("create");
        for (n, id, rank) in [(2, "a", 2048), (3, "b", 1024)] {
            d.apply(
                &meta(n, "kmd"),
                Change::ItemAdd {
                    meeting: "m".into(),
                    item: id.into(),
                    number: ItemNumber { n, year: 2026 },
                    title: id.to_uppercase(),
                    kind: ItemKind::Consultation,
                    rank,
                },
            )
            .expect("item");
        }
        d
    }

    fn titles(d: &Doc) -> Vec<String> {
        d.meeting("m")
            .expect("m")
            .items
            .iter()
            .map(|i| i.title.clone())
            .collect()
    }

    #[test]
    fn items_follow_rank_and_reorder() {
        let mut d = doc_with_item();
        assert_eq!(titles(&d), ["B", "A"]);
        d.apply(
            &meta(4, "kmd"),
            Change::ItemSet {
                meeting: "m".into(),
                item: "a".into(),
                set: ItemField::Rank(0),
            },
        )
        .expect("rank");
        assert_eq!(titles(&d), ["A", "B"]);
        d.apply(
            &meta(5, "kmd"),
            Change::ItemSet {
                meeting: "m".into(),
                item: "b".into(),
                set: ItemField::Title("B2".into()),
            },
        )
        .expect("set");
        assert_eq!(titles(&d), ["A", "B2"]);
    }

    #[test]
    fn only_the_party_itself_may_write_its_statement_and_the_attempt_is_shown() {
        let mut d = doc_with_item();
        let st = |party: &str| Change::Statement {
            meeting: "m".into(),
            item: "a".into(),
            party: party.into(),
            text: "NTL tar forbehold.".into(),
        };
        let refused = d
            .apply(&meta(6, "kmd"), st("ntl"))
            .expect_err("KMD cannot write NTL's statement");
        assert_eq!(refused, RejectReason::NotYourParty);
        assert_eq!(d.rejected[0].by, "rep kmd");
        assert_eq!(d.rejected[0].op, "w:6");
        d.apply(&meta(7, "ntl"), st("ntl"))
            .expect("NTL writes its own");
        let m = d.minutes("m").expect("minutes");
        assert_eq!(
            m.meeting.item("a").expect("a").current_statements().len(),
            1
        );
        assert_eq!(m.rejected.len(), 1, "the refused attempt is in the minutes");
    }

    #[test]
    fn the_chair_records_a_position_on_a_partys_behalf_and_it_says_so() {
        let mut d = doc_with_item();
        let pos = |stance| Change::Position {
            meeting: "m".into(),
            item: "a".into(),
            party: "ntl".into(),
            stance,
            reason: String::new(),
        };
        d.apply(&meta(6, "kmd"), pos(Stance::Agree))
            .expect("on behalf");
        d.apply(&meta(7, "ntl"), pos(Stance::Disagree))
            .expect("own");
        let item = d.meeting("m").and_then(|m| m.item("a")).expect("a");
        assert!(item.positions[0].on_behalf);
        assert!(!item.positions[1].on_behalf);
        assert_eq!(item.current_positions()[0].stance, Stance::Disagree);
    }

    fn set_status(d: &mut Doc, n: u32, to: MeetingStatus) -> Result<(), RejectReason> {
        d.apply(
            &meta(n, "kmd"),
            Change::MeetingStatus {
                meeting: "m".into(),
                to,
            },
        )
    }

    fn circulate(d: &mut Doc, n: u32, hash: &str) -> Result<(), RejectReason> {
        d.apply(
            &meta(n, "kmd"),
            Change::Circulate {
                meeting: "m".into(),
                hash: hash.into(),
                deadline: chrono::NaiveDate::from_ymd_opt(2026, 12, 22),
                parties: Vec::new(),
            },
        )
    }

    fn approve(d: &mut Doc, n: u32, party: &str, hash: &str) -> Result<(), RejectReason> {
        d.apply(
            &meta(n, party),
            Change::Approve {
                meeting: "m".into(),
                party: party.into(),
                hash: hash.into(),
            },
        )
    }

    fn forum_of(parties: &[&str]) -> Forum {
        Forum {
            parties: parties
                .iter()
                .map(|p| crate::model::Party {
                    id: (*p).into(),
                    name: p.to_uppercase(),
                    short: p.to_uppercase(),
                    side: crate::model::Side::Union,
                    confederation: None,
                })
                .collect(),
            ..Forum::default()
        }
    }

    #[test]
    fn approved_minutes_are_locked_until_a_new_round() {
        let mut d = doc_with_item();
        d.forum = forum_of(&["kmd", "ntl"]);
        set_status(&mut d, 10, MeetingStatus::Open).expect("open");
        set_status(&mut d, 11, MeetingStatus::Closed).expect("close");
        assert_eq!(
            set_status(&mut d, 12, MeetingStatus::Circulated),
            Err(RejectReason::IllegalTransition),
            "circulating needs a hash"
        );
        circulate(&mut d, 12, "h1").expect("circulate");
        let edit = Change::ItemSet {
            meeting: "m".into(),
            item: "a".into(),
            set: ItemField::Notes("endret".into()),
        };
        assert_eq!(
            d.apply(&meta(13, "kmd"), edit.clone()),
            Err(RejectReason::Locked),
            "circulated minutes are locked"
        );
        assert_eq!(
            approve(&mut d, 14, "ntl", "old"),
            Err(RejectReason::StaleHash)
        );
        assert_eq!(approve(&mut d, 14, "kmd", "h1").map_err(|_| ()), Ok(()));
        assert_eq!(
            d.meeting("m").map(|m| m.waiting_for(&d.forum)),
            Some(vec!["ntl".to_string()])
        );
        approve(&mut d, 15, "ntl", "h1").expect("ntl approves");
        let m = d.meeting("m").expect("m");
        assert_eq!(m.status, MeetingStatus::Approved);
        assert!(m.approved_at.is_some());
        assert_eq!(
            d.apply(&meta(16, "kmd"), edit.clone()),
            Err(RejectReason::Locked)
        );
        // A change after approval: reopen, edit, a new round. The approved version stays.
        set_status(&mut d, 17, MeetingStatus::Closed).expect("reopen approved minutes");
        d.apply(&meta(18, "kmd"), edit).expect("editable again");
        circulate(&mut d, 19, "h2").expect("new round");
        let m = d.meeting("m").expect("m");
        assert_eq!(m.status, MeetingStatus::Circulated);
        assert!(m.approvals.is_empty());
        assert_eq!(m.earlier_versions.len(), 1);
        let old = &m.earlier_versions[0];
        assert_eq!(old.hash, "h1");
        assert_eq!(old.approvals.len(), 2);
        assert_eq!(
            old.meeting
                .items
                .iter()
                .find(|i| i.id == "a")
                .map(|i| i.notes.as_str()),
            Some("")
        );
    }

    #[test]
    fn the_round_needs_the_parties_fixed_when_it_was_circulated() {
        let mut d = doc_with_item();
        set_status(&mut d, 10, MeetingStatus::Open).expect("open");
        set_status(&mut d, 11, MeetingStatus::Closed).expect("close");
        assert_eq!(
            circulate(&mut d, 12, "h1"),
            Err(RejectReason::NotAnApprover),
            "no parties: nobody could approve"
        );
        d.forum = forum_of(&["kmd", "ntl"]);
        circulate(&mut d, 13, "h1").expect("circulate");
        // A party added later is not needed; one not in the round cannot answer.
        d.forum = forum_of(&["kmd", "ntl", "unio"]);
        assert_eq!(
            approve(&mut d, 14, "unio", "h1"),
            Err(RejectReason::NotAnApprover)
        );
        approve(&mut d, 15, "kmd", "h1").expect("kmd");
        // The last party asking for changes does not approve the minutes.
        d.apply(
            &meta(16, "ntl"),
            Change::RequestChanges {
                meeting: "m".into(),
                party: "ntl".into(),
                hash: "h1".into(),
                text: "Mangler vårt syn".into(),
            },
        )
        .expect("ntl asks");
        assert_eq!(
            d.meeting("m").map(|m| m.status),
            Some(MeetingStatus::Circulated)
        );
        approve(&mut d, 17, "ntl", "h1").expect("ntl approves after all");
        assert_eq!(
            d.meeting("m").map(|m| m.status),
            Some(MeetingStatus::Approved)
        );
    }

    #[test]
    fn a_party_may_ask_for_changes_and_only_for_itself() {
        let mut d = doc_with_item();
        d.forum = forum_of(&["kmd", "ntl"]);
        set_status(&mut d, 10, MeetingStatus::Open).expect("open");
        set_status(&mut d, 11, MeetingStatus::Closed).expect("close");
        circulate(&mut d, 12, "h1").expect("circulate");
        let ask = |party: &str| Change::RequestChanges {
            meeting: "m".into(),
            party: party.into(),
            hash: "h1".into(),
            text: "Sak 2: vårt standpunkt mangler".into(),
        };
        assert_eq!(
            d.apply(&meta(13, "kmd"), ask("ntl")),
            Err(RejectReason::NotYourParty)
        );
        d.apply(&meta(14, "ntl"), ask("ntl")).expect("own party");
        approve(&mut d, 15, "kmd", "h1").expect("kmd");
        let m = d.meeting("m").expect("m");
        assert_eq!(m.status, MeetingStatus::Circulated, "ntl has not approved");
        assert_eq!(m.waiting_for(&d.forum), vec!["ntl".to_string()]);
    }

    #[test]
    fn two_concurrent_different_counts_are_a_conflict_until_settled() {
        let mut d = doc_with_item();
        d.apply(
            &meta(6, "kmd"),
            Change::VoteOpen {
                meeting: "m".into(),
                item: "a".into(),
                vote: "v".into(),
                question: "q".into(),
                options: crate::model::VoteOption::defaults(["For", "Mot", "Avstår"]),
                method: crate::model::VoteMethod::Count,
                rule: crate::model::VoteRule::SimpleMajority,
            },
        )
        .expect("open");
        let count = |counts: Vec<u32>, replaces: Vec<String>| Change::VoteCount {
            meeting: "m".into(),
            item: "a".into(),
            vote: "v".into(),
            counts,
            replaces,
        };
        // Two terminals type a count without seeing each other's.
        d.apply(&meta(7, "kmd"), count(vec![5, 2, 1], vec![]))
            .expect("count");
        d.apply(&meta(8, "ntl"), count(vec![4, 3, 1], vec![]))
            .expect("count");
        let vote = |d: &Doc| {
            d.meeting("m")
                .and_then(|m| m.item("a"))
                .map(|i| i.votes[0].clone())
                .expect("vote")
        };
        assert!(vote(&d).count_conflict());
        assert_eq!(vote(&d).counts, None, "neither count is chosen");
        assert_eq!(vote(&d).outcome, None);
        // The chair settles it, seeing both.
        d.apply(
            &meta(9, "kmd"),
            count(vec![5, 2, 1], vec!["w:7".into(), "w:8".into()]),
        )
        .expect("settle");
        assert!(!vote(&d).count_conflict());
        assert_eq!(vote(&d).counts, Some(vec![5, 2, 1]));
        assert!(vote(&d).outcome.is_some_and(|o| o.adopted));
        // The same count typed twice is no conflict.
        d.apply(&meta(10, "ntl"), count(vec![5, 2, 1], vec!["w:9".into()]))
            .expect("count");
        d.apply(&meta(11, "hvo"), count(vec![5, 2, 1], vec!["w:9".into()]))
            .expect("count");
        assert!(!vote(&d).count_conflict());
    }

    #[test]
    fn the_speakers_list_keeps_order_and_time_per_party() {
        let mut d = doc_with_item();
        let sp = |c: fn(Id, Id, Id) -> Change, who: &str| c("m".into(), "a".into(), who.into());
        let req = |m, i, s| Change::SpeakerRequest {
            meeting: m,
            item: i,
            speaker: s,
        };
        let start = |m, i, s| Change::SpeakerStart {
            meeting: m,
            item: i,
            speaker: s,
        };
        d.apply(&meta(6, "ntl"), sp(req, "s1")).expect("request");
        d.apply(&meta(7, "unio"), sp(req, "s2")).expect("request");
        d.apply(&meta(8, "kmd"), sp(start, "s1"))
            .expect("floor to NTL");
        d.apply(&meta(14, "kmd"), sp(start, "s2"))
            .expect("floor to Unio");
        let item = d.meeting("m").and_then(|m| m.item("a")).expect("a").clone();
        assert_eq!(item.speakers[0].party.as_deref(), Some("ntl"));
        assert!(
            item.speakers[0].ended_at.is_some(),
            "giving the floor to the next ends the one before"
        );
        assert!(item.speakers[1].speaking());
        let now = chrono::DateTime::parse_from_rfc3339("2026-12-08T10:20:00+01:00").expect("time");
        let used = item.party_speaking_time(now);
        assert_eq!(
            used[0],
            ("ntl".to_string(), 6 * 60),
            "NTL spoke 10:08 to 10:14"
        );
        assert_eq!(
            used[1],
            ("unio".to_string(), 6 * 60),
            "Unio from 10:14, still speaking at 10:20"
        );
        assert_eq!(
            d.apply(&meta(15, "kmd"), sp(start, "s1")),
            Err(RejectReason::UnknownTarget),
            "a speaker who spoke is not waiting"
        );
    }

    #[test]
    fn a_deleted_item_stays_deleted() {
        let mut d = doc_with_item();
        d.apply(
            &meta(6, "kmd"),
            Change::ItemDelete {
                meeting: "m".into(),
                item: "a".into(),
            },
        )
        .expect("delete");
        assert_eq!(titles(&d), ["B"]);
        let late = Change::ItemSet {
            meeting: "m".into(),
            item: "a".into(),
            set: ItemField::Notes("sent".into()),
        };
        assert_eq!(
            d.apply(&meta(7, "ntl"), late).expect_err("gone"),
            RejectReason::UnknownTarget
        );
        assert_eq!(titles(&d), ["B"]);
    }
}
