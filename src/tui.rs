//! The terminal loop: keys in, `update`, effects out, draw. Ops are made on this thread
//! and applied at once; a background thread writes and fsyncs them, so the screen never
//! waits for the disk.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use anyhow::Result;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseEventKind,
};
use ratatui::crossterm::execute;

use crate::app::{Action, App, Effect, SaveState, ThemeName, keymap_for, update};
use crate::export::{self, ExportOptions, Format};
use crate::i18n::Msg;
use crate::search::WordIndex;
use crate::store::archive::Archive;
use crate::store::{Appender, Load, Op, Store};
use std::sync::Arc;

/// What the disk writer says about each op.
enum Saved {
    Durable,
    Failed(String),
}

struct DiskWriter {
    tx: Option<Sender<Op>>,
    done: Receiver<Saved>,
    thread: Option<JoinHandle<()>>,
}

impl DiskWriter {
    fn start(mut appender: Appender) -> DiskWriter {
        let (tx, rx) = mpsc::channel::<Op>();
        let (done_tx, done) = mpsc::channel();
        let thread = std::thread::spawn(move || {
            for op in rx {
                let result = match appender.append(&op) {
                    Ok(()) => Saved::Durable,
                    Err(e) => Saved::Failed(e.to_string()),
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

pub struct Options {
    pub mouse: bool,
    pub theme: ThemeName,
}

/// The archive checked against the logs (and brought up to date), its texts and its word
/// index, made on a background thread: the archive shows at once from the index as it was,
/// and a search waits only if typed in the first moment.
/// The result of one run: the archive when it had to be rebuilt (else the one shown is
/// current), and its word index.
type Indexed = (u64, Option<Arc<Archive>>, Arc<WordIndex>);

struct WordIndexer {
    tx: Sender<Indexed>,
    rx: Receiver<Indexed>,
    /// Only the latest run's result is taken.
    generation: u64,
}

impl WordIndexer {
    fn new() -> WordIndexer {
        let (tx, rx) = mpsc::channel();
        WordIndexer {
            tx,
            rx,
            generation: 0,
        }
    }

    /// Check the archive shown against the logs, rebuild it if it is behind, and index its
    /// words. Only the word index stays in memory; texts are read from disk when shown.
    fn start(&mut self, layout: crate::store::Layout, shown: Arc<Archive>) {
        self.generation += 1;
        let generation = self.generation;
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            if !shown.meetings.is_empty() && Archive::is_fresh(&layout, shown.build) {
                let Ok(folded) = Archive::read_folded(layout.root()) else {
                    return;
                };
                let words = WordIndex::build_from(&shown, &folded);
                let _ = tx.send((generation, None, Arc::new(words)));
                return;
            }
            let (mut a, _) = Archive::open(&layout);
            if a.folded.is_empty() && !a.docs.is_empty() {
                match Archive::read_folded(layout.root()) {
                    Ok(f) => a.folded = f,
                    Err(_) => return,
                }
            }
            let words = WordIndex::build(&a);
            a.text = String::new();
            a.folded = String::new();
            let _ = tx.send((generation, Some(Arc::new(a)), Arc::new(words)));
        });
    }
}

/// What the background indexer made: taken when it is the latest.
fn take_index(app: &mut App, indexer: &WordIndexer) -> bool {
    let mut changed = false;
    while let Ok((generation, archive, words)) = indexer.rx.try_recv() {
        if generation != indexer.generation {
            continue;
        }
        match archive {
            Some(a) if a.meetings != app.archive.meetings => app.replace_archive(a),
            Some(a) => app.archive = a,
            None => {}
        }
        app.set_words(words);
        changed = true;
    }
    changed
}

pub fn run(mut store: Store, app: App, opts: Options) -> Result<()> {
    let appender = store
        .take_appender()
        .ok_or_else(|| anyhow::anyhow!("the log writer is already in use"))?;
    let mouse = opts.mouse;
    install_restore_hook(mouse);
    let mut terminal = ratatui::init();
    if mouse {
        let _ = execute!(std::io::stdout(), EnableMouseCapture);
    }
    let mut app = app;
    app.theme = opts.theme;
    if let Ok(size) = terminal.size() {
        app.size = (size.width, size.height);
    }
    let mut writer = DiskWriter::start(appender);
    // Others' writes wake the loop at once where the file system tells (notify); where it
    // does not (network shares), the loop still looks every 300 ms.
    let (changed_tx, changed) = mpsc::channel::<()>();
    let _watcher = watch_logs(&store, changed_tx);
    let result = event_loop(&mut terminal, &mut store, &mut app, &writer, &changed);
    writer.finish();
    while let Ok(s) = writer.done.try_recv() {
        note_saved(&mut app, s);
    }
    materialize(&mut store, &app);
    if mouse {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    result
}

fn install_restore_hook(mouse: bool) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if mouse {
            let _ = execute!(std::io::stdout(), DisableMouseCapture);
        }
        ratatui::restore();
        previous(info);
    }));
}

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::Local::now().fixed_offset()
}

