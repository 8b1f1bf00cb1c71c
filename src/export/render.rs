use super::safe_text::into_printable;
use super::{Block, Signature};

/// Plain text: headings on their own lines, no decoration, so a screen reader reads only
/// the words.
pub fn to_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    text_blocks(&mut out, blocks);
    into_printable(out)
}

fn text_blocks(out: &mut String, blocks: &[Block]) {
    for b in blocks {
        match b {
            Block::Title(t) => {
                out.push_str(t);
                out.push_str("\n\n");
            }
            Block::Heading(_, t) => {
                if !out.is_empty() && !out.ends_with("\n\n") {
                    out.push('\n');
                }
                out.push_str(t);
                out.push('\n');
            }
            Block::Field(k, v) => {
                out.push_str(&format!("{k}: {v}\n"));
            }
            Block::Para(t) | Block::Note(t) => {
                out.push_str(t.trim_end());
                out.push('\n');
            }
            Block::List(items) => {
                for i in items {
                    out.push_str("- ");
                    out.push_str(&i.replace('\n', "\n  "));
                    out.push('\n');
                }
            }
            Block::Quote(t) => {
                for line in t.lines() {
                    out.push_str("  ");
                    out.push_str(line);
                    out.push('\n');
                }
            }
            Block::Table { header, rows } => {
                if !out.is_empty() && !out.ends_with("\n\n") {
                    out.push('\n');
                }
                text_table(out, header, rows);
                out.push('\n');
            }
            Block::Signatures(lines) => {
                text_signatures(out, lines);
                out.push('\n');
            }
            Block::Section(_, inner) => text_blocks(out, inner),
        }
    }
}

/// Columns padded to their widest cell, a rule under the header.
fn text_table(out: &mut String, header: &[String], rows: &[Vec<String>]) {
    let one_line = |s: &str| s.replace('\n', " ");
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            let w = one_line(cell).chars().count();
            match widths.get_mut(i) {
                Some(slot) => *slot = (*slot).max(w),
                None => widths.push(w),
            }
        }
    }
    let line = |out: &mut String, cells: &[String]| {
        let last = cells.len().saturating_sub(1);
        for (i, cell) in cells.iter().enumerate() {
            let cell = one_line(cell);
            out.push_str(&cell);
            if i < last {
                let pad = widths[i].saturating_sub(cell.chars().count()) + 2;
                out.push_str(&" ".repeat(pad));
            }
        }
        out.push('\n');
    };
    line(out, header);
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    line(out, &rule);
    for row in rows {
        line(out, row);
    }
}

pub(super) const SIGN_LINE: &str = "______________________________";
pub(super) const DATE_LINE: &str = "____________";

/// "For NTL:  ______  Dato: ____", with the party's answer under it when it has given one.
fn text_signatures(out: &mut String, lines: &[Signature]) {
    let width = lines
        .iter()
        .map(|s| s.label.chars().count() + 1)
        .max()
        .unwrap_or(0);
    for s in lines {
        out.push('\n');
        let label = format!("{}:", s.label);
        let pad = width.saturating_sub(label.chars().count()) + 2;
        out.push_str(&format!(
            "{label}{}{SIGN_LINE}  {}: {DATE_LINE}\n",
            " ".repeat(pad),
            s.date_label
        ));
        if let Some(a) = &s.answer {
            out.push_str(&" ".repeat(width + 2));
            out.push_str(a);
            out.push('\n');
        }
    }
}

pub fn to_markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    markdown_blocks(&mut out, blocks);
    while out.ends_with("\n\n") {
        out.pop();
    }
    into_printable(out)
}

fn gap(out: &mut String) {
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
}

