//! The help screen, made from the keymap tables and the list of commands.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::status::mode_name;
use super::theme::Theme;
use super::widgets::{body_area, centered, max_scroll, popup_block, wrapped_rows};
use crate::app::{ALL_MODES, App, keymap_for};
use crate::i18n::Msg;

pub fn lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut out = vec![Line::raw(lang.t(Msg::HelpIntro).to_string()), Line::raw("")];
    for mode in ALL_MODES {
        out.push(Line::styled(
            lang.t(mode_name(mode)).to_string(),
            theme.heading,
        ));
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
pub fn rect(area: Rect) -> Rect {
    let body = body_area(area);
    centered(body, 96, body.height + 2)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: u16, theme: &Theme) {
    let rect = rect(area);
    let lines = lines(app, theme);
    let scroll = scroll.min(max_scroll(
        wrapped_rows(&lines, rect.width.saturating_sub(2)),
        rect,
    ));
    frame.render_widget(Clear, rect);
    let p = Paragraph::new(lines)
        .block(popup_block(app.lang.t(Msg::HelpTitle), theme))
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0));
    frame.render_widget(p, rect);
}
