//! The archive index: one row per meeting and item, and every searchable text, for browsing
//! and searching thousands of meetings without folding them all.
//!
//! It is derived (kept in `index/`, never synced) and trusted only while every log it was
//! built from keeps its length and modification time. A meeting whose logs changed is folded
//! again on its own, on top of the forum; the rest is reused.
//!
//! Files: `index/archive.bin` (rows, postcard), `index/search.txt` (the texts, one after
//! another, each followed by a NUL) and `index/search.fold` (the same texts in lower case,
//! byte for byte aligned with `search.txt`, for matching without case).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use super::{Layout, atomic, fold, log};
use crate::model::{
    ActionStatus, Agreement, Doc, Forum, Id, InputTarget, ItemKind, ItemNumber, Meeting,
    MeetingStatus, Scope, Stance,
};

const INDEX_VERSION: u32 = 1;
/// No party, item or action: the reference is empty.
pub const NONE: u32 = u32::MAX;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingRow {
    pub id: Id,
    pub title: String,
    pub starts_at: String,
    pub status: MeetingStatus,
    pub items: u32,
    pub open_actions: u32,
    pub approval_deadline: Option<chrono::NaiveDate>,
    /// Parties whose approval is still missing in the round under way.
    pub waiting_for: Vec<Id>,
    /// Parties that asked for changes in the round under way.
    pub changes_requested: Vec<Id>,
    pub content_hash: Option<String>,
    pub approved_at: Option<String>,
    /// Where this meeting's items and texts are in `Archive::items` and `Archive::docs`.
    pub item_range: (u32, u32),
    pub doc_range: (u32, u32),
}

impl MeetingRow {
    pub fn date(&self) -> &str {
        self.starts_at.get(..10).unwrap_or(&self.starts_at)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemRow {
    pub meeting: u32,
    pub id: Id,
    pub number: ItemNumber,
    pub title: String,
    pub kind: ItemKind,
    pub areas: Vec<Id>,
    /// Each party's current position.
    pub positions: Vec<(Id, Stance)>,
    pub statements: Vec<Id>,
    pub agreement: Option<Agreement>,
    pub confidential: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionRow {
    pub id: Id,
    pub title: String,
    pub status: ActionStatus,
    pub meeting: Option<Id>,
    pub areas: Vec<Id>,
    pub proposed_by: Option<Id>,
}

/// What a searchable text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    MeetingTitle,
    ItemTitle,
    Background,
    Notes,
    Position,
    Statement,
    Conclusion,
    Input,
    Vote,
    Action,
}

impl Field {
    pub const ALL: [Field; 10] = [
        Field::MeetingTitle,
        Field::ItemTitle,
        Field::Background,
        Field::Notes,
        Field::Position,
        Field::Statement,
        Field::Conclusion,
        Field::Input,
        Field::Vote,
        Field::Action,
    ];

    /// The name used in `samrad search` output and its JSON.
    pub fn key(self) -> &'static str {
        match self {
            Field::MeetingTitle => "meeting_title",
            Field::ItemTitle => "item_title",
            Field::Background => "background",
            Field::Notes => "notes",
            Field::Position => "position",
            Field::Statement => "statement",
            Field::Conclusion => "conclusion",
            Field::Input => "input",
            Field::Vote => "vote",
            Field::Action => "action",
        }
    }
}

/// One searchable text: where it is in the text buffer and what it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TextDoc {
    /// Index in `Archive::meetings`, or `NONE` for an input to a development area.
    pub meeting: u32,
    /// Index in `Archive::items`, or `NONE`.
    pub item: u32,
    /// Index in `Archive::actions` for an action, in `Archive::areas` for an area input.
    pub reference: u32,
    /// Index in `Archive::parties` of the party who wrote or said it, or `NONE`.
    pub party: u32,
    pub field: Field,
    pub start: u32,
    pub len: u32,
}

/// The archive in memory. `text` and `folded` are loaded only when a search needs them.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Archive {
    /// When the index was built (ns since 1970): tells one build from another.
    pub build: u64,
    pub parties: Vec<Id>,
    pub areas: Vec<Id>,
    /// Newest first.
    pub meetings: Vec<MeetingRow>,
    pub items: Vec<ItemRow>,
    pub actions: Vec<ActionRow>,
    pub docs: Vec<TextDoc>,
    #[serde(skip)]
    pub text: String,
    #[serde(skip)]
    pub folded: String,
    /// The data folder, to read a text from `search.txt` when `text` is not in memory.
    #[serde(skip)]
    root: Option<PathBuf>,
}

