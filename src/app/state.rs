use ratatui_textarea::TextArea;

use super::archive::view::ArchiveView;
use super::draft::Draft;
use super::form::Form;
use super::ids::Ids;
use super::keymap::Mode;
use crate::i18n::Lang;
use crate::model::{Action as Task, Author, DevArea, Doc, GoalArea, Id, Item, Meeting};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Agenda,
    Areas,
    Actions,
    Detail,
}

impl Pane {
    pub const ORDER: [Pane; 4] = [Pane::Agenda, Pane::Areas, Pane::Actions, Pane::Detail];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Default,
    HighContrast,
    NoColor,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum EditorTarget {
    Notes(Id),
    Conclusion(Id),
    Background(Id),
    /// Videre behandling.
    Further(Id),
    /// The writer's own party's statement for the record on an item.
    Statement(Id),
    /// A new input (innspill) from the writer's party to an item.
    Input(Id),
    /// A new input from the writer's party to a development area.
    AreaInput(Id),
    /// Unsaved text whose place is gone (a draft's meeting or item): shown to be copied,
    /// saved nowhere.
    Nowhere,
}

/// The multi-line editor for notes, conclusions and background.
#[derive(Debug, Clone)]
pub struct Editor {
    pub target: EditorTarget,
    pub title: String,
    pub area: TextArea<'static>,
    pub original: String,
    /// The text as it was when the editor was first opened (kept through a draft's
    /// restore): what concurrent edits are merged against.
    pub base: String,
    /// The passage tag Ctrl-T put in last, while the cursor stays right after it: Ctrl-T
    /// again puts the next hjemmel of the forum's list in its place.
    pub passage: Option<PassageTag>,
}

/// Where an opening tag `[unntatt …]` ends (the cursor), how many characters it has, and
/// which of the forum's hjemler it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PassageTag {
    pub cursor: (usize, usize),
    pub chars: usize,
    pub hjemmel: usize,
}

impl Editor {
    pub fn text(&self) -> String {
        self.area.lines().join("\n").trim_end().to_string()
    }
    pub fn changed(&self) -> bool {
        self.text() != self.original.trim_end()
    }
}

/// What a "yes" in the confirm popup does.
#[derive(Debug, Clone, PartialEq)]
pub enum OnYes {
    DeleteItem(Id),
    DeleteDocument(Id),
    DeleteAction(Id),
    /// Leave without waiting for unsaved ops.
    Quit,
    /// Close the editor without saving.
    DiscardEdit,
    CloseMeeting,
}

