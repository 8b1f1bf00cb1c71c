//! Approvals anyone can check without samrad: the exact content approved, the roster's keys
//! as an OpenSSH `allowed_signers` file, and each approver's `sshsig` signature, so that
//! `ssh-keygen -Y verify -f allowed_signers -I <person> -n samrad-approval -s <person>.sig
//! < content` succeeds for each approval.

use crate::model::{Minutes, Verdict, is_safe_id};
use crate::store::keys::{self, APPROVAL_NAMESPACE};
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
    let mut files = vec![
        ("content".to_string(), content),
        (
            "allowed_signers".to_string(),
            allowed_signers(minutes).into_bytes(),
        ),
    ];
    files.extend(sigs);
    Ok(files)
}

/// The roster's keys, one line each: the person id, the namespace the key may sign in,
/// and the key as OpenSSH writes it.
fn allowed_signers(minutes: &Minutes) -> String {
    minutes
        .forum
        .roster
        .keys
        .iter()
        .filter(|g| is_safe_id(&g.person))
        .filter_map(|g| {
            let key = keys::openssh(&g.key)?;
            Some(format!(
                "{} namespaces=\"{APPROVAL_NAMESPACE}\" {key}\n",
                g.person
            ))
        })
        .collect()
}

/// The command that checks `person`'s approval, with the folder's files.
pub fn check_command(dir: &str, person: &str) -> String {
    format!(
        "ssh-keygen -Y verify -f {dir}/allowed_signers -I {person} -n {APPROVAL_NAMESPACE} -s {dir}/{person}.sig < {dir}/content"
    )
}
