//! The start hint (`index/start.json`): what the TUI needs to choose the meeting it shows
//! first (`model::default_meeting`) without reading the whole archive index. Written
//! whenever the index is; derived, never synced, and only a hint: a meeting it names that
//! cannot be folded any more sends the TUI back to the index itself.
//!
//! It keeps, in the index's order, every open and planned meeting and the latest one:
//! `default_meeting` over those chooses what it chooses over every meeting.

use serde::{Deserialize, Serialize};

use super::layout::Layout;
use crate::model::{Id, MeetingStatus};

/// A meeting as `default_meeting` sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HintRow {
    pub id: Id,
    pub starts_at: String,
    pub status: MeetingStatus,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct HintFile {
    version: u32,
    meetings: Vec<HintRow>,
}

const VERSION: u32 = 1;

/// The meetings among `(id, starts_at, status)` that the first meeting is chosen from,
/// in the order given.
pub fn candidates<'a>(
    meetings: impl IntoIterator<Item = (&'a str, &'a str, MeetingStatus)>,
) -> Vec<HintRow> {
    let all: Vec<(&str, &str, MeetingStatus)> = meetings.into_iter().collect();
    // The latest as `default_meeting` takes it: the last start, the smallest id of those.
    let latest = all
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|m| m.0);
    all.iter()
        .filter(|m| {
            matches!(m.2, MeetingStatus::Open | MeetingStatus::Planned) || Some(m.0) == latest
        })
        .map(|m| HintRow {
            id: m.0.to_string(),
            starts_at: m.1.to_string(),
            status: m.2,
        })
        .collect()
}

/// Write the hint for these meetings (the archive index's, in its order).
pub fn write<'a>(
    layout: &Layout,
    meetings: impl IntoIterator<Item = (&'a str, &'a str, MeetingStatus)>,
) -> std::io::Result<()> {
    let file = HintFile {
        version: VERSION,
        meetings: candidates(meetings),
    };
    let bytes = serde_json::to_vec(&file).map_err(std::io::Error::other)?;
    super::perms::create_dir_all(&layout.index_dir())?;
    super::atomic::write_atomic(&layout.start_hint_path(), &bytes)
}

/// Write the hint for the archive index's meetings (when the index is written).
pub fn write_rows(layout: &Layout, rows: &[super::archive::MeetingRow]) -> std::io::Result<()> {
    write(
        layout,
        rows.iter()
            .map(|m| (m.id.as_str(), m.starts_at.as_str(), m.status)),
    )
}

/// The hint as last written; `None` when there is none or it cannot be read.
pub fn read(layout: &Layout) -> Option<Vec<HintRow>> {
    let bytes = std::fs::read(layout.start_hint_path()).ok()?;
    let file: HintFile = serde_json::from_slice(&bytes).ok()?;
    (file.version == VERSION).then_some(file.meetings)
}

/// The meeting to show first according to the hint, if there is one.
pub fn first_meeting(layout: &Layout, today: chrono::NaiveDate) -> Option<Id> {
    let rows = read(layout)?;
    crate::model::default_meeting(
        rows.iter()
            .map(|m| (m.id.as_str(), m.starts_at.as_str(), m.status)),
        today,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use MeetingStatus::*;

    fn day(s: &str) -> chrono::NaiveDate {
        s.parse().expect("a date")
    }

    #[test]
    fn the_hint_chooses_as_the_whole_list_does() {
        let lists: Vec<Vec<(&str, &str, MeetingStatus)>> = vec![
            vec![],
            vec![("a", "2026-01-01T10:00", Approved)],
            vec![
                ("c", "2026-03-01T10:00", Approved),
                ("b", "2026-02-01T10:00", Open),
                ("a", "2026-01-01T10:00", Approved),
            ],
            vec![
                ("d", "2026-05-01T10:00", Planned),
                ("c", "2026-04-01T10:00", Planned),
                ("b", "2026-02-01T10:00", Closed),
                ("a", "2026-01-01T10:00", Approved),
            ],
            vec![
                ("z", "2026-02-01T10:00", Closed),
                ("y", "2026-02-01T10:00", Closed),
                ("x", "2025-12-01T10:00", Planned),
            ],
        ];
        for list in lists {
            for today in ["2025-11-01", "2026-03-15", "2026-04-15", "2027-01-01"] {
                let hint = candidates(list.iter().copied());
                let from_hint = crate::model::default_meeting(
                    hint.iter()
                        .map(|m| (m.id.as_str(), m.starts_at.as_str(), m.status)),
                    day(today),
                );
                let from_all = crate::model::default_meeting(list.iter().copied(), day(today));
                assert_eq!(from_hint, from_all, "{list:?} on {today}");
            }
        }
    }

    #[test]
    fn written_and_read_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let layout = Layout::new(dir.path());
        assert!(read(&layout).is_none());
        write(
            &layout,
            [
                ("b", "2026-02-01T10:00", Approved),
                ("a", "2026-01-01T10:00", Approved),
            ],
        )
        .expect("written");
        assert_eq!(
            first_meeting(&layout, day("2026-06-01")).as_deref(),
            Some("b")
        );
        std::fs::write(layout.start_hint_path(), b"{not json").expect("written");
        assert!(read(&layout).is_none());
    }
}
