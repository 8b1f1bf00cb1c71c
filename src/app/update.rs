//! `update`: what an action does to the state, and which effects it asks for. This file
//! only routes: each mode's keys, and in the normal mode each action, go to the feature
//! that owns them.

use ratatui_textarea::TextArea;

use super::action::{Action, Effect};
use super::action_items::{self, ActionForm};
use super::admission;
use super::agenda::{self, ItemForm};
use super::archive;
use super::areas::{AreaForm, AreaStatusForm};
use super::attendance;
use super::commands;
use super::confirm;
use super::drafts;
use super::editor;
use super::exemption;
use super::forms;
use super::identity;
use super::keymap::Mode;
use super::list_search;
use super::meeting;
use super::navigation::{self, Step};
use super::positions::{self, PositionForm};
use super::speakers;
use super::state::{App, EditorTarget, Pane, Popup};
use super::undo;
use super::votes::{BallotForm, VoteForm};
use crate::i18n::Msg;

/// Apply one action. Returns the effects for the runtime: ops to commit, exports, quitting.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let mut fx = Vec::new();
    match action {
        Action::Tick(now) => app.now = now,
        Action::Resize(w, h) => app.size = (w, h),
        Action::Command(line) => commands::run(app, &line, &mut fx),
        // Nothing can be seen on a too small screen, so nothing may be changed blind.
        Action::Quit | Action::ForceQuit if app.too_small() => app.quit(&mut fx),
        _ if app.too_small() => {}
        // Help in every mode: its own keys first. A command or search line is left.
        Action::Help if app.mode() != Mode::Help => {
            let from = app.mode();
            app.command = None;
            app.search = None;
            app.popups.push(Popup::Help { scroll: 0, from });
        }
        action => match app.mode() {
            Mode::Normal => normal(app, action, &mut fx),
            Mode::Command => commands::command_line(app, action, &mut fx),
            Mode::Search => list_search::search_line(app, action),
            Mode::Edit => editor::editor_mode(app, action, &mut fx),
            Mode::Form => forms::form_mode(app, action, &mut fx),
            Mode::Confirm => confirm::confirm_mode(app, action, &mut fx),
            Mode::Draft => drafts::offer_mode(app, action, &mut fx),
            Mode::List => list_popup(app, action, &mut fx),
            Mode::Help => navigation::help_mode(app, action, &mut fx),
            Mode::Archive => archive::archive_mode(app, action, &mut fx),
        },
    }
    navigation::clamp_selections(app);
    drafts::offer_next(app);
    if app.focus != Pane::Detail {
        app.detail_of = app.focus;
    }
    fx
}

/// The main screen: each action to its feature, by the pane in focus where it matters.
fn normal(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    app.message = None;
    if let Some(step) = Step::of(&action) {
        navigation::move_selection(app, step);
        return;
    }
    if let Err(why) = app.may(&action) {
        app.warn(app.t(why));
        return;
    }
    let focus = app.focus;
    match action {
        Action::NextPane => navigation::cycle_pane(app, true),
        Action::PrevPane => navigation::cycle_pane(app, false),
        Action::Open => navigation::show_detail(app),
        Action::Add => match focus {
            Pane::Areas => AreaForm::open(app, None),
            Pane::Actions => ActionForm::open(app, None, None),
            _ => ItemForm::open(app, None),
        },
        Action::Edit => edit_selected(app),
        Action::Delete => match focus {
            Pane::Agenda => agenda::ask_delete(app),
            Pane::Actions => action_items::ask_drop(app),
            _ => app.warn(app.t(Msg::CannotDeleteHere)),
        },
        Action::MoveUp => agenda::move_selected(app, -1, fx),
        Action::MoveDown => agenda::move_selected(app, 1, fx),
        Action::SetCurrent => agenda::set_current(app, fx),
        Action::EditNotes => editor::open_for_item(app, EditorTarget::Notes),
        Action::EditConclusion => editor::open_for_item(app, EditorTarget::Conclusion),
        Action::CycleAgreement => agenda::cycle_agreement(app, fx),
        Action::Exemption => exemption::ExemptionForm::open(app),
        Action::AddActionFromItem => {
            let item = app.selected_item().map(|i| i.id.clone());
            ActionForm::open(app, None, item);
        }
        Action::CycleStatus => match (focus, app.selected_area()) {
            (Pane::Areas, Some(area)) => AreaStatusForm::open(app, area.id.clone()),
            (Pane::Areas, None) => {}
            _ => action_items::ActionStatusForm::open(app),
        },
        Action::Position => PositionForm::open(app),
        Action::Statement => positions::write_statement(app),
        Action::Input => positions::write_input(app),
        Action::OpenVote => VoteForm::open(app),
        Action::CastVote => BallotForm::open(app),
        Action::RequestFloor => speakers::request_floor(app, fx),
        Action::Undo => undo::undo(app, fx),
        Action::NextSpeaker => speakers::next_speaker(app, fx),
        Action::Attendance => app.open_over_meeting(Popup::Attendance { selected: 0 }),
        Action::Documents => app.open_over_meeting(Popup::Documents { selected: 0 }),
        Action::Meetings => app.popups.push(Popup::Meetings { selected: 0 }),
        Action::MeetingInfo => app.open_over_meeting(Popup::MeetingInfo { scroll: 0 }),
        Action::Archive => archive::show(app, fx),
        Action::Thread => archive::thread_of_selection(app, fx),
        Action::Problems => app.popups.push(Popup::Problems { scroll: 0 }),
        Action::CommandLine => app.command = Some(TextArea::default()),
        Action::Search => app.search = Some(TextArea::default()),
        Action::SearchNext => list_search::search_step(app, true),
        Action::SearchPrev => list_search::search_step(app, false),
        Action::Quit => app.quit_from(false, fx),
        Action::ForceQuit => app.quit_from(true, fx),
        _ => {}
    }
}

