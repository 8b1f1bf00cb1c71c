//! Sak numbers unique within the forum and year, whatever order machines added items in.
//!
//! An item's `ItemAdd` claims a number (the next free one its writer knew of). With the item
//! the writer also records the claim in the forum's log (`Change::ItemNumbers`), which
//! every machine reads whichever meeting it opens, and when the minutes go round for
//! approval the numbers they show are recorded there as fixed. `settle_numbers` then gives
//! every item its number by one rule: fixed numbers first, then claims in the order they
//! were made (the ops' fold order); a claim whose number is taken gets the next number
//! after every number claimed in that year. Every machine with the same ops gets the same
//! numbers, and a number shown in circulated or approved minutes never changes.

use std::collections::{BTreeMap, BTreeSet};

use super::Doc;
use crate::model::{ClaimOrder, Id, ItemNumber, NumberRecord, OpMeta};

/// Where an op's claim stands among all claims.
pub fn claim_order(meta: &OpMeta) -> ClaimOrder {
    ClaimOrder(
        meta.clock.0,
        meta.clock.1,
        meta.writer.to_string(),
        meta.seq,
    )
}

impl Doc {
    /// Settle the numbers if a change since the last settling may have moved one.
    pub(super) fn settle_numbers_if_needed(&mut self) {
        if self.numbers_unsettled {
            self.settle_numbers();
        }
    }

    /// Record the claims or fixed numbers of an `ItemNumbers` change.
    pub(super) fn record_numbers(
        &mut self,
        meta: &OpMeta,
        meeting: Id,
        numbers: Vec<(Id, ItemNumber)>,
        fixed: bool,
    ) {
        let order = claim_order(meta);
        for (item, number) in numbers {
            let same = |r: &NumberRecord| r.item == item && r.fixed == fixed;
            // The first claim of an item counts; a later fixing replaces an earlier one.
            match self.numbers.iter_mut().find(|r| same(r)) {
                Some(r) if fixed => r.number = number,
                Some(_) => {}
                None => self.numbers.push(NumberRecord {
                    meeting: meeting.clone(),
                    item,
                    number,
                    order: order.clone(),
                    fixed,
                }),
            }
        }
    }

    /// Give every item of the loaded meetings its number (see the module's rule).
    pub fn settle_numbers(&mut self) {
        self.numbers_unsettled = false;
        struct Entry {
            want: ItemNumber,
            order: ClaimOrder,
            fixed: bool,
        }
        let mut entries: BTreeMap<Id, Entry> = BTreeMap::new();
        for r in self.numbers.iter().filter(|r| !r.fixed) {
            entries.entry(r.item.clone()).or_insert(Entry {
                want: r.number,
                order: r.order.clone(),
                fixed: false,
            });
        }
        for m in &self.meetings {
            // Minutes that went round before numbers were recorded keep what they showed.
            let shown = m.status.is_read_only()
                || m.circulated_at.is_some()
                || !m.earlier_versions.is_empty();
            for item in &m.items {
                let Some(claim) = &item.claim else { continue };
                let e = entries.entry(item.id.clone()).or_insert(Entry {
                    want: claim.number,
                    order: claim.order.clone(),
                    fixed: false,
                });
                if shown && !self.numbers.iter().any(|r| r.fixed && r.item == item.id) {
                    e.want = item.number;
                    e.fixed = true;
                }
            }
        }
        for r in self.numbers.iter().filter(|r| r.fixed) {
            let e = entries.entry(r.item.clone()).or_insert(Entry {
                want: r.number,
                order: r.order.clone(),
                fixed: true,
            });
            e.want = r.number;
            e.fixed = true;
        }
        if entries.is_empty() {
            return;
        }
        let mut ceiling: BTreeMap<i32, u32> = BTreeMap::new();
        for e in entries.values() {
            let c = ceiling.entry(e.want.year).or_default();
            *c = (*c).max(e.want.n);
        }
        let mut sorted: Vec<(&Id, &Entry)> = entries.iter().collect();
        sorted.sort_by(|a, b| (!a.1.fixed, &a.1.order, a.0).cmp(&(!b.1.fixed, &b.1.order, b.0)));
        let mut used: BTreeSet<ItemNumber> = BTreeSet::new();
        let mut settled: BTreeMap<&Id, ItemNumber> = BTreeMap::new();
        for (id, e) in sorted {
            let number = if e.fixed || !used.contains(&e.want) {
                e.want
            } else {
                // A number from a hostile log may be the largest there is: no overflow.
                let c = ceiling.entry(e.want.year).or_default();
                *c = c.saturating_add(1);
                ItemNumber {
                    n: *c,
                    year: e.want.year,
                }
            };
            used.insert(number);
            settled.insert(id, number);
        }
        for m in &mut self.meetings {
            for item in &mut m.items {
                if let Some(n) = settled.get(&item.id) {
                    item.number = *n;
                }
            }
        }
    }
}