/// A log folder's files as they were when the index was built: name, length, mtime (ns).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct DirMark {
    mtime: i128,
    files: Vec<(String, u64, i128)>,
}

#[derive(Debug, Deserialize)]
struct IndexFile {
    version: u32,
    binary: String,
    marks: BTreeMap<String, DirMark>,
    /// Hash of the forum's parties and people: what a meeting's approval state depends on.
    forum_key: String,
    archive: Archive,
    text_len: u64,
}

/// `IndexFile` as written: the same fields, the archive borrowed.
#[derive(Serialize)]
struct IndexFileRef<'a> {
    version: u32,
    binary: &'a str,
    marks: BTreeMap<String, DirMark>,
    forum_key: &'a str,
    archive: &'a Archive,
    text_len: u64,
}

/// How an open went: for the status line and the benchmarks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Refresh {
    pub reused: usize,
    pub folded: usize,
    /// The meetings folded again: their minutes files may be out of date.
    pub folded_ids: Vec<String>,
    pub written: bool,
}

fn index_path(root: &Path) -> PathBuf {
    root.join("index").join("archive.bin")
}
fn text_path(root: &Path) -> PathBuf {
    root.join("index").join("search.txt")
}
fn fold_path(root: &Path) -> PathBuf {
    root.join("index").join("search.fold")
}

fn mtime_ns(meta: &std::fs::Metadata) -> i128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| d.as_nanos() as i128)
        .unwrap_or(0)
}

fn dir_mark(layout: &Layout, scope: &Scope) -> Option<DirMark> {
    let dir = layout.scope_dir(scope);
    let mtime = mtime_ns(&std::fs::metadata(&dir).ok()?);
    let files = layout
        .log_files(scope)
        .into_iter()
        .filter_map(|p| {
            let meta = std::fs::metadata(&p).ok()?;
            let name = p.file_name()?.to_string_lossy().into_owned();
            Some((name, meta.len(), mtime_ns(&meta)))
        })
        .collect();
    Some(DirMark { mtime, files })
}

/// Whether a folder still looks as it did: its own mtime (files added or removed) and each
/// file's length and mtime (appends, replacements).
fn still_same(layout: &Layout, scope: &Scope, mark: &DirMark) -> bool {
    let dir = layout.scope_dir(scope);
    let Ok(meta) = std::fs::metadata(&dir) else {
        return false;
    };
    if mtime_ns(&meta) != mark.mtime {
        return false;
    }
    mark.files.iter().all(|(name, len, mtime)| {
        std::fs::metadata(dir.join(name)).is_ok_and(|m| m.len() == *len && mtime_ns(&m) == *mtime)
    })
}

fn scope_key(scope: &Scope) -> String {
    match scope {
        Scope::Forum => String::new(),
        Scope::Meeting(id) => id.clone(),
    }
}

/// Fold characters to lower case where that keeps their UTF-8 length (so offsets in the
/// folded text are offsets in the original): A-Z, ÆØÅ and nearly every other letter.
pub fn fold_case(s: &str, out: &mut String) {
    for c in s.chars() {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
    }
}

pub fn folded(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_case(s, &mut out);
    out
}

impl Archive {
    /// Open the archive of a data folder, bringing the index up to date first. The texts are
    /// not read; call `load_text` before searching.
    pub fn open(layout: &Layout) -> (Archive, Refresh) {
        Archive::open_with(layout, || {
            let mut ops = Vec::new();
            for path in layout.log_files(&Scope::Forum) {
                ops.extend(log::read_log_from(&path, 0).ops);
            }
            fold::fold(ops)
        })
    }

    /// As `open`, with the forum folded by the caller when it is needed (the store's
    /// snapshot makes that cheap).
    pub fn open_with(layout: &Layout, forum: impl FnOnce() -> Doc) -> (Archive, Refresh) {
        let root = layout.root().to_path_buf();
        let old = read_index(&root);
        let scopes = layout.scopes();
        let fresh = old.as_ref().is_some_and(|old| index_matches(layout, old));
        if fresh && let Some(old) = old {
            let reused = old.archive.meetings.len();
            return (
                Archive {
                    root: Some(root),
                    ..old.archive
                },
                Refresh {
                    reused,
                    ..Refresh::default()
                },
            );
        }
        rebuild(layout, &scopes, old, forum)
    }

