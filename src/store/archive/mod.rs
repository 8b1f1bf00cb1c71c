//! The archive index: one row per meeting and item, and every searchable text, for browsing
//! and searching thousands of meetings without folding them all.
//!
//! It is derived (kept in `index/`, never synced) and trusted only while the logs it was
//! built from are as they were: `fresh` tells which log folders changed without looking at
//! every file (folder mtimes and the journal of appends, `store::appends`). A meeting whose
//! logs changed is folded again on its own, with the forum (`fold::fold_meeting`); the rest
//! is reused.
//!
//! Files: `index/archive.bin` (meeting rows and marks), `index/archive.items.bin` (item and
//! action rows) and `index/archive.texts.bin` (where each text is), postcard (see
//! `index_file`); `index/search.txt` (the texts, one after another, each followed by a NUL)
//! and `index/search.fold` (the same texts in lower case, byte for byte aligned with
//! `search.txt`, for matching without case).
//! `index/words.bin` is the word index `samrad search` reads (`words`).

mod build;
mod fresh;
mod index_file;
mod rows;
mod words;

use std::path::Path;

use super::layout::Layout;
use super::{fold, log};
use crate::model::{Doc, Scope};
pub use build::Refresh;
use build::{ForumFold, rebuild};
pub use fresh::{Depth, RACY};
use index_file::{read_index, read_part};
pub use rows::{
    ActionRow, Archive, Field, ItemRow, MeetingRow, NONE, Part, TextDoc, fold_case, folded,
};
pub use words::{WordDoc, Words, WordsView};

impl Archive {
    /// Open the archive of a data folder, bringing the index up to date first. The texts are
    /// not read; call `load_text` before searching.
    pub fn open(layout: &Layout) -> (Archive, Refresh) {
        Archive::open_checked(layout, Depth::Folders)
    }

    /// As `open`, looking as far as `depth` says for what changed: `Depth::Files` also
    /// finds what programs other than samrad wrote into a log in place.
    pub fn open_checked(layout: &Layout, depth: Depth) -> (Archive, Refresh) {
        Archive::refresh(layout, depth, Part::Texts, || {
            let ops = log::scope_ops(layout, &Scope::Forum);
            let shaping = ops.iter().filter(|op| fold::shapes_meetings(op)).cloned();
            ForumFold {
                shaping_ops: Some(shaping.collect()),
                doc: fold::fold(ops),
                clean: false,
            }
        })
    }

    /// As `open`, with the forum folded by the caller when it is needed (the store's
    /// snapshot makes that cheap), and whether its logs were read without a problem.
    pub fn open_with(layout: &Layout, forum: impl FnOnce() -> (Doc, bool)) -> (Archive, Refresh) {
        Archive::open_part(layout, Part::Texts, forum)
    }

    /// As `open_with`, reading of a fresh index only the parts up to `part` (`load`
    /// reads the rest).
    pub fn open_part(
        layout: &Layout,
        part: Part,
        forum: impl FnOnce() -> (Doc, bool),
    ) -> (Archive, Refresh) {
        Archive::refresh(layout, Depth::Folders, part, || {
            let (doc, clean) = forum();
            ForumFold {
                doc,
                shaping_ops: None,
                clean,
            }
        })
    }

    /// Read the index's parts up to `part`, when not read yet. False when they cannot be
    /// read (the index was written anew since, or damaged): open it again.
    pub fn load(&mut self, part: Part) -> bool {
        match self.layout.clone() {
            Some(layout) => read_part(&layout, self, part),
            None => self.read >= part,
        }
    }

    fn refresh(
        layout: &Layout,
        depth: Depth,
        part: Part,
        forum: impl FnOnce() -> ForumFold,
    ) -> (Archive, Refresh) {
        let mut old = read_index(layout, part);
        let check = old
            .as_mut()
            .map(|old| fresh::check(layout, std::mem::take(&mut old.marks), depth));
        if check.as_ref().is_some_and(fresh::Check::fresh)
            && let Some(old) = old
        {
            let reused = old.archive.meetings.len();
            return (
                Archive {
                    layout: Some(layout.clone()),
                    ..old.archive
                },
                Refresh {
                    reused,
                    ..Refresh::default()
                },
            );
        }
        // Rows are reused from the old index: all of it.
        if let Some(o) = &mut old
            && !read_part(layout, &mut o.archive, Part::Texts)
        {
            old = None;
        }
        let listing = match &check {
            Some(c) => fresh::Listing {
                scopes: c.scopes.clone(),
                root_mtime: c.marks.root_mtime(),
            },
            None => fresh::list(layout),
        };
        rebuild(layout, &listing, old, check, forum)
    }

    /// The index as it was last written, without checking it against the logs: for showing
    /// the archive at once while `open` checks it in the background.
    pub fn cached(root: &Path) -> Option<Archive> {
        let layout = Layout::new(root);
        read_index(&layout, Part::Texts).map(|f| Archive {
            layout: Some(layout),
            ..f.archive
        })
    }

    /// Whether the index on disk is still the build `build` and matches the logs, looked at
    /// as far as `depth` says.
    pub fn is_fresh(layout: &Layout, build: u64, depth: Depth) -> bool {
        let Some(old) = read_index(layout, Part::Meetings) else {
            return false;
        };
        old.archive.build == build && fresh::check(layout, old.marks, depth).fresh()
    }
}
