//! The innkalling as a calendar invite (RFC 5545): one VEVENT whose UID stays the same for
//! the meeting, its time in Europe/Oslo with the zone's rules (VTIMEZONE), the place, the
//! chair as organizer, the distribution list as attendees and the saksliste as description.
//! A meeting whose title, time or place changed has a higher SEQUENCE, so that a calendar
//! replaces the old invite.

use icalendar::{Calendar, CalendarComponent, Component, Event, EventLike, Property};

use super::ExportOptions;
use super::item_facts::ItemFacts;
use super::public::shown;
use crate::i18n::Msg;
use crate::model::Minutes;

/// Norway's time zone, with the EU's summer time rule (last Sunday of March and October).
const OSLO: &str = "BEGIN:VTIMEZONE\r
TZID:Europe/Oslo\r
BEGIN:DAYLIGHT\r
TZOFFSETFROM:+0100\r
TZOFFSETTO:+0200\r
TZNAME:CEST\r
DTSTART:19700329T020000\r
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r
END:DAYLIGHT\r
BEGIN:STANDARD\r
TZOFFSETFROM:+0200\r
TZOFFSETTO:+0100\r
TZNAME:CET\r
DTSTART:19701025T030000\r
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r
END:STANDARD\r
END:VTIMEZONE\r
";

/// A local time in Oslo from an RFC 3339 time, as the invite writes it ("20261208T100000").
fn oslo_local(rfc3339: &str) -> Option<String> {
    let t = chrono::DateTime::parse_from_rfc3339(rfc3339).ok()?;
    // The meeting's own offset is Oslo's at that date, as samrad writes its times.
    Some(t.naive_local().format("%Y%m%dT%H%M%S").to_string())
}

fn oslo_time(key: &str, rfc3339: &str) -> Option<Property> {
    let mut p = Property::new(key, oslo_local(rfc3339)?);
    p.add_parameter("TZID", "Europe/Oslo");
    Some(p)
}

/// Someone the invite goes to: an e-mail address as given; a name without one gets an
/// address samrad makes up (`urn:samrad:distribution:N`, a URI as RFC 5545 asks), with
/// the name as it was given.
fn attendee(n: usize, who: &str) -> Property {
    let who = who.trim();
    let mut p = if who.contains('@') && !who.contains(char::is_whitespace) {
        Property::new("ATTENDEE", format!("mailto:{who}"))
    } else {
        let mut p = Property::new("ATTENDEE", format!("urn:samrad:distribution:{n}"));
        p.add_parameter("CN", who);
        p
    };
    p.add_parameter("ROLE", "REQ-PARTICIPANT");
    p
}

/// The calendar invite of the meeting's innkalling; None when its time cannot be read.
pub fn notice_ics(m: &Minutes, opts: &ExportOptions) -> Option<Vec<u8>> {
    let shown = shown(m, opts);
    let m = shown.as_ref();
    let lang = opts.lang;
    let mt = &m.meeting;
    let f = &m.forum;
    let agenda: Vec<String> = mt
        .items
        .iter()
        .map(|it| ItemFacts::of(f, it, lang).heading)
        .collect();
    let description = format!("{}:\n{}", lang.t(Msg::NoticeAgenda), agenda.join("\n"));
    let mut event = Event::new();
    event
        .uid(&format!("{}@samrad", mt.id))
        .summary(&format!("{}: {}", lang.t(Msg::Notice), mt.title))
        .description(&description)
        .sequence(mt.revision)
        .add_property(
            "DTSTAMP",
            format!("{}T000000Z", opts.today.format("%Y%m%d")),
        );
    event.append_property(oslo_time("DTSTART", &mt.starts_at)?);
    if let Some(end) = mt.ends_at.as_deref().and_then(|e| oslo_time("DTEND", e)) {
        event.append_property(end);
    }
    if !mt.place.trim().is_empty() {
        event.location(mt.place.trim());
    }
    if let Some(chair) = mt.chair.as_ref().filter(|c| crate::model::is_safe_id(c)) {
        let mut p = Property::new("ORGANIZER", format!("urn:samrad:person:{chair}"));
        p.add_parameter("CN", f.person_name(chair));
        event.append_property(p);
    }
    for (n, who) in mt
        .distribution
        .iter()
        .filter(|w| !w.trim().is_empty())
        .enumerate()
    {
        event.append_multi_property(attendee(n + 1, who));
    }
    let zone: CalendarComponent = OSLO.parse().ok()?;
    let mut cal = Calendar::new();
    cal.push(zone);
    cal.push(event.done());
    Some(cal.done().to_string().into_bytes())
}
