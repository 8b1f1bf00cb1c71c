//! Packs: the logs of a meeting nobody writes to any more, in one compressed file. This is
//! the file's format; `packing` makes packs and finds a log in them.
//!
//! An archive of thousands of meetings is mostly small files: each meeting's folder holds a
//! log for every samrad that wrote there, most of them a few lines, each taking a whole
//! block on disk. `samrad pack` puts the logs of a quiet meeting (held a month ago, no line since, no
//! log held by a running samrad, no conflict copy to sort out) into one file,
//! `pack-<hash>.jsonl.gz`, and removes them.
//!
//! The lines are kept byte for byte: each log is a section of the pack, under its file
//! name, so every check made of a log (its writer, its folder, its chain, its signatures) is
//! made of the section as it was of the file. A pack is read as one more log file of its
//! folder. It is never changed: one is named by the hash of its bytes, so two machines that
//! pack the same logs make the same file, and two packs made apart sit side by side (their
//! lines that are the same are read once) until the next `pack` joins them. A log written
//! in the folder after it was packed (a samrad writes a new log each run) is an ordinary
//! log beside the pack.
//!
//! Inside the gzip, each section is a header line, `{"log":"w1.jsonl","bytes":1234}`, and
//! then that many bytes of the log. The header counts bytes, so a section cannot end early
//! or run into the next whatever its lines hold.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use flate2::Compression;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::names;

const PREFIX: &str = "pack-";
const EXT: &str = ".jsonl.gz";
/// Hex digits of the hash in a pack's name.
const HASH_LEN: usize = 16;
/// The most a pack holds unpacked: as much as the largest log (`MAX_PLAIN`).
const MAX_PLAIN: u64 = 1 << 30;