/// `e`: the selected row's form, by the pane in focus.
fn edit_selected(app: &mut App) {
    match app.focus {
        Pane::Areas => {
            if let Some(id) = app.selected_area().map(|a| a.id.clone()) {
                AreaForm::open(app, Some(id));
            }
        }
        Pane::Actions => {
            if let Some(id) = app.selected_action().map(|a| a.id.clone()) {
                ActionForm::open(app, Some(id), None);
            }
        }
        _ => {
            if let Some(id) = app.selected_item().map(|i| i.id.clone()) {
                ItemForm::open(app, Some(id));
            }
        }
    }
}

/// A list popup: movement here, the rest to the popup's feature.
fn list_popup(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    let Some((action, sel)) = navigation::list_popup(app, action, fx) else {
        return;
    };
    if let Err(why) = app.may(&action) {
        app.warn(app.t(why));
        return;
    }
    match app.popups.last() {
        Some(Popup::Identity { .. }) => identity::identity_popup(app, action, sel, fx),
        Some(Popup::Meetings { .. }) => meeting::meetings_popup(app, action, sel, fx),
        Some(Popup::Attendance { .. }) => attendance::attendance_popup(app, action, sel, fx),
        Some(Popup::Documents { .. }) => attendance::documents_popup(app, action, sel),
        Some(Popup::Requests { .. }) => admission::requests_popup(app, action, sel, fx),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn app() -> App {
        let now = chrono::DateTime::parse_from_rfc3339("2026-12-08T10:00:00+01:00").expect("time");
        App::new(
            crate::model::Doc::default(),
            crate::model::Author::default(),
            Lang::Nb,
            now,
        )
    }

    #[test]
    fn keys_do_nothing_blind_on_a_too_small_screen_but_quit_still_works() {
        let mut a = app();
        a.size = (50, 12);
        assert!(update(&mut a, Action::Help).is_empty());
        assert!(a.popups.is_empty(), "nothing opens where it cannot be seen");
        assert_eq!(update(&mut a, Action::Quit), vec![Effect::Quit]);
        let mut b = app();
        update(&mut b, Action::Help);
        assert_eq!(b.popups.len(), 1);
    }

    #[test]
    fn end_in_the_detail_pane_stops_at_the_last_page() {
        let mut a = app();
        a.focus = Pane::Detail;
        a.scroll_limits = (7, 0);
        update(&mut a, Action::Bottom);
        assert_eq!(a.detail_scroll, 7);
        update(&mut a, Action::Up);
        assert_eq!(
            a.detail_scroll, 6,
            "one step up from the end shows the line before"
        );
        update(&mut a, Action::PageDown);
        assert_eq!(a.detail_scroll, 7);
    }
}
