//! The index on disk, with the marks of the logs it was built from (`fresh`), in three
//! files so that a command reads only what it uses: `archive.bin` the meeting rows (all
//! `list` and `show latest` need), `archive.items.bin` the item and action rows (a filter
//! on party, stance or area; `actions`), `archive.texts.bin` where each text is (search).

use serde::{Deserialize, Serialize};

use super::fresh::Marks;
use super::rows::{ActionRow, Archive, ItemRow, MeetingRow, Part, TextDoc};
use crate::model::{Forum, Id};
use crate::store::layout::Layout;
use crate::store::{atomic, local_mark, perms, snapshot};

const INDEX_VERSION: u32 = 8;

pub(super) struct IndexFile {
    pub(super) marks: Marks,
    /// Hash of the forum's parties and people: what a meeting's approval state depends on.
    pub(super) forum_key: String,
    pub(super) archive: Archive,
}

#[derive(Deserialize)]
struct Head {
    version: u32,
    binary: String,
    /// When the index was built: the other two files must say the same.
    build: u64,
    marks: Marks,
    forum_key: String,
    /// The forum as folded for this build (JSON: its optional fields are left out when
    /// empty, which postcard cannot read back), when its logs were read without a problem.
    forum: Option<String>,
    text_len: u64,
    parties: Vec<Id>,
    areas: Vec<Id>,
    meetings: Vec<MeetingRow>,
}

/// `Head` as written: the same fields, borrowed.
#[derive(Serialize)]
struct HeadRef<'a> {
    version: u32,
    binary: &'a str,
    build: u64,
    marks: &'a Marks,
    forum_key: &'a str,
    forum: Option<String>,
    text_len: u64,
    parties: &'a [Id],
    areas: &'a [Id],
    meetings: &'a [MeetingRow],
}

#[derive(Serialize, Deserialize)]
struct Items<I, A> {
    build: u64,
    items: I,
    actions: A,
}

#[derive(Serialize, Deserialize)]
struct Texts<D> {
    build: u64,
    docs: D,
}

/// The index's meeting rows and marks, and the parts up to `part`; `None` when any of it
/// is missing, damaged, or not this build's.
pub(super) fn read_index(layout: &Layout, part: Part) -> Option<IndexFile> {
    // Written here, all three (see `local_mark`): the texts are read by offset.
    let paths = [
        layout.archive_index_path(),
        layout.search_text_path(),
        layout.search_fold_path(),
    ];
    if !paths.iter().all(|p| local_mark::holds(p)) {
        return None;
    }
    let bytes = std::fs::read(layout.archive_index_path()).ok()?;
    let head: Head = postcard::from_bytes(&bytes).ok()?;
    let text_len = std::fs::metadata(layout.search_text_path()).ok()?.len();
    if head.version != INDEX_VERSION || head.binary != snapshot::BINARY || head.text_len != text_len
    {
        return None;
    }
    let mut archive = Archive {
        build: head.build,
        parties: head.parties,
        areas: head.areas,
        meetings: head.meetings,
        forum: head
            .forum
            .and_then(|f| serde_json::from_str::<Forum>(&f).ok()),
        read: Part::Meetings,
        ..Archive::default()
    };
    read_part(layout, &mut archive, part).then_some(IndexFile {
        marks: head.marks,
        forum_key: head.forum_key,
        archive,
    })
}

/// Read the parts of the index up to `part` into `archive` (whose rows were read from the
/// same build), unless read already. False when a part cannot be read.
pub(super) fn read_part(layout: &Layout, archive: &mut Archive, part: Part) -> bool {
    if part >= Part::Items && archive.read < Part::Items {
        let Some(f) =
            read_file::<Items<Vec<ItemRow>, Vec<ActionRow>>>(&layout.archive_items_path())
        else {
            return false;
        };
        if f.build != archive.build {
            return false;
        }
        archive.items = f.items;
        archive.actions = f.actions;
        archive.read = Part::Items;
    }
    if part >= Part::Texts && archive.read < Part::Texts {
        let Some(f) = read_file::<Texts<Vec<TextDoc>>>(&layout.archive_texts_path()) else {
            return false;
        };
        if f.build != archive.build {
            return false;
        }
        archive.docs = f.docs;
        archive.read = Part::Texts;
    }
    true
}

fn read_file<T: serde::de::DeserializeOwned>(path: &std::path::Path) -> Option<T> {
    if !local_mark::holds(path) {
        return None;
    }
    postcard::from_bytes(&std::fs::read(path).ok()?).ok()
}

pub(super) fn write_index(
    layout: &Layout,
    marks: &Marks,
    forum_key: &str,
    archive: &Archive,
    text: &str,
    fold: &str,
) -> std::io::Result<()> {
    perms::create_dir_all(&layout.index_dir())?;
    atomic::write_atomic(&layout.search_text_path(), text.as_bytes())?;
    local_mark::note(&layout.search_text_path())?;
    atomic::write_atomic(&layout.search_fold_path(), fold.as_bytes())?;
    local_mark::note(&layout.search_fold_path())?;
    let write = |path: &std::path::Path, bytes: Result<Vec<u8>, postcard::Error>| {
        atomic::write_atomic(path, &bytes.map_err(std::io::Error::other)?)?;
        local_mark::note(path)
    };
    let build = archive.build;
    write(
        &layout.archive_items_path(),
        postcard::to_stdvec(&Items {
            build,
            items: &archive.items,
            actions: &archive.actions,
        }),
    )?;
    write(
        &layout.archive_texts_path(),
        postcard::to_stdvec(&Texts {
            build,
            docs: &archive.docs,
        }),
    )?;
    // The rows last: they say which build the other two must be.
    let head = HeadRef {
        version: INDEX_VERSION,
        binary: snapshot::BINARY,
        build,
        marks,
        forum_key,
        forum: archive
            .forum
            .as_ref()
            .and_then(|f| serde_json::to_string(f).ok()),
        text_len: text.len() as u64,
        parties: &archive.parties,
        areas: &archive.areas,
        meetings: &archive.meetings,
    };
    write(&layout.archive_index_path(), postcard::to_stdvec(&head))
}
