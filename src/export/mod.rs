//! Minutes out of samrad: plain text (for reading and screen readers), Markdown, HTML (one
//! printable page), CSV of the action list, and JSON. The minutes are first laid out as
//! blocks; text, Markdown and HTML render the same blocks, so they say the same things.
//!
//! Items marked confidential (unntatt offentlighet), and what hangs on them (their actions,
//! statements for the record and refused changes), are left out of every format unless
//! `include_confidential` is set.

mod action_list;
mod html;
mod item_facts;
mod minutes;
mod render;

use crate::i18n::Lang;
use crate::model::Minutes;

pub use action_list::to_csv;
pub use html::{escape as html_escape, to_html};
pub use item_facts::{
    AreaRef, Conclusion, InputFact, ItemFacts, PositionFact, Positions, StatementFact, area_refs,
    vote_line,
};
pub use minutes::{action_line, is_protocol, minutes_blocks, visible_actions};
pub use render::{to_markdown, to_text};

/// One piece of a laid-out document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Title(String),
    Heading(u8, String),
    /// A label and its value on one line.
    Field(String, String),
    Para(String),
    List(Vec<String>),
    /// Someone else's words, quoted as given.
    Quote(String),
    /// A remark about the document itself, e.g. that confidential items were left out.
    Note(String),
    /// Rows under a header; every row has as many cells as the header.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// One line to sign on for each party.
    Signatures(Vec<Signature>),
    /// Blocks that belong together and are kept together on paper.
    Section(Section, Vec<Block>),
}

/// What a group of blocks is: HTML gives each its element and class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Title, forum, time, place, who led and wrote.
    Header,
    /// One agenda item.
    Item,
    /// The approval round (referat) or the signatures (protokoll).
    Approval,
    /// The statements for the record, after the signatures.
    Statements,
    /// One statement for the record.
    Statement,
    Actions,
    Refused,
}

impl Section {
    /// The HTML class of the section.
    pub fn class(self) -> &'static str {
        match self {
            Section::Header => "header",
            Section::Item => "item",
            Section::Approval => "approval",
            Section::Statements => "statements",
            Section::Statement => "statement",
            Section::Actions => "actions",
            Section::Refused => "refused",
        }
    }
}

/// A line to sign on: "For NTL: ________  Dato: ______", and the party's answer in the
/// approval round when it has given one.
#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    /// "For NTL".
    pub label: String,
    /// "Dato" / "Date".
    pub date_label: String,
    /// E.g. "Godkjent av Tillitsvalgt NTL, 10.11.2026 14.05".
    pub answer: Option<String>,
}

#[derive(Debug, Clone, Copy)]
pub struct ExportOptions {
    pub lang: Lang,
    pub include_confidential: bool,
    /// For marking overdue actions and approval deadlines.
    pub today: chrono::NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Md,
    Text,
    /// One self-contained page, ready to print or save as PDF.
    Html,
    /// The action list.
    Csv,
}

impl Format {
    /// The usual file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Md => "md",
            Format::Text => "txt",
            Format::Html => "html",
            Format::Csv => "csv",
        }
    }
}

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
