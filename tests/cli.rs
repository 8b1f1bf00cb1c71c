//! End-to-end tests of the `samrad` binary on a fresh, temporary data folder.
//!
//! Every run sets `LANG`, `SAMRAD_CONFIG` (a path in the temp folder) and `HOME`, and
//! removes `SAMRAD_DATA_DIR`, so the user's own settings and data are never read.

mod common;

use common::TEMPLATE_MEETING as MEETING;
use common::files::files_under;
use common::sandbox::Sandbox;

const DATE: &str = "2026-12-08";
const TITLE: &str =
    "Kontaktgruppemøte: strategien for departementsfellesskapet – innspill fra organisasjonene";

fn has_line(text: &str, line: &str) -> bool {
    text.lines().any(|l| l.trim_end() == line)
}

fn assert_contains(text: &str, needles: &[&str], what: &str) {
    for n in needles {
        assert!(text.contains(n), "{what}: missing {n:?} in:\n{text}");
    }
}

/// The cell of a padded table under the header `column`, in the row that contains `key`.
fn table_cell(table: &str, column: &str, key: &str) -> String {
    let mut lines = table.lines();
    let header = lines.next().expect("a header line");
    let byte = header
        .find(column)
        .unwrap_or_else(|| panic!("no column {column:?} in {header:?}"));
    let col = header[..byte].chars().count();
    let row = lines
        .find(|l| l.contains(key))
        .unwrap_or_else(|| panic!("no row with {key:?} in:\n{table}"));
    row.chars()
        .skip(col)
        .take_while(|c| !c.is_whitespace())
        .collect()
}

/// Rows of a table (without its header) that end with an id starting with `prefix`.
fn rows_with_id<'a>(table: &'a str, prefix: &str) -> Vec<&'a str> {
    table
        .lines()
        .skip(1)
        .filter(|l| {
            l.split_whitespace()
                .last()
                .is_some_and(|id| id.starts_with(prefix))
        })
        .collect()
}

#[test]
fn init_seeds_the_data_folder_and_says_where() {
    let s = Sandbox::new();
    assert!(!s.data.exists());
    let made = s.run_lang("en_US.UTF-8", &["init"]).ok().to_string();
    let shown = std::fs::canonicalize(&s.data).expect("the folder is made");
    assert_contains(
        &made,
        &["Made a samrad data folder in", &shown.display().to_string()],
        "init",
    );
    let out = s.run_lang("en_US.UTF-8", &["list"]).ok().to_string();

    for rel in [
        "log/forum/template.jsonl",
        &format!("log/{MEETING}/template.jsonl"),
        &format!("minutes/{MEETING}.json"),
    ] {
        let p = s.data.join(rel);
        assert!(p.is_file(), "{} was not created", p.display());
        assert!(
            std::fs::metadata(&p).unwrap().len() > 0,
            "{} is empty",
            p.display()
        );
    }
    for name in [".gitignore", ".stignore"] {
        let text =
            std::fs::read_to_string(s.data.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            has_line(&text, "/minutes/"),
            "{name} does not ignore /minutes/:\n{text}"
        );
        assert!(
            !has_line(&text, "/log/"),
            "{name} must let log/ travel:\n{text}"
        );
    }
    let minutes: serde_json::Value =
        serde_json::from_slice(&std::fs::read(s.minutes_path()).unwrap())
            .expect("minutes file is JSON");
    assert_eq!(minutes["schema_version"], 2);
    assert_eq!(minutes["meeting"]["id"], MEETING);
    assert!(
        s.data.join("minutes/shared/forum.json").is_file(),
        "the forum and the actions the minutes name"
    );

    assert_contains(&out, &[DATE, TITLE, MEETING], "list");
    assert_eq!(out.lines().count(), 2, "a header and one meeting:\n{out}");
    assert_eq!(table_cell(&out, "Items", MEETING), "6", "six items:\n{out}");
    assert_eq!(
        table_cell(&out, "Open actions", MEETING),
        "6",
        "six open (proposed) actions:\n{out}"
    );
    assert!(out.starts_with("Date"), "English header:\n{out}");
}