    /// The index as it was last written, without checking it against the logs: for showing
    /// the archive at once while `open` checks it in the background.
    pub fn cached(root: &Path) -> Option<Archive> {
        read_index(root).map(|f| Archive {
            root: Some(root.to_path_buf()),
            ..f.archive
        })
    }

    /// Whether the index on disk is still the build `build` and matches every log.
    pub fn is_fresh(layout: &Layout, build: u64) -> bool {
        let Some(old) = read_index(layout.root()) else {
            return false;
        };
        old.archive.build == build && index_matches(layout, &old)
    }

    /// The lower-case texts alone, for building the word index.
    pub fn read_folded(root: &Path) -> std::io::Result<String> {
        String::from_utf8(std::fs::read(fold_path(root))?)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
    }

    /// Read the texts (and their lower-case copy) for searching and snippets.
    pub fn load_text(&mut self, root: &Path) -> std::io::Result<()> {
        self.text = String::from_utf8(std::fs::read(text_path(root))?)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
        self.folded = String::from_utf8(std::fs::read(fold_path(root))?)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
        if self.text.len() != self.folded.len() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "search.txt and search.fold differ in length",
            ));
        }
        Ok(())
    }

    /// A text: from memory when the texts are loaded, else read from `search.txt` (the TUI
    /// keeps only the word index in memory and reads the few texts it shows).
    pub fn doc_text(&self, d: &TextDoc) -> std::borrow::Cow<'_, str> {
        let range = d.start as usize..(d.start + d.len) as usize;
        if !self.text.is_empty() {
            return self.text.get(range).unwrap_or("").into();
        }
        let Some(root) = &self.root else {
            return "".into();
        };
        let mut buf = vec![0u8; d.len as usize];
        let read = std::fs::File::open(text_path(root)).and_then(|f| {
            use std::os::unix::fs::FileExt;
            f.read_exact_at(&mut buf, u64::from(d.start))
        });
        match read {
            Ok(()) => String::from_utf8_lossy(&buf).into_owned().into(),
            Err(_) => "".into(),
        }
    }

    pub fn meeting_index(&self, id: &str) -> Option<usize> {
        self.meetings.iter().position(|m| m.id == id)
    }

    pub fn party_id(&self, i: u32) -> Option<&str> {
        self.parties.get(i as usize).map(String::as_str)
    }

    pub fn items_of(&self, meeting: usize) -> &[ItemRow] {
        self.meetings
            .get(meeting)
            .and_then(|m| {
                self.items
                    .get(m.item_range.0 as usize..m.item_range.1 as usize)
            })
            .unwrap_or(&[])
    }

    /// The development areas a text is about: its item's, its action's, or the area an
    /// input was given to.
    pub fn doc_areas(&self, d: &TextDoc) -> Vec<&str> {
        if let Some(item) = self.items.get(d.item as usize) {
            return item.areas.iter().map(String::as_str).collect();
        }
        match d.field {
            Field::Action => self
                .actions
                .get(d.reference as usize)
                .map(|a| a.areas.iter().map(String::as_str).collect())
                .unwrap_or_default(),
            Field::Input => self
                .areas
                .get(d.reference as usize)
                .map(|a| vec![a.as_str()])
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }
}

fn index_matches(layout: &Layout, old: &IndexFile) -> bool {
    let scopes = layout.scopes();
    old.marks.len() == scopes.len()
        && scopes.iter().all(|s| {
            old.marks
                .get(&scope_key(s))
                .is_some_and(|m| still_same(layout, s, m))
        })
}

fn read_index(root: &Path) -> Option<IndexFile> {
    let bytes = std::fs::read(index_path(root)).ok()?;
    let file: IndexFile = postcard::from_bytes(&bytes).ok()?;
    let text_len = std::fs::metadata(text_path(root)).ok()?.len();
    (file.version == INDEX_VERSION
        && file.binary == super::snapshot::BINARY
        && file.text_len == text_len)
        .then_some(file)
}

/// One meeting's part of the archive, on its own (item and text indexes local to it).
struct Entry {
    row: MeetingRow,
    items: Vec<ItemRow>,
    /// (item index in `items` or NONE, party id, field, text)
    docs: Vec<(u32, Option<Id>, Field, String)>,
}

