//! The protokoll of a forhandling: unlike the referat (HA § 21: approved afterwards, not
//! signed), a protokoll is signed by every party at the table, each from its own terminal,
//! and the negotiation is not finished until it is. One protokoll per forhandling item:
//! its krav and tilbud (the parties' positions), the result (enighet / uenighet), and
//! videre behandling. A signature names the hash of the protokoll's content
//! (`Meeting::protocol_hash`); a change to that content after a signature leaves the
//! signature standing on the old content, and the party must sign again.

use serde::Serialize;
use sha2::{Digest, Sha256};

pub use super::meeting::ProtocolSignature;
use super::{Forum, Id, Item, ItemKind, Meeting};

/// Where the signing of one protokoll stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProtocolStatus {
    /// The hash of the protokoll as it stands.
    pub hash: String,
    /// The parties who must sign: the parties at the meeting, never an observer.
    pub parties: Vec<Id>,
    /// The parties whose signature is on the protokoll as it stands.
    pub signed: Vec<Id>,
    /// The parties who signed an earlier content: their signature no longer holds.
    pub stale: Vec<Id>,
}

/// Unsigned, signed by some, or signed by every party.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProtocolState {
    Unsigned,
    SignedBySome,
    SignedByAll,
}

impl ProtocolStatus {
    /// The parties whose signature is missing (or stale).
    pub fn missing(&self) -> Vec<Id> {
        self.parties
            .iter()
            .filter(|p| !self.signed.contains(p))
            .cloned()
            .collect()
    }

    pub fn state(&self) -> ProtocolState {
        if self.signed.is_empty() {
            ProtocolState::Unsigned
        } else if self.missing().is_empty() {
            ProtocolState::SignedByAll
        } else {
            ProtocolState::SignedBySome
        }
    }

    /// The negotiation is open until every party has signed.
    pub fn negotiation_open(&self) -> bool {
        self.state() != ProtocolState::SignedByAll
    }
}

/// What a protokoll's hash is taken of: the meeting it was held in, and the item as it
/// stands (without the bookkeeping of running the meeting).
#[derive(Serialize)]
struct ProtocolContent<'a> {
    meeting: &'a str,
    title: &'a str,
    starts_at: &'a str,
    item: Item,
}

impl Meeting {
    /// The forhandling items: each has a protokoll of its own.
    pub fn negotiation_items(&self) -> impl Iterator<Item = &Item> {
        self.items
            .iter()
            .filter(|i| i.kind == ItemKind::Negotiation)
    }

    /// The bytes a protokoll signature is taken of: compact JSON of the content, the same
    /// on every machine. None when `item` is not a forhandling item of this meeting.
    pub fn protocol_bytes(&self, item: &str) -> Option<Vec<u8>> {
        let it = self
            .item(item)
            .filter(|i| i.kind == ItemKind::Negotiation)?;
        let content = ProtocolContent {
            meeting: &self.id,
            title: &self.title,
            starts_at: &self.starts_at,
            // What the protokoll says, without the meeting's bookkeeping: where the item
            // stands on the agenda, its clock and speakers, where its number came from.
            item: Item {
                claim: None,
                rank: 0,
                planned_minutes: 0,
                started_at: None,
                ended_at: None,
                speakers: Vec::new(),
                party_budget_minutes: None,
                ..it.clone()
            },
        };
        serde_json::to_vec(&content).ok()
    }

    /// SHA-256 of `protocol_bytes`, as lowercase hex.
    pub fn protocol_hash(&self, item: &str) -> Option<String> {
        let bytes = self.protocol_bytes(item)?;
        Some(
            Sha256::digest(&bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
        )
    }

    /// Who has signed the protokoll of `item`, and who must.
    pub fn protocol_status(&self, item: &str, forum: &Forum) -> Option<ProtocolStatus> {
        let hash = self.protocol_hash(item)?;
        let parties = self.approving_parties(forum);
        let mut signed = Vec::new();
        let mut stale = Vec::new();
        for party in &parties {
            let last = self
                .signatures
                .iter()
                .rev()
                .find(|s| s.item == item && s.party == *party);
            match last {
                Some(s) if s.hash == hash => signed.push(party.clone()),
                Some(_) => stale.push(party.clone()),
                None => {}
            }
        }
        Some(ProtocolStatus {
            hash,
            parties,
            signed,
            stale,
        })
    }
}
