//! `samrad show` and `list` read what the last run kept (the minutes as shown, the forum in
//! the archive index) and still show what the logs say after they changed behind samrad's
//! back: a git checkout, a log replaced by a rename with its old mtime (as Syncthing
//! writes), a log written in place by another program, a change to the forum. What was
//! kept by another samrad version is not used.
//!
//! The logs are set an hour back before each run, so that what samrad kept is kept (it
//! keeps nothing of a log changed moments ago) and the marks are what tell.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use common::R;
use common::authors::chair;
use common::git::{commit_all, git_ok, git_or_skip};
use common::meetings::OneItemMeeting;
use common::sandbox::Sandbox;
use samrad::model::{Author, Change, ItemField, ItemNumber};
use samrad::store::{Load, Store};

const MEETING: &str = "m-2027-03-12-b";
const ITEM: &str = "m-b-i";

/// A seeded folder with a meeting of one item after the template's: the latest.
fn folder() -> Result<(Sandbox, Store), Box<dyn std::error::Error>> {
    let s = Sandbox::seeded();
    let mut store = Store::open(&s.data, Author::default())?;
    let m = OneItemMeeting::new(MEETING, "Møte i mars", "2027-03-12T10:00:00+01:00").item(
        ITEM,
        ItemNumber { n: 1, year: 2027 },
        "Fjernarbeid og kontor",
    );
    m.commit_to(&mut store, &chair())?;
    Ok((s, store))
}

fn notes(text: &str) -> Change {
    Change::ItemSet {
        meeting: MEETING.into(),
        item: ITEM.into(),
        set: ItemField::Notes(text.into()),
    }
}

/// Drop this machine's journals of what its writers wrote, as if the logs were another
/// machine's: samrad puts its own writers' logs back from them when a sync cuts one.
fn as_anothers(root: &Path) -> R {
    let journals = root.join("local").join("journal");
    if journals.exists() {
        std::fs::remove_dir_all(journals)?;
    }
    Ok(())
}

/// Every log file and folder an hour back.
fn age_logs(root: &Path) -> R {
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    let log = root.join("log");
    for dir in std::fs::read_dir(&log)? {
        let dir = dir?.path();
        for file in std::fs::read_dir(&dir)? {
            let file = file?.path();
            std::fs::File::options()
                .append(true)
                .open(&file)?
                .set_modified(hour_ago)?;
        }
        std::fs::File::open(&dir)?.set_modified(hour_ago)?;
    }
    std::fs::File::open(&log)?.set_modified(hour_ago)?;
    Ok(())
}

/// The chair's log of the meeting (the one file in its folder).
fn meeting_log(root: &Path) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let dir = root.join("log").join(MEETING);
    let mut logs: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    assert_eq!(logs.len(), 1, "{logs:?}");
    Ok(logs.remove(0))
}

/// `show latest`, run twice: the first run keeps what it folded, the second uses it.
fn show_twice(s: &Sandbox) -> Result<String, Box<dyn std::error::Error>> {
    let first = s.run(&["show", "latest"]).ok().to_string();
    let kept = s.data.join("index").join(format!("m-{MEETING}.shown.json"));
    assert!(kept.exists(), "the first run keeps the minutes it folded");
    let second = s.run(&["show", "latest"]).ok().to_string();
    assert_eq!(first, second, "the kept minutes are the folded ones");
    Ok(second)
}

#[test]
fn show_latest_sees_a_git_checkout_of_the_meetings_log() -> R {
    if !git_or_skip("show_latest_sees_a_git_checkout_of_the_meetings_log") {
        return Ok(());
    }
    let (s, mut store) = folder()?;
    git_ok(&s.data, &["init", "-q"]);
    commit_all(&s.data, "before");
    store.commit(notes("Partene drøftet hjemmekontor."))?;
    as_anothers(&s.data)?;
    age_logs(&s.data)?;
    assert!(show_twice(&s)?.contains("hjemmekontor"));
    git_ok(&s.data, &["checkout", "--", "log"]);
    age_logs(&s.data)?;
    let shown = s.run(&["show", "latest"]).ok().to_string();
    assert!(
        !shown.contains("hjemmekontor"),
        "the notes are gone with the checkout:\n{shown}"
    );
    Ok(())
}

