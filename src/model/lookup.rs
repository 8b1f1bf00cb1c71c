//! Finding records by what people type: a meeting by id, date or `latest`, a party by id
//! or short name, a development area by number, id or name. The TUI's `:` commands, the
//! CLI and `verify` all go through these, so the same words find the same things.

use super::{Forum, Id, MeetingStatus, Person, Stance, parse_date};

/// What a lookup could not find; `i18n::lookup_error` says it in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupError {
    /// `latest` in a folder without meetings.
    NoMeetings,
    UnknownMeeting(String),
    /// Several meetings on the date typed: their ids.
    SeveralMeetings {
        key: String,
        ids: Vec<Id>,
    },
    /// The key, and the forum's parties' short names.
    UnknownParty {
        key: String,
        known: Vec<String>,
    },
    /// The key, and the areas as "number title".
    UnknownArea {
        key: String,
        known: Vec<String>,
    },
}

/// A meeting by id, date (yyyy-mm-dd or dd.mm.yyyy) or `latest`/`siste`, among
/// `(id, starts_at)` pairs (starts_at is RFC 3339).
pub fn find_meeting<'a>(
    meetings: impl IntoIterator<Item = (&'a str, &'a str)>,
    key: &str,
) -> Result<Id, LookupError> {
    let key = key.trim();
    let meetings: Vec<(&str, &str)> = meetings.into_iter().collect();
    if key.eq_ignore_ascii_case("latest") || key.eq_ignore_ascii_case("siste") {
        return meetings
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| a.0.cmp(b.0)))
            .map(|(id, _)| id.to_string())
            .ok_or(LookupError::NoMeetings);
    }
    if let Some((id, _)) = meetings.iter().find(|(id, _)| *id == key) {
        return Ok(id.to_string());
    }
    let Ok(Some(day)) = parse_date(key) else {
        return Err(LookupError::UnknownMeeting(key.to_string()));
    };
    let day = day.to_string();
    let mut on_day: Vec<&str> = meetings
        .iter()
        .filter(|(_, at)| at.get(..10) == Some(day.as_str()))
        .map(|(id, _)| *id)
        .collect();
    on_day.sort_unstable();
    on_day.dedup();
    match on_day.as_slice() {
        [one] => Ok(one.to_string()),
        [] => Err(LookupError::UnknownMeeting(key.to_string())),
        many => Err(LookupError::SeveralMeetings {
            key: key.to_string(),
            ids: many.iter().map(|s| s.to_string()).collect(),
        }),
    }
}

/// The meeting to show first, among `(id, starts_at, status)`: one that is open, else the
/// next planned one (today or later), else the latest.
pub fn default_meeting<'a>(
    meetings: impl IntoIterator<Item = (&'a str, &'a str, MeetingStatus)>,
    today: chrono::NaiveDate,
) -> Option<Id> {
    let today = today.to_string();
    let meetings: Vec<(&str, &str, MeetingStatus)> = meetings.into_iter().collect();
    let open = meetings.iter().find(|m| m.2 == MeetingStatus::Open);
    let next = meetings
        .iter()
        .filter(|m| m.2 == MeetingStatus::Planned && m.1.get(..10).unwrap_or(m.1) >= today.as_str())
        .min_by(|a, b| a.1.cmp(b.1));
    let latest = meetings
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)));
    open.or(next).or(latest).map(|m| m.0.to_string())
}

impl Stance {
    /// A position as typed, in English or Norwegian: agree/enig, disagree/uenig,
    /// noted/orientering, abstain/avstår.
    pub fn find(key: &str) -> Option<Stance> {
        match key.trim().to_lowercase().as_str() {
            "agree" | "enig" => Some(Stance::Agree),
            "disagree" | "uenig" => Some(Stance::Disagree),
            "noted" | "orientering" | "tar-til-orientering" => Some(Stance::TakesNote),
            "abstain" | "avstår" | "avstar" => Some(Stance::Abstains),
            "demand" | "krav" => Some(Stance::Demand),
            "offer" | "tilbud" => Some(Stance::Offer),
            "remark" | "question" | "merknad" | "spørsmål" => Some(Stance::Remark),
            "view" | "synspunkt" => Some(Stance::View),
            _ => None,
        }
    }
}

impl MeetingStatus {
    /// A status as typed, in English or Norwegian.
    pub fn find(key: &str) -> Option<MeetingStatus> {
        use MeetingStatus::*;
        match key.trim().to_lowercase().as_str() {
            "planned" | "planlagt" => Some(Planned),
            "open" | "pågår" => Some(Open),
            "closed" | "avsluttet" => Some(Closed),
            "circulated" | "til godkjenning" => Some(Circulated),
            "approved" | "godkjent" => Some(Approved),
            _ => None,
        }
    }
}

