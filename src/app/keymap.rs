//! Keys as data: one table per mode. The same tables drive the help screen and the
//! status-bar hints, so what is shown is what works.

use std::fmt;
use std::sync::LazyLock;

use super::action::Action;
use super::action::crossterm_types::{KeyCode, KeyEvent, KeyModifiers};
use crate::i18n::{Lang, Msg};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Normal,
    /// A multi-line editor is open.
    Edit,
    Form,
    Command,
    Search,
    Confirm,
    /// A list popup: meetings, attendance, documents.
    List,
    Help,
    /// The archive view: meetings, search hits, threads.
    Archive,
}

/// One key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keys {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn k(c: char) -> Keys {
    Keys {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}
const fn code(code: KeyCode) -> Keys {
    Keys {
        code,
        mods: KeyModifiers::NONE,
    }
}
const fn ctrl(c: char) -> Keys {
    Keys {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

impl Keys {
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        if self.code != ev.code {
            return false;
        }
        // Shifted letters arrive as upper-case chars, with or without SHIFT set.
        let mods = ev.modifiers - KeyModifiers::SHIFT;
        let want = self.mods - KeyModifiers::SHIFT;
        mods == want
    }
}

impl fmt::Display for Keys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Binding {
    pub keys: Vec<Keys>,
    pub action: Action,
    pub help: Msg,
    /// Shown in the status bar (the most used ones only: the bar is short).
    pub hint: bool,
}

impl Binding {
    pub fn keys_label(&self) -> String {
        self.keys
            .iter()
            .map(|k| k.to_string())
            .collect::<Vec<_>>()
            .join("/")
    }
}

fn b(keys: &[Keys], action: Action, help: Msg, hint: bool) -> Binding {
    Binding {
        keys: keys.to_vec(),
        action,
        help,
        hint,
    }
}

pub struct KeyMap {
    pub mode: Mode,
    pub bindings: Vec<Binding>,
    /// Keys not in the table go to the text being typed.
    pub passes_text: bool,
}

impl KeyMap {
    /// The action for a key, if the table has one; in text modes other keys become
    /// `Action::Key`.
    pub fn action(&self, ev: &KeyEvent) -> Option<Action> {
        if let Some(b) = self
            .bindings
            .iter()
            .find(|b| b.keys.iter().any(|k| k.matches(ev)))
        {
            return Some(b.action.clone());
        }
        self.passes_text.then_some(Action::Key(*ev))
    }

    /// "j/↓ Ned  k/↑ Opp …" for the status bar.
    pub fn hints(&self, lang: Lang) -> Vec<(String, &'static str)> {
        self.bindings
            .iter()
            .filter(|b| b.hint)
            .map(|b| (b.keys_label(), lang.t(b.help)))
            .collect()
    }
}

fn nav() -> Vec<Binding> {
    vec![
        b(
            &[k('j'), code(KeyCode::Down)],
            Action::Down,
            Msg::KeyDown,
            false,
        ),
        b(&[k('k'), code(KeyCode::Up)], Action::Up, Msg::KeyUp, false),
        b(
            &[k('g'), code(KeyCode::Home)],
            Action::Top,
            Msg::KeyTop,
            false,
        ),
        b(
            &[k('G'), code(KeyCode::End)],
            Action::Bottom,
            Msg::KeyBottom,
            false,
        ),
        b(
            &[code(KeyCode::PageUp)],
            Action::PageUp,
            Msg::KeyPageUp,
            false,
        ),
        b(
            &[code(KeyCode::PageDown)],
            Action::PageDown,
            Msg::KeyPageDown,
            false,
        ),
    ]
}

static NORMAL: LazyLock<KeyMap> = LazyLock::new(|| {
    let mut v = nav();
    v.extend([
        b(
            &[code(KeyCode::Tab)],
            Action::NextPane,
            Msg::KeyNextPane,
            true,
        ),
        b(
            &[code(KeyCode::BackTab)],
            Action::PrevPane,
            Msg::KeyPrevPane,
            false,
        ),
        b(&[code(KeyCode::Enter)], Action::Open, Msg::KeyOpen, false),
        b(&[k('a')], Action::Add, Msg::KeyAdd, true),
        b(&[k('e')], Action::Edit, Msg::KeyEdit, true),
        b(
            &[k('d'), code(KeyCode::Delete)],
            Action::Delete,
            Msg::KeyDelete,
            false,
        ),
        b(&[k('K')], Action::MoveUp, Msg::KeyMoveUp, false),
        b(&[k('J')], Action::MoveDown, Msg::KeyMoveDown, false),
        b(&[k('c')], Action::SetCurrent, Msg::KeySetCurrent, true),
        b(&[k('w')], Action::EditNotes, Msg::KeyNotes, true),
        b(&[k('C')], Action::EditConclusion, Msg::KeyConclusion, false),
        b(&[k('E')], Action::CycleAgreement, Msg::KeyAgreement, false),
        b(
            &[k('x')],
            Action::ToggleConfidential,
            Msg::KeyConfidential,
            false,
        ),
        b(
            &[k('t')],
            Action::AddActionFromItem,
            Msg::KeyActionFromItem,
            true,
        ),
        b(&[k('s')], Action::CycleStatus, Msg::KeyStatus, false),
        b(&[k('P')], Action::Position, Msg::KeyPosition, true),
        b(&[k('S')], Action::Statement, Msg::KeyStatement, false),
        b(&[k('I')], Action::Input, Msg::KeyInput, false),
        b(&[k('V')], Action::OpenVote, Msg::KeyOpenVote, false),
        b(&[k('v')], Action::CastVote, Msg::KeyCastVote, false),
        b(&[k('r')], Action::RequestFloor, Msg::KeyRequestFloor, false),
        b(&[k('f')], Action::NextSpeaker, Msg::KeyNextSpeaker, false),
        b(&[k('p')], Action::Attendance, Msg::KeyAttendance, false),
        b(&[k('D')], Action::Documents, Msg::KeyDocuments, false),
        b(&[k('m')], Action::Meetings, Msg::KeyMeetings, true),
        b(&[k('A')], Action::Archive, Msg::KeyArchive, true),
        b(&[k('T')], Action::Thread, Msg::KeyThread, false),
        b(&[k('/')], Action::Search, Msg::KeySearch, false),
        b(&[k('n')], Action::SearchNext, Msg::KeySearchNext, false),
        b(&[k('N')], Action::SearchPrev, Msg::KeySearchPrev, false),
        b(&[k(':')], Action::CommandLine, Msg::KeyCommand, true),
        b(
            &[k('?'), code(KeyCode::F(1))],
            Action::Help,
            Msg::KeyHelp,
            true,
        ),
        b(&[k('q')], Action::Quit, Msg::KeyQuit, true),
        b(&[ctrl('c')], Action::ForceQuit, Msg::KeyForceQuit, false),
        b(&[code(KeyCode::Esc)], Action::Cancel, Msg::KeyCancel, false),
    ]);
    KeyMap {
        mode: Mode::Normal,
        bindings: v,
        passes_text: false,
    }
});

static ARCHIVE: LazyLock<KeyMap> = LazyLock::new(|| {
    let mut v = nav();
    v.extend([
        b(
            &[code(KeyCode::Enter)],
            Action::Open,
            Msg::KeyOpenReadOnly,
            true,
        ),
        b(&[k('/')], Action::Search, Msg::KeySearchAll, true),
        b(&[k('n')], Action::SearchNext, Msg::KeySearchNext, true),
        b(&[k('N')], Action::SearchPrev, Msg::KeySearchPrev, false),
        b(&[k('f')], Action::Filter, Msg::KeyFilter, true),
        b(&[k('F')], Action::ClearFilter, Msg::KeyClearFilter, false),
        b(&[k('A')], Action::Archive, Msg::KeyBackToMeeting, false),
        b(&[code(KeyCode::Esc)], Action::Cancel, Msg::KeyBack, true),
        b(&[k(':')], Action::CommandLine, Msg::KeyCommand, false),
        b(
            &[k('?'), code(KeyCode::F(1))],
            Action::Help,
            Msg::KeyHelp,
            true,
        ),
        b(&[k('q')], Action::Quit, Msg::KeyQuit, true),
        b(&[ctrl('c')], Action::ForceQuit, Msg::KeyForceQuit, false),
    ]);
    KeyMap {
        mode: Mode::Archive,
        bindings: v,
        passes_text: false,
    }
});

static EDIT: LazyLock<KeyMap> = LazyLock::new(|| KeyMap {
    mode: Mode::Edit,
    bindings: vec![
        b(&[ctrl('s')], Action::Save, Msg::KeySave, true),
        b(
            &[code(KeyCode::Esc)],
            Action::Cancel,
            Msg::KeyCancelEdit,
            true,
        ),
        b(&[ctrl('c')], Action::ForceQuit, Msg::KeyForceQuit, false),
    ],
    passes_text: true,
});

static FORM: LazyLock<KeyMap> = LazyLock::new(|| KeyMap {
    mode: Mode::Form,
    bindings: vec![
        b(
            &[code(KeyCode::Tab), code(KeyCode::Down)],
            Action::Down,
            Msg::KeyNextField,
            true,
        ),
        b(
            &[code(KeyCode::BackTab), code(KeyCode::Up)],
            Action::Up,
            Msg::KeyPrevField,
            false,
        ),
        b(
            &[code(KeyCode::Enter), ctrl('s')],
            Action::Save,
            Msg::KeySave,
            true,
        ),
        b(&[code(KeyCode::Esc)], Action::Cancel, Msg::KeyCancel, true),
        b(&[ctrl('c')], Action::ForceQuit, Msg::KeyForceQuit, false),
    ],
    passes_text: true,
});

static PROMPT: LazyLock<KeyMap> = LazyLock::new(|| KeyMap {
    mode: Mode::Command,
    bindings: vec![
        b(&[code(KeyCode::Enter)], Action::Open, Msg::KeyRun, true),
        b(
            &[code(KeyCode::Tab)],
            Action::Complete,
            Msg::KeyComplete,
            true,
        ),
        b(&[code(KeyCode::Esc)], Action::Cancel, Msg::KeyCancel, true),
        b(&[ctrl('c')], Action::ForceQuit, Msg::KeyForceQuit, false),
    ],
    passes_text: true,
});

static SEARCH: LazyLock<KeyMap> = LazyLock::new(|| KeyMap {
    mode: Mode::Search,
    bindings: vec![
        b(&[code(KeyCode::Enter)], Action::Open, Msg::KeyFind, true),
        b(&[code(KeyCode::Esc)], Action::Cancel, Msg::KeyCancel, true),
        b(&[ctrl('c')], Action::ForceQuit, Msg::KeyForceQuit, false),
    ],
    passes_text: true,
});

static CONFIRM: LazyLock<KeyMap> = LazyLock::new(|| KeyMap {
    mode: Mode::Confirm,
    bindings: vec![
        b(
            &[k('y'), k('j'), code(KeyCode::Enter)],
            Action::Yes,
            Msg::KeyYes,
            true,
        ),
        b(&[k('n'), code(KeyCode::Esc)], Action::No, Msg::KeyNo, true),
        b(&[ctrl('c')], Action::ForceQuit, Msg::KeyForceQuit, false),
    ],
    passes_text: false,
});

static LIST: LazyLock<KeyMap> = LazyLock::new(|| {
    let mut v = nav();
    v.extend([
        b(
            &[code(KeyCode::Enter), k(' ')],
            Action::Open,
            Msg::KeyChoose,
            true,
        ),
        b(&[k('a')], Action::Add, Msg::KeyAdd, true),
        b(&[k('e')], Action::Edit, Msg::KeyEdit, false),
        b(
            &[k('d'), code(KeyCode::Delete)],
            Action::Delete,
            Msg::KeyDelete,
            false,
        ),
        b(
            &[code(KeyCode::Esc), k('q')],
            Action::Cancel,
            Msg::KeyClose,
            true,
        ),
        b(&[ctrl('c')], Action::ForceQuit, Msg::KeyForceQuit, false),
    ]);
    KeyMap {
        mode: Mode::List,
        bindings: v,
        passes_text: false,
    }
});

static HELP: LazyLock<KeyMap> = LazyLock::new(|| {
    let mut v = nav();
    v.extend([
        b(
            &[code(KeyCode::Esc), k('q'), k('?'), code(KeyCode::F(1))],
            Action::Cancel,
            Msg::KeyClose,
            true,
        ),
        b(&[ctrl('c')], Action::ForceQuit, Msg::KeyForceQuit, false),
    ]);
    KeyMap {
        mode: Mode::Help,
        bindings: v,
        passes_text: false,
    }
});

pub fn keymap_for(mode: Mode) -> &'static KeyMap {
    match mode {
        Mode::Normal => &NORMAL,
        Mode::Edit => &EDIT,
        Mode::Form => &FORM,
        Mode::Command => &PROMPT,
        Mode::Search => &SEARCH,
        Mode::Confirm => &CONFIRM,
        Mode::List => &LIST,
        Mode::Help => &HELP,
        Mode::Archive => &ARCHIVE,
    }
}

