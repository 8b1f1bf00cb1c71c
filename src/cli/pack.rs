//! `samrad pack`: the logs of each quiet meeting packed into one file (`store::pack`), so
//! that an archive of thousands of meetings is not mostly the unused ends of small files.

use std::collections::HashSet;
use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::args::Cli;
use super::session;
use crate::i18n::{self, Lang, Msg};
use crate::store::archive::Part;
use crate::store::packing::{self, Packed};
use crate::store::{Layout, par};

pub fn run(cli: &Cli, days: u32) -> Result<ExitCode> {
    let (_, lang, root) = session::existing_folder(cli)?;
    let layout = Layout::new(&root);
    // Probed in the forum's folder, as every open does: a file made and removed in `log/`
    // would move its mtime, and the next commands would list it to see what changed.
    let forum = layout.scope_dir(&crate::model::Scope::Forum);
    if let Err(e) = crate::store::atomic::probe_dir(&forum) {
        bail!("{}", lang.fill(Msg::ErrIo, &[&forum.display(), &e]));
    }
    let now = session::assumed_now(lang)
        .map(|t| t.timestamp_millis())
        .unwrap_or(0)
        .max(chrono::Utc::now().timestamp_millis());
    let quiet = i64::from(days) * 24 * 60 * 60 * 1000;
    // Only meetings held before the quiet time began: one planned, or held lately, is still
    // being written in however quiet its logs are (the archive index has their dates).
    let held_before: HashSet<String> = {
        let s = session::open_reading(cli, Part::Meetings, true)?;
        s.archive
            .meetings
            .iter()
            .filter(|m| {
                chrono::DateTime::parse_from_rfc3339(&m.starts_at)
                    .is_ok_and(|t| t.timestamp_millis() <= now.saturating_sub(quiet))
            })
            .map(|m| m.id.to_string())
            .collect()
    };
    let mut tally = Tally::default();
    let (meetings, recent): (Vec<String>, Vec<String>) = layout
        .meeting_ids()
        .into_iter()
        .partition(|m| held_before.contains(m));
    tally.recent = recent.len();
    let results = par::map(
        &meetings,
        par::cores(),
        |m| packing::pack_meeting(&layout, m, now, quiet).map_err(|e| e.to_string()),
        |_| Err("packing failed".to_string()),
    );
    let mut failed = false;
    for (meeting, result) in meetings.iter().zip(results) {
        match result {
            Ok(Packed::Done {
                files,
                before,
                after,
            }) => {
                tally.packed += 1;
                tally.files += files;
                tally.before += before;
                tally.after += after;
            }
            Ok(Packed::Already) => tally.already += 1,
            Ok(Packed::Recent) => tally.recent += 1,
            Ok(Packed::Live) => tally.live += 1,
            Ok(Packed::Unsettled(file)) => {
                eprintln!("{}", lang.fill(Msg::PackUnsettled, &[meeting, &file]));
            }
            Err(e) => {
                failed = true;
                eprintln!("{}", lang.fill(Msg::PackFailed, &[meeting, &e]));
            }
        }
    }
    tally.print(&mut std::io::stdout().lock(), lang, days)?;
    // The archive index sees every packed folder as changed: brought up to date now, not
    // by the next command. Not at once: a folder marked within the file system's clock
    // tick of its last change would be looked at file by file by every command after.
    if tally.packed > 0 {
        std::thread::sleep(crate::store::archive::RACY);
        session::open_reading(cli, Part::Meetings, true)?;
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

#[derive(Default)]
struct Tally {
    packed: usize,
    files: usize,
    before: u64,
    after: u64,
    already: usize,
    recent: usize,
    live: usize,
}

impl Tally {
    fn print(&self, out: &mut impl Write, lang: Lang, days: u32) -> std::io::Result<()> {
        if self.packed == 0 {
            writeln!(out, "{}", lang.t(Msg::PackNothing))?;
        } else {
            writeln!(
                out,
                "{}",
                lang.fill(
                    Msg::PackDone,
                    &[
                        &self.packed,
                        &self.files,
                        &i18n::size(lang, self.before),
                        &i18n::size(lang, self.after),
                    ],
                )
            )?;
        }
        if self.already > 0 {
            writeln!(out, "{}", lang.fill(Msg::PackAlready, &[&self.already]))?;
        }
        if self.recent > 0 {
            writeln!(
                out,
                "{}",
                lang.fill(Msg::PackRecent, &[&self.recent, &days])
            )?;
        }
        if self.live > 0 {
            writeln!(out, "{}", lang.fill(Msg::PackLive, &[&self.live]))?;
        }
        Ok(())
    }
}
