//! The three list panes: agenda, development areas, action items. Only the rows that fit
//! are built, so drawing costs the same for 50 items or 5,000.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::widgets::{marker, nothing, pane, visible};
use crate::app::{App, AreaRow, Pane};
use crate::i18n::{self, Msg};
use crate::model::{Action as Task, Owner};

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
    let inner = pane(frame, area, &title, app.pane_focused(Pane::Agenda), theme);
    if app.current_meeting().is_none() {
        return nothing(frame, inner, lang.t(Msg::NoMeetingsPane), theme);
    }
    if items.is_empty() {
        return nothing(frame, inner, lang.t(Msg::NoItems), theme);
    }
    let current = app
        .current_meeting()
        .and_then(|m| m.current_item.as_deref());
    let lines: Vec<Line> = visible(items, app.agenda_sel, inner.height as usize)
        .map(|(i, it)| {
            let sel = i == app.agenda_sel;
            let is_current = current == Some(it.id.as_str());
            let kind: String = i18n::item_kind(lang, it.kind).chars().take(3).collect();
            let mut spans = vec![
                Span::raw(marker(sel)),
                Span::styled(if is_current { "● " } else { "  " }, theme.current),
                Span::raw(format!("{:>5} {kind} ", it.number.to_string())),
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
    let lines: Vec<Line> = visible(&rows, sel_row, inner.height as usize)
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
    let inner = pane(frame, area, &title, app.pane_focused(Pane::Actions), theme);
    if actions.is_empty() {
        return nothing(frame, inner, lang.t(Msg::NoActionsPane), theme);
    }
    let lines: Vec<Line> = visible(&actions, app.action_sel, inner.height as usize)
        .map(|(i, a)| {
            let sel = i == app.action_sel;
            let mut spans = vec![Span::raw(marker(sel))];
            spans.extend(action_spans(app, a, theme));
            Line::from(spans).style(row_style(app, Pane::Actions, sel, theme))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
