//! A line of parts fitted to a width by priority: the header, the strip under it, the
//! status bar and its hints. When the parts do not fit, whole parts are left out, the
//! least important first (of equal ones, the last first), and a part that may be shortened
//! (a title, a question, a request's text) is cut with "…" down to its minimum before
//! anything more important than its shortening goes. No part is ever cut anywhere else, so
//! a line never ends mid-word.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// One part of a line: its spans, how important it is to keep, and whether its last span
/// may be shortened and when.
#[derive(Debug, Clone)]
pub struct Part {
    pub spans: Vec<Span<'static>>,
    /// Higher is kept longer.
    pub keep: u8,
    /// The priority of shortening the last span, and the fewest columns it keeps
    /// (with the "…"): shortening comes before leaving out any part kept more than it.
    pub shorten: Option<(u8, usize)>,
    /// Joined to the part before it by a space instead of the separator.
    pub glued: bool,
}

impl Part {
    pub fn new(text: impl Into<String>, style: Style, keep: u8) -> Part {
        Part {
            spans: vec![Span::styled(text.into(), style)],
            keep,
            shorten: None,
            glued: false,
        }
    }

    pub fn of(spans: Vec<Span<'static>>, keep: u8) -> Part {
        Part {
            spans,
            keep,
            shorten: None,
            glued: false,
        }
    }

    /// Its last span may be cut with "…", at priority `at`, to no fewer than `min` columns.
    pub fn shortened(mut self, at: u8, min: usize) -> Part {
        self.shorten = Some((at, min));
        self
    }

    /// Joined to the part before by a space, as one phrase: "Sak 2/26 Budsjett".
    pub fn glued(mut self) -> Part {
        self.glued = true;
        self
    }

    fn width(&self) -> usize {
        self.spans.iter().map(Span::width).sum()
    }
}

/// The columns `text` takes on screen.
pub fn width(text: &str) -> usize {
    Span::raw(text).width()
}

/// `text` in at most `room` columns, with "…" at its end where it was cut.
pub fn ellipsis(text: &str, room: usize) -> String {
    if width(text) <= room {
        return text.to_string();
    }
    if room == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    let mut buf = [0u8; 4];
    for c in text.chars() {
        let w = width(c.encode_utf8(&mut buf));
        if used + w > room - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('…');
    out
}

/// What is left of each part: `None` when it is left out, else the columns its last
/// span may take (`usize::MAX` for all of it).
fn plan(parts: &[Part], room: usize, sep: usize) -> Vec<Option<usize>> {
    let mut plan: Vec<Option<usize>> = parts.iter().map(|_| Some(usize::MAX)).collect();
    let widths: Vec<usize> = parts.iter().map(Part::width).collect();
    let total = |plan: &[Option<usize>]| -> usize {
        let mut sum = 0;
        let mut first = true;
        for (i, p) in plan.iter().enumerate() {
            if let Some(limit) = p {
                let last = parts[i].spans.last().map(Span::width).unwrap_or(0);
                sum += widths[i] - last + last.min(*limit);
                if !first {
                    sum += if parts[i].glued { 1 } else { sep };
                }
                first = false;
            }
        }
        sum
    };
    // Each step gives up room: shorten a part, or leave one out. Lowest priority first; of
    // equal ones, the one further right.
    #[derive(Clone, Copy)]
    enum Step {
        Shorten(usize, usize),
        Drop(usize),
    }
    let mut steps: Vec<(u8, usize, Step)> = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        steps.push((p.keep, i, Step::Drop(i)));
        if let Some((at, min)) = p.shorten {
            steps.push((at, i, Step::Shorten(i, min)));
        }
    }
    steps.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    for (_, _, step) in steps {
        let now = total(&plan);
        if now <= room {
            break;
        }
        match step {
            Step::Drop(i) => plan[i] = None,
            Step::Shorten(i, min) => {
                if let Some(limit) = plan[i] {
                    let last = parts[i].spans.last().map(Span::width).unwrap_or(0);
                    let shown = last.min(limit);
                    let over = now - room;
                    plan[i] = Some(shown.saturating_sub(over).max(min).min(shown));
                }
            }
        }
    }
    plan
}

