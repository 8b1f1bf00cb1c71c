//! Long: the fold's rules, change by change, each test one rule.

use super::*;
use crate::model::{Author, ItemField, ItemKind, ItemNumber, MeetingStatus, Stance};

/// The person who writes for `who`: the chair for KMD, KMD's minute-taker for "referent",
/// the party's rep otherwise; and their party.
fn person_of(who: &str) -> (String, String) {
    match who {
        "kmd" => ("p-leder".into(), "kmd".into()),
        "referent" => ("p-referent".into(), "kmd".into()),
        party => (format!("p-{party}"), party.into()),
    }
}

/// An op by `who`'s person.
pub(super) fn meta(n: u32, who: &str) -> OpMeta<'static> {
    let at: &'static str =
        Box::leak(format!("2026-12-08T10:{:02}:00+01:00", n % 60).into_boxed_str());
    let (person, party) = person_of(who);
    let author = Box::leak(Box::new(Author {
        name: format!("rep {who}"),
        person: Some(person),
        party: Some(party),
    }));
    OpMeta {
        writer: "w",
        seq: u64::from(n),
        at,
        author,
        key: None,
        clock: (i64::from(n), 0),
    }
}

/// The chair (KMD), the reps of NTL, Unio and YS Stat, and the hovedverneombud.
fn forum_people() -> Vec<crate::model::Person> {
    let person = |who: &str, role: &str| {
        let (id, party) = person_of(who);
        crate::model::Person {
            id,
            name: format!("rep {who}"),
            party: Some(party),
            role: role.into(),
            roles: Vec::new(),
        }
    };
    vec![
        person("kmd", "leder"),
        person("referent", "referent"),
        person("ntl", "tillitsvalgt"),
        person("unio", "tillitsvalgt"),
        person("ys-stat", "tillitsvalgt"),
        person("hvo", "verneombud"),
    ]
}

pub(super) fn doc_with_item() -> Doc {
    let mut d = Doc::default();
    d.forum.people = forum_people();
    d.apply(
        &meta(1, "kmd"),
        Change::MeetingCreate {
            meeting: "m".into(),
            title: "Møte".into(),
            starts_at: "2026-12-08T10:00:00+01:00".into(),
        },
    )
    .expect("create");
    for (n, id, rank) in [(2, "a", 2048), (3, "b", 1024)] {
        d.apply(
            &meta(n, "kmd"),
            Change::ItemAdd {
                meeting: "m".into(),
                item: id.into(),
                number: ItemNumber { n, year: 2026 },
                title: id.to_uppercase(),
                kind: ItemKind::Consultation,
                rank,
            },
        )
        .expect("item");
    }
    d
}

fn titles(d: &Doc) -> Vec<String> {
    d.meeting("m")
        .expect("m")
        .items
        .iter()
        .map(|i| i.title.clone())
        .collect()
}

#[test]
fn items_follow_rank_and_reorder() {
    let mut d = doc_with_item();
    assert_eq!(titles(&d), ["B", "A"]);
    d.apply(
        &meta(4, "kmd"),
        Change::ItemSet {
            meeting: "m".into(),
            item: "a".into(),
            set: ItemField::Rank(0),
        },
    )
    .expect("rank");
    assert_eq!(titles(&d), ["A", "B"]);
    d.apply(
        &meta(5, "kmd"),
        Change::ItemSet {
            meeting: "m".into(),
            item: "b".into(),
            set: ItemField::Title("B2".into()),
        },
    )
    .expect("set");
    assert_eq!(titles(&d), ["A", "B2"]);
}

fn notes(d: &Doc, item: &str) -> String {
    d.meeting("m")
        .and_then(|m| m.item(item))
        .map(|i| i.notes.clone())
        .unwrap_or_default()
}

fn write_notes(d: &mut Doc, n: u32, who: &str, base: &str, text: &str) {
    d.apply(
        &meta(n, who),
        Change::ItemText {
            meeting: "m".into(),
            item: "a".into(),
            field: crate::model::TextField::Notes,
            base: base.into(),
            text: text.into(),
        },
    )
    .expect("notes");
}

