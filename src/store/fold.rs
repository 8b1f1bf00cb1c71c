//! Merge on read: the union of all logs, duplicates dropped, ordered by (clock, writer, seq),
//! folded into a `Doc`. The same ops give the same `Doc`, whatever order they came in.
//! Who sits in the forum with which key (the roster) is folded first, so that every other
//! op is judged by the whole roster, whenever it was written.

use super::op::Op;
use crate::model::{Change, Doc};

/// The positions of `ops` in fold order, duplicates (the same `writer:seq`) left out.
/// Ops are large: sorting positions and not the ops themselves saves moving them.
pub fn fold_order(ops: &[Op]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..ops.len()).collect();
    order.sort_unstable_by(|&a, &b| fold_key(&ops[a]).cmp(&fold_key(&ops[b])));
    // Two lines claiming one key (a copy of a log, or a forged id): order them by their
    // bytes, so the choice does not depend on which file was read first. Each line of such
    // a run is encoded once.
    let mut start = 0;
    while start < order.len() {
        let key = fold_key(&ops[order[start]]);
        let mut end = start + 1;
        while end < order.len() && fold_key(&ops[order[end]]) == key {
            end += 1;
        }
        if end - start > 1 {
            let mut run: Vec<(String, usize)> = order[start..end]
                .iter()
                .map(|&i| (ops[i].encode(), i))
                .collect();
            run.sort();
            for (k, (_, i)) in run.into_iter().enumerate() {
                order[start + k] = i;
            }
        }
        start = end;
    }
    // Duplicates: the same line (its key, writer, number and bytes) anywhere, as a log and
    // its conflict copy hold it; the first in fold order stays. A line that copies another
    // writer's number under another key is another op, judged on its own: it cannot stand
    // in for the real one. Two lines of one writer and key with one number are a fork of
    // its history (`leftovers`): both were written in its name, both are folded, and the
    // fork is reported.
    let mut by_id: Vec<(&str, &str, u64, &[u8; 32], usize)> = order
        .iter()
        .enumerate()
        .map(|(rank, &i)| {
            (
                ops[i].key.as_str(),
                ops[i].writer.as_str(),
                ops[i].seq,
                &ops[i].digest,
                rank,
            )
        })
        .collect();
    by_id.sort_unstable();
    let mut keep = vec![true; order.len()];
    for pair in by_id.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a.0 == b.0 && a.1 == b.1 && a.2 == b.2 && a.3 == b.3 {
            keep[b.4] = false;
        }
    }
    let mut rank = 0;
    order.retain(|_| {
        rank += 1;
        keep[rank - 1]
    });
    order
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
