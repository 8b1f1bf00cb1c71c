//! The word index on disk (`index/words.bin`), for `samrad search`: every distinct word of
//! the lower-case texts with the texts it occurs in, and what a hit line shows of each text
//! (its meeting, item number, field, party). A search reads this file and the few texts it
//! prints, not the archive index nor the forum.
//!
//! It is written with the archive index and carries the marks of the logs it was built
//! from, so it is checked against the logs on its own (`fresh`), and the identity of the
//! `search.txt` it points into.

use serde::{Deserialize, Serialize};

use super::fresh::{self, Depth, Marks};
use super::rows::{Archive, Field, NONE};
use crate::store::layout::Layout;
use crate::store::{atomic, local_mark, perms, snapshot};

const WORDS_VERSION: u32 = 2;
/// Bytes per text in `docs`: meeting, item, party, start, len (u32 each), field, hidden.
const DOC_BYTES: usize = 22;

/// The head of the file: its length (u64), then this, postcard; after it the postings
/// (text numbers as u32, ascending within each word) and the texts' rows (`DOC_BYTES` each),
/// read by offset. The tables here are little-endian u32s, read in place.
#[derive(Serialize, Deserialize)]
struct WordsFile<'a> {
    version: u32,
    binary: &'a str,
    marks: Marks,
    /// `local_mark` identity of the `search.txt` the texts are read from.
    text_id: &'a str,
    /// The words, each followed by a NUL. Text, kept as bytes (as are the meetings' and items'
    /// texts below, the same on disk): a search checks as UTF-8 only what it shows, not the
    /// whole dictionary at every run.
    terms: &'a [u8],
    /// Where each word starts in `terms`.
    term_starts: &'a [u8],
    /// Where each word's texts start in the postings (one more than there are words).
    post_starts: &'a [u8],
    /// Bytes of postings, after the head.
    postings_len: u64,
    /// Id, date and title of each meeting.
    meetings: Vec<(&'a [u8], &'a [u8], &'a [u8])>,
    /// Each item's number as shown.
    items: Vec<&'a [u8]>,
    /// Each party's id and short name.
    parties: Vec<(&'a str, &'a str)>,
}

/// The first fields of `WordsFile`, all that `Words::open` needs (postcard reads fields in
/// order and leaves the rest).
#[derive(Deserialize)]
struct WordsCheck<'a> {
    version: u32,
    binary: &'a str,
    marks: Marks,
    text_id: &'a str,
}

/// One text as a hit line needs it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WordDoc {
    pub meeting: u32,
    pub item: u32,
    pub party: u32,
    pub start: u32,
    pub len: u32,
    pub field: Field,
    /// Not in the public version: a passage unntatt offentlighet, or on an exempt item.
    pub hidden: bool,
}

/// The word index, its head read and checked against the logs.
pub struct Words {
    head: Vec<u8>,
    /// Where the postings start in the file.
    body_at: u64,
    file: std::fs::File,
    layout: Layout,
}

fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    let s = b.get(i * 4..i * 4 + 4)?;
    Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

