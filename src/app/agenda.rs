//! The agenda: items added, edited, moved and deleted; the current item and its timer; an
//! item's agreement and whether it is exempt from public disclosure.

use super::action::Effect;
use super::areas::area_options;
use super::exemption;
use super::form::{Field, Form, FormKind, labels};
use super::state::{App, OnYes, Pane};
use crate::i18n::{self, Msg};
use crate::model::{
    Agreement, Change, Id, Item, ItemField, ItemKind, MeetingField, MeetingStatus,
    next_item_number, parse_date,
};

/// Minutes planned for a new item unless the chair says otherwise.
const DEFAULT_MINUTES: &str = "15";

/// The form for a new item or an existing one.
pub struct ItemForm;

impl ItemForm {
    pub fn open(app: &mut App, id: Option<Id>) {
        if app.editable_meeting().is_none() {
            return;
        }
        let item = id
            .as_deref()
            .and_then(|i| app.items().iter().find(|x| x.id == i))
            .cloned();
        let item = item.as_ref();
        let kind = item
            .and_then(|i| ItemKind::ALL.iter().position(|k| *k == i.kind))
            .unwrap_or(1);
        let kinds = labels(&ItemKind::ALL, |k| i18n::item_kind(app.lang, k));
        let areas = item.map(|i| i.areas.clone()).unwrap_or_default();
        let demanded = item
            .and_then(|i| i.demanded_on)
            .map(|d| i18n::short_date(app.lang, d))
            .unwrap_or_default();
        let agreed = item
            .and_then(|i| i.agreed_start)
            .map(|d| i18n::short_date(app.lang, d))
            .unwrap_or_default();
        let minutes = item
            .map(|i| i.planned_minutes.to_string())
            .unwrap_or_else(|| DEFAULT_MINUTES.into());
        let fields = vec![
            Field::text(
                Msg::FieldTitle,
                item.map(|i| i.title.as_str()).unwrap_or(""),
            ),
            Field::choice(Msg::Kind, kinds, kind),
            Field::text(
                Msg::Presenter,
                item.map(|i| i.presenter.as_str()).unwrap_or(""),
            ),
            Field::text(Msg::FieldPlannedMinutes, &minutes),
            Field::multi(Msg::DevAreas, area_options(app, &areas)),
            exemption::hjemmel_field(app, item),
            Field::text(Msg::FieldDemandedOn, &demanded),
            Field::text(Msg::FieldAgreedStart, &agreed),
        ];
        app.open_form(id.map_or(FormKind::NewItem, FormKind::EditItem), fields);
    }

    /// The item's changes: all its fields for a new item (placed right after the selected
    /// one), only what differs for an existing one.
    pub fn submit(app: &mut App, id: Option<&Id>, f: &Form) -> Result<Vec<Change>, String> {
        let lang = app.lang;
        let meeting = app.meeting_for_form()?;
        let title = app.required(f.text(Msg::FieldTitle), Msg::TitleRequired)?;
        let kind = ItemKind::ALL[f.choice(Msg::Kind).min(ItemKind::ALL.len() - 1)];
        let minutes = f.text(Msg::FieldPlannedMinutes);
        let planned: u32 = if minutes.is_empty() {
            0
        } else {
            minutes
                .parse()
                .map_err(|_| app.t(Msg::MinutesMustBeNumber).to_string())?
        };
        let demanded =
            parse_date(&f.text(Msg::FieldDemandedOn)).map_err(|e| i18n::date_error(lang, e))?;
        let agreed =
            parse_date(&f.text(Msg::FieldAgreedStart)).map_err(|e| i18n::date_error(lang, e))?;
        let old = id.and_then(|id| app.items().iter().find(|i| &i.id == id).cloned());
        let exempt = exemption::chosen(app, old.as_ref(), f);
        let mut sets = vec![
            ItemField::Kind(kind),
            ItemField::Presenter(f.text(Msg::Presenter)),
            ItemField::PlannedMinutes(planned),
            ItemField::Areas(f.multi(Msg::DevAreas)),
            ItemField::DemandedOn(demanded),
            ItemField::AgreedStart(agreed),
        ];
        match &old {
            Some(old) => sets.extend(old.set_exemption(exempt)),
            None => {
                sets.push(ItemField::Confidential(exempt.is_some()));
                sets.extend(exempt.map(|e| ItemField::Exempt(Some(e))));
            }
        }
        let set = |item: &Id, set: ItemField| Change::ItemSet {
            meeting: meeting.clone(),
            item: item.clone(),
            set,
        };
        if let Some(id) = id {
            let old = old.ok_or_else(|| app.t(Msg::SelectAnItem).to_string())?;
            return Ok(std::iter::once(ItemField::Title(title))
                .chain(sets)
                .filter(|s| s.changes(&old))
                .map(|s| set(id, s))
                .collect());
        }
        let item = app.ids.new_id("s");
        let m = app
            .current_meeting()
            .ok_or_else(|| app.t(Msg::NoMeetingOpen).to_string())?;
        let number = next_item_number(&app.used_item_numbers(), m.year());
        let (rank, mut out) = rank_after(&meeting, &m.items, app.agenda_sel);
        out.push(Change::ItemAdd {
            meeting: meeting.clone(),
            item: item.clone(),
            number,
            title,
            kind,
            rank,
        });
        // The claim in the forum's log, which every machine reads whatever meeting it
        // opens: numbers stay unique across meetings (`Doc::settle_numbers`).
        out.push(Change::ItemNumbers {
            meeting: meeting.clone(),
            numbers: vec![(item.clone(), number)],
            fixed: false,
        });
        out.extend(sets.into_iter().map(|s| set(&item, s)));
        app.select_after_apply = Some((Pane::Agenda, item));
        app.focus = Pane::Agenda;
        Ok(out)
    }
}

