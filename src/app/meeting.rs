//! Meetings: a new one from the template, its details edited, its status moved on
//! (start, close, reopen), and switching between meetings.

use super::action::{Action, Effect};
use super::form::{Field, Form, FormKind};
use super::state::{App, OnYes, Pane, Popup};
use crate::i18n::{self, Msg};
use crate::model::{
    Change, DateError, Id, ItemField, ItemKind, MeetingField, MeetingStatus, next_item_number,
    parse_date,
};

/// Time of day a new meeting starts unless the chair says otherwise.
const DEFAULT_TIME: &str = "10:00";

/// The form for a new meeting (`:new [title]`) or the open one's details (`:meeting`).
pub struct MeetingForm;

impl MeetingForm {
    pub fn open(app: &mut App, edit: bool, title_arg: &str) {
        let m = if edit {
            app.current_meeting().cloned()
        } else {
            None
        };
        if edit && m.is_none() {
            app.warn(app.t(Msg::NoMeetingOpen));
            return;
        }
        let m = m.as_ref();
        let (date, time) = match m {
            Some(m) => match chrono::DateTime::parse_from_rfc3339(&m.starts_at) {
                Ok(dt) => (
                    i18n::short_date(app.lang, dt.date_naive()),
                    dt.format("%H:%M").to_string(),
                ),
                Err(_) => (m.date().to_string(), DEFAULT_TIME.into()),
            },
            None => (
                i18n::short_date(app.lang, proposed_date(app)),
                DEFAULT_TIME.into(),
            ),
        };
        let end_time = m
            .and_then(|m| m.ends_at.as_deref())
            .and_then(|e| chrono::DateTime::parse_from_rfc3339(e).ok())
            .map(|dt| dt.format("%H:%M").to_string())
            .unwrap_or_default();
        let next = m
            .and_then(|m| m.next_meeting.as_deref())
            .and_then(|e| chrono::DateTime::parse_from_rfc3339(e).ok())
            .map(|dt| {
                format!(
                    "{} {}",
                    i18n::short_date(app.lang, dt.date_naive()),
                    dt.format("%H:%M")
                )
            })
            .unwrap_or_default();
        let text_of = |get: fn(&crate::model::Meeting) -> &str| m.map(get).unwrap_or("");
        let distribution = m.map(|m| m.distribution.join("; ")).unwrap_or_default();
        let people: Vec<String> = std::iter::once("–".to_string())
            .chain(app.doc.forum.people.iter().map(|p| p.name.clone()))
            .collect();
        let person_idx = |id: Option<&Id>| {
            id.and_then(|i| app.doc.forum.people.iter().position(|p| &p.id == i))
                .map(|i| i + 1)
                .unwrap_or(0)
        };
        let chair = match m {
            Some(m) => person_idx(m.chair.as_ref()),
            None => person_idx(app.author.person.as_ref()),
        };
        let referent = m.map(|m| person_idx(m.referent.as_ref())).unwrap_or(0);
        let default_title = if title_arg.is_empty() {
            app.t(Msg::DefaultMeetingTitle)
        } else {
            title_arg
        };
        let fields = vec![
            Field::text(
                Msg::FieldTitle,
                m.map(|m| m.title.as_str()).unwrap_or(default_title),
            ),
            Field::text(Msg::Date, &date),
            Field::text(Msg::FieldTime, &time),
            Field::text(Msg::FieldEndTime, &end_time),
            Field::text(Msg::Place, m.map(|m| m.place.as_str()).unwrap_or("")),
            Field::text(Msg::MeetingAuthority, text_of(|m| &m.authority)),
            Field::choice(Msg::Chair, people.clone(), chair),
            Field::choice(Msg::Referent, people, referent),
            Field::text(Msg::CaseNumber, text_of(|m| &m.case_number)),
            Field::text(Msg::DocumentNumber, text_of(|m| &m.document_number)),
            Field::text(Msg::FieldDistribution, &distribution),
            Field::text(Msg::FieldNextMeeting, &next),
        ];
        let kind = if edit {
            FormKind::EditMeeting
        } else {
            FormKind::NewMeeting
        };
        app.open_form(kind, fields);
    }

