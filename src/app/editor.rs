//! The multi-line editor for an item's notes, conclusion and background, a party's
//! statement for the record, and inputs. Ctrl-S saves; Esc with changes asks first. What
//! is typed is kept as a draft until it is saved or thrown away (`drafts.rs`).

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::action::{Action, Effect};
use super::state::{App, Editor, EditorTarget, OnYes, PassageTag, Popup};
use crate::i18n::Msg;
use crate::model::{Change, Id, Input, InputTarget, TextField, conflict_count};

/// The editor on the selected item of an editable meeting, with the text as it is now.
pub fn open_for_item(app: &mut App, target: impl Fn(Id) -> EditorTarget) {
    let Some((_, item)) = app.editable_item() else {
        return;
    };
    let target = target(item.id.clone());
    let own = app.author.party.clone().unwrap_or_default();
    let (label, text) = match &target {
        EditorTarget::Notes(_) => (Msg::Notes, item.notes.clone()),
        EditorTarget::Conclusion(_) => (Msg::Conclusion, item.conclusion.clone()),
        EditorTarget::Background(_) => (Msg::Background, item.background.clone()),
        EditorTarget::Further(_) => (Msg::Further, item.further.clone()),
        EditorTarget::Statement(_) => {
            let current = item
                .current_statements()
                .into_iter()
                .find(|s| s.party == own)
                .map(|s| s.text.clone());
            (Msg::Statements, current.unwrap_or_default())
        }
        EditorTarget::Input(_) | EditorTarget::AreaInput(_) | EditorTarget::Nowhere => {
            (Msg::Inputs, String::new())
        }
    };
    let mut title = format!(
        "{} – {} {}: {}",
        app.t(label),
        app.t(Msg::Item),
        item.number,
        item.title
    );
    if conflict_count(&text) > 0 {
        title = format!("⚠ {} – {title}", app.t(Msg::ConflictEditHint));
    }
    open(app, target, title, text);
}

/// The editor with `text`, the cursor at its end.
pub fn open(app: &mut App, target: EditorTarget, title: String, text: String) {
    reopen(app, target, title, text.clone(), text);
}

/// The editor with `text` typed on top of `base`, the text it first opened with (a
/// draft restored): the cursor at its end, and saving or Esc as if it had been typed now.
pub fn reopen(app: &mut App, target: EditorTarget, title: String, text: String, base: String) {
    let lines: Vec<String> = if text.is_empty() {
        vec![String::new()]
    } else {
        text.lines().map(str::to_string).collect()
    };
    let mut area = TextArea::new(lines);
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.move_cursor(CursorMove::Bottom);
    area.move_cursor(CursorMove::End);
    app.popups.push(Popup::Editor(Box::new(Editor {
        target,
        title,
        area,
        original: base.clone(),
        base,
        passage: None,
    })));
}

/// Keys while the editor is open.
pub fn editor_mode(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    let Some(Popup::Editor(ed)) = app.popups.last_mut() else {
        return;
    };
    match action {
        Action::Key(ev) if ed.area.input(ev) => app.keep_draft(fx),
        Action::ExemptPassage => exempt_passage(app, fx),
        Action::Save if ed.target == EditorTarget::Nowhere => {
            app.warn(app.t(Msg::DraftNowhere));
        }
        // Nothing may be written: the text stays on screen (and in its draft).
        Action::Save if app.read_only.is_some() => {
            let why = app.read_only.clone().unwrap_or_default();
            app.warn(format!("{}: {why}", app.t(Msg::ReadOnly)));
        }
        Action::Save => {
            let (target, text, changed) = (ed.target.clone(), ed.text(), ed.changed());
            let base = ed.base.clone();
            app.popups.pop();
            if changed
                && let Some(meeting) = app.meeting.clone()
                && let Some(change) = change_for(app, meeting, target, base, text)
            {
                app.commit(fx, change);
            }
            app.drop_draft(fx);
        }
        Action::Cancel => {
            if ed.changed() {
                app.confirm(app.t(Msg::DiscardChanges).to_string(), OnYes::DiscardEdit);
            } else {
                app.popups.pop();
                app.drop_draft(fx);
            }
        }
        Action::ForceQuit => app.quit(fx),
        _ => {}
    }
}

/// Ctrl-T: put `[unntatt <hjemmel>]` and `[/unntatt]` at the cursor, the cursor between
/// them, citing the first hjemmel of the forum's list; pressed again at once, the next one.
fn exempt_passage(app: &mut App, fx: &mut Vec<Effect>) {
    let hjemler: Vec<String> = app
        .doc
        .forum
        .hjemler()
        .into_iter()
        .map(|h| h.short)
        .collect();
    let lang = app.lang;
    let Some(Popup::Editor(ed)) = app.popups.last_mut() else {
        return;
    };
    if hjemler.is_empty() {
        app.warn(lang.t(Msg::NoHjemler));
        return;
    }
    let at = ed.area.cursor();
    let again = ed.passage.filter(|p| p.cursor == (at.0, at.1));
    let next = match again {
        Some(p) => {
            for _ in 0..p.chars {
                ed.area.move_cursor(CursorMove::Back);
            }
            ed.area.delete_str(p.chars);
            (p.hjemmel + 1) % hjemler.len()
        }
        None => {
            ed.area.insert_str("[/unntatt]");
            for _ in 0.."[/unntatt]".chars().count() {
                ed.area.move_cursor(CursorMove::Back);
            }
            0
        }
    };
    let tag = format!("[unntatt {}]", hjemler[next]);
    ed.area.insert_str(&tag);
    ed.passage = Some(PassageTag {
        cursor: (ed.area.cursor().0, ed.area.cursor().1),
        chars: tag.chars().count(),
        hjemmel: next,
    });
    let msg = lang.fill(Msg::PassageInserted, &[&hjemler[next]]);
    app.say(msg);
    app.keep_draft(fx);
}

/// What saved text becomes: a field of the item, our party's statement, or a new input
/// from our party; none for text whose place is gone. Texts that others may edit too
/// carry `base`, the text the editor opened with, so that the fold merges instead of
/// overwriting.
fn change_for(
    app: &mut App,
    meeting: Id,
    target: EditorTarget,
    base: String,
    text: String,
) -> Option<Change> {
    let party = app.author.party.clone().unwrap_or_default();
    let input = |app: &mut App, target| Input {
        id: app.ids.new_id("i"),
        party: party.clone(),
        target,
        text: text.clone(),
        source: String::new(),
        at: app.now_text(),
        by: app.author.name.clone(),
    };
    let long_text = |item, field| Change::ItemText {
        meeting: meeting.clone(),
        item,
        field,
        base: base.clone(),
        text: text.clone(),
    };
    Some(match target {
        EditorTarget::Nowhere => return None,
        EditorTarget::Notes(i) => long_text(i, TextField::Notes),
        EditorTarget::Conclusion(i) => long_text(i, TextField::Conclusion),
        EditorTarget::Background(i) => long_text(i, TextField::Background),
        EditorTarget::Further(i) => long_text(i, TextField::Further),
        EditorTarget::Statement(item) => Change::Statement {
            meeting: meeting.clone(),
            item,
            party: party.clone(),
            text: text.clone(),
            base: Some(base.clone()),
        },
        EditorTarget::Input(item) => Change::ItemInput {
            meeting: meeting.clone(),
            input: input(app, InputTarget::Item(item)),
        },
        EditorTarget::AreaInput(area) => Change::AreaInput {
            input: input(app, InputTarget::DevArea(area)),
        },
    })
}
