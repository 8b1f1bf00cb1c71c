//! The application: state, actions and `update`, as plain data. No terminal here: every
//! key press becomes an `Action`, and `update` turns it into state changes and `Effect`s
//! that the runtime carries out. Each feature has its own module and owns its forms;
//! docs/ARCHITECTURE.md says where each lives and how to add one.

mod action;
mod action_items;
mod admission;
mod agenda;
mod approval;
pub mod archive;
mod areas;
mod attendance;
pub mod commands;
mod confirm;
mod context;
mod draft;
mod drafts;
mod editor;
mod exemption;
mod form;
mod forms;
mod identity;
mod ids;
mod keymap;
mod known;
mod list_search;
mod meeting;
mod navigation;
mod party_names;
mod positions;
mod protocol;
mod reversal;
mod roles;
mod speakers;
mod state;
mod undo;
mod update;
mod votes;

pub use action::{Action, Effect};
pub use admission::visible as visible_requests;
pub use draft::{Draft, Entry, FieldValue, Typed};
pub use drafts::{
    current as current_draft, offer as offer_drafts, preview as draft_preview,
    restore as restore_draft,
};
pub use form::{Field, FieldKind, Form, FormKind};
pub use identity::{ask_identity, take_seat};
pub use ids::Ids;
pub use keymap::{ALL_MODES, Binding, KeyMap, Keys, Mode, keymap_for};
pub use known::MeetingSummary;
pub use roles::Gate;
pub use state::{
    App, AreaRow, Editor, EditorTarget, MIN_HEIGHT, MIN_WIDTH, OnYes, Pane, Popup, SaveState,
    SyncStatus, Theme as ThemeName,
};
pub use update::update;
