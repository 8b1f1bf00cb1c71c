//! Action items (tiltak): added from an agenda item or on their own, edited, their status
//! changed, dropped. They live in the forum and carry over from meeting to meeting.

use super::action::Effect;
use super::areas::area_options;
use super::form::{Field, Form, FormKind, labels};
use super::state::{App, OnYes, Pane};
use crate::i18n::{self, Msg};
use crate::model::{ActionField, ActionStatus, Change, Id, Owner, parse_date};

/// The form for a new action item (from an agenda item or not) or an existing one.
pub struct ActionForm;

impl ActionForm {
    pub fn open(app: &mut App, id: Option<Id>, item: Option<Id>) {
        let action = id.as_deref().and_then(|i| app.doc.action(i)).cloned();
        let action = action.as_ref();
        let (owners, owner_names) = owner_options(app);
        let owner = action
            .and_then(|a| owners.iter().position(|o| *o == a.owner))
            .unwrap_or(0);
        let statuses = labels(&ActionStatus::ALL, |s| i18n::action_status(app.lang, s));
        let status = action
            .and_then(|a| ActionStatus::ALL.iter().position(|s| *s == a.status))
            .unwrap_or(1);
        let from_item = item
            .as_deref()
            .and_then(|i| app.items().iter().find(|x| x.id == i));
        let areas = action
            .map(|a| a.areas.clone())
            .or(from_item.map(|i| i.areas.clone()))
            .unwrap_or_default();
        let due = action
            .and_then(|a| a.due)
            .map(|d| i18n::short_date(app.lang, d))
            .unwrap_or_default();
        let title = match (&id, from_item) {
            (Some(_), _) => app.t(Msg::EditAction).to_string(),
            (None, Some(it)) => format!(
                "{} ({} {})",
                app.t(Msg::NewAction),
                app.t(Msg::FromItem),
                it.number
            ),
            (None, None) => app.t(Msg::NewAction).to_string(),
        };
        let fields = vec![
            Field::text(
                Msg::FieldTitle,
                action.map(|a| a.title.as_str()).unwrap_or(""),
            ),
            Field::choice(Msg::Owner, owner_names, owner),
            Field::text(Msg::FieldDue, &due),
            Field::choice(Msg::Status, statuses, status),
            Field::multi(Msg::DevAreas, area_options(app, &areas)),
        ];
        let kind = match id {
            Some(id) => FormKind::EditAction(id),
            None => FormKind::NewAction { item },
        };
        app.open_titled_form(kind, title, fields);
    }

    /// A new action (selected once it is applied, so the chair sees it), or the fields of
    /// an existing one that changed.
    pub fn submit(
        app: &mut App,
        id: Option<&Id>,
        item: Option<&Id>,
        f: &Form,
    ) -> Result<Vec<Change>, String> {
        let title = app.required(f.text(Msg::FieldTitle), Msg::TitleRequired)?;
        let (owners, _) = owner_options(app);
        let owner = owners
            .get(f.choice(Msg::Owner))
            .cloned()
            .unwrap_or(Owner::Nobody);
        let due = parse_date(&f.text(Msg::FieldDue)).map_err(|e| i18n::date_error(app.lang, e))?;
        // A date already passed may be what was agreed (minutes written afterwards): it is
        // taken, and said.
        if let Some(d) = due.filter(|d| *d < app.now.date_naive()) {
            let msg = app
                .lang
                .fill(Msg::DueInThePast, &[&i18n::short_date(app.lang, d)]);
            app.warn(msg);
        }
        let status = ActionStatus::ALL[f.choice(Msg::Status).min(ActionStatus::ALL.len() - 1)];
        let areas = f.multi(Msg::DevAreas);
        let Some(id) = id else {
            let proposed_by = if status == ActionStatus::Proposed {
                app.author.party.clone()
            } else {
                None
            };
            let id = app.ids.new_id("t");
            app.select_after_apply = Some((Pane::Actions, id.clone()));
            return Ok(vec![Change::ActionAdd {
                id,
                title,
                owner,
                due,
                status,
                meeting: app.meeting.clone(),
                item: item.cloned(),
                areas,
                proposed_by,
            }]);
        };
        let old = app
            .doc
            .action(id)
            .cloned()
            .ok_or_else(|| app.t(Msg::SelectAnAction).to_string())?;
        let sets = [
            ActionField::Title(title),
            ActionField::Owner(owner),
            ActionField::Due(due),
            ActionField::Status(status),
            ActionField::Areas(areas),
        ];
        Ok(sets
            .into_iter()
            .filter(|s| s.changes(&old))
            .map(|set| Change::ActionSet {
                id: id.clone(),
                meeting: app.meeting.clone(),
                set,
            })
            .collect())
    }
}

/// Who can own an action: nobody, a party, or a person; with their names.
fn owner_options(app: &App) -> (Vec<Owner>, Vec<String>) {
    let f = &app.doc.forum;
    let mut owners = vec![Owner::Nobody];
    let mut labels = vec![app.t(Msg::Nobody).to_string()];
    for p in &f.parties {
        owners.push(Owner::Party(p.id.clone()));
        labels.push(p.short.clone());
    }
    for p in &f.people {
        owners.push(Owner::Person(p.id.clone()));
        labels.push(p.name.clone());
    }
    (owners, labels)
}

/// `s` on an action: its status, picked from all of them, so that the history records
/// the one status chosen and not every one passed on the way.
pub struct ActionStatusForm;

impl ActionStatusForm {
    pub fn open(app: &mut App) {
        let Some(a) = app.selected_action().cloned() else {
            app.warn(app.t(Msg::SelectAnAction));
            return;
        };
        let names = labels(&ActionStatus::ALL, |s| i18n::action_status(app.lang, s));
        let current = ActionStatus::ALL
            .iter()
            .position(|s| *s == a.status)
            .unwrap_or(0);
        let title = format!("{}: {}", app.t(Msg::Status), a.title);
        let fields = vec![Field::choice(Msg::Status, names, current)];
        app.open_titled_form(FormKind::ActionStatus(a.id), title, fields);
    }

    /// One change, or none when the status is as it was.
    pub fn submit(app: &App, id: &Id, f: &Form) -> Vec<Change> {
        let Some(status) = ActionStatus::ALL.get(f.choice(Msg::Status)).copied() else {
            return Vec::new();
        };
        let unchanged = app.doc.action(id).is_none_or(|a| a.status == status);
        if unchanged {
            return Vec::new();
        }
        vec![Change::ActionSet {
            id: id.clone(),
            meeting: app.meeting.clone(),
            set: ActionField::Status(status),
        }]
    }
}

/// `d` on an action: asks, then drops it (it stays in the record as dropped).
pub fn ask_drop(app: &mut App) {
    if let Some(a) = app.selected_action() {
        let q = format!("{} «{}»?", app.t(Msg::ConfirmDropAction), a.title);
        let on_yes = OnYes::DeleteAction(a.id.clone());
        app.confirm(q, on_yes);
    }
}

pub fn drop_action(app: &mut App, id: Id, fx: &mut Vec<Effect>) {
    let change = Change::ActionSet {
        id,
        meeting: app.meeting.clone(),
        set: ActionField::Status(ActionStatus::Dropped),
    };
    app.commit(fx, change);
}