#[test]
fn notes_written_from_the_same_text_merge_and_overlaps_keep_both() {
    let mut d = doc_with_item();
    write_notes(&mut d, 4, "kmd", "", "Innledning.\nDiskusjon.\nAvslutning.");
    let seen = notes(&d, "a");
    // The chair and the minute-taker both edit what they saw: different lines merge.
    write_notes(
        &mut d,
        5,
        "kmd",
        &seen,
        "INNLEDNING.\nDiskusjon.\nAvslutning.",
    );
    write_notes(
        &mut d,
        6,
        "referent",
        &seen,
        "Innledning.\nDiskusjon.\nAVSLUTNING.",
    );
    assert_eq!(notes(&d, "a"), "INNLEDNING.\nDiskusjon.\nAVSLUTNING.");
    // The same line, changed twice from one base: both versions stay, as a conflict.
    let seen = notes(&d, "a");
    write_notes(
        &mut d,
        7,
        "kmd",
        &seen,
        "INNLEDNING.\nNOTES FROM A\nAVSLUTNING.",
    );
    write_notes(
        &mut d,
        8,
        "referent",
        &seen,
        "INNLEDNING.\nNOTES FROM B\nAVSLUTNING.",
    );
    let merged = notes(&d, "a");
    assert!(merged.contains("NOTES FROM A") && merged.contains("NOTES FROM B"));
    let item = d.meeting("m").and_then(|m| m.item("a")).expect("a");
    assert_eq!(item.conflicts(), 1, "{merged}");
    assert!(
        merged.contains(">>>>>>> rep referent, 2026-12-08 10:08"),
        "{merged}"
    );
    // Resolved by an edit from the conflicted text.
    write_notes(
        &mut d,
        9,
        "kmd",
        &merged,
        "INNLEDNING.\nA og B.\nAVSLUTNING.",
    );
    assert_eq!(notes(&d, "a"), "INNLEDNING.\nA og B.\nAVSLUTNING.");
}

#[test]
fn a_statement_and_a_reason_merge_with_what_the_party_wrote_meanwhile() {
    let mut d = doc_with_item();
    let statement = |base: &str, text: &str| Change::Statement {
        meeting: "m".into(),
        item: "a".into(),
        party: "ntl".into(),
        text: text.into(),
        base: Some(base.into()),
    };
    d.apply(&meta(4, "ntl"), statement("", "NTL mener.\n\nNTL krever."))
        .expect("first");
    let seen = "NTL mener.\n\nNTL krever.";
    d.apply(
        &meta(5, "ntl"),
        statement(seen, "NTL mener sterkt.\n\nNTL krever."),
    )
    .expect("one terminal");
    d.apply(
        &meta(6, "ntl"),
        statement(seen, "NTL mener.\n\nNTL krever mer."),
    )
    .expect("another terminal");
    let item = d.meeting("m").and_then(|m| m.item("a")).expect("a");
    let current = item.current_statements();
    assert_eq!(current[0].text, "NTL mener sterkt.\n\nNTL krever mer.");
    let position = |base: &str, reason: &str| Change::Position {
        meeting: "m".into(),
        item: "a".into(),
        party: "ntl".into(),
        stance: Stance::Disagree,
        reason: reason.into(),
        base: Some(base.into()),
    };
    d.apply(&meta(7, "ntl"), position("", "For dyrt."))
        .expect("rep");
    d.apply(&meta(8, "kmd"), position("", "Uklart."))
        .expect("chair on behalf");
    let item = d.meeting("m").and_then(|m| m.item("a")).expect("a");
    let reason = item.current_positions()[0].reason.clone();
    assert_eq!(reason, "For dyrt.\nUklart.", "two additions both stand");
    assert_eq!(item.conflicts(), 0);
    // The same line changed two ways: both kept, as a conflict.
    d.apply(&meta(9, "ntl"), position(&reason, "For dyrt!\nUklart."))
        .expect("rep");
    d.apply(&meta(10, "kmd"), position(&reason, "Altfor dyrt.\nUklart."))
        .expect("chair");
    let item = d.meeting("m").and_then(|m| m.item("a")).expect("a");
    let reason = &item.current_positions()[0].reason;
    assert!(
        reason.contains("For dyrt!") && reason.contains("Altfor dyrt."),
        "{reason}"
    );
    assert_eq!(item.conflicts(), 1);
}

