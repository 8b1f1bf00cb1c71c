//! This samrad's draft on disk: what `app::current_draft` says is being typed, written to
//! `local/drafts/` (`store::drafts`) at most every half second while it changes (at once
//! inline), removed once the text is saved and durable; and at start, the drafts samrads
//! that are gone left behind, handed to the app to offer.

use std::time::{Duration, Instant};

use crate::app::{App, Draft, SaveState};
use crate::i18n::{self, Msg};
use crate::store::Layout;
use crate::store::drafts::Drafts;

/// A draft that changes is written at most this often: typing is never lost for longer.
pub const DRAFT_EVERY: Duration = Duration::from_millis(500);

pub struct DraftKeeper {
    files: Result<Drafts, String>,
    layout: Layout,
    writer: String,
    every: Duration,
    /// Changed since last written.
    dirty: bool,
    last_write: Option<Instant>,
    /// Saved text not yet durable: the draft goes once every op is on disk (and stays if
    /// writing them failed).
    drop_when_saved: bool,
    /// A failure to keep the draft was said (once until it works again).
    told: bool,
}

impl DraftKeeper {
    /// `inline`: every change written at once (tests, scripts).
    pub fn new(layout: &Layout, writer: &str, inline: bool) -> DraftKeeper {
        DraftKeeper {
            files: Drafts::open(layout, writer).map_err(|e| e.to_string()),
            layout: layout.clone(),
            writer: writer.to_string(),
            every: if inline { Duration::ZERO } else { DRAFT_EVERY },
            dirty: false,
            last_write: None,
            drop_when_saved: false,
            told: false,
        }
    }

    /// The text changed: written now when the last write is long enough ago, else by
    /// `poll`.
    pub fn changed(&mut self, app: &mut App) {
        self.dirty = true;
        self.drop_when_saved = false;
        self.write(app, false);
    }

    /// Write the draft if it changed and is due (or `now`). False when it could not be
    /// written.
    pub fn write(&mut self, app: &mut App, now: bool) -> bool {
        if !self.dirty || (!now && self.last_write.is_some_and(|t| t.elapsed() < self.every)) {
            return true;
        }
        self.dirty = false;
        self.last_write = Some(Instant::now());
        let result = match &self.files {
            Ok(files) => match crate::app::current_draft(app) {
                Some(draft) => files.save(&Draft {
                    writer: self.writer.clone(),
                    ..draft
                }),
                // Back to the text it opened with: nothing to keep.
                None => files.remove(),
            }
            .map_err(|e| e.to_string()),
            Err(e) => Err(e.clone()),
        };
        match result {
            Ok(()) => {
                self.told = false;
                true
            }
            Err(e) => {
                // Tried again at the next poll; nothing that relies on it is done meanwhile.
                self.dirty = true;
                if !self.told {
                    self.told = true;
                    app.warn(app.lang.fill(Msg::DraftNotKept, &[&e]));
                }
                false
            }
        }
    }

    /// The text was saved or thrown away. Unless its op could not be made (`failed`), the
    /// draft goes: once every op is durable.
    pub fn drop(&mut self, app: &mut App, failed: bool) {
        self.dirty = false;
        if failed {
            return;
        }
        if app.pending_ops() > 0 {
            self.drop_when_saved = true;
        } else {
            self.remove(app);
        }
    }

    /// Every op durable (or failed): the draft of saved text goes, or stays if the save
    /// failed.
    pub fn settle(&mut self, app: &mut App) {
        if !self.drop_when_saved || app.pending_ops() > 0 {
            return;
        }
        self.drop_when_saved = false;
        if matches!(app.save, SaveState::Failed(_)) {
            app.warn(app.t(Msg::DraftKeptAfterFailure));
        } else {
            self.remove(app);
        }
    }

    fn remove(&mut self, app: &mut App) {
        if let Ok(files) = &self.files
            && let Err(e) = files.remove()
        {
            let path = self.layout.relative(&files.path_of(&self.writer));
            app.warn(format!(
                "{}: {e}",
                app.lang.fill(Msg::CouldNotWrite, &[&path])
            ));
        }
    }

    /// A draft left behind was restored or thrown away: its file goes, once this samrad's
    /// own draft (the restored text) is on disk.
    pub fn forget(&mut self, app: &mut App, writer: &str) {
        if !self.write(app, true) {
            return;
        }
        if let Ok(files) = &mut self.files
            && let Err(e) = files.forget(writer)
        {
            let path = self.layout.relative(&files.path_of(writer));
            app.warn(format!(
                "{}: {e}",
                app.lang.fill(Msg::CouldNotWrite, &[&path])
            ));
        }
    }

    /// At start: the drafts left behind by samrads that are gone, to the app to offer.
    pub fn offer(&mut self, app: &mut App) {
        let Ok(files) = &mut self.files else {
            return;
        };
        let (left, problems) = files.left_behind::<Draft>();
        let unreadable: Vec<String> = problems
            .into_iter()
            .map(|mut p| {
                p.path = self.layout.relative(&p.path).into();
                i18n::problem(app.lang, &p)
            })
            .collect();
        let drafts = left
            .into_iter()
            .map(|l| Draft {
                writer: l.writer,
                ..l.draft
            })
            .collect();
        for writer in crate::app::offer_drafts(app, drafts, &unreadable) {
            files.release(&writer);
        }
    }
}
