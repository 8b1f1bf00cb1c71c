//! Laid-out pages drawn as a tagged PDF/A-2a with krilla: the text in its structure for
//! screen readers, and on every page a header with the document's title and a footer with
//! its status, its hash and "page x of y", marked as artifacts so a reader skips them.

use std::num::NonZeroU16;

use krilla::Document;
use krilla::color::rgb;
use krilla::configure::{Configuration, Validator};
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    ArtifactType, ContentTag, Identifier, ListNumbering, SpanTag, TableHeaderScope, Tag, TagGroup,
    TagKind, TagTree,
};
use krilla::text::{Font, TextDirection};

use super::fonts::{ASCENT, Face, Metrics};
use super::layout::{Kind, Laid, MARGIN_X, Node, PAGE_HEIGHT, PAGE_WIDTH, Run};

/// What is printed around the text of every page.
pub struct Frame {
    /// The document's title, in the header and the file's metadata.
    pub title: String,
    /// The status and the content hash, in the footer.
    pub footer: String,
    /// "Side {0} av {1}".
    pub page_of: Box<dyn Fn(usize, usize) -> String>,
    /// "nb" or "en".
    pub lang: &'static str,
    /// The day the file is made: PDF/A wants one, and a day (not a time) keeps the same
    /// document's bytes the same all day.
    pub made: chrono::NaiveDate,
}

const SMALL: f32 = 8.0;

pub fn draw(laid: Laid, frame: &Frame, metrics: &Metrics) -> Result<Vec<u8>, String> {
    let fonts = [Face::Regular, Face::Bold, Face::Italic]
        .map(|f| Font::new(f.bytes().into(), 0).ok_or("a built-in font did not load"));
    let [Ok(regular), Ok(bold), Ok(italic)] = fonts else {
        return Err("a built-in font did not load".into());
    };
    let font = |f: Face| match f {
        Face::Regular => regular.clone(),
        Face::Bold => bold.clone(),
        Face::Italic => italic.clone(),
    };
    let settings = krilla::SerializeSettings {
        configuration: Configuration::new_with_validator(Validator::A2_A),
        enable_tagging: true,
        ..Default::default()
    };
    let mut doc = Document::new_with(settings);
    let total = laid.pages.len();
    let mut ids: Vec<Vec<Option<Identifier>>> = Vec::with_capacity(total);
    for (n, page) in laid.pages.into_iter().enumerate() {
        let size = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or("A4 is a page size")?;
        let mut p = doc.start_page_with(size);
        let mut s = p.surface();
        let mut page_ids = Vec::with_capacity(page.contents.len());
        for content in &page.contents {
            page_ids.push(Some(s.start_tagged(ContentTag::Span(SpanTag::empty()))));
            for run in content {
                text(&mut s, &font(run.face), run);
            }
            s.end_tagged();
        }
        rules(&mut s, &page.rules);
        furniture(&mut s, frame, metrics, &font(Face::Regular), n + 1, total);
        s.finish();
        p.finish();
        ids.push(page_ids);
    }
    let mut tree = TagTree::new();
    for node in laid.structure {
        if let Some(n) = tag_node(node, &mut ids) {
            tree.push(n);
        }
    }
    doc.set_tag_tree(tree);
    doc.set_metadata(
        Metadata::new()
            .title(frame.title.clone())
            .language(frame.lang.to_string())
            .creator("samrad".to_string())
            .creation_date(day(frame.made)),
    );
    doc.finish().map_err(|e| format!("{e:?}"))
}

fn day(d: chrono::NaiveDate) -> krilla::metadata::DateTime {
    use chrono::Datelike;
    let small = |n: u32| u8::try_from(n).unwrap_or(1);
    krilla::metadata::DateTime::new(u16::try_from(d.year()).unwrap_or(2000))
        .month(small(d.month()))
        .day(small(d.day()))
}

fn text(s: &mut Surface, font: &Font, run: &Run) {
    s.draw_text(
        Point::from_xy(run.x, run.baseline),
        font.clone(),
        run.size,
        &run.text,
        false,
        TextDirection::Auto,
    );
}

