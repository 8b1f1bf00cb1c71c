//! The one effect runner, as the TUI and the tests use it: ops carry the app's clock and
//! ids, a meeting is checked before it is opened, and `update` is repeatable.

mod common;

use common::authors::chair;
use common::session::Session;
use common::{TEMPLATE_MEETING, at};
use samrad::app::{Action, Effect, Ids, update};
use samrad::i18n::Lang;
use samrad::model::Change;
use samrad::store::{Load, Store};

fn session() -> Session {
    Session::new(chair(), Lang::En, at("2026-12-08T10:00:00+01:00"))
}

/// The ops this session's writer put in the folder.
fn written(s: &Session) -> Vec<samrad::store::Op> {
    let mut store = Store::open(s.dir.path(), chair()).expect("reopen");
    // A reader on the app's day: lines more than a day ahead of a reader's clock are not read.
    store.assume_now(s.app.now);
    let mut ops = store.read_ops(&Load::All);
    ops.retain(|o| o.writer != "template");
    ops
}

#[test]
fn ops_are_stamped_with_the_apps_clock_not_the_wall() {
    let mut s = session();
    let when = at("2031-05-17T09:30:00+02:00");
    s.app.now = when;
    let fx = s.act(Action::Command("start".into()));
    assert!(matches!(
        fx.as_slice(),
        [Effect::Commit(Change::MeetingStatus { .. })]
    ));
    let ops = written(&s);
    assert_eq!(ops.len(), 1);
    assert_eq!(ops[0].at, "2031-05-17T09:30:00+02:00");
    assert_eq!(ops[0].clock.ms, when.timestamp_millis());
}

#[test]
fn a_meeting_that_does_not_exist_is_not_opened() {
    let mut s = session();
    let open = Effect::OpenMeeting {
        id: "m-no-such-meeting".into(),
        item: None,
        view_only: true,
    };
    assert!(!s.rt.run(&mut s.app, vec![open]), "nothing quits");
    assert_eq!(
        s.app.meeting.as_deref(),
        Some(TEMPLATE_MEETING),
        "still on the meeting shown"
    );
    assert!(!s.app.view_only);
    let (text, warning) = s.app.message.clone().expect("a message");
    assert!(warning && text.contains("No meeting"), "{text}");
}

#[test]
fn open_finds_a_meeting_by_its_norwegian_date_as_the_cli_does() {
    let mut s = session();
    s.act(Action::Command("new".into()));
    // The form proposes a week from today: 15.12.2026.
    s.save_form();
    assert_ne!(
        s.app.meeting.as_deref(),
        Some(TEMPLATE_MEETING),
        "the new meeting is shown"
    );
    s.act(Action::Command("open 08.12.2026".into()));
    assert_eq!(s.app.meeting.as_deref(), Some(TEMPLATE_MEETING));
    s.act(Action::Command("open 31.12.2026".into()));
    let (text, warning) = s.app.message.clone().expect("a message");
    assert!(warning && text.contains("31.12.2026"), "{text}");
    assert_eq!(s.app.meeting.as_deref(), Some(TEMPLATE_MEETING));
}

/// The same actions on the same state, with the same clock and counting ids, ask for the
/// same changes: `update` depends on nothing else.
#[test]
fn update_is_a_function_of_state_and_action() {
    let s = session();
    let run = || {
        let mut app = samrad::app::App::new(s.reloaded(), chair(), Lang::En, s.app.now);
        app.ids = Ids::counting("x");
        [
            Action::Add,
            Action::Key(common::session::typed('B')),
            Action::Save,
            Action::Command("new Neste møte".into()),
            Action::Save,
        ]
        .into_iter()
        .flat_map(|a| update(&mut app, a))
        .collect::<Vec<_>>()
    };
    let (a, b) = (run(), run());
    let added =
        |e: &Effect| matches!(e, Effect::Commit(Change::ItemAdd { item, .. }) if item == "s-x1");
    let created = |e: &Effect| matches!(e, Effect::Commit(Change::MeetingCreate { meeting, .. }) if meeting.starts_with("m-2026-12-15-x"));
    assert!(a.iter().any(added), "{a:?}");
    assert!(a.iter().any(created), "{a:?}");
    assert_eq!(a, b);
}

/// Another writer's change that belongs before ours is folded in, and said, like any other.
#[test]
fn a_change_from_a_writer_whose_clock_is_behind_is_announced_too() {
    let mut s = session();
    s.app.now = at("2026-12-08T10:30:00+01:00");
    s.act(Action::Command("start".into()));
    let mut bob = Store::open(s.dir.path(), common::authors::ntl()).expect("bob");
    bob.load(&Load::All);
    let item = s.app.items()[1].id.clone();
    let change = Change::Position {
        meeting: TEMPLATE_MEETING.into(),
        item,
        party: "ntl".into(),
        stance: samrad::model::Stance::Agree,
        reason: "Vi støtter dette".into(),
        base: None,
    };
    // Bob's clock is ten minutes behind ours.
    bob.commit_at(change, at("2026-12-08T10:20:00+01:00"))
        .expect("bob writes");
    s.app.message = None;
    assert!(s.rt.catch_up(&mut s.app), "something came in");
    let (said, _) = s.app.message.clone().expect("what came in is said");
    assert!(said.contains("Tillitsvalgt NTL"), "{said}");
    let positions = s.app.items()[1].current_positions().len();
    assert_eq!(positions, 1, "and folded in");
}

