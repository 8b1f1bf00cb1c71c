//! The archive index and its word index, made on a background thread for the TUI.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};

use crate::app::App;
use crate::app::archive::archive_replaced;
use crate::search::WordIndex;
use crate::store::archive::{Archive, Depth};

/// The result of one indexing run: the archive when it had to be read or rebuilt (else the
/// one shown is current), and its word index when one was asked for.
type Indexed = (u64, Option<Arc<Archive>>, Option<Arc<WordIndex>>);

/// Loads the archive index (at the TUI's start), checks it against the logs (bringing it
/// up to date) and builds its word index, on a background thread: the first frame and the
/// archive view never wait for it. The word index (the most memory) is built only when
/// the archive view is open.
pub(super) struct WordIndexer {
    tx: Sender<Indexed>,
    rx: Receiver<Indexed>,
    /// Only the latest run's result is taken (and an earlier one's archive while none is
    /// shown yet).
    generation: u64,
    /// A run has not reported yet.
    busy: bool,
    /// The word index was asked for while the archive was still loading.
    words_wanted: bool,
}

impl WordIndexer {
    pub(super) fn new() -> WordIndexer {
        let (tx, rx) = mpsc::channel();
        WordIndexer {
            tx,
            rx,
            generation: 0,
            busy: false,
            words_wanted: false,
        }
    }

    /// Check (or load) the archive, and build the word index if the archive view is open.
    pub(super) fn start(&mut self, layout: crate::store::Layout, app: &App) {
        let want = app.archive_view.is_some();
        if app.archive_loading && self.busy {
            // The load under way comes first; the word index follows it.
            self.words_wanted |= want;
            return;
        }
        self.run(layout, app.archive.clone(), true, want, app.words.is_some());
    }

    /// `check`: compare the archive shown with the logs (else it is known current).
    /// `want`: build the word index unless `have` one that is current.
    fn run(
        &mut self,
        layout: crate::store::Layout,
        shown: Arc<Archive>,
        check: bool,
        want: bool,
        have: bool,
    ) {
        self.generation += 1;
        self.busy = true;
        let generation = self.generation;
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            let current = !check
                || (!shown.meetings.is_empty()
                    && Archive::is_fresh(&layout, shown.build, Depth::Files));
            if current {
                let words = match want && !have {
                    true => match Archive::read_folded(layout.root()) {
                        Ok(folded) => Some(Arc::new(WordIndex::build_from(&shown, &folded))),
                        Err(_) => None,
                    },
                    false => None,
                };
                let _ = tx.send((generation, None, words));
                return;
            }
            let (mut a, _) = Archive::open_checked(&layout, Depth::Files);
            let words = match want || have {
                true => {
                    if a.folded.is_empty() && !a.docs.is_empty() {
                        a.folded = Archive::read_folded(layout.root()).unwrap_or_default();
                    }
                    Some(Arc::new(WordIndex::build(&a)))
                }
                false => None,
            };
            a.text = String::new();
            a.folded = String::new();
            let _ = tx.send((generation, Some(Arc::new(a)), words));
        });
    }

    /// What the runs made, if they have finished.
    pub(super) fn take(&mut self, layout: &crate::store::Layout, app: &mut App) -> bool {
        let mut changed = false;
        while let Ok((generation, archive, words)) = self.rx.try_recv() {
            let latest = generation == self.generation;
            if latest {
                self.busy = false;
            }
            let loaded = app.archive_loading;
            if !latest && !loaded {
                continue;
            }
            app.archive_loading = false;
            let mut shown = false;
            match archive {
                Some(a) if a.meetings != app.archive.meetings => {
                    app.replace_archive(a);
                    shown = true;
                }
                Some(a) => app.archive = a,
                None => {}
            }
            match words.filter(|_| latest) {
                Some(words) => app.set_words(words),
                // The view showed the spinner: it shows the archive now.
                None if loaded && !shown => archive_replaced(app),
                None => {}
            }
            changed = true;
        }
        if !self.busy && self.words_wanted {
            self.words_wanted = false;
            if app.words.is_none() && app.archive_view.is_some() {
                self.run(layout.clone(), app.archive.clone(), false, true, false);
            }
        }
        changed
    }
}
