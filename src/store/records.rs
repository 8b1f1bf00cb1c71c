//! The forum's actions and area inputs, kept once for every fold snapshot
//! (`index/records.<hash>.json`) instead of in each. They are most of a snapshot's bytes
//! (13,000 actions in a forum of 10,000 meetings: 7.5 MB of 7.8), and a meeting's screen
//! shows only its own actions and those carried over. So a snapshot holds those and the
//! open ones, and names the file with the rest: the TUI draws its first frame from the
//! snapshot and reads the rest while it is on the screen (`Pending`).
//!
//! The file is named by a hash of its bytes, so a snapshot names the records of the fold
//! it was taken of; like every derived file, it is trusted only as this machine wrote it
//! (`local_mark`).

use std::path::Path;
use std::thread::JoinHandle;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::layout::Layout;
use super::op::hex;
use super::{atomic, local_mark, snapshot};
use crate::model::{Action, Doc, Input, SCHEMA_VERSION};

/// How many records files are kept besides the newest: a snapshot taken a little earlier
/// (another terminal's, before the last action changed) still finds its own.
const KEEP_OLDER: usize = 2;

#[derive(Debug, Serialize, Deserialize)]
pub struct Records {
    pub schema_version: u32,
    pub binary: String,
    pub actions: Vec<Action>,
    pub area_inputs: Vec<Input>,
}

/// What a snapshot keeps of the forum's actions: those its meeting (if any) shows, its
/// own and those carried over into it, and those open now. The rest are in the records
/// file.
pub fn kept_in_snapshot(doc: &Doc, meeting: Option<&str>) -> Doc {
    let shown: std::collections::HashSet<&str> = meeting
        .map(|id| doc.meeting_actions(id))
        .unwrap_or_default()
        .into_iter()
        .map(|a| a.id.as_str())
        .collect();
    doc.without_records(|a| a.status.is_open() || shown.contains(a.id.as_str()))
}

/// Write the doc's records, unless this machine has written the same bytes already, and
/// return the name a snapshot knows them by.
pub fn write(layout: &Layout, actions: Vec<Action>, area_inputs: Vec<Input>) -> Option<String> {
    let records = Records {
        schema_version: SCHEMA_VERSION,
        binary: snapshot::BINARY.to_string(),
        actions,
        area_inputs,
    };
    let bytes = serde_json::to_vec(&records).ok()?;
    let name = hex(&Sha256::digest(&bytes))[..16].to_string();
    let path = layout.records_path(&name);
    if !local_mark::holds(&path) {
        atomic::write_atomic(&path, &bytes).ok()?;
        local_mark::note(&path).ok()?;
    }
    prune(layout, &path);
    Some(name)
}

/// The records a snapshot names, when this machine wrote them for this samrad.
pub fn read(layout: &Layout, name: &str) -> Option<Records> {
    let path = layout.records_path(name);
    if !local_mark::holds(&path) {
        return None;
    }
    let bytes = std::fs::read(&path).ok()?;
    let records: Records = serde_json::from_slice(&bytes).ok()?;
    (records.schema_version == SCHEMA_VERSION && records.binary == snapshot::BINARY)
        .then_some(records)
}

/// Records being read on a thread of their own, for a doc already shown without them.
#[derive(Debug)]
pub struct Pending(JoinHandle<Option<Records>>);

impl Pending {
    pub fn start(layout: &Layout, name: &str) -> Pending {
        let (layout, name) = (layout.clone(), name.to_string());
        Pending(std::thread::spawn(move || read(&layout, &name)))
    }

    /// The records, once read; `None` when they could not be.
    pub fn wait(self) -> Option<Records> {
        self.0.join().ok().flatten()
    }
}

/// Remove the records files older than the newest few besides `keep`.
fn prune(layout: &Layout, keep: &Path) {
    let Ok(entries) = std::fs::read_dir(layout.index_dir()) else {
        return;
    };
    let mut others: Vec<(std::time::SystemTime, std::path::PathBuf)> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p != keep && is_records_file(p))
        .filter_map(|p| Some((std::fs::metadata(&p).ok()?.modified().ok()?, p)))
        .collect();
    others.sort_by_key(|o| std::cmp::Reverse(o.0));
    for (_, path) in others.into_iter().skip(KEEP_OLDER) {
        let _ = std::fs::remove_file(&path);
        let mut mark = path.into_os_string();
        mark.push(".mine");
        let _ = std::fs::remove_file(mark);
    }
}

fn is_records_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("records.") && n.ends_with(".json"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout() -> (tempfile::TempDir, Layout) {
        let dir = tempfile::tempdir().expect("tempdir");
        let layout = Layout::new(dir.path());
        std::fs::create_dir_all(layout.index_dir()).expect("index");
        (dir, layout)
    }

    fn action(id: &str) -> Action {
        Action {
            id: id.into(),
            title: format!("Tiltak {id}"),
            owner: crate::model::Owner::Nobody,
            due: None,
            status: crate::model::ActionStatus::Done,
            meeting: None,
            item: None,
            areas: Vec::new(),
            proposed_by: None,
            note: String::new(),
            created_at: String::new(),
            history: Vec::new(),
        }
    }

    #[test]
    fn records_are_read_back_by_the_name_they_were_written_under() {
        let (_dir, layout) = layout();
        let name = write(&layout, vec![action("a-1")], Vec::new()).expect("written");
        let other = write(&layout, vec![action("a-2")], Vec::new()).expect("written");
        assert_ne!(name, other, "other records, another name");
        let back = read(&layout, &name).expect("read");
        assert_eq!(back.actions[0].id, "a-1");
        assert_eq!(read(&layout, &other).expect("read").actions[0].id, "a-2");
    }

    #[test]
    fn records_planted_in_place_of_ours_are_not_read() {
        let (_dir, layout) = layout();
        let name = write(&layout, vec![action("a-1")], Vec::new()).expect("written");
        let path = layout.records_path(&name);
        let forged = std::fs::read_to_string(&path)
            .expect("read")
            .replace("Tiltak a-1", "Forfalsket");
        let planted = path.with_file_name("planted");
        std::fs::write(&planted, forged).expect("write");
        std::fs::rename(&planted, &path).expect("plant");
        assert!(read(&layout, &name).is_none());
    }

    #[test]
    fn only_the_newest_records_files_are_kept() {
        let (_dir, layout) = layout();
        let names: Vec<String> = (0..5)
            .map(|i| {
                let name = write(&layout, vec![action(&format!("a-{i}"))], Vec::new());
                // Each newer than the one before, for the file system's clock.
                std::thread::sleep(std::time::Duration::from_millis(20));
                name.expect("written")
            })
            .collect();
        let left: Vec<bool> = names
            .iter()
            .map(|n| layout.records_path(n).exists())
            .collect();
        assert_eq!(left, [false, false, true, true, true]);
        assert!(read(&layout, &names[4]).is_some());
    }
}
