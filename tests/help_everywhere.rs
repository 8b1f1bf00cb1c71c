//! `?` or F1 opens the help in every mode and popup (F1 where `?` is text being typed),
//! with the keys of the mode it was opened in first; closing it goes back to where the user
//! was.

mod common;

use common::at;
use common::session::Session;
use ratatui::crossterm::event::KeyCode;
use samrad::app::{Action, Mode, Popup};
use samrad::i18n::Lang;

fn opened_from(s: &Session) -> Option<Mode> {
    match s.app.popups.last() {
        Some(Popup::Help { from, .. }) => Some(*from),
        _ => None,
    }
}

fn chair_on_an_item() -> Session {
    let mut s = Session::new(
        common::authors::chair(),
        Lang::En,
        at("2026-12-08T10:00:00+01:00"),
    );
    s.select("s-2026-3");
    s
}

/// A place in the app: its name, how to get there, the help key there, and its mode.
type Scene = (&'static str, fn(&mut Session), KeyCode, Mode);

#[test]
fn help_opens_in_every_mode_and_closes_back_to_it() {
    let scenes: Vec<Scene> = vec![
        (
            "form",
            |s| drop(s.act(Action::Edit)),
            KeyCode::F(1),
            Mode::Form,
        ),
        (
            "editor",
            |s| drop(s.act(Action::EditNotes)),
            KeyCode::F(1),
            Mode::Edit,
        ),
        (
            "confirm",
            |s| drop(s.act(Action::Delete)),
            KeyCode::Char('?'),
            Mode::Confirm,
        ),
        (
            "list",
            |s| drop(s.act(Action::Meetings)),
            KeyCode::Char('?'),
            Mode::List,
        ),
        ("main", |_| {}, KeyCode::Char('?'), Mode::Normal),
    ];
    for (name, open, key, mode) in scenes {
        let mut s = chair_on_an_item();
        open(&mut s);
        assert_eq!(s.app.mode(), mode, "{name}");
        s.press(key);
        assert_eq!(
            opened_from(&s),
            Some(mode),
            "{name}: help from its own mode"
        );
        s.press(KeyCode::Esc);
        assert_eq!(s.app.mode(), mode, "{name}: back where the user was");
    }
}

#[test]
fn f1_on_the_command_line_opens_help_and_question_marks_stay_text() {
    let mut s = chair_on_an_item();
    s.act(Action::CommandLine);
    s.press(KeyCode::Char('?'));
    assert_eq!(
        s.app.mode(),
        Mode::Command,
        "? is typed on the command line"
    );
    s.press(KeyCode::F(1));
    assert_eq!(opened_from(&s), Some(Mode::Command));
    // A form's text field takes ? as text too.
    let mut s = chair_on_an_item();
    s.act(Action::Edit);
    s.press(KeyCode::Char('?'));
    assert_eq!(s.app.mode(), Mode::Form);
}

#[test]
fn the_help_lists_the_keys_of_the_mode_it_was_opened_in_first_in_the_users_language() {
    for (lang, here, save) in [(Lang::Nb, "▶ Her", "Lagre"), (Lang::En, "▶ Here", "Save")] {
        let mut s = Session::new(
            common::authors::chair(),
            lang,
            at("2026-12-08T10:00:00+01:00"),
        );
        s.select("s-2026-3");
        s.act(Action::EditNotes);
        s.press(KeyCode::F(1));
        let theme = samrad::ui::Theme::of(s.app.theme);
        let lines: Vec<String> = samrad::ui::help_lines(&s.app, Mode::Edit, &theme)
            .iter()
            .map(|l| l.spans.iter().map(|sp| sp.content.as_ref()).collect())
            .collect();
        let first = lines
            .iter()
            .position(|l| l.starts_with(here))
            .expect("the mode it was opened in");
        assert!(lines[first + 1].contains(save), "{lines:?}");
    }
}
