//! The `samrad` command line: the TUI (no command), and commands to make a data folder,
//! list, show, export, search, verify and make demo data. Every message is in the user's language.

mod archive;
mod args;
mod filter;
mod folder;
mod init;
mod pack;
mod read;
mod session;
mod start;
mod sync;

use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use crate::export::Format;

pub use args::{Cli, Command};
pub use filter::FilterArgs;
pub use session::resolve_author;

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
            // An error may quote the data (a title, a file name).
            let text = format!("{e:#}");
            eprintln!("samrad: {}", crate::export::safe_text::printable(&text));
            ExitCode::FAILURE
        }
    }
}

fn run_cli(cli: Cli) -> Result<ExitCode> {
    let Some(command) = &cli.command else {
        start::tui(&cli)?;
        return Ok(ExitCode::SUCCESS);
    };
    match command {
        Command::Init { dir } => init::run(&cli, dir.as_deref()),
        Command::Verify { meeting, all } => {
            let (_, lang, root) = session::existing_folder(&cli)?;
            crate::verify::run(&root, lang, meeting.as_deref().filter(|_| !all))
        }
        Command::Pack { days } => pack::run(&cli, *days),
        Command::DemoData { meetings, seed } => {
            let (_, _, root) = session::settings(&cli)?;
            crate::demo_data::run(&root, *meetings, *seed)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::List { filter } => read::list(&cli, filter),
        Command::Show {
            meeting,
            include_confidential,
        } => read::show(&cli, meeting, *include_confidential),
        // `--all`: clap gives no meeting then, and always one without it.
        Command::Export {
            meeting: None,
            format,
            output,
            since,
            until,
            year,
            ..
        } => archive::all(
            &cli,
            *format,
            output.as_deref(),
            archive::Period {
                since: since.as_deref(),
                until: until.as_deref(),
                year: *year,
            },
        ),
        Command::Export {
            meeting: Some(meeting),
            format: Format::Noark5,
            output,
            innkalling,
            protokoll,
            signatures,
            ..
        } => {
            let one_document = *innkalling || protokoll.is_some() || signatures.is_some();
            archive::one(&cli, meeting, output.as_deref(), one_document)
        }
        Command::Export {
            meeting: Some(meeting),
            format,
            output,
            include_confidential,
            innkalling: true,
            ..
        } => read::export_notice(
            &cli,
            meeting,
            *format,
            output.as_deref(),
            *include_confidential,
        ),
        Command::Export {
            meeting: Some(meeting),
            signatures: Some(dir),
            protokoll,
            ..
        } => read::signatures(&cli, meeting, protokoll.as_deref(), dir),
        Command::Export {
            meeting: Some(meeting),
            format,
            output,
            include_confidential,
            protokoll: Some(item),
            ..
        } => read::export_protocol(
            &cli,
            meeting,
            item,
            *format,
            output.as_deref(),
            *include_confidential,
        ),
        Command::Export {
            meeting: Some(meeting),
            format,
            output,
            include_confidential,
            signatures: None,
            protokoll: None,
            innkalling: false,
            ..
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
        Command::Actions {
            open,
            include_confidential,
        } => read::actions(&cli, *open, *include_confidential),
        Command::Sync { setup, clone } => sync::run(&cli, setup.as_ref(), clone.as_deref()),
    }
}
