//! The merge: any interleaving, duplication and split of the same ops folds to the same
//! minutes, byte for byte; no acknowledged op is lost; a torn tail drops only that line.

use std::path::Path;

use proptest::prelude::*;
use samrad::demo::{Rng, meeting_script, script_to_logs};
use samrad::model::{Author, Change};
use samrad::store::fold::fold;
use samrad::store::log::parse_log;
use samrad::store::op::encode_lines;
use samrad::store::{Load, Op, ProblemKind, Store, minutes_bytes};

const MEETING: &str = "m-prop";

fn minutes_of(ops: Vec<Op>) -> Vec<u8> {
    let doc = fold(ops);
    minutes_bytes(&doc.minutes(MEETING).expect("the meeting is in the fold"))
}

fn shuffled_with_duplicates(logs: &[Vec<Op>], seed: u64) -> Vec<Op> {
    let mut rng = Rng::new(seed);
    let mut all: Vec<Op> = logs.iter().flatten().cloned().collect();
    let dups: Vec<Op> = all.iter().filter(|_| rng.below(4) == 0).cloned().collect();
    all.extend(dups);
    for i in (1..all.len()).rev() {
        all.swap(i, rng.below(i + 1));
    }
    all
}

/// Lay the logs out in a data folder, each writer's log cut into 1–3 files.
fn write_split(root: &Path, logs: &[Vec<Op>], seed: u64) {
    let mut rng = Rng::new(seed);
    let dir = root.join("log").join(MEETING);
    std::fs::create_dir_all(&dir).expect("mkdir");
    for ops in logs {
        let Some(first) = ops.first() else { continue };
        let parts = 1 + rng.below(3);
        let mut start = 0;
        for p in 0..parts {
            let end = if p + 1 == parts {
                ops.len()
            } else {
                start + rng.below(ops.len() - start + 1)
            };
            std::fs::write(
                dir.join(format!("{}-{p}.jsonl", first.writer)),
                encode_lines(&ops[start..end]),
            )
            .expect("write");
            start = end;
        }
    }
    // The forum log must exist, or opening the folder seeds the template into it.
    let forum = root.join("log").join("forum");
    std::fs::create_dir_all(&forum).expect("mkdir");
    std::fs::write(forum.join("empty.jsonl"), b"").expect("write");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_order_duplication_and_split_folds_to_the_same_minutes(
        seed in any::<u64>(),
        writers in 2usize..=8,
        items in 1usize..8,
        edits in 0usize..80,
        shuffle in any::<u64>(),
    ) {
        let script = meeting_script(seed, MEETING, 2026, items, edits);
        let logs = script_to_logs(&script, writers, 1_780_000_000_000);
        let reference = minutes_of(logs.iter().flatten().cloned().collect());
        prop_assert_eq!(&minutes_of(shuffled_with_duplicates(&logs, shuffle)), &reference);
        let reversed: Vec<Op> = logs.iter().rev().flatten().cloned().collect();
        prop_assert_eq!(&minutes_of(reversed), &reference);

        let dir = tempfile::tempdir().expect("tempdir");
        write_split(dir.path(), &logs, shuffle);
        let mut store = Store::open(dir.path(), Author::default()).expect("open");
        let doc = store.load(&Load::Meeting(MEETING.into()));
        let real_problems: Vec<_> = store
            .problems
            .iter()
            .filter(|p| !matches!(p.kind, ProblemKind::PermissionsFixed { .. }))
            .collect();
        prop_assert!(real_problems.is_empty(), "{:?}", real_problems);
        let from_files = minutes_bytes(&doc.minutes(MEETING).expect("meeting"));
        prop_assert_eq!(from_files, reference);
    }

    #[test]
    fn no_acknowledged_op_is_lost(
        seed in any::<u64>(),
        writers in 2usize..=8,
        edits in 1usize..120,
        shuffle in any::<u64>(),
    ) {
        let script = meeting_script(seed, MEETING, 2026, 5, edits);
        let logs = script_to_logs(&script, writers, 1_780_000_000_000);
        let doc = fold(shuffled_with_duplicates(&logs, shuffle));
        let m = doc.meeting(MEETING).expect("meeting");
        for op in logs.iter().flatten() {
            match &op.change {
                Change::ItemAdd { item, .. } => prop_assert!(m.item(item).is_some(), "item {item} lost"),
                Change::Position { item, reason, .. } => {
                    let it = m.item(item).expect("item");
                    prop_assert!(it.positions.iter().any(|p| &p.reason == reason), "position {reason} lost");
                }
                Change::Statement { item, text, party, .. } => {
                    let it = m.item(item).expect("item");
                    let own = op.by.party.as_deref() == Some(party.as_str());
                    let kept = it.statements.iter().any(|s| &s.text == text);
                    prop_assert_eq!(kept, own, "statement {} kept={} own={}", text, kept, own);
                    if !own {
                        let id = op.id();
                        prop_assert!(doc.rejected.iter().any(|r| r.op == id), "refused statement not shown");
                    }
                }
                Change::ActionAdd { id, .. } => prop_assert!(doc.action(id).is_some(), "action {id} lost"),
                _ => {}
            }
        }
    }

    #[test]
    fn a_torn_tail_drops_only_that_line(
        seed in any::<u64>(),
        edits in 1usize..40,
        cut in any::<u64>(),
    ) {
        let script = meeting_script(seed, MEETING, 2026, 3, edits);
        let logs = script_to_logs(&script, 1, 1_780_000_000_000);
        let ops = &logs[0];
        let bytes = encode_lines(ops);
        let last_len = ops.last().expect("ops").encode().len() + 1;
        let start_of_last = bytes.len() - last_len;
        // Cut somewhere inside the last line, but keep at least one byte of it.
        let keep = start_of_last + 1 + (cut as usize % (last_len - 2));
        let (got, problems) = parse_log(Path::new("w.jsonl"), &bytes[..keep]);
        prop_assert_eq!(&got[..], &ops[..ops.len() - 1]);
        prop_assert_eq!(problems.len(), 1);
        prop_assert_eq!(&problems[0].kind, &ProblemKind::TornTail);
        prop_assert_eq!(problems[0].line, Some(ops.len()));
    }
}
