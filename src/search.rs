//! Finding things in the archive: meeting filters, and searching every text without case.
//!
//! A query is split into words (runs of letters and digits); a text matches when every word
//! occurs in it, anywhere, ignoring case. `scan` reads the lower-case text once per query
//! (for `samrad search`, one query per process); `WordIndex` answers the same queries from
//! a word list built once (for the TUI, many queries); `scan_words` from the same word list
//! kept on disk (`samrad search`, when the index is fresh). All give the same hits.

use memchr::memmem;

use crate::model::{MeetingStatus, Stance};
use crate::store::archive::{Archive, Field, NONE, TextDoc, WordsView, fold_case, folded};

/// Which meetings to list. Party, stance and area are about one item: "NTL disagreed on an
/// item linked to development area 1" is all three on the same item.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub status: Option<MeetingStatus>,
    pub party: Option<String>,
    pub stance: Option<Stance>,
    pub area: Option<String>,
    pub since: Option<chrono::NaiveDate>,
    pub until: Option<chrono::NaiveDate>,
    /// Only what the public version shows: nothing on an item unntatt offentlighet but
    /// its number and title row (`samrad search` and `list` without
    /// `--include-confidential`).
    pub public: bool,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    fn date_ok(&self, date: &str) -> bool {
        let since = self.since.map(|d| d.to_string());
        let until = self.until.map(|d| d.to_string());
        since.is_none_or(|s| date >= s.as_str()) && until.is_none_or(|u| date <= u.as_str())
    }

    pub fn meeting_matches(&self, a: &Archive, m: usize) -> bool {
        let Some(row) = a.meetings.get(m) else {
            return false;
        };
        if self.status.is_some_and(|s| s != row.status) || !self.date_ok(row.date()) {
            return false;
        }
        if self.party.is_none() && self.stance.is_none() && self.area.is_none() {
            return true;
        }
        a.items_of(m).iter().any(|item| {
            if self.public && item.confidential {
                return false;
            }
            let area_ok = self
                .area
                .as_ref()
                .is_none_or(|area| item.areas.contains(area));
            let party_ok = match (&self.party, self.stance) {
                (None, None) => true,
                (None, Some(st)) => item.positions.iter().any(|(_, s)| *s == st),
                (Some(p), Some(st)) => item.positions.iter().any(|(q, s)| q == p && *s == st),
                (Some(p), None) => {
                    item.positions.iter().any(|(q, _)| q == p) || item.statements.contains(p)
                }
            };
            area_ok && party_ok
        })
    }

    /// Whether a text passes the filter: its meeting's date and status, who wrote it, and
    /// the development areas it is about.
    pub fn doc_matches(&self, a: &Archive, d: &TextDoc) -> bool {
        if self.public
            && (d.field == Field::ExemptPassage
                || a.items.get(d.item as usize).is_some_and(|i| i.confidential))
        {
            return false;
        }
        let row = a.meetings.get(d.meeting as usize);
        if self.since.is_some() || self.until.is_some() || self.status.is_some() {
            let Some(row) = row else {
                return false;
            };
            if !self.date_ok(row.date()) || self.status.is_some_and(|s| s != row.status) {
                return false;
            }
        }
        if let Some(p) = &self.party
            && a.party_id(d.party) != Some(p.as_str())
        {
            return false;
        }
        if let Some(st) = self.stance {
            let Some(item) = a.items.get(d.item as usize) else {
                return false;
            };
            let party = a.party_id(d.party);
            if !item
                .positions
                .iter()
                .any(|(q, s)| *s == st && party.is_none_or(|p| p == q))
            {
                return false;
            }
        }
        if let Some(area) = &self.area
            && !a.doc_areas(d).contains(&area.as_str())
        {
            return false;
        }
        true
    }
}

/// Meetings passing the filter, newest first (indexes into `Archive::meetings`).
pub fn filtered_meetings(a: &Archive, f: &Filter) -> Vec<usize> {
    (0..a.meetings.len())
        .filter(|&m| f.meeting_matches(a, m))
        .collect()
}

