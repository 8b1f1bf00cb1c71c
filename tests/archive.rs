//! The archive index and search, over a real data folder: rows newest first, filters on one
//! item, search without case (Norwegian letters too), snippets, the word index agreeing with
//! the scan, and the index following changes meeting by meeting.

mod common;

use common::R;
use common::authors::{chair, for_party};
use common::meetings::OneItemMeeting;
use proptest::prelude::*;
use samrad::model::{Author, Change, ItemField, ItemNumber, Stance};
use samrad::search::{self, Filter, WordIndex};
use samrad::store::archive::{Archive, Field};
use samrad::store::{Layout, Store};

/// A meeting with one item linked to `areas`, and each party's position on it.
fn meeting(
    store: &mut Store,
    id: &str,
    date: &str,
    n: u32,
    title: &str,
    areas: &[&str],
    positions: &[(&str, Stance, &str)],
) -> R {
    let mut m = OneItemMeeting::new(
        id,
        &format!("Møte {date}"),
        &format!("{date}T10:00:00+01:00"),
    )
    .item(&format!("{id}-i"), ItemNumber { n, year: 2025 }, title)
    .on(areas);
    for (party, stance, reason) in positions {
        m = m.position(party, *stance, reason);
    }
    m.commit_to(store, &chair())?;
    Ok(())
}

/// Three meetings: NTL disagrees on an item of area 1 only in the middle one.
fn folder() -> Result<(tempfile::TempDir, Store), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let mut store = Store::open(dir.path(), Author::default())?;
    meeting(
        &mut store,
        "m-a",
        "2025-01-15",
        1,
        "Lønnspolitikk",
        &["uo2"],
        &[("ntl", Stance::Disagree, "Vi er uenige i prioriteringen.")],
    )?;
    meeting(
        &mut store,
        "m-b",
        "2025-03-12",
        5,
        "Samordning av IKT-tjenester",
        &["uo1", "uo3"],
        &[
            (
                "ntl",
                Stance::Disagree,
                "ÆRLIG talt: for lite medvirkning fra de ansatte.",
            ),
            (
                "unio",
                Stance::Agree,
                "Enig i forslaget om felles tjenester.",
            ),
        ],
    )?;
    meeting(
        &mut store,
        "m-c",
        "2025-06-04",
        9,
        "Kompetanseplan for 2026",
        &["uo1"],
        &[(
            "ntl",
            Stance::Agree,
            "Støtter planen, særlig kompetanseløftet.",
        )],
    )?;
    store.set_author(for_party("ntl"));
    store.commit(Change::Statement {
        meeting: "m-c".into(),
        item: "m-c-i".into(),
        party: "ntl".into(),
        text: "NTL vil ha det protokollført: Øvrige tiltak må drøftes særskilt.".into(),
        base: None,
    })?;
    Ok((dir, store))
}

fn open(dir: &tempfile::TempDir) -> Archive {
    let (mut a, _) = Archive::open(&Layout::new(dir.path()));
    if a.text.is_empty() {
        a.load_text(dir.path()).expect("texts");
    }
    a
}

fn ids(a: &Archive, rows: &[usize]) -> Vec<String> {
    rows.iter().map(|&m| a.meetings[m].id.clone()).collect()
}

#[test]
fn meetings_are_listed_newest_first_with_their_counts() -> R {
    let (dir, _store) = folder()?;
    let a = open(&dir);
    let dates: Vec<&str> = a.meetings.iter().map(|m| m.date()).collect();
    assert_eq!(
        dates,
        ["2026-12-08", "2025-06-04", "2025-03-12", "2025-01-15"],
        "the template's first meeting, then ours, newest first"
    );
    let b = &a.meetings[a.meeting_index("m-b").expect("m-b")];
    assert_eq!(b.items, 1);
    assert_eq!(
        a.items_of(a.meeting_index("m-b").expect("m-b"))[0]
            .positions
            .len(),
        2
    );
    let first = &a.meetings[0];
    assert_eq!(
        first.open_actions, 6,
        "NTL's six proposals are open actions of the first meeting"
    );
    Ok(())
}

