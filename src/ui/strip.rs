//! The strip under the header, always in view while a meeting is shown: the current item
//! and its clock, who has the floor and how many wait, the open votes and who has voted,
//! and the changes the parties ask for in the approval round (their text cut to fit; `i`
//! shows it whole). One line; a second one for votes and changes asked for when there are
//! any and the screen has the rows.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

use super::fit::{self, Part};
use super::header::{clock, since};
use super::theme::Theme;
use crate::app::App;
use crate::i18n::Msg;
use crate::model::{Meeting, MeetingStatus, Verdict, Vote, VoteMethod};

/// From this many rows, votes and changes asked for get a line of their own.
const TWO_LINES_FROM: u16 = 24;

/// What the strip says, as up to two lines of parts: the floor, then what is pending. A
/// meeting that is not open and has nobody on the floor shows only what is pending, if
/// anything is.
fn content(app: &App, m: &Meeting, theme: &Theme) -> Vec<Vec<Part>> {
    let floor = floor_parts(app, m, theme);
    let pending = pending_parts(app, m, theme);
    let idle = m.status != MeetingStatus::Open && floor.len() == 1 && m.current_item.is_none();
    match (pending.is_empty(), idle) {
        (true, _) => vec![floor],
        (false, true) => vec![pending],
        (false, false) => vec![floor, pending],
    }
}

