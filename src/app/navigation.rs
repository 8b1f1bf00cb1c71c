//! Moving about: the selection in the lists, the detail pane's scroll, panes, the help
//! screen, and the list popups.

use super::action::{Action, Effect};
use super::state::{App, Pane, Popup};
use crate::i18n::Msg;

/// Keep every list's selection on a row that exists.
pub fn clamp_selections(app: &mut App) {
    for pane in [Pane::Agenda, Pane::Areas, Pane::Actions] {
        let len = app.list_len(pane);
        if let Some(sel) = selection(app, pane) {
            *sel = (*sel).min(len.saturating_sub(1));
        }
    }
}

fn selection(app: &mut App, pane: Pane) -> Option<&mut usize> {
    match pane {
        Pane::Agenda => Some(&mut app.agenda_sel),
        Pane::Areas => Some(&mut app.area_sel),
        Pane::Actions => Some(&mut app.action_sel),
        Pane::Detail => None,
    }
}

/// Where a movement key goes: one row, a page, or to an end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
}

impl Step {
    pub fn of(action: &Action) -> Option<Step> {
        Some(match action {
            Action::Up => Step::Up,
            Action::Down => Step::Down,
            Action::PageUp => Step::PageUp,
            Action::PageDown => Step::PageDown,
            Action::Top => Step::Top,
            Action::Bottom => Step::Bottom,
            _ => return None,
        })
    }

    /// The position after this step from `at`, in `0..=max`, a page being `page` rows.
    pub fn apply(self, at: usize, max: usize, page: usize) -> usize {
        match self {
            Step::Up => at.saturating_sub(1).min(max),
            Step::Down => (at + 1).min(max),
            Step::PageUp => at.saturating_sub(page).min(max),
            Step::PageDown => (at + page).min(max),
            Step::Top => 0,
            Step::Bottom => max,
        }
    }
}

/// A page is a third of the screen, at least three rows.
fn page(app: &App) -> usize {
    (app.size.1 as usize / 3).max(3)
}

/// Move in the focused list, or scroll the detail pane.
pub fn move_selection(app: &mut App, step: Step) {
    let page = page(app);
    if app.focus == Pane::Detail {
        let max = app.scroll_limits.0.min(10_000) as usize;
        app.detail_scroll = step.apply(app.detail_scroll as usize, max, page) as u16;
        return;
    }
    let max = app.list_len(app.focus).saturating_sub(1);
    if let Some(sel) = selection(app, app.focus) {
        *sel = step.apply(*sel, max, page);
    }
    app.detail_scroll = 0;
}

/// Tab / Shift-Tab.
pub fn cycle_pane(app: &mut App, forward: bool) {
    let n = Pane::ORDER.len();
    let i = Pane::ORDER
        .iter()
        .position(|p| *p == app.focus)
        .unwrap_or(0);
    let next = if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    };
    app.focus = Pane::ORDER[next];
}

/// Enter on a list: its details.
pub fn show_detail(app: &mut App) {
    if app.focus != Pane::Detail {
        app.focus = Pane::Detail;
        app.detail_scroll = 0;
    }
}

/// Keys on the help screen.
pub fn help_mode(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    let max = app.scroll_limits.1.min(2_000) as usize;
    let Some(
        Popup::Help { scroll, .. } | Popup::Problems { scroll } | Popup::MeetingInfo { scroll },
    ) = app.popups.last_mut()
    else {
        return;
    };
    if let Some(step) = Step::of(&action) {
        *scroll = step.apply(*scroll as usize, max, 10) as u16;
        return;
    }
    match action {
        Action::Cancel => {
            app.popups.pop();
        }
        Action::ForceQuit => app.quit(fx),
        _ => {}
    }
}

/// The number of rows in the list popup on top.
fn popup_len(app: &App) -> usize {
    match app.popups.last() {
        Some(Popup::Meetings { .. }) => app.known_meetings().len(),
        Some(Popup::Attendance { .. } | Popup::Identity { .. }) => app.doc.forum.people.len(),
        Some(Popup::Documents { .. }) => app
            .current_meeting()
            .map(|m| m.documents.len())
            .unwrap_or(0),
        Some(Popup::Requests { .. }) => super::admission::visible(app).len(),
        _ => 0,
    }
}

/// Movement and closing in a list popup. Returns the action and the selected row when the
/// action is for the popup's own feature.
pub fn list_popup(app: &mut App, action: Action, fx: &mut Vec<Effect>) -> Option<(Action, usize)> {
    let asking_identity = matches!(
        app.popups.last(),
        Some(Popup::Identity { required: true, .. })
    );
    let max = popup_len(app).saturating_sub(1);
    let Some(
        Popup::Meetings { selected }
        | Popup::Attendance { selected }
        | Popup::Documents { selected }
        | Popup::Identity { selected, .. }
        | Popup::Requests { selected },
    ) = app.popups.last_mut()
    else {
        return None;
    };
    if let Some(step) = Step::of(&action) {
        *selected = step.apply(*selected, max, 10);
        return None;
    }
    let sel = *selected;
    match action {
        // Not saying who you are leaves samrad for reading only, until `:whoami`.
        Action::Cancel if asking_identity => {
            app.popups.pop();
            if app.read_only.is_none() {
                app.read_only = Some(app.t(Msg::ChooseWhoYouAre).to_string());
            }
            app.warn(app.t(Msg::ChooseWhoYouAre));
            None
        }
        Action::Cancel => {
            app.popups.pop();
            None
        }
        Action::ForceQuit => {
            app.quit(fx);
            None
        }
        other => Some((other, sel)),
    }
}
