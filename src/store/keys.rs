//! Keys and signatures: each person signs every op with an ed25519 key, kept in OpenSSH
//! format (so it can be the user's own `~/.ssh/id_ed25519`). In a log line the public key
//! is written short, `ed25519:` and its 32 bytes in base64, and the signature is the 64
//! bytes in base64. Approvals are also signed as OpenSSH `sshsig` signatures, which
//! `ssh-keygen -Y verify` checks without samrad.

use std::path::Path;

use base64ct::{Base64, Encoding};
use signature::{Signer as _, Verifier as _};
use ssh_key::public::{Ed25519PublicKey, KeyData};
use ssh_key::rand_core::OsRng;
use ssh_key::{Algorithm, HashAlg, LineEnding, PrivateKey, PublicKey, Signature};
use thiserror::Error;

const PREFIX: &str = "ed25519:";

/// The namespace of approval signatures (`ssh-keygen -Y verify -n samrad-approval`).
pub const APPROVAL_NAMESPACE: &str = "samrad-approval";
/// The `sshsig` namespace of a protokoll signature (`Change::SignProtocol`).
pub const PROTOCOL_NAMESPACE: &str = "samrad-protocol";

#[derive(Debug, Error)]
pub enum KeyError {
    #[error("{path}: {why}")]
    Unusable { path: String, why: String },
    #[error("{path}: not an ed25519 key (samrad signs with ed25519)")]
    NotEd25519 { path: String },
    #[error("{path}: the key has a passphrase, which samrad cannot ask for")]
    Encrypted { path: String },
}

/// A person's private key, to sign ops and approvals with.
#[derive(Clone)]
pub struct Signer {
    key: PrivateKey,
    public: String,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Signer({})", fingerprint(&self.public))
    }
}

impl Signer {
    /// A new random key (for a user who has none, and for tests).
    pub fn generate() -> Signer {
        let key = PrivateKey::random(&mut OsRng, Algorithm::Ed25519)
            .expect("the OS gives randomness for a new key");
        Signer::from_key(key).expect("a new ed25519 key has an ed25519 public key")
    }

    fn from_key(key: PrivateKey) -> Option<Signer> {
        let public = short(key.public_key())?;
        Some(Signer { key, public })
    }

    /// The key at `path`, or a new one written there (mode 0600) when there is none.
    pub fn load_or_create(path: &Path) -> Result<Signer, KeyError> {
        if path.exists() {
            return Signer::load(path);
        }
        let signer = Signer::generate();
        let unusable = |why: String| KeyError::Unusable {
            path: path.display().to_string(),
            why,
        };
        let pem = signer
            .key
            .to_openssh(LineEnding::LF)
            .map_err(|e| unusable(e.to_string()))?;
        super::atomic::write_atomic(path, pem.as_bytes()).map_err(|e| unusable(e.to_string()))?;
        let public = format!("{}\n", signer.openssh_public());
        let _ = super::atomic::write_atomic(&path.with_extension("pub"), public.as_bytes());
        Ok(signer)
    }

    /// An OpenSSH private key file.
    pub fn load(path: &Path) -> Result<Signer, KeyError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| KeyError::Unusable {
            path: shown.clone(),
            why: e.to_string(),
        })?;
        let key = PrivateKey::from_openssh(text.trim()).map_err(|e| KeyError::Unusable {
            path: shown.clone(),
            why: e.to_string(),
        })?;
        if key.is_encrypted() {
            return Err(KeyError::Encrypted { path: shown });
        }
        Signer::from_key(key).ok_or(KeyError::NotEd25519 { path: shown })
    }

    /// The public key as log lines write it: `ed25519:…`.
    pub fn public(&self) -> &str {
        &self.public
    }

    /// The public key as OpenSSH writes it: `ssh-ed25519 AAAA…`.
    pub fn openssh_public(&self) -> String {
        openssh(&self.public).unwrap_or_default()
    }

    /// The signature of `bytes`, in base64.
    pub fn sign(&self, bytes: &[u8]) -> String {
        match self.key.try_sign(bytes) {
            Ok(sig) => Base64::encode_string(sig.as_bytes()),
            Err(_) => String::new(),
        }
    }

    /// An OpenSSH signature (`-----BEGIN SSH SIGNATURE-----`) of `msg` in `namespace`.
    pub fn sshsig(&self, namespace: &str, msg: &[u8]) -> Option<String> {
        let sig = self.key.sign(namespace, HashAlg::Sha512, msg).ok()?;
        sig.to_pem(LineEnding::LF).ok()
    }
}

