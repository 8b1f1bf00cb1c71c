//! The help screen, made from the keymap tables and the list of commands.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::layout::body_area;
use super::status::mode_name;
use super::theme::Theme;
use super::widgets::{over_body, scrolled_popup};
use crate::app::{ALL_MODES, App, Mode, keymap_for};
use crate::i18n::Msg;

/// The help's lines: the keys of the mode it was opened in (`from`) first, then every
/// other mode's, then the commands.
pub fn lines(app: &App, from: Mode, theme: &Theme) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut out = vec![
        Line::raw(lang.t(Msg::HelpIntro).to_string()),
        Line::raw(lang.t(Msg::HelpStrip).to_string()),
        Line::raw(lang.t(Msg::HelpAgendaMarks).to_string()),
        Line::raw(""),
    ];
    let modes = std::iter::once(from).chain(ALL_MODES.into_iter().filter(|m| *m != from));
    for mode in modes.filter(|m| *m != Mode::Help) {
        let name = lang.t(mode_name(mode)).to_string();
        let heading = if mode == from {
            format!("▶ {} – {name}", lang.t(Msg::HelpHere))
        } else {
            name
        };
        out.push(Line::styled(heading, theme.heading));
        // Keys the user's role does not allow are left out (see `App::may`).
        for b in keymap_for(mode)
            .bindings
            .iter()
            .filter(|b| allowed(app, mode, b))
        {
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
    for c in crate::app::commands::COMMANDS
        .iter()
        .filter(|c| app.passes(c.gate).is_ok())
    {
        out.push(Line::raw(format!(
            "  {:<30} {}",
            c.usage(lang),
            lang.t(c.help)
        )));
    }
    out.extend(data);
    out
}

/// Whether the help lists a key: in the main screen, only those the user's role allows.
fn allowed(app: &App, mode: crate::app::Mode, b: &crate::app::Binding) -> bool {
    use crate::app::Pane;
    // A key that works for them in some pane is listed.
    mode != crate::app::Mode::Normal
        || [Pane::Agenda, Pane::Areas, Pane::Actions]
            .into_iter()
            .any(|pane| app.passes(App::gate_in(&b.action, pane)).is_ok())
}

/// Over the body only, so the footer's keys stay in view.
pub fn rect(area: Rect, app: &App) -> Rect {
    over_body(body_area(area, app), 96)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: u16, from: Mode, theme: &Theme) {
    let title = app.lang.t(Msg::HelpTitle);
    let rect = rect(area, app);
    scrolled_popup(
        frame,
        rect,
        title,
        lines(app, from, theme),
        scroll,
        (app.lang, theme),
    );
}