#[test]
fn show_latest_sees_a_log_replaced_by_a_rename_with_its_old_mtime() -> R {
    let (s, mut store) = folder()?;
    store.commit(notes("Første runde."))?;
    let log = meeting_log(&s.data)?;
    let before = std::fs::read(&log)?;
    store.commit(notes("Partene drøftet sykefravær."))?;
    as_anothers(&s.data)?;
    age_logs(&s.data)?;
    assert!(show_twice(&s)?.contains("sykefravær"));
    let old_mtime = std::fs::metadata(&log)?.modified()?;
    let tmp = log.with_file_name(".syncthing.log.tmp");
    std::fs::write(&tmp, &before)?;
    std::fs::File::options()
        .write(true)
        .open(&tmp)?
        .set_modified(old_mtime)?;
    std::fs::rename(&tmp, &log)?;
    let shown = s.run(&["show", "latest"]).ok().to_string();
    assert!(shown.contains("Første runde"), "{shown}");
    assert!(!shown.contains("sykefravær"), "{shown}");
    Ok(())
}

#[test]
fn show_latest_sees_a_log_written_in_place_by_another_program() -> R {
    let (s, mut store) = folder()?;
    let log = meeting_log(&s.data)?;
    let before = std::fs::read(&log)?;
    store.commit(notes("Partene drøftet lønnsoppgjøret."))?;
    age_logs(&s.data)?;
    assert!(show_twice(&s)?.contains("lønnsoppgjøret"));
    // `cp` over an existing file: the same file and folder, a new length and mtime.
    std::fs::write(&log, &before)?;
    let shown = s.run(&["show", "latest"]).ok().to_string();
    assert!(!shown.contains("lønnsoppgjøret"), "{shown}");
    Ok(())
}

#[test]
fn show_latest_sees_a_change_to_the_forum() -> R {
    let (s, mut store) = folder()?;
    age_logs(&s.data)?;
    assert!(!show_twice(&s)?.contains("Ny forumtittel"));
    let id = store.load(&Load::Forum).forum.id;
    store.commit(Change::Forum {
        id,
        name: "Ny forumtittel".into(),
    })?;
    age_logs(&s.data)?;
    let shown = s.run(&["show", "latest"]).ok().to_string();
    assert!(shown.contains("Ny forumtittel"), "{shown}");
    Ok(())
}

#[test]
fn minutes_kept_by_another_samrad_version_are_not_used() -> R {
    let (s, _store) = folder()?;
    age_logs(&s.data)?;
    let shown = show_twice(&s)?;
    assert!(shown.contains("Møte i mars"));
    let kept = s.data.join("index").join(format!("m-{MEETING}.shown.json"));
    let text = std::fs::read_to_string(&kept)?;
    let binary = format!("\"binary\":\"{}\"", env!("CARGO_PKG_VERSION"));
    assert!(text.contains(&binary), "the kept minutes name their samrad");
    // The same file, as another version of samrad kept it, with other minutes in it.
    let planted = text
        .replace(&binary, "\"binary\":\"0.0.1\"")
        .replace("Møte i mars", "Plantet tittel");
    std::fs::write(&kept, planted)?;
    samrad::store::local_mark::note(&kept)?;
    let shown = s.run(&["show", "latest"]).ok().to_string();
    assert!(shown.contains("Møte i mars"), "{shown}");
    assert!(!shown.contains("Plantet tittel"), "{shown}");
    Ok(())
}

#[test]
fn list_sees_a_party_added_to_the_forum() -> R {
    let (s, mut store) = folder()?;
    age_logs(&s.data)?;
    s.run(&["list"]).ok();
    let unknown = s
        .run(&["list", "--party", "nyttforbund"])
        .fails()
        .to_string();
    assert!(unknown.contains("nyttforbund"), "{unknown}");
    store.commit(Change::PartyPut {
        party: samrad::model::Party {
            id: "nyttforbund".into(),
            name: "Nytt forbund".into(),
            short: "NF".into(),
            side: samrad::model::Side::Union,
            confederation: None,
        },
    })?;
    age_logs(&s.data)?;
    s.run(&["list", "--party", "nyttforbund"]).ok();
    Ok(())
}
