//! `samrad demo-data`: a realistic synthetic archive, the same for the same seed.
//!
//! The archive goes on top of the template's forum (same parties, people and areas): years of
//! contact-group meetings, each prepared by the chair's process a week or so before (agenda,
//! documents), held on the day (attendance, positions per party with reasons, votes,
//! protokolltilførsler, inputs, speakers, conclusions, action items) by the chair's process
//! and one to three reps' processes, then circulated and approved party by party. Forum-wide
//! ops (action items and their follow-up, inputs to development areas, development area
//! status) come from one secretariat process per year.
//!
//! "The present" is the template's date, not the clock, so that a seed always gives the same
//! bytes: the newest meeting is planned, the few before it are closed or out for approval
//! (one past its deadline), the rest approved, a few of them in a second round.
//!
//! Minutes are made from a fold kept in memory while generating: a meeting's minutes are
//! written once every action item it can show has reached its final state, and the meeting
//! then leaves memory, so 10,000 meetings need no more memory than ten.

mod actions;
mod agenda;
mod approval;
mod case;
mod files;
mod fill;
mod generator;
mod held;
mod people;
mod schedule;
mod text;
mod time;

use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result, anyhow, bail};

use crate::model::{Author, Doc, Scope};
use crate::store::{Layout, Store, fold, seed};
use generator::Gen;
pub use generator::Stats;

/// About as many as fit at four a day on the weekdays since 1980.
pub const MAX_MEETINGS: usize = 40_000;

pub fn run(root: &Path, meetings: usize, seed: u64) -> Result<()> {
    let started = Instant::now();
    let stats = generate(root, meetings, seed)?;

    // The archive index now, so that the first `samrad --archive` or `samrad search` does
    // not have to fold every meeting.
    let (_, index) = crate::store::archive::Archive::open(&crate::store::Layout::new(root));
    if !index.written {
        eprintln!("samrad demo-data: warning: the archive index could not be written");
    }

    println!(
        "samrad demo-data: {} meetings ({} with the template's), {} items, {} ops, {} files ({:.1} MB) in {}, {:.1} s",
        stats.meetings,
        stats.meetings + 1,
        stats.items,
        stats.ops,
        stats.files,
        stats.bytes as f64 / 1e6,
        root.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Write the archive into `root` (created and seeded with the template when new). Refuses a
/// folder that holds anything but the template, so demo data never mixes with real minutes.
pub fn generate(root: &Path, meetings: usize, seed: u64) -> Result<Stats> {
    if meetings == 0 {
        bail!("demo-data needs at least one meeting: --meetings N");
    }
    if meetings > MAX_MEETINGS {
        bail!("demo-data writes at most {MAX_MEETINGS} meetings; asked for {meetings}");
    }
    refuse_foreign_folder(root)?;
    let layout = Store::open(root, Author::default())?.layout().clone();
    let template = template_doc()?;
    refuse_existing_data(&layout, &template)?;
    Gen::new(layout, template, meetings, seed)?.generate()
}

/// A folder that exists, has things in it and is not a samrad data folder is not ours to fill.
fn refuse_foreign_folder(root: &Path) -> Result<()> {
    if !root.exists() {
        return Ok(());
    }
    if !root.is_dir() {
        bail!("{} is not a folder", root.display());
    }
    let mut entries =
        std::fs::read_dir(root).with_context(|| format!("could not read {}", root.display()))?;
    if entries.next().is_some() && !Layout::new(root).log_root().is_dir() {
        bail!(
            "{} is not empty and is not a samrad data folder; demo data goes into a new or empty folder (--data-dir)",
            root.display()
        );
    }
    Ok(())
}

/// Only the template's own logs may be there: any other meeting, or any change made with
/// samrad, is someone's data.
fn refuse_existing_data(layout: &Layout, template: &Doc) -> Result<()> {
    let mut meetings = Vec::new();
    let mut others = Vec::new();
    for scope in layout.scopes() {
        if let Scope::Meeting(id) = &scope
            && template.meeting(id).is_none()
        {
            meetings.push(id.clone());
        }
        for path in layout.log_files(&scope) {
            if path.file_stem().is_none_or(|s| s != seed::TEMPLATE_WRITER) {
                others.push(path);
            }
        }
    }
    let root = layout.root().display();
    if let Some(first) = meetings.first() {
        bail!(
            "{root} already holds {} meeting(s) besides the template's (e.g. {first}); demo data is only written into a new folder or one with nothing but the template, so that it never mixes with real minutes. Give another folder with --data-dir.",
            meetings.len()
        );
    }
    if let Some(first) = others.first() {
        bail!(
            "{root} already holds changes made with samrad (e.g. {}); demo data is only written into a new folder or one with nothing but the template. Give another folder with --data-dir.",
            first.display()
        );
    }
    Ok(())
}

/// The template folded: the forum, its first meeting and its actions.
fn template_doc() -> Result<Doc> {
    let groups = seed::template_ops().map_err(|e| anyhow!("the built-in template: {e}"))?;
    Ok(fold::fold(
        groups.into_iter().flat_map(|(_, ops)| ops).collect(),
    ))
}
