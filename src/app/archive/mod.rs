//! The archive view: every meeting, filters, search across everything, and threads (a
//! development area or a party over time). Opening a meeting from here shows it read-only.

pub mod view;

use super::action::{Action, Effect};
use super::form::{Field, Form, FormKind, labels};
use super::navigation::Step;
use super::state::{App, Pane, Popup};
use crate::i18n::{self, Msg};
use crate::model::{MeetingStatus, Stance};
use crate::search::{self, Filter};
use crate::store::archive::Field as TextField;
pub use view::{ArchiveView, HitList};

impl App {
    /// Use an archive whose texts are loaded: build its word index here (tests, small
    /// folders). The TUI builds it in the background and calls `set_words`.
    pub fn set_archive(&mut self, archive: crate::store::archive::Archive) {
        let words = crate::search::WordIndex::build(&archive);
        self.archive = std::sync::Arc::new(archive);
        self.archive_loading = false;
        self.set_words(std::sync::Arc::new(words));
    }

    /// The archive index was brought up to date; its word index follows.
    pub fn replace_archive(&mut self, archive: std::sync::Arc<crate::store::archive::Archive>) {
        self.archive = archive;
        self.words = None;
        archive_replaced(self);
    }

    pub fn set_words(&mut self, words: std::sync::Arc<crate::search::WordIndex>) {
        self.words = Some(words);
        archive_replaced(self);
    }
}

/// Show the archive (as it was left, when coming back from a meeting opened from it).
pub fn show(app: &mut App, fx: &mut Vec<Effect>) {
    let view = app
        .archive_back
        .take()
        .unwrap_or_else(|| ArchiveView::new(&app.archive, Filter::default()));
    app.archive_view = Some(view);
    app.popups.clear();
    fx.push(Effect::RefreshArchive);
}

/// The archive index changed under the view: keep the filter and the selected meeting.
pub fn archive_replaced(app: &mut App) {
    let Some(view) = app.archive_view.take() else {
        return;
    };
    let selected = view
        .selected_meeting()
        .and_then(|m| app.archive.meetings.get(m))
        .map(|m| m.id.clone());
    let mut fresh = ArchiveView::new(&app.archive, view.filter.clone());
    if let Some(id) = selected
        && let Some(pos) = fresh
            .rows
            .iter()
            .position(|&m| app.archive.meetings[m].id == id)
    {
        fresh.sel = pos;
    }
    fresh.pending = view.pending.clone();
    let thread = view.thread.clone();
    // Hits index texts of the old index: search again in the new one.
    if let Some(h) = &view.hits
        && !h.query.is_empty()
    {
        fresh.pending = Some(h.query.clone());
    }
    app.archive_view = Some(fresh);
    match thread {
        Some((party, area)) => self::thread(app, party, area),
        None => run_pending(app),
    }
}

/// Run a search typed before the index was ready.
pub fn run_pending(app: &mut App) {
    if app.words.is_none() {
        return;
    }
    if let Some(q) = app.archive_view.as_mut().and_then(|v| v.pending.take()) {
        run_search(app, &q);
    }
}

pub fn run_search(app: &mut App, query: &str) {
    let Some(view) = app.archive_view.as_mut() else {
        return;
    };
    if search::query_words(query).is_empty() {
        view.hits = None;
        return;
    }
    let Some(words) = app.words.clone() else {
        view.pending = Some(query.to_string());
        app.say(app.lang.t(Msg::SearchIndexBuilding));
        return;
    };
    let docs = words.search(&app.archive, query, &view.filter);
    let n = docs.len();
    view.thread = None;
    view.hits = Some(HitList::new(query.to_string(), query.to_string(), docs));
    app.last_search = query.to_string();
    app.say(format!("{}: {n}", app.lang.t(Msg::HitsTitle)));
}

/// A thread: every text about a development area, or everything a party said, over time
/// (newest first, like the archive).
pub fn thread(app: &mut App, party: Option<String>, area: Option<String>) {
    if app.archive_view.is_none() {
        app.archive_view = Some(ArchiveView::new(&app.archive, Filter::default()));
    }
    let filter = Filter {
        party: party.clone(),
        area: area.clone(),
        ..Filter::default()
    };
    let a = &app.archive;
    let docs: Vec<u32> = (0..a.docs.len() as u32)
        .filter(|&d| {
            let doc = &a.docs[d as usize];
            let wanted = match (&party, &area) {
                (Some(_), _) => matches!(doc.field, TextField::Position | TextField::Statement),
                _ => !matches!(doc.field, TextField::MeetingTitle | TextField::Background),
            };
            wanted && filter.doc_matches(a, doc)
        })
        .collect();
    let f = &app.doc.forum;
    let title = match (&party, &area) {
        (Some(p), _) => format!("{} {}", app.lang.t(Msg::ThreadOfParty), f.party_short(p)),
        (_, Some(ar)) => {
            let name = f
                .dev_area(ar)
                .map(|d| format!("{} {}", d.number, d.title))
                .unwrap_or_else(|| ar.clone());
            format!("{} {name}", app.lang.t(Msg::ThreadOfArea))
        }
        _ => String::new(),
    };
    let n = docs.len();
    if let Some(view) = app.archive_view.as_mut() {
        view.thread = Some((party.clone(), area.clone()));
        view.hits = Some(HitList::new(title, String::new(), docs));
    }
    app.popups.clear();
    app.say(format!("{}: {n}", app.lang.t(Msg::HitsTitle)));
}

