//! Minutes out of samrad: plain text (for reading and screen readers), Markdown and JSON.
//! The minutes are first laid out as blocks; each format renders the same blocks.

mod minutes;
mod render;

use crate::i18n::Lang;
use crate::model::Minutes;

pub use minutes::{minutes_blocks, vote_line};
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
}

#[derive(Debug, Clone, Copy)]
pub struct ExportOptions {
    pub lang: Lang,
    pub include_confidential: bool,
    /// For marking overdue actions.
    pub today: chrono::NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Md,
    Text,
}

/// The minutes in `format`, as bytes ready to write.
pub fn export(minutes: &Minutes, format: Format, opts: &ExportOptions) -> Vec<u8> {
    match format {
        Format::Json => {
            if opts.include_confidential {
                crate::store::minutes_bytes(minutes)
            } else {
                let mut public = minutes.clone();
                public.meeting.items.retain(|i| !i.confidential);
                let kept: Vec<&str> = public.meeting.items.iter().map(|i| i.id.as_str()).collect();
                public.actions.retain(|a| {
                    a.item
                        .as_deref()
                        .is_none_or(|i| kept.contains(&i) || minutes.meeting.item(i).is_none())
                });
                crate::store::minutes_bytes(&public)
            }
        }
        Format::Md => to_markdown(&minutes_blocks(minutes, opts)).into_bytes(),
        Format::Text => to_text(&minutes_blocks(minutes, opts)).into_bytes(),
    }
}
