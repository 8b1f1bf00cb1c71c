//! The commands that read: list, show, export, search, actions. They write nothing into
//! the data folder but the derived minutes files and index.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, anyhow, bail};

use super::args::Cli;
use super::filter::FilterArgs;
use super::session::today;
use super::session::{self, Session};
use crate::export::safe_text::{json_printable, one_line};
use crate::export::{self, ExportOptions, Format};
use crate::i18n::{self, Lang, Msg};
use crate::model::{Action as Task, Minutes};
use crate::search;
use crate::search::Filter;
use crate::store::archive::{Archive, Field, MeetingRow, NONE, Part, WordDoc, Words, WordsView};
use crate::store::layout::Layout;

pub fn list(cli: &Cli, filter: &FilterArgs) -> Result<ExitCode> {
    let checked = filter.check(session::language(cli))?;
    let part = if filter.on_items() {
        Part::Items
    } else {
        Part::Meetings
    };
    let s = session::open_reading(cli, part, true)?;
    let lang = s.lang;
    let f = filter.in_forum(checked, &s.doc.forum, lang)?;
    let a = &s.archive;
    let shown: Vec<&MeetingRow> = search::filtered_meetings(a, &f)
        .iter()
        .filter_map(|&i| a.meetings.get(i))
        .collect();
    let status = |m: &&MeetingRow| i18n::archive_status(lang, &s.doc.forum, m, today());
    let columns: [Column<&MeetingRow>; 6] = [
        (Msg::ColDate, &|m| m.date().to_string()),
        (Msg::ColStatus, &status),
        (Msg::ColItems, &|m| m.items.to_string()),
        (Msg::ColOpenActions, &|m| m.open_actions.to_string()),
        (Msg::ColTitle, &|m| m.title.clone()),
        (Msg::ColId, &|m| m.id.clone()),
    ];
    let none = if a.meetings.is_empty() {
        Msg::NoMeetings
    } else {
        Msg::NoMeetingsMatch
    };
    print_table(lang, &columns, &shown, none)
}

/// Open the folder, find `meeting` and its minutes, and hand them with the export options
/// to `render`, which makes the bytes (or says why it cannot).
fn render_meeting(
    cli: &Cli,
    meeting: &str,
    include_confidential: bool,
    render: impl FnOnce(&Minutes, &ExportOptions) -> Result<Vec<u8>>,
) -> Result<(Vec<u8>, Lang)> {
    let mut s = session::open_reading(cli, Part::Meetings, true)?;
    let lang = s.lang;
    let (minutes, doubts) = s.minutes(meeting)?;
    let opts = ExportOptions {
        lang,
        include_confidential,
        today: today(),
        doubts,
    };
    Ok((render(&minutes, &opts)?, lang))
}

pub fn show(cli: &Cli, meeting: &str, include_confidential: bool) -> Result<ExitCode> {
    let (bytes, _) = render_meeting(cli, meeting, include_confidential, |m, opts| {
        export::export(m, Format::Text, opts).map_err(|e| anyhow!("{}", e.words(opts.lang)))
    })?;
    std::io::stdout().write_all(&bytes)?;
    Ok(ExitCode::SUCCESS)
}

pub fn export(
    cli: &Cli,
    meeting: &str,
    format: Format,
    output: Option<&Path>,
    include_confidential: bool,
) -> Result<ExitCode> {
    let (bytes, lang) = render_meeting(cli, meeting, include_confidential, |m, opts| {
        export::export(m, format, opts).map_err(|e| anyhow!("{}", e.words(opts.lang)))
    })?;
    write_out(&bytes, output, lang)
}

/// `export --innkalling`: the meeting's notice.
pub fn export_notice(
    cli: &Cli,
    meeting: &str,
    format: Format,
    output: Option<&Path>,
    include_confidential: bool,
) -> Result<ExitCode> {
    let (bytes, lang) = render_meeting(cli, meeting, include_confidential, |m, opts| {
        export::export_notice(m, format, opts).map_err(|e| match e {
            export::ExportError::NotInFormat(_) => anyhow!("{}", opts.lang.t(Msg::NoticeFormats)),
            e => anyhow!("{}", e.words(opts.lang)),
        })
    })?;
    write_out(&bytes, output, lang)
}

