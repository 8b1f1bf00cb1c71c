//! The archive index stays right when logs change behind samrad's back, though a command no
//! longer looks at every log file: a git checkout of a changed log, a log copied in from
//! elsewhere, a log replaced by a rename (as Syncthing writes), a log appended to by another
//! samrad process, a file made just after the index was written. What another program
//! writes into a log in place is found by the thorough check (the TUI's).
//!
//! The log folders are set an hour back before the index is built, so that the folder
//! mtimes, the journal of appends and the file marks are what tell, not the rule that
//! looks file by file at a folder changed moments before its mark was taken.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime};

use common::R;
use common::authors::chair;
use common::git::{commit_all, git_ok, git_or_skip};
use common::meetings::OneItemMeeting;
use samrad::model::{Author, Change, ItemField, ItemNumber};
use samrad::search::{self, Filter};
use samrad::store::archive::{Archive, Depth};
use samrad::store::{Layout, Store};

const MEETING: &str = "m-b";
const ITEM: &str = "m-b-i";
const CHILD_ENV: &str = "SAMRAD_TEST_FRESH_CHILD";

/// A folder with one meeting of one item, written by the chair.
fn folder() -> Result<(tempfile::TempDir, Store), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let mut store = Store::open(dir.path(), Author::default())?;
    let m = OneItemMeeting::new(MEETING, "Møte i mars", "2025-03-12T10:00:00+01:00").item(
        ITEM,
        ItemNumber { n: 1, year: 2025 },
        "Fjernarbeid og kontor",
    );
    m.commit_to(&mut store, &chair())?;
    Ok((dir, store))
}

/// New notes on the meeting's item.
fn notes(text: &str) -> Change {
    Change::ItemSet {
        meeting: MEETING.into(),
        item: ITEM.into(),
        set: ItemField::Notes(text.into()),
    }
}

fn meeting_dir(root: &Path) -> PathBuf {
    root.join("log").join(MEETING)
}

/// Set every log folder's mtime an hour back.
fn age_folders(root: &Path) -> R {
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    let log = root.join("log");
    for entry in std::fs::read_dir(&log)? {
        std::fs::File::open(entry?.path())?.set_modified(hour_ago)?;
    }
    std::fs::File::open(&log)?.set_modified(hour_ago)?;
    Ok(())
}

fn mtime(path: &Path) -> Result<SystemTime, std::io::Error> {
    std::fs::metadata(path)?.modified()
}

/// The index built anew, with the folders an hour old: every mark taken long after the
/// folder last changed.
fn index_anew(root: &Path) -> R {
    age_folders(root)?;
    let _ = std::fs::remove_dir_all(root.join("index"));
    let (_, refresh) = Archive::open(&Layout::new(root));
    assert!(refresh.written, "the index is written");
    Ok(())
}

/// How many texts of the archive, opened as `depth` says, hold `word`, and how many
/// meetings were folded again to answer.
fn hits(root: &Path, word: &str, depth: Depth) -> Result<(usize, usize), std::io::Error> {
    let (mut a, refresh) = Archive::open_checked(&Layout::new(root), depth);
    if a.text.is_empty() {
        a.load_text(root)?;
    }
    Ok((
        search::scan(&a, word, &Filter::default()).len(),
        refresh.folded,
    ))
}

/// The chair's log of the meeting (the one file in its folder).
fn chair_log(root: &Path) -> Result<PathBuf, std::io::Error> {
    let mut logs: Vec<PathBuf> = std::fs::read_dir(meeting_dir(root))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    assert_eq!(logs.len(), 1, "{logs:?}");
    Ok(logs.remove(0))
}

#[test]
fn a_git_checkout_of_a_changed_log_is_seen() -> R {
    if !git_or_skip("a_git_checkout_of_a_changed_log_is_seen") {
        return Ok(());
    }
    let (dir, mut store) = folder()?;
    let root = dir.path();
    git_ok(root, &["init", "-q"]);
    commit_all(root, "before");
    store.commit(notes("Partene drøftet fjernarbeid."))?;
    index_anew(root)?;
    assert_eq!(hits(root, "fjernarbeid", Depth::Folders)?.0, 2);
    // git writes the older version as a new file: the folder's mtime moves.
    git_ok(root, &["checkout", "--", "log"]);
    assert_eq!(
        hits(root, "fjernarbeid", Depth::Folders)?,
        (1, 1),
        "the notes are gone with the checkout; only the title holds the word"
    );
    Ok(())
}

