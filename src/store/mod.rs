//! The store: per-writer append-only op logs, merged on read, and the minutes JSON
//! materialised from them. Its place among the layers: docs/ARCHITECTURE.md.

pub mod appends;
pub mod archive;
pub mod atomic;
pub mod chain;
pub mod clock;
pub mod drafts;
pub mod file_stat;
pub mod fold;
pub mod heads;
pub mod ids;
pub mod keys;
pub mod layout;
pub mod leftovers;
mod loading;
pub mod local_mark;
pub mod log;
mod materialize;
pub mod minutes;
pub mod names;
pub mod op;
pub mod pack;
pub mod packing;
pub mod par;
pub mod perms;
pub mod problem;
mod reading;
pub mod records;
pub mod restore;
pub mod schema;
pub mod seal;
pub mod seed;
pub mod shown;
pub mod snapshot;
pub mod start_hint;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::model::{Author, Change, Scope};
pub use chain::OpChain;
pub use clock::{Clock, Hlc};
pub use layout::Layout;
pub use log::LogWriter;
pub use minutes::{MinutesFile, minutes_bytes, read_minutes, read_minutes_file};
pub use op::Op;
pub use problem::{Problem, ProblemKind, Unwritable};
pub use restore::Restored;

/// A moment with its offset from UTC, as ops are stamped.
pub type Time = chrono::DateTime<chrono::FixedOffset>;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("could not use {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: not a folder; give a folder with --data-dir or SAMRAD_DATA_DIR", .0.display())]
    NotAFolder(PathBuf),
    #[error("the data folder is read-only: {0}")]
    ReadOnly(String),
    #[error("the built-in template is broken: {0}")]
    Template(String),
    #[error("{0:?} cannot be a meeting id (letters, digits, '-', '_' and '.' only)")]
    BadId(String),
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// What to fold: everything, or the forum and one meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Load {
    All,
    /// The forum alone: parties, people, areas, the action list.
    Forum,
    Meeting(String),
}

impl Load {
    fn scopes(&self, layout: &Layout) -> Vec<Scope> {
        match self {
            Load::All => layout.scopes(),
            Load::Forum => vec![Scope::Forum],
            Load::Meeting(id) => vec![Scope::Forum, Scope::Meeting(id.clone())],
        }
    }
}

/// One running samrad's view of a data folder, and its own logs in it.
#[derive(Debug)]
pub struct Store {
    layout: Layout,
    /// This writer's id, numbers and hash chains.
    chain: OpChain,
    author: Author,
    clock: Clock,
    /// This writer's open logs; taken by a background thread in the TUI.
    appender: Option<Appender>,
    read_only: Option<String>,
    /// The folder cannot be written (found at start): why.
    unwritable: Option<Unwritable>,
    /// How far each log has been read (bytes of whole lines), for reading only what is new.
    offsets: HashMap<PathBuf, u64>,
    /// Of each log read from the start, the hash of the bytes read (`LogRead::prefix`).
    prefixes: HashMap<PathBuf, (String, Option<file_stat::FileStat>)>,
    /// The last line read of each log, as a head.
    last_lines: HashMap<PathBuf, op::Head>,
    /// Which file each log was when read (device, inode).
    file_ids: HashMap<PathBuf, (u64, u64)>,
    /// A log read before has shrunk or been written anew since: fold again.
    rewritten: bool,
    /// Every writer seen: who, and the time of their last op.
    writers: HashMap<String, (Author, String)>,
    snapshot_writer: Option<std::thread::JoinHandle<()>>,
    /// The forum's records still being read for the doc `load_first` gave, and what it
    /// loaded.
    rest: Option<(records::Pending, Load)>,
    /// Removes old temp files, off the path of opening (`leftovers::clean_temp_files`).
    cleaner: Option<std::thread::JoinHandle<()>>,
    /// Problems found while opening and reading; shown to the user.
    pub problems: Vec<Problem>,
    /// The other writers' heads read, to name in this writer's next ops.
    heads: heads::Heads,
    /// The latest time an op was stamped with (a caller may stamp ahead of the clock).
    told_now_ms: i64,
    /// Whether a line read so far was written without a key (before keys were used).
    saw_unsigned: bool,
}