fn note_saved(app: &mut App, s: Saved) {
    match s {
        Saved::Durable => {
            let left = app.pending_ops().saturating_sub(1);
            app.save = if left == 0 {
                SaveState::Saved(now().format("%H:%M:%S").to_string())
            } else {
                SaveState::Saving(left)
            };
        }
        Saved::Failed(e) => {
            app.read_only = Some(e.clone());
            app.save = SaveState::Failed(e);
        }
    }
}

fn materialize(store: &mut Store, app: &App) {
    if let Some(m) = &app.meeting {
        let _ = store.materialize(&app.doc, m);
    }
}

/// Watch the log folder for appends by other writers. `None` where watching is not possible.
fn watch_logs(store: &Store, tx: Sender<()>) -> Option<notify::RecommendedWatcher> {
    use notify::Watcher;
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event.is_ok_and(|e| e.kind.is_modify() || e.kind.is_create()) {
            let _ = tx.send(());
        }
    })
    .ok()?;
    watcher
        .watch(&store.layout().log_root(), notify::RecursiveMode::Recursive)
        .ok()?;
    Some(watcher)
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    store: &mut Store,
    app: &mut App,
    writer: &DiskWriter,
    changed: &Receiver<()>,
) -> Result<()> {
    let mut last_tick = Instant::now();
    let mut last_poll = Instant::now();
    let mut last_live = Instant::now() - Duration::from_secs(10);
    let mut newest = store.last_clock();
    let mut refold_wanted = false;
    let mut indexer = WordIndexer::new();
    indexer.start(store.layout().clone(), app.archive.clone());
    let mut minutes_dirty = false;
    let mut last_minutes = Instant::now();
    let mut redraw = true;
    loop {
        if redraw {
            terminal.draw(|f| crate::ui::draw(f, app))?;
            // Only what can scroll now needs its limit (the views clamp themselves).
            let help_open = matches!(app.popups.last(), Some(crate::app::Popup::Help { .. }));
            if app.focus == crate::app::Pane::Detail || help_open {
                app.scroll_limits = crate::ui::scroll_limits(app, app.size.0, app.size.1);
            }
            redraw = false;
        }
        let mut actions = Vec::new();
        // Others' changes: read what was appended, apply it in order, or fold again when it
        // belongs before what is already applied.
        let woken = changed.try_iter().count() > 0;
        if woken || last_poll.elapsed() >= Duration::from_millis(300) {
            last_poll = Instant::now();
            let load = app
                .meeting
                .clone()
                .map(Load::Meeting)
                .unwrap_or(Load::Forum);
            let mut new = store.read_new_ops(&load);
            if !new.is_empty() {
                crate::store::fold::merge(&mut new);
                // Say that something came in: it may be out of sight in the detail pane.
                let mut names: Vec<String> = new.iter().map(|op| op.by.name.clone()).collect();
                names.dedup();
                app.say(format!(
                    "{} {}: {}",
                    new.len(),
                    app.lang.t(Msg::ChangesFrom),
                    names.join(", ")
                ));
                if new.iter().all(|op| op.clock > newest) && !refold_wanted {
                    app.keeping_selection(|app| {
                        for op in new {
                            newest = newest.max(op.clock);
                            app.apply_op(op);
                        }
                    });
                } else {
                    refold_wanted = true;
                }
                redraw = true;
                minutes_dirty = true;
            }
            // Our own ops still on their way to disk would be missing from a fold.
            if refold_wanted && app.pending_ops() == 0 {
                let doc = store.load(
                    &app.meeting
                        .clone()
                        .map(Load::Meeting)
                        .unwrap_or(Load::Forum),
                );
                app.keeping_selection(|app| app.doc = doc);
                newest = store.last_clock();
                refold_wanted = false;
                redraw = true;
            }
        }
        if last_live.elapsed() >= Duration::from_secs(2) {
            last_live = Instant::now();
            let live: Vec<(String, String)> = store
                .live_writers()
                .into_iter()
                .map(|(a, at)| (a.name, at))
                .collect();
            if live != app.live {
                app.live = live;
                redraw = true;
            }
        }
        if event::poll(Duration::from_millis(100))? {
            match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => {
                    if let Some(a) = keymap_for(app.mode()).action(&key) {
                        actions.push(a);
                    }
                }
                Event::Resize(w, h) => actions.push(Action::Resize(w, h)),
                Event::Mouse(m) => match m.kind {
                    MouseEventKind::ScrollDown => actions.push(Action::Down),
                    MouseEventKind::ScrollUp => actions.push(Action::Up),
                    _ => {}
                },
                Event::Paste(text) => {
                    for c in text.chars() {
                        let code = if c == '\n' {
                            event::KeyCode::Enter
                        } else {
                            event::KeyCode::Char(c)
                        };
                        actions.push(Action::Key(event::KeyEvent::new(
                            code,
                            event::KeyModifiers::NONE,
                        )));
                    }
                }
                _ => {}
            }
        }
        if last_tick.elapsed() >= Duration::from_millis(500) {
            last_tick = Instant::now();
            actions.push(Action::Tick(now()));
        }
        while let Ok(s) = writer.done.try_recv() {
            note_saved(app, s);
            redraw = true;
        }
        if take_index(app, &indexer) {
            redraw = true;
        }
        for action in actions {
            redraw = true;
            for effect in update(app, action) {
                match effect {
                    Effect::Commit(change) => match sign(store, app).stamp(change) {
                        Ok(op) => {
                            newest = newest.max(op.clock);
                            app.apply(&op.meta(), op.change.clone());
                            if writer.send(op) {
                                app.save = SaveState::Saving(app.pending_ops() + 1);
                                minutes_dirty = true;
                            } else {
                                app.save = SaveState::Failed("the disk writer stopped".into());
                            }
                        }
                        Err(e) => app.warn(e.to_string()),
                    },
                    Effect::Export(format) => export_current(store, app, format),
                    Effect::SaveIdentity(person) => save_identity(app, &person),
                    // Checked in the background; the archive as indexed shows meanwhile.
                    Effect::RefreshArchive => {
                        indexer.start(store.layout().clone(), app.archive.clone())
                    }
                    Effect::OpenMeeting {
                        id,
                        item,
                        view_only,
                    } => {
                        let doc = store.load(&Load::Meeting(id.clone()));
                        if doc.meeting(&id).is_some() {
                            app.show_meeting(doc, id, item, view_only);
                            newest = store.last_clock();
                            refold_wanted = false;
                            materialize(store, app);
                        } else {
                            app.warn(app.lang.t(Msg::UnknownMeeting));
                        }
                    }
                    Effect::Quit => return Ok(()),
                }
            }
        }
        if minutes_dirty
            && app.pending_ops() == 0
            && last_minutes.elapsed() >= Duration::from_secs(2)
        {
            materialize(store, app);
            minutes_dirty = false;
            last_minutes = Instant::now();
        }
    }
}

