//! A passage unntatt offentlighet inside a text that is otherwise public: written
//! `[unntatt offl. § 14]…[/unntatt]` (or `[exempt …]…[/exempt]`), the hjemmel in the opening
//! tag. The public version keeps the tags and the hjemmel and drops what is between them;
//! a passage left open runs to the end of the text, so that a forgotten closing tag never
//! makes a secret public.

use std::borrow::Cow;
use std::ops::Range;

const OPENERS: [&str; 2] = ["[unntatt", "[exempt"];
const CLOSERS: [&str; 2] = ["[/unntatt]", "[/exempt]"];
/// An opening tag longer than this is not one (a bracket in running text).
const MAX_TAG: usize = 120;

/// One passage: its hjemmel as written, what it holds, and where the whole of it (tags
/// included) stands in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage<'a> {
    pub hjemmel: &'a str,
    pub content: &'a str,
    pub range: Range<usize>,
}

/// The length of `tag` at `at` in `text`, matched without regard to ASCII case.
fn tag_at(text: &str, at: usize, tags: &[&str]) -> Option<usize> {
    tags.iter()
        .find(|t| {
            text.get(at..at + t.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(t))
        })
        .map(|t| t.len())
}

/// The opening tag at `at`: its hjemmel and where the passage's content starts.
fn opening_at(text: &str, at: usize) -> Option<(&str, usize)> {
    let name = tag_at(text, at, &OPENERS)?;
    let rest = &text[at + name..];
    // "[unntatt]", "[unntatt offl. § 14]" or "[unntatt: offl. § 14]"; not "[unntattfoo]".
    if !rest.starts_with([']', ' ', ':']) {
        return None;
    }
    let close = rest.find(']').filter(|c| *c <= MAX_TAG)?;
    let hjemmel = &rest[..close];
    if hjemmel.contains(['\n', '[']) {
        return None;
    }
    let hjemmel = hjemmel.trim_start_matches(':').trim();
    Some((hjemmel, at + name + close + 1))
}

/// The text's passages, in order.
pub fn passages(text: &str) -> Vec<Passage<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find('[') {
        let at = from + found;
        let Some((hjemmel, start)) = opening_at(text, at) else {
            from = at + 1;
            continue;
        };
        let mut end = text.len();
        let mut after = text.len();
        let mut search = start;
        while let Some(found) = text[search..].find('[') {
            let c = search + found;
            if let Some(len) = tag_at(text, c, &CLOSERS) {
                (end, after) = (c, c + len);
                break;
            }
            search = c + 1;
        }
        out.push(Passage {
            hjemmel,
            content: &text[start..end],
            range: at..after,
        });
        from = after;
    }
    out
}

/// Whether the text may hold a passage (cheap: no parse).
pub fn may_hold_passage(text: &str) -> bool {
    text.contains('[')
        && OPENERS
            .iter()
            .any(|o| text.to_ascii_lowercase().contains(o))
}

/// The text as the public may read it: each passage's content gone, its tags and hjemmel
/// kept (`[unntatt offl. § 14][/unntatt]`).
pub fn redact_passages(text: &str) -> Cow<'_, str> {
    if !may_hold_passage(text) {
        return Cow::Borrowed(text);
    }
    let found = passages(text);
    if found.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for p in found {
        out.push_str(&text[last..p.range.start]);
        out.push_str(&format!("[unntatt {}][/unntatt]", p.hjemmel));
        last = p.range.end;
    }
    out.push_str(&text[last..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passage_is_found_with_its_hjemmel_and_content() {
        let text = "Offentlig. [unntatt offl. § 14]Intern vurdering.[/unntatt] Offentlig igjen.";
        let p = passages(text);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].hjemmel, "offl. § 14");
        assert_eq!(p[0].content, "Intern vurdering.");
        assert_eq!(
            redact_passages(text),
            "Offentlig. [unntatt offl. § 14][/unntatt] Offentlig igjen."
        );
    }

    #[test]
    fn english_tags_a_colon_and_any_case_are_understood() {
        let text = "[EXEMPT: offl. § 23]bid[/Exempt] and [Unntatt]x[/unntatt]";
        let p = passages(text);
        assert_eq!(p.len(), 2);
        assert_eq!((p[0].hjemmel, p[0].content), ("offl. § 23", "bid"));
        assert_eq!((p[1].hjemmel, p[1].content), ("", "x"));
    }

    #[test]
    fn a_passage_left_open_is_held_back_to_the_end() {
        let text = "Først. [unntatt offl. § 15]Hemmelig\nog mer.";
        assert_eq!(
            redact_passages(text),
            "Først. [unntatt offl. § 15][/unntatt]"
        );
    }

    #[test]
    fn brackets_in_running_text_are_not_passages() {
        for text in [
            "Se [vedlegg 2] og [unntattfoo] og [/unntatt].",
            "[unntatt\nikke en tagg]",
            "",
            "[",
        ] {
            assert!(passages(text).is_empty(), "{text:?}");
            assert_eq!(redact_passages(text), text);
        }
    }

    #[test]
    fn non_ascii_text_around_tags_is_cut_on_char_boundaries() {
        let text = "Æøå [unntatt § 13]hemmelig ærend[/unntatt]ÆØÅ";
        assert_eq!(redact_passages(text), "Æøå [unntatt § 13][/unntatt]ÆØÅ");
    }
}
