//! `update`: what an action does to the state, and which effects it asks for.

use ratatui_textarea::TextArea;

use super::action::crossterm_types::KeyCode;
use super::action::{Action, Effect};
use super::form::{Field, Form, FormKind};
use super::keymap::Mode;
use super::state::{App, Editor, EditorTarget, OnYes, Pane, Popup, Theme};
use crate::export::Format;
use crate::i18n::date_error;
use crate::i18n::{self, Lang, Msg};
use crate::model::{
    ActionField, ActionStatus, Agreement, Change, DevArea, DevAreaStatus, Document, Id, ItemField,
    ItemKind, MeetingField, MeetingStatus, Owner, Person, Presence, Stance, VoteMethod, VoteOption,
    VoteRule, next_item_number,
};
use crate::model::{DateError, parse_date};
use crate::store::ids::new_id;

/// Apply one action. Returns the effects for the runtime: ops to commit, exports, quitting.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let mut fx = Vec::new();
    match action {
        Action::Tick(now) => app.now = now,
        Action::Resize(w, h) => app.size = (w, h),
        Action::Command(line) => run_command(app, &line, &mut fx),
        // Nothing can be seen on a too small screen, so nothing may be changed blind.
        Action::Quit | Action::ForceQuit if app.too_small() => quit(app, &mut fx),
        _ if app.too_small() => {}
        action => match app.mode() {
            Mode::Normal => normal(app, action, &mut fx),
            Mode::Command => command_line(app, action, &mut fx),
            Mode::Search => search_line(app, action),
            Mode::Edit => editor(app, action, &mut fx),
            Mode::Form => form(app, action, &mut fx),
            Mode::Confirm => confirm(app, action, &mut fx),
            Mode::List => list_popup(app, action, &mut fx),
            Mode::Help => help(app, action, &mut fx),
            Mode::Archive => super::archive::archive_mode(app, action, &mut fx),
        },
    }
    clamp_selections(app);
    if app.focus != Pane::Detail {
        app.detail_of = app.focus;
    }
    fx
}

fn t(app: &App, m: Msg) -> &'static str {
    app.lang.t(m)
}

