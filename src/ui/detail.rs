//! The detail pane: everything about the selected item, development area or action.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::lists::{action_spans, owner_label};
use super::theme::Theme;
use super::widgets::{Continues, continues, max_scroll, pane_block, title_width, wrapped_rows};
use crate::app::{App, Pane};
use crate::export::{AreaRef, ItemFacts, Positions, area_refs};
use crate::i18n::{self, Msg};
use crate::model::{DevArea, Item};

/// The detail pane's lines for what is selected.
pub fn lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    match app.detail_of {
        Pane::Areas => app.selected_area().map(|a| area_lines(app, a, theme)),
        Pane::Actions => app.selected_action().map(|a| action_lines(app, a, theme)),
        _ => app.selected_item().map(|i| item_lines(app, i, theme)),
    }
    .unwrap_or_default()
}

/// The details, scrolled as far as the user has; the frame says where they go on past the
/// top or the bottom (at 80×24 the speakers list is often below the fold).
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let title = app.lang.t(Msg::PaneDetail);
    let focused = app.pane_focused(Pane::Detail);
    let block = pane_block(title, focused, theme);
    let lines = lines(app, theme);
    let limit = max_scroll(wrapped_rows(&lines, area.width.saturating_sub(2)), area);
    let scroll = app.detail_scroll.min(limit);
    let p = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0));
    frame.render_widget(p, area);
    let marks = Continues {
        above: scroll > 0,
        below: scroll < limit,
    };
    continues(
        frame,
        area,
        title_width(title, focused),
        marks,
        (app.lang, theme),
    );
}

/// A blank line, then a heading.
fn heading(out: &mut Vec<Line<'static>>, text: impl Into<String>, theme: &Theme) {
    out.push(Line::raw(""));
    out.push(Line::styled(text.into(), theme.heading));
}

/// A heading and the lines under it, when there are any.
fn section(out: &mut Vec<Line<'static>>, title: &str, lines: Vec<Line<'static>>, theme: &Theme) {
    if !lines.is_empty() {
        heading(out, title, theme);
        out.extend(lines);
    }
}

/// Text as written, a line for each of its lines; the lines that say where a conflict
/// starts, splits and ends (`export::readable`) stand out.
fn text_lines<'t>(text: &'t str, theme: &'t Theme) -> impl Iterator<Item = Line<'static>> + 't {
    text.lines().map(|l| {
        if l.starts_with("⚠ ") || l.starts_with("── ") {
            Line::styled(l.to_string(), theme.warn)
        } else {
            Line::raw(l.to_string())
        }
    })
}

fn field(label: &str, value: impl Into<String>, theme: &Theme) -> Line<'static> {
    let mut chars = label.chars();
    let label: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    Line::from(vec![
        Span::styled(format!("{label}: "), theme.dim),
        Span::raw(value.into()),
    ])
}

/// A heading and the text under it, when there is text.
fn text_block(lines: &mut Vec<Line<'static>>, title: &str, text: Option<&str>, theme: &Theme) {
    let Some(text) = text else {
        return;
    };
    heading(lines, title, theme);
    lines.extend(text_lines(text, theme));
}

/// The development areas by number, on one line.
fn area_field(out: &mut Vec<Line<'static>>, areas: &[AreaRef], label: &str, theme: &Theme) {
    if !areas.is_empty() {
        let numbers: Vec<String> = areas.iter().map(AreaRef::number).collect();
        out.push(field(label, numbers.join(", "), theme));
    }
}

