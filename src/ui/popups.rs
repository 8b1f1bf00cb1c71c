//! Popups over the panes: forms, the editor, confirmations, the meeting, attendance and
//! document lists, and help.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::drafts;
use super::help;
use super::layout::body_area;
use super::theme::Theme;
use super::widgets::{centered, marker, nothing, popup_block, visible};
use crate::app::{App, Editor, Field, FieldKind, Form, Popup};
use crate::i18n::{self, Msg};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    for (i, p) in app.popups.iter().enumerate() {
        let top = i + 1 == app.popups.len();
        match p {
            Popup::Help { scroll, from } => help::draw(frame, area, app, *scroll, *from, theme),
            Popup::Problems { scroll } => super::problems::draw(frame, area, app, *scroll, theme),
            Popup::MeetingInfo { scroll } => {
                super::meeting_info::draw(frame, area, app, *scroll, theme)
            }
            Popup::Form(f) => form(frame, area, app, f, top, theme),
            Popup::Editor(e) => editor(frame, body_area(area, app), e, top, theme),
            Popup::Confirm { question, .. } => confirm(frame, area, app, question, theme),
            Popup::DraftOffer(d) => drafts::offer(frame, area, app, d, theme),
            Popup::Meetings { selected }
            | Popup::Attendance { selected }
            | Popup::Documents { selected }
            | Popup::Identity { selected, .. }
            | Popup::Requests { selected } => list_popup(frame, area, app, p, *selected, theme),
        }
    }
}

