//! The help screen, made from the keymap tables and the list of commands.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::Theme;
use super::popups::{centered, popup_block};
use super::status::mode_name;
use crate::app::{ALL_MODES, App, keymap_for};
use crate::i18n::{Lang, Msg};

/// (command, what it does) in both languages.
pub fn commands(lang: Lang) -> Vec<(&'static str, &'static str)> {
    let nb = lang == Lang::Nb;
    vec![
        (
            ":new [tittel]",
            if nb {
                "nytt møte fra malen (faste saker, åpne tiltak videreføres)"
            } else {
                "new meeting from the template (standing items, open actions carried over)"
            },
        ),
        (
            ":open [id|dato|latest]",
            if nb {
                "bytt møte (uten argument: liste)"
            } else {
                "switch meeting (no argument: a list)"
            },
        ),
        (
            ":start",
            if nb {
                "start møtet (status Pågår)"
            } else {
                "start the meeting (status Open)"
            },
        ),
        (
            ":close",
            if nb {
                "avslutt møtet"
            } else {
                "close the meeting"
            },
        ),
        (
            ":reopen",
            if nb {
                "åpne et avsluttet møte igjen; et referat til godkjenning eller godkjent tilbake til avsluttet for endringer"
            } else {
                "reopen a closed meeting; circulated or approved minutes back to closed for changes"
            },
        ),
        (
            ":circulate [frist]",
            if nb {
                "send referatet til godkjenning (HA § 21), frist om 14 dager om ikke annet er gitt"
            } else {
                "circulate the minutes for approval (HA § 21), deadline in 14 days unless given"
            },
        ),
        (
            ":approve  :changes TEKST",
            if nb {
                "godkjenn referatet for din part / be om endringer"
            } else {
                "approve the minutes for your party / ask for changes"
            },
        ),
        (
            ":archive  :party NTL  :area 1",
            if nb {
                "arkivet: alle møter, filter og søk / en parts standpunkter over tid / et utviklingsområde over tid"
            } else {
                "the archive: every meeting, filters and search / a party's positions over time / a development area over time"
            },
        ),
        (
            ":edit",
            if nb {
                "endre et møte som er åpnet fra arkivet i lesemodus"
            } else {
                "change a meeting opened from the archive to read"
            },
        ),
        (
            ":meeting",
            if nb {
                "endre tittel, tid, sted, møteleder, referent"
            } else {
                "edit title, time, place, chair, minute-taker"
            },
        ),
        (
            ":attendance  :documents",
            if nb {
                "oppmøte og dokumenter sendt før møtet"
            } else {
                "attendance and documents sent before the meeting"
            },
        ),
        (
            ":background",
            if nb {
                "skriv bakgrunn for valgt sak"
            } else {
                "write the selected item's background"
            },
        ),
        (
            ":export md|html|csv|json|text",
            if nb {
                "eksporter referatet til datamappen"
            } else {
                "export the minutes into the data folder"
            },
        ),
        (
            ":closevote  :count 5 2 1 0",
            if nb {
                "lukk avstemningen / før opptellingen (for, mot, avstår, blanke)"
            } else {
                "close the vote / enter the counts (for, against, abstain, blank)"
            },
        ),
        (
            ":budget N",
            if nb {
                "taletid per part i minutter for saken"
            } else {
                "speaking time per party in minutes for the item"
            },
        ),
        (
            ":whoami",
            if nb {
                "si hvem du er (person og part)"
            } else {
                "say who you are (person and party)"
            },
        ),
        (":lang nb|en", if nb { "språk" } else { "language" }),
        (
            ":theme default|contrast|none",
            if nb { "fargetema" } else { "colour theme" },
        ),
        (":q", if nb { "avslutt samrad" } else { "quit samrad" }),
    ]
}

pub fn lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut out = vec![Line::raw(lang.t(Msg::HelpIntro).to_string()), Line::raw("")];
    for mode in ALL_MODES {
        out.push(Line::styled(
            lang.t(mode_name(mode)).to_string(),
            theme.heading,
        ));
        for b in &keymap_for(mode).bindings {
            out.push(Line::raw(format!(
                "  {:<22} {}",
                b.keys_label(),
                lang.t(b.help)
            )));
        }
        out.push(Line::raw(""));
    }
    out.push(Line::styled(
        lang.t(Msg::Commands).to_string(),
        theme.heading,
    ));
    let data = if app.data_dir.is_empty() {
        Vec::new()
    } else {
        vec![
            Line::raw(""),
            Line::styled(
                format!("{}: {}", lang.t(Msg::DataFolder), app.data_dir),
                theme.heading,
            ),
        ]
    };
    for (c, what) in commands(lang) {
        out.push(Line::raw(format!("  {c:<30} {what}")));
    }
    out.extend(data);
    out
}

/// Over the body only, so the footer's keys stay in view.
pub fn rect(area: Rect) -> Rect {
    let body = super::body_area(area);
    centered(body, 96, body.height + 2)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: u16, theme: &Theme) {
    let rect = rect(area);
    let lines = lines(app, theme);
    let scroll = scroll.min(super::max_scroll(
        super::wrapped_rows(&lines, rect.width.saturating_sub(2)),
        rect,
    ));
    frame.render_widget(Clear, rect);
    let p = Paragraph::new(lines)
        .block(popup_block(app.lang.t(Msg::HelpTitle), theme))
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0));
    frame.render_widget(p, rect);
}