fn entry_of(meeting: &Meeting, forum: &Forum) -> Entry {
    let mut items = Vec::new();
    let mut docs: Vec<(u32, Option<Id>, Field, String)> = Vec::new();
    let mut push = |item: u32, party: Option<&Id>, field: Field, text: &str| {
        if !text.trim().is_empty() {
            docs.push((item, party.cloned(), field, text.to_string()));
        }
    };
    push(NONE, None, Field::MeetingTitle, &meeting.title);
    for (i, item) in meeting.items.iter().enumerate() {
        let i = i as u32;
        push(i, None, Field::ItemTitle, &item.title);
        push(i, None, Field::Background, &item.background);
        push(i, None, Field::Notes, &item.notes);
        for p in &item.positions {
            push(i, Some(&p.party), Field::Position, &p.reason);
        }
        for s in &item.statements {
            push(i, Some(&s.party), Field::Statement, &s.text);
        }
        push(i, None, Field::Conclusion, &item.conclusion);
        for input in &item.inputs {
            push(i, Some(&input.party), Field::Input, &input.text);
        }
        for v in &item.votes {
            push(i, None, Field::Vote, &v.question);
        }
        items.push(ItemRow {
            meeting: 0,
            id: item.id.clone(),
            number: item.number,
            title: item.title.clone(),
            kind: item.kind,
            areas: item.areas.clone(),
            positions: item
                .current_positions()
                .into_iter()
                .map(|p| (p.party.clone(), p.stance))
                .collect(),
            statements: item
                .current_statements()
                .into_iter()
                .map(|s| s.party.clone())
                .collect(),
            agreement: item.agreement,
            confidential: item.confidential,
        });
    }
    let changes_requested = if meeting.status == MeetingStatus::Circulated {
        meeting
            .approvals
            .iter()
            .filter(|a| a.verdict == crate::model::Verdict::ChangesRequested)
            .map(|a| a.party.clone())
            .collect()
    } else {
        Vec::new()
    };
    Entry {
        row: MeetingRow {
            id: meeting.id.clone(),
            title: meeting.title.clone(),
            starts_at: meeting.starts_at.clone(),
            status: meeting.status,
            items: meeting.items.len() as u32,
            open_actions: 0,
            approval_deadline: meeting.approval_deadline,
            waiting_for: meeting.waiting_for(forum),
            changes_requested,
            content_hash: meeting.content_hash.clone(),
            approved_at: meeting.approved_at.clone(),
            item_range: (0, 0),
            doc_range: (0, 0),
        },
        items,
        docs,
    }
}

/// Take one meeting's entry back out of a built archive.
fn entry_from(a: &Archive, m: usize) -> Option<Entry> {
    let row = a.meetings.get(m)?.clone();
    let items = a
        .items
        .get(row.item_range.0 as usize..row.item_range.1 as usize)?
        .to_vec();
    let docs = a
        .docs
        .get(row.doc_range.0 as usize..row.doc_range.1 as usize)?
        .iter()
        .filter(|d| d.field != Field::Action)
        .map(|d| {
            let item = if d.item == NONE {
                NONE
            } else {
                d.item.checked_sub(row.item_range.0).unwrap_or(NONE)
            };
            let party = a.party_id(d.party).map(str::to_string);
            (item, party, d.field, a.doc_text(d).to_string())
        })
        .collect();
    Some(Entry { row, items, docs })
}

/// Fold one meeting's logs on top of the forum.
fn fold_meeting(layout: &Layout, id: &str, forum: &Forum) -> Option<Meeting> {
    let scope = Scope::Meeting(id.to_string());
    let mut ops = Vec::new();
    for path in layout.log_files(&scope) {
        ops.extend(log::read_log_from(&path, 0).ops);
    }
    fold::merge(&mut ops);
    let mut doc = Doc::default();
    doc.forum = forum.clone();
    for op in ops {
        let _ = op.apply_to(&mut doc);
    }
    doc.meetings.into_iter().find(|m| m.id == id)
}

fn forum_key(forum: &Forum) -> String {
    use sha2::Digest;
    let bytes = serde_json::to_vec(&(&forum.parties, &forum.people)).unwrap_or_default();
    super::op::hex(&sha2::Sha256::digest(bytes))
}

