//! Drawing: a pure function of the app state. One file per pane or popup.

mod detail;
mod header;
mod help;
mod lists;
mod popups;
mod status;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Wrap};

use crate::app::{App, Pane};
use crate::i18n::Msg;
pub use theme::Theme;

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let theme = Theme::of(app.theme);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = Paragraph::new(app.lang.t(Msg::TooSmall))
            .wrap(Wrap { trim: true })
            .style(theme.warn);
        frame.render_widget(msg, area);
        return;
    }
    let rows = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(6),
        Constraint::Length(2),
    ])
    .split(area);
    header::draw(frame, rows[0], app, &theme);
    body(frame, rows[1], app, &theme);
    status::draw(frame, rows[2], app, &theme);
    popups::draw(frame, area, app, &theme);
}

fn body(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let wide = area.width >= 110;
    let left_w = if wide {
        area.width * 2 / 5
    } else {
        (area.width / 2).max(36)
    };
    let cols = Layout::horizontal([Constraint::Length(left_w), Constraint::Min(20)]).split(area);
    let lists = list_heights(cols[0], app);
    lists::agenda(frame, lists[0], app, theme);
    lists::areas(frame, lists[1], app, theme);
    lists::actions(frame, lists[2], app, theme);
    detail::draw(frame, cols[1], app, theme);
}

/// The focused list grows; on a short screen the others shrink to their selected row.
fn list_heights(area: Rect, app: &App) -> std::rc::Rc<[Rect]> {
    let grow = match app.focus {
        Pane::Detail => app.detail_of,
        p => p,
    };
    let h = area.height;
    let small = 3u16;
    let constraints: Vec<Constraint> = if h >= 30 {
        [Pane::Agenda, Pane::Areas, Pane::Actions]
            .iter()
            .map(|p| {
                if *p == grow {
                    Constraint::Percentage(50)
                } else {
                    Constraint::Percentage(25)
                }
            })
            .collect()
    } else {
        [Pane::Agenda, Pane::Areas, Pane::Actions]
            .iter()
            .map(|p| {
                if *p == grow {
                    Constraint::Min(small)
                } else {
                    Constraint::Length(small)
                }
            })
            .collect()
    };
    Layout::default()
        .direction(Direction::Vertical)
        .constraints(constraints)
        .split(area)
}

/// A bordered block whose title and border show focus in words and style: the focused
/// pane's title is marked with ▶.
pub fn pane_block<'a>(title: &str, focused: bool, theme: &Theme) -> Block<'a> {
    let (mark, style, border_type) = if focused {
        ("▶ ", theme.border_focus, BorderType::Thick)
    } else {
        ("", theme.border, BorderType::Plain)
    };
    Block::default()
        .borders(Borders::ALL)
        .border_type(border_type)
        .border_style(style)
        .title(Line::styled(
            format!(" {mark}{title} "),
            if focused { theme.title } else { theme.text },
        ))
}

/// First row to show so that `selected` is visible in `height` rows.
pub fn scroll_offset(selected: usize, len: usize, height: usize) -> usize {
    if height == 0 || len <= height {
        return 0;
    }
    let half = height / 2;
    selected.saturating_sub(half).min(len - height)
}
