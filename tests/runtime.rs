//! The one effect runner, as the TUI and the tests use it: ops carry the app's clock and
//! ids, a meeting is checked before it is opened, and `update` is repeatable.

use chrono::{DateTime, FixedOffset};
use samrad::app::{Action, App, Effect, Ids, update};
use samrad::i18n::Lang;
use samrad::model::{Author, Change};
use samrad::runtime::{Mode, Runtime};
use samrad::store::{Load, Store};

const FIRST: &str = "m-2026-12-08-kontaktgruppen";

fn chair() -> Author {
    Author {
        name: "Møteleder (KMD)".into(),
        person: Some("p-kmd-leder".into()),
        party: Some("kmd".into()),
    }
}

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("time")
}

fn session(dir: &std::path::Path) -> (Runtime, App) {
    let mut store = Store::open(dir, chair()).expect("store");
    let doc = store.load(&Load::All);
    let app = App::new(doc, chair(), Lang::En, at("2026-12-08T10:00:00+01:00"));
    (Runtime::new(store, Mode::Inline).expect("runtime"), app)
}

/// The ops of this writer's logs, as written.
fn written(dir: &std::path::Path) -> Vec<samrad::store::Op> {
    let mut store = Store::open(dir, chair()).expect("reopen");
    let mut ops = store.read_ops(&Load::All);
    ops.retain(|o| o.writer != "template");
    ops
}

#[test]
fn ops_are_stamped_with_the_apps_clock_not_the_wall() {
    let dir = tempfile::tempdir().expect("tmp");
    let (mut rt, mut app) = session(dir.path());
    let when = at("2031-05-17T09:30:00+02:00");
    app.now = when;
    let fx = update(&mut app, Action::Command("start".into()));
    assert!(matches!(
        fx.as_slice(),
        [Effect::Commit(Change::MeetingStatus { .. })]
    ));
    rt.run(&mut app, fx);
    let ops = written(dir.path());
    assert_eq!(ops.len(), 1);
    assert_eq!(ops[0].at, "2031-05-17T09:30:00+02:00");
    assert_eq!(ops[0].clock.ms, when.timestamp_millis());
}

#[test]
fn a_meeting_that_does_not_exist_is_not_opened() {
    let dir = tempfile::tempdir().expect("tmp");
    let (mut rt, mut app) = session(dir.path());
    let quit = rt.run(
        &mut app,
        vec![Effect::OpenMeeting {
            id: "m-no-such-meeting".into(),
            item: None,
            view_only: true,
        }],
    );
    assert!(!quit);
    assert_eq!(
        app.meeting.as_deref(),
        Some(FIRST),
        "still on the meeting shown"
    );
    assert!(!app.view_only);
    let (text, warning) = app.message.clone().expect("a message");
    assert!(warning && text.contains("No meeting"), "{text}");
}

#[test]
fn open_finds_a_meeting_by_its_norwegian_date_as_the_cli_does() {
    let dir = tempfile::tempdir().expect("tmp");
    let (mut rt, mut app) = session(dir.path());
    let fx = update(&mut app, Action::Command("new".into()));
    rt.run(&mut app, fx);
    // The form proposes a week from today: 15.12.2026.
    let fx = update(&mut app, Action::Save);
    rt.run(&mut app, fx);
    assert_ne!(
        app.meeting.as_deref(),
        Some(FIRST),
        "the new meeting is shown"
    );
    let fx = update(&mut app, Action::Command("open 08.12.2026".into()));
    rt.run(&mut app, fx);
    assert_eq!(app.meeting.as_deref(), Some(FIRST));
    let fx = update(&mut app, Action::Command("open 31.12.2026".into()));
    rt.run(&mut app, fx);
    let (text, warning) = app.message.clone().expect("a message");
    assert!(warning && text.contains("31.12.2026"), "{text}");
    assert_eq!(app.meeting.as_deref(), Some(FIRST));
}

/// The same actions on the same state, with the same clock and counting ids, ask for the
/// same changes: `update` depends on nothing else.
#[test]
fn update_is_a_function_of_state_and_action() {
    let dir = tempfile::tempdir().expect("tmp");
    let run = || {
        let (_, mut app) = session(dir.path());
        app.ids = Ids::counting("x");
        let mut all = Vec::new();
        for a in [
            Action::Add,
            Action::Key(ratatui::crossterm::event::KeyEvent::new(
                ratatui::crossterm::event::KeyCode::Char('B'),
                ratatui::crossterm::event::KeyModifiers::NONE,
            )),
            Action::Save,
            Action::Command("new Neste møte".into()),
            Action::Save,
        ] {
            let fx = update(&mut app, a);
            all.extend(fx);
        }
        all
    };
    let (a, b) = (run(), run());
    assert!(
        a.iter()
            .any(|e| matches!(e, Effect::Commit(Change::ItemAdd { item, .. }) if item == "s-x1")),
        "{a:?}"
    );
    assert!(
        a.iter()
            .any(|e| matches!(e, Effect::Commit(Change::MeetingCreate { meeting, .. }) if meeting.starts_with("m-2026-12-15-x"))),
        "{a:?}"
    );
    assert_eq!(a, b);
}
