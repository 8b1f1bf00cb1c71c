//! Roles on screen, driven through `update`: a representative is not offered what only the
//! chair and the minute-taker do, and told why when they press it; a representative writes
//! their own party's position only; with a key, an approval is signed over the content it
//! approves.

mod common;

use common::TEMPLATE_MEETING as MEETING;
use common::authors::{chair, ntl, referent};
use common::session::Session;
use samrad::app::{Action, Effect, Pane, Popup};
use samrad::i18n::Lang;
use samrad::model::{Change, MeetingStatus};

fn session(who: samrad::model::Author) -> Session {
    let mut s = Session::new(who, Lang::En, common::at("2026-12-08T10:00:00+01:00"));
    s.act(Action::Down);
    s
}

/// Each key only the chair or the minute-taker may use, in the pane where it acts.
const CHAIR_ONLY: &[(Pane, Action)] = &[
    (Pane::Agenda, Action::Add),
    (Pane::Agenda, Action::Edit),
    (Pane::Agenda, Action::Delete),
    (Pane::Agenda, Action::MoveUp),
    (Pane::Agenda, Action::MoveDown),
    (Pane::Agenda, Action::SetCurrent),
    (Pane::Agenda, Action::EditNotes),
    (Pane::Agenda, Action::EditConclusion),
    (Pane::Agenda, Action::CycleAgreement),
    (Pane::Agenda, Action::Exemption),
    (Pane::Agenda, Action::OpenVote),
    (Pane::Agenda, Action::NextSpeaker),
    (Pane::Areas, Action::Add),
    (Pane::Areas, Action::Edit),
    (Pane::Areas, Action::CycleStatus),
    (Pane::Actions, Action::Edit),
    (Pane::Actions, Action::Delete),
    (Pane::Actions, Action::CycleStatus),
];

const CHAIR_COMMANDS: &[&str] = &[
    "start",
    "close",
    "reopen",
    "circulate",
    "closevote",
    "count 1 0 0 0",
    "budget 5",
    "meeting",
    "background",
    "new Ekstra",
];

#[test]
fn a_representative_cannot_run_the_meeting_and_is_told_why() {
    for (pane, action) in CHAIR_ONLY {
        let mut s = session(ntl());
        s.app.focus = *pane;
        let fx = s.act(action.clone());
        assert!(fx.is_empty(), "{action:?} in {pane:?} committed {fx:?}");
        assert!(
            s.app.popups.is_empty(),
            "{action:?} in {pane:?} opened {:?}",
            s.app.popups
        );
        let (said, warning) = s.app.message.clone().expect("a reason");
        assert!(
            warning && said.contains("Only the chair or the minute-taker"),
            "{action:?} in {pane:?}: {said}"
        );
    }
    for line in CHAIR_COMMANDS {
        let mut s = session(ntl());
        let fx = s.act(Action::Command((*line).into()));
        assert!(fx.is_empty(), ":{line} committed {fx:?}");
        assert!(s.app.popups.is_empty(), ":{line} opened {:?}", s.app.popups);
        let (said, _) = s.app.message.clone().expect("a reason");
        assert!(said.contains("chair"), ":{line}: {said}");
    }
    // Attendance is the chair's to take: the list opens to read, Enter changes nothing.
    let mut s = session(ntl());
    s.act(Action::Attendance);
    assert!(matches!(
        s.app.popups.last(),
        Some(Popup::Attendance { .. })
    ));
    assert!(s.act(Action::Open).is_empty());
}

#[test]
fn the_chair_and_the_minute_taker_can_do_each_of_those() {
    for who in [chair(), referent()] {
        for (pane, action) in CHAIR_ONLY {
            let mut s = session(who.clone());
            s.app.focus = *pane;
            s.act(action.clone());
            let refused = s
                .app
                .message
                .as_ref()
                .is_some_and(|(m, _)| m.contains("Only the chair"));
            assert!(!refused, "{} refused {action:?} in {pane:?}", who.name);
        }
    }
    let mut s = session(referent());
    let fx = s.act(Action::Command("start".into()));
    assert!(matches!(
        fx.as_slice(),
        [Effect::Commit(Change::MeetingStatus {
            to: MeetingStatus::Open,
            ..
        })]
    ));
}

/// The options of the form's first field (the party).
fn choices(s: &Session) -> Vec<String> {
    match &s.form().fields[0].kind {
        samrad::app::FieldKind::Choice { options, .. } => options.clone(),
        other => panic!("not a choice: {other:?}"),
    }
}

