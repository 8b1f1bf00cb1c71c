//! Approvals and protokoll signatures anyone can check without samrad: the exact content
//! approved or signed, the roster's keys as an OpenSSH `allowed_signers` file, and each
//! signer's `sshsig` signature, so that `ssh-keygen -Y verify -f allowed_signers -I <person>
//! -n samrad-approval -s <person>.sig < content` (namespace `samrad-protocol` for a
//! protokoll) succeeds for each.

use crate::model::{Minutes, Verdict, is_safe_id};
use crate::store::keys::{self, APPROVAL_NAMESPACE, PROTOCOL_NAMESPACE};
use crate::store::seal;

/// Why there is nothing to check.
#[derive(Debug, Clone, PartialEq)]
pub enum SignaturesError {
    /// The minutes were never sent round: nothing was approved.
    NotCirculated,
    /// The minutes are not what was sent round (the hash of each).
    ContentChanged { now: String, approved: String },
    /// No approval of this content is signed.
    NoSignedApprovals,
    /// No signature on the protokoll as it stands is sealed with a key.
    NoSignedProtocol,
}

/// One file to write: its name in the folder, and its bytes.
pub type File = (String, Vec<u8>);

/// The files of `minutes`' approval round: `content`, `allowed_signers` and one
/// `<person-id>.sig` per signed approval of the content sent round.
pub fn approval_files(minutes: &Minutes) -> Result<Vec<File>, SignaturesError> {
    let m = &minutes.meeting;
    let approved = m
        .content_hash
        .clone()
        .ok_or(SignaturesError::NotCirculated)?;
    let content = seal::canonical_bytes(m);
    let now = seal::hash_of(&content);
    if now != approved {
        return Err(SignaturesError::ContentChanged { now, approved });
    }
    let sigs: Vec<File> = m
        .approvals
        .iter()
        .filter(|a| a.verdict == Verdict::Approve && a.hash == approved && !a.seal.is_empty())
        .filter_map(|a| {
            let person = a.person.as_deref().filter(|p| is_safe_id(p))?;
            Some((format!("{person}.sig"), a.seal.clone().into_bytes()))
        })
        .collect();
    if sigs.is_empty() {
        return Err(SignaturesError::NoSignedApprovals);
    }
    Ok(with_content(minutes, content, APPROVAL_NAMESPACE, sigs))
}

/// The files of protokoll `key`'s signatures: `content` (the protokoll as it stands),
/// `allowed_signers`, and one `<person-id>.sig` per party whose sealed signature is on it.
pub fn protocol_files(minutes: &Minutes, key: &str) -> Result<Vec<File>, SignaturesError> {
    let m = &minutes.meeting;
    let (Some(content), Some(st)) = (
        m.protocol_bytes(key),
        m.protocol_status(key, &minutes.forum),
    ) else {
        return Err(SignaturesError::NoSignedProtocol);
    };
    let sigs: Vec<File> = st
        .signed
        .iter()
        .filter_map(|party| {
            let s = m
                .signatures
                .iter()
                .rev()
                .find(|s| s.item == key && s.party == *party)?;
            let person = s.person.as_deref().filter(|p| is_safe_id(p))?;
            (!s.seal.is_empty()).then(|| (format!("{person}.sig"), s.seal.clone().into_bytes()))
        })
        .collect();
    if sigs.is_empty() {
        return Err(SignaturesError::NoSignedProtocol);
    }
    Ok(with_content(minutes, content, PROTOCOL_NAMESPACE, sigs))
}

/// The content and the keys, then the signatures.
fn with_content(
    minutes: &Minutes,
    content: Vec<u8>,
    namespace: &str,
    sigs: Vec<File>,
) -> Vec<File> {
    let mut files = vec![
        ("content".to_string(), content),
        (
            "allowed_signers".to_string(),
            allowed_signers(minutes, namespace).into_bytes(),
        ),
    ];
    files.extend(sigs);
    files
}

/// The roster's keys, one line each: the person id, the namespace the key may sign in,
/// and the key as OpenSSH writes it.
fn allowed_signers(minutes: &Minutes, namespace: &str) -> String {
    minutes
        .forum
        .roster
        .keys
        .iter()
        .filter(|g| is_safe_id(&g.person))
        .filter_map(|g| {
            let key = keys::openssh(&g.key)?;
            Some(format!("{} namespaces=\"{namespace}\" {key}\n", g.person))
        })
        .collect()
}

/// The command that checks `person`'s signature in `namespace`, with the folder's files.
pub fn check_command(dir: &str, person: &str, namespace: &str) -> String {
    format!(
        "ssh-keygen -Y verify -f {dir}/allowed_signers -I {person} -n {namespace} -s {dir}/{person}.sig < {dir}/content"
    )
}
