//! Signing the protokoll of a forhandling item (`model/protocol.rs`): only a party to the
//! negotiation signs (never an observer), from its own seat, on the content as it stands.
//! And which of the meeting's two documents a change writes to, and whether that one is
//! still open: the referat closes with its approval round, a protokoll with the last
//! party's signature.

use super::{Doc, own_party_only};
use crate::model::{
    Change, ItemField, ItemKind, MeetingField, OpMeta, ProtocolScope, ProtocolSignature,
    RejectReason,
};

/// A change to a forhandling item that the referat holds too: its heading, its place on
/// the agenda, and whether it is public.
fn touches_heading(change: &Change) -> bool {
    match change {
        Change::ItemAdd { .. } | Change::ItemDelete { .. } | Change::ItemRestore { .. } => true,
        Change::ItemSet { set, .. } => matches!(
            set,
            ItemField::Title(_)
                | ItemField::Kind(_)
                | ItemField::Rank(_)
                | ItemField::Exempt(_)
                | ItemField::Confidential(_)
        ),
        _ => false,
    }
}

/// The running of the meeting, which a protokoll does not hold (`protocol_item`): the
/// speakers, the item's clock, its place on the agenda.
fn is_bookkeeping(change: &Change) -> bool {
    match change {
        Change::SpeakerRequest { .. }
        | Change::SpeakerStart { .. }
        | Change::SpeakerEnd { .. }
        | Change::SpeakerWithdraw { .. } => true,
        Change::ItemSet { set, .. } => matches!(
            set,
            ItemField::StartedAt(_)
                | ItemField::EndedAt(_)
                | ItemField::PlannedMinutes(_)
                | ItemField::Rank(_)
                | ItemField::PartyBudgetMinutes(_)
        ),
        _ => false,
    }
}

impl Doc {
    /// A party's signature. The content may be locked for the referat's approval round:
    /// a signature changes no content, so it is taken then too.
    pub(super) fn sign_protocol(
        &mut self,
        meta: &OpMeta,
        change: Change,
    ) -> Result<(), RejectReason> {
        let Change::SignProtocol {
            meeting,
            item,
            party,
            hash,
            seal,
        } = change
        else {
            return Err(RejectReason::UnknownTarget);
        };
        own_party_only(meta.author.writes_for(&party))?;
        // The signer saw the numbers settled: so must the check, mid-fold too.
        self.settle_numbers_if_needed();
        let m = self.meeting(&meeting).ok_or(RejectReason::UnknownTarget)?;
        if m.protocol_items(&item).is_empty() {
            return Err(RejectReason::UnknownTarget);
        }
        let status = m
            .protocol_status(&item, &self.forum)
            .ok_or(RejectReason::NotASignatory)?;
        if self.forum.observes_only(&party) || !status.parties.contains(&party) {
            return Err(RejectReason::NotASignatory);
        }
        if status.hash != hash && !self.signed_on_claimed_numbers(&meeting, &item, &hash) {
            return Err(RejectReason::StaleHash);
        }
        let m = self.meeting(&meeting).ok_or(RejectReason::UnknownTarget)?;
        // The first signature fixes the numbers the protokoll shows, on every machine.
        let unfixed: Vec<_> = m
            .protocol_items(&item)
            .into_iter()
            .filter(|i| !self.numbers.iter().any(|r| r.fixed && r.item == i.id))
            .map(|i| (i.id.clone(), i.number))
            .collect();
        self.record_numbers(meta, meeting.clone(), unfixed, true);
        self.numbers_unsettled = true;
        let signature = ProtocolSignature {
            item,
            party,
            hash,
            seal,
            at: meta.at.to_string(),
            by: meta.author.name.clone(),
            person: meta.author.person.clone(),
        };
        self.meeting_mut(&meeting)?.signatures.push(signature);
        Ok(())
    }

    /// Whether `hash` is protokoll `key` with the sak numbers its items claimed: what the
    /// signer saw when a claim made earlier on a machine that synced later has since moved
    /// an item. Then the protokoll keeps the numbers it was signed with (the signature
    /// fixes them), and the other claim moves.
    fn signed_on_claimed_numbers(&mut self, meeting: &str, key: &str, hash: &str) -> bool {
        let Some(m) = self.meeting(meeting) else {
            return false;
        };
        let claimed: Vec<_> = m
            .protocol_items(key)
            .into_iter()
            .filter(|i| !self.numbers.iter().any(|r| r.fixed && r.item == i.id))
            .filter_map(|i| Some((i.id.clone(), i.claim.as_ref()?.number)))
            .collect();
        let mut as_claimed = m.clone();
        for it in &mut as_claimed.items {
            if let Some((_, n)) = claimed.iter().find(|(id, _)| *id == it.id) {
                it.number = *n;
            }
        }
        if claimed.is_empty() || as_claimed.protocol_hash(key).as_deref() != Some(hash) {
            return false;
        }
        for (id, n) in claimed {
            if let Ok(it) = self.item_mut(meeting, &id) {
                it.number = n;
            }
        }
        true
    }

    /// Refuse `change` when the document it writes to is closed: the referat (everything
    /// but a forhandling's substance) once it is out for approval or approved; a protokoll
    /// once every party has signed it. How the protokolls are cut is settled at the first
    /// signature.
    pub(super) fn check_document_open(
        &self,
        meeting: &str,
        change: &Change,
    ) -> Result<(), RejectReason> {
        let m = self.meeting(meeting).ok_or(RejectReason::UnknownTarget)?;
        let negotiation = change
            .item_id()
            .and_then(|i| m.item(i))
            .filter(|i| i.kind == ItemKind::Negotiation);
        let in_referat = negotiation.is_none() || touches_heading(change);
        if in_referat && m.status.is_read_only() {
            return Err(RejectReason::Locked);
        }
        if m.signatures.is_empty() {
            return Ok(());
        }
        let forum = &self.forum;
        let per_meeting = m.protocol_scope == ProtocolScope::PerMeeting;
        let closes = match change {
            Change::MeetingSet { set, .. } => match set {
                MeetingField::ProtocolScope(_) => true,
                // The protokoll names the meeting's title and time.
                MeetingField::Title(_) | MeetingField::StartsAt(_) => m.any_protocol_final(forum),
                _ => false,
            },
            Change::ItemAdd { kind, .. } => {
                per_meeting && *kind == ItemKind::Negotiation && m.any_protocol_final(forum)
            }
            Change::ItemSet {
                set: ItemField::Kind(ItemKind::Negotiation),
                ..
            } if negotiation.is_none() => per_meeting && m.any_protocol_final(forum),
            _ => negotiation
                .is_some_and(|it| !is_bookkeeping(change) && m.protocol_final(&it.id, forum)),
        };
        if closes {
            return Err(RejectReason::ProtocolSigned);
        }
        Ok(())
    }
}
