//! The blocks of a document set on A4 pages: lines broken to the measure, headings kept
//! with what follows them, tables in columns. What comes out is plain data (runs of text at
//! positions, and the document's structure pointing at them), so the drawing knows nothing
//! of blocks and this knows nothing of PDF.

use super::fonts::{ASCENT, Face, Metrics};
use crate::export::document::{Block, Signature};
use crate::export::render::{DATE_LINE, SIGN_LINE};

pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
pub const MARGIN_X: f32 = 56.7;
/// Where the text area starts and ends, from the top; the header and footer sit outside.
pub const TOP: f32 = 72.0;
pub const BOTTOM: f32 = PAGE_HEIGHT - 72.0;
const MEASURE: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;

const BODY: f32 = 10.0;
const LEADING: f32 = 1.32;
const LIST_INDENT: f32 = 14.0;
const QUOTE_INDENT: f32 = 18.0;
const CELL_PAD: f32 = 6.0;

/// Text at a place on a page: `baseline` is measured from the top of the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub x: f32,
    pub baseline: f32,
    pub face: Face,
    pub size: f32,
    pub text: String,
}

/// What one page holds: pieces of content, each one line (or one cell's line) of text,
/// and rules drawn for the eye only (under a table's header): from x to x at a height.
#[derive(Debug, Default)]
pub struct Page {
    pub contents: Vec<Vec<Run>>,
    pub rules: Vec<(f32, f32, f32)>,
}

/// The kind of a part of the document, for readers that follow its structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Section,
    Heading(u16),
    Para,
    List,
    ListItem,
    Label,
    ListBody,
    Quote,
    Table,
    Row,
    HeaderCell,
    Cell,
}

/// The document's structure: parts, and at the leaves the content they are made of.
#[derive(Debug)]
pub enum Node {
    Group(Kind, Vec<Node>),
    /// `pages[page].contents[index]`.
    Content {
        page: usize,
        index: usize,
    },
}

pub struct Laid {
    pub pages: Vec<Page>,
    pub structure: Vec<Node>,
}

/// A piece of a paragraph in one face.
type Span = (Face, String);

/// Sets `blocks` on pages.
pub fn lay_out(blocks: &[Block], metrics: &Metrics) -> Laid {
    let mut l = Layouter {
        m: metrics,
        pages: vec![Page::default()],
        y: TOP,
    };
    let structure = l.blocks(blocks);
    Laid {
        pages: l.pages,
        structure,
    }
}

struct Layouter<'m> {
    m: &'m Metrics,
    pages: Vec<Page>,
    /// The top of the next line, from the top of the page.
    y: f32,
}

