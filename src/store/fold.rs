//! Merge on read: the union of all logs, duplicates dropped, ordered by (clock, writer, seq),
//! folded into a `Doc`. The same ops give the same `Doc`, whatever order they came in.

use std::cmp::Ordering;
use std::collections::HashSet;

use super::op::Op;
use crate::model::Doc;

/// Sort into fold order and drop duplicates (the same `writer:seq` seen twice).
pub fn merge(ops: &mut Vec<Op>) {
    ops.sort_by(|a, b| match a.order_key().cmp(&b.order_key()) {
        // Two different lines claiming one id: keep a choice that does not depend on
        // which file was read first.
        Ordering::Equal => a.encode().cmp(&b.encode()),
        other => other,
    });
    let mut seen: HashSet<(String, u64)> = HashSet::with_capacity(ops.len());
    ops.retain(|op| seen.insert((op.writer.clone(), op.seq)));
}

pub fn fold(mut ops: Vec<Op>) -> Doc {
    merge(&mut ops);
    let mut doc = Doc::default();
    for op in ops {
        let meta = op.meta();
        // A refused op is recorded in the doc; the fold goes on.
        let _ = doc.apply(&meta, op.change);
    }
    doc
}