#[test]
fn only_the_party_itself_may_write_its_statement_and_the_attempt_is_shown() {
    let mut d = doc_with_item();
    let st = |party: &str| Change::Statement {
        meeting: "m".into(),
        item: "a".into(),
        party: party.into(),
        text: "NTL tar forbehold.".into(),
        base: None,
    };
    let refused = d
        .apply(&meta(6, "kmd"), st("ntl"))
        .expect_err("KMD cannot write NTL's statement");
    assert_eq!(refused, RejectReason::NotYourParty);
    assert_eq!(d.rejected[0].by, "rep kmd");
    assert_eq!(d.rejected[0].op, "w:6");
    d.apply(&meta(7, "ntl"), st("ntl"))
        .expect("NTL writes its own");
    let m = d.minutes("m").expect("minutes");
    assert_eq!(
        m.meeting.item("a").expect("a").current_statements().len(),
        1
    );
    assert_eq!(m.rejected.len(), 1, "the refused attempt is in the minutes");
}

#[test]
fn the_chair_records_a_position_on_a_partys_behalf_and_it_says_so() {
    let mut d = doc_with_item();
    let pos = |stance| Change::Position {
        meeting: "m".into(),
        item: "a".into(),
        party: "ntl".into(),
        stance,
        reason: String::new(),
        base: None,
    };
    d.apply(&meta(6, "kmd"), pos(Stance::Agree))
        .expect("on behalf");
    d.apply(&meta(7, "ntl"), pos(Stance::Disagree))
        .expect("own");
    let item = d.meeting("m").and_then(|m| m.item("a")).expect("a");
    assert!(item.positions[0].on_behalf);
    assert!(!item.positions[1].on_behalf);
    assert_eq!(item.current_positions()[0].stance, Stance::Disagree);
}

pub(super) fn set_status(d: &mut Doc, n: u32, to: MeetingStatus) -> Result<(), RejectReason> {
    d.apply(
        &meta(n, "kmd"),
        Change::MeetingStatus {
            meeting: "m".into(),
            to,
        },
    )
}

pub(super) fn circulate(d: &mut Doc, n: u32, hash: &str) -> Result<(), RejectReason> {
    d.apply(
        &meta(n, "kmd"),
        Change::Circulate {
            meeting: "m".into(),
            hash: hash.into(),
            deadline: chrono::NaiveDate::from_ymd_opt(2026, 12, 22),
            parties: Vec::new(),
        },
    )
}

fn approve(d: &mut Doc, n: u32, party: &str, hash: &str) -> Result<(), RejectReason> {
    d.apply(
        &meta(n, party),
        Change::Approve {
            meeting: "m".into(),
            party: party.into(),
            hash: hash.into(),
            seal: String::new(),
        },
    )
}

fn forum_of(parties: &[&str]) -> Forum {
    Forum {
        parties: parties
            .iter()
            .map(|p| crate::model::Party {
                id: (*p).into(),
                name: p.to_uppercase(),
                short: p.to_uppercase(),
                side: crate::model::Side::Union,
                confederation: None,
            })
            .collect(),
        people: forum_people(),
        ..Forum::default()
    }
}