fn rebuild(
    layout: &Layout,
    scopes: &[Scope],
    old: Option<IndexFile>,
    forum: impl FnOnce() -> Doc,
) -> (Archive, Refresh) {
    let root = layout.root().to_path_buf();
    // Marks first, the forum's too: a log that grows while we read is read again next time.
    let mut marks: BTreeMap<String, DirMark> = scopes
        .iter()
        .filter_map(|s| dir_mark(layout, s).map(|m| (scope_key(s), m)))
        .collect();
    let forum_doc = forum();
    let mut old = old;
    if let Some(o) = &mut old
        && o.archive.load_text(&root).is_err()
    {
        old = None;
    }
    let key = forum_key(&forum_doc.forum);

    let meeting_ids: Vec<String> = scopes
        .iter()
        .filter_map(|s| match s {
            Scope::Meeting(id) => Some(id.clone()),
            Scope::Forum => None,
        })
        .collect();
    let old_rows: HashMap<&str, usize> = old
        .as_ref()
        .map(|o| {
            o.archive
                .meetings
                .iter()
                .enumerate()
                .map(|(i, m)| (m.id.as_str(), i))
                .collect()
        })
        .unwrap_or_default();
    // Actions and area inputs are taken from the forum every time; a meeting's own entry
    // depends on the forum only through who belongs to which party.
    let forum_same = old.as_ref().is_some_and(|o| o.forum_key == key);
    let mut refresh = Refresh::default();
    let mut reuse: Vec<Option<Entry>> = Vec::with_capacity(meeting_ids.len());
    let mut to_fold: Vec<(usize, &str)> = Vec::new();
    for (n, id) in meeting_ids.iter().enumerate() {
        let same = forum_same
            && old.as_ref().is_some_and(|o| {
                o.marks
                    .get(id)
                    .is_some_and(|m| still_same(layout, &Scope::Meeting(id.clone()), m))
            });
        let entry = if same {
            old_rows
                .get(id.as_str())
                .and_then(|&i| old.as_ref().and_then(|o| entry_from(&o.archive, i)))
        } else {
            None
        };
        if entry.is_none() {
            to_fold.push((n, id.as_str()));
        }
        reuse.push(entry);
    }
    refresh.reused = reuse.iter().filter(|e| e.is_some()).count();
    refresh.folded = to_fold.len();
    refresh.folded_ids = to_fold.iter().map(|(_, id)| id.to_string()).collect();
    drop(old);
    let folded = fold_in_parallel(layout, &to_fold, &forum_doc.forum);
    for (n, entry) in folded {
        // A meeting that could not be folded is not marked as seen: tried again next time.
        if entry.is_none()
            && let Some(id) = meeting_ids.get(n)
        {
            marks.remove(id);
        }
        reuse[n] = entry;
    }
    let mut entries: Vec<Entry> = reuse.into_iter().flatten().collect();
    entries.sort_by(|a, b| {
        b.row
            .starts_at
            .cmp(&a.row.starts_at)
            .then_with(|| a.row.id.cmp(&b.row.id))
    });
    let (mut archive, text, fold) = assemble(entries, &forum_doc);
    archive.build = std::time::SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    let written = write_index(&root, marks, &key, &archive, &text, &fold).is_ok();
    refresh.written = written;
    archive.text = text;
    archive.folded = fold;
    archive.root = Some(root);
    (archive, refresh)
}

fn fold_in_parallel(
    layout: &Layout,
    ids: &[(usize, &str)],
    forum: &Forum,
) -> Vec<(usize, Option<Entry>)> {
    let one = |(n, id): &(usize, &str)| {
        (
            *n,
            fold_meeting(layout, id, forum).map(|m| entry_of(&m, forum)),
        )
    };
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(ids.len().max(1));
    if threads <= 1 || ids.len() < 8 {
        return ids.iter().map(one).collect();
    }
    let chunk = ids.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = ids
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(one).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .zip(ids.chunks(chunk))
            .flat_map(|(h, part)| {
                // A meeting whose fold panicked is left out, not the whole archive.
                h.join()
                    .unwrap_or_else(|_| part.iter().map(|(n, _)| (*n, None)).collect())
            })
            .collect()
    })
}

