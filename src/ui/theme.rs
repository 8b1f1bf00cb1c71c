//! Three looks: the 16 ANSI colours, high contrast, and no colour at all (bold, reverse,
//! underline and symbols only, for NO_COLOR). No state is ever shown by colour alone.

use ratatui::style::{Color, Modifier, Style};

use crate::app::ThemeName;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub border: Style,
    pub border_focus: Style,
    /// The selected row in the focused pane.
    pub selected: Style,
    /// The selected row in a pane without focus.
    pub selected_idle: Style,
    pub current: Style,
    pub warn: Style,
    pub ok: Style,
    pub bar: Style,
    pub key: Style,
    pub heading: Style,
}

impl Theme {
    /// Each style as [the 16 colours, high contrast, no colour].
    pub fn of(name: ThemeName) -> Theme {
        let pick = |styles: [Style; 3]| match name {
            ThemeName::Default => styles[0],
            ThemeName::HighContrast => styles[1],
            ThemeName::NoColor => styles[2],
        };
        let plain = Style::new();
        let fg = |c: Color| Style::new().fg(c);
        let on = |c: Color, bg: Color| Style::new().fg(c).bg(bg);
        let (b, u, r) = (Modifier::BOLD, Modifier::UNDERLINED, Modifier::REVERSED);
        Theme {
            text: pick([plain, fg(Color::White), plain]),
            dim: pick([fg(Color::DarkGray), fg(Color::White), plain]),
            title: pick([fg(Color::Cyan), fg(Color::Yellow), plain]).add_modifier(b),
            border: pick([fg(Color::DarkGray), fg(Color::White), plain]),
            border_focus: pick([fg(Color::Cyan), fg(Color::Yellow), plain]).add_modifier(b),
            selected: pick([
                on(Color::Black, Color::Cyan),
                on(Color::Black, Color::Yellow),
                plain.add_modifier(r),
            ])
            .add_modifier(b),
            selected_idle: pick([
                plain.add_modifier(u),
                fg(Color::White).add_modifier(u | b),
                plain.add_modifier(u),
            ]),
            current: pick([
                fg(Color::Yellow).add_modifier(b),
                fg(Color::Yellow).add_modifier(b | u),
                plain.add_modifier(b),
            ]),
            warn: pick([fg(Color::Red), on(Color::Black, Color::White), plain]).add_modifier(b),
            ok: pick([fg(Color::Green), fg(Color::White).add_modifier(b), plain]),
            bar: pick([
                on(Color::White, Color::Blue),
                on(Color::Black, Color::White),
                plain.add_modifier(r),
            ]),
            key: pick([
                on(Color::Yellow, Color::Blue).add_modifier(b),
                on(Color::Black, Color::White).add_modifier(b | u),
                plain.add_modifier(r | b),
            ]),
            heading: pick([
                fg(Color::Cyan).add_modifier(b),
                fg(Color::Yellow).add_modifier(b),
                plain.add_modifier(b | u),
            ]),
        }
    }
}
