//! `samrad demo-data`: the real binary writes a synthetic archive that is the same for the
//! same seed, that folds without a single refused op, and that holds what a real contact
//! group's archive holds. Small archives, so the tests stay quick.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use common::TEMPLATE_MEETING;
use common::files::{check_log, contents, files_under};
use common::sandbox::{NB, Run, Sandbox};
use samrad::model::{ActionStatus, Author, Change, InputTarget, ItemKind, MeetingStatus, Stance};
use samrad::store::minutes::{file_bytes, shared_bytes};
use samrad::store::{Load, Store, read_minutes, seal};

const MEETINGS: &str = "30";

/// Write a demo archive of `MEETINGS` meetings with `seed` into `dir`; it must succeed.
fn demo(sb: &Sandbox, dir: &Path, seed: &str) -> Run {
    let run = sb.run_in(
        dir,
        NB,
        &["demo-data", "--meetings", MEETINGS, "--seed", seed],
    );
    run.ok();
    run
}

/// Every log and minutes file, relative path to bytes.
fn archive_files(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    contents(root)
        .into_iter()
        .filter(|(p, _)| p.starts_with("log") || p.starts_with("minutes"))
        .collect()
}

#[test]
fn demo_data_is_deterministic_for_a_seed() {
    let sb = Sandbox::new();
    let (a, b, c) = (
        sb.home().join("a"),
        sb.home().join("b"),
        sb.home().join("c"),
    );
    let out = demo(&sb, &a, "7");
    let summary = &out.stdout;
    assert!(
        summary.contains("30 meetings") && summary.contains("ops"),
        "a one-line summary: {summary}"
    );
    demo(&sb, &b, "7");
    demo(&sb, &c, "8");

    let fa = archive_files(&a);
    let fb = archive_files(&b);
    let fc = archive_files(&c);
    // 30 meetings and the template's, each with minutes and logs, and the forum's logs;
    // the minutes' shared file.
    let minutes = fa.keys().filter(|p| p.starts_with("minutes")).count();
    assert_eq!(minutes, 31 + 1);
    assert!(fa.contains_key(Path::new("minutes/shared/forum.json")));
    assert!(fa.len() > 31 * 3, "{} files", fa.len());
    assert_eq!(
        fa.keys().collect::<Vec<_>>(),
        fb.keys().collect::<Vec<_>>(),
        "the same files"
    );
    for (path, bytes) in &fa {
        assert!(
            fb.get(path) == Some(bytes),
            "{} differs between two runs with the same seed",
            path.display()
        );
    }
    // Another seed: other meetings, other writers, other words.
    assert_ne!(fa.keys().collect::<Vec<_>>(), fc.keys().collect::<Vec<_>>());
    let shared = fa
        .iter()
        .filter(|(p, bytes)| fc.get(*p) == Some(*bytes))
        .map(|(p, _)| p.display().to_string())
        .collect::<Vec<_>>();
    assert_eq!(
        shared,
        vec![
            "log/forum/template.jsonl",
            &format!("log/{TEMPLATE_MEETING}/template.jsonl")
        ],
        "only the template is the same for another seed"
    );
}

