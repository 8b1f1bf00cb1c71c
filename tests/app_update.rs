//! The app driven the way a chair drives it: actions in, effects committed to a real store
//! on disk, and the minutes read back (also by a fresh store, so nothing is lost).

mod common;

use common::TEMPLATE_MEETING as FIRST;
use common::authors::{chair, for_party, guest, ntl, rep};
use common::meetings::{OneItemMeeting, status};
use common::session::{Session, commits};
use common::{R, at};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use samrad::app::archive::HitList;
use samrad::app::{
    self, Action, App, EditorTarget, Effect, FormKind, OnYes, Pane, Popup, SaveState,
};
use samrad::i18n::Lang;
use samrad::model::{
    ActionStatus, Agreement, Change, Doc, ItemField, ItemKind, ItemNumber, MeetingStatus, Owner,
    Presence, Stance,
};
use samrad::store::minutes::file_bytes;
use samrad::store::{Store, read_minutes};
use serde_json::{Value, json};

/// The chair, in Norwegian, on the morning of the template's meeting.
fn chair_session() -> Session {
    Session::new(chair(), Lang::Nb, at("2026-12-08T10:00:00+01:00"))
}

/// The chair's session with `item` of the template meeting selected.
fn chair_on(item: &str) -> Session {
    let mut s = chair_session();
    s.select(item);
    s
}

/// As `chair_on`, with NTL's representative at the keys.
fn ntl_on(item: &str) -> Session {
    let mut s = chair_session();
    s.app.author = ntl();
    s.select(item);
    s
}

fn ids(doc: &Doc, meeting: &str) -> Vec<String> {
    doc.meeting(meeting)
        .expect("meeting")
        .items
        .iter()
        .map(|i| i.id.clone())
        .collect()
}

/// The ids of the template meeting's items in its minutes file, written anew.
fn ids_in_minutes_file(s: &mut Session) -> Vec<String> {
    let v: Value = serde_json::from_slice(&s.minutes_file(FIRST)).expect("minutes JSON");
    v["meeting"]["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["id"].as_str().map(String::from))
        .collect()
}

/// Fill in and save the item form: title, kind (by presses of →, from the default
/// «Drøfting»), planned minutes.
fn add_item(s: &mut Session, title: &str, rights: usize, minutes: &str) {
    let fx = s.act(Action::Add);
    assert!(fx.is_empty());
    assert_eq!(s.form().kind, FormKind::NewItem);
    s.type_text(title);
    s.act(Action::Down);
    for _ in 0..rights {
        s.key(KeyCode::Right);
    }
    s.act(Action::Down);
    s.act(Action::Down);
    s.clear_field();
    s.type_text(minutes);
    let fx = s.save_form();
    assert!(
        fx.iter()
            .any(|e| matches!(e, Effect::Commit(Change::ItemAdd { title: t, .. }) if t == title)),
        "no item_add for {title}: {fx:?}"
    );
}

fn item_json<'a>(minutes: &'a Value, title: &str) -> &'a Value {
    minutes["meeting"]["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["title"] == title)
        .unwrap_or_else(|| panic!("no item {title:?} in the minutes"))
}

fn action_json<'a>(minutes: &'a Value, title: &str) -> &'a Value {
    minutes["actions"]
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("no action {title:?} in the minutes"))
}