/// `T`: the selected development area over time; from the agenda, the first area of the
/// selected item.
pub fn thread_of_selection(app: &mut App, fx: &mut Vec<Effect>) {
    let area = match app.focus {
        Pane::Areas => app.selected_area().map(|a| a.id.clone()),
        _ => app.selected_item().and_then(|i| i.areas.first().cloned()),
    };
    match area {
        Some(a) => {
            thread(app, None, Some(a));
            fx.push(Effect::RefreshArchive);
        }
        None => app.warn(app.t(Msg::SelectAnArea)),
    }
}

/// `:party NTL`: everything a party said, over time.
pub fn party_thread(app: &mut App, key: &str, fx: &mut Vec<Effect>) {
    match app.doc.forum.find_party(key) {
        Ok(p) => {
            thread(app, Some(p), None);
            fx.push(Effect::RefreshArchive);
        }
        Err(e) => app.warn(i18n::lookup_error(app.lang, &e)),
    }
}

/// `:area 1`: a development area over time.
pub fn area_thread(app: &mut App, key: &str, fx: &mut Vec<Effect>) {
    match app.doc.forum.find_area(key) {
        Ok(a) => {
            thread(app, None, Some(a));
            fx.push(Effect::RefreshArchive);
        }
        Err(e) => app.warn(i18n::lookup_error(app.lang, &e)),
    }
}

/// Keys in the archive view.
pub fn archive_mode(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    app.message = None;
    let page = (app.size.1 as usize / 3).max(3);
    let Some(view) = app.archive_view.as_mut() else {
        return;
    };
    if let Some(step) = Step::of(&action) {
        let max = view.rows_shown().saturating_sub(1);
        let sel = view.sel_mut();
        *sel = step.apply(*sel, max, page);
        return;
    }
    match action {
        Action::SearchNext | Action::SearchPrev => {
            let forward = action == Action::SearchNext;
            match &mut view.hits {
                Some(h) if !h.docs.is_empty() => {
                    let n = h.docs.len();
                    h.sel = if forward {
                        (h.sel + 1) % n
                    } else {
                        (h.sel + n - 1) % n
                    };
                }
                Some(_) => app.warn(app.lang.t(Msg::NotFound)),
                None if !app.last_search.is_empty() => {
                    let q = app.last_search.clone();
                    run_search(app, &q);
                }
                None => app.warn(app.lang.t(Msg::NoSearchYet)),
            }
        }
        Action::Search => {
            app.search = Some(ratatui_textarea::TextArea::default());
        }
        Action::Filter => open_filter_form(app),
        Action::ClearFilter => {
            let hits = view.hits.take();
            *view = ArchiveView::new(&app.archive, Filter::default());
            if let Some(h) = hits.filter(|h| !h.query.is_empty()) {
                run_search(app, &h.query);
            }
        }
        Action::Open => open_selected(app, fx),
        Action::Cancel => {
            if view.hits.is_some() {
                view.hits = None;
                view.thread = None;
            } else if app.meeting.is_some() {
                app.archive_back = app.archive_view.take();
            }
        }
        Action::Archive if app.meeting.is_some() => {
            app.archive_back = app.archive_view.take();
        }
        Action::CommandLine => app.command = Some(ratatui_textarea::TextArea::default()),
        Action::Problems => app.popups.push(Popup::Problems { scroll: 0 }),
        Action::Quit | Action::ForceQuit => app.quit_from(action == Action::ForceQuit, fx),
        _ => {}
    }
}

