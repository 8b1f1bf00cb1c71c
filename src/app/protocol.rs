//! The protokoll of a forhandling item from the app (`model/protocol.rs`): `:sign` signs
//! it for the user's own party, at the table, on the content this terminal shows. The
//! runtime seals the signature with the user's key, as it seals an approval.

use super::action::Effect;
use super::state::App;
use crate::i18n::Msg;
use crate::model::{Change, ItemKind, MeetingField, ProtocolScope};

/// `:sign`: sign the selected forhandling item's protokoll for the user's party.
pub fn sign(app: &mut App, fx: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(party) = app.author.party.clone() else {
        app.warn(lang.t(Msg::SignNeedsParty));
        return;
    };
    if app.doc.forum.observes_only(&party) {
        app.warn(lang.t(Msg::SignNotForObservers));
        return;
    }
    let Some(m) = app.current_meeting() else {
        app.warn(lang.t(Msg::NoMeetingOpen));
        return;
    };
    let Some(item) = app
        .selected_item()
        .filter(|i| i.kind == ItemKind::Negotiation)
    else {
        app.warn(lang.t(Msg::SignNeedsNegotiation));
        return;
    };
    let Some(key) = m.protocol_key_of(&item.id) else {
        app.warn(lang.t(Msg::SignNeedsNegotiation));
        return;
    };
    let Some(status) = m.protocol_status(key, &app.doc.forum) else {
        app.warn(lang.t(Msg::SignNeedsNegotiation));
        return;
    };
    if !status.parties.contains(&party) {
        app.warn(lang.t(Msg::SignNotASignatory));
        return;
    }
    let change = Change::SignProtocol {
        meeting: m.id.clone(),
        item: key.to_string(),
        party: party.clone(),
        hash: status.hash.clone(),
        seal: String::new(),
    };
    let missing = status.missing().into_iter().filter(|p| *p != party).count();
    let msg = if missing == 0 {
        lang.t(Msg::SignedByAll).to_string()
    } else {
        lang.fill(Msg::SignedMissing, &[&missing])
    };
    app.commit(fx, change);
    app.say(msg);
}

/// `:protocolper item|meeting`: the chair cuts the meeting's forhandlinger into a protokoll
/// each, or one for the whole meeting. Settled once anyone has signed.
pub fn set_scope(app: &mut App, arg: &str, fx: &mut Vec<Effect>) {
    let lang = app.lang;
    let scope = match arg.trim().to_lowercase().as_str() {
        "item" | "sak" | "per-item" | "per-sak" => ProtocolScope::PerItem,
        "meeting" | "møte" | "mote" | "per-meeting" | "per-møte" => ProtocolScope::PerMeeting,
        _ => {
            app.warn(lang.t(Msg::ProtocolScopeUsage));
            return;
        }
    };
    let Some(m) = app.current_meeting() else {
        app.warn(lang.t(Msg::NoMeetingOpen));
        return;
    };
    if !m.signatures.is_empty() {
        app.warn(lang.t(Msg::ProtocolScopeSettled));
        return;
    }
    let change = Change::MeetingSet {
        meeting: m.id.clone(),
        set: MeetingField::ProtocolScope(scope),
    };
    let msg = match scope {
        ProtocolScope::PerItem => Msg::ProtocolPerItem,
        ProtocolScope::PerMeeting => Msg::ProtocolPerMeeting,
    };
    app.commit(fx, change);
    app.say(lang.t(msg));
}
