//! What is recorded in a meeting: attendance, documents, the agenda and, on each item,
//! positions, statements, inputs, votes and the speakers list. Refused once the minutes
//! are out for approval or approved.

use super::numbering::claim_order;
use super::{Doc, own_party_only, push_new, put_by_id};
use crate::model::NumberClaim;
use crate::model::{
    Attendance, Ballot, Change, CountEntry, Item, ItemField, MeetingField, OpMeta, Position,
    RejectReason, Speaker, Statement, Vote, VoteMethod, merge_text, tally,
};

/// A party's new text merged into its last (`merge_text`), when the op says what it was
/// written from; as written otherwise (older ops).
fn merged(base: Option<String>, last: Option<&str>, text: String, meta: &OpMeta) -> String {
    match base {
        Some(base) => merge_text(&base, last.unwrap_or_default(), &text, &edit_label(meta)),
        None => text,
    }
}

/// Names an edit at the end of a conflict it makes: who, and when (to the minute).
fn edit_label(meta: &OpMeta) -> String {
    let when = meta.at.get(..16).unwrap_or(meta.at).replace('T', " ");
    format!("{}, {when}", meta.author.name)
}

impl Doc {
    pub(super) fn apply_to_open_meeting(
        &mut self,
        meta: &OpMeta,
        meeting_id: &str,
        change: Change,
    ) -> Result<(), RejectReason> {
        use Change as C;
        self.check_document_open(meeting_id, &change)?;
        let at = || meta.at.to_string();
        let by = || meta.author.name.clone();
        match change {
            C::MeetingSet { meeting, set } => {
                let m = self.meeting_mut(&meeting)?;
                let moves = matches!(
                    set,
                    MeetingField::Title(_)
                        | MeetingField::StartsAt(_)
                        | MeetingField::EndsAt(_)
                        | MeetingField::Place(_)
                ) && set.changes(m);
                set.apply(m);
                if moves {
                    m.revision = m.revision.saturating_add(1);
                }
            }
            C::Attend {
                meeting,
                person,
                presence,
                for_person,
                substitute,
            } => {
                let m = self.meeting_mut(&meeting)?;
                let entry = Attendance {
                    person,
                    presence,
                    for_person,
                    substitute,
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
                let mut new = Item::new(item, number, title, kind, rank);
                new.claim = Some(NumberClaim {
                    number,
                    order: claim_order(meta),
                });
                self.meeting_mut(&meeting)?.items.push(new);
                self.sort_items(&meeting);
            }
            C::ItemSet { meeting, item, set } => {
                let reorder = matches!(set, ItemField::Rank(_));
                set.apply(self.item_mut(&meeting, &item)?);
                if reorder {
                    self.sort_items(&meeting);
                }
            }
            C::ItemDelete { meeting, item } => {
                let gone = self.item_mut(&meeting, &item)?.clone();
                self.graveyard.push((meeting.clone(), gone));
                let m = self.meeting_mut(&meeting)?;
                m.items.retain(|i| i.id != item);
                if m.current_item.as_deref() == Some(item.as_str()) {
                    m.current_item = None;
                }
                self.deleted_items.insert(item);
                self.sort_items(&meeting);
            }
            C::ItemText {
                meeting,
                item,
                field,
                base,
                text,
            } => {
                let slot = field.of_mut(self.item_mut(&meeting, &item)?);
                *slot = merge_text(&base, slot, &text, &edit_label(meta));
            }
            C::Position {
                meeting,
                item,
                party,
                stance,
                reason,
                base,
            } => {
                let on_behalf = !meta.author.writes_for(&party);
                let it = self.item_mut(&meeting, &item)?;
                if !stance.fits(it.kind) {
                    return Err(RejectReason::StanceDoesNotFit);
                }
                let last = it.positions.iter().rev().find(|p| p.party == party);
                let reason = merged(base, last.map(|p| p.reason.as_str()), reason, meta);
                it.positions.push(Position {
                    party,
                    stance,
                    reason,
                    at: at(),
                    by: by(),
                    on_behalf,
                    withdrawn: false,
                });
            }
            C::PositionWithdraw {
                meeting,
                item,
                party,
            } => {
                let on_behalf = !meta.author.writes_for(&party);
                let it = self.item_mut(&meeting, &item)?;
                // Only a position that stands can be taken back.
                let last = it
                    .current_positions()
                    .into_iter()
                    .find(|p| p.party == party)
                    .cloned()
                    .ok_or(RejectReason::UnknownTarget)?;
                it.positions.push(Position {
                    at: at(),
                    by: by(),
                    on_behalf,
                    withdrawn: true,
                    ..last
                });
            }
            C::ItemRestore { meeting, item } => {
                let at = self
                    .graveyard
                    .iter()
                    .position(|(m, i)| *m == meeting && i.id == item)
                    .ok_or(RejectReason::UnknownTarget)?;
                let (_, restored) = self.graveyard.remove(at);
                self.deleted_items.remove(&item);
                self.meeting_mut(&meeting)?.items.push(restored);
                self.sort_items(&meeting);
            }
            C::Statement {
                meeting,
                item,
                party,
                text,
                base,
            } => {
                let it = self.item_mut(&meeting, &item)?;
                own_party_only(meta.author.writes_for(&party))?;
                let last = it.statements.iter().rev().find(|s| s.party == party);
                let text = merged(base, last.map(|s| s.text.as_str()), text, meta);
                it.statements.push(Statement {
                    party,
                    text,
                    at: at(),
                    by: by(),
                });
            }
            C::ItemInput { meeting, input } => {
                let item = match &input.target {
                    crate::model::InputTarget::Item(i) => i.clone(),
                    crate::model::InputTarget::DevArea(_) => {
                        return Err(RejectReason::UnknownTarget);
                    }
                };
                let it = self.item_mut(&meeting, &item)?;
                push_new(&mut it.inputs, input, |i| &i.id)?;
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
                let vote = Vote {
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
                };
                push_new(&mut self.item_mut(&meeting, &item)?.votes, vote, |v| &v.id)?;
            }
            C::VoteCast {
                meeting,
                item,
                vote,
                voter,
                option,
            } => {
                let v = self.open_vote_mut(&meeting, &item, &vote)?;
                own_party_only(match v.method {
                    VoteMethod::PerParty => meta.author.writes_for(&voter),
                    VoteMethod::PerPerson => meta.author.person.as_deref() == Some(voter.as_str()),
                    VoteMethod::Count => false,
                })?;
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
                let v = self.open_vote_mut(&meeting, &item, &vote)?;
                v.count_entries.push(CountEntry {
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
                let speaker = Speaker {
                    id: speaker,
                    name: meta.author.name.clone(),
                    party: meta.author.party.clone(),
                    requested_at: at(),
                    started_at: None,
                    ended_at: None,
                    withdrawn: false,
                };
                push_new(
                    &mut self.item_mut(&meeting, &item)?.speakers,
                    speaker,
                    |s| &s.id,
                )?;
            }
            C::SpeakerStart {
                meeting,
                item,
                speaker,
            } => {
                let now = at();
                let it = self.item_mut(&meeting, &item)?;
                speaker_mut(it, &speaker, Speaker::waiting)?;
                for s in it.speakers.iter_mut().filter(|s| s.speaking()) {
                    s.ended_at = Some(now.clone());
                }
                speaker_mut(it, &speaker, Speaker::waiting)?.started_at = Some(now);
            }
            C::SpeakerEnd {
                meeting,
                item,
                speaker,
            } => {
                let it = self.item_mut(&meeting, &item)?;
                speaker_mut(it, &speaker, Speaker::speaking)?.ended_at = Some(at());
            }
            C::SpeakerWithdraw {
                meeting,
                item,
                speaker,
            } => {
                speaker_mut(self.item_mut(&meeting, &item)?, &speaker, Speaker::waiting)?
                    .withdrawn = true
            }
            _ => return Err(RejectReason::UnknownTarget),
        }
        Ok(())
    }

    /// A vote that still takes ballots and counts.
    fn open_vote_mut(
        &mut self,
        meeting: &str,
        item: &str,
        vote: &str,
    ) -> Result<&mut Vote, RejectReason> {
        let v = self.vote_mut(meeting, item, vote)?;
        if !v.open {
            return Err(RejectReason::VoteClosed);
        }
        Ok(v)
    }
}

/// The speaker `id` on an item's list, if they are in the state `now` asks for.
fn speaker_mut<'i>(
    item: &'i mut Item,
    id: &str,
    now: fn(&Speaker) -> bool,
) -> Result<&'i mut Speaker, RejectReason> {
    item.speakers
        .iter_mut()
        .find(|s| s.id == id && now(s))
        .ok_or(RejectReason::UnknownTarget)
}
