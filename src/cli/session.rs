//! What every command starts from: the settings, the data folder opened, the forum folded
//! and the archive index brought up to date. Warnings go to stderr in the user's language.

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};

use super::args::Cli;
use crate::config;
use crate::i18n::{self, Lang, Msg};
use crate::model::{Author, Doc};
use crate::store::archive::{Archive, Part};
use crate::store::{Load, Store};

/// Everything a command needs: settings, the opened store and the folded data.
pub struct Session {
    pub lang: Lang,
    pub store: Store,
    /// The forum folded (and, for the TUI, the meeting it opens).
    pub doc: Doc,
    pub archive: Archive,
    pub mouse: bool,
    /// Whether `--as`, the config or an admitted key said who the user is.
    pub identity_known: bool,
    /// The public key ops are signed with (`ed25519:…`); empty without one.
    pub key: String,
    /// The meeting folded into `doc` with the forum, when the session folded one
    /// (`open_or_seed`).
    pub first: Option<String>,
}

/// Today, where the user is.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// What was warned of so far, for the TUI's problems screen (stderr is gone once the
/// screen is there).
static WARNED: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// A warning on stderr (and kept for the problems screen). It may quote a file name or
/// text from the logs: printable only.
pub fn warn(lang: Lang, text: &str) {
    if let Ok(mut warned) = WARNED.lock() {
        warned.push(text.to_string());
    }
    say_warning(lang, text);
}

fn say_warning(lang: Lang, text: &str) {
    let text = crate::export::safe_text::printable(text);
    eprintln!("samrad: {}: {text}", lang.t(Msg::Warning).to_lowercase());
}

/// The warnings given so far (not the store's problems: the TUI lists those itself).
pub fn take_warnings() -> Vec<String> {
    WARNED
        .lock()
        .map(|mut w| std::mem::take(&mut *w))
        .unwrap_or_default()
}

/// The user's language, from the command line, the settings and `LANG`, without a word
/// about a broken settings file (`settings` says that).
pub fn language(cli: &Cli) -> Lang {
    let (cfg, _) = config::load(config::default_config_path().as_deref());
    config::choose_lang(cli.lang, &cfg, std::env::var("LANG").ok().as_deref())
}

/// The settings and data folder a command runs with, before anything is opened.
pub fn settings(cli: &Cli) -> Result<(config::Config, Lang, PathBuf)> {
    let config_path = config::default_config_path();
    let (cfg, warning) = config::load(config_path.as_deref());
    let lang = config::choose_lang(cli.lang, &cfg, std::env::var("LANG").ok().as_deref());
    if let Some(w) = warning {
        warn(lang, &i18n::config_warning(lang, &w));
    }
    let root = match &cli.data_dir {
        Some(d) => d.clone(),
        None => {
            config::default_data_dir().ok_or_else(|| anyhow!("{}", lang.t(Msg::NoHomeFolder)))?
        }
    };
    Ok((cfg, lang, root))
}

/// The settings and data folder of a command that reads: the folder must hold samrad data
/// already, and nothing is made when it does not.
pub fn existing_folder(cli: &Cli) -> Result<(config::Config, Lang, PathBuf)> {
    let (cfg, lang, root) = settings(cli)?;
    super::folder::require_data(&root, lang)?;
    Ok((cfg, lang, root))
}

/// For a command that reads: the data folder (which must hold samrad data), with the
/// archive index checked against every log first.
pub fn open_existing(cli: &Cli) -> Result<Session> {
    let (cfg, lang, root) = existing_folder(cli)?;
    open_at(cli, cfg, lang, &root, true)
}

/// As `open_existing`, for a command that reads of the archive index only the parts up to
/// `part`. `forum_only`: it needs of the forum only `Forum` (not its actions), which the
/// index keeps, so the forum is not folded; `Session::doc` then holds only the forum.
pub fn open_reading(cli: &Cli, part: Part, forum_only: bool) -> Result<Session> {
    let (cfg, lang, root) = existing_folder(cli)?;
    let fold = if forum_only {
        Fold::IndexForum
    } else {
        Fold::Forum
    };
    open_with(cli, cfg, lang, &root, Some(part), fold)
}

/// For the TUI: the data folder, made and seeded on the first start; the archive index is
/// not read (the TUI loads it in the background). The meeting the start hint names is
/// folded with the forum at once (`Session::first`): the forum is read once, not twice.
pub fn open_or_seed(cli: &Cli) -> Result<Session> {
    let (cfg, lang, root) = settings(cli)?;
    open_with(cli, cfg, lang, &root, None, Fold::Hinted)
}

/// The data folder at `root`, made and seeded when new. `checked`: the archive index is
/// checked against every log first; else it is left empty, for the caller to load.
pub fn open_at(
    cli: &Cli,
    cfg: config::Config,
    lang: Lang,
    root: &Path,
    checked: bool,
) -> Result<Session> {
    open_with(
        cli,
        cfg,
        lang,
        root,
        checked.then_some(Part::Texts),
        Fold::Forum,
    )
}

