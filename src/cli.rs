//! The `samrad` command line.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow, bail};
use clap::{Parser, Subcommand};

use crate::config;
use crate::export::{self, ExportOptions, Format};
use crate::i18n::{self, Lang, Msg};
use crate::model::{Author, Doc, MeetingStatus, Stance};
use crate::search::{self, Filter};
use crate::store::archive::Archive;
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
    /// List the meetings, newest first: date, status, items, open actions, title and id.
    /// With --party, --stance and --area, only meetings with one item matching them all.
    List {
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Print a meeting's minutes as plain text, in reading order.
    Show {
        /// A meeting id, a date (yyyy-mm-dd) or `latest`.
        meeting: String,
    },
    /// Write a meeting's minutes: Markdown, a printable HTML page, the action list as CSV, JSON or
    /// plain text.
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
        /// The words to find (all of them, in one text).
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        #[command(flatten)]
        filter: FilterArgs,
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
        // `samrad search x | head`: the reader has all it wants.
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
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
    /// The forum folded (and, for the TUI, the meeting it opens).
    doc: Doc,
    archive: Archive,
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

/// `checked`: the archive index is checked against every log first (commands); else the
/// index as last written is used when there is one (the TUI checks it in the background).
fn open(cli: &Cli, checked: bool) -> Result<Session> {
    let (cfg, lang, root) = settings(cli)?;
    let mut store = Store::open(&root, Author::default())?;
    let layout = store.layout().clone();
    let cached = if checked {
        None
    } else {
        Archive::cached(&root)
    };
    let (archive, refresh) = match cached {
        Some(a) => (a, Default::default()),
        None => Archive::open_with(&layout, || store.load(&Load::Forum)),
    };
    // Meetings that changed since the index was made get their minutes file brought up to
    // date; after a large sync that is left to when each is opened, shown or exported.
    if refresh.folded_ids.len() <= 20 {
        for id in &refresh.folded_ids {
            let doc = store.load(&Load::Meeting(id.clone()));
            if let Err(e) = store.materialize(&doc, id) {
                eprintln!("samrad: warning: {e}");
            }
        }
    }
    let doc = store.load(&Load::Forum);
    let author = resolve_author(cli.as_name.as_deref().or(cfg.identity.as_deref()), &doc);
    store.set_author(author);
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
        archive,
        mouse: cli.mouse || cfg.mouse,
        identity_known: cli.as_name.is_some() || cfg.identity.is_some(),
    })
}

impl Session {
    /// The forum and one meeting folded, its minutes file brought up to date.
    fn meeting_doc(&mut self, id: &str) -> Doc {
        let doc = self.store.load(&Load::Meeting(id.to_string()));
        if let Err(e) = self.store.materialize(&doc, id) {
            eprintln!("samrad: warning: {e}");
        }
        doc
    }

    fn minutes(&mut self, key: &str) -> Result<crate::model::Minutes> {
        let id = find_meeting_id(&self.archive, key, self.lang)?;
        let doc = self.meeting_doc(&id);
        doc.minutes(&id)
            .ok_or_else(|| anyhow!("{}", self.lang.t(Msg::UnknownMeeting)))
    }
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

/// A meeting of the archive by id, date or `latest`.
fn find_meeting_id(archive: &Archive, key: &str, lang: Lang) -> Result<String> {
    crate::model::find_meeting(
        archive
            .meetings
            .iter()
            .map(|m| (m.id.as_str(), m.starts_at.as_str())),
        key,
    )
    .map_err(|e| anyhow!("{}", i18n::lookup_error(lang, &e)))
}

fn parse_day(s: &str, flag: &str, lang: Lang) -> Result<chrono::NaiveDate> {
    match crate::model::parse_date(s) {
        Ok(Some(d)) => Ok(d),
        Ok(None) => bail!(
            "--{flag}: {}",
            i18n::date_error(lang, crate::model::DateError::Format)
        ),
        Err(e) => bail!("--{flag} {s:?}: {}", i18n::date_error(lang, e)),
    }
}

/// The filter options shared by `list` and `search`, checked against the forum.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FilterArgs {
    /// Only what concerns this party (id or short name, e.g. ntl).
    #[arg(long)]
    party: Option<String>,
    /// Only items, inputs and actions linked to this development area (1-5, id or name).
    #[arg(long)]
    area: Option<String>,
    /// Only meetings on or after this date (dd.mm.yyyy or yyyy-mm-dd).
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Only meetings on or before this date.
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    /// With --party: only items where the party took this position (agree, disagree, noted, abstain).
    #[arg(long, value_parser = parse_stance)]
    stance: Option<Stance>,
    /// Only meetings with this status (planned, open, closed, circulated, approved).
    #[arg(long, value_parser = parse_status)]
    status: Option<MeetingStatus>,
}

fn parse_stance(s: &str) -> Result<Stance, String> {
    match s.trim().to_lowercase().as_str() {
        "agree" | "enig" => Ok(Stance::Agree),
        "disagree" | "uenig" => Ok(Stance::Disagree),
        "noted" | "orientering" | "tar-til-orientering" => Ok(Stance::TakesNote),
        "abstain" | "avstår" | "avstar" => Ok(Stance::Abstains),
        _ => Err(format!(
            "unknown position {s:?}; use agree, disagree, noted or abstain"
        )),
    }
}