#[derive(Debug, Clone)]
pub enum Popup {
    /// The keys and commands; `from`: the mode it was opened in, whose keys come first.
    Help {
        scroll: u16,
        from: Mode,
    },
    Form(Form),
    Editor(Box<Editor>),
    Confirm {
        question: String,
        on_yes: OnYes,
    },
    Meetings {
        selected: usize,
    },
    /// Who are you? Asked on first start.
    Identity {
        selected: usize,
        /// Asked at first start: it must be answered (Esc does not skip it). From
        /// `:whoami` it may be closed.
        required: bool,
    },
    Attendance {
        selected: usize,
    },
    Documents {
        selected: usize,
    },
    /// Keys waiting to be admitted: the chair admits them, a person confirms their own.
    Requests {
        selected: usize,
    },
    /// Unsaved text left by a samrad that is gone: restore, later, or discard.
    DraftOffer(Box<Draft>),
    /// What is wrong in the logs read, and what was found at start (`App::problems`).
    Problems {
        scroll: u16,
    },
    /// The meeting's details, read only (`i`): what the header and the strip under it
    /// can only name, in full.
    MeetingInfo {
        scroll: u16,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    /// Nothing written yet in this session.
    Idle,
    /// Ops sent to the disk and not yet confirmed durable.
    Saving(usize),
    /// Everything durable; the time of the last confirmation.
    Saved(String),
    Failed(String),
}

/// One row of the development-areas pane: a goal area heading or an area.
#[derive(Debug, Clone, Copy)]
pub enum AreaRow<'a> {
    Goal(&'a GoalArea),
    Area(&'a DevArea),
    /// Areas without a goal area.
    Ungrouped,
}

/// Below this the screen only says it is too small, and keys other than quit do nothing.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

pub struct App {
    pub lang: Lang,
    pub theme: Theme,
    pub doc: Doc,
    pub meeting: Option<Id>,
    pub author: Author,
    pub focus: Pane,
    /// The list whose selection the detail pane shows.
    pub detail_of: Pane,
    pub agenda_sel: usize,
    pub area_sel: usize,
    pub action_sel: usize,
    pub detail_scroll: u16,
    /// A record just added: selected as soon as its op is applied.
    pub select_after_apply: Option<(Pane, Id)>,
    /// The user's own changes since samrad started, newest last, each with what reverses
    /// it (`undo.rs`).
    pub undo: Vec<super::reversal::Undo>,
    pub popups: Vec<Popup>,
    pub command: Option<TextArea<'static>>,
    pub search: Option<TextArea<'static>>,
    pub last_search: String,
    /// A message for the user, and whether it is an error.
    pub message: Option<(String, bool)>,
    pub save: SaveState,
    pub now: chrono::DateTime<chrono::FixedOffset>,
    pub size: (u16, u16),
    /// How far the detail pane and the help can scroll at the current size (set by the
    /// runtime from the views after each draw; `u16::MAX` until then).
    pub scroll_limits: (u16, u16),
    pub read_only: Option<String>,
    /// What in the shown meeting's record shows tampering, in words (the runtime finds it
    /// reading the logs): the header then does not call it approved.
    pub doubts: Vec<String>,
    /// The folder holds changes written before keys were used: founding the forum now
    /// would leave them out, so the chair's key does not found it.
    pub unsigned_history: bool,
    pub quit: bool,
    /// Other samrads writing to this data folder now: who, and when they last wrote.
    pub live: Vec<(String, String)>,
    /// Where the data lives, to say where exports and minutes went.
    pub data_dir: String,
    /// Who the user is came from `--as`: choosing with `:whoami` holds for this session
    /// and is not saved to the settings.
    pub identity_for_session: bool,
    /// Every meeting in short (the archive index), for lists, numbering and threads.
    pub archive: std::sync::Arc<crate::store::archive::Archive>,
    /// The archive's word index, once built (in the background in the TUI).
    pub words: Option<std::sync::Arc<crate::search::WordIndex>>,
    /// The archive index is being loaded in the background (the TUI's start): `archive`
    /// is empty until it lands, and the archive view shows a spinner.
    pub archive_loading: bool,
    /// The archive view, while it is shown.
    pub archive_view: Option<ArchiveView>,
    /// The archive view as it was left when a meeting was opened from it.
    pub archive_back: Option<ArchiveView>,
    /// The meeting was opened from the archive to read: changes need `:edit`.
    pub view_only: bool,
    /// Where new record ids come from.
    pub ids: Ids,
    /// This terminal's public key (`ed25519:…`), that signs what it writes; empty without.
    pub key: String,
    /// Whether this samrad keeps a draft of the editor or form open (`drafts.rs`).
    pub drafting: bool,
    /// Unsaved text left by samrads that are gone, offered one after another.
    pub draft_offers: Vec<Draft>,
    /// Problems found reading the logs (file, line, what), and repairs made, as the
    /// runtime last read them; shown on the problems screen and counted in the status bar.
    pub problems: Vec<crate::store::Problem>,
    /// Warnings from before the screen was there (settings, keys), in words.
    pub start_warnings: Vec<String>,
    /// The background sync (`--sync-every`), when there is one.
    pub sync: Option<SyncStatus>,
}

/// The background sync as the status bar shows it: with whom, when it last synced, and
/// whether the last try failed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncStatus {
    pub with: String,
    /// The time of the last sync that went through (HH:MM:SS).
    pub last: Option<String>,
    /// Why the last try failed, in a few words; `None` when it went through.
    pub failed: Option<String>,
}

impl App {
    pub fn new(
        doc: Doc,
        author: Author,
        lang: Lang,
        now: chrono::DateTime<chrono::FixedOffset>,
    ) -> App {
        let mut app = App {
            lang,
            theme: Theme::Default,
            doc,
            meeting: None,
            author,
            focus: Pane::Agenda,
            detail_of: Pane::Agenda,
            agenda_sel: 0,
            area_sel: 0,
            action_sel: 0,
            detail_scroll: 0,
            select_after_apply: None,
            undo: Vec::new(),
            popups: Vec::new(),
            command: None,
            search: None,
            last_search: String::new(),
            message: None,
            save: SaveState::Idle,
            now,
            size: (80, 24),
            scroll_limits: (u16::MAX, u16::MAX),
            read_only: None,
            doubts: Vec::new(),
            unsigned_history: false,
            quit: false,
            live: Vec::new(),
            data_dir: String::new(),
            identity_for_session: false,
            archive: Default::default(),
            words: None,
            archive_loading: false,
            archive_view: None,
            archive_back: None,
            view_only: false,
            ids: Ids::Random,
            key: String::new(),
            drafting: false,
            draft_offers: Vec::new(),
            problems: Vec::new(),
            start_warnings: Vec::new(),
            sync: None,
        };
        app.meeting = app.default_meeting();
        app
    }

