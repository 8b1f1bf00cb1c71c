//! Text from the logs made harmless for a terminal. The logs come from other machines, and
//! one of them may write escape sequences into a title or a note: `ESC ] 52` sets the
//! reader's clipboard, `ESC [ 2 J` clears the screen, a bidirectional override shows words
//! in another order than they were written. Every output of samrad passes its text through
//! here once: the TUI's screen (`ui::draw`), the command line's tables and search hits, and
//! the exports.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal as it is: a control character (C0, DEL, C1; line
/// feed and tab among them) or a bidirectional embedding, override or isolate.
pub fn is_unprintable(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// The characters that make a terminal or a browser lay text out in another order than it
/// was written (the "Trojan Source" set that rustc's `text_direction_codepoint` lints warn
/// of): embeddings, overrides and isolates, and their ends.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` without what `is_unprintable` names, except line feeds and tabs, which are layout.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.contains(is_dropped) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().filter(|&c| !is_dropped(c)).collect())
}

/// `printable` for a text the caller owns, not copied when there is nothing to remove.
pub fn into_printable(s: String) -> String {
    if s.contains(is_dropped) {
        s.chars().filter(|&c| !is_dropped(c)).collect()
    } else {
        s
    }
}

/// What `printable` removes.
fn is_dropped(c: char) -> bool {
    is_unprintable(c) && !matches!(c, '\n' | '\t')
}

/// `s` on one line: printable, with line feeds and tabs as spaces (a cell of a table, a
/// search hit).
pub fn one_line(s: &str) -> Cow<'_, str> {
    if !s.contains(is_unprintable) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter_map(|c| match c {
                '\n' | '\t' => Some(' '),
                c if is_unprintable(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// A line of JSON with every unprintable character written as a `\uXXXX` escape. The
/// JSON writer escapes C0 itself but leaves DEL, C1 and the bidirectional controls as they
/// are; in JSON they can only stand inside strings, where the escape means the same
/// character, so the data is unchanged.
pub fn json_printable(json: &str) -> Cow<'_, str> {
    if !json.contains(is_unprintable) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_unprintable(c) {
            // Every unprintable character is in the Basic Multilingual Plane: one escape.
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OSC52: &str = "\u{1b}]52;c;SGVp\u{7}";
    const CLEAR: &str = "\u{1b}[2J";

    #[test]
    fn escape_sequences_lose_their_escape_and_bell() {
        let s = format!("Før {OSC52}møtet{CLEAR} slutt");
        assert_eq!(printable(&s), "Før ]52;c;SGVpmøtet[2J slutt");
    }

    #[test]
    fn c0_del_c1_and_bidi_overrides_go() {
        let s = "a\rb\u{0}c\u{8}d\u{7f}e\u{85}f\u{9b}g\u{9f}h\u{202e}i\u{2066}j\u{2069}k";
        assert_eq!(printable(s), "abcdefghijk");
    }

    #[test]
    fn words_letters_emoji_and_layout_stay() {
        let s = "Særavtale for ærlige, øvrige og ålreite 👩🏽‍💼\n\tneste linje\u{200f}";
        assert!(
            matches!(printable(s), Cow::Borrowed(_)),
            "nothing to remove"
        );
        assert_eq!(printable(s), s);
    }

    #[test]
    fn one_line_makes_breaks_and_tabs_spaces() {
        assert_eq!(one_line("Sak\n1\tå\u{1b}[2J"), "Sak 1 å[2J");
        assert_eq!(one_line("ingenting å gjøre"), "ingenting å gjøre");
    }

    #[test]
    fn json_keeps_the_characters_as_escapes() {
        let text = format!("x{OSC52}\u{9b}y\u{7f}\u{202e}z æ");
        let line = serde_json::json!({ "text": text }).to_string();
        let safe = json_printable(&line);
        assert!(!safe.contains(is_unprintable), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back["text"], text.as_str(), "the same text once read");
    }
}
