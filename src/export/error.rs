//! Why an export could not be written, in words the user's language has.

use crate::i18n::{Lang, Msg};

use super::Format;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// This document is not written in that format (the innkalling as CSV, say).
    NotInFormat(Format),
    /// No protokoll by this key: no such forhandling item, or none the reader may see.
    NoSuchProtocol(String),
    /// The PDF could not be made, with the library's reason.
    Pdf(String),
    /// Anything else that failed on the way to bytes.
    Failed(String),
}

impl ExportError {
    pub fn words(&self, lang: Lang) -> String {
        match self {
            ExportError::NotInFormat(f) => lang.fill(Msg::NotInFormat, &[&f.extension()]),
            ExportError::NoSuchProtocol(key) => lang.fill(Msg::NoSuchProtocol, &[key]),
            ExportError::Pdf(why) => lang.fill(Msg::PdfFailed, &[why]),
            ExportError::Failed(why) => lang.fill(Msg::ExportFailedWhy, &[why]),
        }
    }
}