#[test]
fn the_archive_folds_without_refusals_and_holds_a_real_forums_record() {
    let sb = Sandbox::new();
    let dir = &sb.data;
    demo(&sb, dir, "11");

    let mut store = Store::open(dir, Author::default()).expect("open");
    let doc = store.load(&Load::All);
    assert!(store.problems.is_empty(), "{:?}", store.problems);
    assert!(
        doc.rejected.is_empty(),
        "every op keeps the rules: {:?}",
        doc.rejected
    );
    assert_eq!(doc.meetings.len(), 31);

    // The minutes on disk are what the fold of the logs gives, byte for byte, and read
    // back whole they are the fold's minutes.
    let shared = store.layout().shared_minutes_path();
    assert!(
        std::fs::read(&shared).expect("the shared file") == shared_bytes(&doc.forum, &doc.actions),
        "{} is not the fold of the logs",
        shared.display()
    );
    for m in &doc.meetings {
        let path = store.layout().minutes_path(&m.id);
        let on_disk = std::fs::read(&path).expect("minutes file");
        let folded = doc.minutes(&m.id).expect("minutes");
        assert!(
            on_disk == file_bytes(&folded),
            "{} is not the fold of the logs",
            path.display()
        );
        assert!(read_minutes(&path) == Ok(folded), "{}", path.display());
    }

    // Statuses: most approved, the newest planned, a few out for approval or closed.
    let present = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).expect("date");
    let count = |s: MeetingStatus| doc.meetings.iter().filter(|m| m.status == s).count();
    assert!(count(MeetingStatus::Approved) >= 20);
    assert_eq!(
        count(MeetingStatus::Planned),
        2,
        "the newest and the template's"
    );
    assert_eq!(count(MeetingStatus::Closed), 1);
    assert_eq!(count(MeetingStatus::Circulated), 2);
    let overdue: Vec<_> = doc
        .meetings
        .iter()
        .filter(|m| m.approval_overdue(present))
        .collect();
    assert_eq!(overdue.len(), 1, "one round past its deadline");
    assert!(!overdue[0].waiting_for(&doc.forum).is_empty());
    assert!(
        overdue[0]
            .approvals
            .iter()
            .any(|a| a.verdict == samrad::model::Verdict::ChangesRequested),
        "a party asked for changes"
    );
    let newest = doc
        .meetings
        .iter()
        .max_by(|a, b| a.starts_at.cmp(&b.starts_at))
        .expect("meetings");
    assert_eq!(newest.status, MeetingStatus::Planned);
    assert!(!newest.items.is_empty(), "the next meeting has its agenda");

    // Approved minutes carry the hash of their content, and each party's approval of it.
    let mut second_rounds = 0;
    for m in doc
        .meetings
        .iter()
        .filter(|m| m.status == MeetingStatus::Approved)
    {
        let hash = seal::content_hash(m);
        assert_eq!(m.content_hash.as_deref(), Some(hash.as_str()), "{}", m.id);
        for p in m.approving_parties(&doc.forum) {
            assert!(
                m.approvals.iter().any(|a| a.party == p && a.hash == hash),
                "{} approved by {p}",
                m.id
            );
        }
        for earlier in &m.earlier_versions {
            second_rounds += 1;
            assert_eq!(earlier.hash, seal::content_hash(&earlier.meeting));
            assert_ne!(earlier.hash, hash, "the new round approved changed minutes");
        }
    }
    assert!(second_rounds >= 1, "an approved meeting went round again");

    // Items of each kind, numbered n/yy without gaps or repeats per year.
    let items: Vec<_> = doc.meetings.iter().flat_map(|m| &m.items).collect();
    for kind in [
        ItemKind::Information,
        ItemKind::Consultation,
        ItemKind::Negotiation,
        ItemKind::Other,
    ] {
        assert!(items.iter().any(|i| i.kind == kind), "{kind:?}");
    }
    let mut numbers: BTreeMap<i32, BTreeSet<u32>> = BTreeMap::new();
    for i in &items {
        assert!(
            numbers.entry(i.number.year).or_default().insert(i.number.n),
            "{} used twice",
            i.number
        );
    }
    for (year, ns) in &numbers {
        assert_eq!(
            ns.iter().copied().collect::<Vec<_>>(),
            (1..=ns.len() as u32).collect::<Vec<_>>(),
            "{year}"
        );
    }
    // Positions of every stance, with reasons; statements of the party itself; votes;
    // inputs; NTL disagreeing on an item linked to development area 1.
    for stance in Stance::ALL {
        assert!(
            items
                .iter()
                .flat_map(|i| &i.positions)
                .any(|p| p.stance == stance && !p.reason.is_empty()),
            "{stance:?}"
        );
    }
    assert!(items.iter().flat_map(|i| &i.positions).any(|p| p.on_behalf));
    assert!(
        items
            .iter()
            .flat_map(|i| &i.positions)
            .any(|p| !p.on_behalf)
    );
    assert!(items.iter().any(|i| !i.current_statements().is_empty()));
    assert!(
        items
            .iter()
            .flat_map(|i| &i.votes)
            .any(|v| !v.open && v.outcome.is_some())
    );
    assert!(items.iter().any(|i| !i.inputs.is_empty()));
    assert!(items.iter().any(|i| i.agreement.is_some()));
    assert!(items.iter().any(|i| !i.speakers.is_empty()));
    assert!(items.iter().any(|i| {
        i.areas.iter().any(|a| a == "uo1")
            && i.current_positions()
                .iter()
                .any(|p| p.party == "ntl" && p.stance == Stance::Disagree)
    }));
    // Notes of a few sentences, not pages.
    let notes: Vec<usize> = items
        .iter()
        .filter(|i| i.kind != ItemKind::Other && !i.notes.is_empty())
        .map(|i| i.notes.len())
        .collect();
    let mean = notes.iter().sum::<usize>() / notes.len().max(1);
    assert!((100..900).contains(&mean), "mean notes length {mean}");
    // Text with æ, ø and å, in both cases.
    let all = std::fs::read_to_string(dir.join("minutes").join(format!("{}.json", newest.id)))
        .expect("read");
    let everything: String = items
        .iter()
        .map(|i| format!("{} {} {}", i.title, i.notes, i.conclusion))
        .collect();
    for c in ['æ', 'ø', 'å', 'Æ', 'Ø', 'Å'] {
        assert!(
            everything.contains(c) || all.contains(c),
            "no {c} in the archive"
        );
    }

    // The action list: from many meetings, most done, some still open, with history.
    let demo_actions: Vec<_> = doc
        .actions
        .iter()
        .filter(|a| a.meeting.as_deref() != Some(TEMPLATE_MEETING))
        .collect();
    assert!(demo_actions.len() >= 10, "{} actions", demo_actions.len());
    assert!(demo_actions.iter().any(|a| a.status == ActionStatus::Done));
    assert!(demo_actions.iter().any(|a| a.status.is_open()));
    assert!(demo_actions.iter().any(|a| a.history.len() >= 2));
    assert!(demo_actions.iter().all(|a| a.due.is_some()));
    // Inputs to development areas, and areas under way.
    assert!(
        doc.area_inputs
            .iter()
            .all(|i| matches!(i.target, InputTarget::DevArea(_)))
    );
    assert!(doc.forum.dev_areas.iter().any(|a| !a.history.is_empty()));
    assert!(doc.forum.people.iter().any(|p| p.role == "vara"));
}

