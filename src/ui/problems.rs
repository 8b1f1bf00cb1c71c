//! The problems screen: what is wrong in the logs read (file, line, what), the repairs made,
//! and the warnings from before the screen was there. Drawn like help, over the body.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::layout::body_area;
use super::theme::Theme;
use super::widgets::{over_body, scrolled_popup};
use crate::app::App;
use crate::i18n::{self, Msg};

pub fn lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let lang = app.lang;
    if app.problem_count() == 0 {
        return vec![Line::raw(lang.t(Msg::ProblemsNone).to_string())];
    }
    let mut out = vec![
        Line::styled(lang.t(Msg::ProblemsIntro).to_string(), theme.heading),
        Line::raw(""),
    ];
    let said = app
        .start_warnings
        .iter()
        .cloned()
        .chain(app.problems.iter().map(|p| i18n::problem(lang, p)));
    for text in said {
        out.push(Line::styled(format!("⚠ {text}"), theme.warn));
    }
    out
}

/// Over the body only, so the footer stays in view.
pub fn rect(area: Rect, app: &App) -> Rect {
    over_body(body_area(area, app), 110)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: u16, theme: &Theme) {
    let title = app.lang.t(Msg::ProblemsTitle);
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
