//! Who came (attendance, with substitutes) and which documents were sent before the
//! meeting (HA § 17).

use super::action::{Action, Effect};
use super::form::{Field, Form, FormKind};
use super::identity::PersonForm;
use super::state::{App, OnYes};
use crate::i18n::{self, Msg};
use crate::model::{Change, Document, ForumField, Id, Presence, parse_date};

/// Keys in the attendance list (the forum's people grouped by side, as
/// `Forum::people_by_seat` orders them): Enter moves the person's presence on (present,
/// absent, substitute: then the substitute's name is asked for), `a` adds a person.
pub fn attendance_popup(app: &mut App, action: Action, sel: usize, fx: &mut Vec<Effect>) {
    match action {
        Action::Open => {
            let Some(meeting) = app.editable_meeting() else {
                return;
            };
            let Some(person) = app
                .doc
                .forum
                .people_by_seat()
                .get(sel)
                .map(|p| p.id.clone())
            else {
                return;
            };
            let current = app
                .current_meeting()
                .and_then(|m| m.attendance.iter().find(|a| a.person == person))
                .map(|a| a.presence);
            let presence = match current {
                None | Some(Presence::Substitute) => Presence::Present,
                Some(Presence::Present) => Presence::Absent,
                Some(Presence::Absent) => {
                    SubstituteForm::open(app, person);
                    return;
                }
            };
            let change = Change::Attend {
                meeting,
                person,
                presence,
                for_person: None,
                substitute: String::new(),
            };
            app.commit(fx, change);
        }
        Action::Add => PersonForm::open(app, false),
        _ => {}
    }
}

/// Who stands in for a person of the forum: a name, also of someone not in the forum.
/// Left empty, the person themselves came as a substitute.
pub struct SubstituteForm;

impl SubstituteForm {
    fn open(app: &mut App, person: Id) {
        let name = app
            .current_meeting()
            .and_then(|m| m.attendance.iter().find(|a| a.person == person))
            .map(|a| a.substitute.clone())
            .unwrap_or_default();
        let title = format!(
            "{} – {}",
            app.t(Msg::Substitutes),
            app.lang
                .fill(Msg::SubstituteTitle, &[&app.doc.forum.person_name(&person)])
        );
        let fields = vec![Field::text(Msg::FieldSubstituteName, &name)];
        app.open_titled_form(FormKind::Substitute(person), title, fields);
    }

    pub fn submit(app: &mut App, person: &Id, f: &Form) -> Result<Vec<Change>, String> {
        let meeting = app.meeting_for_form()?;
        Ok(vec![Change::Attend {
            meeting,
            person: person.clone(),
            presence: Presence::Substitute,
            for_person: None,
            substitute: f.text(Msg::FieldSubstituteName).trim().to_string(),
        }])
    }
}

/// Keys in the documents list: `a` adds a document, `d` removes one (asks first).
pub fn documents_popup(app: &mut App, action: Action, sel: usize) {
    match action {
        Action::Add => DocumentForm::open(app),
        Action::Delete => {
            if let Some(d) = app.current_meeting().and_then(|m| m.documents.get(sel)) {
                let q = format!("{} «{}»?", app.t(Msg::ConfirmDeleteDocument), d.title);
                let on_yes = OnYes::DeleteDocument(d.id.clone());
                app.confirm(q, on_yes);
            }
        }
        _ => {}
    }
}

pub fn remove_document(app: &mut App, document: Id, fx: &mut Vec<Effect>) {
    if let Some(meeting) = app.editable_meeting() {
        app.commit(fx, Change::DocumentRemove { meeting, document });
    }
}

/// A document sent before the meeting: title, the day it was sent, a case reference.
pub struct DocumentForm;

impl DocumentForm {
    fn open(app: &mut App) {
        if app.editable_meeting().is_none() {
            return;
        }
        let today = i18n::short_date(app.lang, app.now.date_naive());
        let fields = vec![
            Field::text(Msg::FieldTitle, ""),
            Field::text(Msg::FieldSentOn, &today),
            Field::text(Msg::FieldReference, ""),
        ];
        app.open_form(FormKind::NewDocument, fields);
    }

    pub fn submit(app: &mut App, f: &Form) -> Result<Vec<Change>, String> {
        let meeting = app.meeting_for_form()?;
        let title = app.required(f.text(Msg::FieldTitle), Msg::TitleRequired)?;
        let sent_on =
            parse_date(&f.text(Msg::FieldSentOn)).map_err(|e| i18n::date_error(app.lang, e))?;
        let document = Document {
            id: app.ids.new_id("d"),
            title,
            sent_on,
            reference: f.text(Msg::FieldReference),
        };
        Ok(vec![Change::DocumentPut { meeting, document }])
    }
}

/// `:docdays [N]`: how many days before a meeting its documents should reach the parties
/// (a forum setting; samrad warns of documents sent later). Without N: what it is now.
/// `:submitdays [N]`: how many days before a meeting the parties' saker for its agenda are
/// due (the innkalling's innmeldingsfrist); without N, what it is.
pub fn submission_days(app: &mut App, arg: &str, fx: &mut Vec<Effect>) {
    let arg = arg.trim();
    if arg.is_empty() {
        let now = app.doc.forum.submission_days();
        app.say(app.lang.fill(Msg::SubmitDaysNow, &[&now]));
        return;
    }
    let Ok(days) = arg.parse::<u32>() else {
        app.warn(app.t(Msg::SubmitDaysFormat));
        return;
    };
    app.commit(
        fx,
        Change::ForumSet {
            set: ForumField::SubmissionDays(Some(days)),
        },
    );
    app.say(app.lang.fill(Msg::SubmitDaysNow, &[&days]));
}

pub fn document_days(app: &mut App, arg: &str, fx: &mut Vec<Effect>) {
    let arg = arg.trim();
    if arg.is_empty() {
        let now = app.doc.forum.document_days();
        app.say(app.lang.fill(Msg::DocDaysNow, &[&now]));
        return;
    }
    let Ok(days) = arg.parse::<u32>() else {
        app.warn(app.t(Msg::DocDaysFormat));
        return;
    };
    if app.refuse_read_only() {
        return;
    }
    app.commit(
        fx,
        Change::ForumSet {
            set: ForumField::DocumentDays(Some(days)),
        },
    );
    app.say(app.lang.fill(Msg::DocDaysNow, &[&days]));
}
