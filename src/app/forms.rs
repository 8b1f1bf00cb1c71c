//! Forms while they are open: keys go to the focused field, and Enter (or Ctrl-S) hands
//! the form to the feature that made it, which turns its fields into changes or says what
//! is wrong.

use super::action::{Action, Effect};
use super::action_items::{ActionForm, ActionStatusForm};
use super::agenda::ItemForm;
use super::archive;
use super::areas::{AreaForm, AreaStatusForm};
use super::attendance::{DocumentForm, SubstituteForm};
use super::exemption::ExemptionForm;
use super::form::{Form, FormKind};
use super::identity::PersonForm;
use super::meeting::MeetingForm;
use super::positions::PositionForm;
use super::state::{App, OnYes, Popup};
use super::votes::{BallotForm, VoteForm};
use crate::i18n::Msg;

pub fn form_mode(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    let Some(Popup::Form(f)) = app.popups.last_mut() else {
        return;
    };
    match action {
        Action::Down => f.next(),
        Action::Up => f.prev(),
        Action::Key(ev) => {
            let party = f.choice(Msg::FieldParty);
            f.key(ev);
            let other_party =
                matches!(f.kind, FormKind::Position { .. }) && f.choice(Msg::FieldParty) != party;
            let drafted = f.kind != FormKind::ArchiveFilter;
            if other_party {
                PositionForm::party_changed(app);
            }
            if drafted {
                app.keep_draft(fx);
            }
        }
        // What was typed goes only on an answer: Esc alone must not lose it.
        Action::Cancel if app.drafting => {
            app.confirm(app.t(Msg::DiscardChanges).to_string(), OnYes::DiscardEdit);
        }
        Action::Cancel => {
            app.popups.pop();
            app.drop_draft(fx);
        }
        Action::Save => {
            let f = f.clone();
            save(app, &f, fx);
        }
        Action::ForceQuit => app.quit(fx),
        _ => {}
    }
}

fn save(app: &mut App, f: &Form, fx: &mut Vec<Effect>) {
    let writes = f.kind != FormKind::ArchiveFilter;
    if writes && let Some(why) = app.read_only.clone() {
        show_error(app, format!("{}: {why}", app.t(Msg::ReadOnly)));
        app.warn(app.t(Msg::ReadOnly));
        return;
    }
    match submit(app, f) {
        Ok(effects) => {
            app.popups.pop();
            for e in effects {
                match e {
                    Effect::Commit(change) => app.commit(fx, change),
                    other => fx.push(other),
                }
            }
            // After the changes: a draft of text that could not be saved stays.
            app.drop_draft(fx);
        }
        Err(msg) => show_error(app, msg),
    }
}

fn show_error(app: &mut App, msg: String) {
    if let Some(Popup::Form(open)) = app.popups.last_mut() {
        open.error = Some(msg);
    }
}

/// The form to the feature that made it.
fn submit(app: &mut App, f: &Form) -> Result<Vec<Effect>, String> {
    let changes = match &f.kind {
        FormKind::ArchiveFilter => {
            let filter = archive::filter_from_form(app, f)?;
            archive::apply_filter(app, filter);
            Vec::new()
        }
        FormKind::NewPerson { me } => return PersonForm::submit(app, *me, f),
        FormKind::NewItem => ItemForm::submit(app, None, f)?,
        FormKind::EditItem(id) => ItemForm::submit(app, Some(id), f)?,
        FormKind::Exemption(item) => ExemptionForm::submit(app, item, f)?,
        FormKind::NewAction { item } => ActionForm::submit(app, None, item.as_ref(), f)?,
        FormKind::EditAction(id) => ActionForm::submit(app, Some(id), None, f)?,
        FormKind::ActionStatus(id) => ActionStatusForm::submit(app, id, f),
        FormKind::NewArea => AreaForm::submit(app, None, f)?,
        FormKind::EditArea(id) => AreaForm::submit(app, Some(id), f)?,
        FormKind::AreaStatus(id) => AreaStatusForm::submit(app, id, f)?,
        FormKind::NewMeeting => MeetingForm::submit(app, false, f)?,
        FormKind::EditMeeting => MeetingForm::submit(app, true, f)?,
        FormKind::NewDocument => DocumentForm::submit(app, f)?,
        FormKind::Substitute(person) => SubstituteForm::submit(app, person, f)?,
        FormKind::Position { item, from } => PositionForm::submit(app, item, from, f)?,
        FormKind::OpenVote(item) => VoteForm::submit(app, item, f)?,
        FormKind::CastVote { item, vote } => BallotForm::submit(app, item, vote, f)?,
    };
    Ok(changes.into_iter().map(Effect::Commit).collect())
}
