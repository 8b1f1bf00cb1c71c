//! The `samrad` command line: the TUI (no command), and commands to list, show, export,
//! search, verify and make demo data. Every message is in the user's language.

mod filter;
mod read;
mod session;
mod start;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};

use crate::export::Format;
use crate::i18n::Lang;
pub use filter::FilterArgs;
pub use session::resolve_author;

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
    Lang::parse(s).ok_or_else(|| format!("unknown language {s:?}; use nb or en (ukjent språk)"))
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

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

fn run_cli(cli: Cli) -> Result<ExitCode> {
    let Some(command) = &cli.command else {
        start::tui(&cli)?;
        return Ok(ExitCode::SUCCESS);
    };
    match command {
        Command::Verify { meeting, all } => {
            let (_, lang, root) = session::settings(&cli)?;
            crate::verify::run(&root, lang, meeting.as_deref().filter(|_| !all))
        }
        Command::DemoData { meetings, seed } => {
            let (_, _, root) = session::settings(&cli)?;
            crate::demo_data::run(&root, *meetings, *seed)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::List { filter } => read::list(&cli, filter),
        Command::Show { meeting } => read::show(&cli, meeting),
        Command::Export {
            meeting,
            format,
            output,
            include_confidential,
        } => read::export(
            &cli,
            meeting,
            *format,
            output.as_deref(),
            *include_confidential,
        ),
        Command::Search {
            query,
            filter,
            json,
        } => read::search(&cli, &query.join(" "), filter, *json),
        Command::Actions { open } => read::actions(&cli, *open),
    }
}
