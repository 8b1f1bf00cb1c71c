//! The three list panes: agenda, development areas, action items. Only the rows that fit
//! are built, so drawing costs the same for 50 items or 5,000.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::widgets::{
    Continues, continues, marker, nothing, pane, scroll_offset, title_width, visible,
};
use crate::app::{App, AreaRow, Pane};
use crate::i18n::{self, Msg};
use crate::model::{Action as Task, Forum, Item, Owner};

fn row_style(app: &App, pane: Pane, selected: bool, theme: &Theme) -> Style {
    match (selected, app.pane_focused(pane)) {
        (true, true) => theme.selected,
        (true, false) => theme.selected_idle,
        _ => theme.text,
    }
}

pub fn agenda(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let items = app.items();
    let conflicts: usize = items.iter().map(|i| i.conflicts()).sum();
    let title = match app.current_meeting() {
        Some(_) if conflicts > 0 => format!(
            "{} ({}) ⚠ {conflicts} {}",
            lang.t(Msg::PaneAgenda),
            items.len(),
            lang.t(if conflicts == 1 {
                Msg::Conflict
            } else {
                Msg::Conflicts
            })
        ),
        Some(_) => format!("{} ({})", lang.t(Msg::PaneAgenda), items.len()),
        None => lang.t(Msg::PaneAgenda).to_string(),
    };
    let focused = app.pane_focused(Pane::Agenda);
    let inner = pane(frame, area, &title, focused, theme);
    if app.current_meeting().is_none() {
        return nothing(frame, inner, lang.t(Msg::NoMeetingsPane), theme);
    }
    if items.is_empty() {
        return nothing(frame, inner, lang.t(Msg::NoItems), theme);
    }
    let current = app
        .current_meeting()
        .and_then(|m| m.current_item.as_deref());
    let height = inner.height as usize;
    let lines: Vec<Line> = visible(items, app.agenda_sel, height)
        .map(|(i, it)| {
            let sel = i == app.agenda_sel;
            let is_current = current == Some(it.id.as_str());
            let kind: String = i18n::item_kind(lang, it.kind).chars().take(3).collect();
            let marks: String = item_marks(&app.doc.forum, it).iter().collect();
            // "›● 12/26 Drø ¶✓◆ Title": the selection, the current item, the number, the
            // kind, then what is recorded (the help screen explains the marks).
            let mut spans = vec![
                Span::raw(if sel { "›" } else { " " }),
                Span::styled(if is_current { "●" } else { " " }, theme.current),
                Span::raw(format!(" {:>5} {kind} {marks} ", it.number.to_string())),
            ];
            if it.conflicts() > 0 {
                spans.push(Span::styled("⚠ ", theme.warn));
            }
            // Before the title, which a narrow pane cuts.
            if it.is_exempt() {
                spans.push(Span::styled(
                    format!("[{}] ", lang.t(Msg::ExemptShort)),
                    theme.warn,
                ));
            }
            spans.push(Span::raw(it.title.clone()));
            Line::from(spans).style(row_style(app, Pane::Agenda, sel, theme))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    let first = scroll_offset(app.agenda_sel, items.len(), height);
    let marks = Continues::rows(first, items.len(), height);
    let title_w = title_width(&title, focused);
    continues(frame, area, title_w, marks, (lang, theme));
}

/// What is recorded on an item, as three marks for the agenda: ¶ notes, ✓ a conclusion
/// (or an agreement), ◆ a position from every party that gives one (◇ from some); a
/// space where there is none, so the marks stand in columns.
pub fn item_marks(forum: &Forum, it: &Item) -> [char; 3] {
    let notes = if it.notes.trim().is_empty() {
        ' '
    } else {
        '¶'
    };
    let concluded = !it.conclusion.trim().is_empty() || it.agreement.is_some();
    let conclusion = if concluded { '✓' } else { ' ' };
    let positions = match (
        it.positions.is_empty(),
        it.parties_without_position(forum).is_empty(),
    ) {
        (true, _) => ' ',
        (false, true) => '◆',
        (false, false) => '◇',
    };
    [notes, conclusion, positions]
}

pub fn areas(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let inner = pane(
        frame,
        area,
        lang.t(Msg::PaneAreas),
        app.pane_focused(Pane::Areas),
        theme,
    );
    let rows = app.area_rows();
    let height = inner.height as usize;
    // Which row is the selected area?
    let mut n = 0usize;
    let mut sel_row = 0usize;
    for (r, row) in rows.iter().enumerate() {
        if let AreaRow::Area(_) = row {
            if n == app.area_sel {
                sel_row = r;
            }
            n += 1;
        }
    }
    let lines: Vec<Line> = visible(&rows, sel_row, height)
        .map(|(r, row)| match row {
            AreaRow::Goal(g) => Line::styled(
                format!("{} {}: {}", lang.t(Msg::GoalArea), g.number, g.title),
                theme.heading,
            ),
            AreaRow::Ungrouped => Line::styled("–", theme.heading),
            AreaRow::Area(a) => {
                let sel = r == sel_row;
                Line::from(vec![
                    Span::raw(marker(sel)),
                    Span::raw(format!("{}. {} ", a.number, a.title)),
                    Span::styled(
                        format!("[{}]", i18n::dev_area_status(lang, a.status)),
                        theme.dim,
                    ),
                ])
                .style(row_style(app, Pane::Areas, sel, theme))
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    let first = scroll_offset(sel_row, rows.len(), height);
    let title_w = title_width(lang.t(Msg::PaneAreas), app.pane_focused(Pane::Areas));
    let marks = Continues::rows(first, rows.len(), height);
    continues(frame, area, title_w, marks, (lang, theme));
}

pub fn owner_label(app: &App, owner: &Owner) -> String {
    i18n::owner(app.lang, &app.doc.forum, owner)
}

pub fn action_spans(app: &App, a: &Task, theme: &Theme) -> Vec<Span<'static>> {
    let lang = app.lang;
    let mut spans = vec![
        Span::raw(format!("[{}] ", i18n::action_status(lang, a.status))),
        Span::raw(a.title.clone()),
        Span::styled(format!(" · {}", owner_label(app, &a.owner)), theme.dim),
    ];
    if let Some(d) = a.due {
        spans.push(Span::styled(
            format!(" · {}", i18n::short_date(lang, d)),
            theme.dim,
        ));
    }
    if a.is_overdue(app.now.date_naive()) {
        spans.push(Span::styled(
            format!(" ⚠ {}", lang.t(Msg::Overdue)),
            theme.warn,
        ));
    }
    if a.meeting.is_some() && a.meeting != app.meeting {
        spans.push(Span::styled(" ↻", theme.dim));
    }
    spans
}

pub fn actions(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let actions = app.actions();
    let title = format!("{} ({})", lang.t(Msg::PaneActions), actions.len());
    let focused = app.pane_focused(Pane::Actions);
    let inner = pane(frame, area, &title, focused, theme);
    if actions.is_empty() {
        return nothing(frame, inner, lang.t(Msg::NoActionsPane), theme);
    }
    let height = inner.height as usize;
    let lines: Vec<Line> = visible(&actions, app.action_sel, height)
        .map(|(i, a)| {
            let sel = i == app.action_sel;
            let mut spans = vec![Span::raw(marker(sel))];
            spans.extend(action_spans(app, a, theme));
            Line::from(spans).style(row_style(app, Pane::Actions, sel, theme))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    let first = scroll_offset(app.action_sel, actions.len(), height);
    let marks = Continues::rows(first, actions.len(), height);
    let title_w = title_width(&title, focused);
    continues(frame, area, title_w, marks, (lang, theme));
}
