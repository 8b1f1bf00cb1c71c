//! Whatever bytes are in a log or a minutes file, loading gives ops and clear problems, or an
//! error: never a panic, and never a lost good line.

mod common;

use std::path::Path;

use common::meetings::script_logs;
use proptest::prelude::*;
use samrad::model::Author;
use samrad::store::log::parse_log;
use samrad::store::op::encode_lines;
use samrad::store::{Load, ProblemKind, Store, read_minutes};

fn valid_log() -> Vec<u8> {
    encode_lines(&script_logs(7, "m-x", 3, 25, 1)[1])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_in_a_log_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let (ops, problems) = parse_log(Path::new("x.jsonl"), &bytes);
        let lines = bytes.split(|b| *b == b'\n').count();
        prop_assert!(ops.len() + problems.len() <= lines);
        for p in &problems {
            prop_assert!(p.line.is_some_and(|n| n >= 1 && n <= lines));
        }
    }

    #[test]
    fn mutated_logs_keep_every_untouched_line(
        flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..6),
    ) {
        let good = valid_log();
        let mut bad = good.clone();
        for (at, byte) in &flips {
            let i = at % bad.len();
            bad[i] = *byte;
        }
        let (ops, problems) = parse_log(Path::new("x.jsonl"), &bad);
        let (all, _) = parse_log(Path::new("x.jsonl"), &good);
        // Lines whose bytes did not change still load.
        let good_lines: Vec<&[u8]> = good.split(|b| *b == b'\n').collect();
        let bad_lines: Vec<&[u8]> = bad.split(|b| *b == b'\n').collect();
        if good_lines.len() == bad_lines.len() {
            for (i, (g, b)) in good_lines.iter().zip(&bad_lines).enumerate() {
                if g == b && !g.is_empty() {
                    prop_assert!(ops.contains(&all[i]), "line {} lost", i + 1);
                }
            }
        }
        prop_assert!(ops.len() + problems.len() >= 1);
    }

    #[test]
    fn arbitrary_minutes_files_give_an_error_not_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..1024)) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("m.json");
        std::fs::write(&path, &bytes).expect("write");
        if let Err(e) = read_minutes(&path) {
            prop_assert!(e.contains("m.json"), "the message names the file: {e}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn a_corrupt_file_does_not_stop_the_rest_from_opening(garbage in proptest::collection::vec(any::<u8>(), 0..512)) {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut store = Store::open(dir.path(), Author::default()).expect("open");
        let before = store.load(&Load::All);
        let forum_dir = dir.path().join("log").join("forum");
        std::fs::write(forum_dir.join("wbroken.jsonl"), &garbage).expect("write");
        std::fs::create_dir_all(dir.path().join("minutes")).expect("mkdir");
        std::fs::write(dir.path().join("minutes").join("m-2026-12-08-kontaktgruppen.json"), &garbage).expect("write");
        let mut again = Store::open(dir.path(), Author::default()).expect("open again");
        let after = again.load(&Load::All);
        prop_assert_eq!(after.meetings.len(), before.meetings.len());
        prop_assert_eq!(after.forum.parties.len(), before.forum.parties.len());
        let only_the_broken_file = again
            .problems
            .iter()
            .all(|p| p.path.ends_with("wbroken.jsonl") || matches!(p.kind, ProblemKind::PermissionsFixed { .. }));
        prop_assert!(only_the_broken_file, "{:?}", again.problems);
        // The broken file is kept as it was: nothing is deleted because it could not be read.
        prop_assert_eq!(std::fs::read(forum_dir.join("wbroken.jsonl")).expect("still there"), garbage);
    }
}