/// Every mode's table, in the order the help screen shows them.
pub const ALL_MODES: [Mode; 8] = [
    Mode::Normal,
    Mode::Archive,
    Mode::Edit,
    Mode::Form,
    Mode::List,
    Mode::Command,
    Mode::Search,
    Mode::Confirm,
];

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(c, m)
    }

    #[test]
    fn in_edit_mode_every_printable_key_belongs_to_the_text() {
        for c in ['q', 'j', 'k', ':', '/', '?', 'a', 'd', 'æ', 'Ø', ' '] {
            let ev = key(KeyCode::Char(c), KeyModifiers::NONE);
            assert_eq!(
                keymap_for(Mode::Edit).action(&ev),
                Some(Action::Key(ev)),
                "{c}"
            );
            assert_eq!(
                keymap_for(Mode::Command).action(&ev),
                Some(Action::Key(ev)),
                "{c}"
            );
        }
    }

    #[test]
    fn shifted_letters_match_with_or_without_the_shift_flag() {
        let m = keymap_for(Mode::Normal);
        assert_eq!(
            m.action(&key(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            m.action(&key(KeyCode::Char('G'), KeyModifiers::NONE)),
            Some(Action::Bottom)
        );
        assert_eq!(
            m.action(&key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::ForceQuit)
        );
        assert_eq!(
            m.action(&key(KeyCode::Char('c'), KeyModifiers::NONE)),
            Some(Action::SetCurrent)
        );
    }

    #[test]
    fn no_key_means_two_things_in_one_mode() {
        for mode in ALL_MODES.into_iter().chain([Mode::Help]) {
            let map = keymap_for(mode);
            let keys: Vec<Keys> = map.bindings.iter().flat_map(|b| b.keys.clone()).collect();
            for (i, a) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(a), "{mode:?}: {a} bound twice");
            }
        }
    }
}
