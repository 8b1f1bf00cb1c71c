//! The minutes files on disk: `minutes/<meeting-id>.json` (version 2) names its actions by
//! id, and their bodies and the forum are kept once in `minutes/shared/forum.json`. Read
//! back they are the fold's whole minutes; an action done later shows done in the minutes of
//! the meetings it was carried over to; a file of version 1 still reads; a missing or broken
//! shared file is named, and written again.

mod common;

use common::authors::chair;
use common::{R, at};
use samrad::model::{ActionField, ActionStatus, Author, Change, MINUTES_VERSION, Owner};
use samrad::store::minutes::{FILE_VERSION, file_bytes, shared_bytes};
use samrad::store::{Load, ProblemKind, Store, minutes_bytes, read_minutes};
use serde_json::Value;

/// Three meetings a month apart, and the one after them.
const JAN: &str = "m-2027-01-12-jan";
const FEB: &str = "m-2027-02-09-feb";
const MAR: &str = "m-2027-03-09-mar";
const APR: &str = "m-2027-04-06-apr";

/// The action of January, done in March.
const DONE_IN_MARCH: &str = "t-done-in-march";
/// An action of January still open.
const STILL_OPEN: &str = "t-still-open";
const TITLE: &str = "Lage en plan for kompetanseutvikling";

fn commit(store: &mut Store, when: &str, change: Change) {
    store.commit_at(change, at(when)).expect("commit");
}

fn add_action(store: &mut Store, when: &str, id: &str, title: &str) {
    commit(
        store,
        when,
        Change::ActionAdd {
            id: id.into(),
            title: title.into(),
            owner: Owner::Party("kmd".into()),
            due: None,
            status: ActionStatus::Open,
            meeting: Some(JAN.into()),
            item: None,
            areas: Vec::new(),
            proposed_by: None,
        },
    );
}

/// January to April, with two actions from January: one done during March's meeting.
fn four_meetings() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path(), chair()).expect("open");
    for (id, day) in [
        (JAN, "2027-01-12"),
        (FEB, "2027-02-09"),
        (MAR, "2027-03-09"),
        (APR, "2027-04-06"),
    ] {
        commit(
            &mut store,
            "2027-01-05T09:00:00+01:00",
            Change::MeetingCreate {
                meeting: id.into(),
                title: format!("Kontaktgruppemøte {day}"),
                starts_at: format!("{day}T10:00:00+01:00"),
            },
        );
    }
    add_action(
        &mut store,
        "2027-01-12T10:30:00+01:00",
        DONE_IN_MARCH,
        TITLE,
    );
    add_action(
        &mut store,
        "2027-01-12T10:40:00+01:00",
        STILL_OPEN,
        "Evaluere hjemmekontorordningen",
    );
    (dir, store)
}

fn close_in_march(store: &mut Store) {
    commit(
        store,
        "2027-03-09T10:20:00+01:00",
        Change::ActionSet {
            id: DONE_IN_MARCH.into(),
            meeting: Some(MAR.into()),
            set: ActionField::Status(ActionStatus::Done),
        },
    );
}

fn file_json(store: &Store, meeting: &str) -> Value {
    let bytes = std::fs::read(store.layout().minutes_path(meeting)).expect("the minutes file");
    serde_json::from_slice(&bytes).expect("JSON")
}

/// The ids of this test's actions in the minutes (the template's are carried over too).
fn action_ids(minutes: &samrad::model::Minutes) -> Vec<&str> {
    minutes
        .actions
        .iter()
        .map(|a| a.id.as_str())
        .filter(|id| !is_template(id))
        .collect()
}

fn is_template(id: &str) -> bool {
    id.starts_with("t-2026-")
}

#[test]
fn the_file_names_carried_over_actions_by_id_and_reads_back_whole() -> R {
    let (_dir, mut store) = four_meetings();
    let doc = store.load(&Load::All);
    assert!(store.materialize(&doc, FEB)?);

    let file = file_json(&store, FEB);
    assert_eq!(file["schema_version"], FILE_VERSION);
    let named: Vec<&str> = file["actions"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|a| a.as_str().expect("ids, not copies"))
        .filter(|id| !is_template(id))
        .collect();
    assert_eq!(named, [DONE_IN_MARCH, STILL_OPEN]);
    assert!(file.get("forum").is_none(), "the forum is kept once");
    let bytes = std::fs::read(store.layout().minutes_path(FEB))?;
    assert!(
        !String::from_utf8_lossy(&bytes).contains(TITLE),
        "no action's text in the meeting's file"
    );
    let shared = std::fs::read(store.layout().shared_minutes_path())?;
    assert!(String::from_utf8_lossy(&shared).contains(TITLE));
    assert_eq!(shared, shared_bytes(&doc.forum, &doc.actions));

    let folded = doc.minutes(FEB).expect("minutes");
    assert_eq!(action_ids(&folded), [DONE_IN_MARCH, STILL_OPEN]);
    assert_eq!(bytes, file_bytes(&folded));
    let read = read_minutes(&store.layout().minutes_path(FEB))?;
    assert_eq!(read, folded, "read back, the minutes are the fold's");
    assert_eq!(read.schema_version, MINUTES_VERSION);
    assert_eq!(
        minutes_bytes(&read),
        minutes_bytes(&folded),
        "and so is the JSON export, whole"
    );
    assert!(
        !store.materialize(&doc, FEB)?,
        "nothing is written when nothing changed"
    );
    Ok(())
}