/// Put the entries (newest first) and the forum's actions and area inputs into one archive
/// with its text buffers.
fn assemble(entries: Vec<Entry>, forum_doc: &Doc) -> (Archive, String, String) {
    let mut a = Archive {
        parties: forum_doc
            .forum
            .parties
            .iter()
            .map(|p| p.id.clone())
            .collect(),
        areas: forum_doc
            .forum
            .dev_areas
            .iter()
            .map(|d| d.id.clone())
            .collect(),
        ..Archive::default()
    };
    let mut party_ix: HashMap<String, u32> = a
        .parties
        .iter()
        .enumerate()
        .map(|(i, p)| (p.clone(), i as u32))
        .collect();
    let mut text = String::new();
    let mut fold = String::new();
    let add_text = |s: &str, text: &mut String, fold: &mut String| -> (u32, u32) {
        let start = text.len() as u32;
        text.push_str(s);
        fold_case(s, fold);
        text.push('\0');
        fold.push('\0');
        (start, s.len() as u32)
    };
    let meeting_ix: HashMap<String, u32> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.row.id.clone(), i as u32))
        .collect();
    let mut actions_by_meeting: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, act) in forum_doc.actions.iter().enumerate() {
        a.actions.push(ActionRow {
            id: act.id.clone(),
            title: act.title.clone(),
            status: act.status,
            meeting: act.meeting.clone(),
            areas: act.areas.clone(),
            proposed_by: act.proposed_by.clone(),
        });
        let m = act
            .meeting
            .as_ref()
            .and_then(|m| meeting_ix.get(m))
            .copied()
            .unwrap_or(NONE);
        actions_by_meeting.entry(m).or_default().push(i);
    }
    let mut intern = |p: &str, a: &mut Archive| -> u32 {
        if let Some(&i) = party_ix.get(p) {
            return i;
        }
        let i = a.parties.len() as u32;
        a.parties.push(p.to_string());
        party_ix.insert(p.to_string(), i);
        i
    };
    for (mi, e) in entries.into_iter().enumerate() {
        let mi = mi as u32;
        let item0 = a.items.len() as u32;
        let doc0 = a.docs.len() as u32;
        for mut it in e.items {
            it.meeting = mi;
            a.items.push(it);
        }
        for (item, party, field, s) in e.docs {
            let (start, len) = add_text(&s, &mut text, &mut fold);
            let party = party.map(|p| intern(&p, &mut a)).unwrap_or(NONE);
            a.docs.push(TextDoc {
                meeting: mi,
                item: if item == NONE { NONE } else { item0 + item },
                reference: NONE,
                party,
                field,
                start,
                len,
            });
        }
        let mut open_actions = 0;
        for &ai in actions_by_meeting
            .get(&mi)
            .map(Vec::as_slice)
            .unwrap_or(&[])
        {
            let act = &forum_doc.actions[ai];
            if act.status.is_open() {
                open_actions += 1;
            }
            let item = act
                .item
                .as_ref()
                .and_then(|id| {
                    a.items[item0 as usize..]
                        .iter()
                        .position(|i| &i.id == id)
                        .map(|p| item0 + p as u32)
                })
                .unwrap_or(NONE);
            let party = act
                .proposed_by
                .as_deref()
                .map(|p| intern(p, &mut a))
                .unwrap_or(NONE);
            let body = if act.note.is_empty() {
                act.title.clone()
            } else {
                format!("{} — {}", act.title, act.note)
            };
            let (start, len) = add_text(&body, &mut text, &mut fold);
            a.docs.push(TextDoc {
                meeting: mi,
                item,
                reference: ai as u32,
                party,
                field: Field::Action,
                start,
                len,
            });
        }
        let mut row = e.row;
        row.open_actions = open_actions;
        row.item_range = (item0, a.items.len() as u32);
        row.doc_range = (doc0, a.docs.len() as u32);
        a.meetings.push(row);
    }
    // Inputs to development areas, outside any meeting.
    for input in &forum_doc.area_inputs {
        let InputTarget::DevArea(area) = &input.target else {
            continue;
        };
        let reference = a
            .areas
            .iter()
            .position(|x| x == area)
            .map(|p| p as u32)
            .unwrap_or(NONE);
        let party = intern(&input.party, &mut a);
        let (start, len) = add_text(&input.text, &mut text, &mut fold);
        a.docs.push(TextDoc {
            meeting: NONE,
            item: NONE,
            reference,
            party,
            field: Field::Input,
            start,
            len,
        });
    }
    (a, text, fold)
}

fn write_index(
    root: &Path,
    marks: BTreeMap<String, DirMark>,
    forum_key: &str,
    archive: &Archive,
    text: &str,
    fold: &str,
) -> std::io::Result<()> {
    super::perms::create_dir_all(&root.join("index"))?;
    atomic::write_atomic(&text_path(root), text.as_bytes())?;
    atomic::write_atomic(&fold_path(root), fold.as_bytes())?;
    let file = IndexFileRef {
        version: INDEX_VERSION,
        binary: super::snapshot::BINARY,
        marks,
        forum_key,
        archive,
        text_len: text.len() as u64,
    };
    let bytes = postcard::to_stdvec(&file).map_err(std::io::Error::other)?;
    atomic::write_atomic(&index_path(root), &bytes)
}
