//! Merge on read: the union of all logs, duplicates dropped, ordered by (clock, writer, seq),
//! folded into a `Doc`. The same ops give the same `Doc`, whatever order they came in.
//! Who sits in the forum with which key (the roster) is folded first, so that every other
//! op is judged by the whole roster, whenever it was written.

use super::Hlc;
use super::op::Op;
use crate::model::{Change, Doc};

/// The positions of `ops` in fold order, duplicates (the same line twice) left out.
/// Ops are large: sorting positions and not the ops themselves saves moving them, and
/// writers are ranked first, so that the sort compares numbers, not names.
pub fn fold_order(ops: &[Op]) -> Vec<usize> {
    let mut writers: Vec<&str> = ops.iter().map(|o| o.writer.as_str()).collect();
    writers.sort_unstable();
    writers.dedup();
    let rank = |w: &str| writers.binary_search(&w).unwrap_or_default();
    // (fold key with the writer's rank for its name, position)
    let mut keyed: Vec<((bool, Hlc, usize, u64), usize)> = ops
        .iter()
        .enumerate()
        .map(|(i, op)| {
            let (roster, (clock, writer, seq)) = fold_key(op);
            ((roster, clock, rank(writer), seq), i)
        })
        .collect();
    keyed.sort_unstable();
    let mut order = Vec::with_capacity(ops.len());
    let mut start = 0;
    while start < keyed.len() {
        let key = keyed[start].0;
        let mut end = start + 1;
        while end < keyed.len() && keyed[end].0 == key {
            end += 1;
        }
        if end - start == 1 {
            order.push(keyed[start].1);
        } else {
            order.extend(same_key(ops, keyed[start..end].iter().map(|k| k.1)));
        }
        start = end;
    }
    order
}

/// Lines that claim one key (a log and its conflict copy, or a forged id), in fold order:
/// by their bytes, so the choice does not depend on which file was read first. The same
/// line twice (its key, writer, number and bytes) is folded once, as a log and its
/// conflict copy hold it. A line that copies another writer's number under another key
/// is another op, judged on its own: it cannot stand in for the real one. Two lines of
/// one writer and key with one number are a fork of its history (`leftovers`): both were
/// written in its name, both are folded, and the fork is reported. The same line always
/// has the same key, so duplicates are only ever found here.
fn same_key(ops: &[Op], positions: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut run: Vec<(String, usize)> = positions.map(|i| (ops[i].encode(), i)).collect();
    run.sort();
    let mut kept: Vec<usize> = Vec::with_capacity(run.len());
    for (_, i) in run {
        if !kept
            .iter()
            .any(|&k| ops[k].digest == ops[i].digest && ops[k].key == ops[i].key)
        {
            kept.push(i);
        }
    }
    kept
}

/// Where an op stands in the fold: the template (which seeds the forum) and the roster
/// first, then everything else; each by clock, writer and number.
fn fold_key(op: &Op) -> (bool, (super::Hlc, &str, u64)) {
    let roster = op.writer == crate::model::TEMPLATE_WRITER || op.change.is_roster();
    (!roster, op.order_key())
}

/// Sort into fold order and drop duplicates.
pub fn merge(ops: &mut Vec<Op>) {
    let order = fold_order(ops);
    let mut slots: Vec<Option<Op>> = std::mem::take(ops).into_iter().map(Some).collect();
    ops.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

pub fn fold(mut ops: Vec<Op>) -> Doc {
    let order = fold_order(&ops);
    let mut doc = Doc::default();
    for i in order {
        let change = std::mem::replace(&mut ops[i].change, Change::placeholder());
        let op = &ops[i];
        // A refused op is recorded in the doc; the fold goes on.
        let _ = doc.apply(&op.meta(), change);
    }
    doc.settle_numbers();
    doc
}

/// One meeting folded with the forum: the forum's ops and the meeting's together, in fold
/// order. The one way a meeting is folded on its own: for the app (`Load::Meeting`), for
/// `samrad verify`, and for each meeting of the archive index.
pub fn fold_meeting(forum_ops: Vec<Op>, meeting_ops: Vec<Op>) -> Doc {
    let mut ops = forum_ops;
    ops.extend(meeting_ops);
    fold(ops)
}

/// Whether a forum op can change how a meeting folds. A meeting depends on the forum's
/// parties and people (who must approve), never on the action list or the inputs to
/// development areas: those can be left out of a meeting's fold when only the meeting is
/// wanted.
pub fn shapes_meetings(op: &Op) -> bool {
    !matches!(
        op.change,
        Change::ActionAdd { .. } | Change::ActionSet { .. } | Change::AreaInput { .. }
    )
}
