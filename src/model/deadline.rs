//! Deadlines of the Hovedavtalen § 20 for drøfting and forhandling, and the time the
//! parties get to read the documents before a meeting.

use chrono::{Days, NaiveDate};

use super::{Document, Item, ItemKind, Meeting};

/// Days from the demand to the start, unless the parties agree on another deadline.
pub const START_WITHIN_DAYS: u64 = 14;
/// Days from the start to the end, unless the parties agree on something else.
pub const END_WITHIN_DAYS: u64 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ha20Deadlines {
    /// The drøfting or forhandling must start at the latest on this day.
    pub start_by: NaiveDate,
    /// `start_by` is a deadline the parties agreed on, not the two weeks of § 20.
    pub agreed: bool,
}

/// From the day a drøfting or forhandling was demanded: it must start within two weeks,
/// or by the day the parties agreed on instead.
pub fn ha20_deadlines(demanded: NaiveDate, agreed_start: Option<NaiveDate>) -> Ha20Deadlines {
    match agreed_start {
        Some(day) => Ha20Deadlines {
            start_by: day,
            agreed: true,
        },
        None => Ha20Deadlines {
            start_by: demanded + Days::new(START_WITHIN_DAYS),
            agreed: false,
        },
    }
}

impl Ha20Deadlines {
    /// The talks should be finished one week after they started, unless the parties
    /// agree on something else.
    pub fn end_by(started: NaiveDate) -> NaiveDate {
        started + Days::new(END_WITHIN_DAYS)
    }

    pub fn start_is_late(&self, started: NaiveDate) -> bool {
        started > self.start_by
    }
}

/// An item's § 20 dates: when it was demanded, when it must start (and whether the parties
/// agreed that day), when it started and when it should end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ha20 {
    pub demanded: Option<NaiveDate>,
    pub start: Option<Ha20Deadlines>,
    pub started: Option<NaiveDate>,
    pub end_by: Option<NaiveDate>,
}

impl Item {
    /// The day the item started, in the offset it was written with.
    pub fn started_on(&self) -> Option<NaiveDate> {
        self.started_at
            .as_deref()
            .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
            .map(|t| t.date_naive())
    }

    /// The § 20 dates of a drøfting or forhandling; None for other kinds of item and for
    /// one neither demanded nor started.
    pub fn ha20(&self) -> Option<Ha20> {
        if !matches!(self.kind, ItemKind::Consultation | ItemKind::Negotiation) {
            return None;
        }
        let started = self.started_on();
        let start = match (self.demanded_on, self.agreed_start) {
            (Some(d), agreed) => Some(ha20_deadlines(d, agreed)),
            (None, Some(day)) => Some(Ha20Deadlines {
                start_by: day,
                agreed: true,
            }),
            (None, None) => None,
        };
        if self.demanded_on.is_none() && start.is_none() && started.is_none() {
            return None;
        }
        Some(Ha20 {
            demanded: self.demanded_on,
            start,
            started,
            end_by: started.map(Ha20Deadlines::end_by),
        })
    }

    /// The week after the start has passed and the item has neither agreement nor
    /// conclusion.
    pub fn ha20_end_passed(&self, today: NaiveDate) -> bool {
        self.agreement.is_none()
            && self.conclusion.trim().is_empty()
            && self
                .ha20()
                .and_then(|h| h.end_by)
                .is_some_and(|end| end < today)
    }
}

impl Meeting {
    /// The documents that reached the parties fewer than `days` days before the meeting
    /// (HA § 20: "rimelig tid til å sette seg inn i sakene"). Documents without a date
    /// sent are not judged.
    pub fn late_documents(&self, days: u32) -> Vec<&Document> {
        match self.day() {
            Some(day) => late_documents(&self.documents, day, days),
            None => Vec::new(),
        }
    }
}

