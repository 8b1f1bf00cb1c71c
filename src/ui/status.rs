use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::fit::{self, Part};
use super::theme::Theme;
use crate::app::{App, Binding, Mode, Pane, SaveState, keymap_for};
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
        let hints = fit::line(hint_parts(app, theme), top.width, Span::raw("  "));
        frame.render_widget(Paragraph::new(hints), top);
    }

    let mode = app.mode();
    let who = match &app.author.party {
        Some(p) if !app.author.name.contains(app.doc.forum.party_short(p)) => {
            format!("{} ({})", app.author.name, app.doc.forum.party_short(p))
        }
        _ => app.author.name.clone(),
    };
    // Whom samrad would write as is not who writes: nobody does, until it may write.
    let who = if app.reads_only() {
        format!("{who} [{}]", lang.t(Msg::ReadOnlyView))
    } else {
        who
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
    // Most important first to stay: the mode, the save state and the problems, the way to
    // help, who you are, the pane; the sync and the other writers go first.
    let mut parts = Vec::new();
    // In the archive there are no panes to name.
    if app.archive_view.is_none() {
        parts.push(Part::new(lang.t(pane_name(app.focus)), theme.bar, 6));
    }
    parts.push(Part::new(who, theme.bar, 7));
    parts.push(Part::new(save, save_style, 9).shortened(8, 20));
    if let Some(count) = crate::i18n::problem_count(lang, app.problem_count()) {
        parts.push(Part::new(format!("{count} (!)"), theme.warn, 9));
    }
    if let Some(live) = live_label(app) {
        parts.push(Part::new(live, theme.bar, 3).shortened(2, 16));
    }
    if let Some(sync) = sync_label(app, theme) {
        parts.push(Part::of(vec![sync], 5));
    }
    parts.push(Part::new(
        format!("? {}", lang.t(Msg::KeyHelp)),
        theme.bar,
        8,
    ));
    let mode = Span::styled(format!(" {} ", mode_label(app, mode)), theme.key);
    let room = (bar.width as usize).saturating_sub(mode.width() + 1);
    let mut spans = vec![mode, Span::styled(" ", theme.bar)];
    spans.extend(fit::fit(parts, room, Span::styled(" │ ", theme.bar)));
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.bar), bar);
}

/// The hints of the mode's keys the user may use, by priority (`Binding::hint`), highest
/// first: a narrow bar leaves out whole hints from the end.
pub fn hint_parts(app: &App, theme: &Theme) -> Vec<Part> {
    let mut hints: Vec<&Binding> = keymap_for(app.mode())
        .bindings
        .iter()
        .filter(|b| b.hint > 0 && app.may(&b.action).is_ok())
        .collect();
    hints.sort_by_key(|b| std::cmp::Reverse(b.hint));
    hints
        .into_iter()
        .map(|b| {
            let spans = vec![
                Span::styled(b.keys_label(), theme.title),
                Span::styled(format!(" {}", app.lang.t(b.help)), theme.dim),
            ];
            Part::of(spans, b.hint)
        })
        .collect()
}

/// The mode's name; the problems screen (keys as in help) by its own.
fn mode_label(app: &App, mode: Mode) -> String {
    match app.popups.last() {
        Some(crate::app::Popup::Problems { .. }) => app.t(Msg::ProblemsTitle).to_uppercase(),
        Some(crate::app::Popup::MeetingInfo { .. }) => app.t(Msg::MeetingInfoTitle).to_uppercase(),
        _ => app.t(mode_name(mode)).to_string(),
    }
}

/// "synk 10.31 med origin": when the background sync last went through, and with whom.
fn sync_label(app: &App, theme: &Theme) -> Option<Span<'static>> {
    let s = app.sync.as_ref()?;
    let lang = app.lang;
    Some(match (&s.failed, &s.last) {
        (Some(_), _) => Span::styled(lang.fill(Msg::SyncStatusFailed, &[&s.with]), theme.warn),
        (None, Some(at)) => Span::styled(lang.fill(Msg::SyncStatusAt, &[at, &s.with]), theme.bar),
        (None, None) => Span::styled(lang.fill(Msg::SyncStatusNever, &[&s.with]), theme.bar),
    })
}

/// "Skriver også: Tillitsvalgt NTL 10.31, …" – the other writers live now.
fn live_label(app: &App) -> Option<String> {
    if app.live.is_empty() {
        return None;
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
    Some(format!("{}: {}", app.lang.t(Msg::Writers), who.join(", ")))
}
