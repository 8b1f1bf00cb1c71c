//! Minutes out of samrad: plain text (for reading and screen readers), Markdown, HTML (one
//! printable page), CSV of the action list, and JSON. The minutes are first laid out as
//! blocks; text, Markdown and HTML render the same blocks, so they say the same things.
//!
//! The public version is the default, in every format and in `show`, `search` and `list`:
//! an item unntatt offentlighet keeps its number and says its hjemmel ("Sak 85/26:
//! Unntatt offentlighet, jf. offl. § 14"), and what hangs on it (its texts, positions,
//! votes, statements, actions and refused changes) is left out (`public_minutes`, the one
//! place that says so), unless `include_confidential` is set.
//!
//! Text, Markdown and HTML leave through `safe_text`, with no control characters but line
//! breaks and tabs; a CSV cell that a spreadsheet would take for a formula starts with `'`.

mod action_list;
mod archive_facts;
mod calendar;
mod document;
mod error;
mod html;
mod item_facts;
mod minutes;
pub mod noark5;
mod notice;
mod pdf;
mod protocol;
mod public;
mod render;
pub mod safe_text;
pub mod signatures;
mod xml;

use crate::model::Minutes;

pub use action_list::to_csv;
pub use calendar::notice_ics;
pub use document::{Block, ExportOptions, Format, Section, Signature};
pub use error::ExportError;
pub use html::{escape as html_escape, to_html};
pub use item_facts::{
    AreaRef, Conclusion, InputFact, ItemFacts, PositionFact, Positions, StatementFact, area_refs,
    vote_line,
};
pub use minutes::{action_line, minutes_blocks};
pub use notice::notice_blocks;
pub use pdf::{Document, export_pdf};
pub use protocol::protocol_blocks;
pub use public::{public_minutes, visible_actions};
pub use render::{to_markdown, to_text};

/// The minutes in `format`, as bytes ready to write (`Ics`: the innkalling's invite).
pub fn export(
    minutes: &Minutes,
    format: Format,
    opts: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        Format::Json => crate::store::minutes_bytes(&public::shown(minutes, opts)),
        Format::Md => to_markdown(&minutes_blocks(minutes, opts)).into_bytes(),
        Format::Text => to_text(&minutes_blocks(minutes, opts)).into_bytes(),
        Format::Html => to_html(&minutes_blocks(minutes, opts), opts.lang).into_bytes(),
        Format::Csv => to_csv(minutes, opts),
        Format::Ics => notice_ics(minutes, opts).ok_or(ExportError::NotInFormat(format))?,
        Format::Pdf => export_pdf(minutes, &Document::Referat, opts)?,
        // A folder of files, not one: `noark5::extract_files`.
        Format::Noark5 => return Err(ExportError::NotInFormat(format)),
    })
}

/// The innkalling in `format`: Markdown, text, HTML, PDF or the calendar invite.
pub fn export_notice(
    m: &Minutes,
    format: Format,
    opts: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Pdf => export_pdf(m, &Document::Innkalling, opts),
        Format::Noark5 => Err(ExportError::NotInFormat(format)),
        _ => notice::notice_bytes(m, format, opts),
    }
}

/// Protokoll `key` (a forhandling item's id, or the meeting's) in `format`.
pub fn export_protocol(
    m: &Minutes,
    key: &str,
    format: Format,
    opts: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Pdf => export_pdf(m, &Document::Protokoll(key.to_string()), opts),
        Format::Noark5 => Err(ExportError::NotInFormat(format)),
        _ => protocol::protocol_bytes(m, key, format, opts),
    }
}