impl Store {
    /// Open (and on first run create and seed) the data folder at `root`.
    pub fn open(root: &Path, author: Author) -> Result<Store, StoreError> {
        if root.exists() && !root.is_dir() {
            return Err(StoreError::NotAFolder(root.to_path_buf()));
        }
        perms::create_dir_all(root).map_err(io_err(root))?;
        let layout = Layout::new(root);
        let writer = format!("w{}", ids::random_hex(12));
        let mut store = Store {
            appender: Some(Appender {
                layout: layout.clone(),
                writer: writer.clone(),
                logs: HashMap::new(),
                restored: Vec::new(),
            }),
            layout,
            chain: OpChain::new(writer),
            author,
            clock: Clock::default(),
            offsets: HashMap::new(),
            prefixes: HashMap::new(),
            last_lines: HashMap::new(),
            file_ids: HashMap::new(),
            rewritten: false,
            writers: HashMap::new(),
            snapshot_writer: None,
            rest: None,
            cleaner: None,
            read_only: None,
            unwritable: None,
            problems: Vec::new(),
            heads: heads::Heads::default(),
            told_now_ms: 0,
            saw_unsigned: false,
        };
        let mut problems = Vec::new();
        for dir in [
            root.to_path_buf(),
            store.layout.log_root(),
            store.layout.minutes_dir(),
        ] {
            perms::ensure_private(&dir, &mut problems);
        }
        store.problems = problems;
        store.check_writable();
        if store.read_only.is_some() {
            // Nothing is written: no seed, no ignore files, no repairs.
            return Ok(store);
        }
        // A walk of every log folder: on a thread, so that opening does not wait for it.
        let folder = root.to_path_buf();
        store.cleaner = Some(std::thread::spawn(move || {
            leftovers::clean_temp_files(&folder, leftovers::TEMP_MIN_AGE);
        }));
        let restored = leftovers::restore_from_journals(&store.layout);
        store.problems.extend(restored);
        store.seed_if_new()?;
        store.layout.write_ignore_files().map_err(io_err(root))?;
        Ok(store)
    }

    /// Open read-only, saying why, when a file cannot be made in `log/`.
    fn check_writable(&mut self) {
        let log = self.layout.log_root();
        // In the forum's folder once there is one: a file made and removed in `log/` would
        // move its mtime at every open, and the archive's quick check lists `log/` again
        // whenever that moves (`archive::fresh`).
        let forum = self.layout.scope_dir(&Scope::Forum);
        let made = perms::create_dir_all(&log)
            .and_then(|()| atomic::probe_dir(if forum.is_dir() { &forum } else { &log }));
        if let Err(e) = made {
            self.refuse_writes(Unwritable::of(&log, &e));
        }
    }

    /// Write nothing from now on, because the folder cannot be written.
    pub fn refuse_writes(&mut self, why: Unwritable) {
        self.read_only = Some(format!(
            "cannot write to {} ({})",
            why.path.display(),
            why.error
        ));
        self.unwritable = Some(why);
    }

    /// Why the folder cannot be written, when it was found so.
    pub fn unwritable(&self) -> Option<&Unwritable> {
        self.unwritable.as_ref()
    }

    /// Make sure this writer's own logs hold what it wrote, putting them back where a sync
    /// replaced them (when the logs are written here, not by another thread). What was put
    /// back, also since the last call.
    pub fn check_own_logs(&mut self) -> Vec<restore::Restored> {
        match self.appender.as_mut() {
            Some(a) => a.check(),
            None => Vec::new(),
        }
    }

    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    pub fn root(&self) -> &Path {
        self.layout.root()
    }

    /// The latest clock seen or made: a new op is ordered after it.
    pub fn last_clock(&self) -> Hlc {
        self.clock.last()
    }

    pub fn writer_id(&self) -> &str {
        self.chain.writer()
    }

    /// Take `now` as the time now when it is later than this machine's clock: lines are
    /// read up to a day ahead of it. (For a reader whose notion of now is not the wall
    /// clock's: a test's, a demo's.)
    pub fn assume_now(&mut self, now: Time) {
        self.told_now_ms = self.told_now_ms.max(now.timestamp_millis());
    }

    /// Whether the folder has changes written before keys were used (lines without a
    /// signature, the template's aside), as far as it was read.
    pub fn has_unsigned_history(&self) -> bool {
        self.saw_unsigned
    }

    /// Sign this writer's ops from now on with `signer` (none: unsigned, as before a
    /// forum is secured).
    pub fn set_signer(&mut self, signer: Option<keys::Signer>) {
        self.chain.sign_with(signer);
    }

    pub fn signer(&self) -> Option<&keys::Signer> {
        self.chain.signer()
    }

    /// Who this store writes as, once the forum is loaded and the user is known.
    pub fn set_author(&mut self, author: Author) {
        self.author = author;
    }

    pub fn author(&self) -> &Author {
        &self.author
    }

