//! The last step of drawing: no cell of the screen holds a control character or a
//! bidirectional override, whichever widget put it there. ratatui drops most control
//! characters on its own, but a zero-width one (U+202E) rides along in the cell before it,
//! and a widget may set a cell's symbol directly.

use ratatui::buffer::Buffer;

use crate::export::safe_text::is_unprintable;

/// Remove unprintable characters from every cell; a cell left empty becomes a space.
pub fn scrub(buf: &mut Buffer) {
    for cell in &mut buf.content {
        if !cell.symbol().contains(is_unprintable) {
            continue;
        }
        let clean: String = cell
            .symbol()
            .chars()
            .filter(|&c| !is_unprintable(c))
            .collect();
        cell.set_symbol(if clean.is_empty() { " " } else { &clean });
    }
}