    /// The meeting to show first: one that is open, else the next planned, else the latest.
    pub fn default_meeting(&self) -> Option<Id> {
        crate::model::default_meeting(
            self.doc
                .meetings
                .iter()
                .map(|m| (m.id.as_str(), m.starts_at.as_str(), m.status)),
            self.now.date_naive(),
        )
    }

    pub fn mode(&self) -> Mode {
        if self.command.is_some() {
            return Mode::Command;
        }
        if self.search.is_some() {
            return Mode::Search;
        }
        match self.popups.last() {
            None if self.archive_view.is_some() => Mode::Archive,
            None => Mode::Normal,
            Some(Popup::Help { .. } | Popup::Problems { .. } | Popup::MeetingInfo { .. }) => {
                Mode::Help
            }
            Some(Popup::Form(_)) => Mode::Form,
            Some(Popup::Editor(_)) => Mode::Edit,
            Some(Popup::Confirm { .. }) => Mode::Confirm,
            Some(Popup::DraftOffer(_)) => Mode::Draft,
            Some(
                Popup::Meetings { .. }
                | Popup::Attendance { .. }
                | Popup::Documents { .. }
                | Popup::Identity { .. }
                | Popup::Requests { .. },
            ) => Mode::List,
        }
    }

    pub fn current_meeting(&self) -> Option<&Meeting> {
        self.meeting.as_deref().and_then(|id| self.doc.meeting(id))
    }

    pub fn items(&self) -> &[Item] {
        self.current_meeting()
            .map(|m| m.items.as_slice())
            .unwrap_or(&[])
    }

    pub fn selected_item(&self) -> Option<&Item> {
        self.items().get(self.agenda_sel)
    }

    pub fn actions(&self) -> Vec<&Task> {
        match &self.meeting {
            Some(m) => self.doc.meeting_actions(m),
            None => self
                .doc
                .actions
                .iter()
                .filter(|a| a.status.is_open())
                .collect(),
        }
    }

    pub fn selected_action(&self) -> Option<&Task> {
        self.actions().get(self.action_sel).copied()
    }

    /// Goal areas with their development areas under them, in number order.
    pub fn area_rows(&self) -> Vec<AreaRow<'_>> {
        let f = &self.doc.forum;
        let mut goals: Vec<&GoalArea> = f.goal_areas.iter().collect();
        goals.sort_by_key(|g| g.number);
        let mut areas: Vec<&DevArea> = f.dev_areas.iter().collect();
        areas.sort_by_key(|a| a.number);
        let mut rows = Vec::new();
        for g in goals {
            rows.push(AreaRow::Goal(g));
            rows.extend(
                areas
                    .iter()
                    .filter(|a| a.goal_area.as_deref() == Some(g.id.as_str()))
                    .map(|a| AreaRow::Area(a)),
            );
        }
        let loose: Vec<&DevArea> = areas
            .iter()
            .copied()
            .filter(|a| {
                a.goal_area
                    .as_deref()
                    .is_none_or(|g| f.goal_area(g).is_none())
            })
            .collect();
        if !loose.is_empty() {
            rows.push(AreaRow::Ungrouped);
            rows.extend(loose.into_iter().map(AreaRow::Area));
        }
        rows
    }

