//! The merge: any interleaving, duplication and split of the same ops folds to the same
//! minutes, byte for byte; no acknowledged op is lost (votes included: every ballot is
//! counted or shown as refused); a torn tail drops only that line.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::meetings::script_logs;
use proptest::prelude::*;
use samrad::demo::Rng;
use samrad::model::{Author, Change, Doc, RejectReason, Vote, tally};
use samrad::store::fold::fold;
use samrad::store::log::parse_log;
use samrad::store::op::encode_lines;
use samrad::store::pack::{self, Section};
use samrad::store::packing;
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

/// Lay the logs out in a data folder as the store writes them: each writer's ops of each
/// scope in `log/<scope>/<writer>.jsonl`, the folders made in a shuffled order.
fn write_split(root: &Path, logs: &[Vec<Op>], seed: u64) {
    let mut rng = Rng::new(seed);
    let forum = root.join("log").join("forum");
    let meeting = root.join("log").join(MEETING);
    let mut dirs = [&forum, &meeting];
    if rng.below(2) == 1 {
        dirs.reverse();
    }
    for dir in dirs {
        std::fs::create_dir_all(dir).expect("mkdir");
    }
    for ops in logs {
        let Some(first) = ops.first() else { continue };
        let (in_forum, in_meeting): (Vec<Op>, Vec<Op>) = ops
            .iter()
            .cloned()
            .partition(|op| op.change.scope() == samrad::model::Scope::Forum);
        for (dir, ops) in [(&forum, in_forum), (&meeting, in_meeting)] {
            if !ops.is_empty() {
                let path = dir.join(format!("{}.jsonl", first.writer));
                std::fs::write(path, encode_lines(&ops)).expect("write");
            }
        }
    }
}

/// A ballot as the minutes show it: (voter, option, at, by).
type BallotKey = (String, Option<usize>, String, String);

/// Votes in the fold: replay the ops in fold order (clock, writer, seq) with a model of the
/// rules (a ballot counts while its vote is open and the voter is the author's party) and
/// compare with the `Doc`: every accepted ballot is there exactly once, every refused one
/// is in `doc.rejected` under its op id and reason, open/closed is right, and the outcome
/// in the minutes is what `tally` says for the ballots shown.
fn check_votes(logs: &[Vec<Op>], doc: &Doc) -> Result<(), TestCaseError> {
    let mut ops: Vec<&Op> = logs.iter().flatten().collect();
    ops.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
    // vote id -> (open, accepted ballots)
    let mut votes: BTreeMap<&str, (bool, Vec<BallotKey>)> = BTreeMap::new();
    for op in &ops {
        match &op.change {
            Change::VoteOpen { vote, .. } => {
                votes.insert(vote, (true, Vec::new()));
            }
            Change::VoteClose { vote, .. } => {
                let v = votes
                    .get_mut(vote.as_str())
                    .expect("closed vote was opened before");
                v.0 = false;
            }
            Change::VoteCast {
                vote,
                voter,
                option,
                ..
            } => {
                let (open, ballots) = votes
                    .get_mut(vote.as_str())
                    .expect("a ballot's vote was opened before it");
                let own = op.by.party.as_deref() == Some(voter.as_str());
                let id = op.id();
                let refusal = doc.rejected.iter().find(|r| r.op == id);
                let expected = if !*open {
                    Some(RejectReason::VoteClosed)
                } else if !own {
                    Some(RejectReason::NotYourParty)
                } else {
                    None
                };
                match expected {
                    None => {
                        prop_assert!(
                            refusal.is_none(),
                            "accepted ballot {} is refused: {:?}",
                            id,
                            refusal
                        );
                        ballots.push((voter.clone(), *option, op.at.clone(), op.by.name.clone()));
                    }
                    Some(reason) => {
                        let refusal = refusal.ok_or_else(|| {
                            TestCaseError::fail(format!(
                                "refused ballot {id} is not in doc.rejected"
                            ))
                        })?;
                        prop_assert_eq!(&refusal.reason, &reason, "ballot {}", id);
                        prop_assert_eq!(refusal.meeting.as_deref(), Some(MEETING));
                    }
                }
            }
            _ => {}
        }
    }
    let minutes = doc.minutes(MEETING).expect("minutes");
    let shown: BTreeMap<&str, &Vote> = minutes
        .meeting
        .items
        .iter()
        .flat_map(|it| &it.votes)
        .map(|v| (v.id.as_str(), v))
        .collect();
    prop_assert_eq!(shown.len(), votes.len(), "votes in the minutes");
    for (id, (open, expected)) in &votes {
        let v = shown
            .get(id)
            .ok_or_else(|| TestCaseError::fail(format!("vote {id} not in the minutes")))?;
        prop_assert_eq!(v.open, *open, "vote {} open", id);
        let mut got: Vec<_> = v
            .ballots
            .iter()
            .map(|b| (b.voter.clone(), b.option, b.at.clone(), b.by.clone()))
            .collect();
        let mut want = expected.clone();
        got.sort();
        want.sort();
        prop_assert_eq!(got, want, "ballots of vote {}", id);
        // The outcome is computed once something was counted or the vote closed, and is
        // then always what `tally` says for the ballots shown.
        let counted = !v.ballots.is_empty() || v.counts.is_some() || !v.open;
        prop_assert_eq!(v.outcome.is_some(), counted, "vote {} has an outcome", id);
        if let Some(outcome) = &v.outcome {
            prop_assert_eq!(outcome, &tally(v), "outcome of vote {}", id);
        }
    }
    Ok(())
}

