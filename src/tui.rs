//! The terminal loop: keys in, `update`, effects to the runtime, draw. Ops are made on
//! this thread and applied at once; the runtime writes and fsyncs them on another thread,
//! so the screen never waits for the disk. However it ends (`q`, Ctrl-C, SIGTERM, SIGHUP,
//! a panic), the terminal is given back as it was.

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use anyhow::Result;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseEventKind,
};
use ratatui::crossterm::execute;

use crate::app::{Action, App, ThemeName, keymap_for, update};
use crate::runtime::{Mode, Runtime};
use crate::store::Store;
use input::{Input, Ready};

mod input;
mod watch;

pub struct Options {
    pub mouse: bool,
    pub theme: ThemeName,
    /// Sync through git this often, in the background (`--sync-every`).
    pub sync_every: Option<(Duration, crate::sync::Options)>,
}

pub fn run(store: Store, app: App, opts: Options) -> Result<()> {
    let mut rt = Runtime::new(store, Mode::Background)?;
    rt.minutes_soon();
    rt.config = crate::config::default_config_path();
    let mouse = opts.mouse;
    install_restore_hook(mouse);
    let signalled = quit_on_signals();
    let mut terminal = ratatui::init();
    if mouse {
        let _ = execute!(std::io::stdout(), EnableMouseCapture);
    }
    let mut app = app;
    app.theme = opts.theme;
    if let Some((every, sync)) = opts.sync_every {
        rt.start_sync(&mut app, every, sync);
    }
    // Whoever the user is takes their seat with this terminal's key (founding the forum
    // when it is the chair's seat and nobody has; else asking to join).
    let seat = crate::app::take_seat(&mut app);
    rt.run(&mut app, seat);
    rt.note_doubts(&mut app);
    if let Ok(size) = terminal.size() {
        app.size = (size.width, size.height);
    }
    // Text typed into a samrad that is gone (Ctrl-C, a closed window, kill -9) is offered.
    rt.offer_drafts(&mut app);
    // Others' writes wake the loop at once (`watch`).
    let (changed_tx, changed) = mpsc::channel::<()>();
    let mut watch = watch::LogWatch::new(rt.store().layout(), changed_tx);
    let result = event_loop(
        &mut terminal,
        &mut rt,
        &mut app,
        (&changed, &mut watch),
        &signalled,
    );
    drop(watch);
    let sync = rt.take_sync();
    rt.finish(&mut app);
    give_back_terminal(mouse);
    // What was written last goes out too, now that it is all on disk.
    if let Some(sync) = sync {
        let lang = app.lang;
        let with = app
            .sync
            .as_ref()
            .map(|s| s.with.clone())
            .unwrap_or_default();
        let said = match sync.last_sync() {
            Ok(r) => lang.fill(
                crate::i18n::Msg::SyncDone,
                &[&r.remote, &r.sent_lines, &r.received_lines],
            ),
            Err(e) => crate::i18n::sync_failed(lang, &with, &e),
        };
        // The window may be gone: nothing to tell then, and nothing to panic over.
        let _ = writeln!(std::io::stderr(), "samrad: {said}");
    }
    result
}

/// On a panic the terminal is given back first; then the hook that was there before
/// (`install_panic_hook`) says what happened, on the main screen and outside raw mode.
fn install_restore_hook(mouse: bool) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        give_back_terminal(mouse);
        previous(info);
    }));
}

/// The terminal as it was before the TUI: no mouse capture, no raw mode, the main screen,
/// the cursor shown. (`ratatui::restore` leaves the cursor to the `Terminal`'s drop, which
/// comes after a panic's message, or never.)
fn give_back_terminal(mouse: bool) {
    if mouse {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
    }
    // Not `ratatui::restore`: on a closed window its `eprintln!` of the failure panics, and
    // in the panic hook that second panic aborts samrad.
    let _ = ratatui::try_restore();
    let _ = execute!(std::io::stdout(), ratatui::crossterm::cursor::Show);
}

/// SIGTERM and SIGHUP (`kill`, a logout, a closed window) set the flag, and the loop quits
/// as Ctrl-C does: what is typed is kept as a draft, the ops go to disk and the terminal is
/// given back. A second signal ends samrad at once, for when the first could not.
#[cfg(unix)]
fn quit_on_signals() -> Arc<AtomicBool> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let asked = Arc::new(AtomicBool::new(false));
    for signal in [SIGTERM, SIGHUP] {
        // The shutdown is registered first, so it sees the flag as it was before this
        // signal set it. Where a handler cannot be set, the signal ends samrad as before.
        let _ = signal_hook::flag::register_conditional_shutdown(signal, 1, Arc::clone(&asked));
        let _ = signal_hook::flag::register(signal, Arc::clone(&asked));
    }
    end_if_stuck(Arc::clone(&asked));
    asked
}

/// The loop quits within a second of a signal. Should it be stuck (in a terminal that hung
/// up while it read), samrad ends after a long grace, not spinning on as an orphan; a
/// slow disk still gets the time to take the last ops.
#[cfg(unix)]
fn end_if_stuck(asked: Arc<AtomicBool>) {
    const GRACE: Duration = Duration::from_secs(30);
    std::thread::spawn(move || {
        while !asked.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(250));
        }
        std::thread::sleep(GRACE);
        std::process::exit(1);
    });
}

