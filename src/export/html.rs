//! One self-contained HTML page: no scripts, no fonts or pictures from elsewhere, a print
//! stylesheet for A4, so that a browser's "Save as PDF" gives minutes ready to sign.

use super::safe_text::into_printable;
use super::{Block, Section, Signature};
use crate::i18n::Lang;

/// Text made safe for HTML, in element content and in quoted attribute values alike.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { color-scheme: light; }
body {
  font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif;
  font-size: 11pt;
  line-height: 1.45;
  color: #111;
  background: #fff;
  max-width: 46em;
  margin: 2em auto;
  padding: 0 1.5em;
}
h1 { font-size: 1.6em; line-height: 1.2; margin: 0 0 .4em; }
h2 { font-size: 1.25em; margin: 1.6em 0 .4em; padding-bottom: .15em; border-bottom: 1px solid #888; }
h3 { font-size: 1.05em; margin: 1.1em 0 .3em; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
p, ul, blockquote, table, dl { margin: .4em 0 .8em; }
ul { padding-left: 1.4em; }
li { margin: .15em 0; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .1em 1em; }
dl.fields dt { font-weight: 600; }
dl.fields dd { margin: 0; overflow-wrap: anywhere; }
blockquote { margin-left: 0; padding-left: 1em; border-left: 3px solid #888; }
blockquote p { margin: 0 0 .5em; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .25em .6em .25em 0; border-bottom: 1px solid #bbb; }
.note { font-style: italic; }
.signature {
  display: grid;
  grid-template-columns: max-content 1fr max-content 9em;
  gap: 0 .6em;
  align-items: end;
  margin: 2.4em 0 0;
}
.signature .line { border-bottom: 1px solid #000; min-height: 1.8em; }
.signature .answer { grid-column: 2 / -1; margin: .3em 0 0; font-size: .9em; }
@page { size: A4; margin: 20mm 20mm 22mm 22mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  *, *::before, *::after { background: transparent !important; box-shadow: none !important; }
  header, section.item, section.statement, .signatures, .signature, blockquote, tr {
    break-inside: avoid;
    page-break-inside: avoid;
  }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  p, li { orphans: 3; widows: 3; }
}
"#;

/// The page: `<html lang>`, the charset, the title, the stylesheet, and the blocks.
pub fn to_html(blocks: &[Block], lang: Lang) -> String {
    let lang = match lang {
        Lang::Nb => "nb",
        Lang::En => "en",
    };
    let title = first_title(blocks).unwrap_or_default();
    let mut out = String::with_capacity(16 * 1024);
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!("<html lang=\"{lang}\">\n<head>\n"));
    out.push_str("<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"samrad\">\n");
    out.push_str(&format!("<title>{}</title>\n", escape(&title)));
    out.push_str("<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<main>\n");
    html_blocks(&mut out, blocks);
    out.push_str("</main>\n</body>\n</html>\n");
    into_printable(out)
}

fn first_title(blocks: &[Block]) -> Option<String> {
    blocks.iter().find_map(|b| match b {
        Block::Title(t) => Some(t.clone()),
        Block::Section(_, inner) => first_title(inner),
        _ => None,
    })
}

/// Lines kept as lines, each escaped.
fn lines(s: &str) -> String {
    s.trim_end()
        .split('\n')
        .map(escape)
        .collect::<Vec<_>>()
        .join("<br>\n")
}

/// Paragraphs split at blank lines, lines kept within them.
fn paragraphs(out: &mut String, s: &str, class: Option<&str>) {
    let open = match class {
        Some(c) => format!("<p class=\"{c}\">"),
        None => "<p>".to_string(),
    };
    for p in s.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        out.push_str(&open);
        out.push_str(&lines(p));
        out.push_str("</p>\n");
    }
}

fn html_blocks(out: &mut String, blocks: &[Block]) {
    let mut i = 0;
    while i < blocks.len() {
        match &blocks[i] {
            Block::Title(t) => out.push_str(&format!("<h1>{}</h1>\n", escape(t))),
            Block::Heading(level, t) => {
                let h = (usize::from(*level) + 1).clamp(2, 6);
                out.push_str(&format!("<h{h}>{}</h{h}>\n", escape(t)));
            }
            Block::Field(..) => {
                // Fields in a row make one list of terms.
                out.push_str("<dl class=\"fields\">\n");
                while let Some(Block::Field(k, v)) = blocks.get(i) {
                    out.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", escape(k), lines(v)));
                    i += 1;
                }
                out.push_str("</dl>\n");
                continue;
            }
            Block::Para(t) => paragraphs(out, t, None),
            Block::Note(t) => paragraphs(out, t, Some("note")),
            Block::List(items) => {
                out.push_str("<ul>\n");
                for item in items {
                    out.push_str(&format!("<li>{}</li>\n", lines(item)));
                }
                out.push_str("</ul>\n");
            }
            Block::Quote(t) => {
                out.push_str("<blockquote>\n");
                paragraphs(out, t, None);
                out.push_str("</blockquote>\n");
            }
            Block::Table { header, rows } => {
                out.push_str("<table>\n<thead>\n<tr>");
                for h in header {
                    out.push_str(&format!("<th scope=\"col\">{}</th>", escape(h)));
                }
                out.push_str("</tr>\n</thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for cell in row {
                        out.push_str(&format!("<td>{}</td>", lines(cell)));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Block::Signatures(list) => signatures(out, list),
            Block::Section(Section::Header, inner) => {
                out.push_str("<header>\n");
                html_blocks(out, inner);
                out.push_str("</header>\n");
            }
            Block::Section(kind, inner) => {
                out.push_str(&format!("<section class=\"{}\">\n", kind.class()));
                html_blocks(out, inner);
                out.push_str("</section>\n");
            }
        }
        i += 1;
    }
}

/// A line to sign on and a line for the date per party, with the answer under them.
fn signatures(out: &mut String, list: &[Signature]) {
    out.push_str("<div class=\"signatures\">\n");
    for s in list {
        out.push_str("<div class=\"signature\">\n");
        out.push_str(&format!(
            "<span class=\"party\">{}:</span><span class=\"line\"></span>\
             <span class=\"date\">{}:</span><span class=\"line\"></span>\n",
            escape(&s.label),
            escape(&s.date_label)
        ));
        if let Some(a) = &s.answer {
            out.push_str(&format!("<p class=\"answer\">{}</p>\n", escape(a)));
        }
        out.push_str("</div>\n");
    }
    out.push_str("</div>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_five_characters() {
        assert_eq!(
            escape(r#"<b>&"x"'y'</b>"#),
            "&lt;b&gt;&amp;&quot;x&quot;&#39;y&#39;&lt;/b&gt;"
        );
        assert_eq!(escape("Drøfting – sak 3/26"), "Drøfting – sak 3/26");
    }

    #[test]
    fn fields_in_a_row_are_one_list_and_sections_have_their_class() {
        let html = to_html(
            &[
                Block::Section(
                    Section::Header,
                    vec![
                        Block::Title("Referat: <møte>".into()),
                        Block::Field("Dato".into(), "i dag".into()),
                        Block::Field("Sted".into(), "her".into()),
                    ],
                ),
                Block::Section(Section::Item, vec![Block::Para("a\nb\n\nc".into())]),
            ],
            Lang::Nb,
        );
        assert!(
            html.contains("<title>Referat: &lt;møte&gt;</title>"),
            "{html}"
        );
        assert_eq!(html.matches("<dl class=\"fields\">").count(), 1, "{html}");
        assert!(
            html.contains("<section class=\"item\">\n<p>a<br>\nb</p>\n<p>c</p>"),
            "{html}"
        );
        assert!(html.contains("<html lang=\"nb\">"));
    }
}
