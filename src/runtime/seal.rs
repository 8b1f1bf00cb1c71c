//! A forhandling's protokoll from the runtime: its signature sealed as an approval is (an
//! OpenSSH signature, `sshsig`, over the exact content signed, which anyone can check with
//! `ssh-keygen -Y verify`), and its export to the exports folder (`:protocol`).

use crate::app::App;
use crate::export::{ExportOptions, Format};
use crate::i18n::Msg;
use crate::model::{Change, is_safe_id};
use crate::store::Layout;
use crate::store::keys::{PROTOCOL_NAMESPACE, Signer};

/// Write protokoll `item` (a forhandling item's, or the meeting's own) of the meeting
/// shown to `exports/<meeting>-protokoll[-<item>].<ext>`, and say where (or why not).
pub fn export_protocol(layout: &Layout, app: &mut App, item: &str, format: Format) {
    let Some(minutes) = app.meeting.as_deref().and_then(|m| app.doc.minutes(m)) else {
        app.warn(app.t(Msg::NoMeetingOpen));
        return;
    };
    let opts = ExportOptions {
        lang: app.lang,
        include_confidential: false,
        today: app.now.date_naive(),
        doubts: Vec::new(),
    };
    if !is_safe_id(item) {
        app.warn(app.lang.fill(Msg::NoSuchProtocol, &[&item]));
        return;
    }
    let bytes = match crate::export::export_protocol(&minutes, item, format, &opts) {
        Ok(bytes) => bytes,
        Err(e) => {
            app.warn(e.words(app.lang));
            return;
        }
    };
    let stem = if item == minutes.meeting.id {
        format!("{}-protokoll", minutes.meeting.id)
    } else {
        format!("{}-protokoll-{item}", minutes.meeting.id)
    };
    let path = layout.export_path(&stem, format.extension());
    match crate::store::atomic::write_atomic(&path, &bytes) {
        Ok(()) => app.say(super::exports::written(app, &path, Msg::ExportedTo)),
        Err(e) => app.warn(format!(
            "{}: {}: {e}",
            app.t(Msg::ExportFailed),
            path.display()
        )),
    }
}

/// `change` (a `Change::SignProtocol`) with its seal over the protokoll's content
/// (`Meeting::protocol_bytes`), when the user has a key and the content is the one the
/// signature names.
pub fn protocol(app: &App, signer: Option<&Signer>, change: Change) -> Change {
    let (
        Change::SignProtocol {
            meeting,
            item,
            party,
            hash,
            seal,
        },
        Some(signer),
    ) = (change.clone(), signer)
    else {
        return change;
    };
    let content = app
        .doc
        .meeting(&meeting)
        .filter(|m| m.protocol_hash(&item).as_deref() == Some(hash.as_str()))
        .and_then(|m| m.protocol_bytes(&item));
    let seal = match content {
        Some(bytes) if seal.is_empty() => signer
            .sshsig(PROTOCOL_NAMESPACE, &bytes)
            .unwrap_or_default(),
        _ => seal,
    };
    Change::SignProtocol {
        meeting,
        item,
        party,
        hash,
        seal,
    }
}
