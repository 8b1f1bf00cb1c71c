//! What the archive's metadata says of a meeting's documents, apart from how it is written
//! as XML (`noark5.rs`): which documents a meeting has, their titles in full and as the
//! public may see them, what in them is unntatt offentlighet and under which hjemmel, who
//! took part, and stable ids.

use chrono::{DateTime, FixedOffset};
use sha2::{Digest, Sha256};

use super::document::{Block, ExportOptions};
use super::item_facts::ItemFacts;
use super::minutes::minutes_blocks;
use super::notice::notice_blocks;
use super::pdf::Document;
use super::protocol::protocol_blocks;
use super::render::to_text;
use crate::i18n::{Lang, Msg};
use crate::model::{Item, Meeting, MeetingStatus, Minutes, Presence, is_safe_id, passages};

/// The documents a meeting hands to the archive, in this order: the innkalling, the referat
/// once the meeting has been held, and then each protokoll.
pub fn documents(m: &Meeting) -> Vec<Document> {
    let mut out = vec![Document::Innkalling];
    if m.status != MeetingStatus::Planned {
        out.push(Document::Referat);
        out.extend(m.protocol_keys().into_iter().map(Document::Protokoll));
    }
    out
}

/// The file name of a document without its extension: `innkalling`, `referat`,
/// `protokoll` (one for the meeting) or `protokoll-<item id>`. An id that is not safe as a
/// file name (from a hostile log) is replaced by a hash of it.
pub fn file_stem(m: &Meeting, doc: &Document) -> String {
    match doc {
        Document::Innkalling => "innkalling".into(),
        Document::Referat => "referat".into(),
        Document::Protokoll(key) if *key == m.id => "protokoll".into(),
        Document::Protokoll(key) => format!("protokoll-{}", safe_name(key)),
    }
}

/// `id` when it may be a file or folder name, else a hash of it.
pub fn safe_name(id: &str) -> String {
    if is_safe_id(id) && !id.starts_with('.') {
        id.to_string()
    } else {
        format!("id-{}", &hex(&Sha256::digest(id.as_bytes()))[..16])
    }
}

/// How much of a document the public may not see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shielding {
    None,
    /// Some of it (an exempt item, a passage): the public version is a variant of its own.
    Part(Vec<String>),
    /// All of it: a protokoll of exempt forhandlinger only.
    Whole(Vec<String>),
}

impl Shielding {
    /// The hjemler it rests on, as written on the items and passages.
    pub fn hjemler(&self) -> Option<&[String]> {
        match self {
            Shielding::None => None,
            Shielding::Part(h) | Shielding::Whole(h) => Some(h),
        }
    }
}

/// The blocks of `doc` as `opts` show them; none for a protokoll the options do not show.
pub fn blocks(m: &Minutes, doc: &Document, opts: &ExportOptions) -> Option<Vec<Block>> {
    match doc {
        Document::Innkalling => Some(notice_blocks(m, opts)),
        Document::Referat => Some(minutes_blocks(m, opts)),
        Document::Protokoll(key) => protocol_blocks(m, key, opts),
    }
}

/// The items a document speaks of.
fn items_of<'m>(m: &'m Meeting, doc: &Document) -> Vec<&'m Item> {
    match doc {
        Document::Protokoll(key) => m.protocol_items(key),
        _ => m.items.iter().collect(),
    }
}

/// What of `doc` the public version leaves out: nothing, a part, or all of it (a protokoll
/// whose every forhandling is exempt). `full` and `public` are the options of the two
/// versions; a document whose public text differs from the full text is partly shielded.
pub fn shielding(
    m: &Minutes,
    doc: &Document,
    full: &ExportOptions,
    public: &ExportOptions,
) -> Shielding {
    let items = items_of(&m.meeting, doc);
    let hjemler = hjemler_of(&items);
    let all_exempt = !items.is_empty() && items.iter().all(|i| i.is_exempt());
    if matches!(doc, Document::Protokoll(_)) && all_exempt {
        return Shielding::Whole(hjemler);
    }
    let text = |opts| blocks(m, doc, opts).map(|b| to_text(&b));
    if text(full) == text(public) {
        Shielding::None
    } else {
        Shielding::Part(hjemler)
    }
}

/// The hjemler of the exempt items and of the passages unntatt offentlighet in the others,
/// each once, in the order met.
fn hjemler_of(items: &[&Item]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |h: &str| {
        let h = h.trim();
        if !h.is_empty() && !out.iter().any(|o| o == h) {
            out.push(h.to_string());
        }
    };
    for it in items {
        if let Some(e) = it.exemption() {
            add(&e.hjemmel);
            continue;
        }
        let texts = [&it.background, &it.notes, &it.conclusion, &it.further]
            .into_iter()
            .chain(it.positions.iter().map(|p| &p.reason))
            .chain(it.statements.iter().map(|s| &s.text))
            .chain(it.inputs.iter().map(|i| &i.text));
        for text in texts {
            for p in passages(text) {
                add(p.hjemmel);
            }
        }
    }
    out
}

/// A document's title, and what the public may read as its title (`None`: the same).
pub fn titles(m: &Minutes, doc: &Document, lang: Lang) -> (String, Option<String>) {
    let mt = &m.meeting;
    let named = |msg: Msg, what: &str| format!("{}: {what}", lang.t(msg));
    match doc {
        Document::Innkalling => (named(Msg::Notice, &mt.title), None),
        Document::Referat => (named(Msg::Minutes, &mt.title), None),
        Document::Protokoll(key) if *key == mt.id => (named(Msg::Protocol, &mt.title), None),
        Document::Protokoll(key) => match mt.item(key) {
            Some(it) => {
                let full = named(Msg::Protocol, &ItemFacts::of(&m.forum, it, lang).heading);
                let public = it.public();
                let shown = named(
                    Msg::Protocol,
                    &ItemFacts::of(&m.forum, &public, lang).heading,
                );
                (full.clone(), (shown != full).then_some(shown))
            }
            None => (named(Msg::Protocol, key), None),
        },
    }
}