    /// Why nothing may be written, when that is so.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    fn seed_if_new(&mut self) -> Result<(), StoreError> {
        let forum_template = self.layout.log_path(&Scope::Forum, seed::TEMPLATE_WRITER);
        if matches!(self.layout.holds_data(), Ok(true)) {
            return Ok(());
        }
        let groups = seed::template_ops().map_err(|e| StoreError::Template(e.to_string()))?;
        // Meetings first and the forum last: a crash in between leaves no forum log, so the
        // next start seeds again, writing the same bytes.
        let mut ordered: Vec<_> = groups.into_iter().collect();
        ordered.sort_by_key(|(scope, _)| *scope == Scope::Forum);
        for (scope, ops) in ordered {
            let path = self.layout.log_path(&scope, seed::TEMPLATE_WRITER);
            if let Some(dir) = path.parent() {
                perms::create_dir_all(dir).map_err(io_err(dir))?;
            }
            atomic::write_atomic(&path, &op::encode_lines(&ops)).map_err(io_err(&path))?;
        }
        debug_assert!(forum_template.exists());
        Ok(())
    }

    /// The log files of the chosen scopes, scope by scope.
    fn log_paths(&self, load: &Load) -> Vec<PathBuf> {
        load.scopes(&self.layout)
            .iter()
            .flat_map(|s| self.layout.log_files(s))
            .collect()
    }

    /// Wait until the snapshot being written (if any) is on disk.
    pub fn wait_for_snapshot(&mut self) {
        if let Some(t) = self.snapshot_writer.take() {
            let _ = t.join();
        }
    }

    /// Append a change to this writer's log for its scope, durably (fsynced) before
    /// returning. The change's op is returned, to be applied to the caller's state.
    pub fn commit(&mut self, change: Change) -> Result<Op, StoreError> {
        self.commit_at(change, now())
    }

    pub fn commit_at(&mut self, change: Change, now: Time) -> Result<Op, StoreError> {
        let op = self.stamp_at(change, now)?;
        let appender = self.appender.as_mut().ok_or_else(|| {
            StoreError::ReadOnly("this store's log is written by another thread".into())
        })?;
        appender.append(&op)?;
        Ok(op)
    }

    /// Make the op for a change (seq, clock, time, author, hash chain) without writing it.
    /// The caller hands it to the `Appender`, in stamp order.
    pub fn stamp(&mut self, change: Change) -> Result<Op, StoreError> {
        self.stamp_at(change, now())
    }

    pub fn stamp_at(&mut self, change: Change, now: Time) -> Result<Op, StoreError> {
        if let Some(why) = &self.read_only {
            return Err(StoreError::ReadOnly(why.clone()));
        }
        if let Scope::Meeting(id) = change.scope()
            && !ids::is_safe_id(&id)
        {
            return Err(StoreError::BadId(id));
        }
        self.assume_now(now);
        let clock = self.clock.tick(now.timestamp_millis());
        let at = now.to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
        let seen = self.heads.to_name(&change.scope());
        Ok(self
            .chain
            .next_seen(clock, at, self.author.clone(), change, seen)
            .0)
    }

    /// Hand this writer's logs to another thread (the TUI's disk writer).
    pub fn take_appender(&mut self) -> Option<Appender> {
        self.appender.take()
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        self.wait_for_snapshot();
        if let Some(t) = self.cleaner.take() {
            let _ = t.join();
        }
    }
}

/// Appends stamped ops to this writer's logs, one per scope, created on first use, each
/// line also kept in the journal under `local/`.
#[derive(Debug)]
pub struct Appender {
    layout: Layout,
    writer: String,
    logs: HashMap<Scope, LogWriter>,
    /// Logs put back since `check` last said so.
    restored: Vec<restore::Restored>,
}

impl Appender {
    /// Write and fsync one op. When this returns Ok the op is durable. A log that a sync
    /// replaced is put back first (`check` says so).
    pub fn append(&mut self, op: &Op) -> Result<(), StoreError> {
        let scope = op.change.scope();
        if !self.logs.contains_key(&scope) {
            let path = self.layout.log_path(&scope, &self.writer);
            let journal = self.layout.journal_path(&scope, &self.writer);
            let log = LogWriter::create(&path)
                .map_err(io_err(&path))?
                .with_journal(&journal);
            self.logs.insert(scope.clone(), log);
        }
        let Some(log) = self.logs.get_mut(&scope) else {
            return Ok(());
        };
        let path = log.path().to_path_buf();
        let restored = log.append(op).map_err(io_err(&path))?;
        self.restored.extend(restored);
        Ok(())
    }

    /// Make sure each of this writer's logs holds what it wrote, putting back those a sync
    /// replaced. Returns what was put back, here and by `append`, since the last call.
    pub fn check(&mut self) -> Vec<restore::Restored> {
        for log in self.logs.values_mut() {
            // A log that cannot be checked now is checked again before the next write.
            if let Ok(Some(r)) = log.check() {
                self.restored.push(r);
            }
        }
        std::mem::take(&mut self.restored)
    }
}

impl Store {
    /// Move a file that could not be read aside (same folder, `.unreadable-<time>` added),
    /// so that it is kept for a person to look at and not overwritten.
    fn quarantine(&mut self, path: &Path) -> Result<(), StoreError> {
        let stamp = chrono::Local::now().format("%Y%m%dT%H%M%S");
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let aside =
            path.with_file_name(format!("{name}.unreadable-{stamp}-{}", ids::random_hex(4)));
        std::fs::rename(path, &aside).map_err(io_err(path))?;
        self.problems.push(Problem {
            path: path.to_path_buf(),
            line: None,
            kind: ProblemKind::Quarantined(aside),
        });
        Ok(())
    }
}

/// The time now, with the local offset.
fn now() -> Time {
    chrono::Local::now().fixed_offset()
}

/// What to do with what other writers appended since the last read.
#[derive(Debug)]
pub enum CatchUp {
    Nothing,
    /// Apply these, in this order (fold order, duplicates dropped): they all come after
    /// everything applied so far.
    Apply(Vec<Op>),
    /// Some come before what is applied already, or change who may write (the roster is
    /// folded first): fold again from the logs. (The ops, in fold order, say what came in.)
    Refold(Vec<Op>),
}