#[test]
fn party_stance_and_area_filter_one_and_the_same_item() -> R {
    let (dir, _store) = folder()?;
    let a = open(&dir);
    let f = Filter {
        party: Some("ntl".into()),
        stance: Some(Stance::Disagree),
        area: Some("uo1".into()),
        ..Filter::default()
    };
    assert_eq!(ids(&a, &search::filtered_meetings(&a, &f)), ["m-b"]);
    let only_party = Filter {
        party: Some("ntl".into()),
        stance: Some(Stance::Disagree),
        ..Filter::default()
    };
    assert_eq!(
        ids(&a, &search::filtered_meetings(&a, &only_party)),
        ["m-b", "m-a"]
    );
    let dates = Filter {
        since: chrono::NaiveDate::from_ymd_opt(2025, 2, 1),
        until: chrono::NaiveDate::from_ymd_opt(2025, 12, 31),
        ..Filter::default()
    };
    assert_eq!(
        ids(&a, &search::filtered_meetings(&a, &dates)),
        ["m-c", "m-b"]
    );
    Ok(())
}

#[test]
fn search_ignores_case_also_for_norwegian_letters_and_gives_snippets() -> R {
    let (dir, _store) = folder()?;
    let a = open(&dir);
    let f = Filter::default();
    // Words match inside words: "ærlig" is in "særlig" too.
    assert_eq!(search::scan(&a, "ærlig", &f).len(), 2);
    for q in ["ærlig talt", "ÆRLIG TALT", "Ærlig Talt"] {
        let hits = search::scan(&a, q, &f);
        assert_eq!(
            hits.len(),
            1,
            "{q}: {:?}",
            hits.iter()
                .map(|h| a.doc_text(&a.docs[*h as usize]))
                .collect::<Vec<_>>()
        );
        let d = &a.docs[hits[0] as usize];
        assert_eq!(d.field, Field::Position);
        assert_eq!(a.party_id(d.party), Some("ntl"));
        let (before, hit, after) = search::snippet(&a.doc_text(d), q, 40);
        assert_eq!(hit, "ÆRLIG", "the match as written");
        assert!(
            before.is_empty() && after.starts_with(" talt"),
            "{before}|{hit}|{after}"
        );
    }
    let hits = search::scan(&a, "øvrige TILTAK", &f);
    assert_eq!(hits.len(), 1, "both words in one text");
    assert_eq!(a.docs[hits[0] as usize].field, Field::Statement);
    assert!(search::scan(&a, "øvrige lønnspolitikk", &f).is_empty());
    Ok(())
}

#[test]
fn search_filters_by_party_area_and_dates() -> R {
    let (dir, _store) = folder()?;
    let a = open(&dir);
    let all = search::scan(&a, "medvirkning", &Filter::default());
    assert!(!all.is_empty());
    let unio = Filter {
        party: Some("unio".into()),
        ..Filter::default()
    };
    assert!(
        search::scan(&a, "medvirkning", &unio).is_empty(),
        "NTL said it, not Unio"
    );
    let area2 = Filter {
        area: Some("uo2".into()),
        ..Filter::default()
    };
    let hits = search::scan(&a, "uenige", &area2);
    assert_eq!(hits.len(), 1);
    assert_eq!(
        a.meetings[a.docs[hits[0] as usize].meeting as usize].id,
        "m-a"
    );
    let late = Filter {
        since: chrono::NaiveDate::from_ymd_opt(2025, 5, 1),
        ..Filter::default()
    };
    assert!(search::scan(&a, "uenige", &late).is_empty());
    Ok(())
}