    /// A new meeting with its standing items (shown at once), or what changed in the open
    /// one.
    pub fn submit(app: &mut App, edit: bool, f: &Form) -> Result<Vec<Change>, String> {
        let lang = app.lang;
        let title = app.required(f.text(Msg::FieldTitle), Msg::TitleRequired)?;
        let date = parse_date(&f.text(Msg::Date))
            .map_err(|e| i18n::date_error(lang, e))?
            .ok_or_else(|| i18n::date_error(lang, DateError::Format))?;
        let at = at_time(app, date, &f.text(Msg::FieldTime))?;
        let end_text = f.text(Msg::FieldEndTime);
        let ends_at = if end_text.trim().is_empty() {
            None
        } else {
            Some(at_time(app, date, &end_text)?)
        };
        let next_meeting = next_meeting(app, &f.text(Msg::FieldNextMeeting))?;
        let distribution: Vec<String> = f
            .text(Msg::FieldDistribution)
            .split(';')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        let header = [
            MeetingField::EndsAt(ends_at),
            MeetingField::Authority(f.text(Msg::MeetingAuthority).trim().to_string()),
            MeetingField::CaseNumber(f.text(Msg::CaseNumber).trim().to_string()),
            MeetingField::DocumentNumber(f.text(Msg::DocumentNumber).trim().to_string()),
            MeetingField::Distribution(distribution),
            MeetingField::NextMeeting(next_meeting),
        ];
        let person = |i: usize| {
            i.checked_sub(1)
                .and_then(|i| app.doc.forum.people.get(i))
                .map(|p| p.id.clone())
        };
        let chair = person(f.choice(Msg::Chair));
        let referent = person(f.choice(Msg::Referent));
        let place = f.text(Msg::Place);
        if edit {
            let Some(m) = app.current_meeting() else {
                return Err(app.t(Msg::NoMeetingOpen).to_string());
            };
            if m.status.is_read_only() {
                return Err(app.t(Msg::MeetingLocked).to_string());
            }
            let sets = [
                MeetingField::Title(title),
                MeetingField::StartsAt(at),
                MeetingField::Place(place),
                MeetingField::Chair(chair),
                MeetingField::Referent(referent),
            ];
            return Ok(sets
                .into_iter()
                .chain(header)
                .filter(|s| s.changes(m))
                .map(|set| Change::MeetingSet {
                    meeting: m.id.clone(),
                    set,
                })
                .collect());
        }
        let id = format!("m-{date}-{}", app.ids.hex(6));
        // A new meeting's header fields are set only where the form says something.
        let empty = crate::model::Meeting::new(id.clone(), String::new(), String::new());
        let mut out = vec![Change::MeetingCreate {
            meeting: id.clone(),
            title,
            starts_at: at,
        }];
        out.extend(
            [
                MeetingField::Place(place),
                MeetingField::Chair(chair),
                MeetingField::Referent(referent),
            ]
            .into_iter()
            .chain(header.into_iter().filter(|s| s.changes(&empty)))
            .map(|set| Change::MeetingSet {
                meeting: id.clone(),
                set,
            }),
        );
        out.extend(standing_items(app, &id, date));
        // Its ops are applied as they are committed, right after this.
        select(app, id);
        Ok(out)
    }
}

/// `time` ("10:00" or "10.00") on `date`, in the offset of the app's clock, as RFC 3339.
fn at_time(app: &App, date: chrono::NaiveDate, time: &str) -> Result<String, String> {
    let time = time.trim();
    let time = chrono::NaiveTime::parse_from_str(time, "%H:%M")
        .or_else(|_| chrono::NaiveTime::parse_from_str(time, "%H.%M"))
        .map_err(|_| app.t(Msg::TimeFormat).to_string())?;
    date.and_time(time)
        .and_local_timezone(*app.now.offset())
        .single()
        .map(|dt| dt.to_rfc3339_opts(chrono::SecondsFormat::Secs, false))
        .ok_or_else(|| app.t(Msg::TimeFormat).to_string())
}