fn now(app: &App) -> String {
    app.now.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// Ask for a change to be committed, unless nothing may be written.
pub(super) fn commit(app: &mut App, fx: &mut Vec<Effect>, change: Change) {
    if let Some(why) = &app.read_only {
        let msg = format!("{}: {why}", t(app, Msg::ReadOnly));
        app.warn(msg);
        return;
    }
    fx.push(Effect::Commit(change));
}

/// The meeting may be changed: it exists and is not approved. Says why not, otherwise.
fn editable_meeting(app: &mut App) -> Option<Id> {
    let Some(m) = app.current_meeting() else {
        app.warn(t(app, Msg::NoMeetingOpen));
        return None;
    };
    if m.status.is_read_only() {
        app.warn(t(app, Msg::MeetingLocked));
        return None;
    }
    if app.view_only {
        app.warn(t(app, Msg::ViewOnly));
        return None;
    }
    Some(m.id.clone())
}

/// The selected item of a meeting that may be changed, with the meeting's id; says why not
/// otherwise.
fn editable_item(app: &mut App) -> Option<(Id, crate::model::Item)> {
    let m = editable_meeting(app)?;
    match app.selected_item().cloned() {
        Some(item) => Some((m, item)),
        None => {
            app.warn(t(app, Msg::SelectAnItem));
            None
        }
    }
}

fn clamp_selections(app: &mut App) {
    for pane in [Pane::Agenda, Pane::Areas, Pane::Actions] {
        let len = app.list_len(pane);
        let sel = match pane {
            Pane::Agenda => &mut app.agenda_sel,
            Pane::Areas => &mut app.area_sel,
            _ => &mut app.action_sel,
        };
        *sel = (*sel).min(len.saturating_sub(1));
    }
}

fn move_selection(app: &mut App, delta: isize, to: Option<bool>) {
    let page = (app.size.1 as isize / 3).max(3);
    let pane = app.focus;
    if pane == Pane::Detail {
        let max = app.scroll_limits.0.min(10_000) as isize;
        app.detail_scroll = match (delta, to) {
            (_, Some(true)) => 0,
            (_, Some(false)) => max,
            (d, None) if d.abs() > 1 => app.detail_scroll as isize + d.signum() * page,
            (d, None) => app.detail_scroll as isize + d,
        }
        .clamp(0, max) as u16;
        return;
    }
    let len = app.list_len(pane);
    let sel = match pane {
        Pane::Agenda => &mut app.agenda_sel,
        Pane::Areas => &mut app.area_sel,
        _ => &mut app.action_sel,
    };
    *sel = match to {
        Some(true) => 0,
        Some(false) => len.saturating_sub(1),
        None => {
            let d = if delta.abs() > 1 {
                delta.signum() * page
            } else {
                delta
            };
            (*sel as isize + d).clamp(0, len.saturating_sub(1) as isize) as usize
        }
    };
    app.detail_scroll = 0;
}

fn normal(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    app.message = None;
    match action {
        Action::Up => move_selection(app, -1, None),
        Action::Down => move_selection(app, 1, None),
        Action::PageUp => move_selection(app, -2, None),
        Action::PageDown => move_selection(app, 2, None),
        Action::Top => move_selection(app, 0, Some(true)),
        Action::Bottom => move_selection(app, 0, Some(false)),
        Action::NextPane | Action::PrevPane => {
            let i = Pane::ORDER
                .iter()
                .position(|p| *p == app.focus)
                .unwrap_or(0);
            let n = Pane::ORDER.len();
            let next = if action == Action::NextPane {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            };
            app.focus = Pane::ORDER[next];
        }
        Action::Open if app.focus != Pane::Detail => {
            app.focus = Pane::Detail;
            app.detail_scroll = 0;
        }
        Action::Add => match app.focus {
            Pane::Areas => open_area_form(app, None),
            Pane::Actions => open_action_form(app, None, None),
            _ => open_item_form(app, None),
        },
        Action::Edit => match app.focus {
            Pane::Areas => {
                if let Some(id) = app.selected_area().map(|a| a.id.clone()) {
                    open_area_form(app, Some(id));
                }
            }
            Pane::Actions => {
                if let Some(id) = app.selected_action().map(|a| a.id.clone()) {
                    open_action_form(app, Some(id), None);
                }
            }
            _ => {
                if let Some(id) = app.selected_item().map(|i| i.id.clone()) {
                    open_item_form(app, Some(id));
                }
            }
        },
        Action::Delete => delete_selected(app),
        Action::MoveUp => move_item(app, -1, fx),
        Action::MoveDown => move_item(app, 1, fx),
        Action::SetCurrent => set_current(app, fx),
        Action::EditNotes => open_editor(app, EditorTarget::Notes),
        Action::EditConclusion => open_editor(app, EditorTarget::Conclusion),
        Action::CycleAgreement => {
            if let (Some(m), Some(item)) = (editable_meeting(app), app.selected_item()) {
                let next = match item.agreement {
                    None => Some(Agreement::Agreement),
                    Some(Agreement::Agreement) => Some(Agreement::Disagreement),
                    Some(Agreement::Disagreement) => None,
                };
                let id = item.id.clone();
                commit(
                    app,
                    fx,
                    Change::ItemSet {
                        meeting: m,
                        item: id,
                        set: ItemField::Agreement(next),
                    },
                );
            }
        }
        Action::ToggleConfidential => {
            if let (Some(m), Some(item)) = (editable_meeting(app), app.selected_item()) {
                let (id, on) = (item.id.clone(), !item.confidential);
                commit(
                    app,
                    fx,
                    Change::ItemSet {
                        meeting: m,
                        item: id,
                        set: ItemField::Confidential(on),
                    },
                );
            }
        }
        Action::AddActionFromItem => {
            let item = app.selected_item().map(|i| i.id.clone());
            open_action_form(app, None, item);
        }
        Action::CycleStatus => match app.focus {
            Pane::Areas => {
                if let Some(id) = app.selected_area().map(|a| a.id.clone()) {
                    open_area_status_form(app, id);
                }
            }
            _ => {
                if let Some(a) = app.selected_action() {
                    let i = ActionStatus::ALL
                        .iter()
                        .position(|s| *s == a.status)
                        .unwrap_or(0);
                    let next = ActionStatus::ALL[(i + 1) % ActionStatus::ALL.len()];
                    let id = a.id.clone();
                    let meeting = app.meeting.clone();
                    commit(
                        app,
                        fx,
                        Change::ActionSet {
                            id,
                            meeting,
                            set: ActionField::Status(next),
                        },
                    );
                } else {
                    app.warn(t(app, Msg::SelectAnAction));
                }
            }
        },
        Action::Position => open_position_form(app),
        Action::Statement => {
            if app.author.party.is_none() {
                app.warn(t(app, Msg::NoPartyForStatement));
            } else {
                open_editor(app, EditorTarget::Statement);
            }
        }
        Action::Input => {
            if app.author.party.is_none() {
                app.warn(t(app, Msg::NoPartyForStatement));
            } else if app.focus == Pane::Areas
                || (app.focus == Pane::Detail && app.detail_of == Pane::Areas)
            {
                open_area_input(app);
            } else {
                open_editor(app, EditorTarget::Input);
            }
        }
        Action::OpenVote => open_vote_form(app),
        Action::RequestFloor => request_floor(app, fx),
        Action::NextSpeaker => next_speaker(app, fx),
        Action::CastVote => open_ballot_form(app),
        Action::Attendance => {
            if app.current_meeting().is_some() {
                app.popups.push(Popup::Attendance { selected: 0 });
            } else {
                app.warn(t(app, Msg::NoMeetingOpen));
            }
        }
        Action::Documents => {
            if app.current_meeting().is_some() {
                app.popups.push(Popup::Documents { selected: 0 });
            } else {
                app.warn(t(app, Msg::NoMeetingOpen));
            }
        }
        Action::Meetings => app.popups.push(Popup::Meetings { selected: 0 }),
        Action::Archive => super::archive::show(app, fx),
        Action::Thread => thread_of_selection(app, fx),
        Action::Help => app.popups.push(Popup::Help { scroll: 0 }),
        Action::CommandLine => app.command = Some(TextArea::default()),
        Action::Search => app.search = Some(TextArea::default()),
        Action::SearchNext => search_step(app, true),
        Action::SearchPrev => search_step(app, false),
        Action::Quit => quit_from(app, false, fx),
        Action::ForceQuit => quit_from(app, true, fx),
        _ => {}
    }
}

/// `q` asks first while ops are not yet on disk; Ctrl-C does not.
pub(super) fn quit_from(app: &mut App, force: bool, fx: &mut Vec<Effect>) {
    if !force && app.pending_ops() > 0 {
        let q = t(app, Msg::QuitUnsaved).to_string();
        app.popups.push(Popup::Confirm {
            question: q,
            on_yes: OnYes::Quit,
        });
    } else {
        quit(app, fx);
    }
}

/// `T`: the selected development area over time, or with the actions pane focused, the
/// party of the user; from the agenda, the areas of the selected item.
fn thread_of_selection(app: &mut App, fx: &mut Vec<Effect>) {
    let area = match app.focus {
        Pane::Areas => app.selected_area().map(|a| a.id.clone()),
        _ => app.selected_item().and_then(|i| i.areas.first().cloned()),
    };
    match area {
        Some(a) => {
            super::archive::thread(app, None, Some(a));
            fx.push(Effect::RefreshArchive);
        }
        None => app.warn(t(app, Msg::SelectAnArea)),
    }
}

fn quit(app: &mut App, fx: &mut Vec<Effect>) {
    app.quit = true;
    fx.push(Effect::Quit);
}

fn delete_selected(app: &mut App) {
    match app.focus {
        Pane::Agenda => {
            if editable_meeting(app).is_none() {
                return;
            }
            if let Some(item) = app.selected_item() {
                let q = format!(
                    "{} {} {}?",
                    t(app, Msg::ConfirmDeleteItem),
                    item.number,
                    item.title
                );
                let on_yes = OnYes::DeleteItem(item.id.clone());
                app.popups.push(Popup::Confirm {
                    question: q,
                    on_yes,
                });
            }
        }
        Pane::Actions => {
            if let Some(a) = app.selected_action() {
                let q = format!("{} «{}»?", t(app, Msg::ConfirmDropAction), a.title);
                let on_yes = OnYes::DeleteAction(a.id.clone());
                app.popups.push(Popup::Confirm {
                    question: q,
                    on_yes,
                });
            }
        }
        _ => app.warn(t(app, Msg::CannotDeleteHere)),
    }
}

fn move_item(app: &mut App, dir: isize, fx: &mut Vec<Effect>) {
    if app.focus != Pane::Agenda {
        return;
    }
    let Some(m) = editable_meeting(app) else {
        return;
    };
    let items = app.items();
    let i = app.agenda_sel;
    let j = i as isize + dir;
    if j < 0 || j as usize >= items.len() {
        return;
    }
    let j = j as usize;
    let (a, b) = (&items[i], &items[j]);
    let (ra, rb) = if a.rank == b.rank {
        (b.rank + dir as i64, a.rank)
    } else {
        (b.rank, a.rank)
    };
    let (ia, ib) = (a.id.clone(), b.id.clone());
    commit(
        app,
        fx,
        Change::ItemSet {
            meeting: m.clone(),
            item: ia,
            set: ItemField::Rank(ra),
        },
    );
    commit(
        app,
        fx,
        Change::ItemSet {
            meeting: m,
            item: ib,
            set: ItemField::Rank(rb),
        },
    );
    app.agenda_sel = j;
}

fn set_current(app: &mut App, fx: &mut Vec<Effect>) {
    let Some(m) = editable_meeting(app) else {
        return;
    };
    let Some(meeting) = app.current_meeting() else {
        return;
    };
    if meeting.status != MeetingStatus::Open {
        app.warn(t(app, Msg::StartMeetingFirst));
        return;
    }
    let Some(item) = app.selected_item() else {
        return;
    };
    let id = item.id.clone();
    let started = item.started_at.is_some();
    // Taken up again: it has not ended after all.
    let resumed = item.ended_at.is_some();
    let previous = meeting.current_item.clone().filter(|p| *p != id);
    let now = now(app);
    if let Some(prev) = previous
        && meeting.item(&prev).is_some_and(|p| p.ended_at.is_none())
    {
        commit(
            app,
            fx,
            Change::ItemSet {
                meeting: m.clone(),
                item: prev,
                set: ItemField::EndedAt(Some(now.clone())),
            },
        );
    }
    commit(
        app,
        fx,
        Change::MeetingSet {
            meeting: m.clone(),
            set: MeetingField::CurrentItem(Some(id.clone())),
        },
    );
    if resumed {
        commit(
            app,
            fx,
            Change::ItemSet {
                meeting: m.clone(),
                item: id.clone(),
                set: ItemField::EndedAt(None),
            },
        );
    }
    if !started {
        commit(
            app,
            fx,
            Change::ItemSet {
                meeting: m,
                item: id,
                set: ItemField::StartedAt(Some(now)),
            },
        );
    }
}

/// An input to the selected development area, in the multi-line editor.
fn open_area_input(app: &mut App) {
    let Some(area) = app.selected_area().cloned() else {
        app.warn(t(app, Msg::SelectAnArea));
        return;
    };
    let title = format!("{} – {}. {}", t(app, Msg::Inputs), area.number, area.title);
    let mut text = TextArea::new(vec![String::new()]);
    text.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    app.popups.push(Popup::Editor(Box::new(Editor {
        target: EditorTarget::AreaInput(area.id),
        title,
        area: text,
        original: String::new(),
    })));
}

fn open_editor(app: &mut App, target: impl Fn(Id) -> EditorTarget) {
    if editable_meeting(app).is_none() {
        return;
    }
    let Some(item) = app.selected_item() else {
        app.warn(t(app, Msg::SelectAnItem));
        return;
    };
    let target = target(item.id.clone());
    let own = app.author.party.clone().unwrap_or_default();
    let (label, text) = match &target {
        EditorTarget::Notes(_) => (Msg::Notes, item.notes.clone()),
        EditorTarget::Conclusion(_) => (Msg::Conclusion, item.conclusion.clone()),
        EditorTarget::Background(_) => (Msg::Background, item.background.clone()),
        EditorTarget::Statement(_) => {
            let current = item
                .current_statements()
                .into_iter()
                .find(|s| s.party == own)
                .map(|s| s.text.clone());
            (Msg::Statements, current.unwrap_or_default())
        }
        EditorTarget::Input(_) | EditorTarget::AreaInput(_) => (Msg::Inputs, String::new()),
    };
    let title = format!(
        "{} – {} {}: {}",
        t(app, label),
        t(app, Msg::Item),
        item.number,
        item.title
    );
    let lines: Vec<String> = if text.is_empty() {
        vec![String::new()]
    } else {
        text.lines().map(str::to_string).collect()
    };
    let mut area = TextArea::new(lines);
    area.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    app.popups.push(Popup::Editor(Box::new(Editor {
        target,
        title,
        area,
        original: text,
    })));
}

fn editor(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    let Some(Popup::Editor(ed)) = app.popups.last_mut() else {
        return;
    };
    match action {
        Action::Key(ev) => {
            ed.area.input(ev);
        }
        Action::Save => {
            let (target, text, changed) = (ed.target.clone(), ed.text(), ed.changed());
            app.popups.pop();
            if changed && let Some(m) = app.meeting.clone() {
                let party = app.author.party.clone().unwrap_or_default();
                let (item, set) = match target {
                    EditorTarget::Notes(i) => (i, ItemField::Notes(text)),
                    EditorTarget::Conclusion(i) => (i, ItemField::Conclusion(text)),
                    EditorTarget::Background(i) => (i, ItemField::Background(text)),
                    EditorTarget::Statement(item) => {
                        commit(
                            app,
                            fx,
                            Change::Statement {
                                meeting: m,
                                item,
                                party,
                                text,
                            },
                        );
                        return;
                    }
                    EditorTarget::AreaInput(area) => {
                        let input = crate::model::Input {
                            id: new_id("i"),
                            party,
                            target: crate::model::InputTarget::DevArea(area),
                            text,
                            source: String::new(),
                            at: now(app),
                            by: app.author.name.clone(),
                        };
                        commit(app, fx, Change::AreaInput { input });
                        return;
                    }
                    EditorTarget::Input(item) => {
                        let input = crate::model::Input {
                            id: new_id("i"),
                            party,
                            target: crate::model::InputTarget::Item(item),
                            text,
                            source: String::new(),
                            at: now(app),
                            by: app.author.name.clone(),
                        };
                        commit(app, fx, Change::ItemInput { meeting: m, input });
                        return;
                    }
                };
                commit(
                    app,
                    fx,
                    Change::ItemSet {
                        meeting: m,
                        item,
                        set,
                    },
                );
            }
        }
        Action::Cancel => {
            if ed.changed() {
                let q = t(app, Msg::DiscardChanges).to_string();
                app.popups.push(Popup::Confirm {
                    question: q,
                    on_yes: OnYes::DiscardEdit,
                });
            } else {
                app.popups.pop();
            }
        }
        Action::ForceQuit => quit(app, fx),
        _ => {}
    }
}

fn confirm(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    let Some(Popup::Confirm { on_yes, .. }) = app.popups.last().cloned() else {
        return;
    };
    match action {
        Action::Yes => {
            app.popups.pop();
            match on_yes {
                OnYes::Quit => quit(app, fx),
                OnYes::DiscardEdit => {
                    app.popups.pop();
                }
                OnYes::DeleteItem(id) => {
                    if let Some(m) = editable_meeting(app) {
                        commit(
                            app,
                            fx,
                            Change::ItemDelete {
                                meeting: m,
                                item: id,
                            },
                        );
                    }
                }
                OnYes::DeleteAction(id) => {
                    let meeting = app.meeting.clone();
                    commit(
                        app,
                        fx,
                        Change::ActionSet {
                            id,
                            meeting,
                            set: ActionField::Status(ActionStatus::Dropped),
                        },
                    );
                }
                OnYes::DeleteDocument(id) => {
                    if let Some(m) = editable_meeting(app) {
                        commit(
                            app,
                            fx,
                            Change::DocumentRemove {
                                meeting: m,
                                document: id,
                            },
                        );
                    }
                }
                OnYes::CloseMeeting => set_status(app, MeetingStatus::Closed, fx),
            }
        }
        Action::No => {
            app.popups.pop();
        }
        Action::ForceQuit => quit(app, fx),
        _ => {}
    }
}

fn help(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    let max = app.scroll_limits.1.min(2_000);
    let Some(Popup::Help { scroll }) = app.popups.last_mut() else {
        return;
    };
    match action {
        Action::Down => *scroll = scroll.saturating_add(1).min(max),
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::PageDown => *scroll = scroll.saturating_add(10).min(max),
        Action::PageUp => *scroll = scroll.saturating_sub(10),
        Action::Top => *scroll = 0,
        Action::Bottom => *scroll = max,
        Action::Cancel => {
            app.popups.pop();
        }
        Action::ForceQuit => quit(app, fx),
        _ => {}
    }
}

// ---- the command line and search ----

fn command_line(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    let Some(line) = app.command.as_mut() else {
        return;
    };
    match action {
        Action::Key(ev) => {
            if ev.code == KeyCode::Backspace && line.is_empty() {
                app.command = None;
            } else {
                line.input(ev);
            }
        }
        Action::Open => {
            let text = line.lines().join(" ");
            app.command = None;
            run_command(app, &text, fx);
        }
        Action::Cancel => app.command = None,
        Action::ForceQuit => quit(app, fx),
        _ => {}
    }
}

fn run_command(app: &mut App, line: &str, fx: &mut Vec<Effect>) {
    let line = line.trim().trim_start_matches(':');
    let (cmd, arg) = line
        .split_once(' ')
        .map(|(c, a)| (c, a.trim()))
        .unwrap_or((line, ""));
    match cmd {
        "" => {}
        "new" | "ny" => open_meeting_form(app, false, arg),
        "open" | "åpne" => {
            if arg.is_empty() {
                app.popups.push(Popup::Meetings { selected: 0 });
            } else {
                let known = app.known_meetings();
                let found = crate::model::find_meeting(
                    known.iter().map(|m| (m.id.as_str(), m.starts_at.as_str())),
                    arg,
                );
                match found {
                    Ok(id) => switch_meeting(app, id, fx),
                    Err(e) => app.warn(i18n::lookup_error(app.lang, &e)),
                }
            }
        }
        "start" => set_status(app, MeetingStatus::Open, fx),
        "close" | "avslutt" => {
            if app
                .current_meeting()
                .is_some_and(|m| m.status == MeetingStatus::Open)
            {
                let q = t(app, Msg::ConfirmClose).to_string();
                app.popups.push(Popup::Confirm {
                    question: q,
                    on_yes: OnYes::CloseMeeting,
                });
            } else {
                set_status(app, MeetingStatus::Closed, fx);
            }
        }
        "reopen" | "gjenåpne" => {
            // Closed minutes open again; circulated or approved ones go back to closed
            // for changes (a new approval round follows).
            let to = match app.current_meeting().map(|m| m.status) {
                Some(MeetingStatus::Circulated | MeetingStatus::Approved) => MeetingStatus::Closed,
                _ => MeetingStatus::Open,
            };
            set_status(app, to, fx)
        }
        "circulate" | "sirkuler" | "tilgodkjenning" => super::approval::circulate(app, arg, fx),
        "approve" | "godkjenn" => super::approval::approve(app, fx),
        "changes" | "endringer" => super::approval::request_changes(app, arg, fx),
        "archive" | "arkiv" => super::archive::show(app, fx),
        "party" | "part" => match app.doc.forum.find_party(arg) {
            Ok(p) => {
                super::archive::thread(app, Some(p), None);
                fx.push(Effect::RefreshArchive);
            }
            Err(e) => app.warn(i18n::lookup_error(app.lang, &e)),
        },
        "area" | "område" => match app.doc.forum.find_area(arg) {
            Ok(a) => {
                super::archive::thread(app, None, Some(a));
                fx.push(Effect::RefreshArchive);
            }
            Err(e) => app.warn(i18n::lookup_error(app.lang, &e)),
        },
        "edit" | "rediger" => {
            app.view_only = false;
            app.say(t(app, Msg::EditingAgain));
        }
        "meeting" | "møte" => open_meeting_form(app, true, ""),
        "attendance" | "oppmøte" => update_popup(app, Popup::Attendance { selected: 0 }),
        "documents" | "dokumenter" => update_popup(app, Popup::Documents { selected: 0 }),
        "background" | "bakgrunn" => open_editor(app, EditorTarget::Background),
        "export" | "eksport" => match arg {
            "md" | "markdown" | "" => fx.push(Effect::Export(Format::Md)),
            "json" => fx.push(Effect::Export(Format::Json)),
            "html" => fx.push(Effect::Export(Format::Html)),
            "csv" => fx.push(Effect::Export(Format::Csv)),
            "text" | "txt" | "tekst" => fx.push(Effect::Export(Format::Text)),
            other => {
                let msg = format!(
                    "{}: {other} (md, html, csv, json, text)",
                    t(app, Msg::UnknownFormat)
                );
                app.warn(msg);
            }
        },
        "lang" | "språk" => match Lang::parse(arg) {
            Some(l) => {
                app.lang = l;
                app.say(t(app, Msg::LanguageSet));
            }
            None => app.warn(format!("{}: {arg} (nb, en)", t(app, Msg::UnknownLanguage))),
        },
        "theme" | "tema" => {
            app.theme = match arg {
                "contrast" | "high" | "kontrast" => Theme::HighContrast,
                "none" | "mono" | "ingen" => Theme::NoColor,
                _ => Theme::Default,
            }
        }
        "help" | "hjelp" => app.popups.push(Popup::Help { scroll: 0 }),
        "closevote" | "lukkavstemning" => vote_command(app, None, fx),
        "budget" | "taletid" => match (
            editable_meeting(app),
            app.selected_item().map(|i| i.id.clone()),
        ) {
            (Some(m), Some(item)) => {
                let minutes = arg.trim().parse::<u32>().ok().filter(|n| *n > 0);
                commit(
                    app,
                    fx,
                    Change::ItemSet {
                        meeting: m,
                        item,
                        set: ItemField::PartyBudgetMinutes(minutes),
                    },
                );
            }
            _ => app.warn(t(app, Msg::SelectAnItem)),
        },
        "count" | "telling" => vote_command(app, Some(arg), fx),
        "whoami" | "hvemerjeg" => ask_identity(app),
        "q" | "quit" | "wq" | "x" => update_quit(app, fx),
        "w" => app.say(t(app, Msg::SavedAutomatically)),
        other => {
            let msg = format!(
                "{}: {other}. {}",
                t(app, Msg::UnknownCommand),
                t(app, Msg::CommandHint)
            );
            app.warn(msg);
        }
    }
}

fn update_popup(app: &mut App, p: Popup) {
    if app.current_meeting().is_some() {
        app.popups.push(p);
    } else {
        app.warn(t(app, Msg::NoMeetingOpen));
    }
}

fn update_quit(app: &mut App, fx: &mut Vec<Effect>) {
    normal(app, Action::Quit, fx);
}

/// Show another meeting: at once when it is folded here, else the runtime folds it.
fn switch_meeting(app: &mut App, id: Id, fx: &mut Vec<Effect>) {
    app.view_only = false;
    if app.doc.meeting(&id).is_none() {
        fx.push(Effect::OpenMeeting {
            id,
            item: None,
            view_only: false,
        });
        return;
    }
    select_meeting(app, id);
}

fn select_meeting(app: &mut App, id: Id) {
    app.view_only = false;
    app.meeting = Some(id);
    app.agenda_sel = 0;
    app.action_sel = 0;
    app.detail_scroll = 0;
    app.focus = Pane::Agenda;
}

fn set_status(app: &mut App, to: MeetingStatus, fx: &mut Vec<Effect>) {
    let Some(m) = app.current_meeting() else {
        app.warn(t(app, Msg::NoMeetingOpen));
        return;
    };
    match m.status.transition(to) {
        Ok(_) => {
            let id = m.id.clone();
            if to == MeetingStatus::Closed
                && let Some(cur) = m.current_item.clone()
                && m.item(&cur).is_some_and(|i| i.ended_at.is_none())
            {
                let at = now(app);
                commit(
                    app,
                    fx,
                    Change::ItemSet {
                        meeting: id.clone(),
                        item: cur,
                        set: ItemField::EndedAt(Some(at)),
                    },
                );
            }
            commit(
                app,
                fx,
                Change::MeetingStatus {
                    meeting: id.clone(),
                    to,
                },
            );
            let mut msg = format!(
                "{}: {}",
                t(app, Msg::StatusNow),
                i18n::meeting_status(app.lang, to)
            );
            if to == MeetingStatus::Closed && !app.data_dir.is_empty() {
                let path = std::path::Path::new(&app.data_dir)
                    .join("minutes")
                    .join(format!("{id}.json"));
                msg.push_str(&format!(". {}: {}", t(app, Msg::Minutes), path.display()));
            }
            app.say(msg);
        }
        Err(e) => {
            let msg = format!(
                "{} {} → {}",
                t(app, Msg::CannotChangeStatus),
                i18n::meeting_status(app.lang, e.from),
                i18n::meeting_status(app.lang, e.to)
            );
            app.warn(msg);
        }
    }
}

fn search_line(app: &mut App, action: Action) {
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

fn search_step(app: &mut App, forward: bool) {
    if app.last_search.is_empty() {
        app.warn(t(app, Msg::NoSearchYet));
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
            let msg = format!("{} «{}»", t(app, Msg::NotFound), app.last_search);
            app.warn(msg);
        }
    }
}

// ---- list popups ----

fn list_popup(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    let asking_identity = matches!(app.popups.last(), Some(Popup::Identity { .. }));
    let len = match app.popups.last() {
        Some(Popup::Meetings { .. }) => app.known_meetings().len(),
        Some(Popup::Attendance { .. } | Popup::Identity { .. }) => app.doc.forum.people.len(),
        Some(Popup::Documents { .. }) => app
            .current_meeting()
            .map(|m| m.documents.len())
            .unwrap_or(0),
        _ => 0,
    };
    let Some(
        Popup::Meetings { selected }
        | Popup::Attendance { selected }
        | Popup::Documents { selected }
        | Popup::Identity { selected },
    ) = app.popups.last_mut()
    else {
        return;
    };
    let max = len.saturating_sub(1);
    match action {
        Action::Down => *selected = (*selected + 1).min(max),
        Action::Up => *selected = selected.saturating_sub(1),
        Action::PageDown => *selected = (*selected + 10).min(max),
        Action::PageUp => *selected = selected.saturating_sub(10),
        Action::Top => *selected = 0,
        Action::Bottom => *selected = max,
        // Who you are must be answered; Esc does not skip it.
        Action::Cancel if asking_identity => {}
        Action::Cancel => {
            app.popups.pop();
        }
        Action::ForceQuit => quit(app, fx),
        other => {
            let sel = *selected;
            match app.popups.last() {
                Some(Popup::Identity { .. }) => identity_popup(app, other, sel, fx),
                Some(Popup::Meetings { .. }) => meetings_popup(app, other, sel, fx),
                Some(Popup::Attendance { .. }) => attendance_popup(app, other, sel, fx),
                Some(Popup::Documents { .. }) => documents_popup(app, other, sel),
                _ => {}
            }
        }
    }
}

fn meetings_popup(app: &mut App, action: Action, sel: usize, fx: &mut Vec<Effect>) {
    match action {
        Action::Open => {
            if let Some(id) = app.known_meetings().get(sel).map(|m| m.id.clone()) {
                app.popups.pop();
                switch_meeting(app, id, fx);
            }
        }
        Action::Add => {
            app.popups.pop();
            open_meeting_form(app, false, "");
        }
        _ => {}
    }
}

fn attendance_popup(app: &mut App, action: Action, sel: usize, fx: &mut Vec<Effect>) {
    match action {
        Action::Open => {
            let Some(m) = editable_meeting(app) else {
                return;
            };
            let Some(person) = app.doc.forum.people.get(sel).map(|p| p.id.clone()) else {
                return;
            };
            let current = app
                .current_meeting()
                .and_then(|mt| mt.attendance.iter().find(|a| a.person == person))
                .map(|a| a.presence);
            let next = match current {
                None | Some(Presence::Substitute) => Presence::Present,
                Some(Presence::Present) => Presence::Absent,
                Some(Presence::Absent) => Presence::Substitute,
            };
            commit(
                app,
                fx,
                Change::Attend {
                    meeting: m,
                    person,
                    presence: next,
                    for_person: None,
                },
            );
        }
        Action::Add => open_person_form(app, false),
        _ => {}
    }
}

fn documents_popup(app: &mut App, action: Action, sel: usize) {
    match action {
        Action::Add => {
            if editable_meeting(app).is_none() {
                return;
            }
            let today = i18n::short_date(app.lang, app.now.date_naive());
            let fields = vec![
                Field::text(Msg::FieldTitle, ""),
                Field::text(Msg::FieldSentOn, &today),
                Field::text(Msg::FieldReference, ""),
            ];
            let title = t(app, Msg::NewDocument).to_string();
            app.popups
                .push(Popup::Form(Form::new(FormKind::NewDocument, title, fields)));
        }
        Action::Delete => {
            if let Some(d) = app.current_meeting().and_then(|m| m.documents.get(sel)) {
                let q = format!("{} «{}»?", t(app, Msg::ConfirmDeleteDocument), d.title);
                let on_yes = OnYes::DeleteDocument(d.id.clone());
                app.popups.push(Popup::Confirm {
                    question: q,
                    on_yes,
                });
            }
        }
        _ => {}
    }
}

// ---- forms ----

fn kind_options(lang: Lang) -> Vec<String> {
    ItemKind::ALL
        .iter()
        .map(|k| i18n::item_kind(lang, *k).to_string())
        .collect()
}

fn area_options(app: &App, chosen: &[Id]) -> Vec<(Id, String, bool)> {
    let mut areas = app.doc.forum.dev_areas.clone();
    areas.sort_by_key(|a| a.number);
    areas
        .into_iter()
        .map(|a| (a.id.clone(), a.number.to_string(), chosen.contains(&a.id)))
        .collect()
}

fn open_item_form(app: &mut App, id: Option<Id>) {
    if editable_meeting(app).is_none() {
        return;
    }
    let item = id
        .as_deref()
        .and_then(|i| app.items().iter().find(|x| x.id == i))
        .cloned();
    let kind_idx = item
        .as_ref()
        .and_then(|i| ItemKind::ALL.iter().position(|k| *k == i.kind))
        .unwrap_or(1);
    let areas = item.as_ref().map(|i| i.areas.clone()).unwrap_or_default();
    let demanded = item
        .as_ref()
        .and_then(|i| i.demanded_on)
        .map(|d| i18n::short_date(app.lang, d))
        .unwrap_or_default();
    let fields = vec![
        Field::text(
            Msg::FieldTitle,
            item.as_ref().map(|i| i.title.as_str()).unwrap_or(""),
        ),
        Field::choice(Msg::Kind, kind_options(app.lang), kind_idx),
        Field::text(
            Msg::Presenter,
            item.as_ref().map(|i| i.presenter.as_str()).unwrap_or(""),
        ),
        Field::text(
            Msg::FieldPlannedMinutes,
            &item
                .as_ref()
                .map(|i| i.planned_minutes.to_string())
                .unwrap_or_else(|| "15".into()),
        ),
        Field::multi(Msg::DevAreas, area_options(app, &areas)),
        Field::toggle(
            Msg::Confidential,
            item.as_ref().is_some_and(|i| i.confidential),
        ),
        Field::text(Msg::FieldDemandedOn, &demanded),
    ];
    let (kind, title) = match id {
        Some(id) => (FormKind::EditItem(id), t(app, Msg::EditItem).to_string()),
        None => (FormKind::NewItem, t(app, Msg::NewItem).to_string()),
    };
    app.popups.push(Popup::Form(Form::new(kind, title, fields)));
}

fn owner_options(app: &App) -> (Vec<Owner>, Vec<String>) {
    let f = &app.doc.forum;
    let mut owners = vec![Owner::Nobody];
    let mut labels = vec![t(app, Msg::Nobody).to_string()];
    for p in &f.parties {
        owners.push(Owner::Party(p.id.clone()));
        labels.push(p.short.clone());
    }
    for p in &f.people {
        owners.push(Owner::Person(p.id.clone()));
        labels.push(p.name.clone());
    }
    (owners, labels)
}

fn open_action_form(app: &mut App, id: Option<Id>, item: Option<Id>) {
    let action = id.as_deref().and_then(|i| app.doc.action(i)).cloned();
    let (owners, labels) = owner_options(app);
    let owner_idx = action
        .as_ref()
        .and_then(|a| owners.iter().position(|o| *o == a.owner))
        .unwrap_or(0);
    let status_labels: Vec<String> = ActionStatus::ALL
        .iter()
        .map(|s| i18n::action_status(app.lang, *s).to_string())
        .collect();
    let status_idx = action
        .as_ref()
        .and_then(|a| ActionStatus::ALL.iter().position(|s| *s == a.status))
        .unwrap_or(1);
    let item_areas = item
        .as_deref()
        .and_then(|i| app.items().iter().find(|x| x.id == i))
        .map(|i| i.areas.clone());
    let areas = action
        .as_ref()
        .map(|a| a.areas.clone())
        .or(item_areas)
        .unwrap_or_default();
    let due = action
        .as_ref()
        .and_then(|a| a.due)
        .map(|d| i18n::short_date(app.lang, d))
        .unwrap_or_default();
    let fields = vec![
        Field::text(
            Msg::FieldTitle,
            action.as_ref().map(|a| a.title.as_str()).unwrap_or(""),
        ),
        Field::choice(Msg::Owner, labels, owner_idx),
        Field::text(Msg::FieldDue, &due),
        Field::choice(Msg::Status, status_labels, status_idx),
        Field::multi(Msg::DevAreas, area_options(app, &areas)),
    ];
    let (kind, title) = match id {
        Some(id) => (
            FormKind::EditAction(id),
            t(app, Msg::EditAction).to_string(),
        ),
        None => {
            let title = match item
                .as_deref()
                .and_then(|i| app.items().iter().find(|x| x.id == i))
            {
                Some(it) => format!(
                    "{} ({} {})",
                    t(app, Msg::NewAction),
                    t(app, Msg::FromItem),
                    it.number
                ),
                None => t(app, Msg::NewAction).to_string(),
            };
            (FormKind::NewAction { item }, title)
        }
    };
    app.popups.push(Popup::Form(Form::new(kind, title, fields)));
}

fn goal_options(app: &App) -> (Vec<Option<Id>>, Vec<String>) {
    let mut ids = vec![None];
    let mut labels = vec!["–".to_string()];
    for g in &app.doc.forum.goal_areas {
        ids.push(Some(g.id.clone()));
        labels.push(format!("{} {}", t(app, Msg::GoalArea), g.number));
    }
    (ids, labels)
}

fn open_area_form(app: &mut App, id: Option<Id>) {
    let area = id
        .as_deref()
        .and_then(|i| app.doc.forum.dev_area(i))
        .cloned();
    let (goals, labels) = goal_options(app);
    let goal_idx = area
        .as_ref()
        .and_then(|a| goals.iter().position(|g| *g == a.goal_area))
        .unwrap_or(1.min(goals.len() - 1));
    let fields = vec![
        Field::text(
            Msg::FieldTitle,
            area.as_ref().map(|a| a.title.as_str()).unwrap_or(""),
        ),
        Field::choice(Msg::GoalArea, labels, goal_idx),
    ];
    let (kind, title) = match id {
        Some(id) => (FormKind::EditArea(id), t(app, Msg::EditArea).to_string()),
        None => (FormKind::NewArea, t(app, Msg::NewArea).to_string()),
    };
    app.popups.push(Popup::Form(Form::new(kind, title, fields)));
}

fn open_area_status_form(app: &mut App, id: Id) {
    let Some(area) = app.doc.forum.dev_area(&id).cloned() else {
        return;
    };
    let labels: Vec<String> = [
        DevAreaStatus::NotStarted,
        DevAreaStatus::UnderWay,
        DevAreaStatus::Achieved,
    ]
    .iter()
    .map(|s| i18n::dev_area_status(app.lang, *s).to_string())
    .collect();
    let idx = match area.status {
        DevAreaStatus::NotStarted => 0,
        DevAreaStatus::UnderWay => 1,
        DevAreaStatus::Achieved => 2,
    };
    let fields = vec![
        Field::choice(Msg::Status, labels, idx),
        Field::text(Msg::FieldStatusNote, &area.status_note),
    ];
    let title = format!(
        "{}: {}. {}",
        t(app, Msg::AreaStatus),
        area.number,
        area.title
    );
    app.popups.push(Popup::Form(Form::new(
        FormKind::AreaStatus(id),
        title,
        fields,
    )));
}

fn open_meeting_form(app: &mut App, edit: bool, title_arg: &str) {
    let m = if edit {
        app.current_meeting().cloned()
    } else {
        None
    };
    if edit && m.is_none() {
        app.warn(t(app, Msg::NoMeetingOpen));
        return;
    }
    let (date, time) = match &m {
        Some(m) => match chrono::DateTime::parse_from_rfc3339(&m.starts_at) {
            Ok(dt) => (
                i18n::short_date(app.lang, dt.date_naive()),
                dt.format("%H:%M").to_string(),
            ),
            Err(_) => (m.date().to_string(), "10:00".into()),
        },
        None => (
            i18n::short_date(app.lang, app.now.date_naive() + chrono::Days::new(7)),
            "10:00".into(),
        ),
    };
    let people: Vec<String> = std::iter::once("–".to_string())
        .chain(app.doc.forum.people.iter().map(|p| p.name.clone()))
        .collect();
    let person_idx = |id: Option<&Id>| {
        id.and_then(|i| app.doc.forum.people.iter().position(|p| &p.id == i))
            .map(|i| i + 1)
            .unwrap_or(0)
    };
    let chair = m
        .as_ref()
        .map(|m| person_idx(m.chair.as_ref()))
        .unwrap_or_else(|| person_idx(app.author.person.as_ref()));
    let referent = m
        .as_ref()
        .map(|m| person_idx(m.referent.as_ref()))
        .unwrap_or(0);
    let default_title = if title_arg.is_empty() {
        t(app, Msg::DefaultMeetingTitle).to_string()
    } else {
        title_arg.to_string()
    };
    let fields = vec![
        Field::text(
            Msg::FieldTitle,
            m.as_ref()
                .map(|m| m.title.as_str())
                .unwrap_or(&default_title),
        ),
        Field::text(Msg::Date, &date),
        Field::text(Msg::FieldTime, &time),
        Field::text(
            Msg::Place,
            m.as_ref().map(|m| m.place.as_str()).unwrap_or(""),
        ),
        Field::choice(Msg::Chair, people.clone(), chair),
        Field::choice(Msg::Referent, people, referent),
    ];
    let (kind, title) = if edit {
        (FormKind::EditMeeting, t(app, Msg::EditMeeting))
    } else {
        (FormKind::NewMeeting, t(app, Msg::NewMeeting))
    };
    app.popups
        .push(Popup::Form(Form::new(kind, title.to_string(), fields)));
}

fn form(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    let Some(Popup::Form(f)) = app.popups.last_mut() else {
        return;
    };
    match action {
        Action::Down => f.next(),
        Action::Up => f.prev(),
        Action::Key(ev) => f.key(ev),
        Action::Cancel => {
            app.popups.pop();
        }
        Action::Save if f.kind == FormKind::ArchiveFilter => {
            let f = f.clone();
            match super::archive::filter_from_form(app, &f) {
                Ok(filter) => {
                    app.popups.pop();
                    super::archive::apply_filter(app, filter);
                }
                Err(msg) => {
                    if let Some(Popup::Form(open)) = app.popups.last_mut() {
                        open.error = Some(msg);
                    }
                }
            }
        }
        Action::Save if app.read_only.is_some() => {
            let why = format!(
                "{}: {}",
                t(app, Msg::ReadOnly),
                app.read_only.clone().unwrap_or_default()
            );
            if let Some(Popup::Form(open)) = app.popups.last_mut() {
                open.error = Some(why);
            }
            app.warn(t(app, Msg::ReadOnly));
        }
        Action::Save => {
            let f = f.clone();
            match submit(app, &f) {
                Ok(changes) => {
                    app.popups.pop();
                    for c in changes {
                        commit(app, fx, c);
                    }
                    if let (FormKind::NewPerson { me: true }, Some(person)) =
                        (&f.kind, app.author.person.clone())
                    {
                        fx.push(Effect::SaveIdentity(person));
                    }
                }
                Err(msg) => {
                    if let Some(Popup::Form(open)) = app.popups.last_mut() {
                        open.error = Some(msg);
                    }
                }
            }
        }
        Action::ForceQuit => quit(app, fx),
        _ => {}
    }
}

/// Turn a filled-in form into changes, or say what is wrong with it.
fn submit(app: &mut App, f: &Form) -> Result<Vec<Change>, String> {
    let lang = app.lang;
    let need_title = |s: String| {
        if s.is_empty() {
            Err(lang.t(Msg::TitleRequired).to_string())
        } else {
            Ok(s)
        }
    };
    match &f.kind {
        // Handled before: it changes the view, not the data.
        FormKind::ArchiveFilter => Ok(Vec::new()),
        FormKind::NewItem | FormKind::EditItem(_) => {
            let meeting =
                editable_meeting(app).ok_or_else(|| t(app, Msg::NoMeetingOpen).to_string())?;
            let title = need_title(f.text(0))?;
            let kind = ItemKind::ALL[f.choice(1).min(3)];
            let minutes_text = f.text(3);
            let planned: u32 = if minutes_text.is_empty() {
                0
            } else {
                minutes_text
                    .parse()
                    .map_err(|_| t(app, Msg::MinutesMustBeNumber).to_string())?
            };
            let demanded = parse_date(&f.text(6)).map_err(|e| date_error(lang, e))?;
            let sets = vec![
                ItemField::Kind(kind),
                ItemField::Presenter(f.text(2)),
                ItemField::PlannedMinutes(planned),
                ItemField::Areas(f.multi(4)),
                ItemField::Confidential(f.toggle(5)),
                ItemField::DemandedOn(demanded),
            ];
            let mut out = Vec::new();
            let item = match &f.kind {
                FormKind::EditItem(id) => {
                    let old = app
                        .items()
                        .iter()
                        .find(|i| &i.id == id)
                        .cloned()
                        .ok_or_else(|| t(app, Msg::SelectAnItem).to_string())?;
                    if old.title != title {
                        out.push(Change::ItemSet {
                            meeting: meeting.clone(),
                            item: id.clone(),
                            set: ItemField::Title(title),
                        });
                    }
                    let differs = |s: &ItemField| match s {
                        ItemField::Kind(v) => *v != old.kind,
                        ItemField::Presenter(v) => *v != old.presenter,
                        ItemField::PlannedMinutes(v) => *v != old.planned_minutes,
                        ItemField::Areas(v) => *v != old.areas,
                        ItemField::Confidential(v) => *v != old.confidential,
                        ItemField::DemandedOn(v) => *v != old.demanded_on,
                        _ => true,
                    };
                    for s in sets.into_iter().filter(differs) {
                        out.push(Change::ItemSet {
                            meeting: meeting.clone(),
                            item: id.clone(),
                            set: s,
                        });
                    }
                    return Ok(out);
                }
                _ => new_id("s"),
            };
            let m = app
                .current_meeting()
                .ok_or_else(|| t(app, Msg::NoMeetingOpen).to_string())?;
            let year = m.year();
            let used = app.used_item_numbers();
            let number = next_item_number(&used, year);
            // A new item goes right after the selected one (the chair's place in the agenda).
            let sel = app.agenda_sel.min(m.items.len().saturating_sub(1));
            let rank = match (m.items.get(sel), m.items.get(sel + 1)) {
                (Some(a), Some(b)) if b.rank - a.rank > 1 => a.rank + (b.rank - a.rank) / 2,
                (Some(a), Some(_)) => {
                    // No room left between the two: move the rest of the agenda down.
                    for (k, later) in m.items[sel + 1..].iter().enumerate() {
                        let set = ItemField::Rank(a.rank + 2048 * (k as i64 + 2));
                        out.push(Change::ItemSet {
                            meeting: meeting.clone(),
                            item: later.id.clone(),
                            set,
                        });
                    }
                    a.rank + 2048
                }
                (Some(a), None) => a.rank + 1024,
                (None, _) => 1024,
            };
            out.push(Change::ItemAdd {
                meeting: meeting.clone(),
                item: item.clone(),
                number,
                title,
                kind,
                rank,
            });
            for s in sets {
                out.push(Change::ItemSet {
                    meeting: meeting.clone(),
                    item: item.clone(),
                    set: s,
                });
            }
            app.select_after_apply = Some((Pane::Agenda, item));
            app.focus = Pane::Agenda;
            Ok(out)
        }
        FormKind::NewAction { item } => {
            let title = need_title(f.text(0))?;
            let (owners, _) = owner_options(app);
            let due = parse_date(&f.text(2)).map_err(|e| date_error(lang, e))?;
            let status = ActionStatus::ALL[f.choice(3).min(4)];
            let proposed_by = if status == ActionStatus::Proposed {
                app.author.party.clone()
            } else {
                None
            };
            let id = new_id("t");
            // Select the new action once it is applied, so the chair sees it.
            app.select_after_apply = Some((Pane::Actions, id.clone()));
            Ok(vec![Change::ActionAdd {
                id,
                title,
                owner: owners.get(f.choice(1)).cloned().unwrap_or(Owner::Nobody),
                due,
                status,
                meeting: app.meeting.clone(),
                item: item.clone(),
                areas: f.multi(4),
                proposed_by,
            }])
        }
        FormKind::EditAction(id) => {
            let old = app
                .doc
                .action(id)
                .cloned()
                .ok_or_else(|| t(app, Msg::SelectAnAction).to_string())?;
            let title = need_title(f.text(0))?;
            let (owners, _) = owner_options(app);
            let due = parse_date(&f.text(2)).map_err(|e| date_error(lang, e))?;
            let owner = owners.get(f.choice(1)).cloned().unwrap_or(Owner::Nobody);
            let status = ActionStatus::ALL[f.choice(3).min(4)];
            let areas = f.multi(4);
            let mut sets = Vec::new();
            if title != old.title {
                sets.push(ActionField::Title(title));
            }
            if owner != old.owner {
                sets.push(ActionField::Owner(owner));
            }
            if due != old.due {
                sets.push(ActionField::Due(due));
            }
            if status != old.status {
                sets.push(ActionField::Status(status));
            }
            if areas != old.areas {
                sets.push(ActionField::Areas(areas));
            }
            Ok(sets
                .into_iter()
                .map(|set| Change::ActionSet {
                    id: id.clone(),
                    meeting: app.meeting.clone(),
                    set,
                })
                .collect())
        }
        FormKind::NewArea | FormKind::EditArea(_) => {
            let title = need_title(f.text(0))?;
            let (goals, _) = goal_options(app);
            let goal_area = goals.get(f.choice(1)).cloned().flatten();
            let area = match &f.kind {
                FormKind::EditArea(id) => {
                    let old = app
                        .doc
                        .forum
                        .dev_area(id)
                        .cloned()
                        .ok_or_else(|| t(app, Msg::SelectAnArea).to_string())?;
                    DevArea {
                        title,
                        goal_area,
                        ..old
                    }
                }
                _ => {
                    let number = app
                        .doc
                        .forum
                        .dev_areas
                        .iter()
                        .map(|a| a.number)
                        .max()
                        .unwrap_or(0)
                        + 1;
                    DevArea {
                        id: new_id("uo"),
                        number,
                        title,
                        goal_area,
                        status: DevAreaStatus::NotStarted,
                        status_note: String::new(),
                        history: Vec::new(),
                    }
                }
            };
            Ok(vec![Change::DevAreaPut { area }])
        }
        FormKind::AreaStatus(id) => {
            let status = [
                DevAreaStatus::NotStarted,
                DevAreaStatus::UnderWay,
                DevAreaStatus::Achieved,
            ][f.choice(0).min(2)];
            Ok(vec![Change::DevAreaStatus {
                area: id.clone(),
                status,
                note: f.text(1),
                meeting: app.meeting.clone(),
            }])
        }
        FormKind::NewDocument => {
            let meeting =
                editable_meeting(app).ok_or_else(|| t(app, Msg::NoMeetingOpen).to_string())?;
            let title = need_title(f.text(0))?;
            let sent_on = parse_date(&f.text(1)).map_err(|e| date_error(lang, e))?;
            Ok(vec![Change::DocumentPut {
                meeting,
                document: Document {
                    id: new_id("d"),
                    title,
                    sent_on,
                    reference: f.text(2),
                },
            }])
        }
        FormKind::NewPerson { me } => {
            let name = f.text(0);
            if name.is_empty() {
                return Err(t(app, Msg::NameRequired).to_string());
            }
            let party = app.doc.forum.parties.get(f.choice(1)).map(|p| p.id.clone());
            let id = new_id("p");
            if *me {
                become_person(app, &id, &name, party.clone());
                app.popups.retain(|p| !matches!(p, Popup::Identity { .. }));
            }
            Ok(vec![Change::PersonPut {
                person: Person {
                    id,
                    name,
                    party,
                    role: f.text(2),
                },
            }])
        }
        FormKind::Position(item) => {
            let meeting =
                editable_meeting(app).ok_or_else(|| t(app, Msg::NoMeetingOpen).to_string())?;
            let party = app
                .doc
                .forum
                .parties
                .get(f.choice(0))
                .map(|p| p.id.clone())
                .ok_or_else(|| t(app, Msg::FieldParty).to_string())?;
            let stance = Stance::ALL[f.choice(1).min(3)];
            Ok(vec![Change::Position {
                meeting,
                item: item.clone(),
                party,
                stance,
                reason: f.text(2),
            }])
        }
        FormKind::OpenVote(item) => {
            let meeting =
                editable_meeting(app).ok_or_else(|| t(app, Msg::NoMeetingOpen).to_string())?;
            let question = f.text(0);
            if question.is_empty() {
                return Err(t(app, Msg::QuestionRequired).to_string());
            }
            let method = VoteMethod::ALL[f.choice(1).min(2)];
            let rule = VoteRule::ALL[f.choice(2).min(3)];
            let options = VoteOption::defaults([
                t(app, Msg::VoteFor),
                t(app, Msg::VoteAgainst),
                t(app, Msg::VoteAbstain),
            ]);
            Ok(vec![Change::VoteOpen {
                meeting,
                item: item.clone(),
                vote: new_id("v"),
                question,
                options,
                method,
                rule,
            }])
        }
        FormKind::CastVote { item, vote } => {
            let meeting =
                editable_meeting(app).ok_or_else(|| t(app, Msg::NoMeetingOpen).to_string())?;
            let v = app
                .items()
                .iter()
                .find(|i| &i.id == item)
                .and_then(|i| i.votes.iter().find(|x| &x.id == vote))
                .cloned();
            let v = v.ok_or_else(|| t(app, Msg::NoOpenVote).to_string())?;
            let voter = match v.method {
                VoteMethod::PerPerson => app.author.person.clone(),
                _ => app.author.party.clone(),
            }
            .ok_or_else(|| t(app, Msg::NoPartyForStatement).to_string())?;
            let choice = f.choice(0);
            let option = if choice < v.options.len() {
                Some(choice)
            } else {
                None
            };
            Ok(vec![Change::VoteCast {
                meeting,
                item: item.clone(),
                vote: vote.clone(),
                voter,
                option,
            }])
        }
        FormKind::NewMeeting | FormKind::EditMeeting => {
            let title = need_title(f.text(0))?;
            let date = parse_date(&f.text(1))
                .map_err(|e| date_error(lang, e))?
                .ok_or_else(|| date_error(lang, DateError::Format))?;
            let time = chrono::NaiveTime::parse_from_str(f.text(2).trim(), "%H:%M")
                .or_else(|_| chrono::NaiveTime::parse_from_str(f.text(2).trim(), "%H.%M"))
                .map_err(|_| t(app, Msg::TimeFormat).to_string())?;
            let offset = *app.now.offset();
            let starts_at = date
                .and_time(time)
                .and_local_timezone(offset)
                .single()
                .map(|dt| dt.to_rfc3339_opts(chrono::SecondsFormat::Secs, false))
                .ok_or_else(|| t(app, Msg::TimeFormat).to_string())?;
            let person = |i: usize| {
                if i == 0 {
                    None
                } else {
                    app.doc.forum.people.get(i - 1).map(|p| p.id.clone())
                }
            };
            let (chair, referent, place) = (person(f.choice(4)), person(f.choice(5)), f.text(3));
            if let FormKind::EditMeeting = f.kind {
                let Some(m) = app.current_meeting().cloned() else {
                    return Err(t(app, Msg::NoMeetingOpen).to_string());
                };
                if m.status.is_read_only() {
                    return Err(t(app, Msg::MeetingLocked).to_string());
                }
                let id = m.id.clone();
                let mut sets = Vec::new();
                if title != m.title {
                    sets.push(MeetingField::Title(title));
                }
                if starts_at != m.starts_at {
                    sets.push(MeetingField::StartsAt(starts_at));
                }
                if place != m.place {
                    sets.push(MeetingField::Place(place));
                }
                if chair != m.chair {
                    sets.push(MeetingField::Chair(chair));
                }
                if referent != m.referent {
                    sets.push(MeetingField::Referent(referent));
                }
                return Ok(sets
                    .into_iter()
                    .map(|set| Change::MeetingSet {
                        meeting: id.clone(),
                        set,
                    })
                    .collect());
            }
            let id = format!("m-{date}-{}", crate::store::ids::random_hex(6));
            let mut out = vec![
                Change::MeetingCreate {
                    meeting: id.clone(),
                    title,
                    starts_at,
                },
                Change::MeetingSet {
                    meeting: id.clone(),
                    set: MeetingField::Place(place),
                },
                Change::MeetingSet {
                    meeting: id.clone(),
                    set: MeetingField::Chair(chair),
                },
                Change::MeetingSet {
                    meeting: id.clone(),
                    set: MeetingField::Referent(referent),
                },
            ];
            out.extend(standing_items(app, &id, date));
            // Its ops are applied as they are committed, right after this.
            select_meeting(app, id);
            Ok(out)
        }
    }
}

/// Take on a person's identity: their name and party sign every op from now on.
fn become_person(app: &mut App, id: &str, name: &str, party: Option<Id>) {
    app.author = crate::model::Author {
        name: name.to_string(),
        person: Some(id.to_string()),
        party,
    };
}

fn identity_popup(app: &mut App, action: Action, sel: usize, fx: &mut Vec<Effect>) {
    match action {
        Action::Open => {
            let Some(p) = app.doc.forum.people.get(sel).cloned() else {
                return;
            };
            become_person(app, &p.id, &p.name, p.party.clone());
            app.popups.pop();
            fx.push(Effect::SaveIdentity(p.id));
            let msg = format!("{}: {}", t(app, Msg::You), p.name);
            app.say(msg);
        }
        Action::Add => open_person_form(app, true),
        _ => {}
    }
}

/// A new person of the forum; `me` when it is the user saying who they are.
fn open_person_form(app: &mut App, me: bool) {
    let parties: Vec<String> = app
        .doc
        .forum
        .parties
        .iter()
        .map(|p| p.short.clone())
        .collect();
    let fields = vec![
        Field::text(Msg::FieldName, ""),
        Field::choice(Msg::FieldParty, parties, 1),
        Field::text(Msg::FieldRole, ""),
    ];
    let title = t(app, Msg::NewPerson).to_string();
    app.popups.push(Popup::Form(Form::new(
        FormKind::NewPerson { me },
        title,
        fields,
    )));
}

/// Ask who the user is (first start, when neither --as nor the config says).
pub fn ask_identity(app: &mut App) {
    app.popups.push(Popup::Identity { selected: 0 });
}

fn open_position_form(app: &mut App) {
    let Some((_, item)) = editable_item(app) else {
        return;
    };
    let parties = &app.doc.forum.parties;
    let own = app
        .author
        .party
        .as_deref()
        .and_then(|p| parties.iter().position(|x| x.id == p));
    let first_union = parties
        .iter()
        .position(|p| p.side != crate::model::Side::Employer)
        .unwrap_or(0);
    let party_idx = own
        .filter(|i| parties[*i].side != crate::model::Side::Employer)
        .unwrap_or(first_union);
    let labels: Vec<String> = parties.iter().map(|p| p.short.clone()).collect();
    let current = item
        .current_positions()
        .into_iter()
        .find(|p| Some(&p.party) == parties.get(party_idx).map(|x| &x.id))
        .cloned();
    let stance_idx = current
        .as_ref()
        .and_then(|c| Stance::ALL.iter().position(|s| *s == c.stance))
        .unwrap_or(0);
    let stances: Vec<String> = Stance::ALL
        .iter()
        .map(|s| i18n::stance(app.lang, *s).to_string())
        .collect();
    let fields = vec![
        Field::choice(Msg::FieldParty, labels, party_idx),
        Field::choice(Msg::FieldStance, stances, stance_idx),
        Field::text(
            Msg::FieldReason,
            current.as_ref().map(|c| c.reason.as_str()).unwrap_or(""),
        ),
    ];
    let title = format!(
        "{} – {} {}",
        t(app, Msg::Positions),
        t(app, Msg::Item),
        item.number
    );
    app.popups.push(Popup::Form(Form::new(
        FormKind::Position(item.id.clone()),
        title,
        fields,
    )));
}

fn open_vote_form(app: &mut App) {
    let Some((_, item)) = editable_item(app) else {
        return;
    };
    let methods: Vec<String> = VoteMethod::ALL
        .iter()
        .map(|m| i18n::vote_method(app.lang, *m).to_string())
        .collect();
    let rules: Vec<String> = VoteRule::ALL
        .iter()
        .map(|r| i18n::vote_rule(app.lang, *r).to_string())
        .collect();
    let fields = vec![
        Field::text(Msg::FieldQuestion, &item.title),
        Field::choice(Msg::FieldMethod, methods, 0),
        Field::choice(Msg::FieldRule, rules, 0),
    ];
    let title = format!(
        "{} – {} {}",
        t(app, Msg::NewVote),
        t(app, Msg::Item),
        item.number
    );
    app.popups.push(Popup::Form(Form::new(
        FormKind::OpenVote(item.id.clone()),
        title,
        fields,
    )));
}

fn open_ballot_form(app: &mut App) {
    let Some((_, item)) = editable_item(app) else {
        return;
    };
    let Some(vote) = item.votes.iter().rev().find(|v| v.open).cloned() else {
        app.warn(t(app, Msg::NoOpenVote));
        return;
    };
    let mut options: Vec<String> = vote.options.iter().map(|o| o.label.clone()).collect();
    options.push(t(app, Msg::VoteBlank).to_string());
    let fields = vec![Field::choice(Msg::FieldBallot, options, 0)];
    let title = format!("{}: {}", t(app, Msg::Vote), vote.question);
    app.popups.push(Popup::Form(Form::new(
        FormKind::CastVote {
            item: item.id.clone(),
            vote: vote.id.clone(),
        },
        title,
        fields,
    )));
}

/// Ask for the floor on the selected item; asked already, take it back.
fn request_floor(app: &mut App, fx: &mut Vec<Effect>) {
    let Some((m, item)) = editable_item(app) else {
        return;
    };
    let me = app.author.name.clone();
    match item.speakers.iter().find(|s| s.name == me && s.waiting()) {
        Some(s) => {
            let speaker = s.id.clone();
            commit(
                app,
                fx,
                Change::SpeakerWithdraw {
                    meeting: m,
                    item: item.id,
                    speaker,
                },
            );
            app.say(t(app, Msg::FloorWithdrawn));
        }
        None => {
            commit(
                app,
                fx,
                Change::SpeakerRequest {
                    meeting: m,
                    item: item.id,
                    speaker: new_id("tl"),
                },
            );
            app.say(t(app, Msg::FloorRequested));
        }
    }
}

/// The chair gives the floor to the first one waiting; with nobody waiting, ends the one
/// speaking.
fn next_speaker(app: &mut App, fx: &mut Vec<Effect>) {
    let Some((m, item)) = editable_item(app) else {
        return;
    };
    if let Some(next) = item.speakers.iter().find(|s| s.waiting()) {
        let msg = format!("{}: {}", t(app, Msg::FloorTo), next.name);
        commit(
            app,
            fx,
            Change::SpeakerStart {
                meeting: m,
                item: item.id.clone(),
                speaker: next.id.clone(),
            },
        );
        app.say(msg);
    } else if let Some(cur) = item.speakers.iter().find(|s| s.speaking()) {
        commit(
            app,
            fx,
            Change::SpeakerEnd {
                meeting: m,
                item: item.id.clone(),
                speaker: cur.id.clone(),
            },
        );
    } else {
        app.warn(t(app, Msg::NobodyWaiting));
    }
}

/// Close the selected item's open vote, or enter the chair's counts: `:closevote`,
/// `:count 5 2 1 0` (one number per option, then blank votes).
fn vote_command(app: &mut App, counts: Option<&str>, fx: &mut Vec<Effect>) {
    let Some((m, item)) = editable_item(app) else {
        return;
    };
    let Some(vote) = item.votes.iter().rev().find(|v| v.open).cloned() else {
        app.warn(t(app, Msg::NoOpenVote));
        return;
    };
    match counts {
        None => commit(
            app,
            fx,
            Change::VoteClose {
                meeting: m,
                item: item.id,
                vote: vote.id,
            },
        ),
        Some(text) => {
            let numbers: Result<Vec<u32>, _> = text.split_whitespace().map(str::parse).collect();
            match numbers {
                Ok(c) if !c.is_empty() => commit(
                    app,
                    fx,
                    Change::VoteCount {
                        meeting: m,
                        item: item.id,
                        vote: vote.id.clone(),
                        counts: c,
                        // This count settles every count the chair can see now.
                        replaces: vote.current_counts().iter().map(|e| e.op.clone()).collect(),
                    },
                ),
                _ => app.warn(t(app, Msg::CountsFormat)),
            }
        }
    }
}

/// The items every meeting starts with: approval of the agenda, of the last minutes (when
/// there was a last meeting), follow-up of open actions (when there are any), and any
/// other business. Numbered on from the year's last item.
fn standing_items(app: &App, meeting: &str, date: chrono::NaiveDate) -> Vec<Change> {
    use chrono::Datelike;
    let year = date.year();
    let mut used = app.used_item_numbers();
    let had_meeting = app
        .known_meetings()
        .iter()
        .any(|m| m.date() < date.to_string().as_str());
    let open_actions = app.doc.actions.iter().any(|a| a.status.is_open());
    let mut titles = vec![(Msg::StandingAgenda, 5)];
    if had_meeting {
        titles.push((Msg::StandingMinutes, 5));
    }
    if open_actions {
        titles.push((Msg::StandingActions, 15));
    }
    titles.push((Msg::StandingAob, 5));
    let mut out = Vec::new();
    for (rank, (title, minutes)) in titles.into_iter().enumerate() {
        let number = next_item_number(&used, year);
        used.push(number);
        let item = new_id("s");
        out.push(Change::ItemAdd {
            meeting: meeting.to_string(),
            item: item.clone(),
            number,
            title: app.lang.t(title).to_string(),
            kind: ItemKind::Other,
            rank: (rank as i64 + 1) * 1024,
        });
        out.push(Change::ItemSet {
            meeting: meeting.to_string(),
            item,
            set: ItemField::PlannedMinutes(minutes),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
