//! Action items and their future at later meetings.

use anyhow::Result;
use chrono::Duration;

use super::fill::{Vars, fill};
use super::generator::{ACTION_SPAN, Day, Gen, ItemPlan};
use super::people::{UNIONS, short};
use super::schedule::{Fate, Slot};
use super::text;
use crate::model::{ActionField, ActionStatus, Change, Id, Owner};

impl Gen {
    /// A new action item (by the secretariat's process) and the changes it will get at
    /// later meetings: most are done within a few meetings, some are moved or dropped, a
    /// very few stay open for good.
    pub(super) fn add_action(
        &mut self,
        day: &mut Day,
        slot: &Slot,
        it: &ItemPlan,
        topic: &str,
        proposed_by: Option<Id>,
    ) -> Result<()> {
        let id = self.new_id("t");
        let title = fill(
            self.pick(&text::ACTIONS),
            &Vars {
                t: topic,
                d: self.pick(&text::MINISTRIES),
                ..Vars::default()
            },
        );
        let owner = match self.rng.below(20) {
            0..=11 => Owner::Party("kmd".into()),
            12..=16 => Owner::Party(
                proposed_by
                    .clone()
                    .unwrap_or_else(|| UNIONS[self.rng.below(4)].into()),
            ),
            _ => Owner::Person("p-referent".into()),
        };
        let due = slot.start.date() + Duration::days(14 + 7 * self.rng.below(9) as i64);
        let status = if proposed_by.is_some() {
            ActionStatus::Proposed
        } else {
            ActionStatus::Open
        };
        self.day_forum_op(
            day,
            Change::ActionAdd {
                id: id.clone(),
                title,
                owner,
                due: Some(due),
                status,
                meeting: Some(slot.id.clone()),
                item: Some(it.id.clone()),
                areas: it.areas.clone(),
                proposed_by: proposed_by.clone(),
            },
        )?;
        // Its future.
        let k = slot.index;
        let mut at = k;
        let mut sets: Vec<(usize, ActionField)> = Vec::new();
        if proposed_by.is_some() {
            at += 1;
            sets.push((at, ActionField::Status(ActionStatus::Open)));
        }
        let who = short(UNIONS[self.rng.below(UNIONS.len())]);
        let cap = (2 + self.slots.len() / 2000).min(8);
        match self.rng.below(100) {
            0..=49 => {
                at += 1 + self.rng.below(3);
                if self.rng.chance(30) {
                    sets.push((
                        at,
                        ActionField::Note("Gjennomført; notatet er sendt ut.".into()),
                    ));
                }
                sets.push((at, ActionField::Status(ActionStatus::Done)));
            }
            50..=64 => {
                at += 1;
                sets.push((at, ActionField::Status(ActionStatus::InProgress)));
                at += 1 + self.rng.below(4);
                sets.push((at, ActionField::Status(ActionStatus::Done)));
            }
            65..=74 => {
                at += 1;
                let later = due + Duration::days(28 + 7 * self.rng.below(5) as i64);
                sets.push((at, ActionField::Due(Some(later))));
                sets.push((
                    at,
                    ActionField::Note(format!("Utsatt etter ønske fra {who}.")),
                ));
                at += 2 + self.rng.below(4);
                sets.push((at, ActionField::Status(ActionStatus::Done)));
            }
            75..=84 => {
                at += 1 + self.rng.below(3);
                sets.push((
                    at,
                    ActionField::Note("Bortfalt etter omorganiseringen.".into()),
                ));
                sets.push((at, ActionField::Status(ActionStatus::Dropped)));
            }
            85 | 86 if self.long_runners < cap => {
                self.long_runners += 1;
                at += 1;
                sets.push((at, ActionField::Status(ActionStatus::InProgress)));
                sets.push((at, ActionField::Note("Arbeidet pågår.".into())));
            }
            _ => {
                at += 1 + self.rng.below(2);
                sets.push((at, ActionField::Status(ActionStatus::InProgress)));
                at += 1 + self.rng.below(2);
                sets.push((at, ActionField::Status(ActionStatus::Done)));
            }
        }
        debug_assert!(at <= k + ACTION_SPAN);
        for (i, field) in sets {
            if self.slots.get(i).is_some_and(|s| s.fate != Fate::Planned) {
                self.pending.entry(i).or_default().push((id.clone(), field));
            }
        }
        Ok(())
    }
}