/// The next meeting as typed: a date and, after a space, a time (10:00 when left out);
/// nothing for an empty field.
fn next_meeting(app: &App, text: &str) -> Result<Option<String>, String> {
    let mut words = text.split_whitespace();
    let Some(day) = words.next() else {
        return Ok(None);
    };
    let date = parse_date(day)
        .map_err(|e| i18n::date_error(app.lang, e))?
        .ok_or_else(|| i18n::date_error(app.lang, DateError::Format))?;
    let time = words.next().unwrap_or(DEFAULT_TIME);
    at_time(app, date, time).map(Some)
}

/// The date a new meeting is proposed for: the next meeting the latest one named, or a
/// week after the latest meeting (or after today, when that is later); never the date of
/// a meeting already there.
fn proposed_date(app: &App) -> chrono::NaiveDate {
    let today = app.now.date_naive();
    let known = app.known_meetings();
    let latest = known.iter().max_by(|a, b| a.date().cmp(b.date()));
    let named = latest
        .and_then(|m| app.doc.meeting(&m.id))
        .and_then(|m| m.next_meeting.as_deref())
        .and_then(|n| chrono::DateTime::parse_from_rfc3339(n).ok())
        .map(|dt| dt.date_naive())
        .filter(|d| *d > today);
    let latest_date = latest
        .and_then(|m| chrono::NaiveDate::parse_from_str(m.date(), "%Y-%m-%d").ok())
        .unwrap_or(today);
    let mut date = named.unwrap_or(latest_date.max(today) + chrono::Days::new(7));
    while known.iter().any(|m| m.date() == date.to_string()) {
        date = date + chrono::Days::new(7);
    }
    date
}

/// The items every meeting starts with: approval of the agenda, of the last minutes (when
/// there was a last meeting), follow-up of open actions (when there are any), and any
/// other business. Numbered on from the year's last item.
fn standing_items(app: &mut App, meeting: &str, date: chrono::NaiveDate) -> Vec<Change> {
    use chrono::Datelike;
    let mut used = app.used_item_numbers();
    let had_meeting = app
        .known_meetings()
        .iter()
        .any(|m| m.date() < date.to_string().as_str());
    let open_actions = app.doc.actions.iter().any(|a| a.status.is_open());
    let mut titles = vec![(Msg::StandingAgenda, 5)];
    if had_meeting {
        titles.push((Msg::StandingMinutes, 5));
    }
    if open_actions {
        titles.push((Msg::StandingActions, 15));
    }
    titles.push((Msg::StandingAob, 5));
    let mut out = Vec::new();
    let mut claims = Vec::new();
    for (rank, (title, minutes)) in titles.into_iter().enumerate() {
        let number = next_item_number(&used, date.year());
        used.push(number);
        let item = app.ids.new_id("s");
        claims.push((item.clone(), number));
        out.push(Change::ItemAdd {
            meeting: meeting.to_string(),
            item: item.clone(),
            number,
            title: app.forum_lang().t(title).to_string(),
            kind: ItemKind::Other,
            rank: (rank as i64 + 1) * 1024,
        });
        out.push(Change::ItemSet {
            meeting: meeting.to_string(),
            item,
            set: ItemField::PlannedMinutes(minutes),
        });
    }
    out.push(Change::ItemNumbers {
        meeting: meeting.to_string(),
        numbers: claims,
        fixed: false,
    });
    out
}

/// `:open KEY`: a meeting by id, date or `latest`; without a key, the list.
pub fn open_by_key(app: &mut App, key: &str, fx: &mut Vec<Effect>) {
    if key.is_empty() {
        app.popups.push(Popup::Meetings { selected: 0 });
        return;
    }
    let known = app.known_meetings();
    let found = crate::model::find_meeting(
        known.iter().map(|m| (m.id.as_str(), m.starts_at.as_str())),
        key,
    );
    match found {
        Ok(id) => switch(app, id, fx),
        Err(e) => app.warn(i18n::lookup_error(app.lang, &e)),
    }
}

