//! Who the user is: a person of the forum, chosen on first start or with `:whoami`, or a
//! new person. Their name and party sign every op from then on.

use super::action::{Action, Effect};
use super::form::{Field, Form, FormKind};
use super::state::{App, Popup};
use crate::i18n::Msg;
use crate::model::{Author, Change, Id, Person, Role};

/// Ask who the user is (first start, when neither --as nor the config says).
pub fn ask_identity(app: &mut App) {
    app.popups.push(Popup::Identity {
        selected: 0,
        required: true,
    });
}

/// `:whoami`: who you are, on your own seat, to change or to read your key's fingerprint.
pub fn show_identity(app: &mut App) {
    let me = app.author.person.as_deref();
    let selected = app
        .doc
        .forum
        .people
        .iter()
        .position(|p| Some(p.id.as_str()) == me)
        .unwrap_or(0);
    app.popups.push(Popup::Identity {
        selected,
        required: false,
    });
}

/// Keys in the who-are-you list: Enter chooses, `a` is someone new.
pub fn identity_popup(app: &mut App, action: Action, sel: usize, fx: &mut Vec<Effect>) {
    match action {
        Action::Open => {
            let Some(p) = app.doc.forum.people.get(sel).cloned() else {
                return;
            };
            become_person(app, &p.id, &p.name, p.party.clone());
            app.popups.pop();
            if app.read_only.as_deref() == Some(app.t(Msg::ChooseWhoYouAre)) {
                app.read_only = None;
            }
            let mut msg = format!("{}: {}", app.t(Msg::You), p.name);
            if app.identity_for_session {
                msg = format!("{msg} ({})", app.t(Msg::IdentityForSession));
            }
            app.say(msg);
            claim_seat(app, fx);
            if !app.identity_for_session {
                fx.push(Effect::SaveIdentity(p.id));
            }
        }
        Action::Add => PersonForm::open(app, true),
        _ => {}
    }
}

/// At start: take the seat of the person the user is, when the app knows who that is.
pub fn take_seat(app: &mut App) -> Vec<Effect> {
    let mut fx = Vec::new();
    if app.read_only.is_none() {
        claim_seat(app, &mut fx);
    }
    fx
}

/// Take the seat of the person the user is, with this terminal's key: found the forum
/// when it is the chair's seat and nobody has yet; else ask to join, unless the key is
/// admitted for the seat already.
pub fn claim_seat(app: &mut App, fx: &mut Vec<Effect>) {
    let key = app.key.clone();
    let forum = &app.doc.forum;
    let Some(person) = app.author.person.as_deref().and_then(|p| forum.person(p)) else {
        return;
    };
    if key.is_empty() || forum.key_holder(&key) == Some(&person.id) {
        return;
    }
    let asked = forum.roster.requests.iter().any(|r| r.key == key);
    let founds = !forum.is_secured() && person.roles().contains(&Role::Chair);
    if founds && app.unsigned_history {
        // Only signed changes count in a secured forum: the record written before keys
        // would count for nothing. The forum stays open to all, and the chair is told.
        app.say(app.t(Msg::NotFoundedUnsigned));
        return;
    }
    let change = if founds {
        Change::Genesis {
            person: person.id.clone(),
            key,
        }
    } else if asked {
        return;
    } else {
        Change::JoinRequest {
            person: person.clone(),
            key,
        }
    };
    let founding = matches!(change, Change::Genesis { .. });
    app.commit(fx, change);
    say_where_the_key_goes(app, founding);
}

/// What becomes of this terminal's key: it takes the chair's seat (founding the forum),
/// or, in a secured forum, it waits for the chair, with the fingerprint to compare.
fn say_where_the_key_goes(app: &mut App, founding: bool) {
    if app.key.is_empty() {
        return;
    }
    if founding {
        app.say(app.t(Msg::Founded));
    } else if app.doc.forum.is_secured() {
        app.say(app.t(Msg::AskedToJoin));
    }
}

fn become_person(app: &mut App, id: &str, name: &str, party: Option<Id>) {
    app.author = Author {
        name: name.to_string(),
        person: Some(id.to_string()),
        party,
    };
}

/// A new person of the forum; `me` when it is the user saying who they are.
pub struct PersonForm;

impl PersonForm {
    pub fn open(app: &mut App, me: bool) {
        let parties = app
            .doc
            .forum
            .parties
            .iter()
            .map(|p| p.short.clone())
            .collect();
        let fields = vec![
            Field::text(Msg::FieldName, ""),
            Field::choice(Msg::FieldParty, parties, 1),
            Field::text(Msg::FieldRole, ""),
        ];
        app.open_form(FormKind::NewPerson { me }, fields);
    }

    /// The person joins the forum; when it is the user, they are that person from now on
    /// and it is remembered.
    pub fn submit(app: &mut App, me: bool, f: &Form) -> Result<Vec<Effect>, String> {
        let name = app.required(f.text(Msg::FieldName), Msg::NameRequired)?;
        let party = app
            .doc
            .forum
            .parties
            .get(f.choice(Msg::FieldParty))
            .map(|p| p.id.clone());
        let id = app.ids.new_id("p");
        let person = Person {
            id: id.clone(),
            name: name.clone(),
            party: party.clone(),
            role: f.text(Msg::FieldRole),
            roles: Vec::new(),
        };
        if !me {
            return Ok(vec![Effect::Commit(Change::PersonPut { person })]);
        }
        // Someone new asks for a seat with this terminal's key.
        let key = app.key.clone();
        become_person(app, &id, &name, party);
        app.popups.retain(|p| !matches!(p, Popup::Identity { .. }));
        say_where_the_key_goes(app, false);
        Ok(vec![
            Effect::Commit(Change::JoinRequest { person, key }),
            Effect::SaveIdentity(id),
        ])
    }
}
