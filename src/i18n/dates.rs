//! Dates and times as people write them in each language.

use super::{Lang, Msg};

/// The months, January first.
const MONTHS: [Msg; 12] = [
    Msg::January,
    Msg::February,
    Msg::March,
    Msg::April,
    Msg::May,
    Msg::June,
    Msg::July,
    Msg::August,
    Msg::September,
    Msg::October,
    Msg::November,
    Msg::December,
];

/// A date as people write it: "8. desember 2026" / "8 December 2026".
pub fn long_date(lang: Lang, d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let month = lang.t(MONTHS[d.month0() as usize]);
    match lang {
        Lang::Nb => format!("{}. {month} {}", d.day(), d.year()),
        Lang::En => format!("{} {month} {}", d.day(), d.year()),
    }
}

/// An RFC 3339 time as "8. desember 2026 kl. 10.00" / "8 December 2026, 10:00"; text that
/// is not a time is returned as it is.
pub fn long_datetime(lang: Lang, rfc3339: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(rfc3339) {
        Ok(t) => {
            let date = long_date(lang, t.date_naive());
            match lang {
                Lang::Nb => format!("{date} kl. {}", t.format("%H.%M")),
                Lang::En => format!("{date}, {}", t.format("%H:%M")),
            }
        }
        Err(_) => rfc3339.to_string(),
    }
}

/// When a meeting runs: "8. desember 2026 kl. 10.00–12.00" / "8 December 2026,
/// 10:00–12:00"; an end on another day is written out in full.
pub fn long_span(lang: Lang, start: &str, end: Option<&str>) -> String {
    let from = long_datetime(lang, start);
    let Some(end) = end else {
        return from;
    };
    let parse = chrono::DateTime::parse_from_rfc3339;
    match (parse(start), parse(end)) {
        (Ok(a), Ok(b)) if a.date_naive() == b.date_naive() => {
            let f = match lang {
                Lang::Nb => "%H.%M",
                Lang::En => "%H:%M",
            };
            format!("{from}–{}", b.format(f))
        }
        _ => format!("{from} – {}", long_datetime(lang, end)),
    }
}

/// A short time stamp: "08.12.2026 10.15" / "2026-12-08 10:15".
pub fn short_datetime(lang: Lang, rfc3339: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(rfc3339) {
        Ok(t) => match lang {
            Lang::Nb => t.format("%d.%m.%Y %H.%M").to_string(),
            Lang::En => t.format("%Y-%m-%d %H:%M").to_string(),
        },
        Err(_) => rfc3339.to_string(),
    }
}

pub fn short_date(lang: Lang, d: chrono::NaiveDate) -> String {
    match lang {
        Lang::Nb => d.format("%d.%m.%Y").to_string(),
        Lang::En => d.format("%Y-%m-%d").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_people_write_them() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 12, 8).expect("date");
        assert_eq!(long_date(Lang::Nb, d), "8. desember 2026");
        assert_eq!(long_date(Lang::En, d), "8 December 2026");
        assert_eq!(
            long_datetime(Lang::Nb, "2026-12-08T10:00:00+01:00"),
            "8. desember 2026 kl. 10.00"
        );
        assert_eq!(long_datetime(Lang::En, "not a time"), "not a time");
        let (a, b) = ("2026-12-08T10:00:00+01:00", "2026-12-08T12:30:00+01:00");
        assert_eq!(
            long_span(Lang::Nb, a, Some(b)),
            "8. desember 2026 kl. 10.00–12.30"
        );
        assert_eq!(
            long_span(Lang::En, a, Some(b)),
            "8 December 2026, 10:00–12:30"
        );
        assert_eq!(
            long_span(Lang::En, a, Some("2026-12-09T09:00:00+01:00")),
            "8 December 2026, 10:00 – 9 December 2026, 09:00"
        );
    }
}
