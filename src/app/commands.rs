//! `:` commands as data: one table of names, aliases, arguments, help and handlers. The
//! same table parses the command line, completes command names (Tab), writes the help
//! screen's list and is checked against the README. A new command is one entry here and
//! one handler in its feature's module.

use ratatui_textarea::TextArea;

use super::action::crossterm_types::KeyCode;
use super::action::{Action, Effect};
use super::admission;
use super::approval;
use super::archive;
use super::attendance;
use super::editor;
use super::exemption;
use super::identity;
use super::meeting::{self, MeetingForm};
use super::party_names;
use super::positions;
use super::protocol;
use super::roles::Gate;
use super::speakers;
use super::state::{App, EditorTarget, Popup, Theme};
use super::votes;
use crate::export::Format;
use crate::i18n::{Lang, Msg};
use crate::model::MeetingStatus;

/// What must be on screen for a command to make sense.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    Nothing,
    /// A meeting is open on screen (it may be locked or read-only).
    Meeting,
}

pub struct Command {
    /// The English name, shown in help and the README.
    pub name: &'static str,
    /// Other names that work too: Norwegian ones and short forms.
    pub aliases: &'static [&'static str],
    /// What follows the name, in the user's language (e.g. "[title]").
    pub args: Option<Msg>,
    pub help: Msg,
    pub needs: Needs,
    /// Who may use it (see `roles`).
    pub gate: Gate,
    /// Runs the command with the rest of the line (trimmed).
    pub run: fn(&mut App, &str, &mut Vec<Effect>),
}

impl Command {
    /// How the command is written in help: ":new [title]".
    pub fn usage(&self, lang: Lang) -> String {
        match self.args {
            Some(a) => format!(":{} {}", self.name, lang.t(a)),
            None => format!(":{}", self.name),
        }
    }

    fn answers_to(&self, word: &str) -> bool {
        self.name == word || self.aliases.contains(&word)
    }
}

