//! Drafts: what is being typed in an editor or a form, kept in `local/drafts/` (never
//! synced) so that Ctrl-C, a closed window, `kill -9` or a power cut loses at most the last
//! moment of typing. Each running samrad keeps its one draft in `<writer>.json` (0600,
//! written atomically) and holds `<writer>.lock` locked while it runs, so two terminals on
//! one folder never write each other's draft. At start, a draft whose writer's lock is free
//! was left by a samrad that is gone: it is offered back, its lock held by the samrad that
//! offers it so that no other terminal offers it too.
//!
//! The store knows files, not what is in them: the app says what a draft is (any type that
//! serde reads and writes).

use std::collections::HashMap;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::layout::Layout;
use super::problem::{Problem, ProblemKind};
use super::{atomic, ids, log, perms};

/// No draft is larger: a larger file is not read (it is left in place and reported).
pub const MAX_DRAFT: u64 = 16 << 20;

/// This samrad's drafts folder: its own draft, and the drafts left by others it offers.
#[derive(Debug)]
pub struct Drafts {
    dir: PathBuf,
    writer: String,
    /// Held while this samrad runs: its draft is not left behind.
    own_lock: File,
    /// The locks of drafts left behind that this samrad offers, by writer.
    held: HashMap<String, File>,
}

/// A draft a samrad that is gone left behind.
#[derive(Debug)]
pub struct Left<T> {
    pub writer: String,
    pub path: PathBuf,
    pub draft: T,
}