fn export_current(store: &Store, app: &mut App, format: Format) {
    let Some(minutes) = app.meeting.as_deref().and_then(|m| app.doc.minutes(m)) else {
        app.warn(app.lang.t(Msg::NoMeetingOpen));
        return;
    };
    let ext = match format {
        Format::Json => "json",
        Format::Md => "md",
        Format::Text => "txt",
        Format::Html => "html",
        Format::Csv => "csv",
    };
    let path = store
        .root()
        .join("exports")
        .join(format!("{}.{ext}", minutes.meeting.id));
    let opts = ExportOptions {
        lang: app.lang,
        include_confidential: false,
        today: app.now.date_naive(),
    };
    let bytes = export::export(&minutes, format, &opts);
    match crate::store::atomic::write_atomic(&path, &bytes) {
        Ok(()) => app.say(format!(
            "{} {}",
            app.lang.t(Msg::ExportedTo),
            path.display()
        )),
        Err(e) => app.warn(format!(
            "{}: {}: {e}",
            app.lang.t(Msg::ExportFailed),
            path.display()
        )),
    }
}

/// Remember who the user is in the config file, keeping its other settings.
fn save_identity(app: &mut App, person: &str) {
    let Some(path) = crate::config::default_config_path() else {
        return;
    };
    let (mut cfg, _) = crate::config::load(Some(&path));
    cfg.identity = Some(person.to_string());
    let bytes = serde_json::to_vec_pretty(&cfg).unwrap_or_default();
    if let Err(e) = crate::store::atomic::write_atomic(&path, &bytes) {
        app.warn(format!("{}: {e}", path.display()));
    }
}

/// The store, signing ops as the user the app knows (who may have just said who they are).
fn sign<'a>(store: &'a mut Store, app: &App) -> &'a mut Store {
    if store.author() != &app.author {
        store.set_author(app.author.clone());
    }
    store
}
