//! Where the parts of the main screen go: the header, the strip under it, the three lists
//! and the details side by side, the footer; and the body that big popups cover.

use ratatui::layout::{Constraint, Layout, Rect};

use super::strip;
use crate::app::{App, Pane};

/// Rows of the header and of the footer.
const HEADER: u16 = 2;
const FOOTER: u16 = 2;

/// The screen's parts: header, the strip, the three lists, the detail pane, the footer.
pub struct Areas {
    pub header: Rect,
    pub strip: Rect,
    pub lists: std::rc::Rc<[Rect]>,
    pub detail: Rect,
    pub footer: Rect,
}

/// The width of the lists' column on a screen `width` wide. Half the screen, so that the
/// agenda's titles grow with it (at 200 columns a title of 80 characters shows whole);
/// never under 36 columns, the least an agenda row is readable in.
pub fn lists_width(width: u16) -> u16 {
    (width / 2).max(36).min(width)
}

/// Rows above the body: the header and, in the main screen, the strip under it.
pub fn top_rows(area: Rect, app: &App) -> u16 {
    if app.archive_view.is_some() {
        return HEADER;
    }
    HEADER + strip::height(app, area)
}

/// The part between the header (and the strip) and the footer, where big popups go, so
/// that what is going on in the meeting and the keys stay in view.
pub fn body_area(area: Rect, app: &App) -> Rect {
    let top = top_rows(area, app).min(area.height);
    Rect {
        y: area.y + top,
        height: area.height.saturating_sub(top + FOOTER),
        ..area
    }
}

pub fn areas(area: Rect, app: &App) -> Areas {
    let strip_rows = strip::height(app, area);
    let rows = Layout::vertical([
        Constraint::Length(HEADER),
        Constraint::Length(strip_rows),
        Constraint::Min(6),
        Constraint::Length(FOOTER),
    ])
    .split(area);
    let body = rows[2];
    let cols = Layout::horizontal([
        Constraint::Length(lists_width(body.width)),
        Constraint::Min(20),
    ])
    .split(body);
    Areas {
        header: rows[0],
        strip: rows[1],
        lists: list_heights(cols[0], app),
        detail: cols[1],
        footer: rows[3],
    }
}

/// The focused list grows; on a short screen the others shrink to their selected row.
fn list_heights(area: Rect, app: &App) -> std::rc::Rc<[Rect]> {
    let grow = match app.focus {
        Pane::Detail => app.detail_of,
        p => p,
    };
    let tall = area.height >= 18;
    let constraints = [Pane::Agenda, Pane::Areas, Pane::Actions].map(|p| match (tall, p == grow) {
        (true, true) => Constraint::Percentage(50),
        (true, false) => Constraint::Percentage(25),
        (false, true) => Constraint::Min(3),
        (false, false) => Constraint::Length(3),
    });
    Layout::vertical(constraints).split(area)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_80_columns_the_lists_keep_half() {
        assert_eq!(lists_width(80), 40);
    }

    #[test]
    fn from_120_columns_the_lists_get_at_least_two_fifths_and_grow_with_the_screen() {
        let mut last = 0;
        for w in 120..=400u16 {
            let l = lists_width(w);
            assert!(l * 5 >= w * 2, "{w}: {l} is under 40%");
            assert!(l >= last, "{w}: the lists shrank");
            assert!(w - l >= 20, "{w}: no room left for the details");
            last = l;
        }
        assert_eq!(lists_width(120), 60);
        assert_eq!(lists_width(200), 100);
    }

    #[test]
    fn at_200_columns_an_agenda_title_of_80_characters_shows_whole() {
        // Borders 2, then the row's marks and number ("›● 12/26 Drø ¶✓◆ "): 17.
        assert!(lists_width(200) >= 2 + 17 + 80);
    }

    #[test]
    fn the_narrowest_screen_keeps_a_readable_agenda_and_details() {
        let w = crate::app::MIN_WIDTH;
        assert_eq!(lists_width(w), 36);
        assert!(w - lists_width(w) >= 20);
    }
}