impl Layouter<'_> {
    fn blocks(&mut self, blocks: &[Block]) -> Vec<Node> {
        blocks.iter().map(|b| self.block(b)).collect()
    }

    fn block(&mut self, b: &Block) -> Node {
        let body = |t: &str| vec![(Face::Regular, t.to_string())];
        match b {
            Block::Title(t) => {
                let n = self.para(Kind::Heading(1), &[(Face::Bold, t.clone())], 17.0, 0.0);
                self.gap(8.0);
                n
            }
            Block::Heading(level, t) => {
                let size = if *level <= 1 { 13.0 } else { 11.5 };
                self.gap(if *level <= 1 { 10.0 } else { 6.0 });
                // A heading is not left alone at the foot of a page.
                self.room_for(size * LEADING + 3.0 * BODY * LEADING);
                let n = self.para(
                    Kind::Heading(u16::from(*level).saturating_add(1).min(6)),
                    &[(Face::Bold, t.clone())],
                    size,
                    0.0,
                );
                self.gap(2.0);
                n
            }
            Block::Field(k, v) => self.para(
                Kind::Para,
                &[(Face::Bold, format!("{k}: ")), (Face::Regular, v.clone())],
                BODY,
                0.0,
            ),
            Block::Para(t) => {
                let n = self.para(Kind::Para, &body(t.trim_end()), BODY, 0.0);
                self.gap(3.0);
                n
            }
            Block::Note(t) => {
                let n = self.para(Kind::Para, &[(Face::Italic, t.clone())], BODY, 0.0);
                self.gap(3.0);
                n
            }
            Block::List(items) => {
                let lis = items.iter().map(|i| self.list_item(i)).collect();
                self.gap(3.0);
                Node::Group(Kind::List, lis)
            }
            Block::Quote(t) => {
                let p = self.para(Kind::Para, &[(Face::Italic, t.clone())], BODY, QUOTE_INDENT);
                self.gap(3.0);
                Node::Group(Kind::Quote, vec![p])
            }
            Block::Table { header, rows } => {
                self.gap(4.0);
                let n = self.table(header, rows);
                self.gap(6.0);
                n
            }
            Block::Signatures(lines) => {
                let parts = lines.iter().map(|s| self.signature(s)).collect();
                Node::Group(Kind::Section, parts)
            }
            Block::Section(_, inner) => {
                let inner = self.blocks(inner);
                Node::Group(Kind::Section, inner)
            }
        }
    }

    fn list_item(&mut self, text: &str) -> Node {
        let lh = BODY * LEADING;
        self.room_for(lh);
        let page = self.pages.len() - 1;
        let baseline = self.y + BODY * ASCENT;
        let label = self.content_at(
            page,
            vec![Run {
                x: MARGIN_X + 3.0,
                baseline,
                face: Face::Regular,
                size: BODY,
                text: "•".to_string(),
            }],
        );
        let body = self.para(
            Kind::Para,
            &[(Face::Regular, text.to_string())],
            BODY,
            LIST_INDENT,
        );
        Node::Group(
            Kind::ListItem,
            vec![
                Node::Group(Kind::Label, vec![label]),
                Node::Group(Kind::ListBody, vec![body]),
            ],
        )
    }

    fn signature(&mut self, s: &Signature) -> Node {
        self.gap(14.0);
        self.room_for(2.0 * BODY * LEADING + 14.0);
        let line = format!("{}:  {SIGN_LINE}  {}: {DATE_LINE}", s.label, s.date_label);
        let mut kids = vec![self.para(Kind::Para, &[(Face::Regular, line)], BODY, 0.0)];
        if let Some(a) = &s.answer {
            kids.push(self.para(Kind::Para, &[(Face::Italic, a.clone())], BODY, 0.0));
        }
        Node::Group(Kind::Section, kids)
    }

    /// A paragraph of `spans`, broken into lines at `indent` from the left margin; hard
    /// line breaks in the text are kept.
    fn para(&mut self, kind: Kind, spans: &[Span], size: f32, indent: f32) -> Node {
        let lines = self.wrap(spans, size, MEASURE - indent);
        let lh = size * LEADING;
        let mut leaves = Vec::with_capacity(lines.len());
        for line in lines {
            leaves.push(self.line(line, MARGIN_X + indent, size, lh));
        }
        Node::Group(kind, leaves)
    }

    /// One line of spans at `x`, on this page or the next.
    fn line(&mut self, spans: Vec<Span>, x: f32, size: f32, lh: f32) -> Node {
        self.room_for(lh);
        let baseline = self.y + size * ASCENT;
        let runs = self.runs(spans, x, baseline, size);
        let page = self.pages.len() - 1;
        let n = self.content_at(page, runs);
        self.y += lh;
        n
    }

    fn runs(&self, spans: Vec<Span>, x: f32, baseline: f32, size: f32) -> Vec<Run> {
        let mut x = x;
        let mut runs = Vec::with_capacity(spans.len());
        for (face, text) in spans {
            let w = self.m.width(face, size, &text);
            runs.push(Run {
                x,
                baseline,
                face,
                size,
                text,
            });
            x += w;
        }
        runs
    }

    fn content_at(&mut self, page: usize, runs: Vec<Run>) -> Node {
        let contents = &mut self.pages[page].contents;
        contents.push(runs);
        Node::Content {
            page,
            index: contents.len() - 1,
        }
    }

    /// Begins a new page unless `height` fits on this one (or this one is still empty).
    fn room_for(&mut self, height: f32) {
        if self.y + height > BOTTOM && self.y > TOP {
            self.pages.push(Page::default());
            self.y = TOP;
        }
    }

    fn gap(&mut self, h: f32) {
        if self.y > TOP {
            self.y += h;
        }
    }

    /// Breaks `spans` into lines no wider than `width`. Each line keeps the space after
    /// its last word, so text taken out of the PDF has its words apart.
    fn wrap(&self, spans: &[Span], size: f32, width: f32) -> Vec<Vec<Span>> {
        let mut lines: Vec<Vec<Span>> = vec![Vec::new()];
        // Lines that end inside a word too long for the measure.
        let mut mid_word = Vec::new();
        let mut used = 0.0;
        for (face, text) in spans {
            let face = *face;
            let text = self.m.drawable(face, &text.replace('\t', "    "));
            for (n, hard_line) in text.split('\n').enumerate() {
                if n > 0 {
                    // The words either side of a line break stay apart in the text.
                    if let Some((_, t)) = lines.last_mut().and_then(|l| l.last_mut())
                        && !t.ends_with(' ')
                    {
                        t.push(' ');
                    }
                    lines.push(Vec::new());
                    used = 0.0;
                }
                for word in hard_line.split_inclusive(' ') {
                    let w = self.m.width(face, size, word);
                    let visible = self.m.width(face, size, word.trim_end());
                    if used + visible > width && used > 0.0 {
                        lines.push(Vec::new());
                        used = 0.0;
                    }
                    if visible > width {
                        for (i, piece) in
                            self.split_long(face, size, word, width).iter().enumerate()
                        {
                            if used > 0.0 {
                                if i > 0 {
                                    mid_word.push(lines.len() - 1);
                                }
                                lines.push(Vec::new());
                            }
                            used = self.m.width(face, size, piece);
                            push_text(lines.last_mut(), face, piece);
                        }
                        continue;
                    }
                    push_text(lines.last_mut(), face, word);
                    used += w;
                }
            }
        }
        // Every line ends in a space, so the words of one line and the next (or of one
        // paragraph and the next) stay apart in the text a reader takes out.
        for (n, line) in lines.iter_mut().enumerate() {
            if let Some((_, t)) = line.last_mut()
                && !t.ends_with(' ')
                && !mid_word.contains(&n)
            {
                t.push(' ');
            }
        }
        lines
    }

    /// A word wider than the measure, in pieces that fit.
    fn split_long(&self, face: Face, size: f32, word: &str, width: f32) -> Vec<String> {
        let mut pieces = vec![String::new()];
        for c in word.chars() {
            let mut buf = [0u8; 4];
            let cw = self.m.width(face, size, c.encode_utf8(&mut buf));
            let last = pieces.last_mut().map(|p| self.m.width(face, size, p) + cw);
            if last.is_some_and(|w| w > width) {
                pieces.push(String::new());
            }
            if let Some(p) = pieces.last_mut() {
                p.push(c);
            }
        }
        pieces
    }

    /// Columns as wide as their widest cell when they fit; otherwise each column gets an
    /// equal share first, and what is left goes to the columns that want more.
    fn column_widths(&self, header: &[String], rows: &[Vec<String>]) -> Vec<f32> {
        let n = header.len().max(1);
        let mut natural = vec![0f32; n];
        let rows = std::iter::once((Face::Bold, header))
            .chain(rows.iter().map(|r| (Face::Regular, r.as_slice())));
        for (face, row) in rows {
            for (i, cell) in row.iter().enumerate().take(n) {
                let w = cell
                    .lines()
                    .map(|l| self.m.width(face, BODY, l))
                    .fold(0.0, f32::max);
                natural[i] = natural[i].max(w + CELL_PAD * 2.0);
            }
        }
        let total: f32 = natural.iter().sum();
        if total <= MEASURE {
            return natural;
        }
        let share = MEASURE / n as f32;
        let mut widths: Vec<f32> = natural.iter().map(|w| w.min(share)).collect();
        let left = MEASURE - widths.iter().sum::<f32>();
        let wanting: f32 = natural.iter().zip(&widths).map(|(n, w)| n - w).sum();
        if wanting > 0.0 {
            for (w, nat) in widths.iter_mut().zip(&natural) {
                *w += left * (nat - *w) / wanting;
            }
        }
        widths
    }

    fn table(&mut self, header: &[String], rows: &[Vec<String>]) -> Node {
        let widths = self.column_widths(header, rows);
        let mut kids = vec![self.row(header, &widths, true)];
        for row in rows {
            kids.push(self.row(row, &widths, false));
        }
        Node::Group(Kind::Table, kids)
    }

    fn row(&mut self, cells: &[String], widths: &[f32], is_header: bool) -> Node {
        let face = if is_header { Face::Bold } else { Face::Regular };
        let lh = BODY * LEADING;
        let wrapped: Vec<Vec<Vec<Span>>> = widths
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let text = cells.get(i).cloned().unwrap_or_default();
                self.wrap(&[(face, text)], BODY, w - CELL_PAD * 2.0)
            })
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh;
        // A row is kept on one page when it fits on one.
        self.room_for(height.min(BOTTOM - TOP) + 3.0);
        let mut cells: Vec<Vec<Node>> = widths.iter().map(|_| Vec::new()).collect();
        let lines = wrapped.iter().map(Vec::len).max().unwrap_or(0);
        for line in 0..lines {
            self.room_for(lh);
            let baseline = self.y + BODY * ASCENT;
            let page = self.pages.len() - 1;
            let mut x = MARGIN_X;
            for (col, w) in widths.iter().enumerate() {
                if let Some(spans) = wrapped[col].get(line) {
                    let runs = self.runs(spans.clone(), x + CELL_PAD, baseline, BODY);
                    let leaf = self.content_at(page, runs);
                    cells[col].push(leaf);
                }
                x += w;
            }
            self.y += lh;
        }
        if is_header && let Some(page) = self.pages.last_mut() {
            let right = MARGIN_X + widths.iter().sum::<f32>();
            page.rules.push((MARGIN_X, right, self.y));
        }
        self.y += 3.0;
        let kind = if is_header {
            Kind::HeaderCell
        } else {
            Kind::Cell
        };
        Node::Group(
            Kind::Row,
            cells.into_iter().map(|c| Node::Group(kind, c)).collect(),
        )
    }
}

