//! Nothing typed is lost: the editor or form on screen is kept as this samrad's draft (the
//! runtime writes `current` to `local/drafts/` at most every half second while it changes,
//! and removes it once the text is saved or thrown away), and a draft left by a samrad that
//! is gone (Ctrl-C, a closed window, `kill -9`, a power cut) is offered back at the next
//! start, at the same place. Throwing one away takes Ctrl-D; Esc leaves it for the next
//! start. Text whose place is gone is shown in an editor to be copied, never dropped.

use super::action::{Action, Effect};
use super::draft::{Draft, Entry, FieldValue, Typed};
use super::editor;
use super::form::{Field, FieldKind, Form, FormKind};
use super::state::{App, EditorTarget, Popup};
use crate::i18n::{Lang, Msg};
use crate::model::Id;

/// Whose a draft is: the person's id, or their name when they are not in the forum.
fn author_key(app: &App) -> String {
    app.author
        .person
        .clone()
        .unwrap_or_else(|| app.author.name.clone())
}

/// This samrad's draft as it is now: the editor or form on screen as typed, or nothing
/// when there is none or its text is as it opened.
pub fn current(app: &App) -> Option<Draft> {
    let (title, typed) = app.popups.iter().rev().find_map(|p| match p {
        Popup::Editor(ed) => Some(ed.changed().then(|| {
            let target = serde_json::to_value(&ed.target).unwrap_or_default();
            let typed = Typed::Editor {
                target,
                text: ed.text(),
                base: ed.base.clone(),
            };
            (ed.title.clone(), typed)
        })),
        Popup::Form(f) if f.kind != FormKind::ArchiveFilter => Some(Some((
            f.title.clone(),
            Typed::Form {
                kind: serde_json::to_value(&f.kind).unwrap_or_default(),
                fields: f.fields.iter().map(entry).collect(),
                focus: f.focus,
            },
        ))),
        _ => None,
    })??;
    Some(Draft {
        writer: String::new(),
        author: author_key(app),
        meeting: app.meeting.clone(),
        at: app.now_text(),
        title,
        typed,
    })
}

fn entry(f: &Field) -> Entry {
    let value = match &f.kind {
        FieldKind::Text(area) => FieldValue::Text(area.lines().join(" ")),
        FieldKind::Choice { options, selected } => FieldValue::Choice {
            options: options.clone(),
            selected: *selected,
        },
        FieldKind::Toggle(on) => FieldValue::Toggle(*on),
        FieldKind::Multi { options, .. } => FieldValue::Multi {
            options: options.clone(),
        },
    };
    Entry {
        label: format!("{:?}", f.label),
        value,
    }
}

/// The label named `name` (as `entry` wrote it).
fn label(name: &str) -> Option<Msg> {
    Msg::ALL.iter().copied().find(|m| format!("{m:?}") == name)
}

fn field(e: &Entry) -> Option<Field> {
    let label = label(&e.label)?;
    Some(match &e.value {
        FieldValue::Text(text) => Field::text(label, text),
        FieldValue::Choice { options, selected } => {
            Field::choice(label, options.clone(), *selected)
        }
        FieldValue::Toggle(on) => Field::toggle(label, *on),
        FieldValue::Multi { options } => Field::multi(label, options.clone()),
    })
}

/// At start: the drafts samrads that are gone left behind. The user's own are offered one
/// after another; others' are said and left for their owner. Returns the writers of those
/// left (so the runtime lets go of them).
pub fn offer(app: &mut App, left: Vec<Draft>, unreadable: &[String]) -> Vec<String> {
    let me = author_key(app);
    let (mut mine, others): (Vec<Draft>, Vec<Draft>) =
        left.into_iter().partition(|d| d.author == me);
    mine.sort_by(|a, b| a.at.cmp(&b.at));
    app.draft_offers.extend(mine);
    if let Some(first) = unreadable.first() {
        let text = app.lang.fill(Msg::DraftUnreadable, &[first]);
        app.warn(text);
    } else if !others.is_empty() {
        let text = app.lang.fill(Msg::DraftsOfOthers, &[&others.len()]);
        app.say(text);
    }
    offer_next(app);
    others.into_iter().map(|d| d.writer).collect()
}