fn push_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// Write the word index of `archive` (its lower-case texts in `fold`), with the marks the
/// archive was built against and the party short names of the forum.
pub(super) fn write_words(
    layout: &Layout,
    marks: &Marks,
    archive: &Archive,
    fold: &str,
    short: impl Fn(&str) -> String,
) -> std::io::Result<()> {
    let mut ids: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    let mut lists: Vec<Vec<u32>> = Vec::new();
    let mut docs = Vec::with_capacity(archive.docs.len() * DOC_BYTES);
    for (d, doc) in archive.docs.iter().enumerate() {
        let d = d as u32;
        let body = fold
            .get(doc.start as usize..(doc.start + doc.len) as usize)
            .unwrap_or("");
        for w in body.split(|c: char| !c.is_alphanumeric()) {
            if w.is_empty() {
                continue;
            }
            let next = lists.len() as u32;
            let id = *ids.entry(w).or_insert(next);
            if id == next {
                lists.push(Vec::new());
            }
            let list = &mut lists[id as usize];
            if list.last() != Some(&d) {
                list.push(d);
            }
        }
        let hidden = doc.field == Field::ExemptPassage
            || archive
                .items
                .get(doc.item as usize)
                .is_some_and(|i| i.confidential);
        for v in [doc.meeting, doc.item, doc.party, doc.start, doc.len] {
            push_u32(&mut docs, v);
        }
        let field = Field::ALL.iter().position(|f| *f == doc.field).unwrap_or(0);
        docs.push(field as u8);
        docs.push(u8::from(hidden));
    }
    let mut sorted: Vec<(&str, u32)> = ids.into_iter().collect();
    sorted.sort_unstable();
    let (mut terms, mut term_starts, mut post_starts, mut postings) =
        (String::new(), Vec::new(), Vec::new(), Vec::new());
    for (w, id) in &sorted {
        push_u32(&mut term_starts, terms.len() as u32);
        terms.push_str(w);
        terms.push('\0');
        push_u32(&mut post_starts, (postings.len() / 4) as u32);
        for &d in &lists[*id as usize] {
            push_u32(&mut postings, d);
        }
    }
    push_u32(&mut post_starts, (postings.len() / 4) as u32);
    let shorts: Vec<String> = archive.parties.iter().map(|p| short(p)).collect();
    let numbers: Vec<String> = archive.items.iter().map(|i| i.number.to_string()).collect();
    let text_id = local_mark::identity(&layout.search_text_path()).unwrap_or_default();
    let file = WordsFile {
        version: WORDS_VERSION,
        binary: snapshot::BINARY,
        marks: marks.clone(),
        text_id: &text_id,
        terms: terms.as_bytes(),
        term_starts: &term_starts,
        post_starts: &post_starts,
        postings_len: postings.len() as u64,
        meetings: archive
            .meetings
            .iter()
            .map(|m| (m.id.as_bytes(), m.date().as_bytes(), m.title.as_bytes()))
            .collect(),
        items: numbers.iter().map(String::as_bytes).collect(),
        parties: archive
            .parties
            .iter()
            .map(String::as_str)
            .zip(shorts.iter().map(String::as_str))
            .collect(),
    };
    let head = postcard::to_stdvec(&file).map_err(std::io::Error::other)?;
    let mut bytes = Vec::with_capacity(8 + head.len() + postings.len() + docs.len());
    bytes.extend_from_slice(&(head.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&head);
    bytes.extend_from_slice(&postings);
    bytes.extend_from_slice(&docs);
    perms::create_dir_all(&layout.index_dir())?;
    atomic::write_atomic(&layout.search_words_path(), &bytes)?;
    local_mark::note(&layout.search_words_path())
}

impl Words {
    /// The word index of a data folder, when it was written here by this build of samrad
    /// and the logs and `search.txt` are as they were when it was built (looked at as
    /// `Depth::Folders` does); else none, and the caller opens the archive.
    pub fn open(layout: &Layout) -> Option<Words> {
        use std::os::unix::fs::FileExt;
        let path = layout.search_words_path();
        if !local_mark::holds(&path) || !local_mark::holds(&layout.search_text_path()) {
            return None;
        }
        let file = std::fs::File::open(&path).ok()?;
        let mut len = [0u8; 8];
        file.read_exact_at(&mut len, 0).ok()?;
        let len = u64::from_le_bytes(len);
        if len > file.metadata().ok()?.len() {
            return None;
        }
        let head = read_at(&file, 8, usize::try_from(len).ok()?)?;
        let words = Words {
            head,
            body_at: 8 + len,
            file,
            layout: layout.clone(),
        };
        // Only what says whether the index holds: the rest is decoded once, for the view.
        let h: WordsCheck = postcard::from_bytes(&words.head).ok()?;
        let text_id = local_mark::identity(&layout.search_text_path())?;
        if h.version != WORDS_VERSION || h.binary != snapshot::BINARY || h.text_id != text_id {
            return None;
        }
        fresh::check(layout, h.marks, Depth::Folders)
            .fresh()
            .then_some(())?;
        Some(words)
    }

    fn head(&self) -> Option<WordsFile<'_>> {
        postcard::from_bytes(&self.head).ok()
    }

    /// A view of the tables, decoded once.
    pub fn view(&self) -> Option<WordsView<'_>> {
        Some(WordsView {
            file: self.head()?,
            words: self,
        })
    }
}

/// `len` bytes of `file` from `at`, read into a buffer that is not zeroed first (the head
/// and the ranges read for a search are megabytes).
fn read_at(file: &std::fs::File, at: u64, len: usize) -> Option<Vec<u8>> {
    use std::io::{Read, Seek, SeekFrom};
    let mut f = file;
    f.seek(SeekFrom::Start(at)).ok()?;
    let mut buf = Vec::with_capacity(len);
    f.take(len as u64).read_to_end(&mut buf).ok()?;
    (buf.len() == len).then_some(buf)
}

