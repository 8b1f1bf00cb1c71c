//! The protokoll of a forhandling: unlike the referat (HA § 21: approved afterwards, not
//! signed), a protokoll is signed by every party at the table, each from its own terminal,
//! and the negotiation is not finished until it is. One protokoll per forhandling item, or
//! one for the whole meeting as the chair chooses (`ProtocolScope`): its krav and tilbud (the parties' positions), the result (enighet / uenighet), and
//! videre behandling. A signature names the hash of the protokoll's content
//! (`Meeting::protocol_hash`); a change to that content after a signature leaves the
//! signature standing on the old content, and the party must sign again. Once every party
//! has signed, the content is final: the fold refuses changes to it.

use serde::Serialize;
use sha2::{Digest, Sha256};

pub use super::meeting::ProtocolSignature;
use super::{Forum, Id, Item, ItemKind, Meeting, ProtocolScope};

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

/// The same for one protokoll of the whole meeting: every forhandling item, in agenda order.
#[derive(Serialize)]
struct MeetingProtocolContent<'a> {
    meeting: &'a str,
    title: &'a str,
    starts_at: &'a str,
    items: Vec<Item>,
}

/// What a protokoll says of an item, without the meeting's bookkeeping: where the item
/// stands on the agenda, its clock and speakers, where its number came from.
fn protocol_item(it: &Item) -> Item {
    Item {
        claim: None,
        rank: 0,
        planned_minutes: 0,
        started_at: None,
        ended_at: None,
        speakers: Vec::new(),
        party_budget_minutes: None,
        ..it.clone()
    }
}

impl Meeting {
    /// The forhandling items: the protokoll's substance.
    pub fn negotiation_items(&self) -> impl Iterator<Item = &Item> {
        self.items
            .iter()
            .filter(|i| i.kind == ItemKind::Negotiation)
    }

    /// The meeting's protokolls, each by the key its signatures name: a forhandling item's
    /// id, or, for one protokoll of the whole meeting, the meeting's id.
    pub fn protocol_keys(&self) -> Vec<Id> {
        match self.protocol_scope {
            ProtocolScope::PerItem => self.negotiation_items().map(|i| i.id.clone()).collect(),
            ProtocolScope::PerMeeting if self.negotiation_items().next().is_some() => {
                vec![self.id.clone()]
            }
            ProtocolScope::PerMeeting => Vec::new(),
        }
    }

    /// The key of the protokoll that holds forhandling item `item`.
    pub fn protocol_key_of(&self, item: &str) -> Option<&str> {
        let it = self
            .item(item)
            .filter(|i| i.kind == ItemKind::Negotiation)?;
        Some(match self.protocol_scope {
            ProtocolScope::PerItem => &it.id,
            ProtocolScope::PerMeeting => &self.id,
        })
    }

    /// The forhandling items protokoll `key` holds; empty when there is no such protokoll.
    pub fn protocol_items(&self, key: &str) -> Vec<&Item> {
        match self.protocol_scope {
            ProtocolScope::PerMeeting if key == self.id => self.negotiation_items().collect(),
            ProtocolScope::PerMeeting => Vec::new(),
            ProtocolScope::PerItem => self
                .item(key)
                .filter(|i| i.kind == ItemKind::Negotiation)
                .into_iter()
                .collect(),
        }
    }

    /// The bytes a protokoll signature is taken of: compact JSON of the content, the same
    /// on every machine. None when this meeting has no protokoll `key`.
    pub fn protocol_bytes(&self, key: &str) -> Option<Vec<u8>> {
        let items = self.protocol_items(key);
        if items.is_empty() {
            return None;
        }
        match self.protocol_scope {
            ProtocolScope::PerItem => serde_json::to_vec(&ProtocolContent {
                meeting: &self.id,
                title: &self.title,
                starts_at: &self.starts_at,
                item: protocol_item(items[0]),
            }),
            ProtocolScope::PerMeeting => serde_json::to_vec(&MeetingProtocolContent {
                meeting: &self.id,
                title: &self.title,
                starts_at: &self.starts_at,
                items: items.into_iter().map(protocol_item).collect(),
            }),
        }
        .ok()
    }

    /// SHA-256 of `protocol_bytes`, as lowercase hex.
    pub fn protocol_hash(&self, key: &str) -> Option<String> {
        let bytes = self.protocol_bytes(key)?;
        Some(
            Sha256::digest(&bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
        )
    }

    /// Who has signed protokoll `key`, and who must.
    pub fn protocol_status(&self, key: &str, forum: &Forum) -> Option<ProtocolStatus> {
        let hash = self.protocol_hash(key)?;
        let parties = self.approving_parties(forum);
        let mut signed = Vec::new();
        let mut stale = Vec::new();
        for party in &parties {
            let last = self
                .signatures
                .iter()
                .rev()
                .find(|s| s.item == key && s.party == *party);
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

    /// Whether forhandling item `item` is in a protokoll every party has signed: then its
    /// content is final.
    pub fn protocol_final(&self, item: &str, forum: &Forum) -> bool {
        self.protocol_key_of(item)
            .and_then(|key| self.protocol_status(key, forum))
            .is_some_and(|st| st.state() == ProtocolState::SignedByAll)
    }

    /// Whether any protokoll of the meeting is signed by every party.
    pub fn any_protocol_final(&self, forum: &Forum) -> bool {
        !self.signatures.is_empty()
            && self
                .protocol_keys()
                .iter()
                .filter_map(|k| self.protocol_status(k, forum))
                .any(|st| st.state() == ProtocolState::SignedByAll)
    }
}
