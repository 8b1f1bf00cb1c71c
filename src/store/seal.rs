//! The approval hash: SHA-256 of a meeting's canonical content (see
//! `Meeting::canonical_content`), as lowercase hex.

use sha2::{Digest, Sha256};

use crate::model::Meeting;

/// The bytes the hash is taken of: the canonical content as compact JSON. Field order is
/// the order of the types, and every collection is a list, so the bytes are the same on
/// every machine.
pub fn canonical_bytes(meeting: &Meeting) -> Vec<u8> {
    serde_json::to_vec(&meeting.canonical_content()).unwrap_or_default()
}

pub fn content_hash(meeting: &Meeting) -> String {
    hash_of(&canonical_bytes(meeting))
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
}