pub static COMMANDS: &[Command] = &[
    Command {
        name: "new",
        aliases: &["ny"],
        args: Some(Msg::ArgTitle),
        help: Msg::CmdNew,
        needs: Needs::Nothing,
        gate: Gate::RunsMeeting,
        run: |app, arg, _| MeetingForm::open(app, false, arg),
    },
    Command {
        name: "open",
        aliases: &["åpne"],
        args: Some(Msg::ArgMeetingKey),
        help: Msg::CmdOpen,
        needs: Needs::Nothing,
        gate: Gate::Anyone,
        run: meeting::open_by_key,
    },
    Command {
        name: "start",
        aliases: &[],
        args: None,
        help: Msg::CmdStart,
        needs: Needs::Meeting,
        gate: Gate::RunsMeeting,
        run: |app, _, fx| meeting::set_status(app, MeetingStatus::Open, fx),
    },
    Command {
        name: "close",
        aliases: &["avslutt"],
        args: None,
        help: Msg::CmdClose,
        needs: Needs::Meeting,
        gate: Gate::RunsMeeting,
        run: |app, _, fx| meeting::close(app, fx),
    },
    Command {
        name: "reopen",
        aliases: &["gjenåpne"],
        args: None,
        help: Msg::CmdReopen,
        needs: Needs::Meeting,
        gate: Gate::RunsMeeting,
        run: |app, _, fx| meeting::reopen(app, fx),
    },
    Command {
        name: "circulate",
        aliases: &["sirkuler", "tilgodkjenning"],
        args: Some(Msg::ArgDeadline),
        help: Msg::CmdCirculate,
        needs: Needs::Nothing,
        gate: Gate::RunsMeeting,
        run: approval::circulate,
    },
    Command {
        name: "approve",
        aliases: &["godkjenn"],
        args: None,
        help: Msg::CmdApprove,
        needs: Needs::Nothing,
        gate: Gate::OwnParty,
        run: |app, _, fx| approval::approve(app, fx),
    },
    Command {
        name: "sign",
        aliases: &["signer"],
        args: None,
        help: Msg::CmdSign,
        needs: Needs::Meeting,
        gate: Gate::OwnParty,
        run: |app, _, fx| protocol::sign(app, fx),
    },
    Command {
        name: "withdraw",
        aliases: &["trekk"],
        args: None,
        help: Msg::CmdWithdraw,
        needs: Needs::Meeting,
        gate: Gate::OwnParty,
        run: |app, _, fx| positions::withdraw(app, fx),
    },
    Command {
        name: "innkalling",
        aliases: &["notice"],
        args: Some(Msg::ArgFormat),
        help: Msg::CmdNotice,
        needs: Needs::Meeting,
        gate: Gate::Anyone,
        run: |app, arg, fx| {
            // As the chair sends it: the PDF and the calendar invite.
            if arg.trim().is_empty() {
                fx.push(Effect::ExportNotice(None));
            } else if let Some(format) = format_of(app, arg) {
                fx.push(Effect::ExportNotice(Some(format)));
            }
        },
    },
    Command {
        name: "submitdays",
        aliases: &["innmelding"],
        args: Some(Msg::ArgDays),
        help: Msg::CmdSubmitDays,
        needs: Needs::Nothing,
        gate: Gate::RunsMeeting,
        run: attendance::submission_days,
    },
    Command {
        name: "protocolper",
        aliases: &["protokollper"],
        args: Some(Msg::ArgProtocolScope),
        help: Msg::CmdProtocolScope,
        needs: Needs::Meeting,
        gate: Gate::RunsMeeting,
        run: protocol::set_scope,
    },
    Command {
        name: "changes",
        aliases: &["endringer"],
        args: Some(Msg::ArgText),
        help: Msg::CmdChanges,
        needs: Needs::Nothing,
        gate: Gate::OwnParty,
        run: approval::request_changes,
    },
    Command {
        name: "archive",
        aliases: &["arkiv"],
        args: None,
        help: Msg::CmdArchive,
        needs: Needs::Nothing,
        gate: Gate::Anyone,
        run: |app, _, fx| archive::show(app, fx),
    },
    Command {
        name: "party",
        aliases: &["part"],
        args: Some(Msg::ArgParty),
        help: Msg::CmdParty,
        needs: Needs::Nothing,
        gate: Gate::Anyone,
        run: archive::party_thread,
    },
    Command {
        name: "area",
        aliases: &["område"],
        args: Some(Msg::ArgArea),
        help: Msg::CmdArea,
        needs: Needs::Nothing,
        gate: Gate::Anyone,
        run: archive::area_thread,
    },
    Command {
        name: "edit",
        aliases: &["rediger"],
        args: None,
        help: Msg::CmdEdit,
        needs: Needs::Meeting,
        gate: Gate::Anyone,
        run: |app, _, _| meeting::edit_again(app),
    },
    Command {
        name: "meeting",
        aliases: &["møte"],
        args: None,
        help: Msg::CmdMeeting,
        needs: Needs::Meeting,
        gate: Gate::RunsMeeting,
        run: |app, _, _| MeetingForm::open(app, true, ""),
    },
    Command {
        name: "attendance",
        aliases: &["oppmøte"],
        args: None,
        help: Msg::CmdAttendance,
        needs: Needs::Meeting,
        gate: Gate::Anyone,
        run: |app, _, _| app.popups.push(Popup::Attendance { selected: 0 }),
    },
    Command {
        name: "documents",
        aliases: &["dokumenter"],
        args: None,
        help: Msg::CmdDocuments,
        needs: Needs::Meeting,
        gate: Gate::Anyone,
        run: |app, _, _| app.popups.push(Popup::Documents { selected: 0 }),
    },
    Command {
        name: "background",
        aliases: &["bakgrunn"],
        args: None,
        help: Msg::CmdBackground,
        needs: Needs::Meeting,
        gate: Gate::RunsMeeting,
        run: |app, _, _| editor::open_for_item(app, EditorTarget::Background),
    },
    Command {
        name: "further",
        aliases: &["videre"],
        args: None,
        help: Msg::CmdFurther,
        needs: Needs::Meeting,
        gate: Gate::RunsMeeting,
        run: |app, _, _| editor::open_for_item(app, EditorTarget::Further),
    },
    Command {
        name: "export",
        aliases: &["eksport"],
        args: Some(Msg::ArgFormat),
        help: Msg::CmdExport,
        needs: Needs::Meeting,
        gate: Gate::Anyone,
        run: export,
    },
    Command {
        name: "protocol",
        aliases: &["protokoll"],
        args: Some(Msg::ArgFormat),
        help: Msg::CmdProtocol,
        needs: Needs::Meeting,
        gate: Gate::Anyone,
        run: export_protocol,
    },
    Command {
        name: "closevote",
        aliases: &["lukkavstemning"],
        args: None,
        help: Msg::CmdCloseVote,
        needs: Needs::Meeting,
        gate: Gate::RunsMeeting,
        run: |app, _, fx| votes::close_or_count(app, None, fx),
    },
    Command {
        name: "count",
        aliases: &["telling"],
        args: Some(Msg::ArgCounts),
        help: Msg::CmdCount,
        needs: Needs::Meeting,
        gate: Gate::RunsMeeting,
        run: |app, arg, fx| votes::close_or_count(app, Some(arg), fx),
    },
    Command {
        name: "docdays",
        aliases: &["dokdager"],
        args: Some(Msg::ArgDays),
        help: Msg::CmdDocDays,
        needs: Needs::Nothing,
        gate: Gate::RunsMeeting,
        run: attendance::document_days,
    },
    Command {
        name: "budget",
        aliases: &["taletid"],
        args: Some(Msg::ArgMinutes),
        help: Msg::CmdBudget,
        needs: Needs::Meeting,
        gate: Gate::RunsMeeting,
        run: speakers::budget,
    },
    Command {
        name: "hjemmel",
        aliases: &[],
        args: Some(Msg::ArgHjemmel),
        help: Msg::CmdHjemmel,
        needs: Needs::Nothing,
        gate: Gate::RunsMeeting,
        run: exemption::hjemmel_command,
    },
    Command {
        name: "partyname",
        aliases: &["partinavn"],
        args: Some(Msg::ArgPartyName),
        help: Msg::CmdPartyName,
        needs: Needs::Nothing,
        gate: Gate::RunsMeeting,
        run: party_names::party_name_command,
    },
    Command {
        name: "admit",
        aliases: &["ta-opp", "opptak"],
        args: None,
        help: Msg::CmdAdmit,
        needs: Needs::Nothing,
        gate: Gate::Anyone,
        run: |app, _, _| admission::open(app),
    },
    Command {
        name: "whoami",
        aliases: &["hvemerjeg"],
        args: None,
        help: Msg::CmdWhoami,
        needs: Needs::Nothing,
        gate: Gate::Anyone,
        run: |app, _, _| identity::show_identity(app),
    },
    Command {
        name: "lang",
        aliases: &["språk"],
        args: Some(Msg::ArgLang),
        help: Msg::CmdLang,
        needs: Needs::Nothing,
        gate: Gate::Anyone,
        run: language,
    },
    Command {
        name: "theme",
        aliases: &["tema"],
        args: Some(Msg::ArgTheme),
        help: Msg::CmdTheme,
        needs: Needs::Nothing,
        gate: Gate::Anyone,
        run: theme,
    },
    Command {
        name: "problems",
        aliases: &["problemer"],
        args: None,
        help: Msg::CmdProblems,
        needs: Needs::Nothing,
        gate: Gate::Anyone,
        run: |app, _, _| app.popups.push(Popup::Problems { scroll: 0 }),
    },
    Command {
        name: "help",
        aliases: &["hjelp"],
        args: None,
        help: Msg::CmdHelp,
        needs: Needs::Nothing,
        gate: Gate::Anyone,
        run: |app, _, _| {
            app.popups.push(Popup::Help {
                scroll: 0,
                from: super::keymap::Mode::Normal,
            })
        },
    },
    Command {
        name: "w",
        aliases: &[],
        args: None,
        help: Msg::CmdWrite,
        needs: Needs::Nothing,
        gate: Gate::Anyone,
        run: |app, _, _| app.say(app.t(Msg::SavedAutomatically)),
    },
    Command {
        name: "q",
        aliases: &["quit", "wq", "x"],
        args: None,
        help: Msg::CmdQuit,
        needs: Needs::Nothing,
        gate: Gate::Anyone,
        run: |app, _, fx| app.quit_from(false, fx),
    },
];

