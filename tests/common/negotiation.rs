//! A forhandling added to the template's meeting, and the parties signing its protokoll:
//! what the procedure tests share.

use super::authors::chair;
use super::session::Session;
use super::{TEMPLATE_MEETING, at};
use samrad::i18n::Lang;
use samrad::model::{Author, Change, Doc, ItemKind, ItemNumber, RejectReason, Stance};

pub const NEGOTIATION: &str = "f-1";
/// The template meeting's information item.
pub const INFORMATION: &str = "s-2026-4";

/// The template forum with a forhandling added to its meeting.
pub fn session() -> Session {
    let mut s = Session::new(chair(), Lang::Nb, at("2026-12-08T10:00:00+01:00"));
    write(
        &mut s,
        chair(),
        Change::ItemAdd {
            meeting: TEMPLATE_MEETING.into(),
            item: NEGOTIATION.into(),
            number: ItemNumber { n: 90, year: 2026 },
            title: "Tilpasningsavtale".into(),
            kind: ItemKind::Negotiation,
            rank: 99_000,
        },
    );
    s
}

pub fn write(s: &mut Session, who: Author, change: Change) {
    s.as_author(who);
    s.store().commit(change).expect("commit");
}

pub fn position(item: &str, party: &str, stance: Stance) -> Change {
    Change::Position {
        meeting: TEMPLATE_MEETING.into(),
        item: item.into(),
        party: party.into(),
        stance,
        reason: String::new(),
        base: None,
    }
}

pub fn refusals(doc: &Doc) -> Vec<RejectReason> {
    doc.rejected.iter().map(|r| r.reason.clone()).collect()
}

pub fn sign(doc: &Doc, party: &str) -> Change {
    let m = doc.meeting(TEMPLATE_MEETING).expect("meeting");
    Change::SignProtocol {
        meeting: TEMPLATE_MEETING.into(),
        item: NEGOTIATION.into(),
        party: party.into(),
        hash: m.protocol_hash(NEGOTIATION).expect("a protokoll"),
        seal: String::new(),
    }
}

pub fn state(doc: &Doc) -> samrad::model::ProtocolStatus {
    doc.meeting(TEMPLATE_MEETING)
        .and_then(|m| m.protocol_status(NEGOTIATION, &doc.forum))
        .expect("status")
}