fn push_text(line: Option<&mut Vec<Span>>, face: Face, text: &str) {
    let Some(line) = line else { return };
    match line.last_mut() {
        Some((f, t)) if *f == face => t.push_str(text),
        _ => line.push((face, text.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn laid(blocks: &[Block]) -> Laid {
        lay_out(blocks, &Metrics::new().expect("fonts"))
    }

    fn all_text(l: &Laid) -> String {
        l.pages
            .iter()
            .flat_map(|p| p.contents.iter().flatten())
            .map(|r| r.text.as_str())
            .collect()
    }

    #[test]
    fn a_long_paragraph_breaks_within_the_measure_and_keeps_every_word() {
        let text = "Partene drøftet kompetanseutvikling i departementene. ".repeat(40);
        let l = laid(&[Block::Para(text.clone())]);
        let m = Metrics::new().expect("fonts");
        let lines = &l.pages[0].contents;
        assert!(lines.len() > 5, "{} lines", lines.len());
        for line in lines {
            let r = &line[0];
            assert!(r.x + m.width(r.face, r.size, r.text.trim_end()) <= PAGE_WIDTH - MARGIN_X);
        }
        assert_eq!(all_text(&l).trim_end(), text.trim_end());
    }

    #[test]
    fn many_paragraphs_go_on_to_more_pages_and_stay_inside_the_text_area() {
        let blocks: Vec<Block> = (0..200)
            .map(|i| Block::Para(format!("Avsnitt {i}")))
            .collect();
        let l = laid(&blocks);
        assert!(l.pages.len() >= 3);
        for p in &l.pages {
            for r in p.contents.iter().flatten() {
                assert!(r.baseline > TOP && r.baseline < BOTTOM, "{r:?}");
            }
        }
    }

    #[test]
    fn a_heading_is_not_left_at_the_foot_of_a_page() {
        let mut blocks: Vec<Block> = (0..49).map(|i| Block::Para(format!("Linje {i}"))).collect();
        blocks.push(Block::Heading(1, "Sak 3/26".into()));
        blocks.push(Block::Para("Innhold".into()));
        let l = laid(&blocks);
        let heading_page = l
            .pages
            .iter()
            .position(|p| p.contents.iter().flatten().any(|r| r.text == "Sak 3/26"));
        let body_page = l
            .pages
            .iter()
            .position(|p| p.contents.iter().flatten().any(|r| r.text == "Innhold"));
        assert_eq!(heading_page, body_page);
    }

    #[test]
    fn a_word_wider_than_the_page_is_split_not_lost() {
        let word = "x".repeat(400);
        let l = laid(&[Block::Para(word.clone())]);
        assert!(l.pages[0].contents.len() > 1);
        assert_eq!(all_text(&l).trim_end(), word);
    }
}
