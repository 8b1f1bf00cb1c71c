//! The archive view: meetings newest first (or search hits, or a thread) on the left, the
//! selected one on the right. Only the rows that fit are built: 10,000 meetings draw as
//! fast as ten.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::Theme;
use super::widgets::{list_pane, marker, pane, visible};
use crate::app::App;
use crate::app::archive::{ArchiveView, HitList};
use crate::i18n::{self, Msg};
use crate::model::MeetingStatus;
use crate::search;
use crate::store::archive::{Archive, MeetingRow};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, view: &ArchiveView, theme: &Theme) {
    let rows = Layout::vertical([Constraint::Length(2), Constraint::Min(4)]).split(area);
    header(frame, rows[0], app, view, theme);
    let body = rows[1];
    if app.archive_loading {
        loading(frame, body, app, theme);
        return;
    }
    let parts = if body.width >= 110 {
        Layout::horizontal([Constraint::Percentage(58), Constraint::Min(30)]).split(body)
    } else {
        Layout::vertical([Constraint::Percentage(60), Constraint::Min(4)]).split(body)
    };
    match &view.hits {
        Some(h) => {
            hit_list(frame, parts[0], app, h, theme);
            hit_detail(frame, parts[1], app, h, theme);
        }
        None => {
            meeting_list(frame, parts[0], app, view, theme);
            let m = view.selected_meeting();
            meeting_detail(frame, parts[1], app, m, theme);
        }
    }
}

/// The archive index is still loading (the TUI's start): a spinner, until it lands.
fn loading(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    const FRAMES: [char; 10] = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
    // The loop redraws at least every half second (its tick).
    let step = (app.now.timestamp_millis() / 500).rem_euclid(FRAMES.len() as i64) as usize;
    let line = Line::from(vec![
        Span::styled(format!("{} ", FRAMES[step]), theme.title),
        Span::styled(app.lang.t(Msg::LoadingArchive), theme.dim),
    ]);
    let title = app.lang.t(Msg::PaneMeetings);
    let inner = pane(frame, area, title, true, theme);
    frame.render_widget(Paragraph::new(line), inner);
}

fn header(frame: &mut Frame, area: Rect, app: &App, view: &ArchiveView, theme: &Theme) {
    let lang = app.lang;
    let a = &app.archive;
    let mut first = vec![Span::styled(
        format!("{} ", lang.t(Msg::ArchiveTitle)),
        theme.title,
    )];
    if !app.archive_loading {
        first.push(Span::raw(format!(
            "· {} / {} {}",
            view.rows.len(),
            a.meetings.len(),
            lang.t(Msg::ArchiveMeetings)
        )));
    }
    if app.words.is_none() && !app.archive_loading {
        first.push(Span::styled(
            format!("  ({})", lang.t(Msg::Indexing)),
            theme.dim,
        ));
    }
    let mut second = Vec::new();
    if !view.filter.is_empty() {
        second.push(Span::styled(
            format!("{}: {}", lang.t(Msg::Filtered), describe_filter(app, view)),
            theme.heading,
        ));
    }
    if let Some(h) = &view.hits {
        if !second.is_empty() {
            second.push(Span::raw("  "));
        }
        let what = if h.query.is_empty() {
            h.title.clone()
        } else {
            format!("/{}", h.query)
        };
        second.push(Span::styled(what, theme.title));
        second.push(Span::raw(format!(
            " · {}: {}",
            lang.t(Msg::HitsTitle),
            h.docs.len()
        )));
    }
    frame.render_widget(
        Paragraph::new(vec![Line::from(first), Line::from(second)]).style(theme.text),
        area,
    );
}

fn describe_filter(app: &App, view: &ArchiveView) -> String {
    let lang = app.lang;
    let f = &view.filter;
    let forum = &app.doc.forum;
    let mut parts = Vec::new();
    if let Some(s) = f.status {
        parts.push(i18n::meeting_status(lang, s).to_string());
    }
    if let Some(p) = &f.party {
        let mut s = forum.party_short(p).to_string();
        if let Some(st) = f.stance {
            s.push_str(&format!(" {}", i18n::stance(lang, st).to_lowercase()));
        }
        parts.push(s);
    } else if let Some(st) = f.stance {
        parts.push(i18n::stance(lang, st).to_string());
    }
    if let Some(a) = &f.area {
        parts.push(match forum.dev_area(a) {
            Some(d) => format!(
                "{} {} {}",
                lang.t(Msg::FilterArea).to_lowercase(),
                d.number,
                d.title
            ),
            None => a.clone(),
        });
    }
    match (f.since, f.until) {
        (Some(s), Some(u)) => parts.push(format!(
            "{}–{}",
            i18n::short_date(lang, s),
            i18n::short_date(lang, u)
        )),
        (Some(s), None) => parts.push(format!("≥ {}", i18n::short_date(lang, s))),
        (None, Some(u)) => parts.push(format!("≤ {}", i18n::short_date(lang, u))),
        _ => {}
    }
    parts.join(" · ")
}

