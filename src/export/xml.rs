//! A small XML writer for the archive's metadata: elements, attributes and text, every
//! text escaped and stripped of what XML 1.0 cannot hold. Text from the logs may come from
//! a hostile machine; nothing it says can open or close an element here.

use super::safe_text::printable;

/// An XML document being written, indented two spaces a level.
pub struct Xml {
    out: String,
    open: Vec<&'static str>,
}

impl Xml {
    /// A document with the XML declaration and `comment` (a fixed text: no `--` in it).
    pub fn new(comment: &str) -> Xml {
        debug_assert!(!comment.contains("--"));
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.push_str(&format!("<!-- {comment} -->\n"));
        Xml {
            out,
            open: Vec::new(),
        }
    }

    fn indent(&mut self) {
        for _ in 0..self.open.len() {
            self.out.push_str("  ");
        }
    }

    /// `<name a="v" …>`; close it with `close`.
    pub fn open(&mut self, name: &'static str, attrs: &[(&str, &str)]) {
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            self.out.push_str(&escape(value));
            self.out.push('"');
        }
        self.out.push_str(">\n");
        self.open.push(name);
    }

    /// Closes the element opened last.
    pub fn close(&mut self) {
        if let Some(name) = self.open.pop() {
            self.indent();
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push_str(">\n");
        }
    }

    /// `<name>text</name>` on one line.
    pub fn leaf(&mut self, name: &'static str, text: &str) {
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        self.out.push('>');
        self.out.push_str(&escape(text));
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// The document, every element closed.
    pub fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.close();
        }
        self.out
    }
}

/// Whether XML 1.0 allows `c` in a document at all (escaped or not).
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `s` as XML text or attribute value: printable (no control characters but line breaks
/// and tabs, no bidirectional overrides), nothing XML 1.0 forbids, and `&`, `<`, `>`, `"`
/// and `'` as entities (so `]]>` cannot end anything either).
pub fn escape(s: &str) -> String {
    let s = printable(s);
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|&c| xml_char(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_control_characters_in_text_are_escaped_or_dropped() {
        assert_eq!(
            escape("a<b>&\"c\"]]>'\u{1b}[2J\u{0}\u{7f}\u{202e}x\u{FFFE}"),
            "a&lt;b&gt;&amp;&quot;c&quot;]]&gt;&apos;[2Jx"
        );
        assert_eq!(escape("line\nbreak\ttab"), "line\nbreak\ttab");
    }

    #[test]
    fn elements_nest_and_close_in_order() {
        let mut x = Xml::new("test");
        x.open("a", &[("k", "v&")]);
        x.leaf("b", "<t>");
        let out = x.finish();
        assert!(out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- test -->\n"));
        assert!(
            out.ends_with("<a k=\"v&amp;\">\n  <b>&lt;t&gt;</b>\n</a>\n"),
            "{out}"
        );
    }
}