fn markdown_blocks(out: &mut String, blocks: &[Block]) {
    for b in blocks {
        match b {
            Block::Title(t) => {
                gap(out);
                out.push_str(&format!("# {}\n\n", md_escape(t)));
            }
            Block::Heading(level, t) => {
                gap(out);
                let hashes = "#".repeat(usize::from(*level).clamp(1, 5) + 1);
                out.push_str(&format!("{hashes} {}\n\n", md_escape(t)));
            }
            Block::Field(k, v) => {
                out.push_str(&format!(
                    "**{}:** {}  \n",
                    md_escape_inline(k),
                    md_escape_inline(v).replace('\n', "  \n")
                ));
            }
            Block::Para(t) => {
                gap(out);
                out.push_str(&md_escape(t.trim_end()).replace('\n', "  \n"));
                out.push_str("\n\n");
            }
            Block::Note(t) => {
                gap(out);
                out.push_str(&format!("*{}*\n\n", md_escape(t.trim())));
            }
            Block::List(items) => {
                gap(out);
                for i in items {
                    out.push_str("- ");
                    out.push_str(&md_escape(i).replace('\n', "  \n  "));
                    out.push('\n');
                }
                out.push('\n');
            }
            Block::Quote(t) => {
                gap(out);
                let lines: Vec<&str> = t.trim_end().lines().collect();
                for (n, line) in lines.iter().enumerate() {
                    out.push('>');
                    if !line.trim().is_empty() {
                        out.push(' ');
                        out.push_str(&md_escape(line));
                        // A line break the party wrote stays a line break.
                        let next_is_text = lines.get(n + 1).is_some_and(|l| !l.trim().is_empty());
                        if next_is_text {
                            out.push_str("  ");
                        }
                    }
                    out.push('\n');
                }
                out.push('\n');
            }
            Block::Table { header, rows } => {
                gap(out);
                let cell = |s: &str| md_escape_cell(&s.replace('\n', " "));
                let line = |cells: &[String]| {
                    let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
                    format!("| {} |\n", cells.join(" | "))
                };
                out.push_str(&line(header));
                out.push_str(&format!("|{}\n", " --- |".repeat(header.len())));
                for row in rows {
                    out.push_str(&line(row));
                }
                out.push('\n');
            }
            Block::Signatures(lines) => {
                for s in lines {
                    gap(out);
                    // Runs of underscores with spaces on both sides are plain text.
                    out.push_str(&format!(
                        "{}: {SIGN_LINE}  {}: {DATE_LINE}",
                        md_escape(&s.label),
                        md_escape(&s.date_label)
                    ));
                    if let Some(a) = &s.answer {
                        out.push_str("  \n");
                        out.push_str(&md_escape(a));
                    }
                    out.push_str("\n\n");
                }
            }
            Block::Section(_, inner) => markdown_blocks(out, inner),
        }
    }
}

/// A table cell: escaped as inline text, and its bars too, which would end the cell.
fn md_escape_cell(s: &str) -> String {
    md_escape_inline(s).replace('|', "\\|")
}

/// Text in the middle of a line (after a label): only what would start inline markup.
fn md_escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_inline(&mut out, s);
    out
}

/// Text as Markdown shows it: characters that would start emphasis, code, links or HTML
/// are escaped, and so is what would turn a line into a heading, quote or list.
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (n, line) in s.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let body = line.trim_start();
        out.push_str(&line[..line.len() - body.len()]);
        // What would make a block of the line.
        let digits = body.chars().take_while(char::is_ascii_digit).count();
        let rest = if digits > 0 && matches!(body[digits..].chars().next(), Some('.' | ')')) {
            out.push_str(&body[..digits]);
            out.push('\\');
            &body[digits..]
        } else {
            if matches!(body.chars().next(), Some('#' | '>' | '-' | '+' | '=' | '|')) {
                out.push('\\');
            }
            body
        };
        escape_inline(&mut out, rest);
    }
    out
}

/// Escape what would start emphasis, code, links, strikethrough, HTML or an entity. A
/// bracket is a link only when `(`, `[` or `:` follows the closing one, so "[Åpen]" stays.
fn escape_inline(out: &mut String, s: &str) {
    for (i, c) in s.char_indices() {
        let next = s[i + c.len_utf8()..].chars().next();
        match c {
            '\\' | '`' | '*' | '_' | '<' | '~' => {
                out.push('\\');
                out.push(c);
            }
            ']' if matches!(next, Some('(' | '[' | ':')) => out.push_str("\\]"),
            // An entity such as &amp; would be read as the character it names.
            '&' if next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '#') => {
                out.push_str("\\&");
            }
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_what_it_would_read_as_markup() {
        assert_eq!(md_escape("Tabell <b>&\"x\""), "Tabell \\<b>&\"x\"");
        assert_eq!(md_escape("a *b* _c_ [d](e)"), "a \\*b\\* \\_c\\_ [d\\](e)");
        assert_eq!(md_escape("[Åpen] [x]: y"), "[Åpen] [x\\]: y");
        assert_eq!(md_escape("# ikke overskrift"), "\\# ikke overskrift");
        assert_eq!(
            md_escape("- ikke liste\n2. heller ikke"),
            "\\- ikke liste\n2\\. heller ikke"
        );
        assert_eq!(md_escape("&amp; og & "), "\\&amp; og & ");
        assert_eq!(md_escape("sak 3/26: 12 punkter"), "sak 3/26: 12 punkter");
        assert_eq!(md_escape("2026"), "2026");
    }

    #[test]
    fn text_tables_line_up() {
        let mut out = String::new();
        text_table(
            &mut out,
            &["Part".into(), "Av".into()],
            &[vec!["NTL".into(), "Tillitsvalgt NTL".into()]],
        );
        assert_eq!(
            out,
            "Part  Av\n----  ----------------\nNTL   Tillitsvalgt NTL\n"
        );
    }
}