#[test]
fn approved_minutes_are_locked_until_a_new_round() {
    let mut d = doc_with_item();
    d.forum = forum_of(&["kmd", "ntl"]);
    set_status(&mut d, 10, MeetingStatus::Open).expect("open");
    set_status(&mut d, 11, MeetingStatus::Closed).expect("close");
    assert_eq!(
        set_status(&mut d, 12, MeetingStatus::Circulated),
        Err(RejectReason::IllegalTransition),
        "circulating needs a hash"
    );
    circulate(&mut d, 12, "h1").expect("circulate");
    let edit = Change::ItemSet {
        meeting: "m".into(),
        item: "a".into(),
        set: ItemField::Notes("endret".into()),
    };
    assert_eq!(
        d.apply(&meta(13, "kmd"), edit.clone()),
        Err(RejectReason::Locked),
        "circulated minutes are locked"
    );
    assert_eq!(
        approve(&mut d, 14, "ntl", "old"),
        Err(RejectReason::StaleHash)
    );
    assert_eq!(approve(&mut d, 14, "kmd", "h1").map_err(|_| ()), Ok(()));
    assert_eq!(
        d.meeting("m").map(|m| m.waiting_for(&d.forum)),
        Some(vec!["ntl".to_string()])
    );
    approve(&mut d, 15, "ntl", "h1").expect("ntl approves");
    let m = d.meeting("m").expect("m");
    assert_eq!(m.status, MeetingStatus::Approved);
    assert!(m.approved_at.is_some());
    assert_eq!(
        d.apply(&meta(16, "kmd"), edit.clone()),
        Err(RejectReason::Locked)
    );
    // A change after approval: reopen, edit, a new round. The approved version stays.
    set_status(&mut d, 17, MeetingStatus::Closed).expect("reopen approved minutes");
    d.apply(&meta(18, "kmd"), edit).expect("editable again");
    circulate(&mut d, 19, "h2").expect("new round");
    let m = d.meeting("m").expect("m");
    assert_eq!(m.status, MeetingStatus::Circulated);
    assert!(m.approvals.is_empty());
    assert_eq!(m.earlier_versions.len(), 1);
    let old = &m.earlier_versions[0];
    assert_eq!(old.hash, "h1");
    assert_eq!(old.approvals.len(), 2);
    assert_eq!(
        old.meeting
            .items
            .iter()
            .find(|i| i.id == "a")
            .map(|i| i.notes.as_str()),
        Some("")
    );
}

#[test]
fn the_round_needs_the_parties_fixed_when_it_was_circulated() {
    let mut d = doc_with_item();
    set_status(&mut d, 10, MeetingStatus::Open).expect("open");
    set_status(&mut d, 11, MeetingStatus::Closed).expect("close");
    assert_eq!(
        circulate(&mut d, 12, "h1"),
        Err(RejectReason::NotAnApprover),
        "no parties: nobody could approve"
    );
    d.forum = forum_of(&["kmd", "ntl"]);
    circulate(&mut d, 13, "h1").expect("circulate");
    // A party added later is not needed; one not in the round cannot answer.
    d.forum = forum_of(&["kmd", "ntl", "unio"]);
    assert_eq!(
        approve(&mut d, 14, "unio", "h1"),
        Err(RejectReason::NotAnApprover)
    );
    approve(&mut d, 15, "kmd", "h1").expect("kmd");
    // The last party asking for changes does not approve the minutes.
    d.apply(
        &meta(16, "ntl"),
        Change::RequestChanges {
            meeting: "m".into(),
            party: "ntl".into(),
            hash: "h1".into(),
            text: "Mangler vårt syn".into(),
        },
    )
    .expect("ntl asks");
    assert_eq!(
        d.meeting("m").map(|m| m.status),
        Some(MeetingStatus::Circulated)
    );
    approve(&mut d, 17, "ntl", "h1").expect("ntl approves after all");
    assert_eq!(
        d.meeting("m").map(|m| m.status),
        Some(MeetingStatus::Approved)
    );
}

