//! Deadlines of the Hovedavtalen § 20 for drøfting and forhandling.

use chrono::{Days, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ha20Deadlines {
    /// The drøfting or forhandling must start at the latest on this day.
    pub start_by: NaiveDate,
}

/// From the day a drøfting or forhandling was demanded: it must start within two weeks.
pub fn ha20_deadlines(demanded: NaiveDate) -> Ha20Deadlines {
    Ha20Deadlines {
        start_by: demanded + Days::new(14),
    }
}

impl Ha20Deadlines {
    /// Either party may demand that the talks end one week after they started.
    pub fn end_may_be_demanded_from(started: NaiveDate) -> NaiveDate {
        started + Days::new(7)
    }

    pub fn start_is_late(&self, started: NaiveDate) -> bool {
        started > self.start_by
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    #[test]
    fn start_within_two_weeks_of_the_demand() {
        let dl = ha20_deadlines(d("2026-03-02"));
        assert_eq!(dl.start_by, d("2026-03-16"));
        assert!(!dl.start_is_late(d("2026-03-16")));
        assert!(dl.start_is_late(d("2026-03-17")));
    }

    #[test]
    fn deadlines_cross_month_and_year_ends() {
        assert_eq!(ha20_deadlines(d("2026-12-24")).start_by, d("2027-01-07"));
        assert_eq!(ha20_deadlines(d("2028-02-20")).start_by, d("2028-03-05"));
    }

    #[test]
    fn end_may_be_demanded_one_week_after_start() {
        assert_eq!(
            Ha20Deadlines::end_may_be_demanded_from(d("2026-03-10")),
            d("2026-03-17")
        );
    }
}