#[test]
fn the_index_follows_changes_meeting_by_meeting() -> R {
    let (dir, mut store) = folder()?;
    let layout = Layout::new(dir.path());
    let (_, first) = Archive::open(&layout);
    assert!(first.written);
    let (_, warm) = Archive::open(&layout);
    assert_eq!(warm.folded, 0, "nothing changed: nothing folded");
    store.set_author(chair());
    store.commit(Change::ItemSet {
        meeting: "m-b".into(),
        item: "m-b-i".into(),
        set: ItemField::Notes("Partene drøftet fjernarbeid grundig.".into()),
    })?;
    let (mut a, changed) = Archive::open(&layout);
    assert_eq!(changed.folded, 1, "only the meeting that changed");
    assert_eq!(changed.reused, 3);
    if a.text.is_empty() {
        a.load_text(dir.path())?;
    }
    assert_eq!(search::scan(&a, "fjernarbeid", &Filter::default()).len(), 1);
    // A changed forum (an action) keeps the meetings and brings the action in.
    store.commit(Change::ActionAdd {
        id: "a-new".into(),
        title: "Kartlegge behovet for hjemmekontorutstyr".into(),
        owner: samrad::model::Owner::Party("kmd".into()),
        due: None,
        status: samrad::model::ActionStatus::Open,
        meeting: Some("m-b".into()),
        item: Some("m-b-i".into()),
        areas: vec!["uo3".into()],
        proposed_by: Some("ntl".into()),
    })?;
    let (mut a, after) = Archive::open(&layout);
    assert_eq!(after.folded, 0, "the meetings themselves did not change");
    a.load_text(dir.path())?;
    let hits = search::scan(&a, "hjemmekontorutstyr", &Filter::default());
    assert_eq!(hits.len(), 1);
    assert_eq!(a.docs[hits[0] as usize].field, Field::Action);
    let b = a.meeting_index("m-b").expect("m-b");
    assert_eq!(a.meetings[b].open_actions, 1);
    Ok(())
}

#[test]
fn a_damaged_index_is_rebuilt_not_trusted() -> R {
    let (dir, _store) = folder()?;
    let layout = Layout::new(dir.path());
    let _ = Archive::open(&layout);
    std::fs::write(
        dir.path().join("index").join("archive.bin"),
        b"not an index",
    )?;
    let (a, r) = Archive::open(&layout);
    assert_eq!(r.folded, 4);
    assert_eq!(a.meetings.len(), 4);
    std::fs::write(dir.path().join("index").join("search.txt"), b"short")?;
    let (_, r) = Archive::open(&layout);
    assert_eq!(r.folded, 4, "texts that do not fit the rows are not used");
    for part in ["archive.items.bin", "archive.texts.bin"] {
        std::fs::write(dir.path().join("index").join(part), b"not rows")?;
        let (a, r) = Archive::open(&layout);
        assert_eq!(r.folded, 4, "{part} damaged: the index is built anew");
        assert_eq!(
            a.items.len(),
            a.meetings.iter().map(|m| m.items as usize).sum::<usize>()
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// The TUI's word index finds exactly what the scan finds, for any query made of
    /// pieces of the archive's words, in any case.
    #[test]
    fn word_index_and_scan_agree(picks in proptest::collection::vec((0usize..400, 0usize..6, 1usize..5, any::<bool>()), 1..3)) {
        let (dir, _store) = folder().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let a = open(&dir);
        let words = WordIndex::build(&a);
        let vocab: Vec<String> = search::query_words(&a.text);
        let query: Vec<String> = picks
            .iter()
            .map(|(w, from, len, upper)| {
                let word: Vec<char> = vocab[w % vocab.len()].chars().collect();
                let from = from % word.len();
                let piece: String = word[from..(from + len).min(word.len())].iter().collect();
                if *upper { piece.to_uppercase() } else { piece }
            })
            .collect();
        let q = query.join(" ");
        for f in [Filter::default(), Filter { party: Some("ntl".into()), ..Filter::default() }] {
            prop_assert_eq!(words.search(&a, &q, &f), search::scan(&a, &q, &f), "query {:?}", q);
        }
    }
}

#[test]
fn minutes_are_the_same_whether_one_meeting_or_all_are_folded() -> R {
    let dir = tempfile::tempdir()?;
    samrad::demo_data::run(dir.path(), 12, 5)?;
    let mut all = Store::open(dir.path(), Author::default())?;
    let everything = all.load(&samrad::store::Load::All);
    assert!(everything.meetings.len() > 10);
    for m in &everything.meetings {
        let mut one = Store::open(dir.path(), Author::default())?;
        let doc = one.load(&samrad::store::Load::Meeting(m.id.clone()));
        assert_eq!(
            doc.minutes(&m.id),
            everything.minutes(&m.id),
            "minutes of {} depend on what was folded",
            m.id
        );
    }
    Ok(())
}
