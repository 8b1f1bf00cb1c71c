//! The offer of unsaved text left behind: when and where it was typed, the text itself,
//! and the keys (restore, later, discard).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::theme::Theme;
use super::widgets::{centered, popup_block};
use crate::app::{App, Draft, Mode, draft_preview, keymap_for};
use crate::i18n::{self, Msg};

pub fn offer(frame: &mut Frame, area: Rect, app: &App, draft: &Draft, theme: &Theme) {
    let lang = app.lang;
    let rect = centered(area, 72, 14);
    frame.render_widget(Clear, rect);
    let block = popup_block(lang.t(Msg::DraftOfferTitle), theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);

    let when = i18n::short_datetime(lang, &draft.at);
    let mut lines = vec![
        Line::styled(
            lang.fill(Msg::DraftOffer, &[&when, &draft.title]),
            theme.title,
        ),
        Line::raw(""),
    ];
    lines.extend(
        draft_preview(draft)
            .lines()
            .map(|l| Line::styled(l.to_string(), theme.text)),
    );
    let keys: Vec<String> = keymap_for(Mode::Draft)
        .hints(lang)
        .into_iter()
        .map(|(k, what)| format!("{k} = {what}"))
        .collect();
    let mut foot = Vec::new();
    if !app.draft_offers.is_empty() {
        foot.push(Line::styled(
            lang.fill(Msg::DraftMore, &[&app.draft_offers.len()]),
            theme.dim,
        ));
    }
    // One key a line: at 80 columns they do not fit on one.
    foot.extend(keys.into_iter().map(|k| Line::styled(k, theme.dim)));
    let foot_h = (foot.len() as u16 + 1).min(inner.height);
    let body = Rect {
        height: inner.height.saturating_sub(foot_h + 1),
        ..inner
    };
    let foot_rect = Rect {
        y: inner.y + inner.height.saturating_sub(foot_h),
        height: foot_h,
        ..inner
    };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
    frame.render_widget(Paragraph::new(foot).wrap(Wrap { trim: true }), foot_rect);
}