#[test]
fn every_log_is_one_writers_hash_chain_in_clock_order() {
    let sb = Sandbox::new();
    let dir = &sb.data;
    demo(&sb, dir, "3");
    let paths = files_under(&dir.join("log"));
    let mut writers: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut forum_kinds = BTreeSet::new();
    for path in &paths {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .expect("name");
        if stem != "template" {
            assert!(
                writers.insert(stem.clone(), path.clone()).is_none(),
                "writer {stem} writes one file"
            );
        }
        // One writer's hash chain (every demo writer writes one file: its seqs are that
        // file's lines), whole, in clock order.
        let log = check_log(path);
        assert!(!log.cut_off, "{}", path.display());
        let mut last = None;
        for (n, op) in log.ops.iter().enumerate() {
            if let Some(last) = last {
                assert!(op.clock > last, "{} line {}", path.display(), n + 1);
            }
            last = Some(op.clock);
            if path.parent().is_some_and(|p| p.ends_with("forum")) {
                forum_kinds.insert(op.change.kind_name());
                assert!(!matches!(op.change, Change::Position { .. }));
            }
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(path).expect("meta").permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", path.display());
            let dmode = std::fs::metadata(path.parent().expect("dir"))
                .expect("meta")
                .permissions()
                .mode()
                & 0o777;
            assert_eq!(dmode, 0o700, "{}", path.display());
        }
    }
    for kind in ["action_add", "action_set", "dev_area_status", "person_put"] {
        assert!(forum_kinds.contains(kind), "{kind} in the forum's logs");
    }
}

#[test]
fn list_shows_the_demo_meetings() {
    let sb = Sandbox::new();
    let dir = &sb.data;
    demo(&sb, dir, "5");
    let listed = sb.run_in(dir, NB, &["list"]).ok().to_string();
    let mut ids = Vec::new();
    for e in std::fs::read_dir(dir.join("minutes")).expect("minutes") {
        let name = e.expect("entry").file_name().to_string_lossy().into_owned();
        if let Some(id) = name.strip_suffix(".json") {
            ids.push(id.to_string());
        }
    }
    assert_eq!(ids.len(), 31);
    for id in &ids {
        assert!(listed.contains(id.as_str()), "{id} not listed:\n{listed}");
    }
}

/// `demo-data` into `dir` fails; returns what it says.
fn refused(sb: &Sandbox, dir: &Path) -> String {
    sb.run_in(dir, NB, &["demo-data", "--meetings", "5"])
        .fails()
        .to_string()
}

#[test]
fn refuses_a_folder_that_holds_real_data() {
    let sb = Sandbox::new();

    // A folder with a meeting of someone's: refused, and nothing is added.
    let real = sb.home().join("real");
    {
        let mut store = Store::open(&real, Author::default()).expect("open");
        store
            .commit(Change::MeetingCreate {
                meeting: "m-2026-01-13-ekte".into(),
                title: "Ekte møte".into(),
                starts_at: "2026-01-13T10:00:00+01:00".into(),
            })
            .expect("commit");
    }
    let before = archive_files(&real);
    let err = refused(&sb, &real);
    assert!(
        err.contains(&real.display().to_string()),
        "the error names the folder: {err}"
    );
    assert_eq!(archive_files(&real), before, "nothing was written");

    // A folder that already holds demo data: refused too (no mixing of two archives).
    let demo_dir = sb.home().join("demo");
    demo(&sb, &demo_dir, "1");
    let before = archive_files(&demo_dir);
    assert!(refused(&sb, &demo_dir).contains(&demo_dir.display().to_string()));
    assert_eq!(archive_files(&demo_dir), before);

    // A folder full of something else is not a data folder to fill.
    let other = sb.home().join("other");
    std::fs::create_dir_all(&other).expect("mkdir");
    std::fs::write(other.join("notes.txt"), "mine").expect("write");
    refused(&sb, &other);
    assert!(!other.join("log").exists());

    // A folder with nothing but the template is fine.
    let fresh = sb.home().join("fresh");
    drop(Store::open(&fresh, Author::default()).expect("open"));
    demo(&sb, &fresh, "1");
}
