use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::fit::{self, Part};
use super::theme::Theme;
use crate::app::App;
use crate::i18n::{self, Msg};
use crate::model::{Meeting, MeetingStatus};

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

/// Seconds from `rfc3339` to the app's now.
pub fn since(app: &App, rfc3339: &str) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .ok()
        .map(|t| (app.now - t).num_seconds())
}

/// Two lines, each shortened by priority (`fit`): the meeting, when it is, where and in
/// which forum (the forum goes first, then the place, then the title is cut; never the
/// date); then its status and what else is due, the meeting clock and the time of day (the
/// next meeting and the hjemmel go first). The current item, the floor and the votes are
/// the strip's, under it (`strip.rs`).
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
    let sep = || Span::styled(" · ", theme.dim);
    let lines = vec![
        fit::line(meeting_parts(app, m, area.width, theme), area.width, sep()),
        fit::line(state_parts(app, m, theme), area.width, sep()),
    ];
    frame.render_widget(Paragraph::new(lines), area);
}

/// The title, when, where, and the forum.
pub fn meeting_parts(app: &App, m: &Meeting, width: u16, theme: &Theme) -> Vec<Part> {
    let lang = app.lang;
    let when = if width >= 110 {
        i18n::long_span(lang, &m.starts_at, m.ends_at.as_deref())
    } else {
        short_span(lang, &m.starts_at, m.ends_at.as_deref())
    };
    let mut parts = vec![
        Part::new(m.title.clone(), theme.title, 9).shortened(4, 12),
        Part::new(when, theme.text, 10),
    ];
    if !m.place.is_empty() {
        parts.push(Part::new(m.place.clone(), theme.dim, 2));
    }
    parts.push(Part::new(app.doc.forum.name.clone(), theme.dim, 1));
    parts
}

/// The status (or that the logs fail their checks), documents sent late, a read-only view,
/// the approval round, the meeting clock, the time of day, the hjemmel and the next
/// meeting.
pub fn state_parts(app: &App, m: &Meeting, theme: &Theme) -> Vec<Part> {
    let lang = app.lang;
    let mut parts = vec![if app.doubts.is_empty() {
        Part::new(
            i18n::meeting_status(lang, m.status).to_uppercase(),
            theme.current,
            10,
        )
    } else {
        Part::new(
            lang.fill(Msg::FailsChecks, &[&app.doubts.len()]),
            theme.warn,
            10,
        )
    }];
    let late = m.late_documents(app.doc.forum.document_days()).len();
    if late > 0 {
        parts.push(Part::new(
            format!("⚠ {}", lang.fill(Msg::LateDocumentsShort, &[&late])),
            theme.warn,
            7,
        ));
    }
    if app.view_only {
        parts.push(Part::new(
            format!("[{}]", lang.t(Msg::ReadOnlyView)),
            theme.warn,
            8,
        ));
    }
    if m.status == MeetingStatus::Circulated {
        let f = &app.doc.forum;
        let waiting: Vec<String> = m
            .waiting_for(f)
            .iter()
            .map(|p| f.party_short(p).to_string())
            .collect();
        parts.push(
            Part::new(
                format!("{} {}", lang.t(Msg::WaitingFor), waiting.join(", ")),
                theme.text,
                6,
            )
            .shortened(5, 16),
        );
        if let Some(d) = m.approval_deadline {
            let overdue = m.approval_overdue(app.now.date_naive());
            let mut text = format!("{} {}", lang.t(Msg::Deadline), i18n::short_date(lang, d));
            if overdue {
                text.push_str(&format!(" {}", lang.t(Msg::Overdue)));
            }
            parts.push(Part::new(
                text,
                if overdue { theme.warn } else { theme.text },
                7,
            ));
        }
    }
    if let Some(secs) = m.opened_at.as_deref().and_then(|s| since(app, s))
        && m.status == MeetingStatus::Open
    {
        parts.push(Part::new(
            format!("{} {}", lang.t(Msg::MeetingClock), clock(secs)),
            theme.text,
            9,
        ));
    }
    parts.push(Part::new(app.now.format("%H:%M").to_string(), theme.dim, 8));
    if !m.authority.is_empty() {
        parts.push(Part::new(
            format!("{}: {}", lang.t(Msg::MeetingAuthority), m.authority),
            theme.dim,
            2,
        ));
    }
    if let Some(next) = &m.next_meeting {
        parts.push(Part::new(
            format!(
                "{}: {}",
                lang.t(Msg::NextMeeting),
                i18n::short_datetime(lang, next)
            ),
            theme.dim,
            1,
        ));
    }
    parts
}
