//! Confirmations of anything destructive answer yes only to an explicit `y`: Enter, `j` (a
//! vim user moving down, or "ja"), movement keys and any other key answer no, in both
//! languages, and the dialog says so.

mod common;

use common::at;
use common::authors::chair;
use common::session::{Session, commits};
use ratatui::crossterm::event::KeyCode;
use samrad::app::{Action, Popup};
use samrad::i18n::Lang;

const ITEM: &str = "s-2026-3";

fn chair_deleting(lang: Lang) -> Session {
    let mut s = Session::new(chair(), lang, at("2026-12-08T10:00:00+01:00"));
    s.select(ITEM);
    s.press(KeyCode::Char('d'));
    assert!(
        matches!(s.app.popups.last(), Some(Popup::Confirm { .. })),
        "d asks first"
    );
    s
}

fn still_there(s: &Session) -> bool {
    s.app.items().iter().any(|i| i.id == ITEM)
}

#[test]
fn no_key_but_y_deletes() {
    for lang in [Lang::Nb, Lang::En] {
        for key in [
            KeyCode::Char('j'),
            KeyCode::Enter,
            KeyCode::Down,
            KeyCode::Char('k'),
            KeyCode::Char(' '),
            KeyCode::Char('J'),
        ] {
            let mut s = chair_deleting(lang);
            let fx = s.press(key);
            assert!(commits(&fx).is_empty(), "{key:?} committed {fx:?}");
            assert!(s.app.popups.is_empty(), "{key:?} answers no and closes");
            assert!(still_there(&s), "{key:?} deleted the item");
        }
        let mut s = chair_deleting(lang);
        let fx = s.press(KeyCode::Char('y'));
        assert_eq!(commits(&fx).len(), 1);
        assert!(!still_there(&s), "y deletes");
    }
}

#[test]
fn enter_after_esc_in_the_editor_keeps_the_text() {
    let mut s = Session::new(chair(), Lang::Nb, at("2026-12-08T10:00:00+01:00"));
    s.select(ITEM);
    s.act(Action::EditNotes);
    s.type_text("Et viktig vedtak");
    s.press(KeyCode::Esc);
    assert!(matches!(s.app.popups.last(), Some(Popup::Confirm { .. })));
    s.press(KeyCode::Enter);
    match s.app.popups.last() {
        Some(Popup::Editor(ed)) => assert_eq!(ed.text(), "Et viktig vedtak"),
        other => panic!("the editor is gone: {other:?}"),
    }
}

#[test]
fn the_dialog_says_which_key_is_yes() {
    use samrad::app::{Mode, keymap_for};
    for (lang, yes, no) in [
        (Lang::Nb, "y/Y Ja", "Nei (alle andre taster også)"),
        (Lang::En, "y/Y Yes", "No (any other key too)"),
    ] {
        let hints: Vec<String> = keymap_for(Mode::Confirm)
            .hints(lang)
            .into_iter()
            .map(|(k, what)| format!("{k} {what}"))
            .collect();
        assert!(hints.iter().any(|h| h == yes), "{hints:?}");
        assert!(hints.iter().any(|h| h.ends_with(no)), "{hints:?}");
    }
}
