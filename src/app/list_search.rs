//! `/` in a list: find a row by text, `n` and `N` for the next and previous match.

use super::action::Action;
use super::state::{App, Pane};
use crate::i18n::Msg;

/// Keys on the search line.
pub fn search_line(app: &mut App, action: Action) {
    let Some(line) = app.search.as_mut() else {
        return;
    };
    match action {
        Action::Key(ev) => {
            line.input(ev);
        }
        Action::Open if app.archive_view.is_some() => {
            let q = line.lines().join(" ").trim().to_string();
            app.search = None;
            super::archive::run_search(app, &q);
        }
        Action::Open => {
            app.last_search = line.lines().join(" ").trim().to_string();
            app.search = None;
            if app.focus == Pane::Detail {
                app.focus = Pane::Agenda;
            }
            // Start from just before the selection, so the selected row is found too.
            search_from(app, true, true);
        }
        Action::Cancel => app.search = None,
        _ => {}
    }
}

/// `n` / `N`.
pub fn search_step(app: &mut App, forward: bool) {
    if app.last_search.is_empty() {
        app.warn(app.t(Msg::NoSearchYet));
        return;
    }
    search_from(app, forward, false);
}

/// Rows of the focused list as searchable text (lower case).
fn haystack(app: &App) -> Vec<String> {
    match app.focus {
        Pane::Areas => app
            .areas()
            .iter()
            .map(|a| format!("{} {} {}", a.number, a.title, a.status_note).to_lowercase())
            .collect(),
        Pane::Actions => app
            .actions()
            .iter()
            .map(|a| format!("{} {}", a.title, a.note).to_lowercase())
            .collect(),
        _ => app
            .items()
            .iter()
            .map(|i| {
                format!(
                    "{} {} {} {} {} {}",
                    i.number, i.title, i.presenter, i.background, i.notes, i.conclusion
                )
                .to_lowercase()
            })
            .collect(),
    }
}

fn search_from(app: &mut App, forward: bool, include_current: bool) {
    let needle = app.last_search.to_lowercase();
    let rows = haystack(app);
    let n = rows.len();
    if n == 0 {
        return;
    }
    let start = match app.focus {
        Pane::Areas => app.area_sel,
        Pane::Actions => app.action_sel,
        _ => app.agenda_sel,
    };
    let found = (0..n)
        .map(|k| {
            let step = if include_current { k } else { k + 1 };
            if forward {
                (start + step) % n
            } else {
                (start + n * 2 - step) % n
            }
        })
        .find(|&i| rows[i].contains(&needle));
    match found {
        Some(i) => {
            match app.focus {
                Pane::Areas => app.area_sel = i,
                Pane::Actions => app.action_sel = i,
                _ => app.agenda_sel = i,
            }
            app.detail_scroll = 0;
            let msg = format!("«{}»", app.last_search);
            app.say(msg);
        }
        None => {
            let msg = format!("{} «{}»", app.t(Msg::NotFound), app.last_search);
            app.warn(msg);
        }
    }
}
