//! Pieces every view draws with: bordered panes and popups, where popups go, and how far
//! a box of wrapped text can scroll.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};

use super::theme::Theme;
use crate::i18n::{Lang, Msg};

/// The furthest a bordered box of `rows` rows of text can scroll and still be full.
pub fn max_scroll(rows: usize, area: Rect) -> u16 {
    rows.saturating_sub(area.height.saturating_sub(2) as usize)
        .min(u16::MAX as usize) as u16
}

/// Rows the lines take when word-wrapped to `width` (as Paragraph's wrap does, near enough).
pub fn wrapped_rows(lines: &[Line], width: u16) -> usize {
    let w = width.max(1) as usize;
    lines
        .iter()
        .map(|line| {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            let mut rows = 1;
            let mut col = 0usize;
            for word in text.split(' ') {
                let len = word.chars().count();
                let need = if col == 0 { len } else { col + 1 + len };
                if need <= w {
                    col = need;
                } else {
                    rows += 1 + len.saturating_sub(1) / w;
                    col = len % w;
                }
            }
            rows
        })
        .sum()
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

pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width.saturating_sub(2)).max(10);
    let h = height.min(area.height.saturating_sub(2)).max(3);
    Rect {
        x: area.x + (area.width.saturating_sub(w)) / 2,
        y: area.y + (area.height.saturating_sub(h)) / 2,
        width: w,
        height: h,
    }
}

pub fn popup_block<'a>(title: &str, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(theme.border_focus)
        .title(Line::styled(format!(" {title} "), theme.title))
}

/// A bordered pane, drawn; returns its inside.
pub fn pane(frame: &mut Frame, area: Rect, title: &str, focused: bool, theme: &Theme) -> Rect {
    let block = pane_block(title, focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// A bordered list pane; when it has no rows, a dim line saying `empty` and `None`, else
/// its inside to draw the rows in.
pub fn list_pane(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    focused: bool,
    empty: Option<&str>,
    theme: &Theme,
) -> Option<Rect> {
    let inner = pane(frame, area, title, focused, theme);
    match empty {
        Some(text) => {
            nothing(frame, inner, text, theme);
            None
        }
        None => Some(inner),
    }
}

/// A dim line saying there is nothing here.
pub fn nothing(frame: &mut Frame, inner: Rect, text: &str, theme: &Theme) {
    let p = Paragraph::new(text.to_string())
        .style(theme.dim)
        .wrap(Wrap { trim: true });
    frame.render_widget(p, inner);
}

/// The rows of a list that fit in `height` with the selected one in view, with their
/// indexes: only these are built, so a list of 5,000 draws as fast as one of 50.
pub fn visible<T>(rows: &[T], selected: usize, height: usize) -> impl Iterator<Item = (usize, &T)> {
    let first = scroll_offset(selected, rows.len(), height);
    rows.iter().enumerate().skip(first).take(height)
}

/// "› " on the selected row, so selection shows without colour.
pub fn marker(selected: bool) -> &'static str {
    if selected { "› " } else { "  " }
}

/// A popup over the body only (`layout::body_area`), at most `width` wide, so that the
/// header, the strip and the footer's keys stay in view.
pub fn over_body(body: Rect, width: u16) -> Rect {
    centered(body, width, body.height + 2)
}

/// A popup at `rect` with `lines` wrapped and scrolled down by `scroll` rows (no further
/// than the last row).
pub fn scrolled_popup(
    frame: &mut Frame,
    rect: Rect,
    title: &str,
    lines: Vec<Line<'static>>,
    scroll: u16,
    (lang, theme): (Lang, &Theme),
) {
    let limit = max_scroll(wrapped_rows(&lines, rect.width.saturating_sub(2)), rect);
    let scroll = scroll.min(limit);
    frame.render_widget(Clear, rect);
    let p = Paragraph::new(lines)
        .block(popup_block(title, theme))
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0));
    frame.render_widget(p, rect);
    let marks = Continues {
        above: scroll > 0,
        below: scroll < limit,
    };
    continues(frame, rect, title_width(title, false), marks, (lang, theme));
}

/// Whether a box's content goes on past its top or its bottom.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Continues {
    pub above: bool,
    pub below: bool,
}

impl Continues {
    /// For a list of `len` rows shown from row `first` in `height` rows.
    pub fn rows(first: usize, len: usize, height: usize) -> Continues {
        Continues {
            above: first > 0,
            below: first + height < len,
        }
    }
}

/// The columns a box's title takes on its top border, with its margins and focus mark.
pub fn title_width(title: &str, focused: bool) -> usize {
    Span::raw(title).width() + if focused { 4 } else { 2 }
}

/// Where a bordered box's content continues, on its frame: "↑ mer" at the top right when
/// rows are hidden above (if the title leaves room), "↓ mer" at the bottom right when rows
/// are hidden below. In words and arrows, so they show without colour too.
pub fn continues(
    frame: &mut Frame,
    area: Rect,
    title_width: usize,
    marks: Continues,
    (lang, theme): (Lang, &Theme),
) {
    let mut put = |y: u16, msg: Msg, room: usize| {
        let text = format!(" {} ", lang.t(msg));
        let w = Span::raw(text.as_str()).width();
        if area.height < 2 || w + 2 > room {
            return;
        }
        let rect = Rect {
            x: area.x + area.width - 1 - w as u16,
            y,
            width: w as u16,
            height: 1,
        };
        frame.render_widget(Paragraph::new(Line::styled(text, theme.current)), rect);
    };
    let width = area.width as usize;
    if marks.above {
        // Right of the title, with a column of border between them.
        put(
            area.y,
            Msg::MoreAbove,
            width.saturating_sub(1 + title_width + 1),
        );
    }
    if marks.below {
        put(
            area.y + area.height.saturating_sub(1),
            Msg::MoreBelow,
            width,
        );
    }
}