fn item_lines(app: &App, item: &Item, theme: &Theme) -> Vec<Line<'static>> {
    let lang = app.lang;
    let t = |m| lang.t(m);
    let f = &app.doc.forum;
    let facts = ItemFacts::of(f, item, lang);
    let mut out = vec![Line::styled(facts.heading.clone(), theme.title)];
    let mut line = vec![facts.kind.to_string()];
    line.extend(facts.presenter.clone());
    line.push(facts.planned.clone());
    if let Some(e) = &facts.exempt {
        line.push(format!("[{e}]"));
    }
    out.push(Line::raw(line.join(" · ")));
    if item.is_exempt() {
        // What the public version says in the item's place.
        let public = ItemFacts::of(f, &item.public(), lang).heading;
        out.push(field(t(Msg::PublicVersion), public, theme));
    }
    for (label, value) in &facts.deadlines {
        out.push(field(label, value.clone(), theme));
    }
    if item.ha20_end_passed(app.now.date_naive()) {
        out.push(Line::styled(
            format!("⚠ {}", t(Msg::Ha20EndPassed)),
            theme.warn,
        ));
    }
    area_field(&mut out, &facts.areas, t(Msg::DevAreas), theme);
    text_block(
        &mut out,
        t(Msg::Background),
        facts.background.as_deref(),
        theme,
    );
    if !facts.inputs.is_empty() {
        heading(&mut out, t(Msg::Inputs), theme);
        for i in &facts.inputs {
            let src = i.source.map(|s| format!(" ({s})")).unwrap_or_default();
            out.push(Line::styled(format!("{}{src}:", i.party), theme.dim));
            out.extend(i.text.lines().map(|l| Line::raw(format!("  {l}"))));
        }
    }
    text_block(&mut out, t(Msg::Notes), facts.notes.as_deref(), theme);
    if let Some(p) = &facts.positions {
        position_lines(&mut out, p, app, theme);
    }
    out.extend(facts.votes.iter().map(|v| Line::raw(v.clone())));
    turnout_lines(&mut out, app, item, theme);
    if let Some(c) = &facts.conclusion {
        heading(&mut out, t(Msg::Conclusion), theme);
        if let Some(text) = c.text.as_deref() {
            out.extend(text_lines(text, theme));
        }
        if let Some(a) = c.agreement {
            out.push(Line::styled(format!("= {a}"), theme.current));
        }
    }
    text_block(&mut out, t(Msg::Further), facts.further.as_deref(), theme);
    if let Some(d) = facts.dispute {
        out.push(Line::raw(d.to_string()));
    }
    if facts.further_missing {
        out.push(Line::styled(t(Msg::FurtherMissing).to_string(), theme.warn));
    }
    protocol_lines(&mut out, app, item, theme);
    for s in &facts.statements {
        heading(
            &mut out,
            format!("{} – {}", t(Msg::Statements), s.party),
            theme,
        );
        out.extend(text_lines(&s.text, theme));
    }
    speaker_lines(&mut out, item, app, theme);
    let refused = app
        .doc
        .rejected
        .iter()
        .filter(|r| r.item.as_deref() == Some(item.id.as_str()))
        .map(|r| {
            Line::styled(
                format!(
                    "{} {}: {}",
                    i18n::short_datetime(lang, &r.at),
                    r.by,
                    i18n::reject_reason(lang, &r.reason)
                ),
                theme.warn,
            )
        })
        .collect();
    section(&mut out, t(Msg::RefusedChanges), refused, theme);
    let linked = app
        .doc
        .actions
        .iter()
        .filter(|a| a.item.as_deref() == Some(item.id.as_str()))
        .map(|a| Line::from(action_spans(app, a, theme)))
        .collect();
    section(&mut out, t(Msg::Actions), linked, theme);
    out
}