/// The documents sent fewer than `days` days before `meeting` (or not before it at all).
/// Documents without a date sent are not judged.
pub fn late_documents(documents: &[Document], meeting: NaiveDate, days: u32) -> Vec<&Document> {
    let latest = meeting - Days::new(u64::from(days));
    documents
        .iter()
        .filter(|d| d.sent_on.is_some_and(|sent| sent > latest))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Agreement, ItemNumber};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    fn item(kind: ItemKind) -> Item {
        Item::new(
            "i".into(),
            ItemNumber { n: 1, year: 2026 },
            "t".into(),
            kind,
            0,
        )
    }

    fn doc(id: &str, sent: Option<&str>) -> Document {
        Document {
            id: id.into(),
            title: id.into(),
            sent_on: sent.map(d),
            reference: String::new(),
        }
    }

    #[test]
    fn start_within_two_weeks_of_the_demand() {
        let dl = ha20_deadlines(d("2026-03-02"), None);
        assert_eq!(dl.start_by, d("2026-03-16"));
        assert!(!dl.agreed);
        assert!(!dl.start_is_late(d("2026-03-16")));
        assert!(dl.start_is_late(d("2026-03-17")));
    }

    #[test]
    fn deadlines_cross_month_and_year_ends() {
        assert_eq!(
            ha20_deadlines(d("2026-12-24"), None).start_by,
            d("2027-01-07")
        );
        assert_eq!(
            ha20_deadlines(d("2028-02-20"), None).start_by,
            d("2028-03-05")
        );
    }

    #[test]
    fn an_agreed_deadline_replaces_the_two_weeks() {
        let dl = ha20_deadlines(d("2026-03-02"), Some(d("2026-04-01")));
        assert_eq!(dl.start_by, d("2026-04-01"));
        assert!(dl.agreed);
        assert!(
            !dl.start_is_late(d("2026-03-20")),
            "past two weeks, but agreed"
        );
        let mut it = item(ItemKind::Negotiation);
        it.demanded_on = Some(d("2026-03-02"));
        assert_eq!(
            it.ha20().and_then(|h| h.start).map(|s| s.start_by),
            Some(d("2026-03-16"))
        );
        it.agreed_start = Some(d("2026-04-01"));
        assert_eq!(
            it.ha20().and_then(|h| h.start),
            Some(Ha20Deadlines {
                start_by: d("2026-04-01"),
                agreed: true
            })
        );
    }

    #[test]
    fn the_end_is_one_week_after_the_start() {
        assert_eq!(Ha20Deadlines::end_by(d("2026-03-10")), d("2026-03-17"));
        let mut it = item(ItemKind::Consultation);
        assert_eq!(it.ha20(), None, "neither demanded nor started");
        it.started_at = Some("2026-03-10T23:30:00+01:00".into());
        let h = it.ha20().expect("started");
        assert_eq!(
            h.started,
            Some(d("2026-03-10")),
            "the day where it was written"
        );
        assert_eq!(h.end_by, Some(d("2026-03-17")));
        assert!(!it.ha20_end_passed(d("2026-03-17")));
        assert!(it.ha20_end_passed(d("2026-03-18")));
        it.agreement = Some(Agreement::Agreement);
        assert!(!it.ha20_end_passed(d("2026-03-18")), "it has a result");
    }

    #[test]
    fn information_items_have_no_section_20_dates() {
        let mut it = item(ItemKind::Information);
        it.started_at = Some("2026-03-10T10:00:00+01:00".into());
        it.demanded_on = Some(d("2026-03-01"));
        assert_eq!(it.ha20(), None);
        assert!(!it.ha20_end_passed(d("2027-01-01")));
    }

    #[test]
    fn documents_sent_too_late_by_the_forum_setting() {
        let docs = [
            doc("early", Some("2026-03-03")),
            doc("edge", Some("2026-03-05")),
            doc("late", Some("2026-03-06")),
            doc("undated", None),
        ];
        let meeting = d("2026-03-12");
        let late: Vec<&str> = late_documents(&docs, meeting, 7)
            .iter()
            .map(|d| d.id.as_str())
            .collect();
        assert_eq!(late, ["late"], "7 days before is in time");
        let late: Vec<&str> = late_documents(&docs, meeting, 8)
            .iter()
            .map(|d| d.id.as_str())
            .collect();
        assert_eq!(late, ["edge", "late"]);
        assert!(late_documents(&docs, meeting, 0).is_empty());
    }
}