#[test]
fn list_in_norwegian_from_lang() {
    let s = Sandbox::seeded();
    let out = s.run(&["list"]).ok().to_string();
    assert!(
        out.starts_with("Dato"),
        "LANG=nb_NO gives Norwegian:\n{out}"
    );
    assert_eq!(table_cell(&out, "Saker", MEETING), "6", "{out}");
    assert_contains(&out, &[DATE, TITLE], "list nb");
}

#[test]
fn config_language_beats_lang_and_flag_beats_config() {
    let s = Sandbox::seeded();
    std::fs::write(&s.config, r#"{"lang":"en"}"#).unwrap();
    let out = s.run(&["list"]).ok().to_string();
    assert!(
        out.starts_with("Date"),
        "the config (en) wins over LANG=nb:\n{out}"
    );
    let out = s.run(&["--lang", "nb", "list"]).ok().to_string();
    assert!(
        out.starts_with("Dato"),
        "--lang nb wins over the config:\n{out}"
    );
}

#[test]
fn show_latest_carries_the_slides() {
    let s = Sandbox::seeded();
    let nb = s
        .run_lang("en_US.UTF-8", &["--lang", "nb", "show", "latest"])
        .ok()
        .to_string();
    assert_contains(
        &nb,
        &[
            TITLE,
            "Hvordan lykkes med strategien",
            "Juristforeningen JD",
            "ekspedisjonssjefnivå",
            "Et sterkere departementsfellesskap",
            "Utviklingsområder i strategiperioden",
            "tillitsvalgtordning",
            "8. desember 2026",
        ],
        "show latest (nb)",
    );
    for heading in ["Dagsorden", "Bakgrunn", "Innspill"] {
        assert!(has_line(&nb, heading), "no heading {heading:?} in:\n{nb}");
    }
    for n in 1..=6 {
        assert!(nb.contains(&format!("Sak {n}/26")), "no item {n} in:\n{nb}");
    }
    assert!(!nb.contains("Sak 7/26"), "only six items:\n{nb}");

    let en = s.run(&["--lang", "en", "show", "latest"]).ok().to_string();
    for heading in ["Agenda", "Background"] {
        assert!(has_line(&en, heading), "no heading {heading:?} in:\n{en}");
    }
    assert!(
        !has_line(&en, "Dagsorden"),
        "English output has a Norwegian heading:\n{en}"
    );
    assert_contains(
        &en,
        &["Hvordan lykkes med strategien", "Juristforeningen JD"],
        "show latest (en)",
    );
}

#[test]
fn show_by_date_and_by_id_is_the_same_meeting() {
    let s = Sandbox::seeded();
    let latest = s.run(&["show", "latest"]).ok().to_string();
    let by_date = s.run(&["show", DATE]).ok().to_string();
    let by_id = s.run(&["show", MEETING]).ok().to_string();
    // The Norwegian way of writing the date finds it too, as in `verify` and `:open`.
    let by_nb_date = s.run(&["show", "08.12.2026"]).ok().to_string();
    assert!(latest.contains(TITLE), "{latest}");
    assert_eq!(
        by_nb_date, latest,
        "show 08.12.2026 differs from show latest"
    );
    assert_eq!(by_date, latest, "show {DATE} differs from show latest");
    assert_eq!(by_id, latest, "show {MEETING} differs from show latest");
}

#[test]
fn export_json_to_a_file() {
    let s = Sandbox::seeded();
    let file = s.tmp.path().join("export").join("referat.json");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let file_arg = file.to_str().expect("UTF-8 temp path");
    let run = s.run(&["export", "latest", "--format", "json", "-o", file_arg]);
    let out = run.ok();
    assert!(out.is_empty(), "with -o nothing goes to stdout:\n{out}");

    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).expect("export file written"))
            .expect("export is valid JSON");
    assert_eq!(v["schema_version"], 1, "{v:#}");
    assert_eq!(v["meeting"]["id"], MEETING);
    assert_eq!(v["meeting"]["title"], TITLE);
    let items = v["meeting"]["items"]
        .as_array()
        .expect("meeting.items is a list");
    assert_eq!(items.len(), 6);
    let actions = v["actions"].as_array().expect("actions is a list");
    assert_eq!(actions.len(), 6);
    assert!(
        actions.iter().any(|a| a["title"]
            .as_str()
            .is_some_and(|t| t.contains("tillitsvalgtordning"))),
        "{actions:#?}"
    );
}

