//! The approval hash: SHA-256 of a meeting's canonical content (see
//! `Meeting::canonical_content`), as lowercase hex.

use sha2::{Digest, Sha256};

use crate::model::Meeting;

/// The bytes the hash is taken of: the referat's canonical content as compact JSON. Field
/// order is the order of the types, and every collection is a list, so the bytes are the
/// same on every machine. A round recorded on the whole meeting (before the protokoll was
/// a document of its own) is checked against the whole meeting's bytes.
pub fn canonical_bytes(meeting: &Meeting) -> Vec<u8> {
    sealed_bytes(meeting, meeting.content_hash.as_deref())
}

/// The content as a round that recorded `recorded` sealed it.
pub fn sealed_bytes(meeting: &Meeting, recorded: Option<&str>) -> Vec<u8> {
    let referat = json(&meeting.canonical_content());
    if let Some(recorded) = recorded
        && meeting.negotiation_items().next().is_some()
        && hash_of(&referat) != recorded
    {
        let whole = json(&meeting.whole_content());
        if hash_of(&whole) == recorded {
            return whole;
        }
    }
    referat
}

fn json(meeting: &Meeting) -> Vec<u8> {
    serde_json::to_vec(meeting).unwrap_or_default()
}

/// The hash of the meeting's content as its round sealed it (see `canonical_bytes`).
pub fn content_hash(meeting: &Meeting) -> String {
    hash_of(&canonical_bytes(meeting))
}

/// The hash of the content as a round that recorded `recorded` sealed it.
pub fn sealed_hash(meeting: &Meeting, recorded: &str) -> String {
    hash_of(&sealed_bytes(meeting, Some(recorded)))
}

/// The hash a new round records: the referat's content as it stands.
pub fn referat_hash(meeting: &Meeting) -> String {
    hash_of(&json(&meeting.canonical_content()))
}

/// The hash of content bytes, as approvals name it.
pub fn hash_of(bytes: &[u8]) -> String {
    super::op::hex(&Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_covers_the_record_but_not_the_round() {
        let mut m = Meeting::new(
            "m".into(),
            "Møte".into(),
            "2026-12-08T10:00:00+01:00".into(),
        );
        let h = content_hash(&m);
        assert_eq!(h.len(), 64);
        m.approval_deadline = chrono::NaiveDate::from_ymd_opt(2026, 12, 22);
        m.content_hash = Some(h.clone());
        m.status = crate::model::MeetingStatus::Circulated;
        assert_eq!(content_hash(&m), h, "the round's own state is not content");
        m.place = "Akersgata 59".into();
        assert_ne!(content_hash(&m), h, "a change to the record is");
    }

    #[test]
    fn the_referat_holds_a_forhandling_by_its_heading_and_older_rounds_still_verify() {
        use crate::model::{Item, ItemKind, ItemNumber};
        let mut m = Meeting::new(
            "m".into(),
            "Møte".into(),
            "2026-12-08T10:00:00+01:00".into(),
        );
        m.items.push(Item::new(
            "f".into(),
            ItemNumber { n: 4, year: 2026 },
            "Tilpasningsavtale".into(),
            ItemKind::Negotiation,
            1024,
        ));
        let referat = referat_hash(&m);
        m.items[0].notes = "Partene ble enige.".into();
        assert_eq!(referat_hash(&m), referat, "the protokoll's substance");
        m.items[0].title = "Ny tittel".into();
        assert_ne!(referat_hash(&m), referat, "the heading is the referat's");
        // A round recorded on the whole meeting, as before the protokoll was a document
        // of its own, is checked against the whole meeting.
        let whole = hash_of(&serde_json::to_vec(&m.whole_content()).expect("json"));
        m.content_hash = Some(whole.clone());
        assert_eq!(content_hash(&m), whole);
        m.items[0].notes = "Endret etterpå.".into();
        assert_ne!(content_hash(&m), whole, "and a change to it shows");
    }
}
