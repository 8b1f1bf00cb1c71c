//! The protokoll of one forhandling item, as a document of its own: the meeting it was
//! held in and who was there, the item (krav and tilbud, the parties' positions, the
//! result and the conclusion), and a line per party with its signature, or none yet.

use super::item_facts::ItemFacts;
use super::minutes::{attendance, item_blocks, protocol_state_words, statement_section};
use super::{Block, ExportOptions, Format, Section, Signature, to_html, to_markdown, to_text};
use crate::i18n::{self, Msg};
use crate::model::{Item, ItemKind, Minutes, ProtocolSignature, Stance};

/// The protokoll of forhandling item `item` (its id) laid out as blocks; None when the
/// meeting has no such forhandling item, or it is confidential and the options keep it out.
pub fn protocol_blocks(m: &Minutes, item: &str, opts: &ExportOptions) -> Option<Vec<Block>> {
    let lang = opts.lang;
    let t = |msg| lang.t(msg).to_string();
    let f = &m.forum;
    let mt = &m.meeting;
    let it: &Item = mt
        .item(item)
        .filter(|i| i.kind == ItemKind::Negotiation)
        .filter(|i| opts.include_confidential || !i.confidential)?;
    let st = mt.protocol_status(item, f)?;
    let facts = ItemFacts::of(f, it, lang);

    let mut head = vec![Block::Title(format!(
        "{}: {}",
        t(Msg::Protocol),
        facts.heading
    ))];
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
    let mut item_part = item_blocks(&facts, lang);
    // Each party's krav and the employer's tilbud, as put, though the party's last
    // position (enig or uenig) is what the positions above show.
    let put: Vec<String> = it
        .positions
        .iter()
        .filter(|p| matches!(p.stance, Stance::Demand | Stance::Offer))
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
        item_part.insert(2, Block::Heading(2, t(Msg::ProtocolDemandsOffers)));
        item_part.insert(3, Block::List(put));
    }
    out.push(Block::Section(Section::Item, item_part));

    // A line per party: its signature on the protokoll as it stands, or none yet.
    let signature_of = |party: &str| -> Option<&ProtocolSignature> {
        mt.signatures
            .iter()
            .rev()
            .find(|s| s.item == item && s.party == party)
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
    statement_section(&mut out, &[(it, facts)], lang);
    Some(out)
}

/// The protokoll of `item` in `format` (CSV: none; JSON: the item and its signatures).
pub fn export_protocol(
    m: &Minutes,
    item: &str,
    format: Format,
    opts: &ExportOptions,
) -> Option<Vec<u8>> {
    if format == Format::Json {
        #[derive(serde::Serialize)]
        struct Json<'a> {
            meeting: &'a str,
            hash: String,
            item: &'a Item,
            signatures: Vec<&'a ProtocolSignature>,
        }
        let mt = &m.meeting;
        let it = mt
            .item(item)
            .filter(|i| i.kind == ItemKind::Negotiation)
            .filter(|i| opts.include_confidential || !i.confidential)?;
        let json = Json {
            meeting: &mt.id,
            hash: mt.protocol_hash(item)?,
            item: it,
            signatures: mt.signatures.iter().filter(|s| s.item == item).collect(),
        };
        return serde_json::to_vec_pretty(&json).ok();
    }
    let blocks = protocol_blocks(m, item, opts)?;
    match format {
        Format::Md => Some(to_markdown(&blocks).into_bytes()),
        Format::Text => Some(to_text(&blocks).into_bytes()),
        Format::Html => Some(to_html(&blocks, opts.lang).into_bytes()),
        Format::Json | Format::Csv => None,
    }
}