/// The words of a query, in lower case.
pub fn query_words(query: &str) -> Vec<String> {
    folded(query)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Texts (indexes into `Archive::docs`) holding every word of the query, in archive order
/// (newest meeting first), by reading the whole lower-case text.
pub fn scan(a: &Archive, query: &str, f: &Filter) -> Vec<u32> {
    let words = query_words(query);
    let Some((first, rest)) = words.split_first() else {
        return Vec::new();
    };
    let rest: Vec<memmem::Finder> = rest.iter().map(memmem::Finder::new).collect();
    let hay = a.folded.as_bytes();
    let mut hits = Vec::new();
    let mut last = usize::MAX;
    for at in memmem::find_iter(hay, first.as_bytes()) {
        let d = a.docs.partition_point(|d| d.start as usize <= at);
        let Some(d) = d.checked_sub(1) else {
            continue;
        };
        if d == last {
            continue;
        }
        last = d;
        let doc = &a.docs[d];
        let body = &hay[doc.start as usize..(doc.start + doc.len) as usize];
        if rest.iter().all(|w| w.find(body).is_some()) && f.doc_matches(a, doc) {
            hits.push(d as u32);
        }
    }
    hits
}

/// Texts holding every word of the query (as `scan`), from the word index on disk; `public`:
/// only what the public version shows (`Filter::public`, the only filter it knows).
pub fn scan_words(words: &WordsView, query: &str, public: bool) -> Vec<u32> {
    let mut result: Option<Vec<u32>> = None;
    for w in query_words(query) {
        let docs = words.docs_with(&w);
        result = Some(match result {
            None => docs,
            Some(prev) => intersect(&prev, &docs),
        });
    }
    let hits = result.unwrap_or_default();
    if !public {
        return hits;
    }
    let rows = words.docs(&hits);
    hits.into_iter()
        .zip(rows)
        .filter(|(_, row)| row.is_some_and(|r| !r.hidden))
        .map(|(d, _)| d)
        .collect()
}

/// Every distinct word of the archive with the texts it occurs in: built once, then each
/// query looks only at the word list.
#[derive(Debug, Default)]
pub struct WordIndex {
    /// The words, each followed by a NUL.
    words: String,
    starts: Vec<u32>,
    postings: Vec<Vec<u32>>,
}

impl WordIndex {
    pub fn build(a: &Archive) -> WordIndex {
        WordIndex::build_from(a, &a.folded)
    }

    /// Built from the lower-case texts read apart from the archive (`Archive::read_folded`).
    pub fn build_from(a: &Archive, folded: &str) -> WordIndex {
        let mut ids: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
        let mut postings: Vec<Vec<u32>> = Vec::new();
        for (d, doc) in a.docs.iter().enumerate() {
            let d = d as u32;
            let body = folded
                .get(doc.start as usize..(doc.start + doc.len) as usize)
                .unwrap_or("");
            for w in body.split(|c: char| !c.is_alphanumeric()) {
                if w.is_empty() {
                    continue;
                }
                let next = postings.len() as u32;
                let id = *ids.entry(w).or_insert(next);
                if id == next {
                    postings.push(Vec::new());
                }
                let list = &mut postings[id as usize];
                if list.last() != Some(&d) {
                    list.push(d);
                }
            }
        }
        let mut by_id: Vec<(&str, u32)> = ids.into_iter().collect();
        by_id.sort_by_key(|(_, id)| *id);
        let mut words = String::new();
        let mut starts = Vec::with_capacity(by_id.len());
        for (w, _) in by_id {
            starts.push(words.len() as u32);
            words.push_str(w);
            words.push('\0');
        }
        WordIndex {
            words,
            starts,
            postings,
        }
    }

    pub fn word_count(&self) -> usize {
        self.starts.len()
    }

    /// Texts holding every word of the query (as `scan`), in archive order.
    pub fn search(&self, a: &Archive, query: &str, f: &Filter) -> Vec<u32> {
        let mut result: Option<Vec<u32>> = None;
        for w in query_words(query) {
            let mut docs: Vec<u32> = Vec::new();
            let mut last_word = usize::MAX;
            for at in memmem::find_iter(self.words.as_bytes(), w.as_bytes()) {
                let i = self.starts.partition_point(|&s| s as usize <= at) - 1;
                if i != last_word {
                    last_word = i;
                    docs.extend_from_slice(&self.postings[i]);
                }
            }
            docs.sort_unstable();
            docs.dedup();
            result = Some(match result {
                None => docs,
                Some(prev) => intersect(&prev, &docs),
            });
        }
        let mut hits = result.unwrap_or_default();
        if !f.is_empty() {
            hits.retain(|&d| f.doc_matches(a, &a.docs[d as usize]));
        }
        hits
    }
}

fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// A piece of a text around the first word of the query: (before, the match, after), on one
/// line, about `width` characters in all.
pub fn snippet(text: &str, query: &str, width: usize) -> (String, String, String) {
    let mut low = String::with_capacity(text.len());
    fold_case(text, &mut low);
    let word = query_words(query).into_iter().next().unwrap_or_default();
    let at = if word.is_empty() {
        None
    } else {
        low.find(&word)
    };
    let flat = |s: &str| s.replace(['\n', '\r', '\t'], " ");
    let Some(at) = at else {
        let mut s: String = flat(text).chars().take(width).collect();
        if text.chars().count() > width {
            s.push('…');
        }
        return (s, String::new(), String::new());
    };
    let end = at + word.len();
    let before_room = width.saturating_sub(word.chars().count()) / 3;
    let before_chars: Vec<char> = text[..at].chars().collect();
    let skip = before_chars.len().saturating_sub(before_room);
    let mut before: String = before_chars[skip..].iter().collect();
    if skip > 0 {
        before.insert(0, '…');
    }
    let after_room = width.saturating_sub(word.chars().count() + before.chars().count());
    let after_all = &text[end..];
    let mut after: String = after_all.chars().take(after_room).collect();
    if after_all.chars().count() > after_room {
        after.push('…');
    }
    (flat(&before), flat(&text[at..end]), flat(&after))
}

/// Who and what a text is, for a hit line: the item number (or "-") and the field.
pub fn doc_place(a: &Archive, d: &TextDoc) -> (Option<String>, Field) {
    let item = (d.item != NONE)
        .then(|| a.items.get(d.item as usize).map(|i| i.number.to_string()))
        .flatten();
    (item, d.field)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_words_are_lower_case_letters_and_digits() {
        assert_eq!(
            query_words("Ærlig  SAMORDNING, sak 3/26"),
            ["ærlig", "samordning", "sak", "3", "26"]
        );
        assert!(query_words(" ,. ").is_empty());
    }

    #[test]
    fn folding_keeps_byte_offsets() {
        for s in ["ÆØÅ æøå", "Straße İstanbul ǅ", "ABC"] {
            assert_eq!(folded(s).len(), s.len(), "{s}");
        }
        assert_eq!(folded("ÆRLIG Øl Å"), "ærlig øl å");
    }
}
