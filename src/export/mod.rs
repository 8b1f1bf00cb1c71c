//! Minutes out of samrad: plain text (for reading and screen readers), Markdown, HTML (one
//! printable page), CSV of the action list, and JSON. The minutes are first laid out as
//! blocks; text, Markdown and HTML render the same blocks, so they say the same things.
//!
//! Items marked confidential (unntatt offentlighet), and what hangs on them (their actions,
//! statements for the record and refused changes), are left out of every format unless
//! `include_confidential` is set.
//!
//! Text, Markdown and HTML leave through `safe_text`, with no control characters but line
//! breaks and tabs; a CSV cell that a spreadsheet would take for a formula starts with `'`.

mod action_list;
mod document;
mod html;
mod item_facts;
mod minutes;
mod protocol;
mod render;
pub mod safe_text;
pub mod signatures;

use crate::i18n::Lang;
use crate::model::Minutes;

pub use action_list::to_csv;
pub use document::{Block, ExportOptions, Format, Section, Signature};
pub use html::{escape as html_escape, to_html};
pub use item_facts::{
    AreaRef, Conclusion, InputFact, ItemFacts, PositionFact, Positions, StatementFact, area_refs,
    vote_line,
};
pub use minutes::{action_line, minutes_blocks, visible_actions};
pub use protocol::{export_protocol, protocol_blocks};
pub use render::{to_markdown, to_text};

/// The minutes in `format`, as bytes ready to write.
pub fn export(minutes: &Minutes, format: Format, opts: &ExportOptions) -> Vec<u8> {
    match format {
        Format::Json => {
            if opts.include_confidential {
                crate::store::minutes_bytes(minutes)
            } else {
                crate::store::minutes_bytes(&public_minutes(minutes))
            }
        }
        Format::Md => to_markdown(&minutes_blocks(minutes, opts)).into_bytes(),
        Format::Text => to_text(&minutes_blocks(minutes, opts)).into_bytes(),
        Format::Html => to_html(&minutes_blocks(minutes, opts), opts.lang).into_bytes(),
        Format::Csv => to_csv(minutes, opts),
    }
}

/// The minutes without their confidential items, and without what hangs on them: the
/// actions from them, the refused changes to them, and their copies in earlier approved
/// versions.
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
        .filter(|i| i.confidential)
        .map(|i| i.id.as_str())
        .collect();
    public
        .rejected
        .retain(|r| r.item.as_deref().is_none_or(|i| !secret.contains(&i)));
    let m = &mut public.meeting;
    m.items.retain(|i| !i.confidential);
    if m.current_item
        .as_deref()
        .is_some_and(|i| secret.contains(&i))
    {
        m.current_item = None;
    }
    for v in &mut m.earlier_versions {
        v.meeting
            .items
            .retain(|i| !i.confidential && !secret.contains(&i.id.as_str()));
        v.meeting.current_item = None;
    }
    public
}
