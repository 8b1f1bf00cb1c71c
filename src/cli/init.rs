//! `samrad init [DIR]`: a new data folder, seeded as the TUI's first start seeds one.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::args::Cli;
use super::{folder, session};
use crate::i18n::{self, Msg};

pub fn run(cli: &Cli, dir: Option<&Path>) -> Result<ExitCode> {
    let (cfg, lang, configured) = session::settings(cli)?;
    let root = dir.map(Path::to_path_buf).unwrap_or(configured);
    folder::refuse_data(&root, lang)?;
    let s = session::open_at(cli, cfg, lang, &root, true)?;
    // A folder that cannot be written opens read-only and is not seeded.
    if let Some(why) = s.store.unwritable() {
        bail!("{}", i18n::unwritable(lang, why));
    }
    folder::require_data(&root, lang)?;
    let shown = std::fs::canonicalize(&root).unwrap_or(root);
    println!("{}", lang.fill(Msg::InitMade, &[&shown.display()]));
    Ok(ExitCode::SUCCESS)
}
