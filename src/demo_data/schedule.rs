//! When the meetings are, and how far each has come by "the present".

use anyhow::{Result, bail};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

use super::time::{at_hm, prev_weekday, weekday_on_or_before};
use crate::demo::Rng;
use crate::model::Id;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Fate {
    Approved,
    /// Out for approval, the deadline passed, answers missing and changes asked for.
    Overdue,
    /// Out for approval, within the deadline.
    Circulated,
    /// Held, minutes not yet sent round.
    Closed,
    /// The agenda is ready; not yet held.
    Planned,
}

#[derive(Debug, Clone)]
pub(super) struct Slot {
    /// Its place in the schedule: 0 is the oldest meeting.
    pub(super) index: usize,
    pub(super) id: Id,
    pub(super) start: NaiveDateTime,
    pub(super) fate: Fate,
}

/// Meeting times, oldest first: the newest few fixed around the present, the rest every two
/// to four weeks going back, or closer (up to four a day) when that would reach before 1980.
/// Also returns how many meetings share a day (1 to 4).
pub(super) fn schedule(n: usize, present: NaiveDate, ids: &mut Rng) -> Result<(Vec<Slot>, usize)> {
    let tail_all = [
        (Fate::Overdue, present - Duration::days(39)),
        (Fate::Circulated, present - Duration::days(11)),
        (Fate::Closed, present - Duration::days(4)),
        (Fate::Planned, present + Duration::days(17)),
    ];
    let tail_len = n.min(tail_all.len());
    let tail: Vec<(Fate, NaiveDateTime)> = tail_all[tail_all.len() - tail_len..]
        .iter()
        .map(|(f, d)| (*f, at_hm(weekday_on_or_before(*d), 10, 0)))
        .collect();
    let older = n - tail_len;
    let first_tail = tail.first().map(|(_, t)| t.date()).unwrap_or(present);
    let earliest = NaiveDate::from_ymd_opt(1980, 1, 1).unwrap_or(present);
    let span_days = (first_tail - earliest).num_days().max(1) as usize;
    let weekdays = span_days * 5 / 7;
    let (per_day, lo, hi) = if older * 15 <= weekdays {
        (1, 10, 20)
    } else {
        let per_day = older.div_ceil(weekdays.max(1));
        if per_day > 4 {
            bail!("{n} meetings do not fit in the years since 1980");
        }
        let avg = (weekdays * per_day / older.max(1)).max(1);
        (per_day, avg.div_ceil(2).max(1), (avg * 3 / 2).max(1))
    };
    let hours: &[(u32, u32)] = match per_day {
        1 => &[(10, 0)],
        2 => &[(9, 0), (13, 0)],
        3 => &[(8, 30), (11, 30), (14, 30)],
        _ => &[(8, 0), (10, 30), (13, 0), (15, 30)],
    };
    let mut gaps = Rng::new(ids.next_u64());
    let mut day = first_tail;
    let mut j = 0usize;
    let mut back: Vec<(Fate, NaiveDateTime)> = Vec::with_capacity(older);
    for _ in 0..older {
        for _ in 0..lo + gaps.below(hi - lo + 1) {
            if j > 0 {
                j -= 1;
            } else {
                day = prev_weekday(day);
                j = per_day - 1;
            }
        }
        let (h, m) = hours[j.min(hours.len() - 1)];
        back.push((Fate::Approved, at_hm(day, h, m)));
    }
    if day.year() < 1971 {
        bail!("{n} meetings reach back before 1971");
    }
    back.reverse();
    back.extend(tail);
    let slots = back
        .into_iter()
        .enumerate()
        .map(|(index, (fate, start))| Slot {
            index,
            id: format!("m-{}-{:06x}", start.date(), ids.next_u64() >> 40),
            start,
            fate,
        })
        .collect();
    Ok((slots, per_day))
}

#[cfg(test)]
mod tests {
    use super::super::time::is_weekend;
    use super::*;

    #[test]
    fn the_schedule_goes_forward_on_weekdays_and_ends_planned() {
        let present = NaiveDate::from_ymd_opt(2026, 11, 28).expect("date");
        for n in [1, 2, 5, 30, 10_000] {
            let (slots, _) = schedule(n, present, &mut Rng::new(3)).expect("schedule");
            assert_eq!(slots.len(), n);
            assert!(slots.windows(2).all(|w| w[0].start < w[1].start));
            assert!(slots.iter().all(|s| !is_weekend(s.start.date())));
            assert_eq!(slots.last().map(|s| s.fate), Some(Fate::Planned));
            assert!(slots[0].start.year() >= 1980);
        }
    }
}
