//! The fold's rules for the meeting's two documents: the referat closes with its approval
//! round, a protokoll with the last party's signature; and a signed protokoll keeps the
//! sak numbers it was signed with.

use super::tests::{add_item_of_kind, circulate, doc_with_item, meta, number_of, set_status};
use super::*;
use crate::model::{
    ItemField, ItemKind, ItemNumber, MeetingField, MeetingStatus, Party, ProtocolScope,
    ProtocolState, Side, Stance,
};

/// The meeting of `doc_with_item` with forhandling "f" (4/26) and the parties KMD and NTL.
fn with_negotiation() -> Doc {
    let mut d = doc_with_item();
    for (id, side) in [("kmd", Side::Employer), ("ntl", Side::Union)] {
        d.forum.parties.push(Party {
            id: id.into(),
            name: id.to_uppercase(),
            short: id.to_uppercase(),
            side,
            confederation: None,
        });
    }
    d.forum
        .people
        .retain(|p| matches!(p.party.as_deref(), Some("kmd" | "ntl")));
    add_negotiation(&mut d, 20, "f", 4);
    d
}

fn add_negotiation(d: &mut Doc, n: u32, id: &str, number: u32) {
    add_item_of_kind(d, n, "m", id, number, ItemKind::Negotiation);
}

fn sign(d: &mut Doc, n: u32, party: &str, key: &str) -> Result<(), RejectReason> {
    let hash = d
        .meeting("m")
        .and_then(|m| m.protocol_hash(key))
        .unwrap_or_default();
    d.apply(&meta(n, party), sign_change(party, key, &hash))
}

fn sign_change(party: &str, key: &str, hash: &str) -> Change {
    Change::SignProtocol {
        meeting: "m".into(),
        item: key.into(),
        party: party.into(),
        hash: hash.into(),
        seal: String::new(),
    }
}

fn set(item: &str, field: ItemField) -> Change {
    Change::ItemSet {
        meeting: "m".into(),
        item: item.into(),
        set: field,
    }
}

fn state(d: &Doc, key: &str) -> ProtocolState {
    d.meeting("m")
        .and_then(|m| m.protocol_status(key, &d.forum))
        .map(|s| s.state())
        .expect("a protokoll")
}

fn referat_hash(d: &Doc) -> Vec<u8> {
    serde_json::to_vec(&d.meeting("m").expect("m").canonical_content()).expect("json")
}

#[test]
fn the_referat_round_neither_covers_nor_locks_a_forhandlings_substance() {
    let mut d = with_negotiation();
    set_status(&mut d, 30, MeetingStatus::Open).expect("open");
    set_status(&mut d, 31, MeetingStatus::Closed).expect("close");
    circulate(&mut d, 32, "h").expect("circulate");
    let referat = referat_hash(&d);
    // The protokoll's substance stays open: the negotiation goes on until all have signed.
    d.apply(
        &meta(33, "kmd"),
        set("f", ItemField::Notes("Partene ble enige.".into())),
    )
    .expect("the forhandling's notes are the protokoll's");
    d.apply(
        &meta(34, "ntl"),
        Change::Position {
            meeting: "m".into(),
            item: "f".into(),
            party: "ntl".into(),
            stance: Stance::Agree,
            reason: String::new(),
            base: None,
        },
    )
    .expect("a party's position on the forhandling");
    assert_eq!(referat_hash(&d), referat, "the referat does not hold them");
    // What the referat holds is locked by its round: its items, and a forhandling's heading.
    let locked = [
        set("a", ItemField::Notes("Endret.".into())),
        set("f", ItemField::Title("Ny tittel".into())),
    ];
    for (n, change) in (35..).zip(locked) {
        assert_eq!(d.apply(&meta(n, "kmd"), change), Err(RejectReason::Locked));
    }
}

