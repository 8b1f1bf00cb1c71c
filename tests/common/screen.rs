//! The app drawn into a test terminal, read back as text: one string per row.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use samrad::app::App;

pub fn rows(app: &App, (w, h): (u16, u16)) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal.draw(|f| samrad::ui::draw(f, app)).expect("draw");
    let buf = terminal.backend().buffer().clone();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect()
}
