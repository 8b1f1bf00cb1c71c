//! Time in Norway, on working days.

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Weekday,
};

use crate::demo::Rng;
const CET: FixedOffset = match FixedOffset::east_opt(3600) {
    Some(o) => o,
    None => panic!("UTC+1 is an offset"),
};
const CEST: FixedOffset = match FixedOffset::east_opt(7200) {
    Some(o) => o,
    None => panic!("UTC+2 is an offset"),
};

/// Norwegian local time: CET, and CEST from the last Sunday of March to the last Sunday of
/// October (for daytime hours, the day is enough).
fn oslo_offset(day: NaiveDate) -> FixedOffset {
    let last_sunday = |month: u32| {
        let end = NaiveDate::from_ymd_opt(day.year(), month, 31).unwrap_or(day);
        end - Duration::days(i64::from(end.weekday().num_days_from_sunday()))
    };
    if day >= last_sunday(3) && day < last_sunday(10) {
        CEST
    } else {
        CET
    }
}

pub(super) fn local(t: NaiveDateTime) -> DateTime<FixedOffset> {
    let offset = oslo_offset(t.date());
    let utc = t - Duration::seconds(i64::from(offset.local_minus_utc()));
    DateTime::from_naive_utc_and_offset(utc, offset)
}

/// The text of a time as samrad writes it (RFC 3339, seconds, with offset).
pub(super) fn rfc3339(t: NaiveDateTime) -> String {
    local(t).to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

pub(super) fn at_hm(day: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    day.and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default())
}

pub(super) fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

pub(super) fn prev_weekday(mut day: NaiveDate) -> NaiveDate {
    loop {
        day -= Duration::days(1);
        if !is_weekend(day) {
            return day;
        }
    }
}

pub(super) fn weekday_on_or_before(day: NaiveDate) -> NaiveDate {
    if is_weekend(day) {
        prev_weekday(day)
    } else {
        day
    }
}

fn weekday_on_or_after(mut day: NaiveDate) -> NaiveDate {
    while is_weekend(day) {
        day += Duration::days(1);
    }
    day
}

/// A working-hours moment on `day` (moved to a weekday): 08:00 to 15:59.
pub(super) fn office_time(rng: &mut Rng, day: NaiveDate) -> NaiveDateTime {
    at_hm(weekday_on_or_after(day), 8, 0) + Duration::seconds(rng.below(8 * 3600) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norwegian_time_has_summer_and_winter() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        // 2026: summer time from 29 March to 25 October.
        for (day, hour, time) in [
            ("2026-11-24", 10, "2026-11-24T10:00:00+01:00"),
            ("2026-06-16", 10, "2026-06-16T10:00:00+02:00"),
            ("2026-03-29", 12, "2026-03-29T12:00:00+02:00"),
            ("2026-03-28", 12, "2026-03-28T12:00:00+01:00"),
            ("2026-10-25", 12, "2026-10-25T12:00:00+01:00"),
        ] {
            assert_eq!(rfc3339(at_hm(d(day), hour, 0)), time);
        }
    }
}
