//! The meeting's details (`i`), read only: what the header and the strip can only name or
//! cut short, in full. When and where, who chairs and takes the minutes, the archive's
//! numbers; the approval round with each party's answer and the whole text of the changes
//! asked for; the open votes and who has voted. Drawn like help, over the body.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::layout::body_area;
use super::strip::{open_votes, voters};
use super::theme::Theme;
use super::widgets::{over_body, scrolled_popup};
use crate::app::App;
use crate::export::safe_text::printable;
use crate::i18n::{self, Msg};
use crate::model::{Meeting, Verdict};

pub fn lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let Some(m) = app.current_meeting() else {
        return vec![Line::raw(app.t(Msg::NoMeetingOpen).to_string())];
    };
    let mut out = vec![Line::styled(m.title.clone(), theme.title)];
    facts(&mut out, app, m, theme);
    approval(&mut out, app, m, theme);
    votes(&mut out, app, m, theme);
    out
}

/// "Label: value".
fn field(label: &str, value: impl Into<String>, theme: &Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{label}: "), theme.dim),
        Span::raw(value.into()),
    ])
}

fn heading(out: &mut Vec<Line<'static>>, text: &str, theme: &Theme) {
    out.push(Line::raw(""));
    out.push(Line::styled(text.to_string(), theme.heading));
}

fn facts(out: &mut Vec<Line<'static>>, app: &App, m: &Meeting, theme: &Theme) {
    let lang = app.lang;
    let t = |msg| lang.t(msg);
    let f = &app.doc.forum;
    let person = |id: Option<&String>| {
        id.and_then(|p| f.person(p))
            .map(|p| p.name.clone())
            .unwrap_or_default()
    };
    let when = i18n::long_span(lang, &m.starts_at, m.ends_at.as_deref());
    let next = m
        .next_meeting
        .as_deref()
        .map(|n| i18n::short_datetime(lang, n))
        .unwrap_or_default();
    let rows = [
        (t(Msg::Date), when),
        (t(Msg::Place), m.place.clone()),
        (t(Msg::VerifyTheForum), f.name.clone()),
        (
            t(Msg::Status),
            i18n::meeting_status(lang, m.status).to_string(),
        ),
        (t(Msg::Chair), person(m.chair.as_ref())),
        (t(Msg::Referent), person(m.referent.as_ref())),
        (t(Msg::MeetingAuthority), m.authority.clone()),
        (t(Msg::CaseNumber), m.case_number.clone()),
        (t(Msg::DocumentNumber), m.document_number.clone()),
        (t(Msg::Distribution), m.distribution.join("; ")),
        (t(Msg::NextMeeting), next),
    ];
    for (label, value) in rows {
        if !value.is_empty() {
            out.push(field(label, value, theme));
        }
    }
}

/// The round: when it went out, the deadline, whom it waits for, and every party's answer
/// with the changes asked for in full.
fn approval(out: &mut Vec<Line<'static>>, app: &App, m: &Meeting, theme: &Theme) {
    let lang = app.lang;
    let t = |msg| lang.t(msg);
    let f = &app.doc.forum;
    if m.circulated_at.is_none() && m.approvals.is_empty() {
        return;
    }
    heading(out, t(Msg::ExportApprovalHeading), theme);
    if let Some(at) = &m.circulated_at {
        out.push(field(
            t(Msg::ExportCirculatedAt),
            i18n::short_datetime(lang, at),
            theme,
        ));
    }
    if let Some(d) = m.approval_deadline {
        let mut text = i18n::short_date(lang, d);
        if m.approval_overdue(app.now.date_naive()) {
            text.push_str(&format!(" ({})", t(Msg::ExportDeadlinePassed)));
        }
        out.push(field(t(Msg::ExportApprovalDeadline), text, theme));
    }
    let waiting: Vec<String> = m
        .waiting_for(f)
        .iter()
        .map(|p| f.party_short(p).to_string())
        .collect();
    if !waiting.is_empty() {
        out.push(field(
            t(Msg::ExportAwaitingApproval),
            waiting.join(", "),
            theme,
        ));
    }
    for a in &m.approvals {
        let earlier = Some(&a.hash) != m.content_hash.as_ref();
        let verdict = match a.verdict {
            Verdict::Approve => t(Msg::ExportVerdictApprove),
            Verdict::ChangesRequested => t(Msg::ExportVerdictChanges),
        };
        let mut line = format!(
            "{}: {verdict} ({}, {})",
            f.party_short(&a.party),
            a.by,
            i18n::short_datetime(lang, &a.at)
        );
        if earlier {
            line.push_str(&format!(" – {}", t(Msg::AnswerOnEarlier)));
        }
        let style = match a.verdict {
            Verdict::ChangesRequested if !earlier => theme.warn,
            _ => theme.text,
        };
        out.push(Line::styled(line, style));
        let comment = a.comment.trim();
        if !comment.is_empty() {
            out.extend(
                printable(comment)
                    .lines()
                    .map(|l| Line::raw(format!("  {l}"))),
            );
        }
    }
}

/// Every open vote: its item and question, how it is decided, and who has voted.
fn votes(out: &mut Vec<Line<'static>>, app: &App, m: &Meeting, theme: &Theme) {
    let lang = app.lang;
    let mut any = false;
    for (item, v) in open_votes(m) {
        if !any {
            heading(out, lang.t(Msg::OpenVotes), theme);
            any = true;
        }
        out.push(Line::styled(
            format!("{} {}: {}", lang.t(Msg::Item), item.number, v.question),
            theme.text,
        ));
        out.push(Line::styled(
            format!(
                "  {} · {}",
                i18n::vote_method(lang, v.method),
                i18n::vote_rule(lang, v.rule)
            ),
            theme.dim,
        ));
        let who = voters(app, v);
        let text = if who.is_empty() {
            lang.t(Msg::NobodyVoted).to_string()
        } else {
            lang.fill(Msg::VotedBy, &[&who.join(", ")])
        };
        out.push(Line::raw(format!("  {text}")));
    }
}

/// Over the body only, so the header, the strip and the footer stay in view.
pub fn rect(area: Rect, app: &App) -> Rect {
    over_body(body_area(area, app), 96)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: u16, theme: &Theme) {
    let title = app.lang.t(Msg::MeetingInfoTitle);
    let rect = rect(area, app);
    scrolled_popup(
        frame,
        rect,
        title,
        lines(app, theme),
        scroll,
        (app.lang, theme),
    );
}
