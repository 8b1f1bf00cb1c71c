//! The application: state, actions and `update`, as plain data. No terminal here: every
//! key press becomes an `Action`, and `update` turns it into state changes and `Effect`s.

mod action;
mod approval;
pub mod archive;
mod form;
mod keymap;
mod state;
mod update;

pub use action::{Action, Effect};
pub use form::{Field, FieldKind, Form, FormKind};
pub use keymap::{ALL_MODES, Binding, KeyMap, Keys, Mode, keymap_for};
pub use state::{
    App, AreaRow, Editor, EditorTarget, MIN_HEIGHT, MIN_WIDTH, OnYes, Pane, Popup, SaveState,
    Theme as ThemeName,
};
pub use update::{ask_identity, update};

/// Carry out `update`'s effects at once against a store: each change is committed (durably)
/// and applied. The TUI does the same with the disk write on a thread; tests and scripts use
/// this. Exports and quitting are left to the caller and returned.
pub fn run_effects(
    app: &mut App,
    store: &mut crate::store::Store,
    effects: Vec<Effect>,
) -> Result<Vec<Effect>, crate::store::StoreError> {
    let mut rest = Vec::new();
    for effect in effects {
        match effect {
            Effect::Commit(change) => {
                if store.author() != &app.author {
                    store.set_author(app.author.clone());
                }
                let op = store.commit_at(change, app.now)?;
                app.apply(&op.meta(), op.change.clone());
            }
            Effect::OpenMeeting {
                id,
                item,
                view_only,
            } => {
                let doc = store.load(&crate::store::Load::Meeting(id.clone()));
                app.show_meeting(doc, id, item, view_only);
            }
            Effect::RefreshArchive => {
                let (mut archive, _) = crate::store::archive::Archive::open(store.layout());
                if archive.text.is_empty() {
                    // Unreadable texts leave search empty; the rows still list.
                    let _ = archive.load_text(store.root());
                }
                app.set_archive(archive);
            }
            other => rest.push(other),
        }
    }
    Ok(rest)
}
