//! The fonts a PDF is set in, built into the program from `assets/fonts/` (Liberation Sans,
//! under the SIL Open Font License: `assets/fonts/LICENSE`), and how wide a text set in
//! them is.

use ttf_parser::Face as Parsed;

static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-Bold.ttf");
static ITALIC: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-Italic.ttf");

/// Which cut of the font a run of text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    Regular,
    Bold,
    Italic,
}

impl Face {
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => REGULAR,
            Face::Bold => BOLD,
            Face::Italic => ITALIC,
        }
    }
}

/// The three cuts, parsed for measuring.
pub struct Metrics {
    faces: [Parsed<'static>; 3],
}

/// The ascent of Liberation Sans, as a share of the font size: where the baseline sits
/// below the top of a line.
pub const ASCENT: f32 = 0.905;

impl Metrics {
    /// None only if a font built into the program does not parse, which a test rules out.
    pub fn new() -> Option<Metrics> {
        let parse = |f: Face| Parsed::parse(f.bytes(), 0).ok();
        Some(Metrics {
            faces: [
                parse(Face::Regular)?,
                parse(Face::Bold)?,
                parse(Face::Italic)?,
            ],
        })
    }

    fn face(&self, f: Face) -> &Parsed<'static> {
        &self.faces[f as usize]
    }

    /// The width of `text` at `size` points, from the glyphs' advances (kerning left out,
    /// which is close enough for breaking lines).
    pub fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let parsed = self.face(face);
        let units: u32 = text
            .chars()
            .map(|c| {
                parsed
                    .glyph_index(c)
                    .and_then(|g| parsed.glyph_hor_advance(g))
                    .map_or(0, u32::from)
            })
            .sum();
        units as f32 * size / f32::from(parsed.units_per_em().max(1))
    }

    /// `text` with what the font cannot draw replaced: a PDF/A may not show a missing
    /// glyph, and a character the reader cannot see should not vanish without a trace.
    pub fn drawable(&self, face: Face, text: &str) -> String {
        let parsed = self.face(face);
        text.chars()
            .filter(|c| *c == '\n' || !c.is_control())
            .map(|c| {
                if c == ' ' || c == '\n' || parsed.glyph_index(c).is_some_and(|g| g.0 != 0) {
                    c
                } else {
                    '?'
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fonts_draw_norwegian_letters_and_quotes() {
        let m = Metrics::new().expect("the built-in fonts parse");
        for face in [Face::Regular, Face::Bold, Face::Italic] {
            assert_eq!(m.drawable(face, "æøå ÆØÅ «» – §"), "æøå ÆØÅ «» – §");
        }
        assert_eq!(m.drawable(Face::Regular, "a\u{1F600}b"), "a?b");
        assert!(m.width(Face::Bold, 10.0, "Møte") > m.width(Face::Regular, 10.0, "Møte"));
    }
}
