//! Meetings for the archive: a Noark 5 arkivstruktur (v3.1, Arkivverket's schema for
//! archive extracts) with one `arkiv`, one `arkivdel` for the period, a `moetemappe` per
//! meeting, a `moeteregistrering` per document (innkalling, referat, each protokoll), and
//! a `dokumentobjekt` per PDF/A file with its SHA-256 checksum. Case systems (Public 360,
//! Elements, ePhorte) load a meeting folder like this, and Arkivverket takes PDF/A.
//!
//! **What the archive gets.** The full record, always: the archive keeps what was decided
//! and governs access itself, by the `skjerming` on each registration; a public-only copy
//! would lose what the law requires kept. So each document is written in full
//! (`variantformat` "Arkivformat"); where the public may not see all of it, the
//! registration carries `skjerming` (tilgangsrestriksjon "Unntatt offentlighet", the
//! hjemler of its exempt items and passages as `skjermingshjemmel`) and, when only part of
//! it is exempt, the public version is written beside it as the variant "Dokument hvor
//! deler av innholdet er skjermet" (what `show` and every other export give by default). A
//! protokoll of an exempt forhandling is shielded whole and has no public variant; its
//! `offentligTittel` is the item's public title. `--include-confidential` changes none of
//! this.
//!
//! **Marked, never silent.** A meeting whose logs fail their checks (`samrad verify`) is
//! exported as it reads, with a `merknad` naming what failed; its PDFs say so too. Minutes
//! not yet approved, and protokolls not signed by every party, say so in a `merknad` and
//! have the `dokumentstatus` "Dokumentet er under redigering".
//!
//! Ids: every `systemID` is a UUID derived from the forum's, the meeting's and the
//! document's ids (`archive_facts::system_id`), the same in every export. This module
//! makes text and bytes only; the CLI writes them (`cli/archive.rs`).

use chrono::{DateTime, FixedOffset, NaiveDate};
use sha2::{Digest, Sha256};

use super::archive_facts::{
    self, SAMRAD, Shielding, documents, file_stem, hex, made_at, participants, safe_name,
    shielding, system_id, time, titles, writer,
};
use super::document::ExportOptions;
use super::error::ExportError;
use super::minutes::protocol_state_words;
use super::pdf::{Document, export_pdf};
use super::xml::Xml;
use crate::i18n::{self, Lang, Msg};
use crate::model::{Forum, MeetingStatus, Minutes};

/// The metadata file's name.
pub const ARKIVSTRUKTUR: &str = "arkivstruktur.xml";
/// The comment at the top of every arkivstruktur.xml samrad writes: how a later export
/// knows a folder as one of samrad's (and so may write over it).
pub const MARK: &str = "Noark 5 arkivstruktur written by samrad";

const NS: &str = "http://www.arkivverket.no/standarder/noark5/arkivstruktur";
const NS_MDK: &str = "http://www.arkivverket.no/standarder/noark5/metadatakatalog";
const NS_XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// PDF/A-2a in PRONOM, and in words.
const PDF_FORMAT: &str = "fmt/476";
const PDF_FORMAT_DETAILS: &str = "PDF/A-2a (ISO 19005-2:2011)";
/// What the metadatakatalog (M706) asks for.
const CHECKSUM_ALGORITHM: &str = "SHA256";
const ELECTRONIC: &str = "Elektronisk arkiv";
const FINISHED: &str = "Dokumentet er ferdigstilt";
const IN_PROGRESS: &str = "Dokumentet er under redigering";
const FULL_VARIANT: &str = "Arkivformat";
const PUBLIC_VARIANT: &str = "Dokument hvor deler av innholdet er skjermet";
const RESTRICTED: &str = "Unntatt offentlighet";
const TITLE_WORDS_SHIELDED: &str = "Skjerming tittel registrering - utvalgte ord";
const WHOLE_DOCUMENT: &str = "Skjerming av hele dokumentet";
const PART_OF_DOCUMENT: &str = "Skjerming av deler av dokumentet";

