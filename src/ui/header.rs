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
    let line1 = Line::from(vec![
        Span::styled(format!(" {}", m.title), theme.title),
        Span::styled(format!(" · {forum}"), theme.dim),
    ]);
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
    let when = if area.width >= 110 {
        i18n::long_datetime(lang, &m.starts_at)
    } else {
        i18n::short_datetime(lang, &m.starts_at)
    };
    parts.push(Span::styled(format!(" · {when}"), theme.dim));
    frame.render_widget(Paragraph::new(vec![line1, Line::from(parts)]), area);
}