#[test]
fn a_protokoll_every_party_has_signed_is_final() {
    let mut d = with_negotiation();
    sign(&mut d, 30, "ntl", "f").expect("NTL signs");
    d.apply(
        &meta(31, "kmd"),
        set("f", ItemField::Notes("Tillegg.".into())),
    )
    .expect("open until all have signed: the change asks NTL to sign again");
    sign(&mut d, 32, "ntl", "f").expect("NTL signs again");
    sign(&mut d, 33, "kmd", "f").expect("KMD signs");
    assert_eq!(state(&d, "f"), ProtocolState::SignedByAll);
    let refused = [
        set("f", ItemField::Notes("Etterpå.".into())),
        set("f", ItemField::Agreement(None)),
        Change::MeetingSet {
            meeting: "m".into(),
            set: MeetingField::Title("Annet møte".into()),
        },
    ];
    for (n, change) in (34..).zip(refused) {
        assert_eq!(
            d.apply(&meta(n, "kmd"), change),
            Err(RejectReason::ProtocolSigned)
        );
    }
    // The running of the meeting is no part of it.
    d.apply(
        &meta(40, "kmd"),
        set(
            "f",
            ItemField::EndedAt(Some("2026-12-08T11:00:00+01:00".into())),
        ),
    )
    .expect("the item's clock");
    assert_eq!(state(&d, "f"), ProtocolState::SignedByAll);
}

#[test]
fn one_protokoll_for_the_meeting_when_the_chair_says_so_before_anyone_signs() {
    let mut d = with_negotiation();
    add_negotiation(&mut d, 21, "g", 5);
    let per_meeting = |n| Change::MeetingSet {
        meeting: "m".into(),
        set: MeetingField::ProtocolScope(n),
    };
    d.apply(&meta(22, "ntl"), per_meeting(ProtocolScope::PerMeeting))
        .expect_err("the chair's choice");
    d.apply(&meta(23, "kmd"), per_meeting(ProtocolScope::PerMeeting))
        .expect("the chair chooses");
    let m = d.meeting("m").expect("m");
    assert_eq!(m.protocol_keys(), ["m"]);
    assert_eq!(m.protocol_key_of("g"), Some("m"));
    assert_eq!(m.protocol_items("m").len(), 2);
    assert_eq!(
        sign(&mut d, 24, "ntl", "f"),
        Err(RejectReason::UnknownTarget)
    );
    sign(&mut d, 25, "ntl", "m").expect("NTL signs the meeting's protokoll");
    assert_eq!(
        d.apply(&meta(26, "kmd"), per_meeting(ProtocolScope::PerItem)),
        Err(RejectReason::ProtocolSigned),
        "settled at the first signature"
    );
    // A change to either forhandling is a change to the one protokoll.
    d.apply(
        &meta(27, "kmd"),
        set("g", ItemField::Conclusion("Til departementet.".into())),
    )
    .expect("open");
    let st = d
        .meeting("m")
        .and_then(|m| m.protocol_status("m", &d.forum))
        .expect("status");
    assert_eq!(st.stale, ["ntl"]);
}

#[test]
fn a_signed_protokoll_keeps_its_number_when_an_earlier_claim_syncs_in_later() {
    // The table: the forhandling claimed 4/26 and both parties signed it as 4/26.
    let mut table = with_negotiation();
    table.settle_numbers();
    let hash = table
        .meeting("m")
        .and_then(|m| m.protocol_hash("f"))
        .expect("hash");
    // Another machine had claimed 4/26 for a sak in another meeting, earlier, and synced
    // only after the signing. The fold, in clock order, meets that claim first.
    let mut d = doc_with_item();
    d.forum = table.forum.clone();
    d.apply(
        &meta(10, "kmd"),
        Change::ItemNumbers {
            meeting: "other".into(),
            numbers: vec![("elsewhere".into(), ItemNumber { n: 4, year: 2026 })],
            fixed: false,
        },
    )
    .expect("claim");
    add_negotiation(&mut d, 20, "f", 4);
    d.apply(&meta(30, "ntl"), sign_change("ntl", "f", &hash))
        .expect("signed as 4/26, as it was at the table");
    d.apply(&meta(31, "kmd"), sign_change("kmd", "f", &hash))
        .expect("so is the second signature");
    d.settle_numbers();
    assert_eq!(number_of(&d, "m", "f"), "4/26", "the signed number stands");
    assert_eq!(state(&d, "f"), ProtocolState::SignedByAll);
    let elsewhere = d
        .numbers
        .iter()
        .filter(|r| r.item == "f" && r.fixed)
        .count();
    assert_eq!(elsewhere, 1, "the first signature fixed it");
}