/// `export --protokoll ITEM`: the protokoll of one forhandling item (by id or number).
pub fn export_protocol(
    cli: &Cli,
    meeting: &str,
    item: &str,
    format: Format,
    output: Option<&Path>,
    include_confidential: bool,
) -> Result<ExitCode> {
    let wanted = item.trim();
    let (bytes, lang) = render_meeting(cli, meeting, include_confidential, |m, opts| {
        let id = protocol_key(m, wanted, opts.lang)?;
        export::export_protocol(m, &id, format, opts).map_err(|e| match e {
            export::ExportError::NoSuchProtocol(_) => {
                anyhow!("{}", opts.lang.fill(Msg::NoSuchProtocol, &[&wanted]))
            }
            e => anyhow!("{}", e.words(opts.lang)),
        })
    })?;
    write_out(&bytes, output, lang)
}

/// `export --signatures DIR [--protokoll ITEM]`: the approvals of a meeting, or the
/// signatures on a protokoll, checkable without samrad.
pub fn signatures(
    cli: &Cli,
    meeting: &str,
    protocol: Option<&str>,
    dir: &Path,
) -> Result<ExitCode> {
    use crate::export::signatures::{SignaturesError, approval_files, protocol_files};
    use crate::store::keys::{APPROVAL_NAMESPACE, PROTOCOL_NAMESPACE};
    let mut s = session::open_existing(cli)?;
    let lang = s.lang;
    let (minutes, doubts) = s.minutes(meeting)?;
    for d in &doubts {
        session::warn(lang, d);
    }
    let (files, namespace) = match protocol {
        Some(wanted) => {
            let key = protocol_key(&minutes, wanted, lang)?;
            (protocol_files(&minutes, &key), PROTOCOL_NAMESPACE)
        }
        None => (approval_files(&minutes), APPROVAL_NAMESPACE),
    };
    let files = files.map_err(|e| match e {
        SignaturesError::NotCirculated => anyhow!("{}", lang.t(Msg::SignaturesNotCirculated)),
        SignaturesError::ContentChanged { now, approved } => {
            anyhow!("{}", lang.fill(Msg::SignaturesChanged, &[&now, &approved]))
        }
        SignaturesError::NoSignedApprovals => anyhow!("{}", lang.t(Msg::SignaturesNone)),
        SignaturesError::NoSignedProtocol => anyhow!("{}", lang.t(Msg::SignaturesNoneProtocol)),
    })?;
    crate::store::perms::create_dir_all(dir)
        .map_err(|e| anyhow!("{}: {e}", lang.fill(Msg::CouldNotWrite, &[&dir.display()])))?;
    let shown = dir.display().to_string();
    for (name, bytes) in &files {
        let path = dir.join(name);
        crate::store::atomic::write_atomic(&path, bytes)
            .map_err(|e| anyhow!("{}: {e}", lang.fill(Msg::CouldNotWrite, &[&path.display()])))?;
        if let Some(person) = name.strip_suffix(".sig") {
            println!(
                "{}",
                crate::export::signatures::check_command(&shown, person, namespace)
            );
        }
    }
    eprintln!("{} {shown}", lang.t(Msg::Wrote));
    Ok(if doubts.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The protokoll that holds forhandling item `wanted` (its id, or its number: 85/26 or 85).
fn protocol_key(minutes: &Minutes, wanted: &str, lang: Lang) -> Result<String> {
    let wanted = wanted.trim();
    minutes
        .meeting
        .negotiation_items()
        .find(|i| {
            i.id == wanted || i.number.to_string() == wanted || i.number.n.to_string() == wanted
        })
        .and_then(|i| minutes.meeting.protocol_key_of(&i.id))
        .map(str::to_string)
        .ok_or_else(|| anyhow!("{}", lang.fill(Msg::NoSuchProtocol, &[&wanted])))
}

pub fn search(cli: &Cli, query: &str, filter: &FilterArgs, json: bool) -> Result<ExitCode> {
    let lang = session::language(cli);
    let checked = filter.check(lang)?;
    if search::query_words(query).is_empty() {
        bail!(
            "{}",
            lang.fill(Msg::NothingToSearch, &[&format!("{query:?}")])
        );
    }
    // The word index on disk answers a search with no filter but `--include-confidential`,
    // when it is as fresh as the archive would be; anything else opens the archive.
    let public = checked.public;
    if !filter.names_forum()
        && (Filter {
            public: false,
            ..checked.clone()
        })
        .is_empty()
    {
        let (_, _, root) = session::existing_folder(cli)?;
        if let Some(words) = Words::open(&Layout::new(&root))
            && let Some(view) = words.view()
        {
            return search_words(&view, query, public, json, lang);
        }
    }
    let Session {
        store,
        doc,
        archive: mut a,
        ..
    } = session::open_existing(cli)?;
    let f = filter.in_forum(checked, &doc.forum, lang)?;
    a.load_text(store.root()).map_err(|e| {
        let dir = store.layout().index_dir();
        anyhow!(
            "{}: {e}",
            lang.fill(Msg::SearchIndexUnreadable, &[&dir.display()])
        )
    })?;
    let hits = search::scan(&a, query, &f);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for &h in &hits {
        let Some(d) = a.docs.get(h as usize) else {
            continue;
        };
        let row = a.meetings.get(d.meeting as usize);
        let (item, field) = search::doc_place(&a, d);
        let party = a.party_id(d.party).unwrap_or("");
        let hit = Hit {
            meeting: row.map(|m| (m.id.as_str(), m.date(), m.title.as_str())),
            item,
            field,
            party,
            short: doc.forum.party_short(party),
            text: &a.doc_text(d),
        };
        hit.print(&mut out, query, json, lang)?;
    }
    out.flush()?;
    if !json {
        eprintln!("{}: {}", lang.t(Msg::HitsTitle), hits.len());
    }
    Ok(ExitCode::SUCCESS)
}

/// `search` from the word index on disk: the same lines as from the archive.
fn search_words(
    words: &WordsView,
    query: &str,
    public: bool,
    json: bool,
    lang: Lang,
) -> Result<ExitCode> {
    let found = search::scan_words(words, query, public);
    let hits: Vec<WordDoc> = words.docs(&found).into_iter().flatten().collect();
    let texts = words.texts(&hits);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (d, text) in hits.iter().zip(&texts) {
        let item = (d.item != NONE)
            .then(|| words.item_number(d.item).map(str::to_string))
            .flatten();
        let (party, short) = words.party(d.party).unwrap_or(("", ""));
        let hit = Hit {
            meeting: words.meeting(d.meeting),
            item,
            field: d.field,
            party,
            short,
            text,
        };
        hit.print(&mut out, query, json, lang)?;
    }
    out.flush()?;
    if !json {
        eprintln!("{}: {}", lang.t(Msg::HitsTitle), hits.len());
    }
    Ok(ExitCode::SUCCESS)
}

/// One line of `search`'s output.
struct Hit<'a> {
    /// Id, date and title.
    meeting: Option<(&'a str, &'a str, &'a str)>,
    item: Option<String>,
    field: Field,
    /// Id and short name of who wrote it; empty when nobody.
    party: &'a str,
    short: &'a str,
    text: &'a str,
}

impl Hit<'_> {
    fn print(&self, out: &mut impl Write, query: &str, json: bool, lang: Lang) -> Result<()> {
        let (before, hit, after) = search::snippet(self.text, query, 70);
        let party = self.party;
        if json {
            let line = serde_json::json!({
                "meeting": self.meeting.map(|m| m.0),
                "date": self.meeting.map(|m| m.1),
                "title": self.meeting.map(|m| m.2),
                "item": self.item,
                "field": self.field.key(),
                "party": (!party.is_empty()).then_some(party),
                "snippet": format!("{before}{hit}{after}"),
                "text": self.text,
            });
            writeln!(out, "{}", json_printable(&line.to_string()))?;
            return Ok(());
        }
        let place = match (self.meeting, &self.item) {
            (Some(m), Some(i)) => {
                format!("{} {} {}", m.1, lang.t(Msg::Item).to_lowercase(), i)
            }
            (Some(m), None) => m.1.to_string(),
            (None, _) => "-".to_string(),
        };
        let who = if party.is_empty() {
            String::new()
        } else {
            format!(" ({})", self.short)
        };
        let line = format!(
            "{place}  {}{who}  {before}{hit}{after}",
            i18n::search_field(lang, self.field)
        );
        writeln!(out, "{}", one_line(&line))?;
        Ok(())
    }
}

pub fn actions(cli: &Cli, open: bool, include_confidential: bool) -> Result<ExitCode> {
    let s = session::open_reading(cli, Part::Items, true)?;
    let lang = s.lang;
    // The index's action rows when the index holds the forum (its logs read cleanly, and
    // the index is fresh): no fold of the forum. Else the forum was folded, and its
    // problems said.
    let from_rows: Vec<Task>;
    let all: &[Task] = if s.archive.forum.is_some() {
        from_rows = s.archive.actions.iter().map(|r| r.action()).collect();
        &from_rows
    } else {
        &s.doc.actions
    };
    // Each action names its meeting by id: looked up once each, not by a walk of them all.
    let meetings: HashMap<&str, usize> = s
        .archive
        .meetings
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let place = |t: &Task| {
        t.meeting
            .as_deref()
            .and_then(|id| meetings.get(id).copied())
    };
    let shown: Vec<&Task> = all
        .iter()
        .filter(|t| !open || t.status.is_open())
        .filter(|t| include_confidential || !from_exempt_item(&s.archive, place(t), t))
        .collect();
    let owner = |t: &&Task| i18n::owner(lang, &s.doc.forum, &t.owner);
    let due = |t: &&Task| {
        let day = t.due.map(|d| i18n::short_date(lang, d));
        let mut due = day.unwrap_or_else(|| "-".into());
        if t.is_overdue(today()) {
            due.push_str(&format!(" {}", lang.t(Msg::Overdue)));
        }
        due
    };
    let origin = |t: &&Task| action_origin(lang, &s.archive, place(t), t);
    let columns: [Column<&Task>; 6] = [
        (Msg::ColStatus, &|t| {
            i18n::action_status(lang, t.status).to_string()
        }),
        (Msg::Owner, &owner),
        (Msg::Due, &due),
        (Msg::ColMeeting, &origin),
        (Msg::ColAction, &|t| t.title.clone()),
        (Msg::ColId, &|t| t.id.clone()),
    ];
    print_table(lang, &columns, &shown, Msg::NoActions)
}

/// Whether an action comes from an item unntatt offentlighet: the public version leaves
/// it out, as the minutes do (`export::visible_actions`).
fn from_exempt_item(a: &Archive, m: Option<usize>, t: &Task) -> bool {
    t.item
        .as_deref()
        .zip(m)
        .and_then(|(i, m)| a.items_of(m).iter().find(|row| row.id == i))
        .is_some_and(|row| row.confidential)
}

/// Where an action came from (its meeting `m` in the archive): "2026-12-08 sak 3/26", the
/// date alone, or "-".
fn action_origin(lang: Lang, a: &Archive, m: Option<usize>, t: &Task) -> String {
    let item = t
        .item
        .as_deref()
        .zip(m)
        .and_then(|(i, m)| a.items_of(m).iter().find(|row| row.id == i));
    match (m.and_then(|m| a.meetings.get(m)), item) {
        (Some(m), Some(i)) => format!(
            "{} {} {}",
            m.date(),
            lang.t(Msg::Item).to_lowercase(),
            i.number
        ),
        (Some(m), None) => m.date().to_string(),
        _ => "-".into(),
    }
}

/// A column: its heading, and its cell in a row.
type Column<'a, T> = (Msg, &'a dyn Fn(&T) -> String);

