//! The minutes files: the bytes samrad writes in `minutes/`, and the one reader of them
//! (for the store, the tests and `samrad verify`).
//!
//! `minutes/<meeting-id>.json` (version 2) holds one meeting: the meeting, the ops refused
//! in it, and its action list as ids. What every meeting's minutes share, the forum and the
//! actions themselves, is kept once in `minutes/shared/forum.json`. `read_minutes` puts the
//! two together again into whole `Minutes`: what the fold gives, and what
//! `export --format json` writes (`minutes_bytes`, self-contained, version 1). A minutes
//! file of version 1 holds everything itself and is read as it is.

use std::collections::HashMap;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::layout::shared_minutes_beside;
use crate::model::{Action, Forum, Id, MINUTES_VERSION, Meeting, Minutes, Rejection};

/// Version of the files samrad writes in `minutes/` (version 1 was whole minutes,
/// `model::MINUTES_VERSION`). Not `model::SCHEMA_VERSION`, which every op line carries: a
/// newer one there would make every new line unreadable to the samrad before it, while
/// these files are derived and stay on the machine that wrote them.
pub const FILE_VERSION: u32 = 2;

/// `minutes/<meeting-id>.json`: one meeting, its actions named by id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct MeetingFile {
    pub schema_version: u32,
    pub meeting: Meeting,
    /// The meeting's action list, in order: its own actions, and those carried over from
    /// earlier meetings (open when it started), by id. Each is in the shared file.
    pub actions: Vec<Id>,
    /// Ops that were not applied, with who tried and when.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<Rejection>,
}

/// `minutes/shared/forum.json`: what the minutes files of a data folder share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SharedFile {
    pub schema_version: u32,
    pub forum: Forum,
    /// Every action of the forum as it stands now, by id.
    pub actions: Vec<Action>,
    /// What the file was written from, in short (`shared_token`): samrad reads it from the
    /// end of the file to tell that the file is current without reading the rest.
    pub token: String,
}

/// The shared file as written, borrowing from the fold.
#[derive(Serialize)]
struct SharedOut<'a> {
    schema_version: u32,
    forum: &'a Forum,
    actions: Vec<&'a Action>,
    token: &'a str,
}

/// The whole minutes of a meeting, self-contained: pretty JSON with a final newline. What
/// `export --format json` writes, and the bytes two folds are compared by.
pub fn minutes_bytes(minutes: &Minutes) -> Vec<u8> {
    let mut v = serde_json::to_vec_pretty(minutes).unwrap_or_default();
    v.push(b'\n');
    v
}

/// The bytes of `minutes/<meeting-id>.json`: compact JSON with a final newline.
pub fn file_bytes(minutes: &Minutes) -> Vec<u8> {
    meeting_file_bytes(&minutes.meeting, &minutes.actions, &minutes.rejected)
}

/// The same from a fold's parts: the meeting, its action list and its refused ops.
pub fn meeting_file_bytes<'a>(
    meeting: &Meeting,
    actions: impl IntoIterator<Item = &'a Action>,
    rejected: impl IntoIterator<Item = &'a Rejection>,
) -> Vec<u8> {
    compact(&MeetingOut {
        schema_version: FILE_VERSION,
        meeting,
        actions: actions.into_iter().map(|a| a.id.as_str()).collect(),
        rejected: rejected.into_iter().collect(),
    })
}

/// A meeting file as written, borrowing from the fold (the fields of `MeetingFile`).
#[derive(Serialize)]
struct MeetingOut<'a> {
    schema_version: u32,
    meeting: &'a Meeting,
    actions: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    rejected: Vec<&'a Rejection>,
}

/// The bytes of the shared file: the forum, the actions by id, and the token last.
pub fn shared_bytes(forum: &Forum, actions: &[Action]) -> Vec<u8> {
    compact(&SharedOut {
        schema_version: FILE_VERSION,
        forum,
        actions: by_id(actions),
        token: &shared_token(forum, actions),
    })
}

fn by_id(actions: &[Action]) -> Vec<&Action> {
    let mut actions: Vec<&Action> = actions.iter().collect();
    actions.sort_by(|a, b| a.id.cmp(&b.id));
    actions
}

/// A hash of what the shared file holds, made without writing the file out (the actions
/// of a large forum are megabytes of JSON): the forum, and of each action its id, its
/// status, how many changes it has had and the last of them. Every change to an action
/// adds one to its history, so the same count and last change is the same action.
pub fn shared_token(forum: &Forum, actions: &[Action]) -> String {
    let mut h = Hashing(Sha256::new());
    h.0.update(FILE_VERSION.to_le_bytes());
    // Writing into a hash cannot fail.
    let _ = serde_json::to_writer(&mut h, forum);
    for a in by_id(actions) {
        h.0.update(a.id.as_bytes());
        h.0.update([0, a.status as u8]);
        h.0.update((a.history.len() as u64).to_le_bytes());
        if let Some(last) = a.history.last() {
            let _ = serde_json::to_writer(&mut h, last);
        }
    }
    super::op::hex(&h.0.finalize()[..TOKEN_BYTES])
}

const TOKEN_BYTES: usize = 16;

struct Hashing(Sha256);

