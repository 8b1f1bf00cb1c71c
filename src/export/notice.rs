//! The innkalling (notice) of a meeting, as the secretariat sends it weeks before: when and
//! where, on what hjemmel, the saksliste with each sak's number, type and presenter, the
//! documents and when they are sent, the deadline for the parties to send in saker
//! (innmeldingsfrist), and who it goes to. The public version follows the one rule
//! (`public_minutes`): an exempt sak keeps its number and says its hjemmel.

use super::error::ExportError;
use super::item_facts::ItemFacts;
use super::public::shown;
use super::{Block, ExportOptions, Format, Section, to_html, to_markdown, to_text};
use crate::i18n::{self, Msg};
use crate::model::Minutes;

/// The innkalling laid out as blocks.
pub fn notice_blocks(m: &Minutes, opts: &ExportOptions) -> Vec<Block> {
    let shown = shown(m, opts);
    let m = shown.as_ref();
    let lang = opts.lang;
    let t = |msg| lang.t(msg).to_string();
    let f = &m.forum;
    let mt = &m.meeting;

    let mut head = vec![Block::Title(format!("{}: {}", t(Msg::Notice), mt.title))];
    if !f.name.is_empty() {
        head.push(Block::Para(f.name.clone()));
    }
    head.push(Block::Field(
        t(Msg::Date),
        i18n::long_span(lang, &mt.starts_at, mt.ends_at.as_deref()),
    ));
    for (label, value) in [
        (Msg::Place, &mt.place),
        (Msg::MeetingAuthority, &mt.authority),
        (Msg::CaseNumber, &mt.case_number),
    ] {
        if !value.trim().is_empty() {
            head.push(Block::Field(t(label), value.trim().to_string()));
        }
    }
    if let Some(c) = &mt.chair {
        head.push(Block::Field(t(Msg::Chair), f.person_name(c).to_string()));
    }
    if let Ok(start) = chrono::NaiveDate::parse_from_str(mt.date(), "%Y-%m-%d") {
        let due = start - chrono::Days::new(u64::from(f.submission_days()));
        head.push(Block::Field(
            t(Msg::SubmissionDeadline),
            i18n::long_date(lang, due),
        ));
    }
    if !mt.distribution.is_empty() {
        head.push(Block::Field(
            t(Msg::Distribution),
            mt.distribution.join(", "),
        ));
    }
    let mut out = vec![Block::Section(Section::Header, head)];

    let agenda: Vec<String> = mt
        .items
        .iter()
        .map(|it| {
            let facts = ItemFacts::of(f, it, lang);
            let mut line = format!("{} ({}", facts.heading, facts.kind);
            if let Some(p) = facts.presenter {
                line.push_str(&format!("; {p}"));
            }
            line.push(')');
            line
        })
        .collect();
    out.push(Block::Heading(1, t(Msg::NoticeAgenda)));
    out.push(Block::List(agenda));

    if !mt.documents.is_empty() {
        let documents = mt
            .documents
            .iter()
            .map(|d| match d.sent_on {
                Some(day) => format!("{} ({})", d.title, i18n::short_date(lang, day)),
                None => format!("{} ({})", d.title, t(Msg::NotSentYet)),
            })
            .collect();
        out.push(Block::Heading(1, t(Msg::NoticeDocuments)));
        out.push(Block::List(documents));
    }
    out
}

/// The innkalling in `format`: Markdown, text, HTML or the calendar invite (PDF: see
/// `export::export_notice`).
pub fn notice_bytes(
    m: &Minutes,
    format: Format,
    opts: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    let blocks = || notice_blocks(m, opts);
    match format {
        Format::Md => Ok(to_markdown(&blocks()).into_bytes()),
        Format::Text => Ok(to_text(&blocks()).into_bytes()),
        Format::Html => Ok(to_html(&blocks(), opts.lang).into_bytes()),
        Format::Ics => super::calendar::notice_ics(m, opts).ok_or(ExportError::NotInFormat(format)),
        Format::Csv | Format::Json | Format::Pdf | Format::Noark5 => {
            Err(ExportError::NotInFormat(format))
        }
    }
}