#[test]
fn export_markdown_to_stdout() {
    let s = Sandbox::seeded();
    let md = s
        .run(&["--lang", "nb", "export", "latest", "--format", "md"])
        .ok()
        .to_string();
    assert!(md.starts_with("# "), "Markdown starts with a title:\n{md}");
    assert!(md.lines().next().unwrap().contains(TITLE), "{md}");
    assert!(has_line(&md, "## Dagsorden"), "no ## Dagsorden in:\n{md}");
    assert_contains(
        &md,
        &["Hvordan lykkes med strategien", "Juristforeningen JD"],
        "export md",
    );
    // md is the default format.
    let default = s
        .run(&["--lang", "nb", "export", "latest"])
        .ok()
        .to_string();
    assert_eq!(default, md);
}

#[test]
fn actions_lists_the_proposed_actions() {
    let s = Sandbox::seeded();
    let all = s.run_lang("en_US.UTF-8", &["actions"]).ok().to_string();
    let open = s
        .run_lang("en_US.UTF-8", &["actions", "--open"])
        .ok()
        .to_string();
    for (what, out) in [("actions", &all), ("actions --open", &open)] {
        let rows = rows_with_id(out, "t-");
        assert_eq!(rows.len(), 6, "{what}: six actions in:\n{out}");
        assert_eq!(
            out.lines().count(),
            7,
            "{what}: a header and six rows:\n{out}"
        );
        assert!(
            rows.iter().all(|r| r.starts_with("Proposed")),
            "{what}: all proposed:\n{out}"
        );
        assert!(
            rows.iter().all(|r| r.contains("KMD")),
            "{what}: owned by KMD:\n{out}"
        );
        assert!(
            rows.iter().all(|r| r.contains(DATE)),
            "{what}: from the meeting:\n{out}"
        );
        assert_contains(
            out,
            &[
                "tillitsvalgtordning",
                "profesjonell ledelse",
                "gjenstridige problemer",
            ],
            what,
        );
    }
    assert_eq!(all, open, "every action is proposed, so still open");
}

#[test]
fn unknown_meeting_is_a_short_error() {
    let s = Sandbox::new();
    s.init();
    for (lang, key) in [
        ("en", "1999-01-01"),
        ("nb", "no-such-meeting"),
        ("en", "no-such-meeting"),
    ] {
        for cmd in ["show", "export"] {
            let run = s.run(&["--lang", lang, cmd, key]);
            let err = run.fails();
            assert_contains(err, &[key, "samrad list"], &run.describe());
            assert!(
                err.lines().count() <= 2,
                "a short message:\n{}",
                run.describe()
            );
        }
    }
}

#[test]
fn data_dir_that_is_a_file_is_refused() {
    let s = Sandbox::new();
    let file = s.tmp.path().join("not-a-dir.txt");
    std::fs::write(&file, b"hello\n").unwrap();
    for cmd in ["list", "show"] {
        let args: &[&str] = if cmd == "show" {
            &["show", "latest"]
        } else {
            &["list"]
        };
        let run = s.run_in(&file, "en_US.UTF-8", args);
        let err = run.fails();
        assert_contains(
            err,
            &["not a folder", &file.display().to_string()],
            &run.describe(),
        );
        assert!(
            err.lines().count() <= 2,
            "a short message:\n{}",
            run.describe()
        );
    }
    assert_eq!(
        std::fs::read(&file).unwrap(),
        b"hello\n",
        "the file is left alone"
    );
}