#[test]
fn a_party_may_ask_for_changes_and_only_for_itself() {
    let mut d = doc_with_item();
    d.forum = forum_of(&["kmd", "ntl"]);
    set_status(&mut d, 10, MeetingStatus::Open).expect("open");
    set_status(&mut d, 11, MeetingStatus::Closed).expect("close");
    circulate(&mut d, 12, "h1").expect("circulate");
    let ask = |party: &str| Change::RequestChanges {
        meeting: "m".into(),
        party: party.into(),
        hash: "h1".into(),
        text: "Sak 2: vårt standpunkt mangler".into(),
    };
    assert_eq!(
        d.apply(&meta(13, "kmd"), ask("ntl")),
        Err(RejectReason::NotYourParty)
    );
    d.apply(&meta(14, "ntl"), ask("ntl")).expect("own party");
    approve(&mut d, 15, "kmd", "h1").expect("kmd");
    let m = d.meeting("m").expect("m");
    assert_eq!(m.status, MeetingStatus::Circulated, "ntl has not approved");
    assert_eq!(m.waiting_for(&d.forum), vec!["ntl".to_string()]);
}

#[test]
fn two_concurrent_different_counts_are_a_conflict_until_settled() {
    let mut d = doc_with_item();
    d.apply(
        &meta(6, "kmd"),
        Change::VoteOpen {
            meeting: "m".into(),
            item: "a".into(),
            vote: "v".into(),
            question: "q".into(),
            options: crate::model::VoteOption::defaults(["For", "Mot", "Avstår"]),
            method: crate::model::VoteMethod::Count,
            rule: crate::model::VoteRule::SimpleMajority,
        },
    )
    .expect("open");
    let count = |counts: Vec<u32>, replaces: Vec<String>| Change::VoteCount {
        meeting: "m".into(),
        item: "a".into(),
        vote: "v".into(),
        counts,
        replaces,
    };
    // Two terminals type a count without seeing each other's.
    d.apply(&meta(7, "kmd"), count(vec![5, 2, 1], vec![]))
        .expect("count");
    d.apply(&meta(8, "referent"), count(vec![4, 3, 1], vec![]))
        .expect("count");
    let vote = |d: &Doc| {
        d.meeting("m")
            .and_then(|m| m.item("a"))
            .map(|i| i.votes[0].clone())
            .expect("vote")
    };
    assert!(vote(&d).count_conflict());
    assert_eq!(vote(&d).counts, None, "neither count is chosen");
    assert_eq!(vote(&d).outcome, None);
    // The chair settles it, seeing both.
    d.apply(
        &meta(9, "kmd"),
        count(vec![5, 2, 1], vec!["w:7".into(), "w:8".into()]),
    )
    .expect("settle");
    assert!(!vote(&d).count_conflict());
    assert_eq!(vote(&d).counts, Some(vec![5, 2, 1]));
    assert!(vote(&d).outcome.is_some_and(|o| o.adopted));
    // The same count typed twice is no conflict.
    d.apply(&meta(10, "kmd"), count(vec![5, 2, 1], vec!["w:9".into()]))
        .expect("count");
    d.apply(
        &meta(11, "referent"),
        count(vec![5, 2, 1], vec!["w:9".into()]),
    )
    .expect("count");
    assert!(!vote(&d).count_conflict());
}