/// Read byte ranges of a file, ascending, in as few reads as the gaps between them allow.
fn read_ranges(file: &std::fs::File, ranges: &[(u64, usize)]) -> Option<Vec<Vec<u8>>> {
    const GAP: u64 = 4 * 1024;
    let mut out = Vec::with_capacity(ranges.len());
    let mut i = 0;
    while i < ranges.len() {
        let start = ranges[i].0;
        let mut end = start + ranges[i].1 as u64;
        let mut j = i + 1;
        while let Some(&(at, len)) = ranges.get(j)
            && at >= start
            && at <= end + GAP
        {
            end = end.max(at + len as u64);
            j += 1;
        }
        let buf = read_at(file, start, usize::try_from(end - start).ok()?)?;
        for &(at, len) in &ranges[i..j] {
            let from = (at - start) as usize;
            out.push(buf.get(from..from + len)?.to_vec());
        }
        i = j;
    }
    Some(out)
}

/// The word index's tables, borrowed from the file's bytes.
pub struct WordsView<'a> {
    file: WordsFile<'a>,
    words: &'a Words,
}

impl WordsView<'_> {
    /// The texts holding a word that has `part` in it (a word of lower-case letters and
    /// digits), ascending.
    pub fn docs_with(&self, part: &str) -> Vec<u32> {
        let f = &self.file;
        let count = f.term_starts.len() / 4;
        let start_of = |i: usize| u32_at(f.term_starts, i).unwrap_or(0) as usize;
        let mut ranges = Vec::new();
        let mut last_term = usize::MAX;
        for at in memchr::memmem::find_iter(f.terms, part.as_bytes()) {
            let (mut lo, mut hi) = (0, count);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if start_of(mid) <= at {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            let Some(t) = lo.checked_sub(1) else {
                continue;
            };
            if t == last_term {
                continue;
            }
            last_term = t;
            let from = u64::from(u32_at(f.post_starts, t).unwrap_or(0));
            let to = u64::from(u32_at(f.post_starts, t + 1).unwrap_or(0));
            ranges.push((
                self.words.body_at + from * 4,
                to.saturating_sub(from) as usize * 4,
            ));
        }
        let lists = read_ranges(&self.words.file, &ranges).unwrap_or_default();
        let mut docs: Vec<u32> = lists
            .iter()
            .flat_map(|l| l.chunks_exact(4))
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        docs.sort_unstable();
        docs.dedup();
        docs
    }

    /// The rows of texts `ds` (ascending), for their hit lines; none for a number not in
    /// the index.
    pub fn docs(&self, ds: &[u32]) -> Vec<Option<WordDoc>> {
        let at = self.words.body_at + self.file.postings_len;
        let ranges: Vec<(u64, usize)> = ds
            .iter()
            .map(|&d| (at + u64::from(d) * DOC_BYTES as u64, DOC_BYTES))
            .collect();
        match read_ranges(&self.words.file, &ranges) {
            Some(rows) => rows.iter().map(|b| doc_of(b)).collect(),
            None => ds.iter().map(|_| None).collect(),
        }
    }
    /// A meeting's id, date and title.
    pub fn meeting(&self, m: u32) -> Option<(&str, &str, &str)> {
        let (id, date, title) = self.file.meetings.get(m as usize)?;
        Some((text(id)?, text(date)?, text(title)?))
    }

    pub fn item_number(&self, i: u32) -> Option<&str> {
        std::str::from_utf8(self.file.items.get(i as usize)?).ok()
    }

    /// A party's id and short name.
    pub fn party(&self, p: u32) -> Option<(&str, &str)> {
        self.file.parties.get(p as usize).copied()
    }

    /// The texts of `docs` (as `Archive::doc_text`), read from `search.txt`.
    pub fn texts(&self, docs: &[WordDoc]) -> Vec<String> {
        let ranges: Vec<(u64, usize)> = docs
            .iter()
            .map(|d| (u64::from(d.start), d.len as usize))
            .collect();
        let read = std::fs::File::open(self.words.layout.search_text_path())
            .ok()
            .and_then(|f| read_ranges(&f, &ranges));
        match read {
            Some(texts) => texts
                .iter()
                .map(|b| String::from_utf8_lossy(b).into_owned())
                .collect(),
            None => docs.iter().map(|_| String::new()).collect(),
        }
    }
}

fn text(b: &[u8]) -> Option<&str> {
    std::str::from_utf8(b).ok()
}

fn doc_of(b: &[u8]) -> Option<WordDoc> {
    let n = |i: usize| u32_at(b, i).unwrap_or(NONE);
    Some(WordDoc {
        meeting: n(0),
        item: n(1),
        party: n(2),
        start: n(3),
        len: n(4),
        field: *Field::ALL.get(*b.get(20)? as usize)?,
        hidden: *b.get(21)? != 0,
    })
}