#[test]
fn a_representative_records_only_their_own_partys_position() {
    let mut s = session(ntl());
    s.act(Action::Position);
    let parties = choices(&s);
    assert_eq!(
        parties,
        vec!["NTL".to_string()],
        "NTL's rep may choose {parties:?}"
    );
    // The chair may record for any party that takes positions, not for the observer.
    let mut c = session(chair());
    c.act(Action::Position);
    let parties = choices(&c);
    assert!(parties.contains(&"YS Stat".to_string()), "{parties:?}");
    assert!(!parties.contains(&"HVO".to_string()), "{parties:?}");
    // Written to the log for another party anyway, it is refused in the fold.
    let forged =
        common::meetings::position("s-2026-2", "ys-stat", samrad::model::Stance::Agree, "");
    let op = s.store().commit(forged).expect("commit");
    s.app.apply_op(op);
    let item = s.item("s-2026-2");
    assert!(item.positions.is_empty(), "{:?}", item.positions);
    assert!(
        s.app
            .doc
            .rejected
            .iter()
            .any(|r| r.reason == samrad::model::RejectReason::NotYourParty)
    );
}

#[test]
fn with_a_key_an_approval_is_signed_over_the_content_it_approves() {
    use samrad::store::keys::{APPROVAL_NAMESPACE, Signer, verify_sshsig};
    use samrad::store::seal;
    let mut s = session(chair());
    s.act(Action::Command("start".into()));
    s.act(Action::Command("close".into()));
    s.act(Action::Yes);
    s.act(Action::Command("circulate".into()));
    let key = Signer::generate();
    s.store().set_signer(Some(key.clone()));
    s.act(Action::Command("approve".into()));
    let m = s.app.doc.meeting(MEETING).expect("meeting");
    let a = m
        .approvals
        .iter()
        .find(|a| a.party == "kmd")
        .expect("KMD's approval");
    assert_eq!(a.person.as_deref(), Some("p-leder"));
    let content = seal::canonical_bytes(m);
    assert!(verify_sshsig(
        key.public(),
        APPROVAL_NAMESPACE,
        &content,
        &a.seal
    ));
    assert!(!verify_sshsig(
        key.public(),
        APPROVAL_NAMESPACE,
        b"other",
        &a.seal
    ));
}

#[test]
fn the_chairs_key_founds_a_fresh_forum_but_not_one_with_history_from_before_keys() {
    let key = samrad::store::keys::Signer::generate();
    let mut fresh = session(chair());
    fresh.app.key = key.public().to_string();
    let fx = samrad::app::take_seat(&mut fresh.app);
    assert!(
        matches!(fx.as_slice(), [Effect::Commit(Change::Genesis { person, .. })] if person == "p-leder"),
        "{fx:?}"
    );
    let mut old = session(chair());
    old.app.key = key.public().to_string();
    old.app.unsigned_history = true;
    let fx = samrad::app::take_seat(&mut old.app);
    assert!(fx.is_empty(), "{fx:?}");
    let (said, _) = old.app.message.clone().expect("told why");
    assert!(said.contains("from before keys"), "{said}");
}

#[test]
fn whoami_opens_on_your_own_seat_and_esc_closes_it() {
    let mut s = session(ntl());
    s.act(Action::Command("whoami".into()));
    match s.app.popups.last() {
        Some(Popup::Identity { selected, .. }) => {
            let seat = &s.app.doc.forum.people[*selected];
            assert_eq!(seat.id, "p-ntl", "opens on {}", seat.name);
        }
        other => panic!("expected who-are-you, found {other:?}"),
    }
    s.act(Action::Cancel);
    assert!(s.app.popups.is_empty(), "Esc does not close :whoami");
    // At first start, Esc leaves samrad for reading only until the user says who they
    // are; saying it lifts that.
    samrad::app::ask_identity(&mut s.app);
    s.act(Action::Cancel);
    assert!(s.app.popups.is_empty());
    assert!(
        s.app.read_only.is_some(),
        "nothing is written in nobody's name"
    );
    let fx = s.act(Action::EditNotes);
    assert!(fx.is_empty());
    s.act(Action::Command("whoami".into()));
    s.act(Action::Open);
    assert!(s.app.read_only.is_none());
}