/// The command a word names, by name or alias.
pub fn find(word: &str) -> Option<&'static Command> {
    COMMANDS.iter().find(|c| c.answers_to(word))
}

/// Run a command line such as "export md" (a leading ':' is allowed).
pub fn run(app: &mut App, line: &str, fx: &mut Vec<Effect>) {
    let line = line.trim().trim_start_matches(':');
    let (word, arg) = line
        .split_once(' ')
        .map(|(c, a)| (c, a.trim()))
        .unwrap_or((line, ""));
    if word.is_empty() {
        return;
    }
    let Some(cmd) = find(word) else {
        let msg = format!(
            "{}: {word}. {}",
            app.t(Msg::UnknownCommand),
            app.t(Msg::CommandHint)
        );
        app.warn(msg);
        return;
    };
    if cmd.needs == Needs::Meeting && app.current_meeting().is_none() {
        app.warn(app.t(Msg::NoMeetingOpen));
        return;
    }
    if let Err(why) = app.passes(cmd.gate) {
        app.warn(format!(":{} – {}", cmd.name, app.t(why)));
        return;
    }
    (cmd.run)(app, arg, fx);
}

/// Keys on the command line.
pub fn command_line(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    let Some(line) = app.command.as_mut() else {
        return;
    };
    match action {
        Action::Key(ev) => {
            if ev.code == KeyCode::Backspace && line.is_empty() {
                app.command = None;
            } else {
                line.input(ev);
            }
        }
        Action::Complete => complete(app),
        Action::Open => {
            let text = line.lines().join(" ");
            app.command = None;
            run(app, &text, fx);
        }
        Action::Cancel => app.command = None,
        Action::ForceQuit => app.quit(fx),
        _ => {}
    }
}

