//! The detail pane: everything about the selected item, development area or action.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::lists::{action_spans, owner_label};
use super::{Theme, pane_block};
use crate::app::{App, Pane};
use crate::i18n::{self, Msg};
use crate::model::{DevArea, Item, ItemKind};

/// The detail pane's lines for what is selected.
pub fn lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    match app.detail_of {
        Pane::Areas => app.selected_area().map(|a| area_lines(app, a, theme)),
        Pane::Actions => app.selected_action().map(|a| action_lines(app, a, theme)),
        _ => app.selected_item().map(|i| item_lines(app, i, theme)),
    }
    .unwrap_or_default()
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let block = pane_block(
        app.lang.t(Msg::PaneDetail),
        app.pane_focused(Pane::Detail),
        theme,
    );
    let lines = lines(app, theme);
    let limit = super::max_scroll(
        super::wrapped_rows(&lines, area.width.saturating_sub(2)),
        area,
    );
    let scroll = app.detail_scroll.min(limit);
    let p = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0));
    frame.render_widget(p, area);
}

fn heading(text: impl Into<String>, theme: &Theme) -> Line<'static> {
    Line::styled(text.into(), theme.heading)
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

fn text_block(lines: &mut Vec<Line<'static>>, title: &str, text: &str, theme: &Theme) {
    if text.trim().is_empty() {
        return;
    }
    lines.push(Line::raw(""));
    lines.push(heading(title.to_string(), theme));
    lines.extend(text.lines().map(|l| Line::raw(l.to_string())));
}

