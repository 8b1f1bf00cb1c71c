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
    /// Its priority in the status bar's hints; 0 (`HIDE`): not shown there.
    pub hint: u8,
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
            .filter(|b| b.hint != HIDE)
            .map(|b| (b.keys_label(), lang.t(b.help)))
            .collect()
    }
}

/// One row of a table: the keys, the action, what help says it does, and its place in the
/// status bar's hints: `HIDE` for none, else a priority. The bar shows the hints by
/// priority, highest first, and a narrow bar leaves out whole hints from the lowest up.
/// In the main screen each role sees only its own keys (`App::may`), so the chair's keys
/// come first (the current item, the floor, the vote, the notes), then a representative's
/// (the floor, a position, a ballot, a statement, an input), then moving about.
type Row = (&'static [Keys], Action, Msg, u8);

/// Not shown in the status bar (help lists it).
const HIDE: u8 = 0;

const NAV: [Row; 6] = [
    (&[k('j'), code(Down)], Action::Down, Msg::KeyDown, HIDE),
    (&[k('k'), code(Up)], Action::Up, Msg::KeyUp, HIDE),
    (&[k('g'), code(Home)], Action::Top, Msg::KeyTop, HIDE),
    (&[k('G'), code(End)], Action::Bottom, Msg::KeyBottom, HIDE),
    (&[code(PageUp)], Action::PageUp, Msg::KeyPageUp, HIDE),
    (&[code(PageDown)], Action::PageDown, Msg::KeyPageDown, HIDE),
];

const FORCE_QUIT: Row = (&[ctrl('c')], Action::ForceQuit, Msg::KeyForceQuit, HIDE);
const HELP_KEYS: &[Keys] = &[k('?'), code(F(1))];

const NORMAL: &[Row] = &[
    (&[code(Tab)], Action::NextPane, Msg::KeyNextPane, 60),
    (&[code(BackTab)], Action::PrevPane, Msg::KeyPrevPane, HIDE),
    (&[code(Enter)], Action::Open, Msg::KeyOpen, HIDE),
    (&[k('a')], Action::Add, Msg::KeyAdd, 45),
    (&[k('e')], Action::Edit, Msg::KeyEdit, 44),
    (
        &[k('d'), code(Delete)],
        Action::Delete,
        Msg::KeyDelete,
        HIDE,
    ),
    (&[k('K')], Action::MoveUp, Msg::KeyMoveUp, HIDE),
    (&[k('J')], Action::MoveDown, Msg::KeyMoveDown, HIDE),
    (&[k('c')], Action::SetCurrent, Msg::KeySetCurrent, 90),
    (&[k('w')], Action::EditNotes, Msg::KeyNotes, 86),
    (&[k('C')], Action::EditConclusion, Msg::KeyConclusion, HIDE),
    (&[k('E')], Action::CycleAgreement, Msg::KeyAgreement, HIDE),
    (&[k('x')], Action::Exemption, Msg::KeyConfidential, HIDE),
    (&[k('u')], Action::Undo, Msg::KeyUndo, HIDE),
    (
        &[k('t')],
        Action::AddActionFromItem,
        Msg::KeyActionFromItem,
        30,
    ),
    (&[k('s')], Action::CycleStatus, Msg::KeyStatus, HIDE),
    (&[k('P')], Action::Position, Msg::KeyPosition, 80),
    (&[k('S')], Action::Statement, Msg::KeyStatement, 77),
    (&[k('I')], Action::Input, Msg::KeyInput, 74),
    (&[k('V')], Action::OpenVote, Msg::KeyOpenVote, 87),
    (&[k('v')], Action::CastVote, Msg::KeyCastVote, 79),
    (&[k('r')], Action::RequestFloor, Msg::KeyRequestFloor, 81),
    (&[k('f')], Action::NextSpeaker, Msg::KeyNextSpeaker, 89),
    (&[k('p')], Action::Attendance, Msg::KeyAttendance, HIDE),
    (&[k('D')], Action::Documents, Msg::KeyDocuments, HIDE),
    (&[k('i')], Action::MeetingInfo, Msg::KeyMeetingInfo, HIDE),
    (&[k('m')], Action::Meetings, Msg::KeyMeetings, 40),
    (&[k('A')], Action::Archive, Msg::KeyArchive, 35),
    (&[k('T')], Action::Thread, Msg::KeyThread, HIDE),
    (&[k('/')], Action::Search, Msg::KeySearch, HIDE),
    (&[k('n')], Action::SearchNext, Msg::KeySearchNext, HIDE),
    (&[k('N')], Action::SearchPrev, Msg::KeySearchPrev, HIDE),
    (&[k(':')], Action::CommandLine, Msg::KeyCommand, 50),
    // The status bar always ends with "? Help": no hint for it here.
    (HELP_KEYS, Action::Help, Msg::KeyHelp, HIDE),
    (&[k('!')], Action::Problems, Msg::KeyProblems, HIDE),
    (&[k('q')], Action::Quit, Msg::KeyQuit, 20),
    FORCE_QUIT,
    (&[code(Esc)], Action::Cancel, Msg::KeyCancel, HIDE),
];

const ARCHIVE: &[Row] = &[
    (&[code(Enter)], Action::Open, Msg::KeyOpenReadOnly, 90),
    (&[k('/')], Action::Search, Msg::KeySearchAll, 80),
    (&[k('n')], Action::SearchNext, Msg::KeySearchNext, 70),
    (&[k('N')], Action::SearchPrev, Msg::KeySearchPrev, HIDE),
    (&[k('f')], Action::Filter, Msg::KeyFilter, 60),
    (&[k('F')], Action::ClearFilter, Msg::KeyClearFilter, HIDE),
    (&[k('A')], Action::Archive, Msg::KeyBackToMeeting, HIDE),
    (&[code(Esc)], Action::Cancel, Msg::KeyBack, 50),
    (&[k(':')], Action::CommandLine, Msg::KeyCommand, HIDE),
    (HELP_KEYS, Action::Help, Msg::KeyHelp, HIDE),
    (&[k('!')], Action::Problems, Msg::KeyProblems, HIDE),
    (&[k('q')], Action::Quit, Msg::KeyQuit, 30),
    FORCE_QUIT,
];

const EDIT: &[Row] = &[
    (&[ctrl('s')], Action::Save, Msg::KeySave, 90),
    (&[code(Esc)], Action::Cancel, Msg::KeyCancelEdit, 80),
    (
        &[ctrl('t')],
        Action::ExemptPassage,
        Msg::KeyExemptPassage,
        70,
    ),
    (&[code(F(1))], Action::Help, Msg::KeyHelp, HIDE),
    FORCE_QUIT,
];

const FORM: &[Row] = &[
    (
        &[code(Tab), code(Down)],
        Action::Down,
        Msg::KeyNextField,
        90,
    ),
    (
        &[code(BackTab), code(Up)],
        Action::Up,
        Msg::KeyPrevField,
        HIDE,
    ),
    (&[code(Enter), ctrl('s')], Action::Save, Msg::KeySave, 80),
    (&[code(Esc)], Action::Cancel, Msg::KeyCancel, 70),
    (&[code(F(1))], Action::Help, Msg::KeyHelp, HIDE),
    FORCE_QUIT,
];

const PROMPT: &[Row] = &[
    (&[code(Enter)], Action::Open, Msg::KeyRun, 90),
    (&[code(Tab)], Action::Complete, Msg::KeyComplete, 80),
    (&[code(Esc)], Action::Cancel, Msg::KeyCancel, 70),
    (&[code(F(1))], Action::Help, Msg::KeyHelp, HIDE),
    FORCE_QUIT,
];

const SEARCH: &[Row] = &[
    (&[code(Enter)], Action::Open, Msg::KeyFind, 90),
    (&[code(Esc)], Action::Cancel, Msg::KeyCancel, 80),
    (&[code(F(1))], Action::Help, Msg::KeyHelp, HIDE),
    FORCE_QUIT,
];

/// Only an explicit `y` answers yes: Enter, `j` (a vim user moving down, or "ja") and
/// every other key answer no, which is the default.
const CONFIRM: &[Row] = &[
    (&[k('y'), k('Y')], Action::Yes, Msg::KeyYes, 90),
    (
        &[k('n'), code(Esc), code(Enter)],
        Action::No,
        Msg::KeyNoDefault,
        80,
    ),
    (HELP_KEYS, Action::Help, Msg::KeyHelp, HIDE),
    FORCE_QUIT,
];

const DRAFT: &[Row] = &[
    (
        &[k('r'), code(Enter)],
        Action::RestoreDraft,
        Msg::KeyRestoreDraft,
        90,
    ),
    (&[code(Esc)], Action::Cancel, Msg::KeyDraftLater, 80),
    (&[ctrl('d')], Action::DiscardDraft, Msg::KeyDiscardDraft, 70),
    (HELP_KEYS, Action::Help, Msg::KeyHelp, HIDE),
    FORCE_QUIT,
];

const LIST: &[Row] = &[
    // Enter only: a space typed while the list opened must not choose for the user.
    (&[code(Enter)], Action::Open, Msg::KeyChoose, 90),
    (&[k('a')], Action::Add, Msg::KeyAdd, 80),
    (&[k('e')], Action::Edit, Msg::KeyEdit, HIDE),
    (
        &[k('d'), code(Delete)],
        Action::Delete,
        Msg::KeyDelete,
        HIDE,
    ),
    (&[code(Esc), k('q')], Action::Cancel, Msg::KeyClose, 70),
    (HELP_KEYS, Action::Help, Msg::KeyHelp, HIDE),
    FORCE_QUIT,
];

const HELP: &[Row] = &[
    (
        &[code(Esc), k('q'), k('?'), code(F(1))],
        Action::Cancel,
        Msg::KeyClose,
        90,
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