#[test]
fn a_whole_meeting_driven_by_actions_ends_in_the_minutes() -> R {
    let mut s = chair_session();
    assert_eq!(s.app.meeting.as_deref(), Some(FIRST));

    // :new from the command line, the form filled in field by field.
    s.act(Action::CommandLine);
    s.type_text("new");
    s.act(Action::Open);
    assert!(s.app.command.is_none());
    assert_eq!(s.form().kind, FormKind::NewMeeting);
    for field in ["Kontaktgruppemøte januar", "15.01.2027", "10:00", "12:30"] {
        s.clear_field();
        s.type_text(field);
        s.act(Action::Down);
    }
    s.type_text("Møterom 4");
    s.save_form();

    let id = s.app.meeting.clone().expect("a meeting is selected");
    assert_ne!(id, FIRST, "the new meeting is the selected one");
    assert!(id.starts_with("m-2027-01-15-"), "{id}");
    let m = s.app.current_meeting().expect("new meeting in the doc");
    assert_eq!(m.title, "Kontaktgruppemøte januar");
    assert_eq!(m.starts_at, "2027-01-15T10:00:00+01:00");
    assert_eq!(m.place, "Møterom 4");
    assert_eq!(m.ends_at.as_deref(), Some("2027-01-15T12:30:00+01:00"));
    assert_eq!(m.chair.as_deref(), Some("p-leder"));
    assert_eq!(m.status, MeetingStatus::Planned);
    let standing: Vec<(String, String)> = m
        .items
        .iter()
        .map(|i| (i.number.to_string(), i.title.clone()))
        .collect();
    let want = [
        ("1/27", "Godkjenning av innkalling og dagsorden"),
        ("2/27", "Godkjenning av referat fra forrige møte"),
        ("3/27", "Oppfølging av tiltakslisten"),
        ("4/27", "Eventuelt"),
    ];
    assert_eq!(
        standing,
        want.iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect::<Vec<_>>()
    );
    assert_eq!(s.app.agenda_sel, 0);
    assert_eq!(s.app.focus, Pane::Agenda);
    let carried = s.app.actions();
    assert_eq!(
        carried.len(),
        6,
        "the open template actions are carried over"
    );
    assert!(
        carried
            .iter()
            .all(|a| a.meeting.as_deref() == Some(FIRST) && a.status == ActionStatus::Proposed)
    );

    // Attendance: the chair present, the referent first present then absent.
    s.act(Action::Attendance);
    assert!(matches!(
        s.app.popups.last(),
        Some(Popup::Attendance { selected: 0 })
    ));
    s.act(Action::Open);
    s.act(Action::Down);
    s.act(Action::Open);
    s.act(Action::Open);
    s.act(Action::Cancel);
    assert!(s.app.popups.is_empty());
    let attendance: Vec<(String, Presence)> = s
        .app
        .current_meeting()
        .expect("meeting")
        .attendance
        .iter()
        .map(|a| (a.person.clone(), a.presence))
        .collect();
    assert_eq!(
        attendance,
        [
            ("p-leder".to_string(), Presence::Present),
            ("p-referent".to_string(), Presence::Absent)
        ]
    );

    // Three items of different kinds, each placed after the one selected.
    add_item(&mut s, "Orientering om budsjett 2027", 3, "10");
    add_item(&mut s, "Ny hjemmekontorordning", 0, "30");
    add_item(&mut s, "Omstilling i IT-seksjonen", 1, "45");
    assert_eq!(
        s.titles(),
        [
            "Godkjenning av innkalling og dagsorden",
            "Orientering om budsjett 2027",
            "Ny hjemmekontorordning",
            "Omstilling i IT-seksjonen",
            "Godkjenning av referat fra forrige møte",
            "Oppfølging av tiltakslisten",
            "Eventuelt",
        ]
    );
    let info = s.item_id("Orientering om budsjett 2027");
    let drofting = s.item_id("Ny hjemmekontorordning");
    let forhandling = s.item_id("Omstilling i IT-seksjonen");
    assert_eq!(s.app.selected_item().map(|i| &i.id), Some(&forhandling));
    for (item, kind, minutes, n) in [
        (&info, ItemKind::Information, 10, 5),
        (&drofting, ItemKind::Consultation, 30, 6),
        (&forhandling, ItemKind::Negotiation, 45, 7),
    ] {
        let it = s.item(item);
        assert_eq!(it.kind, kind, "{}", it.title);
        assert_eq!(it.planned_minutes, minutes, "{}", it.title);
        assert_eq!(it.number, ItemNumber { n, year: 2027 }, "{}", it.title);
    }

    // A current item before the meeting is started is refused.
    s.select(&info);
    let fx = s.act(Action::SetCurrent);
    assert!(fx.is_empty());
    assert!(s.app.message.as_ref().is_some_and(|(_, err)| *err));

    // The meeting day: start, and take the items one by one.
    s.act(Action::Tick(at("2027-01-15T10:02:00+01:00")));
    s.act(Action::Command("start".into()));
    let m = s.app.current_meeting().expect("meeting");
    assert_eq!(m.status, MeetingStatus::Open);
    assert_eq!(m.opened_at.as_deref(), Some("2027-01-15T10:02:00+01:00"));

    s.select(&info);
    s.act(Action::SetCurrent);
    assert_eq!(
        s.app.current_meeting().and_then(|m| m.current_item.clone()),
        Some(info.clone())
    );
    assert_eq!(
        s.item(&info).started_at.as_deref(),
        Some("2027-01-15T10:02:00+01:00")
    );
    assert_eq!(s.item(&info).ended_at, None);

    s.act(Action::Tick(at("2027-01-15T10:14:00+01:00")));
    // Marking the same item again neither restarts nor ends it.
    let fx = s.act(Action::SetCurrent);
    assert!(
        !fx.iter().any(|e| matches!(
            e,
            Effect::Commit(Change::ItemSet {
                set: ItemField::StartedAt(_) | ItemField::EndedAt(_),
                ..
            })
        )),
        "{fx:?}"
    );
    s.act(Action::Down);
    s.act(Action::SetCurrent);
    let m = s.app.current_meeting().expect("meeting");
    assert_eq!(m.current_item.as_deref(), Some(drofting.as_str()));
    assert_eq!(
        s.item(&info).started_at.as_deref(),
        Some("2027-01-15T10:02:00+01:00")
    );
    assert_eq!(
        s.item(&info).ended_at.as_deref(),
        Some("2027-01-15T10:14:00+01:00")
    );
    assert_eq!(
        s.item(&drofting).started_at.as_deref(),
        Some("2027-01-15T10:14:00+01:00")
    );

    // Notes on the drøfting item, two lines.
    s.act(Action::EditNotes);
    assert!(matches!(s.app.popups.last(), Some(Popup::Editor(e))
        if e.target == EditorTarget::Notes(drofting.clone())));
    s.type_text("NTL ønsker en evaluering etter seks måneder.");
    s.key(KeyCode::Enter);
    s.type_text("YS Stat støtter dette.");
    let fx = s.act(Action::Save);
    assert_eq!(commits(&fx).len(), 1, "{fx:?}");
    assert!(s.app.popups.is_empty());
    assert_eq!(
        s.item(&drofting).notes,
        "NTL ønsker en evaluering etter seks måneder.\nYS Stat støtter dette."
    );

    // The negotiation: conclusion, agreement, and an action from it.
    s.act(Action::Tick(at("2027-01-15T10:40:00+01:00")));
    s.act(Action::Down);
    s.act(Action::SetCurrent);
    assert_eq!(
        s.item(&drofting).ended_at.as_deref(),
        Some("2027-01-15T10:40:00+01:00")
    );
    s.act(Action::EditConclusion);
    s.type_text("Partene er enige om omstillingsplanen.");
    s.act(Action::Save);
    assert_eq!(
        s.item(&forhandling).conclusion,
        "Partene er enige om omstillingsplanen."
    );
    s.act(Action::CycleAgreement);
    assert_eq!(s.item(&forhandling).agreement, Some(Agreement::Agreement));

    s.act(Action::AddActionFromItem);
    assert_eq!(
        s.form().kind,
        FormKind::NewAction {
            item: Some(forhandling.clone())
        }
    );
    assert!(s.form().title.contains("7/27"), "{}", s.form().title);
    s.type_text("Oppdatere omstillingsplanen");
    s.pick(&[1, 0]); // owner: «Ingen» → KMD
    s.type_text("01.03.2027");
    s.save_form();

    // An action of its own, from the actions pane.
    s.act(Action::NextPane);
    s.act(Action::NextPane);
    assert_eq!(s.app.focus, Pane::Actions);
    s.act(Action::Add);
    assert_eq!(s.form().kind, FormKind::NewAction { item: None });
    s.type_text("Sende ut innkalling til neste møte");
    s.pick(&[8]); // owner: past «Ingen» and the six parties to the second person
    s.save_form();
    assert_eq!(s.app.actions().len(), 8);
    s.act(Action::PrevPane);
    s.act(Action::PrevPane);
    assert_eq!(s.app.focus, Pane::Agenda);

    // :close asks first, then ends the current item and the meeting.
    s.act(Action::Tick(at("2027-01-15T11:05:00+01:00")));
    let fx = s.act(Action::Command("close".into()));
    assert!(fx.is_empty(), "closing must be confirmed first: {fx:?}");
    assert!(matches!(
        s.app.popups.last(),
        Some(Popup::Confirm {
            on_yes: OnYes::CloseMeeting,
            ..
        })
    ));
    s.act(Action::Yes);
    assert!(s.app.popups.is_empty());
    let m = s.app.current_meeting().expect("meeting");
    assert_eq!(m.status, MeetingStatus::Closed);
    assert_eq!(m.current_item, None);
    assert_eq!(m.closed_at.as_deref(), Some("2027-01-15T11:05:00+01:00"));
    assert_eq!(
        s.item(&forhandling).ended_at.as_deref(),
        Some("2027-01-15T11:05:00+01:00")
    );
    assert!(s.app.doc.rejected.is_empty(), "{:?}", s.app.doc.rejected);

    // The minutes on disk.
    let bytes = s.minutes_file(&id);
    let v: Value = serde_json::from_slice(&bytes)?;
    let meeting = &v["meeting"];
    assert_eq!(meeting["status"], "closed");
    assert_eq!(meeting["title"], "Kontaktgruppemøte januar");
    assert_eq!(meeting["opened_at"], "2027-01-15T10:02:00+01:00");
    assert_eq!(meeting["closed_at"], "2027-01-15T11:05:00+01:00");
    assert_eq!(
        meeting["attendance"],
        json!([
            {"person": "p-leder", "presence": "present"},
            {"person": "p-referent", "presence": "absent"}
        ])
    );
    assert_eq!(meeting["items"].as_array().map(Vec::len), Some(7));
    let i = item_json(&v, "Orientering om budsjett 2027");
    assert_eq!(i["kind"], "information");
    assert_eq!(i["number"], json!({"n": 5, "year": 2027}));
    assert_eq!(i["planned_minutes"], 10);
    assert_eq!(i["started_at"], "2027-01-15T10:02:00+01:00");
    assert_eq!(i["ended_at"], "2027-01-15T10:14:00+01:00");
    let i = item_json(&v, "Ny hjemmekontorordning");
    assert_eq!(i["kind"], "consultation");
    assert_eq!(
        i["notes"],
        "NTL ønsker en evaluering etter seks måneder.\nYS Stat støtter dette."
    );
    assert_eq!(i["started_at"], "2027-01-15T10:14:00+01:00");
    assert_eq!(i["ended_at"], "2027-01-15T10:40:00+01:00");
    let i = item_json(&v, "Omstilling i IT-seksjonen");
    assert_eq!(i["kind"], "negotiation");
    assert_eq!(i["conclusion"], "Partene er enige om omstillingsplanen.");
    assert_eq!(i["agreement"], "agreement");
    assert_eq!(i["started_at"], "2027-01-15T10:40:00+01:00");
    assert_eq!(i["ended_at"], "2027-01-15T11:05:00+01:00");
    assert!(
        item_json(&v, "Eventuelt").get("started_at").is_none(),
        "an item never taken has no start time"
    );

    // The actions by id; what they say is in the file every minutes file shares.
    let ids: Vec<&str> = v["actions"]
        .as_array()
        .expect("actions")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(ids.len(), 8, "{}", v["actions"]);
    assert!(v.get("rejected").is_none());
    let shared: Value =
        serde_json::from_slice(&std::fs::read(s.store().layout().shared_minutes_path())?)?;
    for id in &ids {
        assert!(
            shared["actions"]
                .as_array()
                .is_some_and(|all| all.iter().any(|a| a["id"] == *id)),
            "the shared file holds {id}"
        );
    }
    let v = shared;
    let a = action_json(&v, "Oppdatere omstillingsplanen");
    assert_eq!(a["owner"], json!({"kind": "party", "id": "kmd"}));
    assert_eq!(a["due"], "2027-03-01");
    assert_eq!(a["status"], "open");
    assert_eq!(a["meeting"], id.as_str());
    assert_eq!(a["item"], forhandling.as_str());
    let a = action_json(&v, "Sende ut innkalling til neste møte");
    assert_eq!(a["owner"], json!({"kind": "person", "id": "p-referent"}));
    assert!(a.get("due").is_none());
    assert!(a.get("item").is_none());
    assert_eq!(a["meeting"], id.as_str());

    let typed = read_minutes(&s.store().layout().minutes_path(&id))?;
    assert_eq!(Some(&typed), s.app.doc.minutes(&id).as_ref());

    // A fresh samrad folds the logs to the very same minutes, and opens this meeting.
    let doc = s.reloaded();
    let again = doc.minutes(&id).expect("the meeting survives a reload");
    assert_eq!(file_bytes(&again), bytes);
    let mut fresh = Store::open(s.dir.path(), chair())?;
    assert!(
        !fresh.materialize(&doc, &id)?,
        "nothing new to write after a reload"
    );
    let reopened = App::new(doc, chair(), Lang::Nb, at("2027-01-15T12:00:00+01:00"));
    assert_eq!(reopened.meeting.as_deref(), Some(id.as_str()));
    Ok(())
}