/// Tab: complete the command name typed so far; with several candidates, as far as they
/// agree, and name them.
fn complete(app: &mut App) {
    let Some(line) = app.command.as_ref() else {
        return;
    };
    let typed = line.lines().join(" ");
    let word = typed.trim_start().trim_start_matches(':');
    if word.contains(' ') {
        return;
    }
    let mut names: Vec<&str> = COMMANDS
        .iter()
        .filter(|c| app.passes(c.gate).is_ok())
        .flat_map(|c| std::iter::once(c.name).chain(c.aliases.iter().copied()))
        .filter(|n| n.starts_with(word))
        .collect();
    names.sort_unstable();
    let completed = match names.as_slice() {
        [] => {
            let msg = format!("{}: {word}", app.t(Msg::UnknownCommand));
            app.warn(msg);
            return;
        }
        [one] => format!("{one} "),
        many => {
            let list = many.join(" ");
            app.say(list);
            common_prefix(many)
        }
    };
    app.command = Some(TextArea::new(vec![completed]));
    if let Some(l) = app.command.as_mut() {
        l.move_cursor(ratatui_textarea::CursorMove::End);
    }
}

fn common_prefix(words: &[&str]) -> String {
    let first = words.first().copied().unwrap_or("");
    let mut end = first.len();
    for w in words {
        end = end.min(
            first
                .char_indices()
                .zip(w.chars())
                .find(|((_, a), b)| a != b)
                .map(|((i, _), _)| i)
                .unwrap_or(first.len().min(w.len())),
        );
    }
    first[..end].to_string()
}

/// `:export FORMAT`: the meeting on screen; in the archive, the one selected there (opened,
/// so that what was exported is what is shown).
fn export(app: &mut App, arg: &str, fx: &mut Vec<Effect>) {
    let Some(format) = format_of(app, arg) else {
        return;
    };
    if app.archive_view.is_some() {
        let before = fx.len();
        archive::open_selected(app, fx);
        if fx.len() == before {
            return;
        }
    }
    fx.push(Effect::Export(format));
}

/// `:protokoll [format]`: the selected forhandling item's protokoll, to the exports folder.
fn export_protocol(app: &mut App, arg: &str, fx: &mut Vec<Effect>) {
    let key = app.selected_item().and_then(|i| {
        app.current_meeting()
            .and_then(|m| m.protocol_key_of(&i.id))
            .map(str::to_string)
    });
    let Some(item) = key else {
        app.warn(app.t(Msg::SignNeedsNegotiation));
        return;
    };
    if let Some(format) = format_of(app, arg).filter(|f| *f != Format::Csv) {
        fx.push(Effect::ExportProtocol(item, format));
    }
}

/// The format a user typed; says why not when it is none samrad writes.
fn format_of(app: &mut App, arg: &str) -> Option<Format> {
    let format = match arg {
        "md" | "markdown" | "" => Format::Md,
        "json" => Format::Json,
        "html" => Format::Html,
        "csv" => Format::Csv,
        "ics" => Format::Ics,
        "pdf" => Format::Pdf,
        "text" | "txt" | "tekst" => Format::Text,
        other => {
            let msg = format!(
                "{}: {other} (md, html, pdf, csv, json, text, ics)",
                app.t(Msg::UnknownFormat)
            );
            app.warn(msg);
            return None;
        }
    };
    Some(format)
}

fn language(app: &mut App, arg: &str, _: &mut Vec<Effect>) {
    match Lang::parse(arg) {
        Some(l) => {
            app.lang = l;
            app.say(app.t(Msg::LanguageSet));
        }
        None => app.warn(format!("{}: {arg} (nb, en)", app.t(Msg::UnknownLanguage))),
    }
}

fn theme(app: &mut App, arg: &str, _: &mut Vec<Effect>) {
    app.theme = match arg {
        "default" | "standard" => Theme::Default,
        "contrast" | "high" | "kontrast" => Theme::HighContrast,
        "none" | "mono" | "ingen" => Theme::NoColor,
        other => {
            let said = app.lang.fill(Msg::UnknownTheme, &[&format!("{other:?}")]);
            app.warn(said);
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_name_or_alias_is_used_twice() {
        let mut seen = std::collections::HashSet::new();
        for c in COMMANDS {
            for n in std::iter::once(c.name).chain(c.aliases.iter().copied()) {
                assert!(seen.insert(n), ":{n} names two commands");
            }
        }
    }

    #[test]
    fn the_common_prefix_of_command_names() {
        assert_eq!(common_prefix(&["circulate", "closevote", "close"]), "c");
        assert_eq!(common_prefix(&["close", "closevote"]), "close");
        assert_eq!(common_prefix(&["åpne"]), "åpne");
    }
}