impl Drafts {
    /// The drafts folder of `layout`, made if need be, with this samrad's lock taken.
    pub fn open(layout: &Layout, writer: &str) -> io::Result<Drafts> {
        let dir = layout.drafts_dir();
        if !dir.is_dir() {
            perms::create_dir_all(&dir)?;
            // The new folders themselves durable, so a power cut keeps the first draft.
            perms::sync_dir(&layout.local_dir())?;
            perms::sync_dir(layout.root())?;
        }
        let own_lock = lock_file(&dir, writer)?;
        match own_lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(io::Error::other(format!(
                    "{writer}: in use by another samrad"
                )));
            }
            // Where files cannot be locked, drafts still work; only a samrad that is still
            // running cannot be told from one that is gone.
            Err(TryLockError::Error(_)) => {}
        }
        Ok(Drafts {
            dir,
            writer: writer.to_string(),
            own_lock,
            held: HashMap::new(),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where `writer`'s draft is kept.
    pub fn path_of(&self, writer: &str) -> PathBuf {
        self.dir.join(format!("{writer}.json"))
    }

    /// Keep `draft` as this samrad's draft, in place of the one before: atomically, so a
    /// crash leaves the one before or this one, whole.
    pub fn save<T: Serialize>(&self, draft: &T) -> io::Result<()> {
        let bytes = serde_json::to_vec_pretty(draft).map_err(io::Error::other)?;
        atomic::write_atomic(&self.path_of(&self.writer), &bytes)
    }

    /// This samrad's draft is saved or thrown away: its file goes.
    pub fn remove(&self) -> io::Result<()> {
        remove_if_there(&self.path_of(&self.writer))
    }

    /// The drafts left behind by samrads that are gone (their lock free), oldest file name
    /// first, and what could not be read (left in place, never deleted). Every draft
    /// returned stays locked by this samrad until `forget` or until it exits.
    pub fn left_behind<T: DeserializeOwned>(&mut self) -> (Vec<Left<T>>, Vec<Problem>) {
        let mut names: Vec<String> = std::fs::read_dir(&self.dir)
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .filter_map(|e| e.file_name().into_string().ok())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        let mut left = Vec::new();
        let mut problems = Vec::new();
        let mut gone: Vec<String> = Vec::new();
        for name in &names {
            let Some(writer) = writer_of(name, ".json") else {
                continue;
            };
            if writer == self.writer || self.held.contains_key(writer) {
                continue;
            }
            let Some(lock) = self.take_lock(writer) else {
                continue;
            };
            gone.push(writer.to_string());
            let path = self.dir.join(name);
            match read_draft::<T>(&path) {
                Ok(draft) => {
                    self.held.insert(writer.to_string(), lock);
                    left.push(Left {
                        writer: writer.to_string(),
                        path,
                        draft,
                    });
                }
                Err(kind) => problems.push(Problem {
                    path,
                    line: None,
                    kind,
                }),
            }
        }
        // What a samrad that is gone left beside its draft: a lock with no draft, a temp
        // file of a write that never finished.
        for name in &names {
            let stale = if let Some(writer) = writer_of(name, ".lock") {
                writer != self.writer
                    && !self.held.contains_key(writer)
                    && !names.contains(&format!("{writer}.json"))
                    && self.take_lock(writer).is_some()
            } else if let Some(writer) = temp_writer(name) {
                writer != self.writer && (gone.iter().any(|g| g == writer) || self.is_gone(writer))
            } else {
                false
            };
            if stale {
                let _ = std::fs::remove_file(self.dir.join(name));
            }
        }
        (left, problems)
    }

    /// A draft left behind is restored (kept again under this samrad) or thrown away: its
    /// file and lock go.
    pub fn forget(&mut self, writer: &str) -> io::Result<()> {
        if writer == self.writer || !ids::is_safe_id(writer) {
            return Ok(());
        }
        remove_if_there(&self.path_of(writer))?;
        let _ = std::fs::remove_file(self.dir.join(format!("{writer}.lock")));
        self.held.remove(writer);
        perms::sync_dir(&self.dir)
    }

    /// Let go of a draft left behind that this samrad does not offer (another person's),
    /// so that their next samrad offers it.
    pub fn release(&mut self, writer: &str) {
        self.held.remove(writer);
    }

    /// `writer`'s lock, when no running samrad holds it.
    fn take_lock(&self, writer: &str) -> Option<File> {
        let f = lock_file(&self.dir, writer).ok()?;
        match f.try_lock() {
            Ok(()) => Some(f),
            Err(TryLockError::WouldBlock) => None,
            // Cannot tell: taken as gone (the draft is offered rather than hidden).
            Err(TryLockError::Error(_)) => Some(f),
        }
    }

    fn is_gone(&self, writer: &str) -> bool {
        self.take_lock(writer).is_some()
    }
}

impl Drop for Drafts {
    /// On the way out, a samrad with no draft kept takes its lock file with it.
    fn drop(&mut self) {
        if !self.path_of(&self.writer).exists() {
            let _ = std::fs::remove_file(self.dir.join(format!("{}.lock", self.writer)));
        }
        let _ = self.own_lock.unlock();
    }
}

fn lock_file(dir: &Path, writer: &str) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    perms::private_file_mode(&mut options);
    options.open(dir.join(format!("{writer}.lock")))
}

/// The writer of a file named `<writer><ending>`, when it is a writer's name.
fn writer_of<'a>(name: &'a str, ending: &str) -> Option<&'a str> {
    name.strip_suffix(ending).filter(|w| ids::is_safe_id(w))
}

/// The writer of an atomic write's temp file `.<writer>.json.<random>.tmp`.
fn temp_writer(name: &str) -> Option<&str> {
    let inner = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (writer, _) = inner.split_once(".json.")?;
    ids::is_safe_id(writer).then_some(writer)
}

/// A draft file as the app wrote it, or what is wrong with it.
fn read_draft<T: DeserializeOwned>(path: &Path) -> Result<T, ProblemKind> {
    let unreadable = |e: &dyn std::fmt::Display| ProblemKind::Unreadable(e.to_string());
    let file = log::open_plain(path).map_err(|e| unreadable(&e))?;
    let Some(file) = file else {
        return Err(ProblemKind::NotARegularFile);
    };
    let len = file.metadata().map_err(|e| unreadable(&e))?.len();
    if len > MAX_DRAFT {
        return Err(ProblemKind::TooLarge(len));
    }
    let mut bytes = Vec::new();
    file.take(MAX_DRAFT)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(&e))?;
    serde_json::from_slice(&bytes).map_err(|e| unreadable(&e))
}