/// The rank for a new item right after the selected one (the chair's place in the agenda),
/// and the moves of later items when there is no room left between the two.
fn rank_after(meeting: &Id, items: &[Item], selected: usize) -> (i64, Vec<Change>) {
    let sel = selected.min(items.len().saturating_sub(1));
    match (items.get(sel), items.get(sel + 1)) {
        (Some(a), Some(b)) if b.rank - a.rank > 1 => (a.rank + (b.rank - a.rank) / 2, Vec::new()),
        (Some(a), Some(_)) => {
            let moves = items[sel + 1..]
                .iter()
                .enumerate()
                .map(|(k, later)| Change::ItemSet {
                    meeting: meeting.clone(),
                    item: later.id.clone(),
                    set: ItemField::Rank(a.rank + 2048 * (k as i64 + 2)),
                })
                .collect();
            (a.rank + 2048, moves)
        }
        (Some(a), None) => (a.rank + 1024, Vec::new()),
        (None, _) => (1024, Vec::new()),
    }
}

/// `d` on the agenda: asks first.
pub fn ask_delete(app: &mut App) {
    if app.editable_meeting().is_none() {
        return;
    }
    if let Some(item) = app.selected_item() {
        let q = format!(
            "{} {} {}?",
            app.t(Msg::ConfirmDeleteItem),
            item.number,
            item.title
        );
        let on_yes = OnYes::DeleteItem(item.id.clone());
        app.confirm(q, on_yes);
    }
}

pub fn delete(app: &mut App, item: Id, fx: &mut Vec<Effect>) {
    if let Some(meeting) = app.editable_meeting() {
        app.commit(fx, Change::ItemDelete { meeting, item });
    }
}

/// `K`/`J`: the selected item one place up or down.
pub fn move_selected(app: &mut App, dir: isize, fx: &mut Vec<Effect>) {
    if app.focus != Pane::Agenda {
        return;
    }
    let Some(m) = app.editable_meeting() else {
        return;
    };
    let items = app.items();
    let i = app.agenda_sel;
    // Another writer may have just deleted the selected item.
    let Some(j) = i.checked_add_signed(dir) else {
        return;
    };
    let (Some(a), Some(b)) = (items.get(i), items.get(j)) else {
        return;
    };
    let (ra, rb) = if a.rank == b.rank {
        (b.rank + dir as i64, a.rank)
    } else {
        (b.rank, a.rank)
    };
    let moves = [(a.id.clone(), ra), (b.id.clone(), rb)];
    for (item, rank) in moves {
        let change = Change::ItemSet {
            meeting: m.clone(),
            item,
            set: ItemField::Rank(rank),
        };
        app.commit(fx, change);
    }
    app.agenda_sel = j;
}

/// `c`: the selected item becomes the current one; the one before it ends, and its timer
/// starts (or goes on, when it is taken up again).
pub fn set_current(app: &mut App, fx: &mut Vec<Effect>) {
    let Some(m) = app.editable_meeting() else {
        return;
    };
    let Some(meeting) = app.current_meeting() else {
        return;
    };
    if meeting.status != MeetingStatus::Open {
        app.warn(app.t(Msg::StartMeetingFirst));
        return;
    }
    let Some(item) = app.selected_item() else {
        return;
    };
    let id = item.id.clone();
    let started = item.started_at.is_some();
    // Taken up again: it has not ended after all.
    let resumed = item.ended_at.is_some();
    let previous = meeting
        .current_item
        .clone()
        .filter(|p| *p != id && meeting.item(p).is_some_and(|p| p.ended_at.is_none()));
    let now = app.now_text();
    let set = |item: &Id, set: ItemField| Change::ItemSet {
        meeting: m.clone(),
        item: item.clone(),
        set,
    };
    let mut changes = Vec::new();
    if let Some(prev) = previous {
        changes.push(set(&prev, ItemField::EndedAt(Some(now.clone()))));
    }
    changes.push(Change::MeetingSet {
        meeting: m.clone(),
        set: MeetingField::CurrentItem(Some(id.clone())),
    });
    if resumed {
        changes.push(set(&id, ItemField::EndedAt(None)));
    }
    if !started {
        changes.push(set(&id, ItemField::StartedAt(Some(now))));
    }
    for c in changes {
        app.commit(fx, c);
    }
}

/// `E`: agreement → disagreement → none.
pub fn cycle_agreement(app: &mut App, fx: &mut Vec<Effect>) {
    let Some((meeting, item)) = editable_selection(app) else {
        return;
    };
    let next = match item.agreement {
        None => Some(Agreement::Agreement),
        Some(Agreement::Agreement) => Some(Agreement::Disagreement),
        Some(Agreement::Disagreement) => None,
    };
    let change = Change::ItemSet {
        meeting,
        item: item.id,
        set: ItemField::Agreement(next),
    };
    app.commit(fx, change);
}

/// The editable meeting and its selected item; nothing (and no warning about the item)
/// when no item is selected.
fn editable_selection(app: &mut App) -> Option<(Id, Item)> {
    let meeting = app.editable_meeting()?;
    let item = app.selected_item()?.clone();
    Some((meeting, item))
}
