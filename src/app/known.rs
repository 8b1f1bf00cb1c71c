//! Meetings beyond the one folded here: the archive index knows every meeting in short,
//! for the meetings list, numbering items on within a year and following an area over time.

use super::state::App;
use crate::model::{Id, ItemNumber};

/// A meeting in lists: from the fold or from the archive index.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingSummary {
    pub id: Id,
    pub title: String,
    pub starts_at: String,
    pub status: crate::model::MeetingStatus,
    pub items: usize,
}

impl MeetingSummary {
    pub fn date(&self) -> &str {
        self.starts_at.get(..10).unwrap_or(&self.starts_at)
    }
}

impl App {
    /// Every meeting: the archive's, with those folded here taking precedence (they may be
    /// newer than the index), newest first.
    pub fn known_meetings(&self) -> Vec<MeetingSummary> {
        let mut out: Vec<MeetingSummary> = self
            .doc
            .meetings
            .iter()
            .map(|m| MeetingSummary {
                id: m.id.clone(),
                title: m.title.clone(),
                starts_at: m.starts_at.clone(),
                status: m.status,
                items: m.items.len(),
            })
            .collect();
        out.extend(
            self.archive
                .meetings
                .iter()
                .filter(|r| self.doc.meeting(&r.id).is_none())
                .map(|r| MeetingSummary {
                    id: r.id.clone(),
                    title: r.title.clone(),
                    starts_at: r.starts_at.clone(),
                    status: r.status,
                    items: r.items as usize,
                }),
        );
        out.sort_by(|a, b| b.starts_at.cmp(&a.starts_at).then_with(|| a.id.cmp(&b.id)));
        out
    }

    /// Item numbers used in any meeting (for numbering on within a year).
    pub fn used_item_numbers(&self) -> Vec<ItemNumber> {
        let here = |id: &str| self.doc.meeting(id).is_some();
        self.doc
            .meetings
            .iter()
            .flat_map(|m| m.items.iter().map(|i| i.number))
            .chain(self.doc.numbers.iter().map(|r| r.number))
            .chain(
                self.archive
                    .items
                    .iter()
                    .filter(|i| {
                        self.archive
                            .meetings
                            .get(i.meeting as usize)
                            .is_some_and(|m| !here(&m.id))
                    })
                    .map(|i| i.number),
            )
            .collect()
    }

    /// Items linked to a development area in every meeting, oldest first: (date, number,
    /// title, meeting id).
    pub fn items_linked_to(&self, area: &str) -> Vec<(String, ItemNumber, String)> {
        let mut out: Vec<(String, ItemNumber, String)> = Vec::new();
        for m in &self.doc.meetings {
            for i in m.items.iter().filter(|i| i.areas.iter().any(|a| a == area)) {
                out.push((m.date().to_string(), i.number, i.title.clone()));
            }
        }
        for i in self
            .archive
            .items
            .iter()
            .filter(|i| i.areas.iter().any(|a| a == area))
        {
            if let Some(m) = self.archive.meetings.get(i.meeting as usize)
                && self.doc.meeting(&m.id).is_none()
            {
                out.push((m.date().to_string(), i.number, i.title.clone()));
            }
        }
        out.sort();
        out
    }

    /// A meeting's date and title and an item's number, folded here or in the archive.
    pub fn meeting_and_item(
        &self,
        meeting: &str,
        item: Option<&str>,
    ) -> Option<(String, String, Option<ItemNumber>)> {
        if let Some(m) = self.doc.meeting(meeting) {
            let n = item.and_then(|i| m.item(i)).map(|i| i.number);
            return Some((m.date().to_string(), m.title.clone(), n));
        }
        let ix = self.archive.meeting_index(meeting)?;
        let row = &self.archive.meetings[ix];
        let n = item.and_then(|i| {
            self.archive
                .items_of(ix)
                .iter()
                .find(|r| r.id == i)
                .map(|r| r.number)
        });
        Some((row.date().to_string(), row.title.clone(), n))
    }

    /// The date of any meeting, folded here or in the archive.
    pub fn meeting_date(&self, id: &str) -> Option<String> {
        self.doc
            .meeting(id)
            .map(|m| m.date().to_string())
            .or_else(|| {
                self.archive
                    .meeting_index(id)
                    .map(|i| self.archive.meetings[i].date().to_string())
            })
    }
}
