//! The runtime: carries out what `update` asks for (ops to commit, meetings to open,
//! exports, the archive to refresh) and brings in what other writers did. The TUI and the
//! tests use this one runner; they differ only in how ops reach the disk (on a background
//! thread, or at once) and how the archive is indexed (in the background, or at once).
//!
//! Ops are stamped with the app's clock (`App::now`), so what is written is a function of
//! what the app was told; the TUI keeps that clock on the wall's time.

mod drafts;
mod exports;
mod indexer;
mod news;
mod seal;

use indexer::WordIndexer;
use news::{
    note_saved, note_synced, read_hit_texts, refuse_if_unwritable, shown_numbers, tell_arrivals,
    tell_renumbered,
};

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::app::{App, Effect, SaveState};
use crate::i18n::Msg;
use crate::store::archive::Archive;
use crate::store::{Appender, CatchUp, Hlc, Load, Op, Store, StoreError};

/// How committed ops reach the disk, and how the archive is indexed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Written and fsynced before `run` returns; the archive indexed at once (tests,
    /// scripts).
    Inline,
    /// Written by a thread, so a key press never waits for the disk; the archive indexed
    /// on another thread (the TUI).
    Background,
}

/// The minutes file of the meeting shown is rewritten at most this often.
const MINUTES_EVERY: Duration = Duration::from_secs(2);

pub struct Runtime {
    store: Store,
    disk: Disk,
    indexer: Option<WordIndexer>,
    /// The latest clock applied to the app's data: others' ops after it can be applied as
    /// they come; one before it means folding again.
    newest: Hlc,
    refold_wanted: bool,
    minutes_dirty: bool,
    last_minutes: Instant,
    /// Where `Effect::SaveIdentity` remembers the user; `None`: nowhere.
    pub config: Option<PathBuf>,
    /// This samrad's draft of the text being typed.
    drafts: drafts::DraftKeeper,
    /// A change of the effects being run could not be made: the draft of its text stays.
    commit_failed: bool,
    /// The background sync (`--sync-every`), when there is one.
    sync: Option<crate::sync::Background>,
}

