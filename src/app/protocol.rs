//! The protokoll of a forhandling item from the app (`model/protocol.rs`): `:sign` signs
//! it for the user's own party, at the table, on the content this terminal shows. The
//! runtime seals the signature with the user's key, as it seals an approval.

use super::action::Effect;
use super::state::App;
use crate::i18n::Msg;
use crate::model::{Change, ItemKind};

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
    let Some(status) = m.protocol_status(&item.id, &app.doc.forum) else {
        app.warn(lang.t(Msg::SignNeedsNegotiation));
        return;
    };
    if !status.parties.contains(&party) {
        app.warn(lang.t(Msg::SignNotASignatory));
        return;
    }
    let change = Change::SignProtocol {
        meeting: m.id.clone(),
        item: item.id.clone(),
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