#[test]
fn the_speakers_list_keeps_order_and_time_per_party() {
    let mut d = doc_with_item();
    let sp = |c: fn(Id, Id, Id) -> Change, who: &str| c("m".into(), "a".into(), who.into());
    let req = |m, i, s| Change::SpeakerRequest {
        meeting: m,
        item: i,
        speaker: s,
    };
    let start = |m, i, s| Change::SpeakerStart {
        meeting: m,
        item: i,
        speaker: s,
    };
    d.apply(&meta(6, "ntl"), sp(req, "s1")).expect("request");
    d.apply(&meta(7, "unio"), sp(req, "s2")).expect("request");
    d.apply(&meta(8, "kmd"), sp(start, "s1"))
        .expect("floor to NTL");
    d.apply(&meta(14, "kmd"), sp(start, "s2"))
        .expect("floor to Unio");
    let item = d.meeting("m").and_then(|m| m.item("a")).expect("a").clone();
    assert_eq!(item.speakers[0].party.as_deref(), Some("ntl"));
    assert!(
        item.speakers[0].ended_at.is_some(),
        "giving the floor to the next ends the one before"
    );
    assert!(item.speakers[1].speaking());
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-08T10:20:00+01:00").expect("time");
    let used = item.party_speaking_time(now);
    assert_eq!(
        used[0],
        ("ntl".to_string(), 6 * 60),
        "NTL spoke 10:08 to 10:14"
    );
    assert_eq!(
        used[1],
        ("unio".to_string(), 6 * 60),
        "Unio from 10:14, still speaking at 10:20"
    );
    assert_eq!(
        d.apply(&meta(15, "kmd"), sp(start, "s1")),
        Err(RejectReason::UnknownTarget),
        "a speaker who spoke is not waiting"
    );
}

#[test]
fn a_deleted_item_stays_deleted() {
    let mut d = doc_with_item();
    d.apply(
        &meta(6, "kmd"),
        Change::ItemDelete {
            meeting: "m".into(),
            item: "a".into(),
        },
    )
    .expect("delete");
    assert_eq!(titles(&d), ["B"]);
    let late = Change::ItemSet {
        meeting: "m".into(),
        item: "a".into(),
        set: ItemField::Notes("sent".into()),
    };
    assert_eq!(
        d.apply(&meta(7, "kmd"), late).expect_err("gone"),
        RejectReason::UnknownTarget
    );
    assert_eq!(titles(&d), ["B"]);
}

fn add_item(d: &mut Doc, n: u32, meeting: &str, id: &str, number: u32) {
    add_item_of_kind(d, n, meeting, id, number, ItemKind::Information);
}

/// Item `id` added to `meeting` by the chair at clock `n`, claiming `number`/26 in the
/// forum's log as a new item does.
pub(super) fn add_item_of_kind(
    d: &mut Doc,
    n: u32,
    meeting: &str,
    id: &str,
    number: u32,
    kind: ItemKind,
) {
    let number = ItemNumber {
        n: number,
        year: 2026,
    };
    d.apply(
        &meta(n, "kmd"),
        Change::ItemAdd {
            meeting: meeting.into(),
            item: id.into(),
            number,
            title: id.to_uppercase(),
            kind,
            rank: i64::from(n) * 1024,
        },
    )
    .expect("item");
    d.apply(
        &meta(n, "kmd"),
        Change::ItemNumbers {
            meeting: meeting.into(),
            numbers: vec![(id.into(), number)],
            fixed: false,
        },
    )
    .expect("claim");
}

pub(super) fn number_of(d: &Doc, meeting: &str, item: &str) -> String {
    d.meeting(meeting)
        .and_then(|m| m.item(item))
        .map(|i| i.number.to_string())
        .unwrap_or_default()
}

#[test]
fn two_machines_claiming_one_sak_number_end_with_distinct_numbers_the_first_keeping_it() {
    // a (2/26) and b (3/26) are there; two machines each add an item as 4/26.
    let mut d = doc_with_item();
    add_item(&mut d, 20, "m", "late", 4);
    add_item(&mut d, 10, "m", "early", 4);
    d.settle_numbers();
    assert_eq!(
        number_of(&d, "m", "early"),
        "4/26",
        "the first claim keeps it"
    );
    assert_eq!(number_of(&d, "m", "late"), "5/26");
    // The same ops in the other order settle the same way.
    let mut e = doc_with_item();
    add_item(&mut e, 10, "m", "early", 4);
    add_item(&mut e, 20, "m", "late", 4);
    e.settle_numbers();
    assert_eq!(number_of(&e, "m", "late"), "5/26");
    let claimed = e
        .meeting("m")
        .and_then(|m| m.item("late"))
        .and_then(|i| i.claim.clone());
    assert_eq!(claimed.map(|c| c.number.to_string()), Some("4/26".into()));
}