impl Runtime {
    pub fn new(mut store: Store, mode: Mode) -> Result<Runtime, StoreError> {
        let (disk, indexer) = match mode {
            Mode::Inline => (Disk::Inline, None),
            Mode::Background => {
                let appender = store.take_appender().ok_or_else(|| {
                    StoreError::ReadOnly("this store's log is written by another thread".into())
                })?;
                (
                    Disk::Background(DiskWriter::start(appender)),
                    Some(WordIndexer::new()),
                )
            }
        };
        let drafts =
            drafts::DraftKeeper::new(store.layout(), store.writer_id(), mode == Mode::Inline);
        Ok(Runtime {
            drafts,
            commit_failed: false,
            newest: store.last_clock(),
            store,
            disk,
            indexer,
            refold_wanted: false,
            minutes_dirty: false,
            last_minutes: Instant::now(),
            config: None,
            sync: None,
        })
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Put the forum's records into a doc shown without them (`Store::load_first`), so
    /// that what is applied, written or exported next sees them all. Returns whether the
    /// doc changed.
    pub fn complete(&mut self, app: &mut App) -> bool {
        if !self.store.incomplete() {
            return false;
        }
        let store = &mut self.store;
        app.keeping_selection(|app| store.complete(&mut app.doc));
        true
    }

    /// Carry out `update`'s effects. Returns true when the app asked to quit.
    pub fn run(&mut self, app: &mut App, effects: Vec<Effect>) -> bool {
        if !effects.is_empty() {
            self.complete(app);
        }
        self.commit_failed = false;
        for effect in effects {
            match effect {
                Effect::Commit(change) => self.commit(app, change),
                Effect::Export(format) => {
                    exports::export(self.store.layout(), app, format, false);
                }
                Effect::ExportNotice(Some(format)) => {
                    exports::export(self.store.layout(), app, format, true);
                }
                Effect::ExportNotice(None) => {
                    exports::notice_with_invite(self.store.layout(), app);
                }
                Effect::ExportProtocol(item, format) => {
                    seal::export_protocol(self.store.layout(), app, &item, format)
                }
                Effect::SaveIdentity(person) => self.save_identity(app, &person),
                Effect::RefreshArchive => self.refresh_archive(app),
                Effect::OpenMeeting {
                    id,
                    item,
                    view_only,
                } => self.open_meeting(app, id, item, view_only),
                Effect::DraftChanged => self.drafts.changed(app),
                Effect::DropDraft => self.drafts.drop(app, self.commit_failed),
                Effect::ForgetDraft(writer) => self.drafts.forget(app, &writer),
                Effect::RestoreDraft(draft) => {
                    if self.restore_draft(app, *draft) {
                        return true;
                    }
                }
                Effect::Quit => return true,
            }
        }
        read_hit_texts(app);
        false
    }

    /// At start: offer the drafts that samrads that are gone left behind.
    pub fn offer_drafts(&mut self, app: &mut App) {
        self.drafts.offer(app);
    }

    /// Open the draft's meeting unless it is on screen to be changed, then the draft where
    /// it was typed. Returns true when the app asked to quit.
    fn restore_draft(&mut self, app: &mut App, draft: crate::app::Draft) -> bool {
        if let Some(m) = draft.meeting.clone()
            && (app.meeting.as_ref() != Some(&m) || app.view_only)
        {
            self.open_meeting(app, m, None, false);
        }
        let effects = crate::app::restore_draft(app, draft);
        self.run(app, effects)
    }

    /// Stamp the change as the app's user at the app's time, apply it at once, and write it.
    fn commit(&mut self, app: &mut App, change: crate::model::Change) {
        if self.store.author() != &app.author {
            self.store.set_author(app.author.clone());
        }
        let change = self.seal(app, change);
        let made = match &self.disk {
            // Durable before it is applied.
            Disk::Inline => self.store.commit_at(change, app.now),
            // Applied at once, durable a moment later (`poll` says when).
            Disk::Background(_) => self.store.stamp_at(change, app.now),
        };
        let op = match made {
            Ok(op) => op,
            // Nothing was written: say why, and leave the save state as it is.
            Err(e) => {
                self.commit_failed = true;
                refuse_if_unwritable(app, &mut self.store, &e);
                app.warn(crate::i18n::store_error(app.lang, &e));
                return;
            }
        };
        self.check_own_logs(app);
        self.newest = self.newest.max(op.clock);
        app.apply(&op.meta(), op.change.clone());
        self.minutes_dirty = true;
        match &self.disk {
            Disk::Inline => app.save = SaveState::Saved(app.now.format("%H:%M:%S").to_string()),
            Disk::Background(writer) => {
                if writer.send(op) {
                    app.save = SaveState::Saving(app.pending_ops() + 1);
                } else {
                    app.save = SaveState::Failed(app.t(Msg::DiskWriterStopped).into());
                }
            }
        }
    }

    /// An approval signed as OpenSSH signs (`sshsig`) over the exact content approved, so
    /// that anyone can check it with `ssh-keygen -Y verify`, without samrad.
    fn seal(&self, app: &App, change: crate::model::Change) -> crate::model::Change {
        use crate::model::Change;
        if let Change::SignProtocol { .. } = change {
            return seal::protocol(app, self.store.signer(), change);
        }
        let (
            Change::Approve {
                meeting,
                party,
                hash,
                seal,
            },
            Some(signer),
        ) = (change.clone(), self.store.signer())
        else {
            return change;
        };
        let content = app
            .doc
            .meeting(&meeting)
            .map(crate::store::seal::canonical_bytes)
            .filter(|bytes| crate::store::seal::hash_of(bytes) == hash);
        let seal = match content {
            Some(bytes) if seal.is_empty() => signer
                .sshsig(crate::store::keys::APPROVAL_NAMESPACE, &bytes)
                .unwrap_or_default(),
            _ => seal,
        };
        Change::Approve {
            meeting,
            party,
            hash,
            seal,
        }
    }

    /// Remember who the user is in the config file, keeping its other settings.
    fn save_identity(&mut self, app: &mut App, person: &str) {
        let Some(path) = &self.config else {
            return;
        };
        let (mut cfg, _) = crate::config::load(Some(path));
        cfg.identity = Some(person.to_string());
        let bytes = serde_json::to_vec_pretty(&cfg).unwrap_or_default();
        if let Err(e) = crate::store::atomic::write_atomic(path, &bytes) {
            app.warn(format!(
                "{}: {e}",
                app.lang.fill(Msg::CouldNotWrite, &[&path.display()])
            ));
        }
    }

    fn refresh_archive(&mut self, app: &mut App) {
        match &mut self.indexer {
            // Checked in the background; the archive as indexed shows meanwhile. The word
            // index is built only once the archive is browsed.
            Some(indexer) => indexer.start(self.store.layout().clone(), app),
            None => {
                let (mut archive, _) = Archive::open(self.store.layout());
                if archive.text.is_empty() {
                    // Unreadable texts leave search empty; the rows still list.
                    let _ = archive.load_text(self.store.root());
                }
                app.set_archive(archive);
            }
        }
    }

    /// Fold a meeting and show it, if it exists.
    fn open_meeting(
        &mut self,
        app: &mut App,
        id: crate::model::Id,
        item: Option<crate::model::Id>,
        view_only: bool,
    ) {
        let doc = self.store.load(&Load::Meeting(id.clone()));
        if doc.meeting(&id).is_none() {
            app.warn(app.t(Msg::UnknownMeeting));
            return;
        }
        app.show_meeting(doc, id, item, view_only);
        self.newest = self.store.last_clock();
        self.refold_wanted = false;
        self.note_doubts(app);
        self.write_minutes(app);
    }

    /// What in the shown meeting's record shows tampering, and every problem found reading
    /// (file, line, what), as last read and folded.
    pub fn note_doubts(&self, app: &mut App) {
        let layout = self.store.layout();
        app.problems = self
            .store
            .problems
            .iter()
            .map(|p| crate::store::Problem {
                path: layout.relative(&p.path).into(),
                ..p.clone()
            })
            .collect();
        app.doubts = match app.meeting.as_deref() {
            Some(id) => {
                let layout = self.store.layout();
                let (forum, meeting) = (
                    layout.scope_dir(&crate::model::Scope::Forum),
                    layout.scope_dir(&crate::model::Scope::Meeting(id.to_string())),
                );
                let logs = [forum.as_path(), meeting.as_path()];
                crate::i18n::doubts(app.lang, &self.store.problems, &app.doc, id, &logs)
            }
            None => Vec::new(),
        };
    }

    /// Other samrads writing in the forum or the meeting shown now (`Store::live_writers`).
    pub fn live_writers(&self, app: &App) -> Vec<(crate::model::Author, String)> {
        self.store.live_writers(&Self::load_shown(app))
    }

    fn load_shown(app: &App) -> Load {
        app.meeting
            .clone()
            .map(Load::Meeting)
            .unwrap_or(Load::Forum)
    }

    /// Others' changes: what they appended is applied in order, or the data is folded again
    /// when something belongs before what is shown (once our own ops are all on disk, or
    /// they would be missing from the fold). Returns whether anything changed.
    pub fn catch_up(&mut self, app: &mut App) -> bool {
        self.complete(app);
        // Our own logs first: a sync that replaced one is undone before anything is read
        // or written.
        let mut changed = self.check_own_logs(app);
        let numbers_before = shown_numbers(app);
        match self.store.catch_up(&Self::load_shown(app), self.newest) {
            CatchUp::Nothing => {}
            CatchUp::Apply(ops) if !self.refold_wanted => {
                tell_arrivals(app, &ops, self.store.writer_id());
                app.keeping_selection(|app| {
                    for op in ops {
                        self.newest = self.newest.max(op.clock);
                        app.apply_op(op);
                    }
                });
                changed = true;
            }
            CatchUp::Apply(ops) => {
                tell_arrivals(app, &ops, self.store.writer_id());
                changed = true;
            }
            CatchUp::Refold(ops) => {
                tell_arrivals(app, &ops, self.store.writer_id());
                self.refold_wanted = true;
                changed = true;
            }
        }
        if changed {
            self.minutes_dirty = true;
            self.note_doubts(app);
        }
        if self.refold_wanted && app.pending_ops() == 0 {
            let doc = self.store.load(&Self::load_shown(app));
            app.keeping_selection(|app| app.doc = doc);
            self.newest = self.store.last_clock();
            self.refold_wanted = false;
            self.note_doubts(app);
            changed = true;
        }
        if changed {
            tell_renumbered(app, &numbers_before);
        }
        changed
    }

    /// Make sure this writer's logs hold every line it wrote: a sync tool may have replaced
    /// one with an older version or other lines. They are put back (what was there kept
    /// beside it), and the user told. Returns whether anything was put back. In the TUI the
    /// disk thread may be writing: then it is left to that write, which checks first.
    fn check_own_logs(&mut self, app: &mut App) -> bool {
        let restored = match &self.disk {
            Disk::Inline => self.store.check_own_logs(),
            Disk::Background(writer) => match writer.appender.try_lock() {
                Ok(mut appender) => appender.check(),
                Err(_) => Vec::new(),
            },
        };
        if restored.is_empty() {
            return false;
        }
        let lines: usize = restored.iter().map(|r| r.lines).sum();
        for r in restored {
            self.store.problems.push(crate::store::Problem {
                path: r.path,
                line: None,
                kind: crate::store::ProblemKind::Restored {
                    lines: r.lines,
                    kept: r.kept,
                },
            });
        }
        app.warn(app.lang.fill(Msg::OwnLogRestored, &[&lines]));
        self.note_doubts(app);
        true
    }

    /// What finished in the background since the last call: ops made durable, an archive
    /// indexed. Rewrites the shown meeting's minutes file when it is due. Returns whether
    /// anything changed on screen.
    pub fn poll(&mut self, app: &mut App) -> bool {
        let mut changed = self.complete(app);
        if let Disk::Background(writer) = &self.disk {
            while let Ok(result) = writer.done.try_recv() {
                if let Err(e) = &result {
                    refuse_if_unwritable(app, &mut self.store, e);
                }
                let lang = app.lang;
                note_saved(app, result.map_err(|e| crate::i18n::store_error(lang, &e)));
                changed = true;
            }
            changed |= self.check_own_logs(app);
        }
        if let Some(indexer) = &mut self.indexer {
            changed |= indexer.take(self.store.layout(), app);
        }
        while let Some(result) = self.sync.as_ref().and_then(|s| s.take()) {
            note_synced(app, result);
            changed = true;
        }
        if changed {
            read_hit_texts(app);
        }
        self.drafts.settle(app);
        self.drafts.write(app, false);
        if self.minutes_dirty
            && app.pending_ops() == 0
            && self.last_minutes.elapsed() >= MINUTES_EVERY
        {
            self.write_minutes(app);
        }
        changed
    }

    /// Bring the shown meeting's minutes file up to date at the next write (within
    /// `MINUTES_EVERY`): the TUI's start leaves it to here, off the first frame's path.
    pub fn minutes_soon(&mut self) {
        self.minutes_dirty = true;
    }

    fn write_minutes(&mut self, app: &App) {
        if let Some(m) = &app.meeting {
            let _ = self.store.materialize(&app.doc, m);
        }
        self.minutes_dirty = false;
        self.last_minutes = Instant::now();
    }

    /// Sync the data folder through git every `every`, in the background (see
    /// `crate::sync`); the status bar shows how it went.
    pub fn start_sync(&mut self, app: &mut App, every: Duration, opts: crate::sync::Options) {
        let root = self.store.root().to_path_buf();
        app.sync = Some(crate::app::SyncStatus {
            with: crate::sync::remote_label(&root).unwrap_or_else(|| "git".into()),
            ..Default::default()
        });
        self.sync = Some(crate::sync::Background::start(root, every, opts));
    }

    /// The background sync, to sync a last time once everything is on disk.
    pub fn take_sync(&mut self) -> Option<crate::sync::Background> {
        self.sync.take()
    }

    /// Wait until every op is on disk, then write the minutes of the meeting shown.
    pub fn finish(mut self, app: &mut App) {
        self.complete(app);
        self.drafts.write(app, true);
        if let Disk::Background(writer) = &mut self.disk {
            writer.finish();
            while let Ok(result) = writer.done.try_recv() {
                let lang = app.lang;
                note_saved(app, result.map_err(|e| crate::i18n::store_error(lang, &e)));
            }
        }
        self.drafts.settle(app);
        self.write_minutes(app);
    }
}

enum Disk {
    /// Through the store's own log writer, at once.
    Inline,
    Background(DiskWriter),
}

/// Writes and fsyncs ops on its own thread, and says when each is durable.
struct DiskWriter {
    tx: Option<Sender<Op>>,
    done: Receiver<Result<(), StoreError>>,
    thread: Option<JoinHandle<()>>,
    /// Held by the thread while it writes; the loop checks the logs when it is free.
    appender: Arc<Mutex<Appender>>,
}

impl DiskWriter {
    fn start(appender: Appender) -> DiskWriter {
        let (tx, rx) = mpsc::channel::<Op>();
        let (done_tx, done) = mpsc::channel();
        let appender = Arc::new(Mutex::new(appender));
        let shared = Arc::clone(&appender);
        let thread = std::thread::spawn(move || {
            for op in rx {
                let result = match shared.lock() {
                    Ok(mut a) => a.append(&op),
                    Err(_) => Err(StoreError::ReadOnly("the disk writer stopped".into())),
                };
                if done_tx.send(result).is_err() {
                    break;
                }
            }
        });
        DiskWriter {
            tx: Some(tx),
            done,
            thread: Some(thread),
            appender,
        }
    }

    fn send(&self, op: Op) -> bool {
        self.tx.as_ref().is_some_and(|tx| tx.send(op).is_ok())
    }

    /// Wait until everything sent is on disk.
    fn finish(&mut self) {
        self.tx = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
