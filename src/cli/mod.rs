//! The `samrad` command line: the TUI (no command), and commands to make a data folder,
//! list, show, export, search, verify and make demo data. Every message is in the user's language.

mod args;
mod filter;
mod folder;
mod init;
mod read;
mod session;
mod start;
mod sync;

use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

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
        Command::Export {
            meeting,
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
            meeting,
            signatures: Some(dir),
            protokoll,
            ..
        } => read::signatures(&cli, meeting, protokoll.as_deref(), dir),
        Command::Export {
            meeting,
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
            meeting,
            format,
            output,
            include_confidential,
            signatures: None,
            protokoll: None,
            innkalling: false,
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