/// The demo script does reach the vote rules checked above: for some seed there are
/// accepted ballots, ballots refused because the vote was closed, and closed votes.
#[test]
fn the_script_exercises_votes() {
    let (mut accepted, mut refused, mut closed) = (0, 0, 0);
    for seed in 0..20 {
        let logs = script_logs(seed, MEETING, 5, 120, 4);
        let doc = fold(logs.iter().flatten().cloned().collect());
        let m = doc.meeting(MEETING).expect("meeting");
        let votes = m.items.iter().flat_map(|it| &it.votes);
        accepted += votes.clone().map(|v| v.ballots.len()).sum::<usize>();
        closed += votes.filter(|v| !v.open).count();
        refused += doc
            .rejected
            .iter()
            .filter(|r| r.reason == RejectReason::VoteClosed)
            .count();
    }
    assert!(
        accepted > 0 && refused > 0 && closed > 0,
        "accepted {accepted}, refused {refused}, closed {closed}"
    );
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
        let logs = script_logs(seed, MEETING, items, edits, writers);
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
    fn logs_packed_in_any_state_fold_to_the_same_minutes(
        seed in any::<u64>(),
        writers in 1usize..=6,
        edits in 0usize..60,
        split in any::<u64>(),
    ) {
        let logs = script_logs(seed, MEETING, 3, edits, writers);
        let reference = minutes_of(logs.iter().flatten().cloned().collect());
        let dir = tempfile::tempdir().expect("tempdir");
        write_split(dir.path(), &logs, split);
        let meeting = dir.path().join("log").join(MEETING);
        // Two packs made apart, on machines that had read each log up to some line or not
        // at all; a log both hold whole is removed, the others stay.
        let mut rng = Rng::new(split);
        let mut packs = [Vec::new(), Vec::new()];
        let mut names: Vec<String> = std::fs::read_dir(&meeting)
            .expect("read")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        for name in &names {
            let bytes = std::fs::read(meeting.join(name)).expect("read");
            let line_ends: Vec<usize> = bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1)
                .collect();
            let mut whole = false;
            for pack in &mut packs {
                match rng.below(3) {
                    0 => {}
                    1 => {
                        whole = true;
                        pack.push(Section { name: name.clone(), bytes: bytes.clone() });
                    }
                    _ => {
                        let end = line_ends[rng.below(line_ends.len())];
                        pack.push(Section { name: name.clone(), bytes: bytes[..end].to_vec() });
                    }
                }
            }
            if whole && rng.below(2) == 0 {
                std::fs::remove_file(meeting.join(name)).expect("remove");
            }
        }
        for sections in packs.iter().filter(|p| !p.is_empty()) {
            let (name, bytes) = pack::encode(sections);
            std::fs::write(meeting.join(name), bytes).expect("write");
        }
        let read = |root: &Path| {
            let mut store = Store::open(root, Author::default()).expect("open");
            let doc = store.load(&Load::Meeting(MEETING.into()));
            let problems: Vec<_> = store
                .problems
                .iter()
                .filter(|p| !matches!(p.kind, ProblemKind::PermissionsFixed { .. }))
                .cloned()
                .collect();
            (minutes_bytes(&doc.minutes(MEETING).expect("meeting")), problems)
        };
        let (minutes, problems) = read(dir.path());
        prop_assert!(problems.is_empty(), "{:?}", problems);
        prop_assert_eq!(&minutes, &reference);

        // Packing joins them into one, and the minutes stay.
        let layout = samrad::store::Layout::new(dir.path());
        let packed = packing::pack_meeting(&layout, MEETING, i64::MAX, 0).expect("pack");
        prop_assert!(matches!(packed, packing::Packed::Done { .. } | packing::Packed::Already), "{:?}", packed);
        let left: Vec<String> = std::fs::read_dir(&meeting)
            .expect("read")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        prop_assert_eq!(left.len(), 1, "{:?}", left);
        prop_assert!(pack::is_pack_name(&left[0]));
        let (minutes, problems) = read(dir.path());
        prop_assert!(problems.is_empty(), "{:?}", problems);
        prop_assert_eq!(minutes, reference);
    }

    #[test]
    fn no_acknowledged_op_is_lost(
        seed in any::<u64>(),
        writers in 2usize..=8,
        edits in 1usize..120,
        shuffle in any::<u64>(),
    ) {
        let logs = script_logs(seed, MEETING, 5, edits, writers);
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
                Change::VoteOpen { item, vote, .. } => {
                    let it = m.item(item).expect("item");
                    prop_assert!(it.votes.iter().any(|v| &v.id == vote), "vote {vote} lost");
                }
                _ => {}
            }
        }
        check_votes(&logs, &doc)?;
    }

    #[test]
    fn a_torn_tail_drops_only_that_line(
        seed in any::<u64>(),
        edits in 1usize..40,
        cut in any::<u64>(),
    ) {
        let logs = script_logs(seed, MEETING, 3, edits, 1);
        let ops = &logs[1];
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