/// One file of the extract: a document of a meeting, in full or as the public may see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentFile {
    pub document: Document,
    /// The public version of a document partly unntatt offentlighet.
    pub public: bool,
    /// Where it is, relative to arkivstruktur.xml, with `/` between folders.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// One meeting for the archive: its minutes, what in its logs fails the checks, and its
/// documents' files.
pub struct MeetingRecord<'a> {
    pub minutes: &'a Minutes,
    pub doubts: Vec<String>,
    pub files: Vec<DocumentFile>,
}

/// An extract: the forum's meetings of a period.
pub struct Extract<'a> {
    pub forum: &'a Forum,
    pub lang: Lang,
    /// When the extract is made: the archive's and the registrations' dates of filing.
    pub made: DateTime<FixedOffset>,
    /// The period it covers (first and last day), if known.
    pub period: Option<(NaiveDate, NaiveDate)>,
    pub meetings: Vec<MeetingRecord<'a>>,
}

/// The PDF/A files of one meeting's documents, in `folder` (relative, `/`-separated; empty
/// for the extract's own folder): each document in full, and the public version beside
/// one partly unntatt offentlighet.
pub fn meeting_files(
    m: &Minutes,
    doubts: &[String],
    lang: Lang,
    today: NaiveDate,
    folder: &str,
) -> Result<Vec<DocumentFile>, ExportError> {
    let full = ExportOptions {
        lang,
        include_confidential: true,
        today,
        doubts: doubts.to_vec(),
    };
    let public = ExportOptions {
        include_confidential: false,
        ..full.clone()
    };
    let path = |name: String| {
        if folder.is_empty() {
            name
        } else {
            format!("{folder}/{name}")
        }
    };
    let mut out = Vec::new();
    for doc in documents(&m.meeting) {
        let stem = file_stem(&m.meeting, &doc);
        out.push(DocumentFile {
            document: doc.clone(),
            public: false,
            path: path(format!("{stem}.pdf")),
            bytes: export_pdf(m, &doc, &full)?,
        });
        if matches!(shielding(m, &doc, &full, &public), Shielding::Part(_)) {
            out.push(DocumentFile {
                document: doc.clone(),
                public: true,
                path: path(format!("{stem}-offentlig.pdf")),
                bytes: export_pdf(m, &doc, &public)?,
            });
        }
    }
    Ok(out)
}

/// The folder a meeting's files go in within an extract of many meetings.
pub fn meeting_folder(m: &Minutes) -> String {
    safe_name(&m.meeting.id)
}

/// The extract's files by their path in its folder: every PDF, then arkivstruktur.xml
/// (last, so that a folder with the metadata has the files it names).
pub fn extract_files(x: Extract) -> Vec<(String, Vec<u8>)> {
    let xml = arkivstruktur(&x);
    let mut out: Vec<(String, Vec<u8>)> = x
        .meetings
        .into_iter()
        .flat_map(|r| r.files)
        .map(|f| (f.path, f.bytes))
        .collect();
    out.push((ARKIVSTRUKTUR.to_string(), xml.into_bytes()));
    out
}

