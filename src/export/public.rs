//! The public version of the minutes: the one rule for what an item unntatt offentlighet
//! shows, which every export and `show`, `search` and `list` follow.

use super::ExportOptions;
use crate::i18n::Lang;
use crate::model::{Action, Item, Minutes};

/// The actions the minutes show: all of them, or only those not from an exempt item.
pub fn visible_actions<'m>(m: &'m Minutes, opts: &ExportOptions) -> Vec<&'m Action> {
    m.actions
        .iter()
        .filter(|a| {
            opts.include_confidential
                || a.item
                    .as_deref()
                    .and_then(|i| m.meeting.item(i))
                    .is_none_or(|i| !i.is_exempt())
        })
        .collect()
}

/// The minutes as the options show them: all of them with `include_confidential`, else the
/// public minutes.
pub fn shown<'m>(minutes: &'m Minutes, opts: &ExportOptions) -> std::borrow::Cow<'m, Minutes> {
    if opts.include_confidential {
        std::borrow::Cow::Borrowed(minutes)
    } else {
        std::borrow::Cow::Owned(public_minutes(minutes))
    }
}

/// The public minutes: each exempt item as `Item::public` gives it (number, kind and
/// exemption), without the actions from it and the refused changes to it, and so in the
/// earlier approved versions too.
pub fn public_minutes(minutes: &Minutes) -> Minutes {
    let opts = ExportOptions {
        lang: Lang::default(),
        include_confidential: false,
        today: chrono::NaiveDate::MIN,
        doubts: Vec::new(),
    };
    let mut public = minutes.clone();
    public.actions = visible_actions(minutes, &opts)
        .into_iter()
        .cloned()
        .collect();
    let secret: Vec<&str> = minutes
        .meeting
        .items
        .iter()
        .filter(|i| i.is_exempt())
        .map(|i| i.id.as_str())
        .collect();
    public
        .rejected
        .retain(|r| r.item.as_deref().is_none_or(|i| !secret.contains(&i)));
    let m = &mut public.meeting;
    for i in &mut m.items {
        *i = i.public();
    }
    if m.current_item
        .as_deref()
        .is_some_and(|i| secret.contains(&i))
    {
        m.current_item = None;
    }
    for v in &mut m.earlier_versions {
        for i in &mut v.meeting.items {
            // Exempt now: the earlier version shows no more than the item does now.
            let now = minutes.meeting.item(&i.id).and_then(Item::exemption);
            *i = match now {
                Some(e) if !i.is_exempt() => Item {
                    exempt: Some(e),
                    ..i.clone()
                }
                .public(),
                _ => i.public(),
            };
        }
        v.meeting.current_item = None;
    }
    public
}