fn form(frame: &mut Frame, area: Rect, app: &App, f: &Form, top: bool, theme: &Theme) {
    let height = f.fields.len() as u16 * 2 + 4;
    let rect = centered(area, 72, height);
    frame.render_widget(Clear, rect);
    let block = popup_block(&f.title, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let label_w = f
        .fields
        .iter()
        .map(|x| app.lang.t(x.label).chars().count())
        .max()
        .unwrap_or(10) as u16
        + 3;
    // A form taller than the screen scrolls so the field being filled in is in view.
    let room = (inner.height.saturating_sub(1) / 2).max(1) as usize;
    let first = (f.focus + 1).saturating_sub(room);
    for (i, field) in f.fields.iter().enumerate().skip(first) {
        let y = inner.y + (i - first) as u16 * 2;
        if y >= inner.y + inner.height {
            break;
        }
        let focused = i == f.focus;
        let mark = if focused { "›" } else { " " };
        let label = Rect {
            x: inner.x,
            y,
            width: label_w.min(inner.width),
            height: 1,
        };
        let style = if focused { theme.title } else { theme.dim };
        frame.render_widget(
            Paragraph::new(format!("{mark}{}:", app.lang.t(field.label))).style(style),
            label,
        );
        // The field being typed in takes the row under it too, so a long reason reads
        // as two lines, not one line scrolling past.
        let rows = if focused && y + 1 < inner.y + inner.height {
            2
        } else {
            1
        };
        let value = Rect {
            x: inner.x + label_w,
            y,
            width: inner.width.saturating_sub(label_w),
            height: rows,
        };
        field_value(frame, value, field, focused && top, theme);
    }
    let foot = Rect {
        x: inner.x,
        y: inner.y + inner.height.saturating_sub(1),
        width: inner.width,
        height: 1,
    };
    if let Some(err) = &f.error {
        frame.render_widget(
            Paragraph::new(Line::styled(format!("⚠ {err}"), theme.warn)),
            foot,
        );
    } else if let Some(field) = f.fields.get(f.focus) {
        // How the focused field takes keys, which the footer's hints do not say.
        let how = match field.kind {
            FieldKind::Text(_) => Msg::FieldKeysText,
            FieldKind::Choice { .. } | FieldKind::Toggle(_) => Msg::FieldKeysChoice,
            FieldKind::Multi { .. } => Msg::FieldKeysMulti,
        };
        frame.render_widget(
            Paragraph::new(Line::styled(app.lang.t(how).to_string(), theme.dim)),
            foot,
        );
    }
}

fn field_value(frame: &mut Frame, rect: Rect, field: &Field, focused: bool, theme: &Theme) {
    match &field.kind {
        FieldKind::Text(area) => {
            let text = area.lines().join(" ");
            let style = if focused {
                theme.selected_idle
            } else {
                theme.text
            };
            let col = area.cursor().1;
            let width = (rect.width as usize).max(1);
            if focused {
                // Cut into rows of the field's width; the rows shown keep the cursor in
                // view, on the last of them once the text is longer than the field.
                let chars: Vec<char> = text.chars().collect();
                let rows = rect.height.max(1) as usize;
                let cursor_row = col / width;
                let first = (cursor_row + 1).saturating_sub(rows);
                let lines: Vec<Line> = (first..first + rows)
                    .map(|r| {
                        let from = (r * width).min(chars.len());
                        let to = ((r + 1) * width).min(chars.len());
                        Line::raw(chars[from..to].iter().collect::<String>())
                    })
                    .collect();
                frame.render_widget(Paragraph::new(lines).style(style), rect);
                frame.set_cursor_position(Position {
                    x: rect.x + (col % width) as u16,
                    y: rect.y + (cursor_row - first) as u16,
                });
            } else {
                // The start of the text, cut with "…", so that each field reads as what
                // it is.
                let shown: String = if text.chars().count() > width {
                    let mut start: String = text.chars().take(width - 1).collect();
                    start.push('…');
                    start
                } else {
                    text.clone()
                };
                frame.render_widget(Paragraph::new(shown).style(style), rect);
            }
        }
        FieldKind::Choice { options, selected } => {
            let v = options.get(*selected).cloned().unwrap_or_default();
            let style = if focused { theme.selected } else { theme.text };
            frame.render_widget(Paragraph::new(format!("‹ {v} ›")).style(style), rect);
        }
        FieldKind::Toggle(on) => {
            let style = if focused { theme.selected } else { theme.text };
            frame.render_widget(
                Paragraph::new(if *on { "[x]" } else { "[ ]" }).style(style),
                rect,
            );
        }
        FieldKind::Multi { options, cursor } => {
            let spans: Vec<Span> = options
                .iter()
                .enumerate()
                .map(|(i, (_, label, on))| {
                    let s = format!("[{}] {label}  ", if *on { "x" } else { " " });
                    if focused && i == *cursor {
                        Span::styled(s, theme.selected)
                    } else {
                        Span::raw(s)
                    }
                })
                .collect();
            frame.render_widget(Paragraph::new(Line::from(spans)), rect);
        }
    }
}

/// Over the whole body (`body`): the text gets every column, and nothing behind shows
/// through; the header and the strip stay in view.
fn editor(frame: &mut Frame, body: Rect, e: &Editor, top: bool, theme: &Theme) {
    let rect = body;
    frame.render_widget(Clear, rect);
    let block = popup_block(&e.title, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    frame.render_widget(&e.area, inner);
    if top {
        let c = e.area.screen_cursor();
        let (row, col) = e.area.scroll_offset();
        let y = (c.row as u16).saturating_sub(row);
        let x = (c.col as u16).saturating_sub(col);
        if y < inner.height && x < inner.width {
            frame.set_cursor_position(Position {
                x: inner.x + x,
                y: inner.y + y,
            });
        }
    }
}

fn confirm(frame: &mut Frame, area: Rect, app: &App, question: &str, theme: &Theme) {
    let rect = centered(area, 60, 7);
    frame.render_widget(Clear, rect);
    let keys: Vec<String> = crate::app::keymap_for(crate::app::Mode::Confirm)
        .hints(app.lang)
        .into_iter()
        .map(|(k, what)| format!("{k} = {what}"))
        .collect();
    let keys = keys.join("   ");
    let p = Paragraph::new(vec![
        Line::raw(question.to_string()),
        Line::raw(""),
        Line::styled(keys, theme.dim),
    ])
    .wrap(Wrap { trim: true })
    .block(popup_block(app.lang.t(Msg::Confirm), theme));
    frame.render_widget(p, rect);
}

fn list_popup(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    popup: &Popup,
    selected: usize,
    theme: &Theme,
) {
    let (title, rows, empty) = list_rows(app, popup);
    // Who-are-you says, under the people, where this terminal's key stands.
    let footer = matches!(popup, Popup::Identity { .. }).then(|| key_standing(app));
    let extra = if footer.is_some() { 2 } else { 0 };
    let rect = centered(area, 90, (rows.len() as u16 + 2 + extra).max(6));
    frame.render_widget(Clear, rect);
    let block = popup_block(app.lang.t(title), theme);
    let mut inner = block.inner(rect);
    frame.render_widget(block, rect);
    if let Some(text) = footer
        && inner.height > 2
    {
        inner.height -= 2;
        let line = Rect {
            y: inner.y + inner.height + 1,
            height: 1,
            ..inner
        };
        frame.render_widget(Paragraph::new(Line::styled(text, theme.dim)), line);
    }
    if rows.is_empty() {
        return nothing(
            frame,
            inner,
            empty.map(|m| app.lang.t(m)).unwrap_or(""),
            theme,
        );
    }
    let lines: Vec<Line> = visible(&rows, selected, inner.height as usize)
        .map(|(i, r)| {
            let sel = i == selected;
            let style = if sel { theme.selected } else { theme.text };
            Line::styled(format!("{}{r}", marker(sel)), style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A list popup's title, rows, and what it says when empty.
/// This terminal's key and where it stands: its fingerprint, to read out to the chair, and
/// whom it is admitted for, or that it waits.
fn key_standing(app: &App) -> String {
    let lang = app.lang;
    if app.key.is_empty() {
        return lang.t(Msg::KeyNone).to_string();
    }
    let fp = crate::store::keys::fingerprint(&app.key);
    let forum = &app.doc.forum;
    match forum.key_holder(&app.key).and_then(|p| forum.person(p)) {
        Some(p) => lang.fill(Msg::KeyAdmittedFor, &[&fp, &p.name]),
        None if forum.roster.requests.iter().any(|r| r.key == app.key) => {
            lang.fill(Msg::KeyWaiting, &[&fp])
        }
        None => lang.fill(Msg::KeyNew, &[&fp]),
    }
}

fn list_rows(app: &App, popup: &Popup) -> (Msg, Vec<String>, Option<Msg>) {
    let lang = app.lang;
    let f = &app.doc.forum;
    let party_of = |p: &crate::model::Person| {
        p.party
            .as_deref()
            .map(|x| f.party_short(x).to_string())
            .unwrap_or_default()
    };
    match popup {
        Popup::Meetings { .. } => {
            let rows = app
                .known_meetings()
                .iter()
                .map(|m| {
                    let here = if app.meeting.as_deref() == Some(m.id.as_str()) {
                        "●"
                    } else {
                        " "
                    };
                    format!(
                        "{here} {}  {:<16} {:>3} {}  {}",
                        m.date(),
                        i18n::meeting_status(lang, m.status),
                        m.items,
                        lang.t(Msg::ColItems).to_lowercase(),
                        m.title
                    )
                })
                .collect();
            (Msg::MeetingsTitle, rows, Some(Msg::NoMeetingsPane))
        }
        Popup::Attendance { .. } => {
            let m = app.current_meeting();
            // Grouped by side: the employer, each hovedsammenslutning, observers.
            let rows = f
                .people_by_seat()
                .into_iter()
                .map(|p| {
                    let a = m.and_then(|m| m.attendance.iter().find(|a| a.person == p.id));
                    let mut presence = a
                        .map(|a| i18n::presence(lang, a.presence).to_string())
                        .unwrap_or_else(|| format!("({})", lang.t(Msg::NotRecorded)));
                    if let Some(a) = a.filter(|a| !a.substitute.is_empty()) {
                        presence.push_str(&format!(": {}", a.substitute));
                    }
                    let group = i18n::seat_group(lang, &f.seat_group(&p.id));
                    let group: String = group.chars().take(12).collect();
                    let name: String = p.name.chars().take(26).collect();
                    format!("{group:<12} {name:<26} {:<8} {presence}", party_of(p))
                })
                .collect();
            (Msg::AttendanceTitle, rows, None)
        }
        Popup::Documents { .. } => {
            let m = app.current_meeting();
            let docs = m.map(|m| m.documents.as_slice());
            // Sent fewer days before the meeting than the forum asks (HA § 20).
            let late: Vec<&str> = m
                .map(|m| m.late_documents(f.document_days()))
                .unwrap_or_default()
                .iter()
                .map(|d| d.id.as_str())
                .collect();
            let rows = docs
                .unwrap_or_default()
                .iter()
                .map(|d| {
                    let mut day = d
                        .sent_on
                        .map(|x| i18n::short_date(lang, x))
                        .unwrap_or_default();
                    if late.contains(&d.id.as_str()) {
                        day.push_str(" ⚠");
                    }
                    format!("{}  {day}  {}", d.title, d.reference)
                })
                .collect();
            (Msg::DocumentsTitle, rows, Some(Msg::NoDocuments))
        }
        Popup::Requests { .. } => {
            let rows = crate::app::visible_requests(app)
                .into_iter()
                .map(|r| {
                    // The fingerprint first and whole: it is what the chair compares.
                    let fp = crate::store::keys::fingerprint(&r.key);
                    let when = i18n::short_datetime(lang, &r.at);
                    format!("{fp}  {} ({}) {when}", r.person.name, party_of(&r.person))
                })
                .collect();
            (Msg::RequestsTitle, rows, None)
        }
        _ => {
            let rows = f
                .people
                .iter()
                .map(|p| format!("{:<32} {}", p.name, party_of(p)))
                .collect();
            (Msg::IdentityTitle, rows, None)
        }
    }
}
