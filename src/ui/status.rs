use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::{App, Mode, Pane, SaveState, keymap_for};
use crate::i18n::Msg;

pub fn mode_name(mode: Mode) -> Msg {
    match mode {
        Mode::Normal => Msg::ModeNormal,
        Mode::Edit => Msg::ModeEdit,
        Mode::Form => Msg::ModeForm,
        Mode::Command => Msg::ModeCommand,
        Mode::Search => Msg::ModeSearch,
        Mode::Confirm => Msg::ModeConfirm,
        Mode::List => Msg::ModeList,
        Mode::Help => Msg::ModeHelp,
        Mode::Archive => Msg::ArchiveTitle,
        Mode::Draft => Msg::ModeDraft,
    }
}

pub fn pane_name(p: Pane) -> Msg {
    match p {
        Pane::Agenda => Msg::PaneAgenda,
        Pane::Areas => Msg::PaneAreas,
        Pane::Actions => Msg::PaneActions,
        Pane::Detail => Msg::PaneDetail,
    }
}

/// Two lines: the prompt or a message, then the bar: mode, pane, who, save state, hints.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let top = Rect { height: 1, ..area };
    let bar = Rect {
        y: area.y + 1,
        height: 1,
        ..area
    };

    if let Some(line) = app.command.as_ref().or(app.search.as_ref()) {
        let prefix = if app.command.is_some() { ":" } else { "/" };
        let text = line.lines().join(" ");
        frame.render_widget(Paragraph::new(format!("{prefix}{text}")), top);
        let col = line.cursor().1 as u16;
        frame.set_cursor_position(Position {
            x: top.x + 1 + col,
            y: top.y,
        });
    } else if let Some((msg, is_error)) = &app.message {
        frame.render_widget(
            Paragraph::new(Line::styled(
                format!(" {msg}"),
                if *is_error { theme.warn } else { theme.ok },
            )),
            top,
        );
    } else if let Some(why) = &app.read_only {
        frame.render_widget(
            Paragraph::new(Line::styled(
                format!(" {}: {why}", lang.t(Msg::ReadOnly)),
                theme.warn,
            )),
            top,
        );
    } else {
        let mut spans = Vec::new();
        for b in keymap_for(app.mode()).bindings.iter().filter(|b| b.hint) {
            if app.may(&b.action).is_err() {
                continue;
            }
            spans.push(Span::styled(format!(" {}", b.keys_label()), theme.title));
            spans.push(Span::styled(format!(" {} ", lang.t(b.help)), theme.dim));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), top);
    }

    let mode = app.mode();
    let who = match &app.author.party {
        Some(p) if !app.author.name.contains(app.doc.forum.party_short(p)) => {
            format!("{} ({})", app.author.name, app.doc.forum.party_short(p))
        }
        _ => app.author.name.clone(),
    };
    let save = match &app.save {
        SaveState::Idle => lang.t(Msg::NothingSaved).to_string(),
        SaveState::Saving(_) => lang.t(Msg::Saving).to_string(),
        SaveState::Saved(at) => format!("{} {at}", lang.t(Msg::SavedAt)),
        SaveState::Failed(e) => format!("{}: {e}", lang.t(Msg::SaveFailed)),
    };
    let save_style = if matches!(app.save, SaveState::Failed(_)) {
        theme.warn
    } else {
        theme.bar
    };
    // In the archive there are no panes to name.
    let place = if app.archive_view.is_some() {
        format!(" {who} │ ")
    } else {
        format!(" {} │ {who} │ ", lang.t(pane_name(app.focus)))
    };
    let spans = vec![
        Span::styled(format!(" {} ", mode_label(app, mode)), theme.key),
        Span::styled(place, theme.bar),
        Span::styled(save, save_style),
        Span::styled(problems_label(app), theme.warn),
        Span::styled(live_label(app), theme.bar),
        sync_label(app, theme),
        Span::styled(format!(" │ ? {}", lang.t(Msg::KeyHelp)), theme.bar),
    ];
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.bar), bar);
}

/// The mode's name; the problems screen (keys as in help) by its own.
fn mode_label(app: &App, mode: Mode) -> String {
    match app.popups.last() {
        Some(crate::app::Popup::Problems { .. }) => app.t(Msg::ProblemsTitle).to_uppercase(),
        _ => app.t(mode_name(mode)).to_string(),
    }
}

/// " │ ⚠ 3 problemer (!)": what the problems screen lists, in words, so that it shows
/// without colour too.
fn problems_label(app: &App) -> String {
    match crate::i18n::problem_count(app.lang, app.problem_count()) {
        Some(count) => format!(" │ {count} (!)"),
        None => String::new(),
    }
}

/// " │ synk 10.31 med origin": when the background sync last went through, and with whom.
fn sync_label(app: &App, theme: &Theme) -> Span<'static> {
    let Some(s) = &app.sync else {
        return Span::raw("");
    };
    let lang = app.lang;
    match (&s.failed, &s.last) {
        (Some(_), _) => Span::styled(
            format!(" │ {}", lang.fill(Msg::SyncStatusFailed, &[&s.with])),
            theme.warn,
        ),
        (None, Some(at)) => Span::styled(
            format!(" │ {}", lang.fill(Msg::SyncStatusAt, &[at, &s.with])),
            theme.bar,
        ),
        (None, None) => Span::styled(
            format!(" │ {}", lang.fill(Msg::SyncStatusNever, &[&s.with])),
            theme.bar,
        ),
    }
}

/// " │ Skriver også: Tillitsvalgt NTL 10.31, …" – the other writers live now.
fn live_label(app: &App) -> String {
    if app.live.is_empty() {
        return String::new();
    }
    let who: Vec<String> = app
        .live
        .iter()
        .map(|(name, at)| {
            format!(
                "{name} {}",
                crate::i18n::short_datetime(app.lang, at)
                    .rsplit(' ')
                    .next()
                    .unwrap_or("")
            )
        })
        .collect();
    format!(" │ {}: {}", app.lang.t(Msg::Writers), who.join(", "))
}
