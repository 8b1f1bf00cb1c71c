//! The referat, a protokoll and the innkalling as PDF/A-2a: A4, tagged for screen readers,
//! the fonts embedded, and on each page the document's title, its status and content hash,
//! and "page x of y". The text comes from the same blocks as every other format, so the PDF
//! says what `show` says.

mod draw;
mod fonts;
mod layout;

use super::document::{Block, ExportOptions};
use super::error::ExportError;
use super::minutes::{minutes_blocks, protocol_state_words};
use super::notice::notice_blocks;
use super::protocol::protocol_blocks;
use super::render::to_text;
use crate::i18n::{self, Msg};
use crate::model::Minutes;

/// One of a meeting's documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Document {
    Referat,
    /// The protokoll by its key: a forhandling item's id, or the meeting's id when the
    /// meeting has one protokoll for all its forhandlinger.
    Protokoll(String),
    Innkalling,
}

/// `doc` of the meeting as a PDF/A-2a file.
pub fn export_pdf(
    m: &Minutes,
    doc: &Document,
    opts: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    let lang = opts.lang;
    let mt = &m.meeting;
    let hash_label = lang.t(Msg::ExportContentHash);
    let (blocks, status, hash) = match doc {
        Document::Referat => {
            let status = if opts.doubts.is_empty() {
                i18n::meeting_status(lang, mt.status).to_string()
            } else {
                lang.fill(Msg::FailsChecks, &[&opts.doubts.len()])
            };
            let hash = mt
                .content_hash
                .clone()
                .unwrap_or_else(|| crate::store::seal::referat_hash(mt));
            (minutes_blocks(m, opts), status, hash)
        }
        Document::Protokoll(key) => {
            let blocks = protocol_blocks(m, key, opts)
                .ok_or_else(|| ExportError::NoSuchProtocol(key.clone()))?;
            let st = mt
                .protocol_status(key, &m.forum)
                .ok_or_else(|| ExportError::NoSuchProtocol(key.clone()))?;
            let words = protocol_state_words(&st, &m.forum, lang);
            (blocks, words, st.hash)
        }
        Document::Innkalling => {
            let blocks = notice_blocks(m, opts);
            let hash = crate::store::seal::hash_of(to_text(&blocks).as_bytes());
            let status = i18n::meeting_status(lang, mt.status).to_string();
            (blocks, status, hash)
        }
    };
    let frame = draw::Frame {
        title: title_of(&blocks).unwrap_or_else(|| mt.title.clone()),
        footer: format!("{status} · {hash_label}: {hash}"),
        page_of: Box::new(move |n, total| lang.fill(Msg::PageOf, &[&n, &total])),
        lang: match lang {
            i18n::Lang::Nb => "nb",
            i18n::Lang::En => "en",
        },
        made: opts.today,
    };
    to_pdf(&blocks, &frame)
}

fn title_of(blocks: &[Block]) -> Option<String> {
    blocks.iter().find_map(|b| match b {
        Block::Title(t) => Some(t.clone()),
        Block::Section(_, inner) => title_of(inner),
        _ => None,
    })
}

fn to_pdf(blocks: &[Block], frame: &draw::Frame) -> Result<Vec<u8>, ExportError> {
    let metrics =
        fonts::Metrics::new().ok_or_else(|| ExportError::Pdf("built-in font".to_string()))?;
    let laid = layout::lay_out(blocks, &metrics);
    draw::draw(laid, frame, &metrics).map_err(ExportError::Pdf)
}