#[test]
fn an_action_done_later_shows_done_in_the_minutes_it_was_carried_over_to() -> R {
    let (_dir, mut store) = four_meetings();
    let doc = store.load(&Load::All);
    store.materialize(&doc, FEB)?;
    let feb_file = std::fs::read(store.layout().minutes_path(FEB))?;

    close_in_march(&mut store);
    let doc = store.load(&Load::All);
    // February and March went through it open; April, after it was done, does not show it.
    for (meeting, ids) in [
        (JAN, vec![DONE_IN_MARCH, STILL_OPEN]),
        (FEB, vec![DONE_IN_MARCH, STILL_OPEN]),
        (MAR, vec![DONE_IN_MARCH, STILL_OPEN]),
        (APR, vec![STILL_OPEN]),
    ] {
        let minutes = doc.minutes(meeting).expect("minutes");
        assert_eq!(action_ids(&minutes), ids, "{meeting}");
        let done = minutes.actions.iter().find(|a| a.id == DONE_IN_MARCH);
        assert!(done.is_none_or(|a| a.status == ActionStatus::Done));
    }

    // Writing March's minutes brings the shared file up to date; February's file, not
    // written again, names the same actions, and reads as done too.
    store.materialize(&doc, MAR)?;
    assert_eq!(
        std::fs::read(store.layout().minutes_path(FEB))?,
        feb_file,
        "February's file is as it was"
    );
    let feb = read_minutes(&store.layout().minutes_path(FEB))?;
    assert_eq!(Some(&feb), doc.minutes(FEB).as_ref());
    let action = feb
        .actions
        .iter()
        .find(|a| a.id == DONE_IN_MARCH)
        .expect("carried over to February");
    assert_eq!(action.status, ActionStatus::Done);
    assert_eq!(action.history.len(), 1, "and when it was done, in March");
    assert_eq!(action.history[0].meeting.as_deref(), Some(MAR));
    assert!(!store.materialize(&doc, FEB)?, "February's file is current");
    Ok(())
}

#[test]
fn a_version_1_file_still_reads_and_is_replaced_by_version_2() -> R {
    let (_dir, mut store) = four_meetings();
    let doc = store.load(&Load::All);
    let whole = doc.minutes(FEB).expect("minutes");
    let path = store.layout().minutes_path(FEB);
    let v1 = minutes_bytes(&whole);
    assert!(String::from_utf8_lossy(&v1).contains("\"schema_version\": 1"));
    samrad::store::atomic::write_atomic(&path, &v1)?;

    assert_eq!(
        read_minutes(&path)?,
        whole,
        "read as it is, with no shared file"
    );
    assert!(!store.layout().shared_minutes_path().exists());

    assert!(store.materialize(&doc, FEB)?);
    assert_eq!(std::fs::read(&path)?, file_bytes(&whole));
    assert_eq!(read_minutes(&path)?, whole);
    assert!(
        !store
            .problems
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::Quarantined(_))),
        "an older file is not kept aside: {:?}",
        store.problems
    );
    Ok(())
}

#[test]
fn a_missing_or_broken_shared_file_is_named_and_written_again() -> R {
    let (dir, mut store) = four_meetings();
    let doc = store.load(&Load::All);
    store.materialize(&doc, FEB)?;
    let path = store.layout().minutes_path(FEB);
    let shared = store.layout().shared_minutes_path();
    let good = std::fs::read(&shared)?;
    let named = "minutes/shared/forum.json";

    std::fs::remove_file(&shared)?;
    let e = read_minutes(&path).expect_err("no shared file");
    assert!(e.contains(named) && e.contains(FEB), "{e}");

    std::fs::write(&shared, &good[..good.len() / 2])?;
    let e = read_minutes(&path).expect_err("cut short");
    assert!(e.contains(named) && e.contains(FEB), "{e}");

    // A shared file that lacks an action the minutes name.
    let mut lacking: Value = serde_json::from_slice(&good)?;
    if let Some(all) = lacking["actions"].as_array_mut() {
        all.retain(|a| a["id"] != STILL_OPEN);
    }
    std::fs::write(&shared, serde_json::to_vec(&lacking)?)?;
    let e = read_minutes(&path).expect_err("an action missing");
    assert!(
        e.contains(named) && e.contains(STILL_OPEN) && e.contains(FEB),
        "{e}"
    );

    // The next samrad (or this one, seeing the file changed) writes it again from the logs;
    // what was there is kept aside when it was not a shared file at all.
    std::fs::write(&shared, b"{\"schema_ver")?;
    assert!(store.materialize(&doc, FEB)?);
    assert_eq!(std::fs::read(&shared)?, good);
    assert_eq!(read_minutes(&path)?, doc.minutes(FEB).expect("minutes"));
    let aside: Vec<String> = std::fs::read_dir(dir.path().join("minutes/shared"))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.contains(".unreadable-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");

    std::fs::remove_file(&shared)?;
    let mut fresh = Store::open(dir.path(), Author::default())?;
    fresh.assume_now(at("2027-04-30T12:00:00+02:00"));
    let doc = fresh.load(&Load::Meeting(FEB.into()));
    assert!(fresh.materialize(&doc, FEB)?);
    assert_eq!(std::fs::read(&shared)?, good);
    Ok(())
}

#[test]
fn a_shared_file_of_a_newer_samrad_is_not_replaced() -> R {
    let (_dir, mut store) = four_meetings();
    let doc = store.load(&Load::All);
    let shared = store.layout().shared_minutes_path();
    let future = b"{\"schema_version\": 9, \"forum\": {}}";
    samrad::store::atomic::write_atomic(&shared, future)?;
    assert!(store.materialize(&doc, FEB).is_err());
    assert_eq!(std::fs::read(&shared)?, future);
    assert!(!store.layout().minutes_path(FEB).exists());
    assert!(store.read_only().is_some());
    Ok(())
}