/// Offer the next draft once nothing else is on screen.
pub fn offer_next(app: &mut App) {
    if app.draft_offers.is_empty()
        || !app.popups.is_empty()
        || app.command.is_some()
        || app.search.is_some()
    {
        return;
    }
    let next = app.draft_offers.remove(0);
    app.popups.push(Popup::DraftOffer(Box::new(next)));
}

/// Keys while a draft is offered: restore it, leave it for the next start, or throw it
/// away (Ctrl-D: a key not typed by chance).
pub fn offer_mode(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    if !matches!(app.popups.last(), Some(Popup::DraftOffer(_))) {
        return;
    }
    if action == Action::ForceQuit {
        app.quit(fx);
        return;
    }
    let (Action::RestoreDraft | Action::DiscardDraft | Action::Cancel) = action else {
        return;
    };
    let Some(Popup::DraftOffer(draft)) = app.popups.pop() else {
        return;
    };
    match action {
        Action::RestoreDraft => fx.push(Effect::RestoreDraft(draft)),
        Action::DiscardDraft => {
            app.say(app.t(Msg::DraftDiscarded));
            fx.push(Effect::ForgetDraft(draft.writer));
        }
        _ => app.say(app.t(Msg::DraftLater)),
    }
}

/// Open a draft again where it was typed (the runtime has opened its meeting), with the
/// text and the cursor at its end; where that place is gone or can no longer be changed,
/// in an editor to copy the text from. The draft is kept again as this samrad's, and the
/// one left behind goes.
pub fn restore(app: &mut App, draft: Draft) -> Vec<Effect> {
    let placed = match &draft.typed {
        Typed::Editor { target, text, base } => {
            match serde_json::from_value::<EditorTarget>(target.clone()) {
                Ok(target) if fits(app, &draft, needs_meeting(&target)) && select(app, &target) => {
                    editor::reopen(app, target, draft.title.clone(), text.clone(), base.clone());
                    true
                }
                _ => false,
            }
        }
        Typed::Form {
            kind,
            fields,
            focus,
        } => {
            let kind = serde_json::from_value::<FormKind>(kind.clone()).ok();
            let fields: Option<Vec<Field>> = fields.iter().map(field).collect();
            match (kind, fields) {
                (Some(kind), Some(fields))
                    if fits(app, &draft, form_needs_meeting(&kind)) && form_place(app, &kind) =>
                {
                    let mut form = Form::new(kind, draft.title.clone(), fields);
                    form.focus = (*focus).min(form.fields.len().saturating_sub(1));
                    app.popups.push(Popup::Form(form));
                    true
                }
                _ => false,
            }
        }
    };
    if !placed {
        orphan(app, &draft);
    }
    let mut fx = Vec::new();
    app.keep_draft(&mut fx);
    fx.push(Effect::ForgetDraft(draft.writer));
    fx
}

/// The draft's meeting is on screen and may be changed, when its place is in one.
fn fits(app: &App, draft: &Draft, needs_meeting: bool) -> bool {
    if !needs_meeting {
        return true;
    }
    draft.meeting.is_some()
        && draft.meeting == app.meeting
        && !app.view_only
        && app
            .current_meeting()
            .is_some_and(|m| !m.status.is_read_only())
}

fn needs_meeting(target: &EditorTarget) -> bool {
    !matches!(target, EditorTarget::AreaInput(_) | EditorTarget::Nowhere)
}

fn form_needs_meeting(kind: &FormKind) -> bool {
    matches!(
        kind,
        FormKind::NewItem
            | FormKind::EditItem(_)
            | FormKind::Exemption(_)
            | FormKind::EditMeeting
            | FormKind::NewDocument
            | FormKind::Substitute(_)
            | FormKind::Position { .. }
            | FormKind::OpenVote(_)
            | FormKind::CastVote { .. }
            | FormKind::NewAction { item: Some(_) }
    )
}

