//! One op: one line of a writer's log.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::clock::Hlc;
use crate::model::{Author, Change, OpMeta, SCHEMA_VERSION};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Op {
    /// Schema version of the line.
    pub v: u32,
    pub writer: String,
    pub seq: u64,
    pub clock: Hlc,
    /// Wall time, RFC 3339 with offset, for people to read.
    pub at: String,
    pub by: Author,
    /// SHA-256 of the previous line in the same file (hex), empty on the first line.
    pub prev: String,
    pub change: Change,
    /// The last line of each other writer's log in this scope that this writer had read
    /// (those new since its last op here): cutting or changing a line someone has seen
    /// then shows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seen: Vec<Head>,
    /// The signer's public key, `ed25519:…`; empty in an unsigned line.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub key: String,
    /// The signature of the line as it is without this field (which is always last).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sig: String,
    /// Whether `sig` was checked and holds for `key` (known to the reader, never written).
    #[serde(skip)]
    pub verified: bool,
    /// The SHA-256 of the line as read or written (known to the reader, never written).
    #[serde(skip)]
    pub digest: [u8; 32],
}

/// Another writer's log as far as it was read: its last line's number and hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    pub writer: String,
    pub seq: u64,
    /// The first 16 hex digits of the line's SHA-256.
    pub hash: String,
}

/// How much of a line's hash a head keeps: enough to tell a changed line.
pub const HEAD_HASH_LEN: usize = 16;

impl Op {
    /// `writer:seq`, unique across all logs.
    pub fn id(&self) -> String {
        format!("{}:{}", self.writer, self.seq)
    }

    pub fn meta(&self) -> OpMeta<'_> {
        OpMeta {
            writer: &self.writer,
            seq: self.seq,
            at: &self.at,
            author: &self.by,
            key: self.verified.then_some(self.key.as_str()),
            clock: (self.clock.ms, self.clock.c),
        }
    }

    /// Fold this op's change into a doc: one step of the fold, for an op read on its own.
    pub fn apply_to(self, doc: &mut crate::model::Doc) -> Result<(), crate::model::RejectReason> {
        let Op {
            writer,
            seq,
            at,
            by,
            change,
            key,
            verified,
            clock,
            ..
        } = self;
        doc.apply(
            &OpMeta {
                writer: &writer,
                seq,
                at: &at,
                author: &by,
                key: verified.then_some(key.as_str()),
                clock: (clock.ms, clock.c),
            },
            change,
        )
    }

    /// The bytes the signature covers: the line without its `sig` field. `None` when the
    /// line does not end with this op's signature (it was not written by samrad).
    pub fn signed_bytes(&self, line: &[u8]) -> Option<Vec<u8>> {
        let suffix = format!(",\"sig\":\"{}\"}}", self.sig);
        let body = line.strip_suffix(suffix.as_bytes())?;
        let mut out = Vec::with_capacity(body.len() + 1);
        out.extend_from_slice(body);
        out.push(b'}');
        Some(out)
    }

    /// Check this op's signature against `line`, the bytes it was read from.
    pub fn check_signature(&self, line: &[u8]) -> bool {
        !self.sig.is_empty()
            && self
                .signed_bytes(line)
                .is_some_and(|b| super::keys::verify(&self.key, &b, &self.sig))
    }

    /// The canonical line, without the newline.
    pub fn encode(&self) -> String {
        // Serialising plain data into a String cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Order of the fold: clock, then writer, then seq.
    pub fn order_key(&self) -> (Hlc, &str, u64) {
        (self.clock, self.writer.as_str(), self.seq)
    }

    /// This op as another writer names it when it has seen it.
    pub fn head(&self) -> Head {
        Head {
            writer: self.writer.clone(),
            seq: self.seq,
            hash: hex(&self.digest[..HEAD_HASH_LEN / 2]),
        }
    }
}

/// Whether `hex` (a `prev`, or a head's shorter hash) is the start of `digest` in hex.
pub fn names_digest(hex: &str, digest: &[u8; 32]) -> bool {
    let hex = hex.as_bytes();
    let digit = |c: u8| (c as char).to_digit(16);
    !hex.is_empty()
        && hex.len().is_multiple_of(2)
        && hex.len() <= 64
        && hex.chunks(2).zip(digest).all(|(h, b)| {
            matches!((digit(h[0]), digit(h[1])), (Some(hi), Some(lo)) if hi * 16 + lo == u32::from(*b))
        })
}

/// Ops as the lines of a log file, each with its newline.
pub fn encode_lines(ops: &[Op]) -> Vec<u8> {
    let mut out = Vec::new();
    for op in ops {
        out.extend_from_slice(op.encode().as_bytes());
        out.push(b'\n');
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
pub enum LineError {
    /// Written by a newer samrad: the data must not be changed by this one.
    Newer(u32),
    Invalid(String),
}

#[derive(Deserialize)]
struct VersionOnly {
    v: u32,
}

pub fn parse_line(line: &[u8]) -> Result<Op, LineError> {
    // Checking UTF-8 once for the whole line is faster than serde_json checking every
    // string in it; a line that is not UTF-8 goes the slow way, for the error message.
    let parsed = match std::str::from_utf8(line) {
        Ok(text) => serde_json::from_str::<Op>(text),
        Err(_) => serde_json::from_slice::<Op>(line),
    };
    match parsed {
        Ok(op) if op.v > SCHEMA_VERSION => Err(LineError::Newer(op.v)),
        Ok(op) => Ok(op),
        Err(e) => match serde_json::from_slice::<VersionOnly>(line) {
            Ok(VersionOnly { v }) if v > SCHEMA_VERSION => Err(LineError::Newer(v)),
            _ => Err(LineError::Invalid(e.to_string())),
        },
    }
}

pub fn line_hash(line: &[u8]) -> String {
    hex(&line_digest(line))
}

pub fn line_digest(line: &[u8]) -> [u8; 32] {
    Sha256::digest(line).into()
}

pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 15)] as char);
    }
    s
}