/// The strip's rows: none without a meeting; two when something waits on the parties (an
/// open vote, changes asked for) beside the floor and the screen is tall enough; else one.
pub fn height(app: &App, area: Rect) -> u16 {
    let Some(m) = app.current_meeting() else {
        return 0;
    };
    let lines = content(app, m, &Theme::of(app.theme)).len() as u16;
    if area.height >= TWO_LINES_FROM {
        lines
    } else {
        1
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(m) = app.current_meeting() else {
        return;
    };
    let sep = || Span::styled(" · ", theme.dim);
    let mut lines = content(app, m, theme);
    if (area.height as usize) < lines.len() {
        // One row for all: each part keeps its priority.
        lines = vec![lines.concat()];
    }
    let lines: Vec<_> = lines
        .into_iter()
        .map(|parts| fit::line(parts, area.width, sep()))
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// The current item with its clock, who has the floor, and how many wait. With no current
/// item, an item where someone has the floor stands in for it.
pub fn floor_parts(app: &App, m: &Meeting, theme: &Theme) -> Vec<Part> {
    let lang = app.lang;
    let current = m.current_item.as_deref().and_then(|id| m.item(id));
    let mut parts = Vec::new();
    match current {
        Some(item) => {
            parts.push(Part::new(
                format!("▶ {} {}", lang.t(Msg::Item), item.number),
                theme.current,
                10,
            ));
            // The title is cut, and then left out, before the clocks and the floor.
            parts.push(
                Part::new(item.title.clone(), theme.text, 6)
                    .shortened(4, 10)
                    .glued(),
            );
            if let Some(secs) = item.started_at.as_deref().and_then(|s| since(app, s)) {
                let planned = item.planned_minutes as i64 * 60;
                let over = planned > 0 && secs > planned;
                let text = format!(
                    "{} / {} {}{}",
                    clock(secs),
                    item.planned_minutes,
                    lang.t(Msg::Minute),
                    if over { " ⚠" } else { "" }
                );
                parts.push(Part::new(
                    text,
                    if over { theme.warn } else { theme.text },
                    9,
                ));
            }
        }
        None => parts.push(Part::new(lang.t(Msg::NoCurrentItem), theme.dim, 10)),
    }
    let floor = current
        .filter(|i| i.speakers.iter().any(|s| s.speaking() || s.waiting()))
        .or_else(|| {
            m.items
                .iter()
                .find(|i| i.speakers.iter().any(|s| s.speaking()))
        });
    let Some(item) = floor else {
        return parts;
    };
    // Whose list it is, when it is not the current item's.
    let on = if current.is_some_and(|c| c.id == item.id) {
        String::new()
    } else {
        format!(" ({} {})", lang.t(Msg::Item), item.number)
    };
    let speaking = item.speakers.iter().find(|s| s.speaking());
    let waiting = item.speakers.iter().filter(|s| s.waiting()).count();
    let f = &app.doc.forum;
    if let Some(s) = speaking {
        // The party, unless the name says it ("Tillitsvalgt NTL").
        let party = s
            .party
            .as_deref()
            .map(|p| f.party_short(p))
            .filter(|p| !s.name.contains(p))
            .map(|p| format!(" ({p})"))
            .unwrap_or_default();
        parts.push(Part::new(
            format!(
                "{}{on}: {}{party} {}",
                lang.t(Msg::FloorTo),
                s.name,
                clock(s.seconds(app.now))
            ),
            theme.current,
            8,
        ));
    }
    if waiting > 0 {
        let count = lang.fill(Msg::SpeakersWaiting, &[&waiting]);
        let text = if speaking.is_some() {
            count
        } else {
            format!("{}{on}: {count}", lang.t(Msg::SpeakersList))
        };
        parts.push(Part::new(text, theme.text, 7));
    }
    parts
}

/// The open votes with who has voted, then the changes asked for in the approval round.
pub fn pending_parts(app: &App, m: &Meeting, theme: &Theme) -> Vec<Part> {
    let lang = app.lang;
    let f = &app.doc.forum;
    let mut parts = Vec::new();
    // The current item's vote first.
    let mut votes: Vec<(&crate::model::Item, &Vote)> = open_votes(m).collect();
    votes.sort_by_key(|(item, _)| m.current_item.as_deref() != Some(item.id.as_str()));
    for (item, vote) in votes {
        let label = if m.current_item.as_deref() == Some(item.id.as_str()) {
            lang.t(Msg::Vote).to_string()
        } else {
            lang.fill(Msg::VoteOpenOn, &[&item.number])
        };
        parts.push(
            Part::of(
                vec![
                    Span::styled(format!("{label}: "), theme.title),
                    Span::styled(
                        crate::export::safe_text::one_line(&vote.question).into_owned(),
                        theme.text,
                    ),
                ],
                6,
            )
            .shortened(3, 12),
        );
        let voters = voters(app, vote);
        let who = if vote.method == VoteMethod::Count {
            lang.t(Msg::VoteByCount).to_string()
        } else if voters.is_empty() {
            lang.t(Msg::NobodyVoted).to_string()
        } else {
            lang.fill(Msg::VotedBy, &[&voters.join(", ")])
        };
        parts.push(Part::new(who, theme.text, 7));
    }
    for (n, a) in change_requests(m).enumerate() {
        let mut spans = Vec::new();
        if n == 0 {
            spans.push(Span::styled(
                format!("{}: ", lang.t(Msg::ChangesAsked)),
                theme.warn,
            ));
        }
        let text = crate::export::safe_text::one_line(a.comment.trim()).into_owned();
        spans.push(Span::styled(
            format!("{}: «{text}»", f.party_short(&a.party)),
            theme.text,
        ));
        let keep = if n == 0 { 6 } else { 5 };
        parts.push(Part::of(spans, keep).shortened(4, 12));
    }
    parts
}

/// Who has voted: the parties' short names, or for a vote per person each voter's party
/// (or name), in the order they voted.
pub fn voters(app: &App, vote: &Vote) -> Vec<String> {
    let f = &app.doc.forum;
    let mut out: Vec<String> = Vec::new();
    for b in &vote.ballots {
        let name = match vote.method {
            VoteMethod::PerPerson => f
                .person(&b.voter)
                .map(|p| match p.party.as_deref() {
                    Some(party) => format!("{} ({})", p.name, f.party_short(party)),
                    None => p.name.clone(),
                })
                .unwrap_or_else(|| b.voter.clone()),
            _ => f.party_short(&b.voter).to_string(),
        };
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// Every open vote of the meeting, with its item, in agenda order.
pub fn open_votes(m: &Meeting) -> impl Iterator<Item = (&crate::model::Item, &Vote)> {
    m.items
        .iter()
        .flat_map(|i| i.votes.iter().filter(|v| v.open).map(move |v| (i, v)))
}

/// The changes the parties ask for in the round going on now.
pub fn change_requests(m: &Meeting) -> impl Iterator<Item = &crate::model::Approval> {
    m.approvals.iter().filter(move |a| {
        m.status == MeetingStatus::Circulated
            && a.verdict == Verdict::ChangesRequested
            && Some(&a.hash) == m.content_hash.as_ref()
    })
}
