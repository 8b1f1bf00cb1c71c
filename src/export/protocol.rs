//! A protokoll, as a document of its own: the meeting it was held in and who was there,
//! its forhandling item (or, for one protokoll of the meeting, each of them: krav and
//! tilbud, the parties' positions, the result and the conclusion), and a line per party
//! with its signature, or none yet.

use super::error::ExportError;
use super::item_facts::ItemFacts;
use super::minutes::{attendance, item_blocks, protocol_state_words, statement_section};
use super::{Block, ExportOptions, Format, Section, Signature, to_html, to_markdown, to_text};
use crate::i18n::{self, Lang, Msg};
use crate::model::{Item, Minutes, ProtocolSignature, Stance};

/// The forhandling items protokoll `key` shows: every one it holds; unless the options
/// take all in, as the public may read them (`Item::public`), exempt ones left out.
fn shown_items(m: &Minutes, key: &str, opts: &ExportOptions) -> Vec<Item> {
    m.meeting
        .protocol_items(key)
        .into_iter()
        .filter(|i| opts.include_confidential || !i.is_exempt())
        .map(|i| {
            if opts.include_confidential {
                i.clone()
            } else {
                i.public()
            }
        })
        .collect()
}

/// Protokoll `key` (a forhandling item's id, or the meeting's for one protokoll of the
/// whole meeting) laid out as blocks; None when the meeting has no such protokoll, or the
/// options keep all it holds out.
pub fn protocol_blocks(m: &Minutes, key: &str, opts: &ExportOptions) -> Option<Vec<Block>> {
    let lang = opts.lang;
    let t = |msg| lang.t(msg).to_string();
    let f = &m.forum;
    let mt = &m.meeting;
    let items = shown_items(m, key, opts);
    let st = mt.protocol_status(key, f)?;
    let facts: Vec<(&Item, ItemFacts)> = items
        .iter()
        .map(|it| (it, ItemFacts::of(f, it, lang)))
        .collect();
    let title = match facts.as_slice() {
        [] => return None,
        [(_, one)] if key != mt.id => one.heading.clone(),
        _ => mt.title.clone(),
    };
    let mut head = vec![Block::Title(format!("{}: {title}", t(Msg::Protocol)))];
    if !f.name.is_empty() {
        head.push(Block::Para(f.name.clone()));
    }
    head.push(Block::Field(t(Msg::ColMeeting), mt.title.clone()));
    head.push(Block::Field(
        t(Msg::Date),
        i18n::long_datetime(lang, &mt.starts_at),
    ));
    if !mt.place.is_empty() {
        head.push(Block::Field(t(Msg::Place), mt.place.clone()));
    }
    head.push(Block::Field(
        t(Msg::Status),
        protocol_state_words(&st, f, lang),
    ));
    attendance(&mut head, m, lang);
    let mut out = vec![Block::Section(Section::Header, head)];
    for (it, item_facts) in &facts {
        out.push(Block::Section(
            Section::Item,
            negotiation_blocks(m, it, item_facts, lang),
        ));
    }

    // A line per party: its signature on the protokoll as it stands, or none yet.
    let signature_of = |party: &str| -> Option<&ProtocolSignature> {
        mt.signatures
            .iter()
            .rev()
            .find(|s| s.item == key && s.party == party)
    };
    let lines = st
        .parties
        .iter()
        .map(|p| Signature {
            label: format!("{} {}", t(Msg::ExportSignFor), f.party_short(p)),
            date_label: t(Msg::Date),
            answer: signature_of(p).map(|s| {
                let when = i18n::short_datetime(lang, &s.at);
                if s.hash == st.hash {
                    format!("{} {}, {when}", t(Msg::ProtocolSigned), s.by)
                } else {
                    format!("{} ({}, {when})", t(Msg::ProtocolStale), s.by)
                }
            }),
        })
        .collect();
    out.push(Block::Section(
        Section::Approval,
        vec![
            Block::Heading(1, t(Msg::ExportSignaturesHeading)),
            Block::Signatures(lines),
            Block::Field(t(Msg::ExportContentHash), st.hash.clone()),
        ],
    ));
    statement_section(&mut out, &facts, lang);
    Some(out)
}

/// One forhandling in a protokoll: the item, with each party's krav and the employer's
/// tilbud as put, though the party's last position (enig or uenig) is what the positions
/// show.
fn negotiation_blocks(m: &Minutes, it: &Item, facts: &ItemFacts, lang: Lang) -> Vec<Block> {
    let f = &m.forum;
    let mut item_part = item_blocks(facts, lang);
    let put: Vec<String> = it
        .positions
        .iter()
        .filter(|p| !p.withdrawn && matches!(p.stance, Stance::Demand | Stance::Offer))
        .map(|p| {
            let mut s = format!(
                "{}: {}",
                f.party_short(&p.party),
                i18n::stance(lang, p.stance)
            );
            if !p.reason.trim().is_empty() {
                s.push_str(&format!(". {}", p.reason.trim()));
            }
            s
        })
        .collect();
    if !put.is_empty() {
        item_part.insert(
            2,
            Block::Heading(2, lang.t(Msg::ProtocolDemandsOffers).to_string()),
        );
        item_part.insert(3, Block::List(put));
    }
    item_part
}

/// Protokoll `key` in `format` (CSV: none; JSON: its items and signatures; PDF: see
/// `export::export_protocol`).
pub fn protocol_bytes(
    m: &Minutes,
    key: &str,
    format: Format,
    opts: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    let none = || ExportError::NoSuchProtocol(key.to_string());
    if format == Format::Json {
        #[derive(serde::Serialize)]
        struct Json<'a> {
            meeting: &'a str,
            protocol: &'a str,
            hash: String,
            items: Vec<&'a Item>,
            signatures: Vec<&'a ProtocolSignature>,
        }
        let mt = &m.meeting;
        let items = shown_items(m, key, opts);
        if items.is_empty() {
            return Err(none());
        }
        let json = Json {
            meeting: &mt.id,
            protocol: key,
            hash: mt.protocol_hash(key).ok_or_else(none)?,
            items: items.iter().collect(),
            signatures: mt.signatures.iter().filter(|s| s.item == key).collect(),
        };
        return serde_json::to_vec_pretty(&json).map_err(|e| ExportError::Failed(e.to_string()));
    }
    let blocks = protocol_blocks(m, key, opts).ok_or_else(none)?;
    match format {
        Format::Md => Ok(to_markdown(&blocks).into_bytes()),
        Format::Text => Ok(to_text(&blocks).into_bytes()),
        Format::Html => Ok(to_html(&blocks, opts.lang).into_bytes()),
        Format::Json | Format::Csv | Format::Ics | Format::Pdf | Format::Noark5 => {
            Err(ExportError::NotInFormat(format))
        }
    }
}