fn item_lines(app: &App, item: &Item, theme: &Theme) -> Vec<Line<'static>> {
    let lang = app.lang;
    let t = |m| lang.t(m);
    let f = &app.doc.forum;
    let mut out = vec![Line::styled(
        format!("{} {}: {}", t(Msg::Item), item.number, item.title),
        theme.title,
    )];
    let mut facts = vec![i18n::item_kind(lang, item.kind).to_string()];
    if !item.presenter.is_empty() {
        facts.push(format!("{}: {}", t(Msg::Presenter), item.presenter));
    }
    facts.push(format!(
        "{}: {} {}",
        t(Msg::PlannedMinutes),
        item.planned_minutes,
        t(Msg::Minute)
    ));
    if item.confidential {
        facts.push(format!("[{}]", t(Msg::Confidential)));
    }
    out.push(Line::raw(facts.join(" · ")));
    if let Some(d) = item.demanded_on {
        let dl = crate::model::ha20_deadlines(d);
        out.push(field(
            t(Msg::FieldDemandedOn),
            format!(
                "{} → start ≤ {}",
                i18n::short_date(lang, d),
                i18n::short_date(lang, dl.start_by)
            ),
            theme,
        ));
    }
    if !item.areas.is_empty() {
        let names: Vec<String> = item
            .areas
            .iter()
            .map(|a| {
                f.dev_area(a)
                    .map(|d| d.number.to_string())
                    .unwrap_or_else(|| a.clone())
            })
            .collect();
        out.push(field(t(Msg::DevAreas), names.join(", "), theme));
    }
    text_block(&mut out, t(Msg::Background), &item.background, theme);
    if !item.inputs.is_empty() {
        out.push(Line::raw(""));
        out.push(heading(t(Msg::Inputs), theme));
        for i in &item.inputs {
            let src = if i.source.is_empty() {
                String::new()
            } else {
                format!(" ({})", i.source)
            };
            out.push(Line::styled(
                format!("{}{src}:", f.party_short(&i.party)),
                theme.dim,
            ));
            out.extend(i.text.lines().map(|l| Line::raw(format!("  {l}"))));
        }
    }
    text_block(&mut out, t(Msg::Notes), &item.notes, theme);

    let current = item.current_positions();
    if !current.is_empty() || matches!(item.kind, ItemKind::Consultation | ItemKind::Negotiation) {
        out.push(Line::raw(""));
        out.push(heading(t(Msg::Positions), theme));
        // Side by side per confederation, in the forum's party order.
        let mut groups: Vec<String> = Vec::new();
        for party in &f.parties {
            let conf = party
                .confederation
                .clone()
                .unwrap_or_else(|| i18n::side(lang, party.side).to_string());
            if !groups.contains(&conf) {
                groups.push(conf);
            }
        }
        for conf in groups {
            let members: Vec<&crate::model::Position> = current
                .iter()
                .copied()
                .filter(|p| {
                    f.party(&p.party)
                        .map(|x| {
                            x.confederation
                                .clone()
                                .unwrap_or_else(|| i18n::side(lang, x.side).to_string())
                        })
                        .as_deref()
                        == Some(conf.as_str())
                })
                .collect();
            if members.is_empty() {
                continue;
            }
            out.push(Line::styled(conf, theme.dim));
            for p in members {
                let changes = item.positions.iter().filter(|q| q.party == p.party).count();
                let mut spans = vec![
                    Span::raw(format!("  {}: ", f.party_short(&p.party))),
                    Span::styled(i18n::stance(lang, p.stance).to_string(), theme.current),
                ];
                if !p.reason.is_empty() {
                    spans.push(Span::raw(format!(" – {}", p.reason)));
                }
                let mut note = format!(" ({}, {}", p.by, i18n::short_datetime(lang, &p.at));
                if p.on_behalf {
                    note.push_str(&format!("; {}", t(Msg::OnBehalf)));
                }
                if changes > 1 {
                    note.push_str(&format!("; {} {}", changes - 1, t(Msg::EarlierPositions)));
                }
                note.push(')');
                spans.push(Span::styled(note, theme.dim));
                out.push(Line::from(spans));
            }
        }
        let missing: Vec<&str> = item
            .parties_without_position(f)
            .iter()
            .map(|p| p.short.as_str())
            .collect();
        if !missing.is_empty() {
            out.push(Line::styled(
                format!("{}: {}", t(Msg::NoPositionYet), missing.join(", ")),
                theme.dim,
            ));
        }
    }
    for v in &item.votes {
        out.push(Line::raw(crate::export::vote_line(v, lang)));
    }
    if !item.conclusion.trim().is_empty() || item.agreement.is_some() {
        text_block(&mut out, t(Msg::Conclusion), &item.conclusion, theme);
        if item.conclusion.trim().is_empty() {
            out.push(Line::raw(""));
            out.push(heading(t(Msg::Conclusion), theme));
        }
        if let Some(a) = item.agreement {
            out.push(Line::styled(
                format!("= {}", i18n::agreement(lang, a)),
                theme.current,
            ));
        }
    }
    for s in item.current_statements() {
        out.push(Line::raw(""));
        out.push(heading(
            format!("{} – {}", t(Msg::Statements), f.party_short(&s.party)),
            theme,
        ));
        out.extend(s.text.lines().map(|l| Line::raw(l.to_string())));
    }
    if !item.speakers.is_empty() {
        out.push(Line::raw(""));
        out.push(heading(t(Msg::SpeakersList), theme));
        let party = |p: &Option<String>| {
            p.as_deref()
                .map(|x| format!(" ({})", f.party_short(x)))
                .unwrap_or_default()
        };
        for s in item.speakers.iter().filter(|s| s.speaking()) {
            out.push(Line::styled(
                format!(
                    "▶ {}{} {}",
                    s.name,
                    party(&s.party),
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
                party(&s.party),
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
    let refused: Vec<&crate::model::Rejection> = app
        .doc
        .rejected
        .iter()
        .filter(|r| r.item.as_deref() == Some(item.id.as_str()))
        .collect();
    if !refused.is_empty() {
        out.push(Line::raw(""));
        out.push(heading(t(Msg::RefusedChanges), theme));
        for r in refused {
            out.push(Line::styled(
                format!(
                    "{} {}: {}",
                    i18n::short_datetime(lang, &r.at),
                    r.by,
                    i18n::reject_reason(lang, &r.reason)
                ),
                theme.warn,
            ));
        }
    }
    let linked: Vec<_> = app
        .doc
        .actions
        .iter()
        .filter(|a| a.item.as_deref() == Some(item.id.as_str()))
        .collect();
    if !linked.is_empty() {
        out.push(Line::raw(""));
        out.push(heading(t(Msg::Actions), theme));
        for a in linked {
            out.push(Line::from(action_spans(app, a, theme)));
        }
    }
    out
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
        out.push(Line::raw(""));
        out.push(heading(t(Msg::History), theme));
        for h in &a.history {
            let meeting = h
                .meeting
                .as_deref()
                .and_then(|m| app.meeting_date(m))
                .map(|d| format!(" ({d})"))
                .unwrap_or_default();
            out.push(Line::raw(format!(
                "{} {}{meeting}: {} {}",
                i18n::short_datetime(lang, &h.at),
                h.by,
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
    if !items.is_empty() {
        out.push(Line::raw(""));
        out.push(heading(t(Msg::ItemsAcrossMeetings), theme));
        out.extend(items);
    }
    let inputs: Vec<Line> = app
        .doc
        .area_inputs
        .iter()
        .filter(|i| matches!(&i.target, crate::model::InputTarget::DevArea(id) if *id == a.id))
        .map(|i| Line::raw(format!("{}: {}", f.party_short(&i.party), i.text)))
        .collect();
    if !inputs.is_empty() {
        out.push(Line::raw(""));
        out.push(heading(t(Msg::Inputs), theme));
        out.extend(inputs);
    }
    let actions: Vec<Line> = app
        .doc
        .actions
        .iter()
        .filter(|x| x.areas.contains(&a.id))
        .map(|x| Line::from(action_spans(app, x, theme)))
        .collect();
    if !actions.is_empty() {
        out.push(Line::raw(""));
        out.push(heading(t(Msg::Actions), theme));
        out.extend(actions);
    }
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
    if !a.areas.is_empty() {
        let names: Vec<String> = a
            .areas
            .iter()
            .map(|x| {
                f.dev_area(x)
                    .map(|d| d.number.to_string())
                    .unwrap_or_else(|| x.clone())
            })
            .collect();
        out.push(field(t(Msg::DevAreas), names.join(", "), theme));
    }
    if let Some(p) = &a.proposed_by {
        out.push(field(
            t(Msg::ProposedBy),
            f.party_short(p).to_string(),
            theme,
        ));
    }
    if !a.history.is_empty() {
        out.push(Line::raw(""));
        out.push(heading(t(Msg::History), theme));
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
                crate::model::ActionField::Areas(v) => format!("{}: {}", t(Msg::DevAreas), v.len()),
                crate::model::ActionField::Note(s) => s.clone(),
            };
            let meeting = h
                .meeting
                .as_deref()
                .and_then(|m| app.meeting_date(m))
                .map(|d| format!(" [{d}]"))
                .unwrap_or_default();
            out.push(Line::raw(format!(
                "{} {}{meeting}: {what}",
                i18n::short_datetime(lang, &h.at),
                h.by
            )));
        }
    }
    out
}
