//! The archive view: every meeting, filters, search across everything, and threads (a
//! development area or a party over time). Opening a meeting from here shows it read-only.

use super::action::{Action, Effect};
use super::form::{Field, Form, FormKind};
use super::state::{App, Popup};
use crate::i18n::{self, Msg};
use crate::model::{MeetingStatus, Stance};
use crate::search::{self, Filter};
use crate::store::archive::{Archive, Field as TextField};

/// A list of texts: search hits, or a thread.
#[derive(Debug, Clone, PartialEq)]
pub struct HitList {
    /// What the list is: the query, or the thread's name.
    pub title: String,
    /// The query words to mark in the snippets (empty for a thread).
    pub query: String,
    pub docs: Vec<u32>,
    pub sel: usize,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ArchiveView {
    pub filter: Filter,
    /// Meetings passing the filter (indexes into `Archive::meetings`), newest first.
    pub rows: Vec<usize>,
    pub sel: usize,
    pub hits: Option<HitList>,
    /// A search typed before the search index was ready: run when it is.
    pub pending: Option<String>,
    /// The thread shown (party, area), to show again when the index changes.
    pub thread: Option<(Option<String>, Option<String>)>,
}

impl ArchiveView {
    pub fn new(archive: &Archive, filter: Filter) -> ArchiveView {
        ArchiveView {
            rows: search::filtered_meetings(archive, &filter),
            filter,
            ..ArchiveView::default()
        }
    }

    pub fn selected_meeting(&self) -> Option<usize> {
        self.rows.get(self.sel).copied()
    }

    fn len(&self) -> usize {
        match &self.hits {
            Some(h) => h.docs.len(),
            None => self.rows.len(),
        }
    }

    fn sel_mut(&mut self) -> &mut usize {
        match &mut self.hits {
            Some(h) => &mut h.sel,
            None => &mut self.sel,
        }
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
    view.hits = Some(HitList {
        title: query.to_string(),
        query: query.to_string(),
        docs,
        sel: 0,
    });
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
        view.hits = Some(HitList {
            title,
            query: String::new(),
            docs,
            sel: 0,
        });
    }
    app.popups.clear();
    app.say(format!("{}: {n}", app.lang.t(Msg::HitsTitle)));
}

/// Keys in the archive view.
pub fn archive_mode(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    app.message = None;
    let page = (app.size.1 as isize / 3).max(3);
    let Some(view) = app.archive_view.as_mut() else {
        return;
    };
    let len = view.len();
    let step = |sel: &mut usize, d: isize| {
        *sel = (*sel as isize + d).clamp(0, len.saturating_sub(1) as isize) as usize;
    };
    match action {
        Action::Down => step(view.sel_mut(), 1),
        Action::Up => step(view.sel_mut(), -1),
        Action::PageDown => step(view.sel_mut(), page),
        Action::PageUp => step(view.sel_mut(), -page),
        Action::Top => *view.sel_mut() = 0,
        Action::Bottom => *view.sel_mut() = len.saturating_sub(1),
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
        Action::Help => app.popups.push(Popup::Help { scroll: 0 }),
        Action::Quit | Action::ForceQuit => {
            super::update::quit_from(app, action == Action::ForceQuit, fx)
        }
        _ => {}
    }
}

fn open_selected(app: &mut App, fx: &mut Vec<Effect>) {
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
    let with_any = |names: Vec<String>| std::iter::once(any.clone()).chain(names).collect();
    let pos = |i: Option<usize>| i.map(|i| i + 1).unwrap_or(0);
    let date = |d: Option<chrono::NaiveDate>| {
        d.map(|d| d.format("%d.%m.%Y").to_string())
            .unwrap_or_default()
    };
    let fields = vec![
        Field::choice(
            Msg::FilterStatus,
            with_any(
                MeetingStatus::ALL
                    .iter()
                    .map(|s| i18n::meeting_status(lang, *s).to_string())
                    .collect(),
            ),
            pos(f
                .status
                .and_then(|s| MeetingStatus::ALL.iter().position(|x| *x == s))),
        ),
        Field::choice(
            Msg::FilterParty,
            with_any(forum.parties.iter().map(|p| p.short.clone()).collect()),
            pos(f
                .party
                .as_ref()
                .and_then(|p| forum.parties.iter().position(|x| &x.id == p))),
        ),
        Field::choice(
            Msg::FilterStance,
            with_any(
                Stance::ALL
                    .iter()
                    .map(|s| i18n::stance(lang, *s).to_string())
                    .collect(),
            ),
            pos(f
                .stance
                .and_then(|s| Stance::ALL.iter().position(|x| *x == s))),
        ),
        Field::choice(
            Msg::FilterArea,
            with_any(
                sorted_areas(forum)
                    .iter()
                    .map(|a| format!("{} {}", a.number, a.title))
                    .collect(),
            ),
            pos(f
                .area
                .as_ref()
                .and_then(|a| sorted_areas(forum).iter().position(|x| &x.id == a))),
        ),
        Field::text(Msg::FilterSince, &date(f.since)),
        Field::text(Msg::FilterUntil, &date(f.until)),
    ];
    app.popups.push(Popup::Form(Form::new(
        FormKind::ArchiveFilter,
        lang.t(Msg::FilterTitle).to_string(),
        fields,
    )));
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
    let pick = |i: usize| form.choice(i).checked_sub(1);
    let date = |i: usize, label: Msg| -> Result<Option<chrono::NaiveDate>, String> {
        crate::model::parse_date(&form.text(i))
            .map_err(|e| format!("{}: {}", lang.t(label), i18n::date_error(lang, e)))
    };
    Ok(Filter {
        status: pick(0).and_then(|i| MeetingStatus::ALL.get(i).copied()),
        party: pick(1).and_then(|i| forum.parties.get(i).map(|p| p.id.clone())),
        stance: pick(2).and_then(|i| Stance::ALL.get(i).copied()),
        area: pick(3).and_then(|i| sorted_areas(forum).get(i).map(|a| a.id.clone())),
        since: date(4, Msg::FilterSince)?,
        until: date(5, Msg::FilterUntil)?,
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
