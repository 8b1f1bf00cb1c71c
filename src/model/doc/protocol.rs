//! Signing the protokoll of a forhandling item (`model/protocol.rs`): only a party to the
//! negotiation signs (never an observer), from its own seat, on the content as it stands.

use super::{Doc, own_party_only};
use crate::model::{Change, OpMeta, ProtocolSignature, RejectReason};

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
        let m = self.meeting(&meeting).ok_or(RejectReason::UnknownTarget)?;
        m.item(&item).ok_or(RejectReason::UnknownTarget)?;
        let status = m
            .protocol_status(&item, &self.forum)
            .ok_or(RejectReason::NotASignatory)?;
        if self.forum.observes_only(&party) || !status.parties.contains(&party) {
            return Err(RejectReason::NotASignatory);
        }
        if status.hash != hash {
            return Err(RejectReason::StaleHash);
        }
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
}
