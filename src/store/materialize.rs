//! Writing a meeting's minutes files from a fold (`Store::materialize`): the meeting's own
//! file and the file all minutes share (see `minutes`).

use super::minutes::{self, OnDisk};
use super::{Store, StoreError, atomic, ids, io_err};
use crate::model::Doc;

impl Store {
    /// Write a meeting's minutes file, and the file the minutes share (the forum and the
    /// actions), where they differ from what is on disk. Returns whether it wrote. Refuses
    /// to replace files written by a newer samrad.
    pub fn materialize(&mut self, doc: &Doc, meeting: &str) -> Result<bool, StoreError> {
        let Some(m) = doc.meeting(meeting) else {
            return Ok(false);
        };
        if self.read_only.is_some() || !ids::is_safe_id(meeting) {
            return Ok(false);
        }
        let shared_path = self.layout.shared_minutes_path();
        let token = minutes::shared_token(&doc.forum, &doc.actions);
        // The shared file is megabytes in a large forum: made and compared only when its
        // token says it changed.
        let shared = match minutes::token_on_disk(&shared_path) == Some(token) {
            true => None,
            false => Some(minutes::shared_bytes(&doc.forum, &doc.actions)),
        };
        let path = self.layout.minutes_path(meeting);
        let writes = [
            shared.map(|bytes| (shared_path, bytes)),
            Some((
                path,
                minutes::meeting_file_bytes(
                    m,
                    doc.meeting_actions(meeting),
                    doc.meeting_rejected(meeting),
                ),
            )),
        ];
        let mut states = Vec::new();
        for (path, bytes) in writes.iter().flatten() {
            let state = minutes::on_disk(path, bytes);
            if let OnDisk::Newer(v) = state {
                let why = format!(
                    "{} was written by a newer samrad (schema {v})",
                    path.display()
                );
                self.read_only = Some(why.clone());
                return Err(StoreError::ReadOnly(why));
            }
            states.push(state);
        }
        // The shared file first: a minutes file never names an action it does not hold.
        let mut wrote = false;
        for ((path, bytes), state) in writes.iter().flatten().zip(states) {
            match state {
                OnDisk::Same => continue,
                OnDisk::Invalid => self.quarantine(path)?,
                OnDisk::Older | OnDisk::Newer(_) => {}
            }
            atomic::write_atomic(path, bytes).map_err(io_err(path))?;
            wrote = true;
        }
        Ok(wrote)
    }
}