/// One who took part: a name and what they were there as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    pub name: String,
    pub function: String,
}

/// Who took part: those present (a substitute by their own name), else the chair and the
/// referent; one line saying that none was recorded when there is nobody to name.
pub fn participants(m: &Minutes, lang: Lang) -> Vec<Participant> {
    let (f, mt) = (&m.forum, &m.meeting);
    let function = |person: &str| {
        let mut parts = Vec::new();
        if mt.chair.as_deref() == Some(person) {
            parts.push(lang.t(Msg::Chair).to_string());
        }
        if mt.referent.as_deref() == Some(person) {
            parts.push(lang.t(Msg::Referent).to_string());
        }
        if let Some(p) = f.person(person) {
            if let Some(party) = &p.party {
                parts.push(f.party_short(party).to_string());
            }
            if !p.role.trim().is_empty() {
                parts.push(p.role.trim().to_string());
            }
        }
        // A role that repeats what is already said ("Møteleder" as chair) is said once.
        let mut said: Vec<String> = Vec::new();
        parts.retain(|p| {
            let key = p.to_lowercase();
            let new = !said.contains(&key);
            said.push(key);
            new
        });
        parts.join(", ")
    };
    let mut out: Vec<Participant> = mt
        .attendance
        .iter()
        .filter(|a| a.presence != Presence::Absent)
        .map(|a| {
            if a.presence == Presence::Substitute && !a.substitute.trim().is_empty() {
                Participant {
                    name: a.substitute.trim().to_string(),
                    function: lang.fill(Msg::SubstituteTitle, &[&f.person_name(&a.person)]),
                }
            } else {
                Participant {
                    name: f.person_name(&a.person).to_string(),
                    function: function(&a.person),
                }
            }
        })
        .collect();
    if out.is_empty() {
        for p in [&mt.chair, &mt.referent].into_iter().flatten() {
            if !out.iter().any(|o| o.name == f.person_name(p)) {
                out.push(Participant {
                    name: f.person_name(p).to_string(),
                    function: function(p),
                });
            }
        }
    }
    if out.is_empty() {
        out.push(Participant {
            name: lang.t(Msg::Noark5NoAttendance).to_string(),
            function: String::new(),
        });
    }
    out
}

/// Who wrote the meeting's documents: the referent, else the chair, else samrad.
pub fn writer(m: &Minutes) -> String {
    let mt = &m.meeting;
    mt.referent
        .as_deref()
        .or(mt.chair.as_deref())
        .map(|p| m.forum.person_name(p).to_string())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| SAMRAD.to_string())
}

/// Who made the extract.
pub const SAMRAD: &str = "samrad";

/// A time written in the log (RFC 3339), if it is one.
pub fn time(s: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(s.trim()).ok()
}

/// When a document came to be: the innkalling with the meeting, the referat when the
/// meeting closed, a protokoll at its first signature (else when the meeting closed).
pub fn made_at(mt: &Meeting, doc: &Document) -> Option<DateTime<FixedOffset>> {
    let start = time(&mt.starts_at);
    let closed = mt.closed_at.as_deref().and_then(time);
    match doc {
        Document::Innkalling => start,
        Document::Referat => closed.or(start),
        Document::Protokoll(key) => mt
            .signatures
            .iter()
            .filter(|s| s.item == *key)
            .filter_map(|s| time(&s.at))
            .min()
            .or(closed)
            .or(start),
    }
}

/// Whether a document is final: the referat approved, a protokoll signed by every party,
/// the innkalling once the meeting has begun.
pub fn is_final(m: &Minutes, doc: &Document) -> bool {
    let mt = &m.meeting;
    match doc {
        Document::Innkalling => mt.status != MeetingStatus::Planned,
        Document::Referat => mt.status == MeetingStatus::Approved,
        Document::Protokoll(key) => mt
            .protocol_status(key, &m.forum)
            .is_some_and(|st| !st.negotiation_open()),
    }
}

/// A stable id in the form of a UUID (version 8, RFC 9562): the first 128 bits of the
/// SHA-256 of `parts`, so the same forum, meeting and document get the same systemID in
/// every export.
pub fn system_id(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    h.update(b"samrad-noark5");
    for p in parts {
        h.update([0u8]);
        h.update(p.as_bytes());
    }
    let d = h.finalize();
    let mut b = [0u8; 16];
    b.copy_from_slice(&d[..16]);
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let x = hex(&b);
    format!(
        "{}-{}-{}-{}-{}",
        &x[..8],
        &x[8..12],
        &x[12..16],
        &x[16..20],
        &x[20..]
    )
}

/// Lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_ids_are_stable_uuids_and_differ_by_part() {
        let a = system_id(&["forum", "m-1"]);
        assert_eq!(a, system_id(&["forum", "m-1"]));
        assert_ne!(a, system_id(&["forum", "m-2"]));
        assert_ne!(system_id(&["ab", "c"]), system_id(&["a", "bc"]));
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "8", "version 8: {a}");
        assert!("89ab".contains(&a[19..20]), "RFC 9562 variant: {a}");
    }

    #[test]
    fn an_unsafe_id_becomes_a_hash_as_a_file_name() {
        assert_eq!(safe_name("f-1"), "f-1");
        let odd = safe_name("../../etc/passwd");
        assert!(odd.starts_with("id-") && !odd.contains('/'), "{odd}");
    }
}
