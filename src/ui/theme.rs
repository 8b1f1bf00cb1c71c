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
    pub fn of(name: ThemeName) -> Theme {
        let b = Modifier::BOLD;
        match name {
            ThemeName::Default => Theme {
                text: Style::new(),
                dim: Style::new().fg(Color::DarkGray),
                title: Style::new().fg(Color::Cyan).add_modifier(b),
                border: Style::new().fg(Color::DarkGray),
                border_focus: Style::new().fg(Color::Cyan).add_modifier(b),
                selected: Style::new()
                    .fg(Color::Black)
                    .bg(Color::Cyan)
                    .add_modifier(b),
                selected_idle: Style::new().add_modifier(Modifier::UNDERLINED),
                current: Style::new().fg(Color::Yellow).add_modifier(b),
                warn: Style::new().fg(Color::Red).add_modifier(b),
                ok: Style::new().fg(Color::Green),
                bar: Style::new().fg(Color::White).bg(Color::Blue),
                key: Style::new()
                    .fg(Color::Yellow)
                    .bg(Color::Blue)
                    .add_modifier(b),
                heading: Style::new().fg(Color::Cyan).add_modifier(b),
            },
            ThemeName::HighContrast => Theme {
                text: Style::new().fg(Color::White),
                dim: Style::new().fg(Color::White),
                title: Style::new().fg(Color::Yellow).add_modifier(b),
                border: Style::new().fg(Color::White),
                border_focus: Style::new().fg(Color::Yellow).add_modifier(b),
                selected: Style::new()
                    .fg(Color::Black)
                    .bg(Color::Yellow)
                    .add_modifier(b),
                selected_idle: Style::new()
                    .fg(Color::White)
                    .add_modifier(Modifier::UNDERLINED | b),
                current: Style::new()
                    .fg(Color::Yellow)
                    .add_modifier(b | Modifier::UNDERLINED),
                warn: Style::new()
                    .fg(Color::Black)
                    .bg(Color::White)
                    .add_modifier(b),
                ok: Style::new().fg(Color::White).add_modifier(b),
                bar: Style::new().fg(Color::Black).bg(Color::White),
                key: Style::new()
                    .fg(Color::Black)
                    .bg(Color::White)
                    .add_modifier(b | Modifier::UNDERLINED),
                heading: Style::new().fg(Color::Yellow).add_modifier(b),
            },
            ThemeName::NoColor => Theme {
                text: Style::new(),
                dim: Style::new(),
                title: Style::new().add_modifier(b),
                border: Style::new(),
                border_focus: Style::new().add_modifier(b),
                selected: Style::new().add_modifier(Modifier::REVERSED | b),
                selected_idle: Style::new().add_modifier(Modifier::UNDERLINED),
                current: Style::new().add_modifier(b),
                warn: Style::new().add_modifier(b),
                ok: Style::new(),
                bar: Style::new().add_modifier(Modifier::REVERSED),
                key: Style::new().add_modifier(Modifier::REVERSED | b),
                heading: Style::new().add_modifier(b | Modifier::UNDERLINED),
            },
        }
    }
}
