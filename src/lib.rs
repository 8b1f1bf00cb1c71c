//! samrad: co-determination meetings in the terminal.

pub mod app;
pub mod cli;
pub mod config;
pub mod demo;
pub mod demo_data;
pub mod export;
pub mod i18n;
pub mod memory;
pub mod model;
pub mod runtime;
pub mod search;
pub mod store;
pub mod sync;
pub mod tui;
pub mod ui;
pub mod verify;

/// No panic reaches the user as a backtrace: say what happened in a sentence, and where to
/// report it. (The TUI adds restoring the terminal to this.)
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        // Written, not `eprintln!`ed: with the terminal gone that would panic in the hook,
        // and a panic in the hook aborts.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "samrad stopped because of an internal error{place}: {what}\n\
             Everything saved before this is safe in the data folder. Please report this."
        );
    }));
}
