use super::Block;

/// Plain text: headings on their own lines, no decoration, so a screen reader reads only
/// the words.
pub fn to_text(blocks: &[Block]) -> String {
    let mut out = String::new();
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
            Block::Para(t) => {
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
        }
    }
    out
}

pub fn to_markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    let gap = |out: &mut String| {
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push('\n');
        }
    };
    for b in blocks {
        match b {
            Block::Title(t) => {
                gap(&mut out);
                out.push_str(&format!("# {t}\n\n"));
            }
            Block::Heading(level, t) => {
                gap(&mut out);
                let hashes = "#".repeat(usize::from(*level).clamp(1, 5) + 1);
                out.push_str(&format!("{hashes} {t}\n\n"));
            }
            Block::Field(k, v) => {
                out.push_str(&format!("**{k}:** {v}  \n"));
            }
            Block::Para(t) => {
                gap(&mut out);
                out.push_str(&t.trim_end().replace('\n', "  \n"));
                out.push_str("\n\n");
            }
            Block::List(items) => {
                gap(&mut out);
                for i in items {
                    out.push_str("- ");
                    out.push_str(&i.replace('\n', "  \n  "));
                    out.push('\n');
                }
                out.push('\n');
            }
            Block::Quote(t) => {
                gap(&mut out);
                for line in t.lines() {
                    out.push_str("> ");
                    out.push_str(line);
                    out.push('\n');
                }
                out.push('\n');
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