#[test]
fn an_impossible_due_date_keeps_the_form_open_and_commits_nothing() -> R {
    let mut s = chair_session();
    let before = s.app.doc.actions.len();
    s.act(Action::NextPane);
    s.act(Action::NextPane);
    s.act(Action::Add);
    s.type_text("Kartlegge kompetansebehov");
    s.act(Action::Down);
    s.act(Action::Down);
    s.type_text("31.02.2027");
    let fx = s.act(Action::Save);
    assert!(fx.is_empty(), "nothing may be committed: {fx:?}");
    let form = s.form();
    assert!(matches!(form.kind, FormKind::NewAction { .. }));
    assert_eq!(form.error.as_deref(), Some("Måned 2 har ingen dag 31"));
    assert_eq!(
        form.text(samrad::i18n::Msg::FieldTitle),
        "Kartlegge kompetansebehov",
        "what was typed is kept"
    );
    assert_eq!(form.focus, 2, "the cursor stays in the date field");
    assert_eq!(s.app.doc.actions.len(), before);
    assert_eq!(s.reloaded().actions.len(), before, "nothing on disk either");

    s.clear_field();
    s.type_text("28.02.2027");
    assert_eq!(s.form().error, None, "typing clears the error");
    let fx = s.save_form();
    assert_eq!(commits(&fx).len(), 1, "{fx:?}");
    let doc = s.reloaded();
    assert_eq!(doc.actions.len(), before + 1);
    let a = doc
        .actions
        .iter()
        .find(|a| a.title == "Kartlegge kompetansebehov")
        .expect("saved");
    assert_eq!(a.due, chrono::NaiveDate::from_ymd_opt(2027, 2, 28));
    assert_eq!(a.meeting.as_deref(), Some(FIRST));
    assert_eq!(a.owner, Owner::Nobody);
    Ok(())
}

