//! `samrad export MEETING --format noark5 -o DIR` and `samrad export --all --format noark5
//! -o DIR [--year Y | --since D --until D]`: a Noark 5 folder for the archive, made by
//! `export::noark5`. One meeting's PDFs lie beside its arkivstruktur.xml; with `--all`,
//! each meeting's lie in a folder of its own (named by its id). A folder that holds other
//! files is never written into, unless it is an earlier samrad noark5 export: then the
//! files that export named and this one does not are removed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, anyhow, bail};
use chrono::NaiveDate;

use super::args::Cli;
use super::filter::parse_day;
use super::session::{self, Session, today};
use crate::export::Format;
use crate::export::noark5::{
    ARKIVSTRUKTUR, Extract, MeetingRecord, extract_files, meeting_files, meeting_folder,
    previous_files,
};
use crate::i18n::{Lang, Msg};
use crate::model::Minutes;

/// The period `--all` covers, as typed.
pub struct Period<'a> {
    pub since: Option<&'a str>,
    pub until: Option<&'a str>,
    pub year: Option<i32>,
}

impl Period<'_> {
    /// First and last day, each if given.
    fn days(&self, lang: Lang) -> Result<(Option<NaiveDate>, Option<NaiveDate>)> {
        if let Some(y) = self.year {
            let first = NaiveDate::from_ymd_opt(y, 1, 1);
            let last = NaiveDate::from_ymd_opt(y, 12, 31);
            return match (first, last) {
                (Some(a), Some(b)) => Ok((Some(a), Some(b))),
                _ => bail!("--year {y}"),
            };
        }
        let day = |s: Option<&str>, flag| {
            s.map(|s| parse_day(s, flag, lang))
                .transpose()
                .map_err(|e| anyhow!("{e}"))
        };
        Ok((day(self.since, "since")?, day(self.until, "until")?))
    }
}

/// `export MEETING --format noark5 -o DIR`.
pub fn one(
    cli: &Cli,
    meeting: &str,
    output: Option<&Path>,
    one_document: bool,
) -> Result<ExitCode> {
    let lang = session::language(cli);
    if one_document {
        bail!("{}", lang.t(Msg::Noark5WholeMeeting));
    }
    let dir = target(output, lang)?;
    let previous = check_target(&dir, lang)?;
    let mut s = session::open_existing(cli)?;
    let (minutes, doubts) = s.minutes(meeting)?;
    let day = minutes.meeting.day();
    write_extract(
        &s,
        &dir,
        vec![(minutes, doubts)],
        day.zip(day),
        previous,
        false,
    )
}

/// `export --all --format noark5 -o DIR`, for a year or from a day to a day.
pub fn all(cli: &Cli, format: Format, output: Option<&Path>, period: Period) -> Result<ExitCode> {
    let lang = session::language(cli);
    if format != Format::Noark5 {
        bail!("{}", lang.t(Msg::Noark5AllOnly));
    }
    let (since, until) = period.days(lang)?;
    let dir = target(output, lang)?;
    let previous = check_target(&dir, lang)?;
    let mut s = session::open_existing(cli)?;
    let mut rows: Vec<(String, String)> = s
        .archive
        .meetings
        .iter()
        .filter(|m| {
            let day = NaiveDate::parse_from_str(m.date(), "%Y-%m-%d").ok();
            since.is_none_or(|a| day.is_some_and(|d| d >= a))
                && until.is_none_or(|b| day.is_some_and(|d| d <= b))
        })
        .map(|m| (m.starts_at.clone(), m.id.clone()))
        .collect();
    rows.sort();
    if rows.is_empty() {
        bail!("{}", lang.t(Msg::Noark5NoMeetings));
    }
    let mut meetings = Vec::with_capacity(rows.len());
    for (_, id) in &rows {
        meetings.push(s.minutes(id)?);
    }
    let first = meetings.first().and_then(|(m, _)| m.meeting.day());
    let last = meetings.last().and_then(|(m, _)| m.meeting.day());
    let span = since.or(first).zip(until.or(last));
    write_extract(&s, &dir, meetings, span, previous, true)
}

