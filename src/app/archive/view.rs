//! What the archive view shows: the meetings passing the filter, or a list of texts
//! (search hits or a thread), and what is selected.

use crate::search::{self, Filter};
use crate::store::archive::Archive;

/// A list of texts: search hits, or a thread.
#[derive(Debug, Clone, PartialEq)]
pub struct HitList {
    /// What the list is: the query, or the thread's name.
    pub title: String,
    /// The query words to mark in the snippets (empty for a thread).
    pub query: String,
    pub docs: Vec<u32>,
    pub sel: usize,
    /// The texts of the hits around the selection, read in by the runtime (so that drawing
    /// reads nothing from disk). A hit not here yet shows empty.
    pub texts: std::collections::BTreeMap<u32, String>,
}

impl HitList {
    pub fn new(title: String, query: String, docs: Vec<u32>) -> HitList {
        HitList {
            title,
            query,
            docs,
            sel: 0,
            texts: Default::default(),
        }
    }

    pub fn text(&self, doc: u32) -> &str {
        self.texts.get(&doc).map(String::as_str).unwrap_or("")
    }

    /// The hits `rows` either side of the selection: those that can be on screen.
    pub fn around_selection(&self, rows: usize) -> &[u32] {
        let from = self.sel.saturating_sub(rows);
        let to = (self.sel + rows + 1).min(self.docs.len());
        self.docs.get(from..to).unwrap_or(&[])
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ArchiveView {
    pub filter: Filter,
    /// Meetings passing the filter (indexes into `Archive::meetings`), newest first.
    pub rows: Vec<usize>,
    pub sel: usize,
    pub hits: Option<HitList>,
    /// A search typed before the search index was ready: run when it is.
    pub pending: Option<String>,
    /// The thread shown (party, area), to show again when the index changes.
    pub thread: Option<(Option<String>, Option<String>)>,
}

impl ArchiveView {
    pub fn new(archive: &Archive, filter: Filter) -> ArchiveView {
        ArchiveView {
            rows: search::filtered_meetings(archive, &filter),
            filter,
            ..ArchiveView::default()
        }
    }

    pub fn selected_meeting(&self) -> Option<usize> {
        self.rows.get(self.sel).copied()
    }

    /// How many rows the list on screen has: hits, or meetings.
    pub fn rows_shown(&self) -> usize {
        match &self.hits {
            Some(h) => h.docs.len(),
            None => self.rows.len(),
        }
    }

    pub fn sel_mut(&mut self) -> &mut usize {
        match &mut self.hits {
            Some(h) => &mut h.sel,
            None => &mut self.sel,
        }
    }
}