fn remove_if_there(path: &Path) -> io::Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Note {
        text: String,
    }

    fn note(text: &str) -> Note {
        Note { text: text.into() }
    }

    #[test]
    fn a_draft_is_private_whole_and_offered_only_once_its_samrad_is_gone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let layout = Layout::new(dir.path());
        let a = Drafts::open(&layout, "waaaa").expect("open a");
        a.save(&note("first")).expect("save");
        a.save(&note("second")).expect("save again");
        let path = a.path_of("waaaa");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "a draft is the user's alone");
        }
        let files: Vec<String> = std::fs::read_dir(a.dir())
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            !files.iter().any(|f| f.ends_with(".tmp")),
            "a temp file was left: {files:?}"
        );

        // While `a` runs, another samrad does not offer its draft.
        let mut b = Drafts::open(&layout, "wbbbb").expect("open b");
        let (left, problems) = b.left_behind::<Note>();
        assert!(left.is_empty(), "a running samrad's draft was offered");
        assert!(problems.is_empty(), "{problems:?}");

        assert_eq!(
            serde_json::from_slice::<Note>(&std::fs::read(&path).expect("read")).ok(),
            Some(note("second"))
        );
        drop(a);
        assert_eq!(b.left_behind::<Note>().0.len(), 1, "once `a` is gone");
    }

    #[test]
    fn a_draft_left_behind_is_offered_to_one_samrad_and_gone_once_forgotten() {
        let dir = tempfile::tempdir().expect("tempdir");
        let layout = Layout::new(dir.path());
        {
            let a = Drafts::open(&layout, "waaaa").expect("open a");
            a.save(&note("half a sentence")).expect("save");
        } // `a` exits (its lock released), its draft stays.
        let mut b = Drafts::open(&layout, "wbbbb").expect("open b");
        let (left, problems) = b.left_behind::<Note>();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].writer, "waaaa");
        assert_eq!(left[0].draft, note("half a sentence"));

        // A third samrad started meanwhile does not offer what `b` offers.
        let mut c = Drafts::open(&layout, "wcccc").expect("open c");
        assert!(c.left_behind::<Note>().0.is_empty(), "offered twice");

        b.forget("waaaa").expect("forget");
        assert!(!layout.drafts_dir().join("waaaa.json").exists());
        assert!(!layout.drafts_dir().join("waaaa.lock").exists());
        drop(b);
        assert!(
            !layout.drafts_dir().join("wbbbb.lock").exists(),
            "a samrad without a draft leaves no lock file"
        );
        assert!(c.left_behind::<Note>().0.is_empty());
    }

    #[test]
    fn a_broken_draft_is_reported_by_its_file_and_left_in_place() {
        let dir = tempfile::tempdir().expect("tempdir");
        let layout = Layout::new(dir.path());
        let drafts = layout.drafts_dir();
        perms::create_dir_all(&drafts).expect("dir");
        std::fs::write(drafts.join("wdead.json"), b"{\"text\": \"cut off").expect("write");
        // A temp file of a write that never finished, by the same samrad that is gone.
        std::fs::write(drafts.join(".wdead.json.0123abcd.tmp"), b"{").expect("write");
        let mut b = Drafts::open(&layout, "wbbbb").expect("open");
        let (left, problems) = b.left_behind::<Note>();
        assert!(left.is_empty());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].path, drafts.join("wdead.json"));
        assert!(
            matches!(problems[0].kind, ProblemKind::Unreadable(_)),
            "{:?}",
            problems[0].kind
        );
        assert!(
            drafts.join("wdead.json").exists(),
            "a broken draft must be left as it is"
        );
        assert!(
            !drafts.join(".wdead.json.0123abcd.tmp").exists(),
            "the temp file of a samrad that is gone stays"
        );
    }
}