/// Whether a file name is a pack's: `pack-<16 hex digits>.jsonl.gz`.
pub fn is_pack_name(name: &str) -> bool {
    name.strip_prefix(PREFIX)
        .and_then(|r| r.strip_suffix(EXT))
        .is_some_and(|h| {
            h.len() == HASH_LEN
                && h.bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
}

/// Whether the file at `path` is a pack.
pub fn is_pack(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(is_pack_name)
}

/// One log in a pack: its file name (`w1.jsonl`) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl Section {
    /// The writer whose log this is.
    pub fn writer(&self) -> &str {
        self.name.strip_suffix(names::LOG_EXT).unwrap_or(&self.name)
    }

    /// Where the section's lines are said to be in problems and findings: under the pack,
    /// as if it were a folder (`log/m/pack-….jsonl.gz/w1.jsonl`).
    pub fn path_in(&self, pack: &Path) -> PathBuf {
        pack.join(&self.name)
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    log: String,
    bytes: u64,
}

/// Why a pack could not be read.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum PackError {
    #[error("not a gzip file, or cut short: {0}")]
    Gzip(String),
    #[error("larger than any log when unpacked")]
    TooLarge,
    #[error("section {0}: its header is not one")]
    Header(usize),
    #[error("section {0}: `{1}` is not the name of a writer's log")]
    Name(usize, String),
    #[error("section {0}: `{1}` is in the pack twice")]
    Twice(usize, String),
    #[error("section {0} (`{1}`): says {2} bytes, the pack ends before")]
    Short(usize, String, u64),
}

/// The pack of `sections` (sorted by name and each name once, as `decode` wants them): its
/// file name and its bytes. The same sections always give the same bytes.
pub fn encode(sections: &[Section]) -> (String, Vec<u8>) {
    let mut plain = Vec::new();
    for s in sections {
        let header = Header {
            log: s.name.clone(),
            bytes: s.bytes.len() as u64,
        };
        // A header of two plain fields always serializes.
        plain.extend(serde_json::to_vec(&header).unwrap_or_default());
        plain.push(b'\n');
        plain.extend(&s.bytes);
    }
    let mut gz = flate2::GzBuilder::new()
        .mtime(0)
        .operating_system(255)
        .write(Vec::new(), Compression::default());
    // Writing into a Vec does not fail.
    let _ = gz.write_all(&plain);
    let bytes = gz.finish().unwrap_or_default();
    let hash: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    (format!("{PREFIX}{}{EXT}", &hash[..HASH_LEN]), bytes)
}

/// The sections of a pack's bytes, checked: each header whole, each name a writer's log's
/// and once, each section as long as its header says.
pub fn decode(gz: &[u8]) -> Result<Vec<Section>, PackError> {
    let mut plain = Vec::new();
    flate2::read::GzDecoder::new(gz)
        .take(MAX_PLAIN + 1)
        .read_to_end(&mut plain)
        .map_err(|e| PackError::Gzip(e.to_string()))?;
    if plain.len() as u64 > MAX_PLAIN {
        return Err(PackError::TooLarge);
    }
    let mut sections: Vec<Section> = Vec::new();
    let mut at = 0;
    while at < plain.len() {
        let number = sections.len() + 1;
        let end = memchr::memchr(b'\n', &plain[at..])
            .map(|i| at + i)
            .ok_or(PackError::Header(number))?;
        let header: Header =
            serde_json::from_slice(&plain[at..end]).map_err(|_| PackError::Header(number))?;
        if names::log_writer(&header.log).is_none_or(|(_, copy)| copy) {
            return Err(PackError::Name(number, header.log));
        }
        if sections.iter().any(|s| s.name == header.log) {
            return Err(PackError::Twice(number, header.log));
        }
        let start = end + 1;
        let stop = usize::try_from(header.bytes)
            .ok()
            .and_then(|n| start.checked_add(n))
            .filter(|stop| *stop <= plain.len())
            .ok_or_else(|| PackError::Short(number, header.log.clone(), header.bytes))?;
        sections.push(Section {
            name: header.log,
            bytes: plain[start..stop].to_vec(),
        });
        at = stop;
    }
    Ok(sections)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn section(name: &str, bytes: &[u8]) -> Section {
        Section {
            name: name.into(),
            bytes: bytes.to_vec(),
        }
    }

    #[test]
    fn a_pack_gives_back_its_logs_byte_for_byte_and_is_named_by_its_bytes() {
        let logs = vec![
            section("template.jsonl", b"{\"a\":1}\n"),
            section("w1.jsonl", b"{\"b\":2}\n{\"c\":3}\n"),
            // A section's bytes may hold anything, a header's look-alike too.
            section("w2.jsonl", b"{\"log\":\"w3.jsonl\",\"bytes\":1}\nx"),
        ];
        let (name, bytes) = encode(&logs);
        assert!(is_pack_name(&name), "{name}");
        assert_eq!(decode(&bytes), Ok(logs.clone()));
        assert_eq!(encode(&logs), (name.clone(), bytes));
        let (other, _) = encode(&logs[..2]);
        assert_ne!(other, name);
    }

    #[test]
    fn a_broken_pack_says_what_is_wrong() {
        let plain = |text: &[u8]| {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), Compression::default());
            gz.write_all(text).expect("write");
            gz.finish().expect("finish")
        };
        assert!(matches!(decode(b"not gzip"), Err(PackError::Gzip(_))));
        let (_, whole) = encode(&[section("w1.jsonl", &[b'x'; 5000])]);
        assert!(matches!(
            decode(&whole[..whole.len() / 2]),
            Err(PackError::Gzip(_))
        ));
        assert_eq!(decode(&plain(b"{\"a\":1}\n")), Err(PackError::Header(1)));
        assert_eq!(
            decode(&plain(
                b"{\"log\":\"w1.jsonl\",\"bytes\":1}\nx{\"log\":\"w1.jsonl\""
            )),
            Err(PackError::Header(2))
        );
        for bad in [
            "../w1.jsonl",
            "w1.sync-conflict-1-2-A.jsonl",
            "w1",
            ".w1.jsonl",
        ] {
            let text = format!("{{\"log\":\"{bad}\",\"bytes\":0}}\n");
            assert_eq!(
                decode(&plain(text.as_bytes())),
                Err(PackError::Name(1, bad.into())),
                "{bad}"
            );
        }
        assert_eq!(
            decode(&plain(
                b"{\"log\":\"w1.jsonl\",\"bytes\":0}\n{\"log\":\"w1.jsonl\",\"bytes\":0}\n"
            )),
            Err(PackError::Twice(2, "w1.jsonl".into()))
        );
        assert_eq!(
            decode(&plain(b"{\"log\":\"w1.jsonl\",\"bytes\":99}\nshort")),
            Err(PackError::Short(1, "w1.jsonl".into(), 99))
        );
    }

    #[test]
    fn only_packs_have_a_packs_name() {
        assert!(is_pack_name("pack-0123456789abcdef.jsonl.gz"));
        for name in [
            "pack-0123456789ABCDEF.jsonl.gz",
            "pack-0123456789abcde.jsonl.gz",
            "pack-0123456789abcdef.jsonl",
            "pack-0123456789abcdef.jsonl.gz.tmp",
            "w1.jsonl",
        ] {
            assert!(!is_pack_name(name), "{name}");
        }
    }

    proptest! {
        #[test]
        fn any_logs_come_back_as_they_went_in(
            logs in proptest::collection::btree_map("w[0-9a-f]{1,12}", proptest::collection::vec(any::<u8>(), 0..300), 0..6)
        ) {
            let sections: Vec<Section> = logs
                .into_iter()
                .map(|(w, bytes)| Section { name: format!("{w}.jsonl"), bytes })
                .collect();
            let (_, bytes) = encode(&sections);
            prop_assert_eq!(decode(&bytes), Ok(sections));
        }

        #[test]
        fn any_bytes_are_read_or_refused_never_a_panic(
            bytes in proptest::collection::vec(any::<u8>(), 0..400),
            cut in 0usize..400,
        ) {
            let _ = decode(&bytes);
            // A real pack cut anywhere, or with a byte changed.
            let (_, whole) = encode(&[section("w1.jsonl", &bytes)]);
            let _ = decode(&whole[..cut.min(whole.len())]);
            let mut flipped = whole.clone();
            let at = cut % flipped.len();
            flipped[at] ^= 0x5a;
            let _ = decode(&flipped);
        }
    }
}