/// Select what the editor writes to; false when it is gone.
fn select(app: &mut App, target: &EditorTarget) -> bool {
    match target {
        EditorTarget::Notes(item)
        | EditorTarget::Conclusion(item)
        | EditorTarget::Background(item)
        | EditorTarget::Further(item)
        | EditorTarget::Statement(item)
        | EditorTarget::Input(item) => select_item(app, item),
        EditorTarget::AreaInput(area) => select_area(app, area),
        EditorTarget::Nowhere => false,
    }
}

/// Select what the form is about; false when it is gone.
fn form_place(app: &mut App, kind: &FormKind) -> bool {
    match kind {
        FormKind::EditItem(item)
        | FormKind::Exemption(item)
        | FormKind::Position { item, .. }
        | FormKind::OpenVote(item)
        | FormKind::CastVote { item, .. }
        | FormKind::NewAction { item: Some(item) } => select_item(app, item),
        FormKind::EditArea(area) | FormKind::AreaStatus(area) => select_area(app, area),
        FormKind::EditAction(action) | FormKind::ActionStatus(action) => {
            if let Some(i) = app.actions().iter().position(|a| a.id == *action) {
                app.action_sel = i;
            }
            app.doc.actions.iter().any(|a| a.id == *action)
        }
        FormKind::ArchiveFilter => false,
        _ => true,
    }
}

fn select_item(app: &mut App, item: &Id) -> bool {
    match app.items().iter().position(|i| i.id == *item) {
        Some(i) => {
            app.agenda_sel = i;
            true
        }
        None => false,
    }
}

fn select_area(app: &mut App, area: &Id) -> bool {
    match app.areas().iter().position(|a| a.id == *area) {
        Some(i) => {
            app.area_sel = i;
            true
        }
        None => false,
    }
}

/// The text of a draft whose place is gone, in an editor titled to say so.
fn orphan(app: &mut App, draft: &Draft) {
    let already = matches!(&draft.typed, Typed::Editor { target, .. }
        if serde_json::from_value::<EditorTarget>(target.clone()).ok() == Some(EditorTarget::Nowhere));
    let title = if already {
        draft.title.clone()
    } else {
        app.lang.fill(Msg::DraftOrphanTitle, &[&draft.title])
    };
    editor::reopen(
        app,
        EditorTarget::Nowhere,
        title,
        text_of(app.lang, draft),
        String::new(),
    );
}

/// All a draft holds, as text: the editor's, or a form's fields as "Label: value" lines.
pub fn text_of(lang: Lang, draft: &Draft) -> String {
    match &draft.typed {
        Typed::Editor { text, .. } => text.clone(),
        Typed::Form { fields, .. } => fields
            .iter()
            .map(|e| {
                let name = label(&e.label).map_or(e.label.as_str(), |m| lang.t(m));
                format!("{name}: {}", value_text(&e.value))
            })
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

fn value_text(v: &FieldValue) -> String {
    match v {
        FieldValue::Text(t) => t.clone(),
        FieldValue::Choice { options, selected } => {
            options.get(*selected).cloned().unwrap_or_default()
        }
        FieldValue::Toggle(on) => if *on { "[x]" } else { "[ ]" }.to_string(),
        FieldValue::Multi { options } => options
            .iter()
            .filter(|o| o.2)
            .map(|o| o.1.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// What the offer shows of a draft: the text typed (a form's text fields only).
pub fn preview(draft: &Draft) -> String {
    match &draft.typed {
        Typed::Editor { text, .. } => text.clone(),
        Typed::Form { fields, .. } => fields
            .iter()
            .filter_map(|e| match &e.value {
                FieldValue::Text(t) if !t.trim().is_empty() => Some(t.as_str()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join(" · "),
    }
}