fn parse_status(s: &str) -> Result<MeetingStatus, String> {
    MeetingStatus::ALL
        .into_iter()
        .find(|st| {
            let key = format!("{st:?}").to_lowercase();
            key == s.trim().to_lowercase()
                || i18n::meeting_status(Lang::Nb, *st).eq_ignore_ascii_case(s.trim())
        })
        .ok_or_else(|| {
            format!("unknown status {s:?}; use planned, open, closed, circulated or approved")
        })
}

impl FilterArgs {
    fn to_filter(&self, forum: &crate::model::Forum, lang: Lang) -> Result<Filter> {
        Ok(Filter {
            status: self.status,
            party: self
                .party
                .as_deref()
                .map(|p| forum.find_party(p))
                .transpose()
                .map_err(|e| anyhow!("{}", i18n::lookup_error(lang, &e)))?,
            stance: self.stance,
            area: self
                .area
                .as_deref()
                .map(|a| forum.find_area(a))
                .transpose()
                .map_err(|e| anyhow!("{}", i18n::lookup_error(lang, &e)))?,
            since: self
                .since
                .as_deref()
                .map(|d| parse_day(d, "since", lang))
                .transpose()?,
            until: self
                .until
                .as_deref()
                .map(|d| parse_day(d, "until", lang))
                .transpose()?,
        })
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
        let mut s = open(&cli, false)?;
        let first = crate::model::default_meeting(
            s.archive
                .meetings
                .iter()
                .map(|m| (m.id.as_str(), m.starts_at.as_str(), m.status)),
            today(),
        );
        if let Some(id) = first {
            s.doc = s.meeting_doc(&id);
        }
        let now = chrono::Local::now().fixed_offset();
        let mut app = crate::app::App::new(s.doc, s.store.author().clone(), s.lang, now);
        app.read_only = s.store.read_only().map(str::to_string);
        // The TUI keeps the word index, not the texts: they are read when shown.
        s.archive.text = String::new();
        s.archive.folded = String::new();
        app.archive = std::sync::Arc::new(s.archive);
        if cli.archive {
            app.archive_view = Some(crate::app::archive::ArchiveView::new(
                &app.archive,
                crate::search::Filter::default(),
            ));
        }
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
    let mut s = open(&cli, true)?;
    let lang = s.lang;
    let mut out = std::io::stdout().lock();
    match command {
        Command::List { filter } => {
            let f = filter.to_filter(&s.doc.forum, lang)?;
            let a = &s.archive;
            let shown = search::filtered_meetings(a, &f);
            if shown.is_empty() {
                writeln!(out, "{}", lang.t(Msg::NoMeetings))?;
            } else {
                let rows: Vec<[String; 6]> = shown
                    .iter()
                    .map(|&i| {
                        let m = &a.meetings[i];
                        [
                            m.date().to_string(),
                            i18n::archive_status(lang, &s.doc.forum, m, today()),
                            m.items.to_string(),
                            m.open_actions.to_string(),
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
            let minutes = s.minutes(meeting)?;
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
            let minutes = s.minutes(meeting)?;
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
        Command::Search {
            query,
            filter,
            json,
        } => {
            let f = filter.to_filter(&s.doc.forum, lang)?;
            let query = query.join(" ");
            if search::query_words(&query).is_empty() {
                bail!("nothing to search for in {query:?}: give a word");
            }
            let mut a = s.archive;
            a.load_text(s.store.root()).with_context(|| {
                format!(
                    "could not read the search index in {}",
                    s.store.root().join("index").display()
                )
            })?;
            let hits = search::scan(&a, &query, &f);
            for &h in &hits {
                let d = &a.docs[h as usize];
                let row = a.meetings.get(d.meeting as usize);
                let (item, field) = search::doc_place(&a, d);
                let (before, hit, after) = search::snippet(&a.doc_text(d), &query, 70);
                let party = a.party_id(d.party).unwrap_or("");
                if *json {
                    let line = serde_json::json!({
                        "meeting": row.map(|m| m.id.as_str()),
                        "date": row.map(|m| m.date()),
                        "title": row.map(|m| m.title.as_str()),
                        "item": item,
                        "field": field.key(),
                        "party": (!party.is_empty()).then_some(party),
                        "snippet": format!("{before}{hit}{after}"),
                        "text": a.doc_text(d),
                    });
                    writeln!(out, "{line}")?;
                } else {
                    let place = match (row, &item) {
                        (Some(m), Some(i)) => {
                            format!("{} {} {}", m.date(), lang.t(Msg::Item).to_lowercase(), i)
                        }
                        (Some(m), None) => m.date().to_string(),
                        (None, _) => "-".to_string(),
                    };
                    let who = if party.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", s.doc.forum.party_short(party))
                    };
                    writeln!(
                        out,
                        "{place}  {}{who}  {before}{hit}{after}",
                        i18n::search_field(lang, field)
                    )?;
                }
            }
            if !*json {
                eprintln!("{}: {}", lang.t(Msg::HitsTitle), hits.len());
            }
            drop(a);
            return Ok(ExitCode::SUCCESS);
        }
        Command::Actions { open } => {
            let f = &s.doc.forum;
            let rows: Vec<[String; 6]> =
                s.doc
                    .actions
                    .iter()
                    .filter(|a| !open || a.status.is_open())
                    .map(|a| {
                        let m = a
                            .meeting
                            .as_deref()
                            .and_then(|id| s.archive.meeting_index(id));
                        let item = a.item.as_deref().zip(m).and_then(|(i, m)| {
                            s.archive.items_of(m).iter().find(|row| row.id == i)
                        });
                        let m = m.map(|m| &s.archive.meetings[m]);
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