/// The short form of an ed25519 public key.
fn short(key: &PublicKey) -> Option<String> {
    match key.key_data() {
        KeyData::Ed25519(k) => Some(format!("{PREFIX}{}", Base64::encode_string(&k.0))),
        _ => None,
    }
}

fn public_key(public: &str) -> Option<PublicKey> {
    let bytes = Base64::decode_vec(public.strip_prefix(PREFIX)?).ok()?;
    let bytes: [u8; 32] = bytes.try_into().ok()?;
    Some(PublicKey::from(KeyData::Ed25519(Ed25519PublicKey(bytes))))
}

/// Whether `sig` (base64) is `public`'s signature of `bytes`.
pub fn verify(public: &str, bytes: &[u8], sig: &str) -> bool {
    let Some(key) = public_key(public) else {
        return false;
    };
    let Ok(raw) = Base64::decode_vec(sig) else {
        return false;
    };
    let Ok(sig) = Signature::new(Algorithm::Ed25519, raw) else {
        return false;
    };
    key.key_data().verify(bytes, &sig).is_ok()
}

/// Whether `pem` is `public`'s OpenSSH signature of `msg` in `namespace`.
pub fn verify_sshsig(public: &str, namespace: &str, msg: &[u8], pem: &str) -> bool {
    let Some(key) = public_key(public) else {
        return false;
    };
    let Ok(sig) = ssh_key::SshSig::from_pem(pem) else {
        return false;
    };
    key.verify(namespace, msg, &sig).is_ok()
}

/// The key's fingerprint as `ssh-keygen -l` shows it: `SHA256:…`, to compare out of band.
pub fn fingerprint(public: &str) -> String {
    public_key(public)
        .map(|k| k.fingerprint(HashAlg::Sha256).to_string())
        .unwrap_or_else(|| public.to_string())
}

/// The key as OpenSSH writes a public key: `ssh-ed25519 AAAA…`.
pub fn openssh(public: &str) -> Option<String> {
    public_key(public)?.to_openssh().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_holds_for_its_bytes_and_key_only() {
        let (a, b) = (Signer::generate(), Signer::generate());
        let sig = a.sign(b"one line");
        assert!(verify(a.public(), b"one line", &sig));
        assert!(!verify(a.public(), b"one line!", &sig));
        assert!(!verify(b.public(), b"one line", &sig));
        assert!(!verify(a.public(), b"one line", "not base64"));
        assert!(!verify("ed25519:short", b"one line", &sig));
    }

    #[test]
    fn keys_round_trip_through_openssh_files() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("id_ed25519");
        let made = Signer::load_or_create(&path).expect("made");
        let again = Signer::load_or_create(&path).expect("loaded");
        assert_eq!(made.public(), again.public());
        assert!(made.openssh_public().starts_with("ssh-ed25519 AAAA"));
        assert!(fingerprint(made.public()).starts_with("SHA256:"));
        let pem = made.sshsig(APPROVAL_NAMESPACE, b"content").expect("sshsig");
        assert!(verify_sshsig(
            made.public(),
            APPROVAL_NAMESPACE,
            b"content",
            &pem
        ));
        assert!(!verify_sshsig(made.public(), "other", b"content", &pem));
    }
}