/// Open the meeting of the selected row or search hit, to read.
pub fn open_selected(app: &mut App, fx: &mut Vec<Effect>) {
    let Some(view) = app.archive_view.as_ref() else {
        return;
    };
    let a = &app.archive;
    let (meeting, item) = match &view.hits {
        Some(h) => {
            let Some(doc) = h.docs.get(h.sel).and_then(|&d| a.docs.get(d as usize)) else {
                return;
            };
            let item = a.items.get(doc.item as usize).map(|i| i.id.clone());
            (doc.meeting as usize, item)
        }
        None => match view.selected_meeting() {
            Some(m) => (m, None),
            None => return,
        },
    };
    let Some(row) = a.meetings.get(meeting) else {
        app.warn(app.lang.t(Msg::NotInAMeeting));
        return;
    };
    fx.push(Effect::OpenMeeting {
        id: row.id.clone(),
        item,
        view_only: true,
    });
}

fn open_filter_form(app: &mut App) {
    let lang = app.lang;
    let f = app
        .archive_view
        .as_ref()
        .map(|v| v.filter.clone())
        .unwrap_or_default();
    let forum = &app.doc.forum;
    let any = lang.t(Msg::FilterAny).to_string();
    // Each choice starts with "any".
    let any_of = |label: Msg, names: Vec<String>, chosen: Option<usize>| {
        let options = std::iter::once(any.clone()).chain(names).collect();
        Field::choice(label, options, chosen.map(|i| i + 1).unwrap_or(0))
    };
    let date = |d: Option<chrono::NaiveDate>| {
        d.map(|d| d.format("%d.%m.%Y").to_string())
            .unwrap_or_default()
    };
    let areas = sorted_areas(forum);
    let status = index_of(MeetingStatus::ALL, f.status);
    let party = index_of(forum.parties.iter().map(|p| &p.id), f.party.as_ref());
    let stance = index_of(Stance::ALL, f.stance);
    let area = index_of(areas.iter().map(|a| &a.id), f.area.as_ref());
    let fields = vec![
        any_of(
            Msg::FilterStatus,
            labels(&MeetingStatus::ALL, |s| i18n::meeting_status(lang, s)),
            status,
        ),
        any_of(
            Msg::FilterParty,
            forum.parties.iter().map(|p| p.short.clone()).collect(),
            party,
        ),
        any_of(
            Msg::FilterStance,
            labels(&Stance::ALL, |s| i18n::stance(lang, s)),
            stance,
        ),
        any_of(
            Msg::FilterArea,
            areas
                .iter()
                .map(|a| format!("{} {}", a.number, a.title))
                .collect(),
            area,
        ),
        Field::text(Msg::FilterSince, &date(f.since)),
        Field::text(Msg::FilterUntil, &date(f.until)),
    ];
    app.open_form(FormKind::ArchiveFilter, fields);
}

/// Where `value` is among `all`, if it is given and there.
fn index_of<T: PartialEq>(all: impl IntoIterator<Item = T>, value: Option<T>) -> Option<usize> {
    let value = value?;
    all.into_iter().position(|x| x == value)
}

fn sorted_areas(forum: &crate::model::Forum) -> Vec<&crate::model::DevArea> {
    let mut areas: Vec<_> = forum.dev_areas.iter().collect();
    areas.sort_by_key(|a| a.number);
    areas
}

/// Read the filter form. A wrong date is named.
pub fn filter_from_form(app: &App, form: &Form) -> Result<Filter, String> {
    let lang = app.lang;
    let forum = &app.doc.forum;
    // The first option of each choice is "any".
    let pick = |label: Msg| form.choice(label).checked_sub(1);
    let date = |label: Msg| -> Result<Option<chrono::NaiveDate>, String> {
        crate::model::parse_date(&form.text(label))
            .map_err(|e| format!("{}: {}", lang.t(label), i18n::date_error(lang, e)))
    };
    Ok(Filter {
        status: pick(Msg::FilterStatus).and_then(|i| MeetingStatus::ALL.get(i).copied()),
        party: pick(Msg::FilterParty).and_then(|i| forum.parties.get(i).map(|p| p.id.clone())),
        stance: pick(Msg::FilterStance).and_then(|i| Stance::ALL.get(i).copied()),
        area: pick(Msg::FilterArea).and_then(|i| sorted_areas(forum).get(i).map(|a| a.id.clone())),
        since: date(Msg::FilterSince)?,
        until: date(Msg::FilterUntil)?,
        // The TUI shows the record to those who take part in it, as the meeting does.
        public: false,
    })
}

/// The filter form was saved.
pub fn apply_filter(app: &mut App, filter: Filter) {
    let query = app
        .archive_view
        .as_ref()
        .and_then(|v| v.hits.as_ref())
        .map(|h| h.query.clone())
        .filter(|q| !q.is_empty());
    let view = ArchiveView::new(&app.archive, filter);
    let n = view.rows.len();
    app.archive_view = Some(view);
    app.say(format!("{}: {n}", app.lang.t(Msg::MeetingsMatch)));
    if let Some(q) = query {
        run_search(app, &q);
    }
}