impl Forum {
    /// A person by id or name, ignoring case.
    /// A person by id or name, ignoring case; or the one person whose name starts so
    /// ("Møteleder" for "Møteleder (KMD)").
    pub fn find_person(&self, key: &str) -> Option<&Person> {
        let k = key.trim();
        if k.is_empty() {
            return None;
        }
        if let Some(p) = self
            .people
            .iter()
            .find(|p| p.id == k || p.name.eq_ignore_ascii_case(k))
        {
            return Some(p);
        }
        let lower = k.to_lowercase();
        let mut starting = self
            .people
            .iter()
            .filter(|p| p.name.to_lowercase().starts_with(&lower));
        match (starting.next(), starting.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    }

    /// A party by id or short name, ignoring case.
    pub fn find_party(&self, key: &str) -> Result<Id, LookupError> {
        let k = key.trim();
        self.parties
            .iter()
            .find(|p| p.id.eq_ignore_ascii_case(k) || p.short.eq_ignore_ascii_case(k))
            .map(|p| p.id.clone())
            .ok_or_else(|| LookupError::UnknownParty {
                key: k.to_string(),
                known: self.parties.iter().map(|p| p.short.clone()).collect(),
            })
    }

    /// A development area by number (its place in the strategy), id or a part of its
    /// name, ignoring case.
    pub fn find_area(&self, key: &str) -> Result<Id, LookupError> {
        let k = key.trim();
        let areas = &self.dev_areas;
        if let Ok(n) = k.parse::<u32>()
            && let Some(a) = areas.iter().find(|a| a.number == n)
        {
            return Ok(a.id.clone());
        }
        let low = k.to_lowercase();
        areas
            .iter()
            .find(|a| {
                a.id.eq_ignore_ascii_case(k)
                    || (!low.is_empty() && a.title.to_lowercase().contains(&low))
            })
            .map(|a| a.id.clone())
            .ok_or_else(|| LookupError::UnknownArea {
                key: k.to_string(),
                known: areas
                    .iter()
                    .map(|a| format!("{} {}", a.number, a.title))
                    .collect(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MEETINGS: [(&str, &str); 3] = [
        ("m-a", "2026-12-08T10:00:00+01:00"),
        ("m-b", "2027-01-12T10:00:00+01:00"),
        ("m-c", "2027-01-12T14:00:00+01:00"),
    ];

    #[test]
    fn a_meeting_by_id_iso_date_norwegian_date_or_latest() {
        for key in ["m-a", "2026-12-08", "08.12.2026", " 8.12.2026 "] {
            assert_eq!(find_meeting(MEETINGS, key), Ok("m-a".to_string()), "{key}");
        }
        assert_eq!(find_meeting(MEETINGS, "latest"), Ok("m-c".to_string()));
        assert_eq!(find_meeting(MEETINGS, "SISTE"), Ok("m-c".to_string()));
    }

    #[test]
    fn a_date_with_two_meetings_or_none_says_so() {
        assert_eq!(
            find_meeting(MEETINGS, "12.01.2027"),
            Err(LookupError::SeveralMeetings {
                key: "12.01.2027".into(),
                ids: vec!["m-b".into(), "m-c".into()]
            })
        );
        assert_eq!(
            find_meeting(MEETINGS, "01.01.1999"),
            Err(LookupError::UnknownMeeting("01.01.1999".into()))
        );
        assert_eq!(find_meeting([], "latest"), Err(LookupError::NoMeetings));
    }

    #[test]
    fn positions_and_statuses_in_either_language() {
        assert_eq!(Stance::find("Uenig"), Some(Stance::Disagree));
        assert_eq!(Stance::find("abstain"), Some(Stance::Abstains));
        assert_eq!(Stance::find("maybe"), None);
        assert_eq!(
            MeetingStatus::find("Til godkjenning"),
            Some(MeetingStatus::Circulated)
        );
        assert_eq!(
            MeetingStatus::find("approved"),
            Some(MeetingStatus::Approved)
        );
        assert_eq!(MeetingStatus::find("done"), None);
    }

    #[test]
    fn the_default_meeting_is_open_then_next_planned_then_latest() {
        let today = chrono::NaiveDate::from_ymd_opt(2027, 1, 1).expect("date");
        let ms = |s: [MeetingStatus; 3]| {
            MEETINGS
                .iter()
                .zip(s)
                .map(|((id, at), st)| (*id, *at, st))
                .collect::<Vec<_>>()
        };
        use MeetingStatus::*;
        assert_eq!(
            default_meeting(ms([Open, Planned, Planned]), today),
            Some("m-a".into())
        );
        assert_eq!(
            default_meeting(ms([Closed, Planned, Planned]), today),
            Some("m-b".into())
        );
        assert_eq!(
            default_meeting(ms([Closed, Closed, Approved]), today),
            Some("m-c".into())
        );
    }
}

#[cfg(test)]
mod person_tests {
    use crate::model::{Forum, Person};

    fn person(id: &str, name: &str) -> Person {
        Person {
            id: id.into(),
            name: name.into(),
            party: None,
            role: String::new(),
            roles: Vec::new(),
        }
    }

    #[test]
    fn a_person_is_found_by_the_start_of_their_name_when_only_one_has_it() {
        let forum = Forum {
            people: vec![
                person("p-leder", "Møteleder (KMD)"),
                person("p-ntl", "Tillitsvalgt NTL"),
                person("p-unio", "Tillitsvalgt Unio"),
            ],
            ..Forum::default()
        };
        let id = |key: &str| forum.find_person(key).map(|p| p.id.as_str());
        assert_eq!(id("Møteleder"), Some("p-leder"));
        assert_eq!(id("møteleder (kmd)"), Some("p-leder"));
        assert_eq!(id("Tillitsvalgt"), None, "two start so");
        assert_eq!(id(""), None);
        assert_eq!(id("Kari"), None);
    }
}