#[test]
fn deleting_an_item_asks_first() -> R {
    let mut s = chair_on("s-2026-3");
    let fx = s.act(Action::Delete);
    assert!(fx.is_empty());
    match s.app.popups.last() {
        Some(Popup::Confirm { question, on_yes }) => {
            assert_eq!(*on_yes, OnYes::DeleteItem("s-2026-3".into()));
            assert!(question.starts_with("Slette sak 3/26 "), "{question}");
        }
        other => panic!("expected a confirm, found {other:?}"),
    }

    let fx = s.act(Action::No);
    assert!(fx.is_empty());
    assert!(s.app.popups.is_empty());
    assert_eq!(s.app.items().len(), 6);
    assert!(
        s.app
            .doc
            .meeting(FIRST)
            .and_then(|m| m.item("s-2026-3"))
            .is_some()
    );

    s.act(Action::Delete);
    let fx = s.act(Action::Yes);
    assert_eq!(
        fx,
        [Effect::Commit(Change::ItemDelete {
            meeting: FIRST.into(),
            item: "s-2026-3".into()
        })]
    );
    assert!(s.app.popups.is_empty());
    assert_eq!(
        ids(&s.app.doc, FIRST),
        ["s-2026-1", "s-2026-2", "s-2026-4", "s-2026-5", "s-2026-6"]
    );
    let in_minutes = ids_in_minutes_file(&mut s);
    assert_eq!(
        in_minutes,
        ["s-2026-1", "s-2026-2", "s-2026-4", "s-2026-5", "s-2026-6"]
    );
    assert_eq!(ids(&s.reloaded(), FIRST), ids(&s.app.doc, FIRST));
    Ok(())
}

#[test]
fn moving_items_changes_the_agenda_order_for_good() -> R {
    let mut s = chair_session();
    let fx = s.act(Action::MoveUp);
    assert!(fx.is_empty(), "the first item cannot go further up");

    s.select("s-2026-2");
    s.act(Action::MoveDown);
    assert_eq!(
        ids(&s.app.doc, FIRST),
        [
            "s-2026-1", "s-2026-3", "s-2026-2", "s-2026-4", "s-2026-5", "s-2026-6"
        ]
    );
    assert_eq!(
        s.app.selected_item().map(|i| i.id.as_str()),
        Some("s-2026-2")
    );
    s.act(Action::MoveDown);
    s.act(Action::MoveDown);
    s.act(Action::MoveUp);
    let order = [
        "s-2026-1", "s-2026-3", "s-2026-4", "s-2026-2", "s-2026-5", "s-2026-6",
    ];
    assert_eq!(ids(&s.app.doc, FIRST), order);
    assert_eq!(
        s.app.selected_item().map(|i| i.id.as_str()),
        Some("s-2026-2"),
        "the selection follows the moved item"
    );
    // The numbers stay with the items: only the order changes.
    assert_eq!(
        s.app.selected_item().map(|i| i.number.to_string()),
        Some("2/26".into())
    );

    s.act(Action::Bottom);
    let fx = s.act(Action::MoveDown);
    assert!(fx.is_empty(), "the last item cannot go further down");

    let doc = s.reloaded();
    assert_eq!(ids(&doc, FIRST), order, "the order survives a reload");
    let in_minutes = ids_in_minutes_file(&mut s);
    assert_eq!(in_minutes, order);
    Ok(())
}