/// The TUI as it starts: the meeting folded, the archive still to load in the background.
fn started_with_archive_loading(s: &Session) -> (samrad::app::App, samrad::runtime::Runtime) {
    let mut store = Store::open(s.dir.path(), chair()).expect("reopen");
    store.assume_now(s.app.now);
    let doc = store.load(&Load::Meeting(TEMPLATE_MEETING.into()));
    let mut app = samrad::app::App::new(doc, chair(), Lang::En, s.app.now);
    app.archive_loading = true;
    let rt =
        samrad::runtime::Runtime::new(store, samrad::runtime::Mode::Background).expect("runtime");
    (app, rt)
}

/// The TUI's start in the background mode: the archive index loads on a thread after the
/// first frame, without its word index; `A` while it loads shows the spinner, and the word
/// index follows the load.
#[test]
fn the_archive_loads_in_the_background_and_its_word_index_only_when_shown() {
    let s = session();
    // The index written, as a start finds it.
    let layout = samrad::store::Layout::new(s.dir.path());
    let _ = samrad::store::archive::Archive::open(&layout);
    let (mut app, mut rt) = started_with_archive_loading(&s);
    let wait = |rt: &mut samrad::runtime::Runtime,
                app: &mut samrad::app::App,
                what: &str,
                done: &dyn Fn(&samrad::app::App) -> bool| {
        let by = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while !done(app) {
            assert!(
                std::time::Instant::now() < by,
                "timed out waiting for {what}"
            );
            rt.poll(app);
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    };
    rt.run(&mut app, vec![Effect::RefreshArchive]);
    wait(&mut rt, &mut app, "the archive", &|a| !a.archive_loading);
    assert_eq!(app.archive.meetings.len(), 1);
    assert!(
        app.words.is_none(),
        "no word index before the archive is shown"
    );
    let fx = update(&mut app, Action::Archive);
    rt.run(&mut app, fx);
    wait(&mut rt, &mut app, "the word index", &|a| a.words.is_some());
    rt.finish(&mut app);

    // `A` before the load lands: the spinner, then the archive and its word index.
    let (mut app, mut rt) = started_with_archive_loading(&s);
    rt.run(&mut app, vec![Effect::RefreshArchive]);
    let fx = update(&mut app, Action::Archive);
    rt.run(&mut app, fx);
    assert!(app.archive_view.is_some());
    wait(&mut rt, &mut app, "the archive and its words", &|a| {
        !a.archive_loading && a.words.is_some()
    });
    let view = app.archive_view.as_ref().expect("the archive view");
    assert_eq!(
        view.rows.len(),
        1,
        "the view lists the archive once it landed"
    );
    rt.finish(&mut app);
}

/// The TUI draws its first frame before the forum's older actions are read
/// (`Store::load_first`). Whatever the runtime does next has them all: a change to one of
/// them is applied, not refused as a change to an action that does not exist.
#[test]
fn a_change_to_an_action_the_first_frame_was_drawn_without_is_applied() {
    use samrad::model::{ActionField, ActionStatus, Owner};
    let mut s = session();
    let add = Change::ActionAdd {
        id: "a-old".into(),
        title: "Ferdig i fjor".into(),
        owner: Owner::Party("kmd".into()),
        due: None,
        status: ActionStatus::Done,
        meeting: None,
        item: None,
        areas: Vec::new(),
        proposed_by: None,
    };
    s.rt.run(&mut s.app, vec![Effect::Commit(add)]);
    let meeting = Load::Meeting(TEMPLATE_MEETING.into());
    let mut store = Store::open(s.dir.path(), chair()).expect("reopen");
    store.assume_now(s.app.now);
    store.load(&meeting);
    store.wait_for_snapshot();
    drop(store);

    let mut store = Store::open(s.dir.path(), chair()).expect("reopen");
    store.assume_now(s.app.now);
    let doc = store.load_first(&meeting);
    assert!(doc.action("a-old").is_none(), "drawn without it");
    let mut app = samrad::app::App::new(doc, chair(), Lang::En, s.app.now);
    let mut rt =
        samrad::runtime::Runtime::new(store, samrad::runtime::Mode::Inline).expect("runtime");
    let reopen = Change::ActionSet {
        id: "a-old".into(),
        meeting: None,
        set: ActionField::Status(ActionStatus::Open),
    };
    rt.run(&mut app, vec![Effect::Commit(reopen)]);
    let action = app.doc.action("a-old").expect("the action, read since");
    assert_eq!(action.status, ActionStatus::Open);
    assert!(app.doc.rejected.is_empty(), "{:?}", app.doc.rejected);
}