/// What a session folds first.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fold {
    /// The forum, from its logs.
    Forum,
    /// The forum as the archive index keeps it when it has it (not its actions).
    IndexForum,
    /// The meeting the start hint names with the forum, or the forum alone without one.
    Hinted,
}

/// `open_at`, the archive index read up to `part` (none: not read), folding what `fold`
/// says.
fn open_with(
    cli: &Cli,
    cfg: config::Config,
    lang: Lang,
    root: &Path,
    part: Option<Part>,
    fold: Fold,
) -> Result<Session> {
    let store_error = |e: crate::store::StoreError| anyhow!("{}", i18n::store_error(lang, &e));
    let mut store = Store::open(root, Author::default()).map_err(store_error)?;
    if let Some(now) = assumed_now(lang) {
        store.assume_now(now);
    }
    store.set_signer(signer(cli, &cfg, lang));
    let key = store
        .signer()
        .map(|s| s.public().to_string())
        .unwrap_or_default();
    let layout = store.layout().clone();
    // The TUI (no `part`) brings up the archive index itself (`cli::start`).
    let (archive, refresh) = match part {
        Some(part) => Archive::open_part(&layout, part, || load_forum(&mut store)),
        None => Default::default(),
    };
    // Meetings that changed since the index was made get their minutes file brought up to
    // date; after a large sync that is left to when each is opened, shown or exported.
    if refresh.folded_ids.len() <= 20 {
        for id in &refresh.folded_ids {
            let doc = store.load(&Load::Meeting(id.clone()));
            if let Err(e) = store.materialize(&doc, id) {
                warn(lang, &i18n::store_error(lang, &e));
            }
        }
    }
    // The index's forum is the forum as folded for the index just checked or built.
    let mut first = None;
    let doc = match archive.forum.clone() {
        Some(forum) if fold == Fold::IndexForum => {
            let mut doc = Doc::default();
            doc.forum = forum;
            doc
        }
        _ if fold == Fold::Hinted => match hinted_meeting(&mut store) {
            Some((id, doc)) => {
                first = Some(id);
                doc
            }
            None => store.load(&Load::Forum),
        },
        _ => store.load(&Load::Forum),
    };
    let named = cli.as_name.as_deref().or(cfg.identity.as_deref());
    let admitted = doc
        .forum
        .key_holder(&key)
        .and_then(|p| doc.forum.person(p))
        .cloned();
    let author = match admitted {
        // In a secured forum the key says who writes: a name that says otherwise is
        // not taken.
        Some(ref p) => {
            let author = resolve_author(Some(&p.id), &doc);
            if let Some(other) = named.filter(|n| resolve_author(Some(n), &doc) != author) {
                warn(lang, &lang.fill(Msg::KeyIsSomeoneElse, &[&other, &p.name]));
            }
            author
        }
        None => {
            let author = resolve_author(named, &doc);
            // A name that is none of the forum's people writes as a guest: say so.
            if let Some(name) = named.filter(|_| author.person.is_none()) {
                let people: Vec<&str> = doc.forum.people.iter().map(|p| p.name.as_str()).collect();
                warn(
                    lang,
                    &lang.fill(Msg::AsUnknown, &[&name, &people.join(", ")]),
                );
            }
            author
        }
    };
    store.set_author(author);
    for p in &store.problems {
        say_warning(lang, &i18n::problem(lang, p));
    }
    if let Some(why) = store.read_only() {
        eprintln!("samrad: {}: {why}", lang.t(Msg::ReadOnly).to_lowercase());
    }
    Ok(Session {
        lang,
        store,
        doc,
        archive,
        mouse: cli.mouse || cfg.mouse,
        identity_known: cli.as_name.is_some() || cfg.identity.is_some() || admitted.is_some(),
        key,
        first,
    })
}

/// The meeting the start hint names, folded with the forum; `None` without a hint or when
/// the meeting is gone since the hint was written.
fn hinted_meeting(store: &mut Store) -> Option<(String, Doc)> {
    let id = crate::store::start_hint::first_meeting(store.layout(), today())?;
    // For the first frame: the TUI's runtime puts the rest of the forum's actions in
    // before anything is applied (`Runtime::complete`).
    let doc = store.load_first(&Load::Meeting(id.clone()));
    doc.meeting(&id)?;
    Some((id, doc))
}

/// The forum folded, and whether its logs were read without a problem.
fn load_forum(store: &mut Store) -> (Doc, bool) {
    let doc = store.load(&Load::Forum);
    (doc, store.problems.iter().all(|p| p.kind.is_repair()))
}

