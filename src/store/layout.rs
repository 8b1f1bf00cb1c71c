//! Where things live in the data folder.
//!
//! ```text
//! log/forum/<writer>.jsonl        forum-wide ops (parties, areas, actions)
//! log/<meeting-id>/<writer>.jsonl one meeting's ops
//! log/<meeting-id>/pack-<hash>.jsonl.gz  logs of a quiet meeting, packed into one (`pack`)
//! minutes/<meeting-id>.json       derived: the minutes, rebuilt from log/ on each machine
//! minutes/shared/forum.json       derived: the forum and the actions every minutes file names
//! index/<key>.fold.json           derived: a snapshot of a fold (see `snapshot`)
//! index/records.<hash>.json       derived: the forum's actions, once for every snapshot (`records`)
//! index/archive.bin, search.*     derived: the archive index (see `archive`)
//! exports/<meeting-id>.<ext>      exported minutes
//! local/                          this machine's own files, never synced
//! local/drafts/<writer>.json      text being typed, kept until saved (`drafts`)
//! local/journal/<scope>/<writer>.jsonl  a copy of each line this machine's writers wrote
//! ```

use std::path::{Path, PathBuf};

use crate::model::Scope;

pub const FORUM_DIR: &str = "forum";

const IGNORE_MARK: &str = "# samrad: derived files";
const IGNORE_BODY: &str = "# samrad: derived files, rebuilt from log/ on each machine; only log/ travels.\n/minutes/\n/index/\n/local/\n/exports/\n*.tmp\n";

#[derive(Debug, Clone)]
pub struct Layout {
    root: PathBuf,
}