/// The header and the footer of page `n` of `total`.
fn furniture(s: &mut Surface, frame: &Frame, m: &Metrics, font: &Font, n: usize, total: usize) {
    s.set_fill(Some(Fill {
        paint: rgb::Color::new(85, 85, 85).into(),
        ..Default::default()
    }));
    let right = PAGE_WIDTH - MARGIN_X;
    s.start_tagged(ContentTag::Artifact(ArtifactType::Header));
    let title = m.drawable(Face::Regular, &frame.title);
    text(s, font, &small(MARGIN_X, 40.0, title));
    s.end_tagged();

    s.start_tagged(ContentTag::Artifact(ArtifactType::Footer));
    let page_of = (frame.page_of)(n, total);
    let page_w = m.width(Face::Regular, SMALL, &page_of);
    text(s, font, &small(right - page_w, PAGE_HEIGHT - 40.0, page_of));
    // The footer's words go on as many lines as they need, left of the page number.
    let room = right - page_w - 12.0 - MARGIN_X;
    let mut y = PAGE_HEIGHT - 40.0;
    for line in footer_lines(m, &m.drawable(Face::Regular, &frame.footer), room) {
        text(s, font, &small(MARGIN_X, y, line));
        y += SMALL * 1.3;
    }
    s.end_tagged();
    s.set_fill(None);
}

/// Thin grey lines, marked as layout only.
fn rules(s: &mut Surface, rules: &[(f32, f32, f32)]) {
    if rules.is_empty() {
        return;
    }
    s.start_tagged(ContentTag::Artifact(ArtifactType::Other));
    s.set_fill(None);
    s.set_stroke(Some(Stroke {
        paint: rgb::Color::new(120, 120, 120).into(),
        width: 0.5,
        ..Default::default()
    }));
    for &(x0, x1, y) in rules {
        let mut b = PathBuilder::new();
        b.move_to(x0, y);
        b.line_to(x1, y);
        if let Some(path) = b.finish() {
            s.draw_path(&path);
        }
    }
    s.set_stroke(None);
    s.set_fill(Some(Fill::default()));
    s.end_tagged();
}

fn small(x: f32, top: f32, mut text: String) -> Run {
    text.push(' ');
    Run {
        x,
        baseline: top + SMALL * ASCENT,
        face: Face::Regular,
        size: SMALL,
        text,
    }
}

/// The footer broken at spaces, and a word too long for the room (a hash) where it must.
fn footer_lines(m: &Metrics, text: &str, room: f32) -> Vec<String> {
    let fits = |s: &str| m.width(Face::Regular, SMALL, s) <= room;
    let mut lines = vec![String::new()];
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let Some(last) = lines.last_mut() else { break };
        let joined = if last.is_empty() {
            word.to_string()
        } else {
            format!("{last} {word}")
        };
        if fits(&joined) {
            *last = joined;
            continue;
        }
        if !last.is_empty() {
            lines.push(String::new());
        }
        for c in word.chars() {
            let Some(last) = lines.last_mut() else { break };
            last.push(c);
            if !fits(last) && last.chars().count() > 1 {
                last.pop();
                lines.push(c.to_string());
            }
        }
    }
    lines
}

fn tag_node(node: Node, ids: &mut [Vec<Option<Identifier>>]) -> Option<krilla::tagging::Node> {
    match node {
        Node::Content { page, index } => ids
            .get_mut(page)
            .and_then(|p| p.get_mut(index))
            .and_then(Option::take)
            .map(Into::into),
        Node::Group(kind, kids) => {
            let mut g = TagGroup::new(tag(kind));
            for k in kids {
                if let Some(n) = tag_node(k, ids) {
                    g.push(n);
                }
            }
            Some(g.into())
        }
    }
}

fn tag(kind: Kind) -> TagKind {
    match kind {
        Kind::Section => Tag::Section.into(),
        Kind::Heading(level) => {
            Tag::Hn(NonZeroU16::new(level).unwrap_or(NonZeroU16::MIN), None).into()
        }
        Kind::Para => Tag::P.into(),
        Kind::List => Tag::L(ListNumbering::Disc).into(),
        Kind::ListItem => Tag::LI.into(),
        Kind::Label => Tag::Lbl.into(),
        Kind::ListBody => Tag::LBody.into(),
        Kind::Quote => Tag::BlockQuote.into(),
        Kind::Table => Tag::Table.into(),
        Kind::Row => Tag::TR.into(),
        Kind::HeaderCell => Tag::TH(TableHeaderScope::Column).into(),
        Kind::Cell => Tag::TD.into(),
    }
}
