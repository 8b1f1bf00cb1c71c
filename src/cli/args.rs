//! What the command line takes: the options and commands, as clap reads them.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use super::filter::FilterArgs;
use crate::export::Format;
use crate::i18n::Lang;

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
    /// The private key that signs what you write (OpenSSH ed25519, e.g. ~/.ssh/id_ed25519).
    /// Default: the config's `key`, else one samrad makes beside its config file.
    #[arg(long, global = true, env = "SAMRAD_KEY", value_name = "FILE")]
    pub key: Option<PathBuf>,
    /// Let the mouse scroll the panes (it takes over text selection in the terminal).
    #[arg(long, global = true)]
    pub mouse: bool,
    /// Start in the archive: every meeting, filters and search.
    #[arg(long)]
    pub archive: bool,
    /// Sync the data folder through git every N seconds while the TUI runs (see `samrad
    /// sync`); the status bar says when it last synced, and with whom.
    #[arg(long, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..))]
    pub sync_every: Option<u64>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Make a data folder and seed it with the forum template and its first meeting, as the
    /// TUI's first start does: DIR, else the one --data-dir or SAMRAD_DATA_DIR names, else
    /// the default. A folder that already holds samrad data is left as it is.
    Init {
        /// The folder to make (it may exist, empty or with files that are not samrad's).
        #[arg(value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// List the meetings, newest first: date, status, items, open actions, title and id.
    /// With --party, --stance and --area, only meetings with one item matching them all
    /// (--stance alone: an item where any party took that position).
    List {
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Print a meeting's minutes as plain text, in reading order: the public version, where
    /// an item unntatt offentlighet shows only its number and hjemmel.
    Show {
        /// A meeting id, a date (yyyy-mm-dd) or `latest`.
        meeting: String,
        /// Everything, items unntatt offentlighet (exempt from public disclosure) too.
        #[arg(long)]
        include_confidential: bool,
    },
    /// Write a meeting's minutes: Markdown, a printable HTML page, PDF/A, the action list as
    /// CSV, JSON or plain text; or, with --format noark5 -o DIR, a Noark 5 folder for the
    /// archive (one meeting, or with --all every meeting of a period).
    Export {
        /// A meeting id, a date (yyyy-mm-dd) or `latest`.
        #[arg(required_unless_present = "all")]
        meeting: Option<String>,
        #[arg(long, value_enum, default_value = "md")]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Everything, items unntatt offentlighet (exempt from public disclosure) too;
        /// without it, the public version: such an item shows only its number and hjemmel.
        #[arg(long)]
        include_confidential: bool,
        /// Instead of the minutes, write the approvals (with --protokoll: the protokoll's
        /// signatures) so that anyone can check them with `ssh-keygen -Y verify`:
        /// DIR/content, DIR/allowed_signers, DIR/<person>.sig.
        #[arg(long, value_name = "DIR")]
        signatures: Option<PathBuf>,
        /// Instead of the referat, write the protokoll of this forhandling item (its id or
        /// its number, e.g. 85/26), with each party's signature.
        #[arg(long, value_name = "ITEM", alias = "protocol")]
        protokoll: Option<String>,
        /// Instead of the referat, write the meeting's innkalling (notice): time, place,
        /// hjemmel, the saksliste, the documents, the deadline for saker and who it goes to
        /// (md, html, pdf or text; ics: its calendar invite).
        #[arg(long, alias = "notice", conflicts_with_all = ["protokoll", "signatures"])]
        innkalling: bool,
        /// Every meeting (of --year, or from --since to --until) in one Noark 5 folder for
        /// the archive: with --format noark5 -o DIR.
        #[arg(long, conflicts_with_all = ["meeting", "innkalling", "protokoll", "signatures"])]
        all: bool,
        /// With --all: only meetings on or after this date (dd.mm.yyyy or yyyy-mm-dd).
        #[arg(long, value_name = "DATE", requires = "all")]
        since: Option<String>,
        /// With --all: only meetings on or before this date.
        #[arg(long, value_name = "DATE", requires = "all")]
        until: Option<String>,
        /// With --all: the meetings of this year (as --since 1 January --until 31 December).
        #[arg(long, value_name = "YEAR", requires = "all", conflicts_with_all = ["since", "until"])]
        year: Option<i32>,
    },
    /// The action list across meetings.
    Actions {
        /// Only actions still to be done.
        #[arg(long)]
        open: bool,
        /// Also the actions from items unntatt offentlighet (exempt from public disclosure).
        #[arg(long)]
        include_confidential: bool,
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
    /// Sync the data folder with others through git: commit this machine's new lines, take in
    /// theirs, send ours. `samrad sync init REMOTE` sets the folder up first; `samrad sync
    /// --clone REMOTE` makes a new data folder from a remote.
    #[command(args_conflicts_with_subcommands = true)]
    Sync {
        #[command(subcommand)]
        setup: Option<SyncSetup>,
        /// Set up an empty or absent data folder from REMOTE (a git repository's address).
        #[arg(long, value_name = "REMOTE")]
        clone: Option<String>,
    },
    /// Pack the logs of each meeting held more than DAYS ago and not written in since into
    /// one compressed file: an archive of thousands of meetings takes a fraction of the disk. Every line
    /// is kept as it was and read as before; a meeting written in again later gets new
    /// logs beside its pack.
    Pack {
        #[arg(long, default_value_t = 30, value_name = "DAYS")]
        days: u32,
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

#[derive(Debug, Subcommand)]
pub enum SyncSetup {
    /// Set this data folder up to sync with REMOTE (a git repository, e.g. an empty one
    /// made for it), and sync once. Folders that started apart meet without losing a line.
    Init {
        /// The address of the git repository: a path, `host:path`, ssh:// or https://.
        remote: String,
        /// Make the data folder from REMOTE instead (it must be empty or absent).
        #[arg(long)]
        clone: bool,
    },
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language {s:?}; use nb or en (ukjent språk)"))
}
