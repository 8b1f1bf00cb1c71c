//! `:` commands are one table: it drives the command line, Tab completion, the help screen
//! and the README's list, so none of them can forget a command.

mod common;

use samrad::app::commands::{COMMANDS, find};
use samrad::app::{Action, App, Mode, update};
use samrad::i18n::Lang;
use samrad::model::Author;

/// The chair's app on the template's forum, with no meeting at all.
fn app() -> App {
    app_of(common::authors::chair())
}

/// `who`'s app on the template's forum, with no meeting at all.
fn app_of(who: Author) -> App {
    let forum = samrad::store::fold::fold(samrad::demo::forum_log());
    App::new(
        forum,
        who,
        Lang::En,
        common::at("2026-12-08T10:00:00+01:00"),
    )
}

/// The help screen's text.
fn help_text(a: &mut App) -> String {
    a.size = (120, 40);
    update(a, Action::Help);
    let theme = samrad::ui::Theme::of(a.theme);
    samrad::ui::help_lines(a, samrad::app::Mode::Normal, &theme)
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
                + "\n"
        })
        .collect()
}

fn type_line(app: &mut App, text: &str) {
    update(app, Action::CommandLine);
    for c in text.chars() {
        update(app, Action::Key(common::session::typed(c)));
    }
}

fn line(app: &App) -> String {
    app.command
        .as_ref()
        .map(|l| l.lines().join(""))
        .unwrap_or_default()
}

#[test]
fn the_readme_lists_every_command() {
    let readme = include_str!("../README.md");
    for c in COMMANDS {
        assert!(
            readme.contains(&format!("`:{}", c.name)),
            "README.md does not list :{}",
            c.name
        );
    }
}

#[test]
fn the_help_screen_lists_every_command_in_the_users_language() {
    for lang in [Lang::Nb, Lang::En] {
        let mut a = app();
        a.lang = lang;
        let text = help_text(&mut a);
        for c in COMMANDS {
            assert!(
                text.contains(&c.usage(lang)),
                "{lang:?}: {} missing",
                c.usage(lang)
            );
            assert!(
                text.contains(lang.t(c.help)),
                "{lang:?}: help of :{} missing",
                c.name
            );
        }
    }
}

#[test]
fn a_representative_is_offered_only_the_commands_of_their_seat() {
    let mut rep = app_of(common::authors::ntl());
    let text = help_text(&mut rep);
    for (command, offered) in [
        (":approve", true),
        (":changes", true),
        (":export", true),
        (":start", false),
        (":circulate", false),
        (":closevote", false),
    ] {
        assert_eq!(text.contains(command), offered, "{command} in NTL's help");
    }
    // Tab does not complete to a command of the chair's.
    let mut rep = app_of(common::authors::ntl());
    type_line(&mut rep, "circ");
    update(&mut rep, Action::Complete);
    assert_eq!(line(&rep), "circ");
    // Typed in full it is refused, saying why.
    let mut rep = app_of(common::authors::ntl());
    update(&mut rep, Action::Command("new Budsjett".into()));
    let (text, warning) = rep.message.clone().expect("message");
    assert!(warning && text.contains("chair"), "{text}");
}

#[test]
fn norwegian_names_and_short_forms_find_the_same_command() {
    for (alias, name) in [
        ("ny", "new"),
        ("åpne", "open"),
        ("godkjenn", "approve"),
        ("x", "q"),
    ] {
        assert_eq!(find(alias).map(|c| c.name), Some(name));
    }
    assert!(find("nosuch").is_none());
}

#[test]
fn tab_completes_a_command_name_and_names_the_candidates() {
    let mut a = app();
    type_line(&mut a, "circ");
    update(&mut a, Action::Complete);
    assert_eq!(line(&a), "circulate ");
    let mut a = app();
    type_line(&mut a, "clo");
    update(&mut a, Action::Complete);
    assert_eq!(line(&a), "close", "as far as close and closevote agree");
    let (said, _) = a.message.clone().expect("candidates");
    assert!(said.contains("closevote"), "{said}");
    assert_eq!(a.mode(), Mode::Command, "still typing");
}

#[test]
fn an_unknown_command_is_named_and_a_command_needing_a_meeting_says_so() {
    let mut a = app();
    update(&mut a, Action::Command("frobnicate".into()));
    let (text, warning) = a.message.clone().expect("message");
    assert!(warning && text.contains("frobnicate"), "{text}");
    update(&mut a, Action::Command("attendance".into()));
    let (text, warning) = a.message.clone().expect("message");
    assert!(warning && text.contains("meeting"), "{text}");
    assert!(a.popups.is_empty());
}

#[test]
fn an_unknown_theme_names_the_themes_there_are_and_keeps_the_colours() {
    use samrad::app::ThemeName;
    let mut a = app();
    type_line(&mut a, "theme contrast");
    update(&mut a, Action::Open);
    assert_eq!(a.theme, ThemeName::HighContrast);

    for (lang, said) in [
        (
            Lang::En,
            "Unknown theme \"foo\": use default, contrast or none",
        ),
        (
            Lang::Nb,
            "Ukjent tema \"foo\": bruk default, contrast eller none",
        ),
    ] {
        a.lang = lang;
        type_line(&mut a, "theme foo");
        update(&mut a, Action::Open);
        assert_eq!(
            a.theme,
            ThemeName::HighContrast,
            "{lang:?}: the theme changed"
        );
        assert_eq!(a.message, Some((said.to_string(), true)), "{lang:?}");
    }

    type_line(&mut a, "tema standard");
    update(&mut a, Action::Open);
    assert_eq!(a.theme, ThemeName::Default);
}