/// Who has voted in an open vote the parties (or people) cast themselves, and which
/// parties have not yet.
fn turnout_lines(out: &mut Vec<Line<'static>>, app: &App, item: &Item, theme: &Theme) {
    use crate::model::VoteMethod;
    let f = &app.doc.forum;
    let t = |m| app.lang.t(m);
    for v in item
        .votes
        .iter()
        .filter(|v| v.open && v.method != VoteMethod::Count)
    {
        let voters = v.voters();
        let name = |id: &String| match v.method {
            VoteMethod::PerParty => f.party_short(id).to_string(),
            _ => f.person(id).map(|p| p.name.clone()).unwrap_or(id.clone()),
        };
        let voted: Vec<String> = voters.iter().map(|id| name(id)).collect();
        out.push(field(t(Msg::VotedAlready), voted.join(", "), theme));
        if v.method == VoteMethod::PerParty {
            // The parties at the meeting (an observer votes in no party's name).
            let parties = app
                .current_meeting()
                .map(|m| m.approving_parties(f))
                .unwrap_or_default();
            let waiting: Vec<String> = parties
                .iter()
                .filter(|p| !voters.contains(p))
                .map(|p| f.party_short(p).to_string())
                .collect();
            if !waiting.is_empty() {
                out.push(field(t(Msg::VoteWaitingFor), waiting.join(", "), theme));
            }
        }
    }
}