/// An xs:dateTime.
fn stamp(t: DateTime<FixedOffset>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// The arkivstruktur.xml of an extract.
pub fn arkivstruktur(x: &Extract) -> String {
    let lang = x.lang;
    let made = stamp(x.made);
    let f = x.forum;
    let mut w = Xml::new(MARK);
    let schema_location = format!("{NS} arkivstruktur.xsd");
    w.open(
        "arkiv",
        &[
            ("xmlns", NS),
            ("xmlns:n5mdk", NS_MDK),
            ("xmlns:xsi", NS_XSI),
            ("xsi:schemaLocation", &schema_location),
        ],
    );
    w.leaf("systemID", &system_id(&[&f.id]));
    let forum_name = if f.name.trim().is_empty() {
        f.id.as_str()
    } else {
        f.name.as_str()
    };
    w.leaf(
        "tittel",
        &lang.fill(Msg::Noark5ArchiveTitle, &[&forum_name]),
    );
    w.leaf("arkivstatus", "Avsluttet");
    w.leaf("dokumentmedium", ELECTRONIC);
    for (name, value) in [
        ("opprettetDato", &made),
        ("opprettetAv", &SAMRAD.to_string()),
        ("avsluttetDato", &made),
        ("avsluttetAv", &SAMRAD.to_string()),
    ] {
        w.leaf(name, value);
    }
    w.open("arkivskaper", &[]);
    w.leaf("arkivskaperID", &f.id);
    w.leaf("arkivskaperNavn", forum_name);
    w.close();
    arkivdel(&mut w, x, &made);
    w.finish()
}

fn arkivdel(w: &mut Xml, x: &Extract, made: &str) {
    let lang = x.lang;
    let period = x.period.map(|(a, b)| (a.to_string(), b.to_string()));
    let (from, to) = period.clone().unwrap_or_default();
    w.open("arkivdel", &[]);
    w.leaf(
        "systemID",
        &system_id(&[&x.forum.id, "arkivdel", &from, &to]),
    );
    let title = match x.period {
        Some((a, b)) if a == b => lang.fill(Msg::Noark5PartDay, &[&i18n::long_date(lang, a)]),
        Some((a, b)) => lang.fill(
            Msg::Noark5PartPeriod,
            &[&i18n::long_date(lang, a), &i18n::long_date(lang, b)],
        ),
        None => lang.t(Msg::Noark5PartAll).to_string(),
    };
    w.leaf("tittel", &title);
    w.leaf("arkivdelstatus", "Avsluttet periode");
    w.leaf("dokumentmedium", ELECTRONIC);
    w.leaf("opprettetDato", made);
    w.leaf("opprettetAv", SAMRAD);
    w.leaf("avsluttetDato", made);
    w.leaf("avsluttetAv", SAMRAD);
    if let Some((from, to)) = &period {
        w.leaf("arkivperiodeStartDato", from);
        w.leaf("arkivperiodeSluttDato", to);
    }
    for r in &x.meetings {
        moetemappe(w, x, r, made);
    }
    w.close();
}

/// A `merknad` by samrad, made when the extract is.
fn merknad(w: &mut Xml, text: &str, made: &str) {
    w.open("merknad", &[]);
    w.leaf("merknadstekst", text);
    w.leaf("merknadsdato", made);
    w.leaf("merknadRegistrertAv", SAMRAD);
    w.close();
}

fn moetemappe(w: &mut Xml, x: &Extract, r: &MeetingRecord, made: &str) {
    let (lang, m) = (x.lang, r.minutes);
    let mt = &m.meeting;
    let start = time(&mt.starts_at).unwrap_or(x.made);
    let finished = match mt.status {
        MeetingStatus::Approved => mt.approved_at.as_deref().and_then(time),
        MeetingStatus::Closed | MeetingStatus::Circulated => mt.closed_at.as_deref().and_then(time),
        _ => None,
    }
    .unwrap_or(x.made);
    let by = writer(m);
    w.open("mappe", &[("xsi:type", "moetemappe")]);
    w.leaf("systemID", &system_id(&[&x.forum.id, &mt.id]));
    w.leaf("mappeID", &mt.id);
    w.leaf("tittel", &mt.title);
    let about: Vec<String> = [
        (Msg::CaseNumber, &mt.case_number),
        (Msg::DocumentNumber, &mt.document_number),
        (Msg::MeetingAuthority, &mt.authority),
    ]
    .into_iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .map(|(msg, v)| format!("{}: {}", lang.t(msg), v.trim()))
    .collect();
    if !about.is_empty() {
        w.leaf("beskrivelse", &about.join("; "));
    }
    w.leaf("dokumentmedium", ELECTRONIC);
    w.leaf("opprettetDato", &stamp(start));
    w.leaf("opprettetAv", &by);
    w.leaf("avsluttetDato", &stamp(finished));
    w.leaf("avsluttetAv", &by);
    if !r.doubts.is_empty() {
        let text = lang.fill(Msg::Noark5Doubts, &[&r.doubts.len(), &r.doubts.join("; ")]);
        merknad(w, &text, made);
    }
    if mt.status != MeetingStatus::Approved {
        let status = i18n::meeting_status(lang, mt.status);
        merknad(w, &lang.fill(Msg::Noark5NotApproved, &[&status]), made);
    }
    for doc in documents(mt) {
        moeteregistrering(w, x, r, &doc, made);
    }
    w.leaf("moetenummer", &mt.id);
    w.leaf("utvalg", utvalg(x.forum));
    w.leaf("moetedato", mt.date());
    if !mt.place.trim().is_empty() {
        w.leaf("moetested", &mt.place);
    }
    for p in participants(m, lang) {
        w.open("moetedeltaker", &[]);
        w.leaf("moetedeltakerNavn", &p.name);
        if !p.function.is_empty() {
            w.leaf("moetedeltakerFunksjon", &p.function);
        }
        w.close();
    }
    w.close();
}

fn utvalg(f: &Forum) -> &str {
    if f.name.trim().is_empty() {
        &f.id
    } else {
        &f.name
    }
}

fn moeteregistrering(w: &mut Xml, x: &Extract, r: &MeetingRecord, doc: &Document, made: &str) {
    let (lang, m) = (x.lang, r.minutes);
    let mt = &m.meeting;
    let full = ExportOptions {
        lang,
        include_confidential: true,
        today: x.made.date_naive(),
        doubts: r.doubts.clone(),
    };
    let public = ExportOptions {
        include_confidential: false,
        ..full.clone()
    };
    let shield = shielding(m, doc, &full, &public);
    let (title, public_title) = titles(m, doc, lang);
    let created = stamp(made_at(mt, doc).unwrap_or(x.made));
    let stem = file_stem(mt, doc);
    let by = writer(m);
    let final_ = archive_facts::is_final(m, doc);
    w.open("registrering", &[("xsi:type", "moeteregistrering")]);
    w.leaf("systemID", &system_id(&[&x.forum.id, &mt.id, &stem]));
    w.leaf("opprettetDato", &created);
    w.leaf("opprettetAv", &by);
    w.leaf("arkivertDato", made);
    w.leaf("arkivertAv", SAMRAD);
    if let Some(hjemler) = shield.hjemler() {
        w.open("skjerming", &[]);
        w.leaf("tilgangsrestriksjon", RESTRICTED);
        let basis = if hjemler.is_empty() {
            lang.t(Msg::Noark5NoHjemmel).to_string()
        } else {
            hjemler.join("; ")
        };
        w.leaf("skjermingshjemmel", &basis);
        w.leaf("skjermingMetadata", TITLE_WORDS_SHIELDED);
        let whole = matches!(shield, Shielding::Whole(_));
        w.leaf(
            "skjermingDokument",
            if whole {
                WHOLE_DOCUMENT
            } else {
                PART_OF_DOCUMENT
            },
        );
        w.close();
    }
    // The document.
    w.open("dokumentbeskrivelse", &[]);
    w.leaf(
        "systemID",
        &system_id(&[&x.forum.id, &mt.id, &stem, "dokument"]),
    );
    w.leaf("dokumenttype", document_type(doc));
    w.leaf(
        "dokumentstatus",
        if final_ { FINISHED } else { IN_PROGRESS },
    );
    w.leaf("tittel", &title);
    w.leaf("forfatter", &by);
    w.leaf("opprettetDato", &created);
    w.leaf("opprettetAv", &by);
    w.leaf("tilknyttetRegistreringSom", "Hoveddokument");
    w.leaf("dokumentnummer", "1");
    w.leaf("tilknyttetDato", made);
    w.leaf("tilknyttetAv", SAMRAD);
    for f in r.files.iter().filter(|f| f.document == *doc) {
        dokumentobjekt(w, f, made);
    }
    w.close();
    w.leaf("registreringsID", &format!("{}-{}", mt.id, stem));
    w.leaf("tittel", &title);
    w.leaf("offentligTittel", public_title.as_deref().unwrap_or(&title));
    w.leaf("forfatter", &by);
    if *doc == Document::Referat && !r.doubts.is_empty() {
        let text = lang.fill(Msg::Noark5Doubts, &[&r.doubts.len(), &r.doubts.join("; ")]);
        merknad(w, &text, made);
    }
    if let Document::Protokoll(key) = doc
        && let Some(st) = mt.protocol_status(key, &m.forum)
        && st.negotiation_open()
    {
        let words = protocol_state_words(&st, &m.forum, lang);
        merknad(w, &lang.fill(Msg::Noark5ProtocolOpen, &[&words]), made);
    }
    let (kind, case) = registration_type(doc);
    w.leaf("moeteregistreringstype", kind);
    w.leaf("moetesakstype", case);
    let status = match doc {
        Document::Protokoll(key) => mt
            .protocol_status(key, &m.forum)
            .map(|st| protocol_state_words(&st, &m.forum, lang))
            .unwrap_or_default(),
        _ => i18n::meeting_status(lang, mt.status).to_string(),
    };
    if !status.is_empty() {
        w.leaf("moeteregistreringsstatus", &status);
    }
    w.leaf("administrativEnhet", utvalg(x.forum));
    w.leaf("saksbehandler", &by);
    w.close();
}

/// The document's type, as case systems name it.
fn document_type(doc: &Document) -> &'static str {
    match doc {
        Document::Innkalling => "Møteinnkalling",
        Document::Referat => "Møtereferat",
        Document::Protokoll(_) => "Forhandlingsprotokoll",
    }
}

