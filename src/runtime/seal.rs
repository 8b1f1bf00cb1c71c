//! A protokoll signature sealed as an approval is: an OpenSSH signature (`sshsig`) over
//! the exact content signed, which anyone can check with `ssh-keygen -Y verify`.

use crate::app::App;
use crate::model::Change;
use crate::store::keys::{PROTOCOL_NAMESPACE, Signer};

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