#[test]
fn approved_minutes_cannot_be_edited() -> R {
    let mut s = chair_session();
    for to in [MeetingStatus::Open, MeetingStatus::Closed] {
        let now = s.app.now;
        let op = s.store().commit_at(status(FIRST, to), now)?;
        s.app
            .doc
            .apply(&op.meta(), op.change.clone())
            .map_err(|r| format!("{r:?}"))?;
    }
    s.act(Action::Command("circulate 22.12.2026".into()));
    let m = s.app.current_meeting().expect("meeting");
    assert_eq!(m.status, MeetingStatus::Circulated);
    assert_eq!(
        m.approval_deadline,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 22)
    );
    assert!(s.app.is_locked(), "circulated minutes are locked");
    // Someone without a party cannot approve; each party approves from its own terminal.
    s.app.author = guest("Gjest");
    assert!(s.act(Action::Command("approve".into())).is_empty());
    // The round waits for each party that speaks at the table; the hovedverneombud is
    // heard, and approves nothing.
    let parties = s.app.current_meeting().expect("meeting").approvers.clone();
    assert!(!parties.iter().any(|p| p == "hvo"), "{parties:?}");
    assert!(parties.iter().any(|p| p == "ntl"), "{parties:?}");
    for (n, party) in parties.iter().enumerate() {
        s.app.author = for_party(party);
        let fx = s.act(Action::Command("approve".into()));
        assert!(
            matches!(fx.as_slice(), [Effect::Commit(Change::Approve { .. })]),
            "{fx:?}"
        );
        let status = s.app.current_meeting().map(|m| m.status);
        if n + 1 < parties.len() {
            assert_eq!(
                status,
                Some(MeetingStatus::Circulated),
                "waiting for the rest"
            );
        }
    }
    s.app.author = chair();
    let m = s.app.current_meeting().expect("meeting");
    assert_eq!(m.status, MeetingStatus::Approved);
    assert_eq!(
        m.content_hash.as_deref(),
        Some(samrad::store::seal::content_hash(m).as_str()),
        "approved with the hash of what is shown"
    );
    assert!(
        m.approvals
            .iter()
            .all(|a| Some(&a.hash) == m.content_hash.as_ref())
    );
    assert!(s.app.is_locked());
    s.select("s-2026-2");

    let fx = s.act(Action::EditNotes);
    assert!(fx.is_empty());
    assert!(
        s.app.popups.is_empty(),
        "no editor opens on approved minutes"
    );
    let (text, is_error) = s.app.message.clone().expect("a message says why");
    assert!(is_error);
    assert!(text.contains("godkjent og låst"), "{text}");

    for action in [
        Action::EditConclusion,
        Action::CycleAgreement,
        Action::Add,
        Action::Delete,
        Action::MoveDown,
    ] {
        s.app.message = None;
        let fx = s.act(action.clone());
        assert!(fx.is_empty(), "{action:?} committed {fx:?}");
        assert!(s.app.popups.is_empty(), "{action:?} opened a popup");
        assert!(
            s.app.message.as_ref().is_some_and(|(_, err)| *err),
            "{action:?} said nothing"
        );
    }
    assert_eq!(
        s.reloaded().meeting(FIRST).map(|m| m.status),
        Some(MeetingStatus::Approved)
    );
    Ok(())
}

#[test]
fn q_quits_at_once_unless_something_is_unsaved() -> R {
    let mut s = chair_session();
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    let action = app::keymap_for(s.app.mode())
        .action(&q)
        .expect("q is bound");
    assert_eq!(action, Action::Quit);
    let fx = s.act(action.clone());
    assert_eq!(fx, [Effect::Quit]);
    assert!(s.app.quit);

    let mut s = chair_session();
    s.app.save = SaveState::Saving(1);
    let fx = s.act(action);
    assert!(fx.is_empty(), "unsaved ops: must ask, not quit: {fx:?}");
    assert!(!s.app.quit);
    match s.app.popups.last() {
        Some(Popup::Confirm { question, on_yes }) => {
            assert_eq!(*on_yes, OnYes::Quit);
            assert!(question.contains("ikke lagret"), "{question}");
        }
        other => panic!("expected a confirm, found {other:?}"),
    }
    let fx = s.act(Action::No);
    assert!(fx.is_empty());
    assert!(!s.app.quit);
    assert!(s.app.popups.is_empty());
    assert_eq!(s.app.mode(), app::Mode::Normal);
    Ok(())
}

#[test]
fn search_finds_wraps_and_says_when_nothing_is_found() -> R {
    let mut s = chair_session();
    let search = |s: &mut Session, text: &str| {
        s.act(Action::Search);
        s.type_text(text);
        s.act(Action::Open);
        assert!(s.app.search.is_none());
    };

    search(&mut s, "eventuelt");
    assert_eq!(
        s.app.selected_item().map(|i| i.id.as_str()),
        Some("s-2026-6")
    );
    assert_eq!(s.app.message.as_ref().map(|m| m.1), Some(false));

    // "strategi" is in items 2, 4 and 5 (titles and background).
    s.act(Action::Top);
    search(&mut s, "Strategi");
    let sel = |s: &Session| {
        s.app
            .selected_item()
            .map(|i| i.id.clone())
            .unwrap_or_default()
    };
    assert_eq!(sel(&s), "s-2026-2");
    s.act(Action::SearchNext);
    assert_eq!(sel(&s), "s-2026-4");
    s.act(Action::SearchNext);
    assert_eq!(sel(&s), "s-2026-5");
    s.act(Action::SearchNext);
    assert_eq!(sel(&s), "s-2026-2", "wraps to the first match");
    s.act(Action::SearchPrev);
    assert_eq!(sel(&s), "s-2026-5", "and back the other way");

    search(&mut s, "finnesikke");
    assert_eq!(sel(&s), "s-2026-5", "the selection stays");
    let (text, is_error) = s.app.message.clone().expect("a message");
    assert!(is_error);
    assert_eq!(text, "Fant ikke «finnesikke»");
    Ok(())
}