/// `moeteregistreringstype` and `moetesakstype` of a document.
fn registration_type(doc: &Document) -> (&'static str, &'static str) {
    match doc {
        Document::Innkalling => ("Møteinnkallelse", "Saksliste"),
        Document::Referat => ("Møtereferat", "Referat"),
        Document::Protokoll(_) => ("Møteprotokoll", "Forhandling"),
    }
}

fn dokumentobjekt(w: &mut Xml, f: &DocumentFile, made: &str) {
    w.open("dokumentobjekt", &[]);
    w.leaf("versjonsnummer", "1");
    w.leaf(
        "variantformat",
        if f.public {
            PUBLIC_VARIANT
        } else {
            FULL_VARIANT
        },
    );
    w.leaf("format", PDF_FORMAT);
    w.leaf("formatDetaljer", PDF_FORMAT_DETAILS);
    w.leaf("opprettetDato", made);
    w.leaf("opprettetAv", SAMRAD);
    w.leaf("referanseDokumentfil", &f.path);
    w.leaf("sjekksum", &hex(&Sha256::digest(&f.bytes)));
    w.leaf("sjekksumAlgoritme", CHECKSUM_ALGORITHM);
    w.leaf("filstoerrelse", &f.bytes.len().to_string());
    w.close();
}

/// The files a previous samrad export in this folder names (`referanseDokumentfil`), from
/// its arkivstruktur.xml; none when the text is not one of samrad's. Only plain relative
/// paths are returned, never one that climbs out of the folder.
pub fn previous_files(xml: &str) -> Option<Vec<String>> {
    if !is_samrad_export(xml) {
        return None;
    }
    let (open, close) = ("<referanseDokumentfil>", "</referanseDokumentfil>");
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(at) = rest.find(open) {
        let after = &rest[at + open.len()..];
        let Some(end) = after.find(close) else { break };
        let path = unescape(&after[..end]);
        let plain = !path.is_empty()
            && !path.starts_with('/')
            && !path.contains('\\')
            && path
                .split('/')
                .all(|part| !part.is_empty() && part != "." && part != "..");
        if plain {
            out.push(path);
        }
        rest = &after[end + close.len()..];
    }
    Some(out)
}

/// Whether an arkivstruktur.xml's text is one samrad wrote.
pub fn is_samrad_export(xml: &str) -> bool {
    let head = xml.get(..300).unwrap_or(xml);
    head.contains(&format!("<!-- {MARK} -->"))
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}
