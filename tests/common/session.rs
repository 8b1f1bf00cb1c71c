//! The app and a store on one seeded data folder, driven the way the terminal drives them:
//! each action through `samrad::app::update`, its effects run by the same runtime as the
//! TUI's (inline: commits written durably and applied before the next action).

use chrono::{DateTime, FixedOffset};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use samrad::app::{self, Action, App, Effect, Form, Popup};
use samrad::i18n::Lang;
use samrad::model::{Author, Doc, Item};
use samrad::runtime::{Mode, Runtime};
use samrad::store::{Load, Store};

/// The key event of typing `c`.
pub fn typed(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

/// The changes among `fx` (what is written to the log), without drafts kept or dropped.
pub fn commits(fx: &[Effect]) -> Vec<&Effect> {
    fx.iter()
        .filter(|e| matches!(e, Effect::Commit(_)))
        .collect()
}

/// A data folder seeded with the template, a store on it and the app on top.
pub struct Session {
    pub dir: tempfile::TempDir,
    pub rt: Runtime,
    pub app: App,
}

impl Session {
    pub fn new(author: Author, lang: Lang, now: DateTime<FixedOffset>) -> Session {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(dir.path(), author.clone()).expect("open the store");
        let doc = store.load(&Load::All);
        let app = App::new(doc, author, lang, now);
        let rt = Runtime::new(store, Mode::Inline).expect("runtime");
        Session { dir, rt, app }
    }

    /// A new samrad on the same folder as after this one was killed (nothing finished: no
    /// minutes written, no goodbye), used by `author`: a fresh store and so a new writer,
    /// the app on the meeting shown first, and the drafts left behind offered.
    pub fn restarted_as(self, author: Author) -> Session {
        let Session { dir, rt, app } = self;
        let (lang, now) = (app.lang, app.now);
        drop(rt);
        let mut store = Store::open(dir.path(), author.clone()).expect("reopen the store");
        store.assume_now(now);
        let doc = store.load(&Load::All);
        let mut app = App::new(doc, author, lang, now);
        let mut rt = Runtime::new(store, Mode::Inline).expect("runtime");
        rt.offer_drafts(&mut app);
        Session { dir, rt, app }
    }

    /// `restarted_as` the same user.
    pub fn restarted(self) -> Session {
        let author = self.app.author.clone();
        self.restarted_as(author)
    }

    /// From now on the app is used by `author` (another person at the same screen).
    pub fn as_author(&mut self, author: Author) {
        self.store().set_author(author.clone());
        self.app.author = author;
    }

    /// The store the runtime writes through.
    pub fn store(&mut self) -> &mut Store {
        self.rt.store_mut()
    }

    /// One action: `update`, then its effects run. Returns every effect `update` asked for
    /// (commits included), so a test can see what was written.
    pub fn act(&mut self, action: Action) -> Vec<Effect> {
        let fx = app::update(&mut self.app, action);
        self.rt.run(&mut self.app, fx.clone());
        fx
    }

    /// Several actions, one after the other; returns every effect they asked for.
    pub fn acts(&mut self, actions: impl IntoIterator<Item = Action>) -> Vec<Effect> {
        actions.into_iter().flat_map(|a| self.act(a)).collect()
    }

    /// A key as the terminal sends it: through the key table of the mode the app is in,
    /// as `tui.rs` does.
    pub fn press(&mut self, code: KeyCode) -> Vec<Effect> {
        let ev = KeyEvent::new(code, KeyModifiers::NONE);
        match samrad::app::keymap_for(self.app.mode()).action(&ev) {
            Some(action) => self.act(action),
            None => Vec::new(),
        }
    }

    pub fn key(&mut self, code: KeyCode) -> Vec<Effect> {
        self.act(Action::Key(KeyEvent::new(code, KeyModifiers::NONE)))
    }

    /// Type text into whatever has the keys; '\n' is Enter. Typing commits nothing (it
    /// may keep a draft of the text).
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            let fx = match c {
                '\n' => self.key(KeyCode::Enter),
                c => self.key(KeyCode::Char(c)),
            };
            assert!(
                commits(&fx).is_empty(),
                "typing {c:?} committed something: {fx:?}"
            );
        }
    }

    /// Fill in a form from its focused field on: each text typed into its field, then
    /// down to the next.
    pub fn fill(&mut self, fields: &[&str]) {
        for (n, text) in fields.iter().enumerate() {
            if n > 0 {
                self.act(Action::Down);
            }
            self.type_text(text);
        }
    }

    /// Save the form on top, which must then close; returns what saving asked for.
    pub fn save_form(&mut self) -> Vec<Effect> {
        let fx = self.act(Action::Save);
        assert!(
            self.app.popups.is_empty(),
            "form still open: {:?}",
            self.form().error
        );
        fx
    }

    /// In a form: for each count, move down to the next field and press → that many times.
    pub fn pick(&mut self, rights: &[usize]) {
        for &n in rights {
            self.act(Action::Down);
            for _ in 0..n {
                self.key(KeyCode::Right);
            }
        }
    }

    /// Empty the focused one-line text field (its cursor sits at the end).
    pub fn clear_field(&mut self) {
        for _ in 0..80 {
            self.key(KeyCode::Backspace);
        }
    }

    pub fn form(&self) -> &Form {
        match self.app.popups.last() {
            Some(Popup::Form(f)) => f,
            other => panic!("expected a form on top, found {other:?}"),
        }
    }

    pub fn item_id(&self, title: &str) -> String {
        self.app
            .items()
            .iter()
            .find(|i| i.title == title)
            .unwrap_or_else(|| panic!("no item {title:?}"))
            .id
            .clone()
    }

    pub fn item(&self, id: &str) -> &Item {
        self.app
            .current_meeting()
            .and_then(|m| m.item(id))
            .unwrap_or_else(|| panic!("no item {id}"))
    }

    /// Select `item` on the agenda, from the top.
    pub fn select(&mut self, item: &str) {
        self.act(Action::Top);
        while self.app.selected_item().map(|i| i.id.as_str()) != Some(item) {
            let before = self.app.agenda_sel;
            self.act(Action::Down);
            assert_ne!(before, self.app.agenda_sel, "item {item} not on the agenda");
        }
    }

    pub fn titles(&self) -> Vec<String> {
        self.app.items().iter().map(|i| i.title.clone()).collect()
    }

    /// What a fresh samrad sees in the same folder.
    pub fn reloaded(&self) -> Doc {
        let mut fresh = Store::open(self.dir.path(), self.app.author.clone()).expect("reopen");
        fresh.assume_now(self.app.now);
        fresh.load(&Load::All)
    }

    /// Write the minutes of `meeting` and return the file's bytes.
    pub fn minutes_file(&mut self, meeting: &str) -> Vec<u8> {
        self.rt
            .store_mut()
            .materialize(&self.app.doc, meeting)
            .expect("materialize");
        std::fs::read(self.rt.store().layout().minutes_path(meeting)).expect("minutes file")
    }
}
