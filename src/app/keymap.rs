//! Keys as data: one table per mode. The same tables drive the help screen and the
//! status-bar hints, so what is shown is what works.

use std::fmt;
use std::sync::LazyLock;

use super::action::Action;
use super::action::crossterm_types::{KeyCode, KeyEvent, KeyModifiers};
use crate::i18n::{Lang, Msg};
use KeyCode::{BackTab, Delete, Down, End, Enter, Esc, F, Home, PageDown, PageUp, Tab, Up};

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
    /// Unsaved text left behind is offered back.
    Draft,
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

/// One row of a table: the keys, the action, what help says it does, and whether the
/// status bar shows it as a hint (the bar is short: the most used ones only).
type Row = (&'static [Keys], Action, Msg, bool);

const NAV: [Row; 6] = [
    (&[k('j'), code(Down)], Action::Down, Msg::KeyDown, false),
    (&[k('k'), code(Up)], Action::Up, Msg::KeyUp, false),
    (&[k('g'), code(Home)], Action::Top, Msg::KeyTop, false),
    (&[k('G'), code(End)], Action::Bottom, Msg::KeyBottom, false),
    (&[code(PageUp)], Action::PageUp, Msg::KeyPageUp, false),
    (&[code(PageDown)], Action::PageDown, Msg::KeyPageDown, false),
];

const FORCE_QUIT: Row = (&[ctrl('c')], Action::ForceQuit, Msg::KeyForceQuit, false);
const HELP_KEYS: &[Keys] = &[k('?'), code(F(1))];

const NORMAL: &[Row] = &[
    (&[code(Tab)], Action::NextPane, Msg::KeyNextPane, true),
    (&[code(BackTab)], Action::PrevPane, Msg::KeyPrevPane, false),
    (&[code(Enter)], Action::Open, Msg::KeyOpen, false),
    (&[k('a')], Action::Add, Msg::KeyAdd, true),
    (&[k('e')], Action::Edit, Msg::KeyEdit, true),
    (
        &[k('d'), code(Delete)],
        Action::Delete,
        Msg::KeyDelete,
        false,
    ),
    (&[k('K')], Action::MoveUp, Msg::KeyMoveUp, false),
    (&[k('J')], Action::MoveDown, Msg::KeyMoveDown, false),
    (&[k('c')], Action::SetCurrent, Msg::KeySetCurrent, true),
    (&[k('w')], Action::EditNotes, Msg::KeyNotes, true),
    (&[k('C')], Action::EditConclusion, Msg::KeyConclusion, false),
    (&[k('E')], Action::CycleAgreement, Msg::KeyAgreement, false),
    (&[k('x')], Action::Exemption, Msg::KeyConfidential, false),
    (&[k('u')], Action::Undo, Msg::KeyUndo, false),
    (
        &[k('t')],
        Action::AddActionFromItem,
        Msg::KeyActionFromItem,
        true,
    ),
    (&[k('s')], Action::CycleStatus, Msg::KeyStatus, false),
    (&[k('P')], Action::Position, Msg::KeyPosition, true),
    (&[k('S')], Action::Statement, Msg::KeyStatement, false),
    (&[k('I')], Action::Input, Msg::KeyInput, false),
    (&[k('V')], Action::OpenVote, Msg::KeyOpenVote, false),
    (&[k('v')], Action::CastVote, Msg::KeyCastVote, false),
    (&[k('r')], Action::RequestFloor, Msg::KeyRequestFloor, false),
    (&[k('f')], Action::NextSpeaker, Msg::KeyNextSpeaker, false),
    (&[k('p')], Action::Attendance, Msg::KeyAttendance, false),
    (&[k('D')], Action::Documents, Msg::KeyDocuments, false),
    (&[k('m')], Action::Meetings, Msg::KeyMeetings, true),
    (&[k('A')], Action::Archive, Msg::KeyArchive, true),
    (&[k('T')], Action::Thread, Msg::KeyThread, false),
    (&[k('/')], Action::Search, Msg::KeySearch, false),
    (&[k('n')], Action::SearchNext, Msg::KeySearchNext, false),
    (&[k('N')], Action::SearchPrev, Msg::KeySearchPrev, false),
    (&[k(':')], Action::CommandLine, Msg::KeyCommand, true),
    (HELP_KEYS, Action::Help, Msg::KeyHelp, true),
    (&[k('!')], Action::Problems, Msg::KeyProblems, false),
    (&[k('q')], Action::Quit, Msg::KeyQuit, true),
    FORCE_QUIT,
    (&[code(Esc)], Action::Cancel, Msg::KeyCancel, false),
];

const ARCHIVE: &[Row] = &[
    (&[code(Enter)], Action::Open, Msg::KeyOpenReadOnly, true),
    (&[k('/')], Action::Search, Msg::KeySearchAll, true),
    (&[k('n')], Action::SearchNext, Msg::KeySearchNext, true),
    (&[k('N')], Action::SearchPrev, Msg::KeySearchPrev, false),
    (&[k('f')], Action::Filter, Msg::KeyFilter, true),
    (&[k('F')], Action::ClearFilter, Msg::KeyClearFilter, false),
    (&[k('A')], Action::Archive, Msg::KeyBackToMeeting, false),
    (&[code(Esc)], Action::Cancel, Msg::KeyBack, true),
    (&[k(':')], Action::CommandLine, Msg::KeyCommand, false),
    (HELP_KEYS, Action::Help, Msg::KeyHelp, true),
    (&[k('!')], Action::Problems, Msg::KeyProblems, false),
    (&[k('q')], Action::Quit, Msg::KeyQuit, true),
    FORCE_QUIT,
];

const EDIT: &[Row] = &[
    (&[ctrl('s')], Action::Save, Msg::KeySave, true),
    (&[code(Esc)], Action::Cancel, Msg::KeyCancelEdit, true),
    (
        &[ctrl('t')],
        Action::ExemptPassage,
        Msg::KeyExemptPassage,
        true,
    ),
    (&[code(F(1))], Action::Help, Msg::KeyHelp, false),
    FORCE_QUIT,
];

const FORM: &[Row] = &[
    (
        &[code(Tab), code(Down)],
        Action::Down,
        Msg::KeyNextField,
        true,
    ),
    (
        &[code(BackTab), code(Up)],
        Action::Up,
        Msg::KeyPrevField,
        false,
    ),
    (&[code(Enter), ctrl('s')], Action::Save, Msg::KeySave, true),
    (&[code(Esc)], Action::Cancel, Msg::KeyCancel, true),
    (&[code(F(1))], Action::Help, Msg::KeyHelp, false),
    FORCE_QUIT,
];

const PROMPT: &[Row] = &[
    (&[code(Enter)], Action::Open, Msg::KeyRun, true),
    (&[code(Tab)], Action::Complete, Msg::KeyComplete, true),
    (&[code(Esc)], Action::Cancel, Msg::KeyCancel, true),
    (&[code(F(1))], Action::Help, Msg::KeyHelp, false),
    FORCE_QUIT,
];

const SEARCH: &[Row] = &[
    (&[code(Enter)], Action::Open, Msg::KeyFind, true),
    (&[code(Esc)], Action::Cancel, Msg::KeyCancel, true),
    (&[code(F(1))], Action::Help, Msg::KeyHelp, false),
    FORCE_QUIT,
];

/// Only an explicit `y` answers yes: Enter, `j` (a vim user moving down, or "ja") and
/// every other key answer no, which is the default.
const CONFIRM: &[Row] = &[
    (&[k('y'), k('Y')], Action::Yes, Msg::KeyYes, true),
    (
        &[k('n'), code(Esc), code(Enter)],
        Action::No,
        Msg::KeyNoDefault,
        true,
    ),
    (HELP_KEYS, Action::Help, Msg::KeyHelp, false),
    FORCE_QUIT,
];

const DRAFT: &[Row] = &[
    (
        &[k('r'), code(Enter)],
        Action::RestoreDraft,
        Msg::KeyRestoreDraft,
        true,
    ),
    (&[code(Esc)], Action::Cancel, Msg::KeyDraftLater, true),
    (
        &[ctrl('d')],
        Action::DiscardDraft,
        Msg::KeyDiscardDraft,
        true,
    ),
    (HELP_KEYS, Action::Help, Msg::KeyHelp, false),
    FORCE_QUIT,
];

const LIST: &[Row] = &[
    // Enter only: a space typed while the list opened must not choose for the user.
    (&[code(Enter)], Action::Open, Msg::KeyChoose, true),
    (&[k('a')], Action::Add, Msg::KeyAdd, true),
    (&[k('e')], Action::Edit, Msg::KeyEdit, false),
    (
        &[k('d'), code(Delete)],
        Action::Delete,
        Msg::KeyDelete,
        false,
    ),
    (&[code(Esc), k('q')], Action::Cancel, Msg::KeyClose, true),
    (HELP_KEYS, Action::Help, Msg::KeyHelp, false),
    FORCE_QUIT,
];

const HELP: &[Row] = &[
    (
        &[code(Esc), k('q'), k('?'), code(F(1))],
        Action::Cancel,
        Msg::KeyClose,
        true,
    ),
    FORCE_QUIT,
];

/// A mode's table: moving about first where the mode has a list, then its own rows.
fn table(mode: Mode) -> KeyMap {
    let (rows, moves, passes_text) = match mode {
        Mode::Normal => (NORMAL, true, false),
        Mode::Archive => (ARCHIVE, true, false),
        Mode::Edit => (EDIT, false, true),
        Mode::Form => (FORM, false, true),
        Mode::Command => (PROMPT, false, true),
        Mode::Search => (SEARCH, false, true),
        // Any other key comes through as text, and answers no.
        Mode::Confirm => (CONFIRM, false, true),
        Mode::Draft => (DRAFT, false, false),
        Mode::List => (LIST, true, false),
        Mode::Help => (HELP, true, false),
    };
    let nav: &[Row] = if moves { &NAV } else { &[] };
    let bindings = nav
        .iter()
        .chain(rows)
        .map(|(keys, action, help, hint)| Binding {
            keys: keys.to_vec(),
            action: action.clone(),
            help: *help,
            hint: *hint,
        })
        .collect();
    KeyMap {
        mode,
        bindings,
        passes_text,
    }
}

static TABLES: LazyLock<Vec<KeyMap>> = LazyLock::new(|| {
    ALL_MODES
        .into_iter()
        .chain([Mode::Help])
        .map(table)
        .collect()
});

pub fn keymap_for(mode: Mode) -> &'static KeyMap {
    // Every mode has a table (built from ALL_MODES and Help).
    TABLES.iter().find(|m| m.mode == mode).unwrap_or(&TABLES[0])
}

/// Every mode's table, in the order the help screen shows them.
pub const ALL_MODES: [Mode; 9] = [
    Mode::Normal,
    Mode::Archive,
    Mode::Edit,
    Mode::Form,
    Mode::List,
    Mode::Command,
    Mode::Search,
    Mode::Confirm,
    Mode::Draft,
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
