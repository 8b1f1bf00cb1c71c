//! The data folder from the command line: `samrad init` makes and seeds one, the commands
//! that read refuse a folder without samrad data and make nothing, and an output file
//! given as a bare name lands in the current folder.

mod common;

use std::path::{Path, PathBuf};

use common::TEMPLATE_MEETING as MEETING;
use common::files::{contents, files_under};
use common::meetings::{OneItemMeeting, commit_each};
use common::sandbox::Sandbox;
use samrad::model::{ItemNumber, Stance};

const EN: &str = "en_US.UTF-8";

/// Every file and folder under `dir`, with each file's bytes (none when `dir` is absent).
fn tree(dir: &Path) -> Vec<(PathBuf, Option<Vec<u8>>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries {
            let p = e.expect("dir entry").path();
            if p.is_dir() {
                stack.push(p.clone());
                out.push((p, None));
            } else {
                let bytes = std::fs::read(&p).expect("read");
                out.push((p, Some(bytes)));
            }
        }
    }
    out.sort();
    out
}

/// Every command that only reads, as a user would type it.
fn reading_commands(signatures: &str) -> Vec<Vec<&str>> {
    vec![
        vec!["list"],
        vec!["list", "--stance", "uenig"],
        vec!["show", "latest"],
        vec!["search", "kompetanse"],
        vec!["export", "latest"],
        vec!["export", "latest", "--protokoll", "1"],
        vec!["export", "latest", "--signatures", signatures],
        vec!["actions", "--open"],
        vec!["verify", "latest"],
        vec!["verify", "--all"],
    ]
}

#[test]
fn reading_commands_refuse_a_folder_without_samrad_data_and_make_nothing() {
    let s = Sandbox::new();
    let missing = s.home().join("nonexistent").join("x");
    let empty = s.home().join("empty");
    let other = s.home().join("other");
    std::fs::create_dir(&empty).expect("mkdir");
    std::fs::create_dir_all(other.join("log")).expect("mkdir");
    std::fs::write(other.join("notes.txt"), "not samrad's\n").expect("write");
    let signatures = s.home().join("sigs");
    let signatures = signatures.to_str().expect("UTF-8 temp path");

    for (dir, said) in [
        (&missing, "does not exist"),
        (&empty, "holds no samrad data"),
        (&other, "holds no samrad data"),
    ] {
        let before = tree(dir);
        for args in reading_commands(signatures) {
            let run = s.run_in(dir, EN, &args);
            let err = run.fails();
            let init = format!("`samrad init {}`", dir.display());
            for needle in [&dir.display().to_string(), said, &init] {
                assert!(err.contains(needle), "{needle:?}\n{}", run.describe());
            }
            assert_eq!(err.lines().count(), 1, "one line\n{}", run.describe());
            assert_eq!(tree(dir), before, "samrad {} wrote", args.join(" "));
        }
    }
    assert!(
        !s.home().join("nonexistent").exists(),
        "the missing folder (or its parent) was made"
    );
    assert!(
        !Path::new(signatures).exists(),
        "the signatures folder was made"
    );

    let nb = s.run_in(&missing, common::sandbox::NB, &["list"]);
    assert!(
        nb.fails().contains("finnes ikke: `samrad init "),
        "{}",
        nb.describe()
    );
}

#[test]
fn init_makes_the_folder_given_and_refuses_one_with_samrad_data() {
    let s = Sandbox::new();
    let dir = s.home().join("kontaktgruppen");
    let dir_arg = dir.to_str().expect("UTF-8 temp path");
    // DIR names the folder, over --data-dir.
    s.run(&["init", dir_arg]).ok();
    assert!(!s.data.exists(), "--data-dir was made instead of DIR");
    let listed = s.run_in(&dir, EN, &["list"]).ok().to_string();
    assert!(listed.contains(MEETING), "{listed}");

    // Again, on a folder where someone has written: refused, and nothing changes.
    std::fs::write(dir.join("log").join(MEETING).join("w1.jsonl"), b"").expect("a log");
    let before = contents(&dir);
    for lang in [EN, common::sandbox::NB] {
        let run = s.run_in(&dir, lang, &["init"]);
        let err = run.fails();
        assert!(err.contains(dir_arg), "{}", run.describe());
        let said = if lang == EN {
            "already holds samrad data; nothing was changed"
        } else {
            "har allerede samrad-data; ingenting er endret"
        };
        assert!(err.contains(said), "{}", run.describe());
        assert_eq!(contents(&dir), before, "init changed a folder with data");
    }

    // A file where the folder should be is named, and left alone.
    let file = s.home().join("a-file");
    std::fs::write(&file, b"hello\n").expect("write");
    let run = s.run_lang(EN, &["init", file.to_str().expect("UTF-8 temp path")]);
    assert!(run.fails().contains("not a folder"), "{}", run.describe());
    assert_eq!(std::fs::read(&file).expect("read"), b"hello\n");
}