/// Rows under their column headings on standard output, or `none` when there are none.
fn print_table<T>(lang: Lang, columns: &[Column<T>], rows: &[T], none: Msg) -> Result<ExitCode> {
    // Standard output writes each line as it comes; ten thousand rows are one write here.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if rows.is_empty() {
        writeln!(out, "{}", lang.t(none))?;
        return Ok(ExitCode::SUCCESS);
    }
    let header: Vec<String> = columns
        .iter()
        .map(|(m, _)| lang.t(*m).to_string())
        .collect();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            columns
                .iter()
                .map(|(_, cell)| one_line(&cell(r)).into_owned())
                .collect()
        })
        .collect();
    write_table(&mut out, &header, &cells)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Columns padded to their widest cell, two spaces apart; the last column is not padded.
fn write_table(
    out: &mut impl Write,
    header: &[String],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    let n = header.len();
    let width = |i: usize| {
        rows.iter()
            .map(|r| r[i].chars().count())
            .chain([header[i].chars().count()])
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..n).map(width).collect();
    for row in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i + 1 == n {
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&" ".repeat(widths[i] - cell.chars().count() + 2));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// An export's bytes to `output` (atomically), or to standard output.
fn write_out(bytes: &[u8], output: Option<&Path>, lang: crate::i18n::Lang) -> Result<ExitCode> {
    match output {
        Some(path) => {
            crate::store::atomic::write_atomic(path, bytes).map_err(|e| {
                anyhow!("{}: {e}", lang.fill(Msg::CouldNotWrite, &[&path.display()]))
            })?;
            eprintln!("{} {}", lang.t(Msg::Wrote), path.display());
        }
        None => {
            use std::io::IsTerminal;
            let binary = bytes.starts_with(b"%PDF-");
            if binary && std::io::stdout().is_terminal() {
                return Err(anyhow!("{}", lang.t(Msg::PdfNeedsOutput)));
            }
            std::io::stdout().write_all(bytes)?
        }
    }
    Ok(ExitCode::SUCCESS)
}