/// A forhandling item's protokoll: who has signed it, who has not, and whose signature
/// is on earlier content.
fn protocol_lines(out: &mut Vec<Line<'static>>, app: &App, item: &Item, theme: &Theme) {
    let f = &app.doc.forum;
    let Some(st) = app
        .current_meeting()
        .and_then(|m| m.protocol_status(m.protocol_key_of(&item.id)?, f))
    else {
        return;
    };
    let t = |m| app.lang.t(m);
    let names = |ids: &[String]| -> String {
        ids.iter()
            .map(|p| f.party_short(p).to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    heading(out, t(Msg::ProtocolHeading), theme);
    if let Some(m) = app
        .current_meeting()
        .filter(|m| m.protocol_scope == crate::model::ProtocolScope::PerMeeting)
    {
        let numbers: Vec<String> = m
            .negotiation_items()
            .map(|i| i.number.to_string())
            .collect();
        out.push(Line::raw(format!(
            "{} ({})",
            t(Msg::ProtocolPerMeeting),
            numbers.join(", ")
        )));
    }
    if st.state() == crate::model::ProtocolState::SignedByAll {
        out.push(Line::styled(
            format!("= {}", t(Msg::ProtocolSignedByAll)),
            theme.current,
        ));
    }
    if !st.signed.is_empty() {
        out.push(field(t(Msg::ProtocolSigned), names(&st.signed), theme));
    }
    let missing = st.missing();
    if !missing.is_empty() {
        out.push(field(t(Msg::ProtocolMissing), names(&missing), theme));
    }
    if !st.stale.is_empty() {
        out.push(field(t(Msg::ProtocolStale), names(&st.stale), theme));
    }
}

/// The speakers list: who has the floor, who waits, who spoke, and each party's time.
fn speaker_lines(out: &mut Vec<Line<'static>>, item: &Item, app: &App, theme: &Theme) {
    if item.speakers.is_empty() {
        return;
    }
    let t = |m| app.lang.t(m);
    let f = &app.doc.forum;
    heading(out, t(Msg::SpeakersList), theme);
    // The party, unless the name says it ("Tillitsvalgt NTL").
    let party = |s: &crate::model::Speaker| {
        s.party
            .as_deref()
            .map(|x| f.party_short(x))
            .filter(|x| !s.name.contains(x))
            .map(|x| format!(" ({x})"))
            .unwrap_or_default()
    };
    for s in item.speakers.iter().filter(|s| s.speaking()) {
        out.push(Line::styled(
            format!(
                "▶ {}{} {}",
                s.name,
                party(s),
                super::header::clock(s.seconds(app.now))
            ),
            theme.current,
        ));
    }
    for (n, s) in item.speakers.iter().filter(|s| s.waiting()).enumerate() {
        out.push(Line::raw(format!(
            "{}. {}{} – {}",
            n + 1,
            s.name,
            party(s),
            t(Msg::Waiting)
        )));
    }
    let spoke: Vec<String> = item
        .speakers
        .iter()
        .filter(|s| s.ended_at.is_some())
        .map(|s| format!("{} {}", s.name, super::header::clock(s.seconds(app.now))))
        .collect();
    if !spoke.is_empty() {
        out.push(Line::styled(
            format!("{}: {}", t(Msg::Spoke), spoke.join(", ")),
            theme.dim,
        ));
    }
    let used = item.party_speaking_time(app.now);
    if !used.is_empty() {
        let budget = item.party_budget_minutes.map(|m| m as i64 * 60);
        let parts: Vec<String> = used
            .iter()
            .map(|(p, secs)| {
                let over = budget.is_some_and(|b| *secs > b);
                let of = budget
                    .map(|b| format!("/{}", super::header::clock(b)))
                    .unwrap_or_default();
                format!(
                    "{} {}{of}{}",
                    f.party_short(p),
                    super::header::clock(*secs),
                    if over { " ⚠" } else { "" }
                )
            })
            .collect();
        out.push(Line::styled(
            format!("{}: {}", t(Msg::SpeakingTime), parts.join(", ")),
            theme.dim,
        ));
    }
}

/// The current positions side by side per confederation, in the forum's party order, and
/// the parties that have given none.
fn position_lines(out: &mut Vec<Line<'static>>, p: &Positions, app: &App, theme: &Theme) {
    let t = |m| app.lang.t(m);
    heading(out, t(Msg::Positions), theme);
    for (group, members) in p.by_group() {
        out.push(Line::styled(group.to_string(), theme.dim));
        for p in members {
            let mut spans = vec![
                Span::raw(format!("  {}: ", p.party)),
                Span::styled(p.stance.to_string(), theme.current),
            ];
            if !p.reason.is_empty() {
                spans.push(Span::raw(format!(" – {}", p.reason)));
            }
            let mut note = format!(" ({}, {}", p.by, p.at);
            if p.on_behalf {
                note.push_str(&format!("; {}", t(Msg::OnBehalf)));
            }
            if p.earlier > 0 {
                note.push_str(&format!("; {} {}", p.earlier, t(Msg::EarlierPositions)));
            }
            note.push(')');
            spans.push(Span::styled(note, theme.dim));
            out.push(Line::from(spans));
        }
    }
    if !p.missing.is_empty() {
        out.push(Line::styled(
            format!("{}: {}", t(Msg::NoPositionYet), p.missing.join(", ")),
            theme.dim,
        ));
    }
}

/// When and by whom an entry of a history was written, and the date of the meeting it was
/// written in, between `brackets`: "08.12.2026 10.15 Kari (2026-12-08)".
fn stamp(app: &App, at: &str, by: &str, meeting: Option<&str>, brackets: [char; 2]) -> String {
    let [open, close] = brackets;
    let meeting = meeting
        .and_then(|m| app.meeting_date(m))
        .map(|d| format!(" {open}{d}{close}"))
        .unwrap_or_default();
    format!("{} {by}{meeting}", i18n::short_datetime(app.lang, at))
}

fn area_lines(app: &App, a: &DevArea, theme: &Theme) -> Vec<Line<'static>> {
    let lang = app.lang;
    let t = |m| lang.t(m);
    let f = &app.doc.forum;
    let mut out = vec![Line::styled(
        format!("{}. {}", a.number, a.title),
        theme.title,
    )];
    if let Some(g) = a.goal_area.as_deref().and_then(|g| f.goal_area(g)) {
        out.push(field(
            t(Msg::GoalArea),
            format!("{} {}", g.number, g.title),
            theme,
        ));
    }
    let mut status = i18n::dev_area_status(lang, a.status).to_string();
    if !a.status_note.is_empty() {
        status.push_str(&format!(" – {}", a.status_note));
    }
    out.push(field(t(Msg::Status), status, theme));
    if !a.history.is_empty() {
        heading(&mut out, t(Msg::History), theme);
        for h in &a.history {
            let stamp = stamp(app, &h.at, &h.by, h.meeting.as_deref(), ['(', ')']);
            out.push(Line::raw(format!(
                "{stamp}: {} {}",
                i18n::dev_area_status(lang, h.status),
                h.note
            )));
        }
    }
    // The latest few; `T` shows the whole thread in the archive.
    const SHOWN: usize = 30;
    let linked = app.items_linked_to(&a.id);
    let earlier = linked.len().saturating_sub(SHOWN);
    let mut items: Vec<Line> = linked
        .iter()
        .skip(earlier)
        .map(|(date, number, title)| {
            Line::raw(format!("{date} · {} {number}: {title}", t(Msg::Item)))
        })
        .collect();
    if earlier > 0 {
        items.insert(
            0,
            Line::styled(
                format!("… {earlier} {}", t(Msg::EarlierSeeThread)),
                theme.dim,
            ),
        );
    }
    section(&mut out, t(Msg::ItemsAcrossMeetings), items, theme);
    let inputs: Vec<Line> = app
        .doc
        .area_inputs
        .iter()
        .filter(|i| matches!(&i.target, crate::model::InputTarget::DevArea(id) if *id == a.id))
        .map(|i| Line::raw(format!("{}: {}", f.party_short(&i.party), i.text)))
        .collect();
    section(&mut out, t(Msg::Inputs), inputs, theme);
    let actions: Vec<Line> = app
        .doc
        .actions
        .iter()
        .filter(|x| x.areas.contains(&a.id))
        .map(|x| Line::from(action_spans(app, x, theme)))
        .collect();
    section(&mut out, t(Msg::Actions), actions, theme);
    out
}

fn action_lines(app: &App, a: &crate::model::Action, theme: &Theme) -> Vec<Line<'static>> {
    let lang = app.lang;
    let t = |m| lang.t(m);
    let f = &app.doc.forum;
    let mut out = vec![
        Line::styled(a.title.clone(), theme.title),
        Line::from(action_spans(app, a, theme)),
    ];
    out.push(field(t(Msg::Owner), owner_label(app, &a.owner), theme));
    if let Some(d) = a.due {
        out.push(field(t(Msg::Due), i18n::short_date(lang, d), theme));
    }
    if let Some((date, title, number)) = a
        .meeting
        .as_deref()
        .and_then(|m| app.meeting_and_item(m, a.item.as_deref()))
    {
        let item = number
            .map(|n| format!(", {} {n}", t(Msg::Item).to_lowercase()))
            .unwrap_or_default();
        out.push(field(
            t(Msg::Linked),
            format!("{date} {title}{item}"),
            theme,
        ));
    }
    area_field(&mut out, &area_refs(f, &a.areas), t(Msg::DevAreas), theme);
    if let Some(p) = &a.proposed_by {
        out.push(field(
            t(Msg::ProposedBy),
            f.party_short(p).to_string(),
            theme,
        ));
    }
    if !a.history.is_empty() {
        heading(&mut out, t(Msg::History), theme);
        for h in &a.history {
            let what = match &h.change {
                crate::model::ActionField::Status(s) => {
                    format!("{}: {}", t(Msg::Status), i18n::action_status(lang, *s))
                }
                crate::model::ActionField::Due(d) => format!(
                    "{}: {}",
                    t(Msg::Due),
                    d.map(|d| i18n::short_date(lang, d))
                        .unwrap_or_else(|| "–".into())
                ),
                crate::model::ActionField::Owner(o) => {
                    format!("{}: {}", t(Msg::Owner), owner_label(app, o))
                }
                crate::model::ActionField::Title(s) => format!("{}: {s}", t(Msg::FieldTitle)),
                crate::model::ActionField::Areas(v) => {
                    let numbers: Vec<String> = area_refs(f, v)
                        .iter()
                        .map(|r| r.area.map_or(r.id.to_string(), |a| a.number.to_string()))
                        .collect();
                    format!("{}: {}", t(Msg::DevAreas), numbers.join(", "))
                }
                crate::model::ActionField::Note(s) => s.clone(),
            };
            let stamp = stamp(app, &h.at, &h.by, h.meeting.as_deref(), ['[', ']']);
            out.push(Line::raw(format!("{stamp}: {what}")));
        }
    }
    out
}