impl std::io::Write for Hashing {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The token at the end of the shared file at `path`: `None` when there is no file, or
/// it does not end as samrad writes it (cut short, say).
pub fn token_on_disk(path: &Path) -> Option<String> {
    use std::io::{Read, Seek, SeekFrom};
    const KEY: &str = "\"token\":\"";
    let tail_len = (KEY.len() + 2 * TOKEN_BYTES + "\"}\n".len()) as u64;
    let mut f = std::fs::File::open(path).ok()?;
    f.seek(SeekFrom::End(-(tail_len as i64))).ok()?;
    let mut tail = String::new();
    f.take(tail_len).read_to_string(&mut tail).ok()?;
    let token = tail.strip_prefix(KEY)?.strip_suffix("\"}\n")?;
    Some(token.to_string())
}

fn compact(value: &impl Serialize) -> Vec<u8> {
    // Serialising plain data into a Vec cannot fail.
    let mut v = serde_json::to_vec(value).unwrap_or_default();
    v.push(b'\n');
    v
}

/// A minutes file as found on disk, read as `T`: the whole `Minutes`, or a part of it.
#[derive(Debug)]
pub enum MinutesFile<T> {
    /// The file could not be read (it may not be there: minutes are derived).
    Unreadable(std::io::Error),
    /// Written by a newer samrad, with this schema version.
    Newer(u32),
    /// Not minutes: why.
    Invalid(String),
    Read(T),
}

/// Read a minutes file as `T` (a part both versions hold alike, as the meeting).
pub fn read_minutes_file<T: DeserializeOwned>(path: &Path) -> MinutesFile<T> {
    match read_bytes(path) {
        Ok(bytes) => parse_minutes(&bytes),
        Err(e) => MinutesFile::Unreadable(e),
    }
}

fn read_bytes(path: &Path) -> std::io::Result<Vec<u8>> {
    super::log::read_plain_file(path, 0).and_then(super::log::Plain::bytes)
}

/// The bytes of a file in `minutes/` read as `T`. A file of a newer schema is not read
/// further.
pub fn parse_minutes<T: DeserializeOwned>(bytes: &[u8]) -> MinutesFile<T> {
    if let Some(v) = version(bytes).filter(|v| *v > FILE_VERSION) {
        return MinutesFile::Newer(v);
    }
    match serde_json::from_slice(bytes) {
        Ok(t) => MinutesFile::Read(t),
        Err(e) => MinutesFile::Invalid(e.to_string()),
    }
}

/// The `schema_version` of a file in `minutes/`, when it has one.
pub fn version(bytes: &[u8]) -> Option<u32> {
    #[derive(Deserialize)]
    struct Version {
        schema_version: u32,
    }
    serde_json::from_slice::<Version>(bytes)
        .ok()
        .map(|v| v.schema_version)
}

/// Read a meeting's minutes file as whole `Minutes`: the actions it names and the forum
/// are taken from the shared file beside it (version 2); a file of version 1 holds them.
/// What went wrong says which file.
pub fn read_minutes(path: &Path) -> Result<Minutes, String> {
    let bytes = read_bytes(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let file = match version(&bytes) {
        Some(v) if v <= MINUTES_VERSION => {
            return match parse_minutes::<Minutes>(&bytes) {
                MinutesFile::Read(m) => Ok(m),
                other => Err(failure(path, other)),
            };
        }
        _ => match parse_minutes::<MeetingFile>(&bytes) {
            MinutesFile::Read(f) => f,
            other => return Err(failure(path, other)),
        },
    };
    let shared_path = shared_minutes_beside(path);
    let shared = match read_minutes_file::<SharedFile>(&shared_path) {
        MinutesFile::Read(s) => s,
        other => {
            return Err(format!(
                "{} (it holds the forum and the actions of {}; samrad writes it again when a meeting is opened)",
                failure(&shared_path, other),
                path.display()
            ));
        }
    };
    resolve(file, shared).map_err(|id| {
        format!(
            "{}: has no action {id}, which {} names (samrad writes it again when a meeting is opened)",
            shared_path.display(),
            path.display()
        )
    })
}

/// Whole minutes from a meeting file and the shared file; the id of an action that the
/// shared file does not hold.
pub fn resolve(file: MeetingFile, shared: SharedFile) -> Result<Minutes, Id> {
    let by_id: HashMap<&str, &Action> = shared.actions.iter().map(|a| (a.id.as_str(), a)).collect();
    let actions = file
        .actions
        .iter()
        .map(|id| {
            by_id
                .get(id.as_str())
                .map(|a| (*a).clone())
                .ok_or(id.clone())
        })
        .collect::<Result<Vec<Action>, Id>>()?;
    Ok(Minutes {
        schema_version: MINUTES_VERSION,
        forum: shared.forum,
        meeting: file.meeting,
        actions,
        rejected: file.rejected,
    })
}

fn failure<T>(path: &Path, read: MinutesFile<T>) -> String {
    let path = path.display();
    match read {
        MinutesFile::Read(_) => format!("{path}: read"),
        MinutesFile::Unreadable(e) => format!("{path}: {e}"),
        MinutesFile::Invalid(e) => format!("{path}: {e}"),
        MinutesFile::Newer(v) => format!("{path}: written by a newer samrad (schema {v})"),
    }
}

/// What is on disk where a file of `minutes/` is to be written.
#[derive(Debug, PartialEq)]
pub enum OnDisk {
    /// These very bytes: nothing to write.
    Same,
    /// Nothing, or other minutes of this samrad's or an older one's: replace them.
    Older,
    /// Written by a newer samrad (this schema version): not ours to replace.
    Newer(u32),
    /// Not a file of `minutes/` (broken, cut short): kept aside, then replaced.
    Invalid,
}

/// Compare what is at `path` with the `bytes` to be written there.
pub fn on_disk(path: &Path, bytes: &[u8]) -> OnDisk {
    let Ok(old) = std::fs::read(path) else {
        return OnDisk::Older;
    };
    if old == bytes {
        return OnDisk::Same;
    }
    match version(&old) {
        Some(v) if v > FILE_VERSION => OnDisk::Newer(v),
        Some(_) => OnDisk::Older,
        None => OnDisk::Invalid,
    }
}