#[test]
fn esc_in_the_notes_editor_asks_before_throwing_text_away() -> R {
    let mut s = chair_on("s-2026-2");

    // Without changes Esc just closes.
    s.act(Action::EditNotes);
    assert_eq!(s.app.mode(), app::Mode::Edit);
    let fx = s.act(Action::Cancel);
    assert!(fx.is_empty());
    assert!(s.app.popups.is_empty());

    // A change typed and taken back is no change.
    s.act(Action::EditNotes);
    s.type_text("x");
    s.key(KeyCode::Backspace);
    s.act(Action::Cancel);
    assert!(s.app.popups.is_empty());

    // With changes Esc asks; «no» goes back to the text, «yes» throws it away.
    s.act(Action::EditNotes);
    s.type_text("Utkast til notat");
    s.act(Action::Cancel);
    assert_eq!(s.app.popups.len(), 2);
    assert!(matches!(
        s.app.popups.last(),
        Some(Popup::Confirm {
            on_yes: OnYes::DiscardEdit,
            ..
        })
    ));
    let fx = s.act(Action::No);
    assert!(fx.is_empty());
    match s.app.popups.last() {
        Some(Popup::Editor(e)) => assert_eq!(e.text(), "Utkast til notat"),
        other => panic!("expected the editor back, found {other:?}"),
    }
    s.act(Action::Cancel);
    let fx = s.act(Action::Yes);
    assert_eq!(
        fx,
        [Effect::DropDraft],
        "discarding commits nothing and drops the draft"
    );
    assert!(s.app.popups.is_empty());
    assert_eq!(s.item("s-2026-2").notes, "");
    let doc = s.reloaded();
    assert_eq!(
        doc.meeting(FIRST)
            .and_then(|m| m.item("s-2026-2"))
            .map(|i| i.notes.as_str()),
        Some("")
    );
    Ok(())
}

// ---- what a chair would expect in the corners ----

#[test]
fn the_eleventh_item_added_in_a_row_still_goes_right_after_the_selected_one() -> R {
    let mut s = chair_on("s-2026-1");
    let titles: Vec<String> = (1..=11).map(|k| format!("Ny sak {k}")).collect();
    for t in &titles {
        add_item(&mut s, t, 0, "5");
        assert_eq!(s.app.selected_item().map(|i| &i.title), Some(t));
    }
    let agenda = s.titles();
    assert_eq!(agenda[1..=11], titles[..], "{agenda:#?}");
    assert_eq!(
        agenda[12],
        "Prosessen: involvering og medbestemmelse i arbeidet med strategien"
    );
    assert_eq!(ids(&s.reloaded(), FIRST), ids(&s.app.doc, FIRST));
    Ok(())
}

#[test]
fn an_item_taken_up_again_ends_when_it_is_really_left() -> R {
    let mut s = chair_session();
    s.act(Action::Command("start".into()));
    s.select("s-2026-2");
    s.act(Action::SetCurrent);
    s.act(Action::Tick(at("2026-12-08T10:10:00+01:00")));
    s.select("s-2026-3");
    s.act(Action::SetCurrent);
    s.act(Action::Tick(at("2026-12-08T10:20:00+01:00")));
    s.select("s-2026-2");
    s.act(Action::SetCurrent);
    assert_eq!(
        s.app
            .current_meeting()
            .and_then(|m| m.current_item.as_deref()),
        Some("s-2026-2")
    );
    assert_eq!(
        s.item("s-2026-2").ended_at,
        None,
        "the item is being discussed again: it has not ended"
    );
    s.act(Action::Tick(at("2026-12-08T10:50:00+01:00")));
    s.act(Action::Command("close".into()));
    s.act(Action::Yes);
    assert_eq!(
        s.item("s-2026-2").ended_at.as_deref(),
        Some("2026-12-08T10:50:00+01:00"),
        "it was discussed until the meeting closed"
    );
    Ok(())
}

#[test]
fn a_refused_new_meeting_leaves_the_chair_where_they_were() -> R {
    let mut s = chair_session();
    s.app.read_only = Some("skrevet av en nyere samrad".into());
    s.act(Action::Command("new".into()));
    let fx = s.act(Action::Save);
    assert!(fx.is_empty(), "{fx:?}");
    assert!(s.app.message.as_ref().is_some_and(|(_, err)| *err));
    assert_eq!(s.app.meeting.as_deref(), Some(FIRST));
    assert!(
        s.app.current_meeting().is_some(),
        "the selected meeting exists"
    );
    Ok(())
}

// ---- union reps at their own terminals ----

#[test]
fn on_first_start_the_user_says_who_they_are_and_it_is_remembered() -> R {
    let mut s = chair_session();
    s.app.author = guest("kari");
    samrad::app::ask_identity(&mut s.app);
    s.act(Action::Down);
    s.act(Action::Down);
    let fx = s.act(Action::Open);
    assert!(fx.contains(&Effect::SaveIdentity("p-ntl".into())), "{fx:?}");
    assert_eq!(s.app.author, ntl());
    assert!(s.app.popups.is_empty());
    Ok(())
}

#[test]
fn a_rep_records_the_partys_position_and_the_chair_one_on_a_partys_behalf() -> R {
    let mut s = ntl_on("s-2026-2");
    s.act(Action::Position);
    // Stance: disagree (a drøfting offers view, agree, disagree, abstain).
    s.pick(&[2, 0]);
    s.type_text("Arbeidsgruppen var for smal");
    s.act(Action::Save);
    let item = s.item("s-2026-2").clone();
    let p = item.current_positions()[0].clone();
    assert_eq!((p.party.as_str(), p.stance), ("ntl", Stance::Disagree));
    assert_eq!(p.reason, "Arbeidsgruppen var for smal");
    assert!(!p.on_behalf);
    // The chair records Unio's position for them: shown as such.
    s.app.author = chair();
    s.act(Action::Position);
    s.key(KeyCode::Right);
    s.key(KeyCode::Right);
    s.act(Action::Save);
    let item = s.item("s-2026-2").clone();
    let unio = item
        .current_positions()
        .into_iter()
        .find(|p| p.party == "unio")
        .cloned()
        .expect("unio");
    assert!(unio.on_behalf, "recorded by the chair on Unio's behalf");
    let reloaded = s.reloaded();
    let again = reloaded
        .meeting(FIRST)
        .and_then(|m| m.item("s-2026-2"))
        .expect("item");
    assert_eq!(
        again.positions.len(),
        2,
        "every position kept after a reload"
    );
    Ok(())
}

