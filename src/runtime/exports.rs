//! The minutes and the innkalling of the meeting shown, written to the exports folder
//! (`:export`, `:innkalling`).

use std::path::PathBuf;

use crate::app::App;
use crate::export::{self, ExportOptions, Format};
use crate::i18n::Msg;
use crate::store::Layout;

/// Write the minutes of the meeting shown (or, `notice`, its innkalling) to the exports
/// folder, and say where.
pub fn export(layout: &Layout, app: &mut App, format: Format, notice: bool) -> Option<PathBuf> {
    let Some(minutes) = app.meeting.as_deref().and_then(|m| app.doc.minutes(m)) else {
        app.warn(app.t(Msg::NoMeetingOpen));
        return None;
    };
    let stem = if notice {
        format!("{}-innkalling", minutes.meeting.id)
    } else {
        minutes.meeting.id.clone()
    };
    let path = layout.export_path(&stem, format.extension());
    let opts = ExportOptions {
        lang: app.lang,
        include_confidential: false,
        today: app.now.date_naive(),
        doubts: Vec::new(),
    };
    let bytes = if notice {
        export::export_notice(&minutes, format, &opts)
    } else {
        export::export(&minutes, format, &opts)
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(export::ExportError::NotInFormat(_)) if notice => {
            app.warn(app.t(Msg::NoticeFormats));
            return None;
        }
        Err(e) => {
            app.warn(e.words(app.lang));
            return None;
        }
    };
    match crate::store::atomic::write_atomic(&path, &bytes) {
        Ok(()) => {
            app.say(written(app, &path, Msg::ExportedTo));
            Some(path)
        }
        Err(e) => {
            app.warn(format!(
                "{}: {}: {e}",
                app.t(Msg::ExportFailed),
                path.display()
            ));
            None
        }
    }
}

/// The innkalling as the chair sends it: a PDF, and the calendar invite beside it.
pub fn notice_with_invite(layout: &Layout, app: &mut App) {
    let Some(pdf) = export(layout, app, Format::Pdf, true) else {
        return;
    };
    if export(layout, app, Format::Ics, true).is_some() {
        app.say(written(app, &pdf, Msg::NoticeWritten));
    }
}

/// "Eksportert: FILE i DIR": the file's name first, so that a narrow status line cuts the
/// folder, not the name.
pub fn written(app: &App, path: &std::path::Path, what: Msg) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let dir = path
        .parent()
        .map(|d| d.display().to_string())
        .unwrap_or_default();
    app.lang.fill(what, &[&name, &dir])
}
