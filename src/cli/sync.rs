//! `samrad sync`: set a data folder up to sync through git, and sync it. What happened is
//! said on stdout; files kept twice or not sent are warnings; errors say what to do.

use std::process::ExitCode;

use anyhow::{Result, anyhow};

use super::args::{Cli, SyncSetup};
use super::session::{self, warn};
use crate::i18n::{self, Msg};
use crate::sync::{self, Options};

pub fn run(cli: &Cli, setup: Option<&SyncSetup>, clone: Option<&str>) -> Result<ExitCode> {
    let (cfg, lang, root) = session::settings(cli)?;
    let opts = Options {
        name: who(cli, &cfg),
        batch: false,
    };
    let (result, set_up) = match (setup, clone) {
        (
            Some(SyncSetup::Init {
                remote,
                clone: true,
            }),
            _,
        ) => (sync::clone(&root, remote, &opts), true),
        (None, Some(remote)) => (sync::clone(&root, remote, &opts), true),
        (Some(SyncSetup::Init { remote, .. }), _) => (sync::init(&root, remote, &opts), true),
        (None, None) => (sync::sync(&root, &opts), false),
    };
    let report = result.map_err(|e| anyhow!("{}", i18n::sync_error(lang, &e)))?;
    if set_up {
        println!(
            "{}",
            lang.fill(Msg::SyncSetUp, &[&root.display(), &report.remote])
        );
    }
    if report.joined {
        println!("{}", lang.fill(Msg::SyncJoined, &[&report.remote]));
    }
    for c in &report.conflicts {
        warn(lang, &i18n::sync_conflict(lang, c));
    }
    for path in &report.held_back {
        warn(lang, &lang.fill(Msg::SyncHeldBack, &[path]));
    }
    for path in &report.skipped {
        warn(lang, &lang.fill(Msg::SyncSkipped, &[path, &report.remote]));
    }
    println!(
        "{}",
        lang.fill(
            Msg::SyncDone,
            &[&report.remote, &report.sent_lines, &report.received_lines]
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// Who syncs, as samrad's commits name them: `--as`, the config's identity, the login.
pub fn who(cli: &Cli, cfg: &crate::config::Config) -> String {
    cli.as_name
        .clone()
        .or_else(|| cfg.identity.clone())
        .or_else(|| std::env::var("USER").ok())
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "samrad".to_string())
}