#[test]
fn a_statement_for_the_record_is_the_writers_own_partys() -> R {
    let mut s = ntl_on("s-2026-3");
    s.act(Action::Statement);
    s.type_text("NTL tar forbehold.");
    s.act(Action::Save);
    let st = s
        .item("s-2026-3")
        .current_statements()
        .into_iter()
        .map(|x| (x.party.clone(), x.text.clone()))
        .collect::<Vec<_>>();
    assert_eq!(
        st,
        vec![("ntl".to_string(), "NTL tar forbehold.".to_string())]
    );
    // Someone without a party cannot write one, and is told why.
    s.app.author = guest("gjest");
    s.act(Action::Statement);
    assert!(s.app.popups.is_empty());
    assert!(
        s.app
            .message
            .as_ref()
            .is_some_and(|(m, err)| *err && m.contains(":whoami"))
    );
    Ok(())
}

#[test]
fn a_vote_is_opened_cast_closed_and_its_result_shown() -> R {
    let mut s = chair_on("s-2026-5");
    s.act(Action::OpenVote);
    s.act(Action::Save);
    for (who, option) in [(ntl(), 0), (rep("unio"), 1)] {
        s.app.author = who;
        s.act(Action::CastVote);
        for _ in 0..option {
            s.key(KeyCode::Right);
        }
        s.act(Action::Save);
    }
    s.app.author = chair();
    s.act(Action::Command("closevote".into()));
    let vote = s.item("s-2026-5").votes[0].clone();
    assert!(!vote.open);
    assert_eq!(vote.ballots.len(), 2);
    let outcome = vote.outcome.expect("outcome");
    assert_eq!(outcome.counts, vec![1, 1, 0]);
    assert!(outcome.tie && !outcome.adopted);
    let item = s.item("s-2026-5");
    let line = samrad::export::vote_line(&item.votes[0], item.kind.votes_decide(), Lang::Nb);
    assert!(
        line.contains("Ikke vedtatt") && line.contains("stemmelikhet"),
        "{line}"
    );
    // A closed vote takes no more ballots.
    s.act(Action::CastVote);
    assert!(s.app.message.as_ref().is_some_and(|(_, err)| *err));
    Ok(())
}

#[test]
fn a_rep_writes_an_input_to_a_development_area_and_asks_for_the_floor() -> R {
    let mut s = chair_session();
    s.app.author = ntl();
    s.act(Action::NextPane);
    s.act(Action::Input);
    s.type_text("Tillitsvalgte må med i forsøkene.");
    s.act(Action::Save);
    let inputs = &s.app.doc.area_inputs;
    assert_eq!(inputs.len(), 1);
    assert_eq!(
        (inputs[0].party.as_str(), inputs[0].text.as_str()),
        ("ntl", "Tillitsvalgte må med i forsøkene.")
    );
    assert!(matches!(&inputs[0].target, samrad::model::InputTarget::DevArea(a) if a == "uo1"));
    // The floor: asked, then given by the chair.
    s.act(Action::PrevPane);
    s.select("s-2026-2");
    s.act(Action::RequestFloor);
    s.app.author = chair();
    s.act(Action::NextSpeaker);
    let speakers = s.item("s-2026-2").speakers.clone();
    assert_eq!(speakers.len(), 1);
    assert!(speakers[0].speaking());
    assert_eq!(speakers[0].party.as_deref(), Some("ntl"));
    Ok(())
}

#[test]
fn a_new_person_saying_who_they_are_is_in_the_forum_and_remembered() -> R {
    let mut s = chair_session();
    samrad::app::ask_identity(&mut s.app);
    s.act(Action::Add);
    s.type_text("Kari Nordmann");
    let fx = s.act(Action::Save);
    let me = s.app.author.person.clone().expect("a person");
    assert!(fx.contains(&Effect::SaveIdentity(me.clone())), "{fx:?}");
    let p = s
        .app
        .doc
        .forum
        .person(&me)
        .expect("the new person is in the forum");
    assert_eq!(p.name, "Kari Nordmann");
    assert_eq!(
        s.app.author.party.as_deref(),
        Some("ntl"),
        "the party chosen in the form (NTL preselected)"
    );
    assert!(s.app.popups.is_empty());
    Ok(())
}

/// A past meeting on development area 1 where NTL disagreed, written by the chair and NTL.
fn past_meeting(s: &mut Session) -> R {
    let october = OneItemMeeting::new(
        "m-okt",
        "Kontaktgruppemøte oktober",
        "2026-10-15T10:00:00+02:00",
    )
    .item(
        "okt-1",
        ItemNumber { n: 30, year: 2026 },
        "Fjernarbeid i departementene",
    )
    .on(&["uo1"])
    .position(
        "ntl",
        Stance::Disagree,
        "Retningslinjene for fjernarbeid må drøftes før de innføres.",
    );
    let t = at("2026-10-15T10:00:00+02:00");
    for (who, change) in october.changes(&chair()) {
        s.store().set_author(who);
        s.store().commit_at(change, t)?;
    }
    s.store().set_author(chair());
    Ok(())
}

/// The hits of the search shown in the archive, if any.
fn archive_hits(s: &Session) -> Option<HitList> {
    s.app.archive_view.as_ref().and_then(|v| v.hits.clone())
}

