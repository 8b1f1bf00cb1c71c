//! `x`: whether an item is unntatt offentlighet, on which hjemmel from the forum's list,
//! and what the public version may call it.

use super::action::Effect;
use super::form::{Field, Form, FormKind};
use super::state::App;
use crate::i18n::{self, Lang, Msg};
use crate::model::{Change, Exemption, Hjemmel, Id, Item};

/// The form behind `x`: hjemmel (none, or one of the forum's list) and a public title.
pub struct ExemptionForm;

/// What each option of the hjemmel choice sets, after "none": the forum's list, and the
/// item's own exemption when its hjemmel is not on the list (an old or retired one), so
/// that saving the form unchanged keeps it.
fn choices(app: &App, item: &Item) -> Vec<Exemption> {
    let title = item
        .exempt
        .as_ref()
        .map(|e| e.public_title.clone())
        .unwrap_or_default();
    let mut out: Vec<Exemption> = app
        .doc
        .forum
        .hjemler()
        .iter()
        .map(|h| Exemption::citing(h, title.clone()))
        .collect();
    if let Some(own) = item.exemption()
        && !out
            .iter()
            .any(|e| e.hjemmel_id == own.hjemmel_id && e.hjemmel == own.hjemmel)
    {
        out.push(own);
    }
    out
}

fn option_label(lang: Lang, app: &App, e: &Exemption) -> String {
    let description = app
        .doc
        .forum
        .hjemler()
        .into_iter()
        .find(|h| Some(&h.id) == e.hjemmel_id.as_ref())
        .map(|h| h.description)
        .unwrap_or_default();
    match (e.hjemmel.is_empty(), description.is_empty()) {
        (true, _) => i18n::exemption(lang, e),
        (false, true) => e.hjemmel.clone(),
        (false, false) => format!("{} – {description}", e.hjemmel),
    }
}

/// What a new item is before it has anything: public, no hjemmel.
fn blank_item() -> Item {
    Item::new(
        Id::new(),
        crate::model::ItemNumber { n: 0, year: 0 },
        String::new(),
        crate::model::ItemKind::Other,
        0,
    )
}

/// The hjemmel choice of the item form: none, or one of the forum's list.
pub fn hjemmel_field(app: &App, item: Option<&Item>) -> Field {
    let lang = app.lang;
    let blank = blank_item();
    let item = item.unwrap_or(&blank);
    let choices = choices(app, item);
    let selected = selected(&choices, item);
    let options = std::iter::once(lang.t(Msg::HjemmelNone).to_string())
        .chain(choices.iter().map(|e| option_label(lang, app, e)))
        .collect();
    Field::choice(Msg::Hjemmel, options, selected)
}

/// The exemption the form's hjemmel choice says, for `item` as it stands (a new item: as
/// a blank one); its public title kept.
pub fn chosen(app: &App, item: Option<&Item>, f: &Form) -> Option<Exemption> {
    let blank = blank_item();
    let item = item.unwrap_or(&blank);
    let i = f.choice(Msg::Hjemmel).checked_sub(1)?;
    choices(app, item).get(i).cloned()
}

/// The option (after "none") that is the item's exemption now; 0 (none) when public.
fn selected(choices: &[Exemption], item: &Item) -> usize {
    item.exemption()
        .and_then(|e| {
            choices
                .iter()
                .position(|c| c.hjemmel_id == e.hjemmel_id && c.hjemmel == e.hjemmel)
        })
        .map_or(0, |i| i + 1)
}

impl ExemptionForm {
    pub fn open(app: &mut App) {
        if app.editable_meeting().is_none() {
            return;
        }
        let Some(item) = app.selected_item().cloned() else {
            return;
        };
        let title = item.exemption().map(|e| e.public_title).unwrap_or_default();
        let fields = vec![
            hjemmel_field(app, Some(&item)),
            Field::text(Msg::PublicTitle, &title),
        ];
        let heading = app.about_item(Msg::ExemptionFormTitle, &item);
        app.open_titled_form(FormKind::Exemption(item.id), heading, fields);
    }

    /// The item's changes: the exemption chosen (or none), with its public title.
    pub fn submit(app: &mut App, item: &Id, f: &Form) -> Result<Vec<Change>, String> {
        let meeting = app.meeting_for_form()?;
        let old = app
            .items()
            .iter()
            .find(|i| &i.id == item)
            .cloned()
            .ok_or_else(|| app.t(Msg::SelectAnItem).to_string())?;
        let to = chosen(app, Some(&old), f).map(|e| Exemption {
            public_title: f.text(Msg::PublicTitle),
            ..e
        });
        let lang = app.lang;
        match &to {
            Some(e) => app.say(i18n::exemption(lang, e)),
            None if old.is_exempt() => app.say(lang.t(Msg::ExemptionLifted)),
            None => {}
        }
        Ok(old
            .set_exemption(to)
            .into_iter()
            .map(|set| Change::ItemSet {
                meeting: meeting.clone(),
                item: item.clone(),
                set,
            })
            .collect())
    }
}

/// `:hjemmel SHORT | description` puts a hjemmel on the forum's list (rewording the one
/// with that short form or id, if there is one); `:hjemmel -SHORT` takes it off. Items
/// that cite it keep what they cite.
pub fn hjemmel_command(app: &mut App, arg: &str, fx: &mut Vec<Effect>) {
    let lang = app.lang;
    let (retire, rest) = match arg.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, arg),
    };
    let (short, description) = match rest.split_once('|') {
        Some((s, d)) => (s.trim(), d.trim()),
        None => (rest.trim(), ""),
    };
    if short.is_empty() {
        app.warn(lang.t(Msg::HjemmelUsage));
        return;
    }
    let same = |h: &Hjemmel| h.id == short || h.short.to_lowercase() == short.to_lowercase();
    let known = app.doc.forum.hjemler().into_iter().find(|h| same(h));
    let hjemmel = match (retire, known) {
        (true, None) => {
            app.warn(lang.fill(Msg::HjemmelUnknown, &[&short]));
            return;
        }
        (true, Some(h)) => Hjemmel { retired: true, ..h },
        (false, Some(h)) => Hjemmel {
            short: short.to_string(),
            description: description.to_string(),
            ..h
        },
        (false, None) => Hjemmel {
            id: app.ids.new_id("h"),
            short: short.to_string(),
            description: description.to_string(),
            retired: false,
        },
    };
    let said = if retire {
        Msg::HjemmelOffList
    } else {
        Msg::HjemmelOnList
    };
    app.say(lang.fill(said, &[&hjemmel.short]));
    app.commit(fx, Change::HjemmelPut { hjemmel });
}