#[test]
fn read_only_commands_write_nothing_after_the_seed() {
    let s = Sandbox::new();
    s.init();
    let logs = s.log_files();
    let names: Vec<String> = logs.keys().map(|p| p.display().to_string()).collect();
    assert_eq!(
        names,
        vec![
            "forum/template.jsonl".to_string(),
            format!("{MEETING}/template.jsonl")
        ],
        "only the template logs after the first run"
    );
    let minutes = s.minutes_files();
    assert_eq!(minutes.len(), 2, "the meeting's file and the shared one");
    let ignores: Vec<Vec<u8>> = [".gitignore", ".stignore"]
        .iter()
        .map(|n| std::fs::read(s.data.join(n)).unwrap())
        .collect();
    #[cfg(unix)]
    let inode = {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(s.minutes_path()).unwrap().ino()
    };

    let export = s.tmp.path().join("out.json");
    let export = export.to_str().unwrap();
    for args in [
        &["list"][..],
        &["list"],
        &["show", "latest"],
        &["--lang", "en", "show", DATE],
        &["export", "latest", "--format", "json", "-o", export],
        &["export", "latest", "--format", "md"],
        &["actions"],
        &["actions", "--open"],
        &["--as", "p-ntl", "list"],
    ] {
        s.run(args).ok();
        assert_eq!(
            s.log_files(),
            logs,
            "samrad {} changed the logs",
            args.join(" ")
        );
        assert_eq!(
            s.minutes_files(),
            minutes,
            "samrad {} changed the minutes",
            args.join(" ")
        );
        for (n, before) in [".gitignore", ".stignore"].iter().zip(&ignores) {
            assert_eq!(
                &std::fs::read(s.data.join(n)).unwrap(),
                before,
                "samrad {} changed {n}",
                args.join(" ")
            );
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let now = std::fs::metadata(s.minutes_path()).unwrap().ino();
            assert_eq!(
                now,
                inode,
                "samrad {} rewrote the unchanged minutes file",
                args.join(" ")
            );
        }
    }
    let leftovers: Vec<_> = files_under(&s.data)
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temp files left behind: {leftovers:?}"
    );
}

#[test]
fn unknown_language_is_rejected_by_the_parser() {
    let s = Sandbox::new();
    let run = s.run(&["--lang", "xx", "list"]);
    assert_eq!(run.code, Some(2), "a usage error\n{}", run.describe());
    let err = run.fails();
    assert_contains(err, &["xx", "nb", "en", "--lang"], &run.describe());
    assert!(
        !s.data.exists(),
        "a usage error must not create the data folder"
    );
}

#[test]
fn version_and_help() {
    let s = Sandbox::new();
    let v = s.run(&["--version"]).ok().to_string();
    assert!(v.starts_with("samrad "), "{v}");
    let help = s.run(&["--help"]).ok().to_string();
    assert_contains(
        &help,
        &["list", "show", "export", "actions", "--data-dir", "--lang"],
        "--help",
    );
    assert!(!s.data.exists(), "--help must not create the data folder");
}

#[test]
fn search_prints_one_line_per_hit_and_json_for_scripts() {
    let s = Sandbox::seeded();
    let out = s.run(&["search", "KOMPETANSE"]).ok().to_string();
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() >= 2, "{out}");
    for line in &lines {
        assert!(line.starts_with("2026-12-08"), "meeting date first: {line}");
        assert!(
            line.to_lowercase().contains("kompetanse"),
            "a snippet with the word: {line}"
        );
    }
    assert!(out.contains("sak 2/26"), "the item: {out}");
    assert!(out.contains("bakgrunn"), "the field, in Norwegian: {out}");

    let json = s
        .run(&["search", "--json", "kompetanse", "--party", "NTL"])
        .ok()
        .to_string();
    let hits: Vec<serde_json::Value> = json
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert!(!hits.is_empty());
    for h in &hits {
        assert_eq!(h["party"], "ntl", "--party keeps only what NTL wrote: {h}");
        assert_eq!(h["meeting"], MEETING);
        assert!(
            h["text"]
                .as_str()
                .is_some_and(|t| t.to_lowercase().contains("kompetanse"))
        );
    }
    let none = s
        .run(&["search", "kompetanse", "--since", "01.01.2027"])
        .ok()
        .to_string();
    assert!(none.is_empty(), "nothing after 2027: {none}");
    // Errors name what was typed, in the user's language, and what there is instead.
    for (args, said) in [
        (
            &["search", "x", "--party", "LO"][..],
            &["ukjent part", "NTL"][..],
        ),
        (
            &["--lang", "en", "search", "x", "--party", "LO"],
            &["unknown party", "NTL"],
        ),
        (&["search", "x", "--until", "31.02.2026"], &["--until"]),
    ] {
        let run = s.run(args);
        assert_contains(run.fails(), said, &run.describe());
    }
}