#[test]
fn a_number_shown_in_circulated_minutes_never_changes() {
    let mut d = doc_with_item();
    add_item(&mut d, 30, "m", "shown", 4);
    d.settle_numbers();
    d.apply(
        &meta(31, "kmd"),
        Change::ItemNumbers {
            meeting: "m".into(),
            numbers: vec![("shown".into(), ItemNumber { n: 4, year: 2026 })],
            fixed: true,
        },
    )
    .expect("fixed");
    // A claim made earlier on a machine that synced late: it must move, not the shown one.
    d.apply(
        &meta(5, "kmd"),
        Change::ItemNumbers {
            meeting: "other".into(),
            numbers: vec![("elsewhere".into(), ItemNumber { n: 4, year: 2026 })],
            fixed: false,
        },
    )
    .expect("claim");
    d.settle_numbers();
    assert_eq!(number_of(&d, "m", "shown"), "4/26");
}

#[test]
fn numbers_claimed_in_another_meeting_are_kept_clear_of() {
    let mut d = doc_with_item();
    // Another meeting (not loaded) claimed 4/26 first; only its claim in the forum's log
    // is known here.
    d.apply(
        &meta(5, "kmd"),
        Change::ItemNumbers {
            meeting: "other".into(),
            numbers: vec![("x".into(), ItemNumber { n: 4, year: 2026 })],
            fixed: false,
        },
    )
    .expect("claim");
    add_item(&mut d, 20, "m", "mine", 4);
    d.settle_numbers();
    assert_eq!(number_of(&d, "m", "mine"), "5/26");
}

#[test]
fn a_claim_of_the_largest_number_cannot_overflow_the_settling() {
    let mut d = doc_with_item();
    add_item(&mut d, 10, "m", "huge", u32::MAX);
    add_item(&mut d, 20, "m", "late", u32::MAX);
    d.settle_numbers();
    assert_eq!(number_of(&d, "m", "huge"), format!("{}/26", u32::MAX));
}

#[test]
fn the_chair_puts_hjemler_over_the_default_list_and_a_rep_may_not() {
    use crate::model::{Hjemmel, default_hjemler};
    let mut d = doc_with_item();
    let n = default_hjemler().len();
    assert_eq!(
        d.forum.hjemler().len(),
        n,
        "a forum starts with the defaults"
    );
    let put = |hjemmel: Hjemmel| Change::HjemmelPut { hjemmel };
    let h = |id: &str, short: &str| Hjemmel {
        id: id.into(),
        short: short.into(),
        description: String::new(),
        retired: false,
    };
    d.apply(
        &meta(10, "kmd"),
        put(h("offl-14", "offl. § 14 første ledd")),
    )
    .expect("the chair edits one");
    d.apply(&meta(11, "kmd"), put(h("sikkerhetsloven", "sikkl. § 5-2")))
        .expect("the chair adds one");
    let retired = Hjemmel {
        retired: true,
        ..h("offl-26", "offl. § 26")
    };
    d.apply(&meta(12, "kmd"), put(retired))
        .expect("the chair retires one");
    let refused = d
        .apply(&meta(13, "ntl"), put(h("ntl", "ntl § 1")))
        .expect_err("a rep does not keep the forum's list");
    assert_eq!(refused, RejectReason::NotYourRole);
    let list = d.forum.hjemler();
    let shorts: Vec<&str> = list.iter().map(|h| h.short.as_str()).collect();
    assert_eq!(list.len(), n, "one added, one retired: {shorts:?}");
    assert_eq!(shorts[1], "offl. § 14 første ledd", "edited in its place");
    assert_eq!(shorts.last(), Some(&"sikkl. § 5-2"));
    assert!(!shorts.contains(&"offl. § 26") && !shorts.contains(&"ntl § 1"));
}
