//! `samrad` with no command: the TUI on the meeting to show first.

use anyhow::Result;

use super::args::Cli;
use super::session::{self, today};
use crate::app::{App, ThemeName};
use crate::store::archive::Archive;

pub fn tui(cli: &Cli) -> Result<()> {
    let mut s = session::open_or_seed(cli)?;
    // The first frame does not wait for the archive index: the start hint names the
    // meeting to show (folded by the session), and the runtime loads the index, and brings
    // the meeting's minutes file up to date (`Runtime::minutes_soon`), once it is drawn.
    let loading = match s.first {
        Some(_) => true,
        None => {
            // No hint (or it names a meeting that is gone): the index as last written, or
            // built now, as before there were hints.
            s.archive = index_now(&mut s);
            let first = crate::model::default_meeting(
                s.archive
                    .meetings
                    .iter()
                    .map(|m| (m.id.as_str(), m.starts_at.as_str(), m.status)),
                today(),
            );
            if let Some(id) = first {
                s.doc = s.meeting_doc(&id);
            }
            false
        }
    };
    let now = chrono::Local::now().fixed_offset();
    let mut app = App::new(s.doc, s.store.author().clone(), s.lang, now);
    app.read_only = match s.store.unwritable() {
        Some(why) => Some(crate::i18n::unwritable(s.lang, why)),
        None => s.store.read_only().map(str::to_string),
    };
    app.start_warnings = session::take_warnings();
    app.key = s.key.clone();
    app.unsigned_history = s.store.has_unsigned_history();
    // The TUI keeps the word index, not the texts: they are read when shown.
    s.archive.text = String::new();
    s.archive.folded = String::new();
    app.archive = std::sync::Arc::new(s.archive);
    app.archive_loading = loading;
    if cli.archive {
        app.archive_view = Some(crate::app::archive::ArchiveView::new(
            &app.archive,
            crate::search::Filter::default(),
        ));
    }
    app.data_dir = s.store.root().display().to_string();
    app.identity_for_session = cli.as_name.is_some();
    if !s.identity_known && s.store.read_only().is_none() {
        crate::app::ask_identity(&mut app);
    }
    let theme = if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        ThemeName::NoColor
    } else {
        ThemeName::Default
    };
    let sync_every = cli.sync_every.map(|secs| {
        let (cfg, _) = crate::config::load(crate::config::default_config_path().as_deref());
        let opts = crate::sync::Options {
            name: super::sync::who(cli, &cfg),
            batch: true,
        };
        (std::time::Duration::from_secs(secs), opts)
    });
    crate::tui::run(
        s.store,
        app,
        crate::tui::Options {
            mouse: s.mouse,
            theme,
            sync_every,
        },
    )
}

/// The archive index as last written, or built now when there is none; the start hint is
/// written from it for the next start.
fn index_now(s: &mut session::Session) -> Archive {
    let layout = s.store.layout().clone();
    match Archive::cached(layout.root()) {
        Some(a) => {
            let _ = crate::store::start_hint::write_rows(&layout, &a.meetings);
            a
        }
        None => {
            let store = &mut s.store;
            Archive::open_with(&layout, || {
                let doc = store.load(&crate::store::Load::Forum);
                (doc, store.problems.iter().all(|p| p.kind.is_repair()))
            })
            .0
        }
    }
}