#[test]
fn init_without_a_folder_makes_the_default_one() {
    let s = Sandbox::new();
    let run = s.run_on_default(&["list"]);
    assert!(run.fails().contains("samrad init"), "{}", run.describe());

    let made = s.run_on_default(&["init"]).ok().to_string();
    let folder: PathBuf = made
        .trim()
        .strip_prefix("Made a samrad data folder in ")
        .and_then(|rest| rest.split(", with the forum template").next())
        .unwrap_or_else(|| panic!("where? {made}"))
        .into();
    assert!(
        folder.starts_with(std::fs::canonicalize(s.home()).expect("home")),
        "the default folder is not in the sandbox's home: {made}"
    );
    assert!(
        folder
            .join("log")
            .join("forum")
            .join("template.jsonl")
            .is_file()
    );
    let listed = s.run_on_default(&["list"]).ok().to_string();
    assert!(listed.contains(MEETING), "{listed}");
}

#[test]
fn export_to_a_bare_file_name_writes_it_in_the_current_folder() {
    let s = Sandbox::seeded();
    let cwd = s.home().join("work");
    std::fs::create_dir(&cwd).expect("mkdir");
    let run = s.run_from(&cwd, &["export", "latest", "-o", "t1.md"]);
    assert!(run.ok().is_empty(), "{}", run.describe());
    assert!(run.stderr.contains("Wrote t1.md"), "{}", run.describe());
    let md = std::fs::read_to_string(cwd.join("t1.md")).expect("t1.md written");
    assert!(md.starts_with("# "), "{md}");
    assert_eq!(
        files_under(&cwd),
        vec![cwd.join("t1.md")],
        "only the file, no temp file"
    );
}

#[test]
fn list_by_stance_alone_takes_any_party_that_took_it() {
    let s = Sandbox::seeded();
    let mut store =
        samrad::store::Store::open(&s.data, common::authors::chair()).expect("open the folder");
    store.assume_now(common::at(common::READER_NOW));
    let year = ItemNumber { n: 40, year: 2027 };
    let unio_disagrees = OneItemMeeting::new("m-uenig", "Unio uenig", "2027-01-12T10:00:00+01:00")
        .item("s-uenig", year, "Turnus")
        .position("unio", Stance::Disagree, "For kort varsel.");
    let ntl_agrees = OneItemMeeting::new("m-enig", "NTL enig", "2027-02-09T10:00:00+01:00")
        .item("s-enig", ItemNumber { n: 41, ..year }, "Kantine")
        .position("ntl", Stance::Agree, "Greit.");
    let chair = common::authors::chair();
    let changes = [unio_disagrees.changes(&chair), ntl_agrees.changes(&chair)].concat();
    commit_each(&mut store, changes, "2027-01-12T12:00:00+01:00");
    drop(store);

    let listed = |args: &[&str]| {
        let mut all = vec!["list"];
        all.extend_from_slice(args);
        s.run_lang(EN, &all).ok().to_string()
    };
    let disagreed = listed(&["--stance", "disagree"]);
    assert!(disagreed.contains("m-uenig"), "{disagreed}");
    assert!(
        !disagreed.contains("m-enig") && !disagreed.contains(MEETING),
        "{disagreed}"
    );
    let agreed = listed(&["--stance", "enig"]);
    assert!(
        agreed.contains("m-enig") && !agreed.contains("m-uenig"),
        "{agreed}"
    );
    let none = listed(&["--stance", "disagree", "--party", "ntl"]);
    assert_eq!(none.trim(), "No meetings match the filter.", "{none}");
}
