//! The archive index: one row per meeting and item, and every searchable text, for browsing
//! and searching thousands of meetings without folding them all.
//!
//! It is derived (kept in `index/`, never synced) and trusted only while every log it was
//! built from keeps its length and modification time. A meeting whose logs changed is folded
//! again on its own, with the forum (`fold::fold_meeting`); the rest is reused.
//!
//! Files: `index/archive.bin` (rows, postcard), `index/search.txt` (the texts, one after
//! another, each followed by a NUL) and `index/search.fold` (the same texts in lower case,
//! byte for byte aligned with `search.txt`, for matching without case).

mod build;
mod index_file;
mod rows;

use std::path::Path;

use super::layout::Layout;
use super::{fold, log};
use crate::model::{Doc, Scope};
pub use build::Refresh;
use build::{ForumFold, rebuild};
use index_file::{index_matches, read_index};
pub use rows::{ActionRow, Archive, Field, ItemRow, MeetingRow, NONE, TextDoc, fold_case, folded};

impl Archive {
    /// Open the archive of a data folder, bringing the index up to date first. The texts are
    /// not read; call `load_text` before searching.
    pub fn open(layout: &Layout) -> (Archive, Refresh) {
        Archive::refresh(layout, || {
            let ops = log::scope_ops(layout, &Scope::Forum);
            let shaping = ops.iter().filter(|op| fold::shapes_meetings(op)).cloned();
            ForumFold {
                shaping_ops: Some(shaping.collect()),
                doc: fold::fold(ops),
            }
        })
    }

    /// As `open`, with the forum folded by the caller when it is needed (the store's
    /// snapshot makes that cheap).
    pub fn open_with(layout: &Layout, forum: impl FnOnce() -> Doc) -> (Archive, Refresh) {
        Archive::refresh(layout, || ForumFold {
            doc: forum(),
            shaping_ops: None,
        })
    }

    fn refresh(layout: &Layout, forum: impl FnOnce() -> ForumFold) -> (Archive, Refresh) {
        let old = read_index(layout);
        let fresh = old.as_ref().is_some_and(|old| index_matches(layout, old));
        if fresh && let Some(old) = old {
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
        rebuild(layout, old, forum)
    }

    /// The index as it was last written, without checking it against the logs: for showing
    /// the archive at once while `open` checks it in the background.
    pub fn cached(root: &Path) -> Option<Archive> {
        let layout = Layout::new(root);
        read_index(&layout).map(|f| Archive {
            layout: Some(layout),
            ..f.archive
        })
    }

    /// Whether the index on disk is still the build `build` and matches every log.
    pub fn is_fresh(layout: &Layout, build: u64) -> bool {
        let Some(old) = read_index(layout) else {
            return false;
        };
        old.archive.build == build && index_matches(layout, &old)
    }
}