#[test]
fn a_log_copied_in_from_elsewhere_is_seen() -> R {
    let (dir, _store) = folder()?;
    let root = dir.path();
    // Another machine's copy of the folder, where another writer adds notes.
    let other = tempfile::tempdir()?;
    copy_tree(root, other.path())?;
    let mut theirs = Store::open(other.path(), chair())?;
    theirs.commit(notes("Kontorplassene ble gjennomgått."))?;
    index_anew(root)?;
    assert_eq!(hits(root, "kontorplassene", Depth::Folders)?.0, 0);
    let new_log = std::fs::read_dir(meeting_dir(other.path()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            !meeting_dir(root)
                .join(p.file_name().unwrap_or_default())
                .exists()
        })
        .ok_or("the other writer's log")?;
    std::fs::copy(
        &new_log,
        meeting_dir(root).join(new_log.file_name().ok_or("name")?),
    )?;
    assert_eq!(hits(root, "kontorplassene", Depth::Folders)?, (1, 1));
    Ok(())
}

#[test]
fn a_log_replaced_by_a_rename_is_seen() -> R {
    let (dir, mut store) = folder()?;
    let root = dir.path();
    let before = std::fs::read(chair_log(root)?)?;
    store.commit(notes("Partene drøftet hjemmekontor."))?;
    index_anew(root)?;
    assert_eq!(hits(root, "hjemmekontor", Depth::Folders)?.0, 1);
    // As Syncthing writes: the older version into a temp file, renamed over the log, with
    // the log's own mtime kept.
    let log = chair_log(root)?;
    let old_mtime = mtime(&log)?;
    let tmp = meeting_dir(root).join(".syncthing.log.tmp");
    std::fs::write(&tmp, &before)?;
    std::fs::File::options()
        .write(true)
        .open(&tmp)?
        .set_modified(old_mtime)?;
    std::fs::rename(&tmp, &log)?;
    assert_eq!(hits(root, "hjemmekontor", Depth::Folders)?, (0, 1));
    Ok(())
}

