//! The `samrad` command line.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow, bail};
use clap::{Parser, Subcommand};

use crate::config;
use crate::export::{self, ExportOptions, Format};
use crate::i18n::{self, Lang, Msg};
use crate::model::{Author, Doc, Meeting};
use crate::store::{Load, Store};

#[derive(Debug, Parser)]
#[command(
    name = "samrad",
    version,
    about = "Co-determination meetings in the terminal: agenda, positions, votes, statements for the record, actions and minutes."
)]
pub struct Cli {
    /// The data folder (default: the user's data folder). Point it at a shared or synced folder.
    #[arg(long, global = true, env = "SAMRAD_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Language: nb (Norwegian bokmål) or en (English). Default: the config, then LANG.
    #[arg(long, global = true, value_parser = parse_lang, value_name = "nb|en")]
    pub lang: Option<Lang>,
    /// Who is writing: a person's id or name from the forum, or any name.
    #[arg(long = "as", global = true, value_name = "NAME")]
    pub as_name: Option<String>,
    /// Let the mouse scroll the panes (it takes over text selection in the terminal).
    #[arg(long, global = true)]
    pub mouse: bool,
    /// Start in the archive: every meeting, filters and search.
    #[arg(long)]
    pub archive: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the meetings: date, status, items, open actions, title and id.
    List,
    /// Print a meeting's minutes as plain text, in reading order.
    Show {
        /// A meeting id, a date (yyyy-mm-dd) or `latest`.
        meeting: String,
    },
    /// Write a meeting's minutes as JSON or Markdown.
    Export {
        /// A meeting id, a date (yyyy-mm-dd) or `latest`.
        meeting: String,
        #[arg(long, value_enum, default_value = "md")]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Keep items marked confidential (unntatt offentlighet).
        #[arg(long)]
        include_confidential: bool,
    },
    /// The action list across meetings.
    Actions {
        /// Only actions still to be done.
        #[arg(long)]
        open: bool,
    },
    /// Check that approved minutes are unchanged since they were approved, and that no
    /// log has been altered. Exits with 1 if anything changed.
    Verify {
        /// A meeting id, a date (yyyy-mm-dd) or `latest`.
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        meeting: Option<String>,
        /// Every meeting, and the forum's logs.
        #[arg(long)]
        all: bool,
    },
    /// Search every meeting: titles, notes, positions, statements, conclusions, inputs and
    /// action items, ignoring case. One line per hit: meeting, item, field, snippet.
    Search {
        /// The words to find (all of them, in any field).
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// Only what this party wrote or said (id or short name, e.g. ntl).
        #[arg(long)]
        party: Option<String>,
        /// Only items, inputs and actions linked to this development area (id or number).
        #[arg(long)]
        area: Option<String>,
        /// Only meetings on or after this date.
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// Only meetings on or before this date.
        #[arg(long, value_name = "DATE")]
        until: Option<String>,
        /// One JSON object per hit, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Write a realistic synthetic archive into the data folder, for trying samrad and for
    /// benchmarks. The same seed gives the same archive.
    DemoData {
        #[arg(long, default_value_t = 50)]
        meetings: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language {s:?}; use nb or en"))
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match run_cli(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("samrad: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Everything a command needs: settings, the opened store and the folded data.
struct Session {
    lang: Lang,
    store: Store,
    doc: Doc,
    mouse: bool,
    /// Whether `--as` or the config said who the user is.
    identity_known: bool,
}

/// The settings and data folder a command runs with, before anything is opened.
fn settings(cli: &Cli) -> Result<(config::Config, Lang, PathBuf)> {
    let config_path = config::default_config_path();
    let (cfg, warning) = config::load(config_path.as_deref());
    if let Some(w) = warning {
        eprintln!("samrad: warning: {w}");
    }
    let lang = config::choose_lang(cli.lang, &cfg, std::env::var("LANG").ok().as_deref());
    let root = match &cli.data_dir {
        Some(d) => d.clone(),
        None => config::default_data_dir().ok_or_else(|| {
            anyhow!("could not find a home folder for the data; give one with --data-dir DIR")
        })?,
    };
    Ok((cfg, lang, root))
}

fn open(cli: &Cli) -> Result<Session> {
    let (cfg, lang, root) = settings(cli)?;
    let mut store = Store::open(&root, Author::default())?;
    let doc = store.load(&Load::All);
    let author = resolve_author(cli.as_name.as_deref().or(cfg.identity.as_deref()), &doc);
    store.set_author(author);
    for m in &doc.meetings {
        if let Err(e) = store.materialize(&doc, &m.id) {
            eprintln!("samrad: warning: {e}");
        }
    }
    for p in &store.problems {
        eprintln!("samrad: warning: {p}");
    }
    if let Some(why) = store.read_only() {
        eprintln!("samrad: read-only: {why}");
    }
    Ok(Session {
        lang,
        store,
        doc,
        mouse: cli.mouse || cfg.mouse,
        identity_known: cli.as_name.is_some() || cfg.identity.is_some(),
    })
}

/// Match `--as` against the forum's people (id or name, ignoring case); any other text is
/// taken as a name without a party.
pub fn resolve_author(name: Option<&str>, doc: &Doc) -> Author {
    let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) else {
        let user = std::env::var("USER")
            .or_else(|_| std::env::var("LOGNAME"))
            .unwrap_or_else(|_| "?".into());
        return Author {
            name: user,
            person: None,
            party: None,
        };
    };
    match doc
        .forum
        .people
        .iter()
        .find(|p| p.id == name || p.name.eq_ignore_ascii_case(name))
    {
        Some(p) => Author {
            name: p.name.clone(),
            person: Some(p.id.clone()),
            party: p.party.clone(),
        },
        None => Author {
            name: name.to_string(),
            person: None,
            party: None,
        },
    }
}

/// A meeting by id, date (yyyy-mm-dd) or `latest`.
pub fn find_meeting<'a>(doc: &'a Doc, key: &str, lang: Lang) -> Result<&'a Meeting> {
    let key = key.trim();
    if key.eq_ignore_ascii_case("latest") || key.eq_ignore_ascii_case("siste") {
        return doc
            .meetings
            .iter()
            .max_by(|a, b| a.starts_at.cmp(&b.starts_at).then_with(|| a.id.cmp(&b.id)))
            .ok_or_else(|| anyhow!("{}", lang.t(Msg::NoMeetings)));
    }
    if let Some(m) = doc.meeting(key) {
        return Ok(m);
    }
    let on_date: Vec<&Meeting> = doc.meetings.iter().filter(|m| m.date() == key).collect();
    match on_date.as_slice() {
        [one] => Ok(one),
        [] => bail!(
            "{} {key:?}. {}",
            lang.t(Msg::UnknownMeeting),
            lang.t(Msg::ListHint)
        ),
        many => {
            let ids: Vec<&str> = many.iter().map(|m| m.id.as_str()).collect();
            bail!(
                "{} ({key}): {}",
                lang.t(Msg::SeveralMeetings),
                ids.join(", ")
            )
        }
    }
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

fn run_cli(cli: Cli) -> Result<ExitCode> {
    match &cli.command {
        Some(Command::Verify { meeting, all }) => {
            let (_, lang, root) = settings(&cli)?;
            return crate::verify::run(&root, lang, meeting.as_deref().filter(|_| !all));
        }
        Some(Command::DemoData { meetings, seed }) => {
            let (_, _, root) = settings(&cli)?;
            crate::demo_data::run(&root, *meetings, *seed)?;
            return Ok(ExitCode::SUCCESS);
        }
        _ => {}
    }
    let Some(command) = &cli.command else {
        let s = open(&cli)?;
        let now = chrono::Local::now().fixed_offset();
        let mut app = crate::app::App::new(s.doc, s.store.author().clone(), s.lang, now);
        app.read_only = s.store.read_only().map(str::to_string);
        app.data_dir = s.store.root().display().to_string();
        if !s.identity_known && s.store.read_only().is_none() {
            crate::app::ask_identity(&mut app);
        }
        let theme = if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            crate::app::ThemeName::NoColor
        } else {
            crate::app::ThemeName::Default
        };
        crate::tui::run(
            s.store,
            app,
            crate::tui::Options {
                mouse: s.mouse,
                theme,
            },
        )?;
        return Ok(ExitCode::SUCCESS);
    };
    let s = open(&cli)?;
    let lang = s.lang;
    let mut out = std::io::stdout().lock();
    match command {
        Command::List => {
            let mut meetings: Vec<&Meeting> = s.doc.meetings.iter().collect();
            meetings.sort_by(|a, b| a.starts_at.cmp(&b.starts_at).then_with(|| a.id.cmp(&b.id)));
            if meetings.is_empty() {
                writeln!(out, "{}", lang.t(Msg::NoMeetings))?;
            } else {
                let rows: Vec<[String; 6]> = meetings
                    .iter()
                    .map(|m| {
                        let open = s
                            .doc
                            .actions
                            .iter()
                            .filter(|a| {
                                a.status.is_open() && a.meeting.as_deref() == Some(m.id.as_str())
                            })
                            .count();
                        [
                            m.date().to_string(),
                            i18n::meeting_status(lang, m.status).to_string(),
                            m.items.len().to_string(),
                            open.to_string(),
                            m.title.clone(),
                            m.id.clone(),
                        ]
                    })
                    .collect();
                let header = [
                    lang.t(Msg::ColDate),
                    lang.t(Msg::ColStatus),
                    lang.t(Msg::ColItems),
                    lang.t(Msg::ColOpenActions),
                    lang.t(Msg::ColTitle),
                    "id",
                ]
                .map(str::to_string);
                write_table(&mut out, &header, &rows)?;
            }
        }
        Command::Show { meeting } => {
            let m = find_meeting(&s.doc, meeting, lang)?;
            let minutes = s
                .doc
                .minutes(&m.id)
                .ok_or_else(|| anyhow!("{}", lang.t(Msg::UnknownMeeting)))?;
            let opts = ExportOptions {
                lang,
                include_confidential: true,
                today: today(),
            };
            out.write_all(&export::export(&minutes, Format::Text, &opts))?;
        }
        Command::Export {
            meeting,
            format,
            output,
            include_confidential,
        } => {
            let m = find_meeting(&s.doc, meeting, lang)?;
            let minutes = s
                .doc
                .minutes(&m.id)
                .ok_or_else(|| anyhow!("{}", lang.t(Msg::UnknownMeeting)))?;
            let opts = ExportOptions {
                lang,
                include_confidential: *include_confidential,
                today: today(),
            };
            let bytes = export::export(&minutes, *format, &opts);
            match output {
                Some(path) => {
                    crate::store::atomic::write_atomic(path, &bytes)
                        .with_context(|| format!("could not write {}", path.display()))?;
                    eprintln!("{} {}", lang.t(Msg::Wrote), path.display());
                }
                None => out.write_all(&bytes)?,
            }
        }
        Command::Actions { open } => {
            let f = &s.doc.forum;
            let rows: Vec<[String; 6]> = s
                .doc
                .actions
                .iter()
                .filter(|a| !open || a.status.is_open())
                .map(|a| {
                    let m = a.meeting.as_deref().and_then(|id| s.doc.meeting(id));
                    let item = a.item.as_deref().zip(m).and_then(|(i, m)| m.item(i));
                    let owner = i18n::owner(lang, f, &a.owner);
                    let mut due = a
                        .due
                        .map(|d| i18n::short_date(lang, d))
                        .unwrap_or_else(|| "-".into());
                    if a.is_overdue(today()) {
                        due.push_str(&format!(" {}", lang.t(Msg::Overdue)));
                    }
                    let origin = match (m, item) {
                        (Some(m), Some(i)) => format!(
                            "{} {} {}",
                            m.date(),
                            lang.t(Msg::Item).to_lowercase(),
                            i.number
                        ),
                        (Some(m), None) => m.date().to_string(),
                        _ => "-".into(),
                    };
                    [
                        i18n::action_status(lang, a.status).to_string(),
                        owner,
                        due,
                        origin,
                        a.title.clone(),
                        a.id.clone(),
                    ]
                })
                .collect();
            if rows.is_empty() {
                writeln!(out, "{}", lang.t(Msg::NoActions))?;
            } else {
                let header = [
                    lang.t(Msg::ColStatus),
                    lang.t(Msg::Owner),
                    lang.t(Msg::Due),
                    lang.t(Msg::ColMeeting),
                    lang.t(Msg::ColAction),
                    "id",
                ]
                .map(str::to_string);
                write_table(&mut out, &header, &rows)?;
            }
        }
        Command::Search { .. } => bail!("search is not built yet"),
        Command::Verify { .. } | Command::DemoData { .. } => {}
    }
    drop(s.store);
    Ok(ExitCode::SUCCESS)
}

/// Columns padded to their widest cell, two spaces apart; the last column is not padded.
fn write_table<const N: usize>(
    out: &mut impl Write,
    header: &[String; N],
    rows: &[[String; N]],
) -> std::io::Result<()> {
    let width = |i: usize| {
        rows.iter()
            .map(|r| r[i].chars().count())
            .chain([header[i].chars().count()])
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..N).map(width).collect();
    for row in std::iter::once(header).chain(rows) {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i + 1 == N {
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