    /// The development areas in pane order (what `area_sel` indexes).
    pub fn areas(&self) -> Vec<&DevArea> {
        self.area_rows()
            .into_iter()
            .filter_map(|r| match r {
                AreaRow::Area(a) => Some(a),
                _ => None,
            })
            .collect()
    }

    pub fn selected_area(&self) -> Option<&DevArea> {
        self.areas().get(self.area_sel).copied()
    }

    /// Number of rows in the focused list.
    pub fn list_len(&self, pane: Pane) -> usize {
        match pane {
            Pane::Agenda => self.items().len(),
            Pane::Areas => self.areas().len(),
            Pane::Actions => self.actions().len(),
            Pane::Detail => 0,
        }
    }

    /// Apply an op's change to the state (ours, or another writer's), and select what the
    /// user just added once it exists.
    pub fn apply(&mut self, meta: &crate::model::OpMeta, change: crate::model::Change) {
        let numbers = change.touches_numbers();
        // The rules may refuse what this terminal allowed (another's change came first):
        // the user is told, and the op stays in the log among the refused.
        if let Err(reason) = self.doc.apply(meta, change) {
            let why = crate::i18n::reject_reason(self.lang, &reason);
            self.warn(self.lang.fill(crate::i18n::Msg::OwnChangeRefused, &[&why]));
        }
        if numbers {
            self.doc.settle_numbers();
        }
        self.select_added();
    }

    /// Select the record the user just added, once its op has been applied.
    fn select_added(&mut self) {
        if let Some((pane, id)) = self.select_after_apply.clone() {
            let found = match pane {
                Pane::Agenda => self.items().iter().position(|i| i.id == id),
                Pane::Actions => self.actions().iter().position(|a| a.id == id),
                _ => None,
            };
            if let Some(i) = found {
                match pane {
                    Pane::Agenda => self.agenda_sel = i,
                    _ => self.action_sel = i,
                }
                self.select_after_apply = None;
            }
        }
    }

    /// Apply an op read from a log (another writer's).
    pub fn apply_op(&mut self, op: crate::store::Op) {
        let numbers = op.change.touches_numbers();
        let _ = op.apply_to(&mut self.doc);
        if numbers {
            self.doc.settle_numbers();
        }
        self.select_added();
    }

    /// Run `f` (which changes the data, e.g. others' ops arriving) and keep the same
    /// records selected, wherever they moved to.
    pub fn keeping_selection(&mut self, f: impl FnOnce(&mut App)) {
        let item = self.selected_item().map(|i| i.id.clone());
        let action = self.selected_action().map(|a| a.id.clone());
        let area = self.selected_area().map(|a| a.id.clone());
        f(self);
        if let Some(i) = item.and_then(|id| self.items().iter().position(|x| x.id == id)) {
            self.agenda_sel = i;
        }
        if let Some(i) = action.and_then(|id| self.actions().iter().position(|x| x.id == id)) {
            self.action_sel = i;
        }
        if let Some(i) = area.and_then(|id| self.areas().iter().position(|x| x.id == id)) {
            self.area_sel = i;
        }
    }

    /// A meeting was folded and is to be shown.
    pub fn show_meeting(&mut self, doc: Doc, id: Id, item: Option<Id>, view_only: bool) {
        self.doc = doc;
        self.meeting = Some(id);
        self.view_only = view_only;
        self.agenda_sel = item
            .and_then(|i| self.items().iter().position(|x| x.id == i))
            .unwrap_or(0);
        self.action_sel = 0;
        self.detail_scroll = 0;
        self.focus = Pane::Agenda;
        self.detail_of = Pane::Agenda;
        if let Some(view) = self.archive_view.take() {
            self.archive_back = Some(view);
        }
    }

    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    /// A pane shows focus only while no popup or prompt is over it.
    pub fn pane_focused(&self, pane: Pane) -> bool {
        self.focus == pane && self.popups.is_empty()
    }

    pub fn is_locked(&self) -> bool {
        self.current_meeting()
            .is_some_and(|m| m.status.is_read_only())
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), false));
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), true));
    }

    /// How many problems the problems screen lists.
    pub fn problem_count(&self) -> usize {
        self.problems.len() + self.start_warnings.len()
    }

    pub fn pending_ops(&self) -> usize {
        match self.save {
            SaveState::Saving(n) => n,
            _ => 0,
        }
    }
}
