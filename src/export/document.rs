//! A laid-out document: the blocks every format renders, and what an export is asked for.

use crate::i18n::Lang;

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

#[derive(Debug, Clone)]
pub struct ExportOptions {
    pub lang: Lang,
    pub include_confidential: bool,
    /// For marking overdue actions and approval deadlines.
    pub today: chrono::NaiveDate,
    /// What shows the record was tampered with, in words (see `samrad verify`): when there
    /// is any, the minutes are not called approved, and these are listed.
    pub doubts: Vec<String>,
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
    /// The meeting's calendar invite (RFC 5545), as the innkalling sends it.
    Ics,
    /// PDF/A-2a, for the archive and for print.
    Pdf,
    /// A Noark 5 meeting folder for the archive: arkivstruktur.xml and the PDF/A files
    /// (a folder: `-o DIR`).
    Noark5,
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
            Format::Ics => "ics",
            Format::Pdf => "pdf",
            Format::Noark5 => "noark5",
        }
    }
}