#[test]
fn list_filters_on_one_item_party_position_and_area() {
    let s = Sandbox::seeded();
    let all = s.run(&["list"]).ok().to_string();
    assert!(all.contains(MEETING));
    let none = s
        .run(&["list", "--party", "ntl", "--stance", "uenig", "--area", "1"])
        .ok()
        .to_string();
    assert!(
        !none.contains(MEETING),
        "no positions in the template: {none}"
    );
    let area = s.run(&["list", "--area", "1"]).ok().to_string();
    assert!(
        area.contains(MEETING),
        "items of the first meeting are on area 1: {area}"
    );
    for (lang, said) in [
        ("nb", "ukjent utviklingsområde"),
        ("en", "unknown development area"),
    ] {
        let run = s.run(&["--lang", lang, "list", "--area", "9"]);
        assert_contains(run.fails(), &[said], &run.describe());
    }
}

#[test]
fn a_mistyped_filter_is_named_before_anything_is_opened() {
    let s = Sandbox::new();
    let folder = s.home().join("never-made");
    for args in [
        &["list", "--stance", "maybe"][..],
        &["list", "--status", "done"],
        &["search", "x", "--since", "31.02.2026"],
    ] {
        let run = s.run_in(&folder, "nb_NO.UTF-8", args);
        let err = run.fails();
        assert!(
            err.contains("maybe") || err.contains("done") || err.contains("--since"),
            "{}",
            run.describe()
        );
        assert!(!folder.exists(), "nothing is created for a typo: {args:?}");
    }
}

/// What a hostile machine's log may hold: a request to set the clipboard (OSC 52), to
/// clear the screen, an 8-bit CSI, a bell, a carriage return and a right-to-left override.
const HOSTILE: &str = "\u{1b}]52;c;SGVp\u{7}\u{1b}[2J\u{9b}31m\u{7}\r\u{202e}";