/// The folder `-o` names, or an error saying it must be given.
fn target(output: Option<&Path>, lang: Lang) -> Result<PathBuf> {
    output
        .map(Path::to_path_buf)
        .ok_or_else(|| anyhow!("{}", lang.t(Msg::Noark5NeedsDir)))
}

/// That `dir` may be written: absent, empty, or an earlier samrad noark5 export (whose
/// files are returned). Anything else is refused before anything is read or written.
fn check_target(dir: &Path, lang: Lang) -> Result<Vec<String>> {
    let entries = match std::fs::read_dir(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(_) if dir.exists() && !dir.is_dir() => {
            bail!("{}", lang.fill(Msg::Noark5NotAFolder, &[&dir.display()]))
        }
        Err(e) => bail!("{}: {e}", lang.fill(Msg::CouldNotWrite, &[&dir.display()])),
        Ok(entries) => entries,
    };
    if entries.count() == 0 {
        return Ok(Vec::new());
    }
    let xml = dir.join(ARKIVSTRUKTUR);
    let previous = std::fs::metadata(&xml)
        .ok()
        .filter(|m| m.is_file() && m.len() < 256 << 20)
        .and_then(|_| std::fs::read_to_string(&xml).ok())
        .and_then(|text| previous_files(&text));
    previous.ok_or_else(|| anyhow!("{}", lang.fill(Msg::Noark5NotOurs, &[&dir.display()])))
}

/// Make every meeting's files and the metadata, write them into `dir` (the PDFs first,
/// arkivstruktur.xml last, each atomically), remove what an earlier export there named
/// and this one does not, and say what was written.
fn write_extract(
    s: &Session,
    dir: &Path,
    meetings: Vec<(Minutes, Vec<String>)>,
    period: Option<(NaiveDate, NaiveDate)>,
    previous: Vec<String>,
    folder_each: bool,
) -> Result<ExitCode> {
    let lang = s.lang;
    let failed = |e: crate::export::ExportError| anyhow!("{}", e.words(lang));
    let mut records = Vec::with_capacity(meetings.len());
    for (minutes, doubts) in &meetings {
        if !doubts.is_empty() {
            session::warn(lang, &lang.fill(Msg::Noark5Marked, &[&minutes.meeting.id]));
        }
        let folder = if folder_each {
            meeting_folder(minutes)
        } else {
            String::new()
        };
        let files = meeting_files(minutes, doubts, lang, today(), &folder).map_err(failed)?;
        records.push(MeetingRecord {
            minutes,
            doubts: doubts.clone(),
            files,
        });
    }
    let documents: usize = records
        .iter()
        .map(|r| r.files.iter().filter(|f| !f.public).count())
        .sum();
    let count = records.len();
    let x = Extract {
        forum: &s.doc.forum,
        lang,
        made: chrono::Local::now().fixed_offset(),
        period,
        meetings: records,
    };
    let files = extract_files(x);
    let could_not = |path: &Path, e: std::io::Error| {
        anyhow!("{}: {e}", lang.fill(Msg::CouldNotWrite, &[&path.display()]))
    };
    for (name, bytes) in &files {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            crate::store::perms::create_dir_all(parent).map_err(|e| could_not(parent, e))?;
        }
        crate::store::atomic::write_atomic(&path, bytes).map_err(|e| could_not(&path, e))?;
    }
    for old in previous
        .iter()
        .filter(|old| !files.iter().any(|(name, _)| name == *old))
    {
        let path = dir.join(old);
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
            std::fs::remove_file(&path).map_err(|e| could_not(&path, e))?;
            // A meeting's folder that is now empty goes too (fails, and stays, otherwise).
            if let Some(parent) = path.parent().filter(|p| *p != dir) {
                let _ = std::fs::remove_dir(parent);
            }
        }
    }
    println!(
        "{}",
        lang.fill(Msg::Noark5Wrote, &[&count, &documents, &dir.display()])
    );
    Ok(ExitCode::SUCCESS)
}