#[test]
fn the_archive_filters_searches_and_opens_a_meeting_to_read() -> R {
    let mut s = chair_session();
    past_meeting(&mut s)?;
    s.act(Action::Archive);
    assert_eq!(s.app.mode(), app::Mode::Archive);
    let view = s.app.archive_view.clone().expect("archive shown");
    assert_eq!(view.rows.len(), 2, "the template's meeting and October's");

    // Filter: party NTL, position Uenig, development area 1.
    s.act(Action::Filter);
    s.pick(&[2, 2, 1]);
    let fx = s.act(Action::Save);
    assert!(fx.is_empty(), "a filter writes nothing: {fx:?}");
    let view = s.app.archive_view.clone().expect("archive shown");
    let ids: Vec<&str> = view
        .rows
        .iter()
        .map(|&m| s.app.archive.meetings[m].id.as_str())
        .collect();
    assert_eq!(ids, ["m-okt"]);

    // Search everything, ignoring case; the filter still applies.
    s.act(Action::Search);
    s.type_text("FJERNARBEID");
    s.act(Action::Open);
    let hits = archive_hits(&s).expect("hits");
    // With a party in the filter, only what the party wrote: NTL's reason, not the title.
    assert_eq!(hits.docs.len(), 1);
    s.act(Action::SearchNext);
    let sel = archive_hits(&s).map(|h| h.sel);
    assert_eq!(sel, Some(0), "n wraps round");

    // Enter opens the meeting at the item, to read.
    let fx = s.act(Action::Open);
    assert!(
        matches!(
            fx.as_slice(),
            [Effect::OpenMeeting {
                view_only: true,
                ..
            }]
        ),
        "{fx:?}"
    );
    assert_eq!(s.app.mode(), app::Mode::Normal);
    assert_eq!(s.app.meeting.as_deref(), Some("m-okt"));
    assert_eq!(s.app.selected_item().map(|i| i.id.as_str()), Some("okt-1"));
    let fx = s.act(Action::EditNotes);
    assert!(fx.is_empty());
    let (text, is_error) = s.app.message.clone().expect("says why");
    assert!(is_error && text.contains("lesemodus"), "{text}");

    // Back to the archive as it was left.
    s.act(Action::Archive);
    assert_eq!(s.app.mode(), app::Mode::Archive);
    assert!(archive_hits(&s).is_some());
    s.act(Action::Cancel);
    s.act(Action::Cancel);
    assert_eq!(
        s.app.mode(),
        app::Mode::Normal,
        "Esc twice: hits, then the archive"
    );
    Ok(())
}

#[test]
fn a_party_asks_for_changes_and_the_chair_sees_whom_the_round_waits_for() -> R {
    let mut s = chair_session();
    for cmd in ["start", "close"] {
        s.act(Action::Command(cmd.into()));
    }
    if matches!(s.app.popups.last(), Some(Popup::Confirm { .. })) {
        s.act(Action::Yes);
    }
    s.act(Action::Command("circulate".into()));
    let m = s.app.current_meeting().expect("meeting");
    assert_eq!(m.status, MeetingStatus::Circulated);
    assert_eq!(
        m.approval_deadline,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 22),
        "two weeks by default"
    );
    s.app.author = for_party("ntl");
    assert!(
        s.act(Action::Command("changes".into())).is_empty(),
        "needs a text"
    );
    let fx = s.act(Action::Command(
        "changes Sak 2/26 mangler vårt standpunkt".into(),
    ));
    assert!(matches!(
        fx.as_slice(),
        [Effect::Commit(Change::RequestChanges { .. })]
    ));
    s.app.author = chair();
    let m = s.app.current_meeting().expect("meeting");
    let f = &s.app.doc.forum;
    assert!(m.waiting_for(f).contains(&"ntl".to_string()));
    assert_eq!(m.approvals[0].comment, "Sak 2/26 mangler vårt standpunkt");
    // The chair withdraws it for changes: back to closed, editable again.
    s.act(Action::Command("reopen".into()));
    assert_eq!(
        s.app.current_meeting().map(|m| m.status),
        Some(MeetingStatus::Closed)
    );
    assert!(!s.app.is_locked());
    Ok(())
}

/// The attendance list is grouped by side; Enter moves a person from present to absent,
/// and on to a substitute, whose name (also of someone not in the forum) the chair types.
#[test]
fn a_substitute_from_outside_the_forum_is_named_in_the_attendance_list() {
    let mut s = chair_session();
    s.act(Action::Attendance);
    // Employer (chair, referent), LO Stat, YS Stat, Unio, then Akademikerne's JF.
    s.acts(std::iter::repeat_n(Action::Down, 5));
    s.acts([Action::Open, Action::Open]);
    let jf = |s: &Session| {
        s.app
            .current_meeting()
            .and_then(|m| m.attendance.iter().find(|a| a.person == "p-jf"))
            .cloned()
    };
    assert_eq!(jf(&s).map(|a| a.presence), Some(Presence::Absent));
    s.act(Action::Open);
    assert_eq!(s.form().kind, FormKind::Substitute("p-jf".into()));
    s.type_text("Kari Vara");
    s.act(Action::Save);
    assert!(
        matches!(s.app.popups.last(), Some(Popup::Attendance { .. })),
        "back in the attendance list"
    );
    let a = jf(&s).expect("JF's seat is recorded");
    assert_eq!(a.presence, Presence::Substitute);
    assert_eq!(a.substitute, "Kari Vara");
    // The substitute's party is JF's: JF approves the minutes.
    let m = s.app.current_meeting().expect("meeting");
    assert!(
        m.approving_parties(&s.app.doc.forum)
            .contains(&"jf".to_string())
    );
}

#[test]
fn export_in_the_archive_writes_the_meeting_selected_there() -> R {
    let mut s = chair_session();
    past_meeting(&mut s)?;
    // October's meeting was last opened from a search hit.
    s.act(Action::Archive);
    s.act(Action::Search);
    s.type_text("fjernarbeid");
    s.act(Action::Open);
    s.act(Action::Open);
    assert_eq!(s.app.meeting.as_deref(), Some("m-okt"));
    // Back in the archive, the newest meeting (the template's) is selected and exported.
    s.act(Action::Archive);
    s.act(Action::Cancel);
    s.act(Action::Top);
    let exports = s.dir.path().join("exports");
    s.act(Action::Command("export md".into()));
    assert_eq!(
        s.app.meeting.as_deref(),
        Some(FIRST),
        "what was exported is shown"
    );
    let written: Vec<String> = std::fs::read_dir(&exports)?
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(written, [format!("{FIRST}.md")]);
    Ok(())
}