/// Whether `c` is something no output of samrad may hand a terminal: a control character
/// other than a line break or tab, or a bidirectional override.
fn is_hostile(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t'))
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// The chair's changes to the template meeting, each text carrying `HOSTILE`: the
/// meeting's title, a new item with notes, NTL's statement on it and an action from it.
fn write_hostile_text(s: &Sandbox) {
    use samrad::model::{ActionStatus, Change, MeetingField, Owner};
    use samrad::store::{Load, Store};
    s.init();
    let mut store = Store::open(&s.data, common::authors::chair()).expect("open the folder");
    store.assume_now(common::at(common::READER_NOW));
    store.load(&Load::All);
    let changes = [
        (
            common::authors::chair(),
            Change::MeetingSet {
                meeting: MEETING.into(),
                set: MeetingField::Title(format!("Farlig{HOSTILE}møte")),
            },
        ),
        (
            common::authors::chair(),
            common::meetings::add_item("s-farlig", 9, &format!("Farlig{HOSTILE}sak"), 10),
        ),
        (
            common::authors::chair(),
            common::meetings::set_notes("s-farlig", &format!("Skjulteord{HOSTILE} i notatet")),
        ),
        (
            common::authors::ntl(),
            Change::Statement {
                meeting: MEETING.into(),
                item: "s-farlig".into(),
                party: "ntl".into(),
                text: format!("Protokolltilførsel{HOSTILE} fra NTL"),
                base: None,
            },
        ),
        (
            common::authors::chair(),
            Change::ActionAdd {
                id: "t-farlig".into(),
                title: format!("Farlig{HOSTILE}tiltak"),
                owner: Owner::Party("ntl".into()),
                due: None,
                status: ActionStatus::Open,
                meeting: Some(MEETING.into()),
                item: Some("s-farlig".into()),
                areas: Vec::new(),
                proposed_by: None,
            },
        ),
    ];
    common::meetings::commit_each(&mut store, changes, "2026-12-08T12:00:00+01:00");
}

#[test]
fn escape_sequences_in_the_logs_reach_no_terminal_through_the_commands() {
    let s = Sandbox::new();
    write_hostile_text(&s);
    // Each command, and the words of the hostile texts it must still show.
    let cases: [(&[&str], &[&str]); 9] = [
        (&["list"], &["Farlig]52;c;SGVp[2J31mmøte"]),
        (&["actions"], &["Farlig]52;c;SGVp[2J31mtiltak"]),
        (
            &["show", MEETING],
            &[
                "Farlig]52;c;SGVp[2J31mmøte",
                "Farlig]52;c;SGVp[2J31msak",
                "Skjulteord]52",
                "Protokolltilførsel]52",
            ],
        ),
        (
            &["search", "skjulteord"],
            &["Skjulteord]52;c;SGVp[2J31m", "i notatet"],
        ),
        (&["search", "--json", "skjulteord"], &["Skjulteord"]),
        (
            &["export", MEETING, "--format", "text"],
            &[
                "Farlig]52;c;SGVp[2J31msak",
                "Skjulteord]52",
                "Protokolltilførsel]52",
            ],
        ),
        (
            &["export", MEETING, "--format", "md"],
            &[
                "Farlig]52;c;SGVp[2J31msak",
                "Skjulteord]52",
                "Protokolltilførsel]52",
            ],
        ),
        (
            &["export", MEETING, "--format", "html"],
            &["Farlig]52;c;SGVp[2J31msak"],
        ),
        (
            &["export", MEETING, "--format", "csv"],
            &["Farlig]52;c;SGVp[2J31mtiltak"],
        ),
    ];
    for (args, words) in cases {
        let run = s.run(args);
        let out = run.ok();
        assert!(
            !out.contains(is_hostile),
            "{}\n{:?}",
            run.describe(),
            out.chars().filter(|&c| is_hostile(c)).collect::<String>()
        );
        assert_contains(out, words, &format!("samrad {}", args.join(" ")));
    }
    // A script reading the JSON still gets the text as it was written.
    let json = s.run(&["search", "--json", "skjulteord"]).ok().to_string();
    let hit: serde_json::Value = serde_json::from_str(json.lines().next().expect("a hit"))
        .expect("one JSON object per line");
    assert_eq!(hit["text"], format!("Skjulteord{HOSTILE} i notatet"));
}

#[test]
fn as_a_name_that_is_nobody_in_the_forum_says_so_and_a_unique_start_finds_the_person() {
    let s = common::sandbox::Sandbox::seeded();
    let run = s.run(&["--as", "Kari Nordmann", "list"]);
    assert!(
        run.stderr.contains("Kari Nordmann") && run.stderr.contains("Møteleder (KMD)"),
        "{}",
        run.stderr
    );
    let run = s.run(&["--as", "Møteleder", "list"]);
    assert!(!run.stderr.contains("Møteleder ("), "{}", run.stderr);
}

/// `actions` prints from the archive index's rows (no fold of the forum) once the index is
/// built: a change to an action made afterwards, behind the index's back, is in the next
/// list, with its owner and due date as the forum now has them.
#[test]
fn actions_show_a_change_made_after_the_index_was_built() {
    use samrad::model::{ActionField, ActionStatus, Change, Owner};
    use samrad::store::Store;
    let s = Sandbox::seeded();
    let before = s.run_lang("en_US.UTF-8", &["actions"]).ok().to_string();
    let id = rows_with_id(&before, "t-")
        .first()
        .and_then(|r| r.split_whitespace().last())
        .map(str::to_string)
        .expect("an action's id");
    let mut store = Store::open(&s.data, common::authors::chair()).expect("open the folder");
    let due = chrono::NaiveDate::from_ymd_opt(2027, 3, 31).expect("date");
    for set in [
        ActionField::Owner(Owner::Party("ntl".into())),
        ActionField::Due(Some(due)),
        ActionField::Status(ActionStatus::Done),
    ] {
        store
            .commit(Change::ActionSet {
                id: id.clone(),
                meeting: None,
                set,
            })
            .expect("commit");
    }
    drop(store);
    let after = s.run_lang("en_US.UTF-8", &["actions"]).ok().to_string();
    let row = after
        .lines()
        .find(|l| l.trim_end().ends_with(&id))
        .unwrap_or_else(|| panic!("{id} in:\n{after}"));
    assert!(row.starts_with("Done"), "{row}");
    assert!(row.contains("NTL") && !row.contains("KMD"), "{row}");
    assert!(row.contains("2027"), "the due date: {row}");
    let open = s
        .run_lang("en_US.UTF-8", &["actions", "--open"])
        .ok()
        .to_string();
    assert!(!open.contains(&id), "done is not open:\n{open}");
    assert_eq!(rows_with_id(&open, "t-").len(), 5);
}
