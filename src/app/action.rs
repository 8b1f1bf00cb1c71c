use crossterm_types::KeyEvent;

use super::draft::Draft;
use crate::export::Format;
use crate::model::Change;

/// Re-export so the app layer names key events without depending on the terminal loop.
pub mod crossterm_types {
    pub use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
}

/// Everything a user can ask for, as data. The keymaps map keys to these.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    NextPane,
    PrevPane,
    /// Enter: open, choose or confirm.
    Open,
    Add,
    Edit,
    Delete,
    /// Move the selected agenda item up or down.
    MoveUp,
    MoveDown,
    /// Mark the selected item as the current one (its timer starts).
    SetCurrent,
    EditNotes,
    EditConclusion,
    /// Cycle the conclusion between agreement, disagreement and none.
    CycleAgreement,
    Exemption,
    /// A new action item, linked to the selected agenda item.
    AddActionFromItem,
    /// Cycle the status of the selected action or development area.
    CycleStatus,
    /// Record a party's position on the selected item.
    Position,
    /// Write our party's statement for the record.
    Statement,
    /// Write an input from our party to the selected item.
    Input,
    /// The chair opens a vote on the selected item.
    OpenVote,
    /// Cast our vote in the selected item's open vote.
    CastVote,
    /// Ask for the floor on the selected item, or take the request back.
    RequestFloor,
    /// `u`: undo the user's own last change since samrad started.
    Undo,
    /// The chair gives the floor to the next in the speakers list.
    NextSpeaker,
    Attendance,
    Documents,
    Meetings,
    /// The meeting's details, read only: the header's facts in full, the approval round
    /// with each party's answer and the text of changes asked for, the open votes.
    MeetingInfo,
    Help,
    /// The problems found in the logs.
    Problems,
    CommandLine,
    Search,
    SearchNext,
    SearchPrev,
    /// The archive: every meeting, filters and search.
    Archive,
    /// The archive's filter form.
    Filter,
    ClearFilter,
    /// A development area (selected) over time, in the archive.
    Thread,
    Quit,
    ForceQuit,
    /// Esc: close or cancel.
    Cancel,
    /// Ctrl-S in an editor or form.
    Save,
    /// Ctrl-T in the editor: a passage unntatt offentlighet, or the next hjemmel for it.
    ExemptPassage,
    Yes,
    No,
    /// Bring back the unsaved text offered, where it was typed.
    RestoreDraft,
    /// Throw the unsaved text offered away, for good.
    DiscardDraft,
    /// A key typed into a text field, editor, prompt or command line.
    Key(KeyEvent),
    /// Tab on the command line: complete the command's name.
    Complete,
    /// Run a command line, e.g. "export md".
    Command(String),
    /// The clock moved on.
    Tick(chrono::DateTime<chrono::FixedOffset>),
    /// The terminal was resized.
    Resize(u16, u16),
}

/// What `update` asks the runtime to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Append this change to our log (durably) and apply it.
    Commit(Change),
    Export(Format),
    /// Write the innkalling (notice) of the meeting shown: in this format, or (none) as a
    /// PDF with its calendar invite beside it.
    ExportNotice(Option<Format>),
    /// Write the protokoll of this forhandling item of the meeting shown.
    ExportProtocol(crate::model::Id, Format),
    /// Bring the archive index up to date (and its search index with it).
    RefreshArchive,
    /// Fold and show a meeting (from the archive or the meetings list).
    OpenMeeting {
        id: crate::model::Id,
        /// The item to select.
        item: Option<crate::model::Id>,
        /// Opened to read: nothing can be changed until `:edit`.
        view_only: bool,
    },
    /// Remember who the user is (a person id) in the config file.
    SaveIdentity(String),
    /// The text in the editor or form changed: keep it as this samrad's draft (the runtime
    /// writes `app::current_draft` at most every half second).
    DraftChanged,
    /// The editor or form was saved or closed: its draft goes.
    DropDraft,
    /// Open the draft's meeting if it is not on screen, then `app::restore_draft`.
    RestoreDraft(Box<Draft>),
    /// A draft left by a samrad that is gone (its writer id) was restored or thrown away:
    /// its file goes, once this samrad's own draft is written.
    ForgetDraft(String),
    Quit,
}