#[test]
fn in_a_secured_forum_someone_without_a_seat_is_told_to_say_who_they_are_not_to_wait() {
    use samrad::store::keys::Signer;
    let mut s = session(chair());
    let with_key = |s: &mut Session| {
        let key = Signer::generate();
        s.app.key = key.public().to_string();
        s.store().set_signer(Some(key));
    };
    with_key(&mut s);
    let fx = samrad::app::take_seat(&mut s.app);
    s.rt.run(&mut s.app, fx);
    assert!(s.app.doc.forum.is_secured());
    // A reviewer with a key of their own, who never asked to join.
    s.as_author(common::authors::guest("Revisor"));
    with_key(&mut s);
    s.act(Action::Add);
    let (said, _) = s.app.message.clone().expect("a reason");
    assert!(said.contains(":whoami"), "{said}");
    // Once they asked for NTL's seat, they are told it waits for the chair.
    s.as_author(ntl());
    let fx = samrad::app::take_seat(&mut s.app);
    s.rt.run(&mut s.app, fx);
    s.act(Action::Position);
    let (said, _) = s.app.message.clone().expect("a reason");
    assert!(said.contains("waits for the chair"), "{said}");
}

#[test]
fn whoami_under_as_holds_for_the_session_and_is_not_saved() {
    let mut s = session(ntl());
    s.app.identity_for_session = true;
    s.act(Action::Command("whoami".into()));
    let fx = s.act(Action::Open);
    assert!(
        !fx.iter()
            .any(|e| matches!(e, samrad::app::Effect::SaveIdentity(_))),
        "{fx:?}"
    );
    let said = s.app.message.clone().map(|(m, _)| m).unwrap_or_default();
    assert!(said.contains("--as"), "{said}");
}

#[test]
fn a_space_typed_while_who_are_you_opens_chooses_nobody() {
    use ratatui::crossterm::event::KeyCode;
    let mut s = session(common::authors::guest("kari"));
    samrad::app::ask_identity(&mut s.app);
    let fx = s.press(KeyCode::Char(' '));
    assert!(fx.is_empty(), "{fx:?}");
    assert!(matches!(s.app.popups.last(), Some(Popup::Identity { .. })));
    assert_eq!(s.app.author.person, None);
}

/// History from before keys is known however the forum is opened: from its lines, or from
/// the snapshot of an earlier open (which reads no old line), so the chair's key never
/// secures a forum over it.
#[test]
fn history_from_before_keys_is_known_when_the_forum_opens_from_its_snapshot() {
    use samrad::store::{Load, Store};
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let mut first = Store::open(dir.path(), chair()).expect("open");
        first
            .commit(Change::ForumSet {
                set: samrad::model::ForumField::SubmissionDays(Some(7)),
            })
            .expect("an unsigned change, as before keys");
        let _ = first.load(&Load::Forum);
        assert!(first.has_unsigned_history());
        first.wait_for_snapshot();
    }
    let mut again = Store::open(dir.path(), chair()).expect("open again");
    let _ = again.load(&Load::Forum);
    assert!(
        again.has_unsigned_history(),
        "opened from the snapshot, the old unsigned lines still count"
    );
}

/// The bottom line of the app drawn at 100×30.
fn bar(app: &samrad::app::App) -> String {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).expect("terminal");
    terminal.draw(|f| samrad::ui::draw(f, app)).expect("draw");
    let buf = terminal.backend().buffer();
    (0..100).map(|x| buf[(x, 29)].symbol()).collect()
}

/// In a secured forum a terminal whose key is not admitted writes nothing, whoever it says
/// it is: its bar says so beside the name, and the admitted chair's does not.
#[test]
fn the_bar_marks_a_terminal_whose_key_is_not_admitted_as_read_only() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut clock = common::seats::Ticks::default();
    let (mut seat, _) = common::seats::founded(dir.path(), &mut clock, &[]);
    let doc = seat.store.load(&samrad::store::Load::All);
    let mut app = samrad::app::App::new(
        doc,
        chair(),
        Lang::En,
        common::at("2026-12-08T10:00:00+01:00"),
    );
    app.key = seat.key.public().to_string();
    let admitted = bar(&app);
    assert!(admitted.contains("Møteleder (KMD)"), "{admitted}");
    assert!(!admitted.contains("[read-only]"), "{admitted}");
    assert_eq!(app.may(&Action::Add), Ok(()), "the chair adds items");
    app.key = samrad::store::keys::Signer::generate().public().to_string();
    let waiting = bar(&app);
    assert!(waiting.contains("Møteleder (KMD) [read-only]"), "{waiting}");
    assert!(app.may(&Action::Add).is_err(), "and it may not add an item");
}
