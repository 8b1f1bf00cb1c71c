use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::App;
use crate::i18n::{self, Msg};

/// "12:30" from seconds.
pub fn clock(secs: i64) -> String {
    let s = secs.max(0);
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s % 3600 / 60, s % 60)
    } else {
        format!("{:02}:{:02}", s / 60, s % 60)
    }
}

/// "08.12.2026 10.00–12.00": the short form of when a meeting runs.
fn short_span(lang: i18n::Lang, start: &str, end: Option<&str>) -> String {
    let from = i18n::short_datetime(lang, start);
    let parse = chrono::DateTime::parse_from_rfc3339;
    match end.map(parse) {
        Some(Ok(b)) if parse(start).is_ok_and(|a| a.date_naive() == b.date_naive()) => {
            let f = match lang {
                i18n::Lang::Nb => "%H.%M",
                i18n::Lang::En => "%H:%M",
            };
            format!("{from}–{}", b.format(f))
        }
        Some(_) => format!("{from} – {}", i18n::short_datetime(lang, end.unwrap_or(""))),
        None => from,
    }
}

/// `text` cut to `room` characters, with "…" where it was cut.
fn shortened(text: &str, room: usize) -> String {
    if text.chars().count() <= room {
        return text.to_string();
    }
    let mut out: String = text.chars().take(room.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn since(app: &App, rfc3339: &str) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .ok()
        .map(|t| (app.now - t).num_seconds())
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let forum = &app.doc.forum.name;
    let Some(m) = app.current_meeting() else {
        let lines = vec![
            Line::styled(format!(" samrad · {forum}"), theme.title),
            Line::styled(format!(" {}", lang.t(Msg::NoMeetingsPane)), theme.dim),
        ];
        frame.render_widget(Paragraph::new(lines), area);
        return;
    };
    // When the meeting is comes right after its title, so a narrow screen cuts the
    // forum's name, never the date.
    let when = if area.width >= 110 {
        i18n::long_span(lang, &m.starts_at, m.ends_at.as_deref())
    } else {
        short_span(lang, &m.starts_at, m.ends_at.as_deref())
    };
    let room = (area.width as usize).saturating_sub(when.chars().count() + 4);
    let mut line1 = vec![
        Span::styled(format!(" {}", shortened(&m.title, room)), theme.title),
        Span::styled(format!(" · {when}"), theme.text),
    ];
    if !m.place.is_empty() {
        line1.push(Span::styled(format!(" · {}", m.place), theme.dim));
    }
    line1.push(Span::styled(format!(" · {forum}"), theme.dim));
    let line1 = Line::from(line1);
    // Most important first, so a narrow screen cuts only the date: status, the current
    // item and its clock, the meeting clock, the time of day, then when the meeting is.
    let mut parts = vec![if app.doubts.is_empty() {
        Span::styled(
            format!(" {}", i18n::meeting_status(lang, m.status).to_uppercase()),
            theme.current,
        )
    } else {
        Span::styled(
            format!(" {}", lang.fill(Msg::FailsChecks, &[&app.doubts.len()])),
            theme.warn,
        )
    }];
    let late = m.late_documents(app.doc.forum.document_days()).len();
    if late > 0 {
        parts.push(Span::styled(
            format!(" ⚠ {}", lang.fill(Msg::LateDocumentsShort, &[&late])),
            theme.warn,
        ));
    }
    if app.view_only {
        parts.push(Span::styled(
            format!(" [{}]", lang.t(Msg::ReadOnlyView)),
            theme.warn,
        ));
    }
    if m.status == crate::model::MeetingStatus::Circulated {
        let f = &app.doc.forum;
        let waiting: Vec<String> = m
            .waiting_for(f)
            .iter()
            .map(|p| f.party_short(p).to_string())
            .collect();
        let mut text = format!(" · {} {}", lang.t(Msg::WaitingFor), waiting.join(", "));
        if let Some(d) = m.approval_deadline {
            text.push_str(&format!(
                " · {} {}",
                lang.t(Msg::Deadline),
                i18n::short_date(lang, d)
            ));
        }
        let overdue = m.approval_overdue(app.now.date_naive());
        if overdue {
            text.push_str(&format!(" {}", lang.t(Msg::Overdue)));
        }
        parts.push(Span::styled(
            text,
            if overdue { theme.warn } else { theme.text },
        ));
    }
    if let Some(item) = m.current_item.as_deref().and_then(|id| m.item(id)) {
        parts.push(Span::raw(format!(
            " · {} {} {}",
            lang.t(Msg::Item),
            item.number,
            i18n::item_kind(lang, item.kind)
        )));
        if let Some(secs) = item.started_at.as_deref().and_then(|s| since(app, s)) {
            let planned = item.planned_minutes as i64 * 60;
            let over = planned > 0 && secs > planned;
            let text = format!(
                " {} / {} {}",
                clock(secs),
                item.planned_minutes,
                lang.t(Msg::Minute)
            );
            parts.push(Span::styled(
                if over { format!("{text} ⚠") } else { text },
                if over { theme.warn } else { theme.text },
            ));
        }
    }
    if let Some(s) = m
        .current_item
        .as_deref()
        .and_then(|id| m.item(id))
        .and_then(|i| i.speakers.iter().find(|s| s.speaking()))
    {
        parts.push(Span::styled(
            format!(
                " · {}: {} {}",
                lang.t(Msg::FloorTo),
                s.name,
                clock(s.seconds(app.now))
            ),
            theme.current,
        ));
    }
    if let Some(secs) = m.opened_at.as_deref().and_then(|s| since(app, s))
        && m.status == crate::model::MeetingStatus::Open
    {
        parts.push(Span::raw(format!(
            " · {} {}",
            lang.t(Msg::MeetingClock),
            clock(secs)
        )));
    }
    parts.push(Span::styled(
        format!(" · {}", app.now.format("%H:%M")),
        theme.dim,
    ));
    // On a wide screen, what the meeting is held under and when the next one is.
    if area.width >= 110 {
        if !m.authority.is_empty() {
            parts.push(Span::styled(
                format!(" · {}: {}", lang.t(Msg::MeetingAuthority), m.authority),
                theme.dim,
            ));
        }
        if let Some(next) = &m.next_meeting {
            parts.push(Span::styled(
                format!(
                    " · {}: {}",
                    lang.t(Msg::NextMeeting),
                    i18n::short_datetime(lang, next)
                ),
                theme.dim,
            ));
        }
    }
    frame.render_widget(Paragraph::new(vec![line1, Line::from(parts)]), area);
}