/// Show another meeting: at once when it is folded here, else the runtime folds it.
pub fn switch(app: &mut App, id: Id, fx: &mut Vec<Effect>) {
    app.view_only = false;
    if app.doc.meeting(&id).is_none() {
        fx.push(Effect::OpenMeeting {
            id,
            item: None,
            view_only: false,
        });
        return;
    }
    select(app, id);
}

fn select(app: &mut App, id: Id) {
    app.view_only = false;
    app.meeting = Some(id);
    app.agenda_sel = 0;
    app.action_sel = 0;
    app.detail_scroll = 0;
    app.focus = Pane::Agenda;
}

/// Keys in the meetings list: Enter shows the meeting, `a` makes a new one.
pub fn meetings_popup(app: &mut App, action: Action, sel: usize, fx: &mut Vec<Effect>) {
    match action {
        Action::Open => {
            if let Some(id) = app.known_meetings().get(sel).map(|m| m.id.clone()) {
                app.popups.pop();
                switch(app, id, fx);
            }
        }
        Action::Add => {
            app.popups.pop();
            MeetingForm::open(app, false, "");
        }
        _ => {}
    }
}

/// `:close`: a meeting under way asks first.
pub fn close(app: &mut App, fx: &mut Vec<Effect>) {
    let open = app
        .current_meeting()
        .is_some_and(|m| m.status == MeetingStatus::Open);
    if open {
        app.confirm(app.t(Msg::ConfirmClose).to_string(), OnYes::CloseMeeting);
    } else {
        set_status(app, MeetingStatus::Closed, fx);
    }
}

/// `:reopen`: closed minutes open again; circulated or approved ones go back to closed
/// for changes (a new approval round follows).
pub fn reopen(app: &mut App, fx: &mut Vec<Effect>) {
    let to = match app.current_meeting().map(|m| m.status) {
        Some(MeetingStatus::Circulated | MeetingStatus::Approved) => MeetingStatus::Closed,
        _ => MeetingStatus::Open,
    };
    set_status(app, to, fx)
}

/// Move the meeting's status on, where that is a legal move; closing ends the item under
/// way and says where the minutes are.
pub fn set_status(app: &mut App, to: MeetingStatus, fx: &mut Vec<Effect>) {
    if app.refuse_read_only() {
        return;
    }
    let Some(m) = app.current_meeting() else {
        app.warn(app.t(Msg::NoMeetingOpen));
        return;
    };
    if let Err(e) = m.status.transition(to) {
        let msg = format!(
            "{} {} → {}",
            app.t(Msg::CannotChangeStatus),
            i18n::meeting_status(app.lang, e.from),
            i18n::meeting_status(app.lang, e.to)
        );
        app.warn(msg);
        return;
    }
    let id = m.id.clone();
    let running = m
        .current_item
        .clone()
        .filter(|cur| m.item(cur).is_some_and(|i| i.ended_at.is_none()));
    if to == MeetingStatus::Closed
        && let Some(cur) = running
    {
        let change = Change::ItemSet {
            meeting: id.clone(),
            item: cur,
            set: ItemField::EndedAt(Some(app.now_text())),
        };
        app.commit(fx, change);
    }
    let change = Change::MeetingStatus {
        meeting: id.clone(),
        to,
    };
    app.commit(fx, change);
    let mut msg = format!(
        "{}: {}",
        app.t(Msg::StatusNow),
        i18n::meeting_status(app.lang, to)
    );
    if to == MeetingStatus::Closed && !app.data_dir.is_empty() {
        let path = crate::store::Layout::new(std::path::Path::new(&app.data_dir)).minutes_path(&id);
        msg.push_str(&format!(". {}: {}", app.t(Msg::Minutes), path.display()));
    }
    app.say(msg);
}

/// `:edit`: a meeting opened from the archive to read may be changed again.
pub fn edit_again(app: &mut App) {
    app.view_only = false;
    app.say(app.t(Msg::EditingAgain));
}