/// The key that signs this user's ops: `--key`, the config's, or samrad's own (made on
/// first use). A key that cannot be used is said, and nothing is signed: in a secured
/// forum what this user writes then counts for nothing, and the TUI says so.
fn signer(cli: &Cli, cfg: &config::Config, lang: Lang) -> Option<crate::store::keys::Signer> {
    use crate::store::keys::Signer;
    let made = match cli.key.as_ref().or(cfg.key.as_ref()) {
        Some(path) => Signer::load(path),
        None => Signer::load_or_create(&config::default_key_path()?),
    };
    made.map_err(|e| warn(lang, &lang.fill(Msg::KeyUnusable, &[&e])))
        .ok()
}

/// `SAMRAD_NOW`: a time to take as now when it is later than this machine's clock (lines
/// are read up to a day ahead of now). For demos and tests of a meeting ahead.
pub(super) fn assumed_now(lang: Lang) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    let text = std::env::var("SAMRAD_NOW").ok()?;
    chrono::DateTime::parse_from_rfc3339(text.trim())
        .map_err(|e| warn(lang, &format!("SAMRAD_NOW={text}: {e}")))
        .ok()
}

impl Session {
    /// The forum and one meeting folded, its minutes file brought up to date.
    pub fn meeting_doc(&mut self, id: &str) -> Doc {
        let doc = self.store.load(&Load::Meeting(id.to_string()));
        if let Err(e) = self.store.materialize(&doc, id) {
            warn(self.lang, &i18n::store_error(self.lang, &e));
        }
        doc
    }

    /// What in a meeting's record shows tampering, in words (as read and folded just now).
    pub fn doubts(&self, doc: &Doc, id: &str) -> Vec<String> {
        let layout = self.store.layout();
        let (forum, meeting) = (
            layout.scope_dir(&crate::model::Scope::Forum),
            layout.scope_dir(&crate::model::Scope::Meeting(id.to_string())),
        );
        i18n::doubts(
            self.lang,
            &self.store.problems,
            doc,
            id,
            &[&forum, &meeting],
        )
    }

    /// The minutes of a meeting by id, date or `latest`, and what in its record shows
    /// tampering.
    pub fn minutes(&mut self, key: &str) -> Result<(crate::model::Minutes, Vec<String>)> {
        let lang = self.lang;
        let id = crate::model::find_meeting(
            self.archive
                .meetings
                .iter()
                .map(|m| (m.id.as_str(), m.starts_at.as_str())),
            key,
        )
        .map_err(|e| {
            // A meeting whose logs could not be read is not in the archive: say which
            // files could not be read, and why, and not only that nothing matches.
            let mut text = i18n::lookup_error(lang, &e);
            for p in crate::store::log::unreadable_logs(self.store.layout()) {
                text.push('\n');
                text.push_str(&i18n::problem(lang, &p));
            }
            anyhow!("{text}")
        })?;
        let layout = self.store.layout().clone();
        if let Some(minutes) = crate::store::shown::read(&layout, &id) {
            return Ok((minutes, Vec::new()));
        }
        // Marked before the logs are read: a change made meanwhile is seen next time.
        let marks = crate::store::shown::marks(&layout, &id);
        let doc = self.meeting_doc(&id);
        // What was found reading the meeting's logs is said, as the forum's was on opening:
        // a log that could not be read (the minutes are short), a bad line, a conflict
        // copy. (What shows tampering is in the minutes' own words: `doubts`.)
        let dir = self
            .store
            .layout()
            .scope_dir(&crate::model::Scope::Meeting(id.clone()));
        for p in self
            .store
            .problems
            .iter()
            .filter(|p| p.path.starts_with(&dir) && !p.kind.is_breach())
        {
            say_warning(lang, &i18n::problem(lang, p));
        }
        let doubts = self.doubts(&doc, &id);
        let minutes = doc
            .minutes(&id)
            .ok_or_else(|| anyhow!("{}", lang.t(Msg::UnknownMeeting)))?;
        let clean = self.store.problems.iter().all(|p| p.kind.is_repair());
        if let Some(marks) = marks
            && clean
            && doubts.is_empty()
            && self.store.read_only().is_none()
        {
            // Only a shortcut for next time: not kept is no loss.
            let _ = crate::store::shown::write(&layout, &id, marks, &minutes);
        }
        Ok((minutes, doubts))
    }
}

/// Match `--as` against the forum's people (id or name, ignoring case); any other text is
/// taken as a name without a party.
pub fn resolve_author(name: Option<&str>, doc: &Doc) -> Author {
    let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) else {
        let user = std::env::var("USER")
            .or_else(|_| std::env::var("LOGNAME"))
            .unwrap_or_else(|_| "?".into());
        return Author {
            name: user,
            person: None,
            party: None,
        };
    };
    match doc.forum.find_person(name) {
        Some(p) => Author {
            name: p.name.clone(),
            person: Some(p.id.clone()),
            party: p.party.clone(),
        },
        None => Author {
            name: name.to_string(),
            person: None,
            party: None,
        },
    }
}