#[cfg(not(unix))]
fn quit_on_signals() -> Arc<AtomicBool> {
    Arc::new(AtomicBool::new(false))
}

/// What a terminal event asks of the app, in the mode it is in now.
fn actions_of(event: Event, app: &App) -> Vec<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            keymap_for(app.mode()).action(&key).into_iter().collect()
        }
        Event::Resize(w, h) => vec![Action::Resize(w, h)],
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => vec![Action::Down],
            MouseEventKind::ScrollUp => vec![Action::Up],
            _ => Vec::new(),
        },
        Event::Paste(text) => text
            .chars()
            .map(|c| {
                let code = if c == '\n' {
                    event::KeyCode::Enter
                } else {
                    event::KeyCode::Char(c)
                };
                Action::Key(event::KeyEvent::new(code, event::KeyModifiers::NONE))
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::Local::now().fixed_offset()
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    rt: &mut Runtime,
    app: &mut App,
    (changed, watch): (&Receiver<()>, &mut watch::LogWatch),
    signalled: &AtomicBool,
) -> Result<()> {
    // For tests/pty.rs only: a panic with the terminal raw and on the alternate screen,
    // to show that the panic hook gives the terminal back. Nothing else reads it.
    let panic_for_test = std::env::var_os("SAMRAD_TEST_PANIC").is_some_and(|v| v == "1");
    // When a signal asked to quit: the keys already typed are taken first, until then.
    let mut quit_by: Option<Instant> = None;
    let mut last_tick = Instant::now();
    let mut last_poll = Instant::now();
    let mut last_live = Instant::now() - Duration::from_secs(10);
    let input = Input::new();
    let mut pending = std::collections::VecDeque::new();
    let mut redraw = true;
    let mut archive_asked = false;
    loop {
        if redraw {
            terminal.draw(|f| crate::ui::draw(f, app))?;
            // The archive index loads in the background once the first frame is on the
            // screen: until then the two would share the cores.
            let mut completed = false;
            if !archive_asked {
                archive_asked = true;
                // The forum's other actions, read while the first frame was drawn.
                completed = rt.complete(app);
                rt.run(app, vec![crate::app::Effect::RefreshArchive]);
            }
            // Only what can scroll now needs its limit (the views clamp themselves).
            let help_open = matches!(
                app.popups.last(),
                Some(
                    crate::app::Popup::Help { .. }
                        | crate::app::Popup::Problems { .. }
                        | crate::app::Popup::MeetingInfo { .. }
                )
            );
            if app.focus == crate::app::Pane::Detail || help_open {
                app.scroll_limits = crate::ui::scroll_limits(app, app.size.0, app.size.1);
            }
            redraw = completed;
            if panic_for_test {
                panic!("SAMRAD_TEST_PANIC=1: a panic on purpose, to test the panic hook");
            }
        }
        if quit_by.is_none() && signalled.load(Ordering::Relaxed) {
            quit_by = Some(Instant::now() + Duration::from_millis(500));
        }
        // The app's clock is the wall's: ops are stamped with it.
        app.now = now();
        let mut actions = Vec::new();
        let woken = changed.try_iter().count() > 0;
        if woken || last_live.elapsed() >= Duration::from_secs(2) {
            watch.follow(app.meeting.as_deref());
        }
        if woken || last_poll.elapsed() >= Duration::from_millis(300) {
            last_poll = Instant::now();
            redraw |= rt.catch_up(app);
        }
        if last_live.elapsed() >= Duration::from_secs(2) {
            last_live = Instant::now();
            let live: Vec<(String, String)> = rt
                .live_writers(app)
                .into_iter()
                .map(|(a, at)| (a.name, at))
                .collect();
            if live != app.live {
                app.live = live;
                redraw = true;
            }
        }
        let wait = match quit_by {
            Some(_) => Duration::ZERO,
            None if !pending.is_empty() => Duration::ZERO,
            None => Duration::from_millis(100),
        };
        let ready = input.wait(wait)?;
        let gone = matches!(ready, Ready::Gone);
        if matches!(ready, Ready::Events) {
            pending.extend(input.drain()?);
        }
        // One event a turn, as typed: each is read in the mode the one before it left, after
        // what the disk writer and the other writers said in between.
        let event = pending.pop_front();
        // A closed terminal quits at once, as a signal does once the typed keys are taken.
        if gone {
            input::silence();
        }
        if gone || quit_by.is_some_and(|by| event.is_none() || Instant::now() >= by) {
            let mut fx = Vec::new();
            app.quit(&mut fx);
            rt.run(app, fx);
            return Ok(());
        }
        if let Some(event) = event {
            actions.extend(actions_of(event, app));
        }
        if last_tick.elapsed() >= Duration::from_millis(500) {
            last_tick = Instant::now();
            actions.push(Action::Tick(now()));
            crate::memory::give_back();
        }
        redraw |= rt.poll(app);
        for action in actions {
            redraw = true;
            let effects = update(app, action);
            if rt.run(app, effects) {
                return Ok(());
            }
        }
    }
}