/// Status in words, with whom an approval waits for and whether it is overdue.
pub fn status_text(app: &App, m: &MeetingRow) -> String {
    crate::i18n::archive_status(app.lang, &app.doc.forum, m, app.now.date_naive())
}

/// The status column: the status in words, "⚠" when an approval round is overdue; for
/// minutes whose record shows tampering, that instead of any status.
fn status_cell(app: &App, m: &MeetingRow) -> (String, bool) {
    if m.doubts > 0 {
        return (app.lang.t(Msg::FailsChecksShort).to_string(), true);
    }
    let overdue = m.status == MeetingStatus::Circulated
        && m.approval_deadline
            .is_some_and(|d| d < app.now.date_naive());
    let mut s = i18n::meeting_status(app.lang, m.status).to_string();
    if overdue {
        s.push_str(" ⚠");
    }
    (s, overdue)
}

fn status_width(app: &App) -> usize {
    MeetingStatus::ALL
        .iter()
        .map(|s| i18n::meeting_status(app.lang, *s).chars().count())
        .chain(
            app.archive
                .meetings
                .iter()
                .any(|m| m.doubts > 0)
                .then(|| app.lang.t(Msg::FailsChecksShort).chars().count()),
        )
        .max()
        .unwrap_or(10)
        + 2
}

fn meeting_list(frame: &mut Frame, area: Rect, app: &App, view: &ArchiveView, theme: &Theme) {
    let lang = app.lang;
    let a = &app.archive;
    let empty = view.rows.is_empty().then(|| lang.t(Msg::ArchiveEmpty));
    let title = lang.t(Msg::PaneMeetings);
    let Some(inner) = list_pane(frame, area, title, true, empty, theme) else {
        return;
    };
    let sw = status_width(app);
    let items_w = lang.t(Msg::ColItems).chars().count();
    let open_w = lang.t(Msg::ColOpenActions).chars().count();
    let mut lines = vec![Line::styled(
        format!(
            "  {:<10}  {:<sw$} {} {}  {}",
            lang.t(Msg::ColDate),
            lang.t(Msg::ColStatus),
            lang.t(Msg::ColItems),
            lang.t(Msg::ColOpenActions),
            lang.t(Msg::ColTitle)
        ),
        theme.heading,
    )];
    let h = (inner.height as usize).saturating_sub(1);
    let rows: Vec<Line> = visible(&view.rows, view.sel, h)
        .filter_map(|(i, &m)| {
            let row = a.meetings.get(m)?;
            let sel = i == view.sel;
            let (status, overdue) = status_cell(app, row);
            let style = if sel { theme.selected } else { theme.text };
            Some(
                Line::from(vec![
                    Span::raw(marker(sel)),
                    Span::raw(format!("{}  ", row.date())),
                    Span::styled(
                        format!("{status:<sw$} "),
                        if overdue { theme.warn } else { theme.dim },
                    ),
                    Span::raw(format!(
                        "{:>items_w$} {:>open_w$}  ",
                        row.items, row.open_actions
                    )),
                    Span::raw(row.title.clone()),
                ])
                .style(style),
            )
        })
        .collect();
    lines.extend(rows);
    frame.render_widget(Paragraph::new(lines), inner);
}

fn meeting_detail(frame: &mut Frame, area: Rect, app: &App, m: Option<usize>, theme: &Theme) {
    let lang = app.lang;
    let a = &app.archive;
    let inner = pane(frame, area, lang.t(Msg::PaneDetail), false, theme);
    let Some((m, row)) = m.and_then(|m| a.meetings.get(m).map(|r| (m, r))) else {
        return;
    };
    let mut lines = vec![
        Line::styled(row.title.clone(), theme.title),
        Line::raw(format!(
            "{} · {}",
            i18n::long_datetime(lang, &row.starts_at),
            status_text(app, row)
        )),
    ];
    lines.extend(approval_lines(app, row, theme));
    lines.push(Line::raw(""));
    let forum = &app.doc.forum;
    for item in a.items_of(m) {
        let mut spans = vec![Span::styled(
            format!("{} {}", item.number, item.title),
            theme.heading,
        )];
        if item.confidential {
            spans.push(Span::styled(
                format!(" [{}]", lang.t(Msg::ExemptShort)),
                theme.warn,
            ));
        }
        lines.push(Line::from(spans));
        if !item.positions.is_empty() {
            let pos: Vec<String> = item
                .positions
                .iter()
                .map(|(p, s)| format!("{} {}", forum.party_short(p), i18n::stance(lang, *s)))
                .collect();
            lines.push(Line::styled(format!("  {}", pos.join(" · ")), theme.dim));
        }
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .style(theme.text),
        inner,
    );
}