/// The parts that fit in `room` columns, in their order, with `sep` between them.
pub fn fit(parts: Vec<Part>, room: usize, sep: Span<'static>) -> Vec<Span<'static>> {
    let plan = plan(&parts, room, sep.width());
    let mut out = Vec::new();
    for (part, limit) in parts.into_iter().zip(plan) {
        let Some(limit) = limit else {
            continue;
        };
        if !out.is_empty() {
            out.push(if part.glued {
                Span::raw(" ")
            } else {
                sep.clone()
            });
        }
        let mut spans = part.spans;
        if let Some(last) = spans.last_mut()
            && last.width() > limit
        {
            last.content = ellipsis(&last.content, limit).into();
        }
        out.extend(spans);
    }
    out
}

/// `fit` as one line, after a one-column margin.
pub fn line(parts: Vec<Part>, width: u16, sep: Span<'static>) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    spans.extend(fit(parts, (width as usize).saturating_sub(1), sep));
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(spans: &[Span]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    fn dot() -> Span<'static> {
        Span::raw(" · ")
    }

    #[test]
    fn everything_shows_when_it_fits() {
        let parts = vec![
            Part::new("a", Style::new(), 1),
            Part::new("b", Style::new(), 2),
        ];
        assert_eq!(text(&fit(parts, 80, dot())), "a · b");
    }

    #[test]
    fn the_least_important_part_goes_first_and_whole() {
        let parts = vec![
            Part::new("STATUS", Style::new(), 9),
            Part::new("forum name here", Style::new(), 1),
            Part::new("10:20", Style::new(), 8),
        ];
        // 6 + 3 + 15 + 3 + 5 = 32 columns; 20 leave the forum out, not cut.
        assert_eq!(text(&fit(parts.clone(), 20, dot())), "STATUS · 10:20");
        assert_eq!(text(&fit(parts.clone(), 14, dot())), "STATUS · 10:20");
        assert_eq!(text(&fit(parts, 13, dot())), "STATUS");
    }

    #[test]
    fn of_equal_parts_the_last_goes_first() {
        let parts = vec![
            Part::new("one", Style::new(), 5),
            Part::new("two", Style::new(), 5),
            Part::new("three", Style::new(), 5),
        ];
        assert_eq!(text(&fit(parts, 10, dot())), "one · two");
    }

    #[test]
    fn a_title_is_shortened_before_the_date_goes_and_after_the_forum() {
        let title = "Kontaktgruppemøte: strategien for departementsfellesskapet";
        let parts = || {
            vec![
                Part::new(title, Style::new(), 9).shortened(4, 12),
                Part::new("08.12.2026 10.00", Style::new(), 10),
                Part::new("Møterom 5", Style::new(), 2),
                Part::new("Kontaktgruppen KMD", Style::new(), 1),
            ]
        };
        let wide = text(&fit(parts(), 200, dot()));
        assert!(wide.ends_with("Kontaktgruppen KMD"), "{wide}");
        // Too narrow for the forum: it goes whole, the title stays whole.
        let mid = text(&fit(parts(), 90, dot()));
        assert_eq!(mid, format!("{title} · 08.12.2026 10.00 · Møterom 5"));
        // Narrower: the place goes too, then the title is cut, never the date.
        let narrow = text(&fit(parts(), 50, dot()));
        assert!(narrow.ends_with("… · 08.12.2026 10.00"), "{narrow}");
        // 50 columns, or one less where the cut fell after a space.
        assert!((49..=50).contains(&width(&narrow)), "{narrow}");
        // The title keeps at least 12 columns; the date goes only after it.
        let tiny = text(&fit(parts(), 31, dot()));
        assert_eq!(width(&tiny), 31, "{tiny}");
        assert!(tiny.ends_with("08.12.2026 10.00"), "{tiny}");
        let tinier = text(&fit(parts(), 30, dot()));
        assert_eq!(tinier, "08.12.2026 10.00");
    }

    #[test]
    fn a_glued_part_joins_with_a_space_and_goes_on_its_own() {
        let parts = || {
            vec![
                Part::new("Sak 2/26", Style::new(), 10),
                Part::new("Budsjett for neste år", Style::new(), 6)
                    .shortened(4, 8)
                    .glued(),
                Part::new("04:00", Style::new(), 9),
            ]
        };
        assert_eq!(
            text(&fit(parts(), 80, dot())),
            "Sak 2/26 Budsjett for neste år · 04:00"
        );
        assert_eq!(
            text(&fit(parts(), 28, dot())),
            "Sak 2/26 Budsjett f… · 04:00"
        );
        assert_eq!(text(&fit(parts(), 20, dot())), "Sak 2/26 · 04:00");
    }

    #[test]
    fn ellipsis_cuts_to_the_room_and_marks_it() {
        assert_eq!(ellipsis("abcdef", 6), "abcdef");
        assert_eq!(ellipsis("abcdef", 4), "abc…");
        assert_eq!(ellipsis("ab cdef", 4), "ab…");
        assert_eq!(ellipsis("abcdef", 1), "…");
        assert_eq!(ellipsis("abcdef", 0), "");
    }
}