#[test]
fn a_log_appended_by_another_samrad_process_is_seen() -> R {
    let (dir, _store) = folder()?;
    let root = dir.path();
    let exe = std::env::current_exe()?;
    let mut child = Command::new(exe)
        .args([
            "appending_child",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, root)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let mut said = BufReader::new(child.stdout.take().ok_or("child stdout")?);
    let mut wait_for = |word: &str| -> R {
        let mut line = String::new();
        loop {
            line.clear();
            if said.read_line(&mut line)? == 0 {
                return Err(format!("the child stopped before saying {word}").into());
            }
            if line.trim() == word {
                return Ok(());
            }
        }
    };
    // Its first note made its log; the index is built after it.
    wait_for("first")?;
    index_anew(root)?;
    let folder_mtime = mtime(&meeting_dir(root))?;
    assert_eq!(hits(root, "sykefravær", Depth::Folders)?.0, 0);
    // Its second note is appended to that log in place.
    child
        .stdin
        .as_mut()
        .ok_or("child stdin")?
        .write_all(b"go\n")?;
    wait_for("second")?;
    assert!(child.wait()?.success());
    assert_eq!(
        mtime(&meeting_dir(root))?,
        folder_mtime,
        "an append in place leaves the folder's mtime: the journal tells"
    );
    assert_eq!(hits(root, "sykefravær", Depth::Folders)?, (1, 1));
    Ok(())
}

/// The other samrad process of `a_log_appended_by_another_samrad_process_is_seen`: notes
/// once, waits for a line on stdin, notes again. Does nothing when run on its own.
#[test]
fn appending_child() -> R {
    let Some(root) = std::env::var_os(CHILD_ENV) else {
        return Ok(());
    };
    let mut store = Store::open(Path::new(&root), chair())?;
    let mut out = std::io::stdout().lock();
    store.commit(notes("Første runde."))?;
    writeln!(out, "\nfirst")?;
    out.flush()?;
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    store.commit(notes("Partene drøftet sykefravær."))?;
    writeln!(out, "second")?;
    out.flush()?;
    Ok(())
}

#[test]
fn a_file_made_just_after_the_index_is_seen() -> R {
    // No aging: the folder's mtime may still read the same after a file is made, within
    // the file system clock's tick; a folder changed this close to its mark is looked at
    // file by file.
    let (dir, _store) = folder()?;
    let root = dir.path();
    let other = tempfile::tempdir()?;
    copy_tree(root, other.path())?;
    Store::open(other.path(), chair())?.commit(notes("Budsjettet ble lagt fram."))?;
    let _ = Archive::open(&Layout::new(root));
    for entry in std::fs::read_dir(meeting_dir(other.path()))? {
        let path = entry?.path();
        let to = meeting_dir(root).join(path.file_name().ok_or("name")?);
        if !to.exists() {
            std::fs::copy(&path, &to)?;
        }
    }
    assert_eq!(hits(root, "budsjettet", Depth::Folders)?, (1, 1));
    Ok(())
}

#[test]
fn what_another_program_writes_into_a_log_in_place_is_found_by_the_thorough_check() -> R {
    let (dir, mut store) = folder()?;
    let root = dir.path();
    let log = chair_log(root)?;
    let before = std::fs::read(&log)?;
    store.commit(notes("Partene drøftet lønnsoppgjøret."))?;
    index_anew(root)?;
    assert_eq!(hits(root, "lønnsoppgjøret", Depth::Files)?.0, 1);
    // `cp` over an existing file writes into it: same file, same folder mtime.
    std::fs::write(&log, &before)?;
    assert_eq!(hits(root, "lønnsoppgjøret", Depth::Files)?, (0, 1));
    Ok(())
}

/// Copy a data folder's logs (not its derived or local files).
fn copy_tree(from: &Path, to: &Path) -> R {
    for entry in std::fs::read_dir(from.join("log"))? {
        let dir = entry?.path();
        let into = to.join("log").join(dir.file_name().ok_or("name")?);
        std::fs::create_dir_all(&into)?;
        for file in std::fs::read_dir(&dir)? {
            let file = file?.path();
            std::fs::copy(&file, into.join(file.file_name().ok_or("name")?))?;
        }
    }
    Ok(())
}

/// A second meeting, made in another copy of the folder, whose folder is then copied in
/// whole (as a sync brings a new meeting): `log/` itself changed, and the quick check,
/// which lists `log/` only when its mtime moved, lists it.
#[test]
fn a_meeting_folder_copied_in_whole_is_seen_and_one_removed_is_gone() -> R {
    let (dir, _store) = folder()?;
    let root = dir.path();
    let other = tempfile::tempdir()?;
    copy_tree(root, other.path())?;
    let mut theirs = Store::open(other.path(), chair())?;
    OneItemMeeting::new("m-c", "Møte i april", "2025-04-09T10:00:00+02:00")
        .item("m-c-i", ItemNumber { n: 2, year: 2025 }, "Kantineordningen")
        .commit_to(&mut theirs, &chair())?;
    index_anew(root)?;
    assert_eq!(hits(root, "kantineordningen", Depth::Folders)?.0, 0);
    // Once more, with nothing changed: the folders are taken from the marks.
    assert_eq!(hits(root, "kantineordningen", Depth::Folders)?, (0, 0));
    let from = other.path().join("log").join("m-c");
    let to = root.join("log").join("m-c");
    std::fs::create_dir_all(&to)?;
    for file in std::fs::read_dir(&from)? {
        let file = file?.path();
        std::fs::copy(&file, to.join(file.file_name().ok_or("name")?))?;
    }
    assert_eq!(hits(root, "kantineordningen", Depth::Folders)?, (1, 1));
    age_folders(root)?;
    let _ = Archive::open(&Layout::new(root));
    std::fs::remove_dir_all(&to)?;
    let (a, _) = Archive::open(&Layout::new(root));
    assert!(
        a.meetings.iter().all(|m| m.id != "m-c"),
        "a meeting whose folder is gone is gone from the index"
    );
    Ok(())
}

/// Opening a folder leaves `log/` as it was: its mtime is what tells the quick check that
/// a meeting folder was made or removed, so the check lists `log/` only when one was.
#[test]
fn opening_the_folder_leaves_the_log_folders_mtime_alone() -> R {
    let (dir, store) = folder()?;
    drop(store);
    let log = dir.path().join("log");
    let before = mtime(&log)?;
    std::thread::sleep(Duration::from_millis(20));
    drop(Store::open(dir.path(), chair())?);
    let _ = Archive::open(&Layout::new(dir.path()));
    assert_eq!(mtime(&log)?, before);
    Ok(())
}