/// The approval round in words: who has not answered, who asked for changes, the deadline.
pub fn approval_lines<'a>(app: &App, row: &MeetingRow, theme: &Theme) -> Vec<Line<'a>> {
    let lang = app.lang;
    let forum = &app.doc.forum;
    let names = |ps: &[String]| {
        ps.iter()
            .map(|p| forum.party_short(p).to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = Vec::new();
    match row.status {
        MeetingStatus::Circulated => {
            let mut s = format!("{}: ", lang.t(Msg::Approval));
            if !row.waiting_for.is_empty() {
                s.push_str(&format!(
                    "{} {}",
                    lang.t(Msg::WaitingFor),
                    names(&row.waiting_for)
                ));
            }
            if let Some(d) = row.approval_deadline {
                s.push_str(&format!(
                    " · {} {}",
                    lang.t(Msg::Deadline),
                    i18n::short_date(lang, d)
                ));
                if d < app.now.date_naive() {
                    s.push_str(&format!(" {}", lang.t(Msg::Overdue)));
                }
            }
            out.push(Line::styled(s, theme.warn));
            if !row.changes_requested.is_empty() {
                out.push(Line::styled(
                    format!(
                        "{} {}",
                        names(&row.changes_requested),
                        lang.t(Msg::ChangesAskedBy)
                    ),
                    theme.warn,
                ));
            }
        }
        MeetingStatus::Approved => {
            let when = row
                .approved_at
                .as_deref()
                .map(|at| i18n::short_datetime(lang, at))
                .unwrap_or_default();
            let hash: String = row
                .content_hash
                .as_deref()
                .unwrap_or("")
                .chars()
                .take(16)
                .collect();
            out.push(Line::styled(
                format!("{} {when} · SHA-256 {hash}…", lang.t(Msg::ApprovedOn)),
                theme.ok,
            ));
        }
        _ => {}
    }
    out
}

fn hit_list(frame: &mut Frame, area: Rect, app: &App, h: &HitList, theme: &Theme) {
    let (lang, a) = (app.lang, &app.archive);
    let empty = h.docs.is_empty().then(|| lang.t(Msg::NoHits));
    let Some(inner) = list_pane(frame, area, lang.t(Msg::HitsTitle), true, empty, theme) else {
        return;
    };
    let width = inner.width as usize;
    let lines: Vec<Line> = visible(&h.docs, h.sel, inner.height as usize)
        .filter_map(|(i, &d)| {
            let doc = a.docs.get(d as usize)?;
            let sel = i == h.sel;
            let place = place(app, a, doc);
            let room = width.saturating_sub(place.chars().count() + 4).max(10);
            let (before, hit, after) = search::snippet(h.text(d), &h.query, room);
            let style = if sel { theme.selected } else { theme.text };
            Some(
                Line::from(vec![
                    Span::raw(marker(sel)),
                    Span::styled(format!("{place}  "), theme.dim),
                    Span::raw(before),
                    Span::styled(hit, theme.key),
                    Span::raw(after),
                ])
                .style(style),
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// "2026-12-08 3/26 standpunkt NTL" for a hit.
fn place(app: &App, a: &Archive, doc: &crate::store::archive::TextDoc) -> String {
    let lang = app.lang;
    let date = a
        .meetings
        .get(doc.meeting as usize)
        .map(|m| m.date().to_string())
        .unwrap_or_else(|| "-".repeat(10));
    let (item, field) = search::doc_place(a, doc);
    let mut s = format!(
        "{date} {:>5} {}",
        item.unwrap_or_default(),
        i18n::search_field(lang, field)
    );
    if let Some(p) = a.party_id(doc.party) {
        s.push_str(&format!(" {}", app.doc.forum.party_short(p)));
    }
    if let (crate::store::archive::Field::Position, Some(item), Some(p)) =
        (field, a.items.get(doc.item as usize), a.party_id(doc.party))
        && let Some((_, st)) = item.positions.iter().find(|(q, _)| q == p)
    {
        s.push_str(&format!(" {}", i18n::stance(lang, *st).to_lowercase()));
    }
    s
}

fn hit_detail(frame: &mut Frame, area: Rect, app: &App, h: &HitList, theme: &Theme) {
    let lang = app.lang;
    let a = &app.archive;
    let inner = pane(frame, area, lang.t(Msg::PaneDetail), false, theme);
    let Some((d, doc)) = h
        .docs
        .get(h.sel)
        .and_then(|&d| a.docs.get(d as usize).map(|doc| (d, doc)))
    else {
        return;
    };
    let mut lines = Vec::new();
    if let Some(row) = a.meetings.get(doc.meeting as usize) {
        lines.push(Line::styled(row.title.clone(), theme.title));
        lines.push(Line::raw(format!(
            "{} · {}",
            i18n::long_datetime(lang, &row.starts_at),
            status_text(app, row)
        )));
    }
    if let Some(item) = a.items.get(doc.item as usize) {
        lines.push(Line::styled(
            format!("{} {} {}", lang.t(Msg::Item), item.number, item.title),
            theme.heading,
        ));
    }
    lines.push(Line::styled(place(app, a, doc), theme.dim));
    lines.push(Line::raw(""));
    for l in h.text(d).lines() {
        lines.push(Line::raw(l.to_string()));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .style(theme.text),
        inner,
    );
}
