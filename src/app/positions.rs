//! What the parties say: each party's position on an item, its statement for the record
//! (protokolltilførsel) and its inputs (innspill) to an item or a development area.

use super::editor;
use super::form::{Field, Form, FormKind, labels};
use super::state::{App, EditorTarget, Pane, Popup};
use crate::i18n::{self, Msg};
use crate::model::{Change, Id, Party, Side, Stance};

/// `P`: a party's position on the selected item. Opens on the user's own party (a union
/// rep) or the first union (the chair), with what that party said before.
pub struct PositionForm;

/// The parties the user may record a position for: their own, as its representative; any
/// that takes positions, for the chair or minute-taker (on the party's behalf).
fn position_parties(app: &App) -> Vec<Party> {
    let me = app.actor();
    let forum = &app.doc.forum;
    forum
        .parties
        .iter()
        .filter(|p| !forum.observes_only(&p.id))
        .filter(|p| me.runs_meetings() || me.speaks_for(&p.id))
        .cloned()
        .collect()
}

impl PositionForm {
    pub fn open(app: &mut App) {
        let Some((_, item)) = app.editable_item() else {
            return;
        };
        let parties = position_parties(app);
        let own = app
            .author
            .party
            .as_deref()
            .and_then(|p| parties.iter().position(|x| x.id == p))
            .filter(|i| parties[*i].side != Side::Employer);
        let first_union = parties
            .iter()
            .position(|p| p.side != Side::Employer)
            .unwrap_or(0);
        let party = own.unwrap_or(first_union);
        let shorts = parties.iter().map(|p| p.short.clone()).collect();
        let current = parties.get(party).and_then(|p| {
            item.current_positions()
                .into_iter()
                .find(|x| x.party == p.id)
                .cloned()
        });
        // Only the stances that fit the kind of item (informasjon, drøfting, forhandling).
        let fitting = Stance::fitting(item.kind);
        let stance = current
            .as_ref()
            .and_then(|c| fitting.iter().position(|s| *s == c.stance))
            .unwrap_or(0);
        let stances = labels(fitting, |s| i18n::stance(app.lang, s));
        let fields = vec![
            Field::choice(Msg::FieldParty, shorts, party),
            Field::choice(Msg::FieldStance, stances, stance),
            Field::text(
                Msg::FieldReason,
                current.as_ref().map(|c| c.reason.as_str()).unwrap_or(""),
            ),
        ];
        let title = app.about_item(Msg::Positions, &item);
        let from = parties.get(party).map(|p| {
            let reason = current.as_ref().map(|c| c.reason.clone());
            (p.id.clone(), reason.unwrap_or_default())
        });
        let kind = FormKind::Position {
            item: item.id.clone(),
            from,
        };
        app.open_titled_form(kind, title, fields);
    }

    /// The party was switched: the form shows that party's position as it stands (or
    /// none), never the previous party's words, and merges from it on save.
    pub fn party_changed(app: &mut App) {
        let parties = position_parties(app);
        let Some(Popup::Form(f)) = app.popups.last() else {
            return;
        };
        let FormKind::Position { item, .. } = &f.kind else {
            return;
        };
        let Some(party) = parties.get(f.choice(Msg::FieldParty)) else {
            return;
        };
        let found = app.selected_item().filter(|i| i.id == *item).map(|it| {
            let current = it
                .current_positions()
                .into_iter()
                .find(|p| p.party == party.id)
                .cloned();
            (it.id.clone(), Stance::fitting(it.kind), current)
        });
        let Some((item, fitting, current)) = found else {
            return;
        };
        let stance = current
            .as_ref()
            .and_then(|c| fitting.iter().position(|s| *s == c.stance))
            .unwrap_or(0);
        let reason = current.map(|c| c.reason).unwrap_or_default();
        let party = party.id.clone();
        if let Some(Popup::Form(f)) = app.popups.last_mut() {
            f.set_choice(Msg::FieldStance, stance);
            f.set_text(Msg::FieldReason, &reason);
            f.kind = FormKind::Position {
                item,
                from: Some((party, reason)),
            };
        }
    }

    pub fn submit(
        app: &mut App,
        item: &Id,
        from: &Option<(Id, String)>,
        f: &Form,
    ) -> Result<Vec<Change>, String> {
        let meeting = app.meeting_for_form()?;
        let party = position_parties(app)
            .get(f.choice(Msg::FieldParty))
            .map(|p| p.id.clone())
            .ok_or_else(|| app.t(Msg::FieldParty).to_string())?;
        let kind = app
            .doc
            .meeting(&meeting)
            .and_then(|m| m.item(item))
            .map(|it| it.kind)
            .ok_or_else(|| app.t(Msg::FieldStance).to_string())?;
        let fitting = Stance::fitting(kind);
        let stance = *fitting
            .get(f.choice(Msg::FieldStance))
            .ok_or_else(|| app.t(Msg::FieldStance).to_string())?;
        // The reason merges from what the form showed; for another party than the one it
        // opened on, from that party's reason as it is now (the form showed no other).
        let base = match from {
            Some((opened, shown)) if *opened == party => shown.clone(),
            _ => app
                .doc
                .meeting(&meeting)
                .and_then(|m| m.item(item))
                .and_then(|it| {
                    it.current_positions()
                        .into_iter()
                        .find(|p| p.party == party)
                        .map(|p| p.reason.clone())
                })
                .unwrap_or_default(),
        };
        Ok(vec![Change::Position {
            meeting,
            item: item.clone(),
            party,
            stance,
            reason: f.text(Msg::FieldReason),
            base: Some(base),
        }])
    }
}

/// `:withdraw`: our party takes its position on the selected item back; the position and
/// its withdrawal both stay in the item's history.
pub fn withdraw(app: &mut App, fx: &mut Vec<super::action::Effect>) {
    let Some(party) = app.author.party.clone() else {
        app.warn(app.t(Msg::NoPartyForStatement));
        return;
    };
    let Some((meeting, item)) = app.editable_item() else {
        return;
    };
    if !item.current_positions().iter().any(|p| p.party == party) {
        app.warn(app.t(Msg::NoPositionToWithdraw));
        return;
    }
    let msg = app.lang.fill(Msg::PositionWithdrawn, &[&item.number]);
    let change = Change::PositionWithdraw {
        meeting,
        item: item.id,
        party,
    };
    app.commit(fx, change);
    app.say(msg);
}

/// `S`: our party's statement for the record on the selected item.
pub fn write_statement(app: &mut App) {
    if app.author.party.is_none() {
        app.warn(app.t(Msg::NoPartyForStatement));
    } else {
        editor::open_for_item(app, EditorTarget::Statement);
    }
}

/// `I`: our party's input, to the selected development area when the areas pane is in
/// front, else to the selected item.
pub fn write_input(app: &mut App) {
    if app.author.party.is_none() {
        app.warn(app.t(Msg::NoPartyForStatement));
        return;
    }
    let on_areas =
        app.focus == Pane::Areas || (app.focus == Pane::Detail && app.detail_of == Pane::Areas);
    if !on_areas {
        editor::open_for_item(app, EditorTarget::Input);
        return;
    }
    let Some(area) = app.selected_area().cloned() else {
        app.warn(app.t(Msg::SelectAnArea));
        return;
    };
    let title = format!("{} – {}. {}", app.t(Msg::Inputs), area.number, area.title);
    editor::open(app, EditorTarget::AreaInput(area.id), title, String::new());
}