impl Layout {
    pub fn new(root: &Path) -> Layout {
        Layout {
            root: root.to_path_buf(),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn log_root(&self) -> PathBuf {
        self.root.join("log")
    }

    pub fn scope_dir(&self, scope: &Scope) -> PathBuf {
        match scope {
            Scope::Forum => self.log_root().join(FORUM_DIR),
            Scope::Meeting(id) => self.log_root().join(id),
        }
    }

    pub fn log_path(&self, scope: &Scope, writer: &str) -> PathBuf {
        self.scope_dir(scope).join(format!("{writer}.jsonl"))
    }

    pub fn minutes_dir(&self) -> PathBuf {
        self.root.join("minutes")
    }

    pub fn minutes_path(&self, meeting: &str) -> PathBuf {
        self.minutes_dir().join(format!("{meeting}.json"))
    }

    /// What the minutes files share: the forum and the actions they name by id.
    pub fn shared_minutes_path(&self) -> PathBuf {
        shared_minutes_beside(&self.minutes_path("_"))
    }

    /// Derived indexes: fold snapshots and the archive index.
    pub fn index_dir(&self) -> PathBuf {
        self.root.join("index")
    }

    /// The snapshot of the fold named `key` (see `snapshot`).
    pub fn snapshot_path(&self, key: &str) -> PathBuf {
        self.index_dir().join(format!("{key}.fold.json"))
    }

    /// The archive index's meeting rows (and what `list` needs besides).
    pub fn archive_index_path(&self) -> PathBuf {
        self.index_dir().join("archive.bin")
    }

    /// A meeting's minutes as last shown (see `shown`).
    pub fn shown_path(&self, meeting: &str) -> PathBuf {
        self.index_dir().join(format!("m-{meeting}.shown.json"))
    }

    /// The archive index's item and action rows.
    pub fn archive_items_path(&self) -> PathBuf {
        self.index_dir().join("archive.items.bin")
    }

    /// Where the archive index's texts are in `search_text_path`, and whose they are.
    pub fn archive_texts_path(&self) -> PathBuf {
        self.index_dir().join("archive.texts.bin")
    }

    /// The forum's actions and area inputs that fold snapshots name `name` (see `records`).
    pub fn records_path(&self, name: &str) -> PathBuf {
        self.index_dir().join(format!("records.{name}.json"))
    }

    /// What the TUI chooses its first meeting from (see `start_hint`).
    pub fn start_hint_path(&self) -> PathBuf {
        self.index_dir().join("start.json")
    }

    /// The archive's searchable texts, one after another, each followed by a NUL.
    pub fn search_text_path(&self) -> PathBuf {
        self.index_dir().join("search.txt")
    }

    /// The same texts in lower case, byte for byte aligned with `search_text_path`.
    pub fn search_fold_path(&self) -> PathBuf {
        self.index_dir().join("search.fold")
    }

    /// The word index of those texts, for `samrad search` (`archive::Words`).
    pub fn search_words_path(&self) -> PathBuf {
        self.index_dir().join("words.bin")
    }

    pub fn exports_dir(&self) -> PathBuf {
        self.root.join("exports")
    }

    /// Where a meeting's minutes are exported in a format with file ending `ext`.
    pub fn export_path(&self, meeting: &str, ext: &str) -> PathBuf {
        self.exports_dir().join(format!("{meeting}.{ext}"))
    }

    /// This machine's own files, kept out of sync.
    pub fn local_dir(&self) -> PathBuf {
        self.root.join("local")
    }

    /// What is being typed in editors and forms, one file per running samrad.
    pub fn drafts_dir(&self) -> PathBuf {
        self.local_dir().join("drafts")
    }

    /// A path in the data folder as people read it: relative to the folder (the whole path
    /// when it is not in it).
    pub fn relative(&self, path: &Path) -> String {
        path.strip_prefix(&self.root)
            .unwrap_or(path)
            .display()
            .to_string()
    }

    /// The scopes that have a log folder: the forum first, then meetings by folder name.
    pub fn scopes(&self) -> Vec<Scope> {
        let mut meetings: Vec<String> = read_dir_names(&self.log_root())
            .into_iter()
            .filter(|(_, is_dir)| *is_dir)
            .map(|(name, _)| name)
            .filter(|n| n != FORUM_DIR && super::ids::is_safe_id(n))
            .collect();
        meetings.sort();
        let mut out = vec![Scope::Forum];
        out.extend(meetings.into_iter().map(Scope::Meeting));
        out
    }

    /// The ids of the meetings that have a log folder, in folder name order.
    pub fn meeting_ids(&self) -> Vec<String> {
        self.scopes()
            .into_iter()
            .filter_map(|s| match s {
                Scope::Meeting(id) => Some(id),
                Scope::Forum => None,
            })
            .collect()
    }

    /// A copy of each line this machine's writers wrote, by scope and writer: what a later
    /// start puts back when a sync replaced a log (`restore::restore`).
    pub fn journal_dir(&self) -> PathBuf {
        self.local_dir().join("journal")
    }

    pub fn journal_path(&self, scope: &Scope, writer: &str) -> PathBuf {
        let dir = match scope {
            Scope::Forum => FORUM_DIR,
            Scope::Meeting(id) => id.as_str(),
        };
        self.journal_dir().join(dir).join(format!("{writer}.jsonl"))
    }

    /// Whether the folder holds samrad data: the forum has a log (the template's at least,
    /// once seeded). A folder that does not is what `Store::open` seeds, and what the
    /// commands that only read refuse. An error is a forum folder that cannot be read.
    pub fn holds_data(&self) -> std::io::Result<bool> {
        let forum = self.scope_dir(&Scope::Forum);
        match std::fs::read_dir(&forum) {
            Ok(_) => Ok(!self.log_files(&Scope::Forum).is_empty()),
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
                ) =>
            {
                Ok(false)
            }
            Err(e) => Err(e),
        }
    }

    /// Log files of one scope, in name order: the writers' logs, the conflict copies of
    /// them that sync tools leave (`names::log_writer`), not their temp files, and packs of
    /// logs (`pack`), each read as one more log file.
    pub fn log_files(&self, scope: &Scope) -> Vec<PathBuf> {
        let dir = self.scope_dir(scope);
        let mut names: Vec<String> = read_dir_names(&dir)
            .into_iter()
            .filter(|(n, is_dir)| {
                !is_dir && (super::names::log_writer(n).is_some() || super::pack::is_pack_name(n))
            })
            .map(|(n, _)| n)
            .collect();
        names.sort();
        names.into_iter().map(|n| dir.join(n)).collect()
    }

    /// Write `.gitignore` and `.stignore` so derived files stay out of sync. A file the user
    /// already has is kept; samrad's lines are added to it once.
    pub fn write_ignore_files(&self) -> std::io::Result<()> {
        for name in [".gitignore", ".stignore"] {
            let path = self.root.join(name);
            match std::fs::read_to_string(&path) {
                Ok(existing) if existing.contains(IGNORE_MARK) => {}
                Ok(existing) => {
                    let sep = if existing.is_empty() || existing.ends_with('\n') {
                        ""
                    } else {
                        "\n"
                    };
                    super::atomic::write_atomic(
                        &path,
                        format!("{existing}{sep}{IGNORE_BODY}").as_bytes(),
                    )?
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    super::atomic::write_atomic(&path, IGNORE_BODY.as_bytes())?
                }
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}

/// The shared file of the minutes file at `minutes_file`. In a folder of its own, since a
/// meeting's id may be any file name: `minutes/<id>.json` is never a folder.
pub fn shared_minutes_beside(minutes_file: &Path) -> PathBuf {
    let dir = minutes_file.parent().unwrap_or(Path::new("."));
    dir.join("shared").join("forum.json")
}

/// A writer's own log: `<writer>.jsonl`, not a sync tool's conflict copy or temp file.
pub fn is_log_name(name: &str) -> bool {
    super::names::log_writer(name).is_some_and(|(_, copy)| !copy)
}

/// Whether the file at `path` is a conflict copy of a log (`names::log_writer`).
pub fn is_copy(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .and_then(super::names::log_writer)
        .is_some_and(|(_, copy)| copy)
}

fn read_dir_names(dir: &Path) -> Vec<(String, bool)> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    rd.filter_map(|e| e.ok())
        .filter_map(|e| {
            let is_dir = e.file_type().ok()?.is_dir();
            Some((e.file_name().into_string().ok()?, is_dir))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sync_leftovers_are_not_logs() {
        assert!(is_log_name("w-1a2b.jsonl"));
        assert!(!is_log_name(
            "w-1a2b.sync-conflict-20260101-101010-ABCDEFG.jsonl"
        ));
        assert!(!is_log_name(".syncthing.w-1a2b.jsonl.tmp"));
        assert!(!is_log_name("w-1a2b.jsonl.tmp"));
        assert!(!is_log_name(".w-1a2b.jsonl"));
        assert!(!is_log_name("notes.txt"));
    }
}
