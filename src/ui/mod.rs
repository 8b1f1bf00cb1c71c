//! Drawing: a pure function of the app state. One file per pane or popup.

pub mod archive;
mod detail;
mod drafts;
mod fit;
pub(crate) mod header;
mod help;
mod layout;
mod lists;
mod meeting_info;
mod popups;
mod problems;
mod scrub;
mod status;
mod strip;
pub mod theme;
mod widgets;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::App;
use crate::i18n::Msg;
pub use help::lines as help_lines;
use layout::areas;
pub use layout::{body_area, lists_width};
pub use theme::Theme;
pub use widgets::{max_scroll, pane_block, scroll_offset, wrapped_rows};

pub use crate::app::{MIN_HEIGHT, MIN_WIDTH};

/// Draw the app, then scrub the screen of control characters and bidirectional overrides.
pub fn draw(frame: &mut Frame, app: &App) {
    draw_views(frame, app);
    scrub::scrub(frame.buffer_mut());
}

fn draw_views(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let theme = Theme::of(app.theme);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = Paragraph::new(app.lang.t(Msg::TooSmall))
            .wrap(Wrap { trim: true })
            .style(theme.warn);
        frame.render_widget(msg, area);
        return;
    }
    if let Some(view) = &app.archive_view {
        let footer = Rect {
            y: area.y + area.height.saturating_sub(2),
            height: 2.min(area.height),
            ..area
        };
        let body = Rect {
            height: area.height.saturating_sub(2),
            ..area
        };
        archive::draw(frame, body, app, view, &theme);
        status::draw(frame, footer, app, &theme);
        popups::draw(frame, area, app, &theme);
        return;
    }
    let a = areas(area, app);
    header::draw(frame, a.header, app, &theme);
    strip::draw(frame, a.strip, app, &theme);
    lists::agenda(frame, a.lists[0], app, &theme);
    lists::areas(frame, a.lists[1], app, &theme);
    lists::actions(frame, a.lists[2], app, &theme);
    detail::draw(frame, a.detail, app, &theme);
    status::draw(frame, a.footer, app, &theme);
    popups::draw(frame, area, app, &theme);
}

/// How far the detail pane and the help popup can scroll at this size, so that End shows
/// the last page and not an empty one.
pub fn scroll_limits(app: &App, width: u16, height: u16) -> (u16, u16) {
    let area = Rect::new(0, 0, width, height);
    let theme = Theme::of(app.theme);
    let detail = areas(area, app).detail;
    let detail_rows = wrapped_rows(&detail::lines(app, &theme), detail.width.saturating_sub(2));
    // The help's limit, or the problems screen's or the meeting's details' while it is
    // the one on top.
    let (help_rect, help_lines) = match app.popups.last() {
        Some(crate::app::Popup::Problems { .. }) => {
            (problems::rect(area, app), problems::lines(app, &theme))
        }
        Some(crate::app::Popup::MeetingInfo { .. }) => (
            meeting_info::rect(area, app),
            meeting_info::lines(app, &theme),
        ),
        Some(crate::app::Popup::Help { from, .. }) => {
            (help::rect(area, app), help::lines(app, *from, &theme))
        }
        _ => (
            help::rect(area, app),
            help::lines(app, crate::app::Mode::Normal, &theme),
        ),
    };
    let help_rows = wrapped_rows(&help_lines, help_rect.width.saturating_sub(2));
    (
        max_scroll(detail_rows, detail),
        max_scroll(help_rows, help_rect),
    )
}
