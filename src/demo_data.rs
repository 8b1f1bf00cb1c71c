//! `samrad demo-data`: a realistic synthetic archive, the same for the same seed.
//!
//! The archive goes on top of the template's forum (same parties, people and areas): years of
//! contact-group meetings, each prepared by the chair's process a week or so before (agenda,
//! documents), held on the day (attendance, positions per party with reasons, votes,
//! protokolltilførsler, inputs, speakers, conclusions, action items) by the chair's process
//! and one to three reps' processes, then circulated and approved party by party. Forum-wide
//! ops (action items and their follow-up, inputs to development areas, development area
//! status) come from one secretariat process per year.
//!
//! "The present" is the template's date, not the clock, so that a seed always gives the same
//! bytes: the newest meeting is planned, the few before it are closed or out for approval
//! (one past its deadline), the rest approved, a few of them in a second round.
//!
//! Minutes are made from a fold kept in memory while generating: a meeting's minutes are
//! written once every action item it can show has reached its final state, and the meeting
//! then leaves memory, so 10,000 meetings need no more memory than ten.

use std::collections::BTreeMap;
use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Instant;

use anyhow::{Context, Result, anyhow, bail};
use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Weekday,
};

use crate::demo::Rng;
use crate::model::{
    ActionField, ActionStatus, Agreement, Author, Change, DevAreaStatus, Doc, Document, Forum, Id,
    Input, InputTarget, ItemField, ItemKind, ItemNumber, MeetingField, MeetingStatus, OpMeta,
    Owner, Person, Presence, SCHEMA_VERSION, Scope, Stance, VoteMethod, VoteOption, VoteOptionKind,
    VoteRule, next_item_number,
};
use crate::store::clock::Clock;
use crate::store::op::{Op, line_hash};
use crate::store::{Layout, Store, atomic, fold, minutes_bytes, perms, seal, seed};

/// About as many as fit at four a day on the weekdays since 1980.
pub const MAX_MEETINGS: usize = 40_000;
/// Every action item reaches its final state within this many meetings of the one it came
/// from; a meeting's minutes are written that many meetings later.
const ACTION_SPAN: usize = 8;
/// Threads writing and fsyncing files while the generator runs.
const WRITER_THREADS: usize = 16;

/// What a run wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    pub meetings: usize,
    pub items: usize,
    pub ops: u64,
    pub files: usize,
    pub bytes: u64,
}

pub fn run(root: &Path, meetings: usize, seed: u64) -> Result<()> {
    let started = Instant::now();
    let stats = generate(root, meetings, seed)?;

    // The archive index now, so that the first `samrad --archive` or `samrad search` does
    // not have to fold every meeting.
    let (_, index) = crate::store::archive::Archive::open(&crate::store::Layout::new(root));
    if !index.written {
        eprintln!("samrad demo-data: warning: the archive index could not be written");
    }

    println!(
        "samrad demo-data: {} meetings ({} with the template's), {} items, {} ops, {} files ({:.1} MB) in {}, {:.1} s",
        stats.meetings,
        stats.meetings + 1,
        stats.items,
        stats.ops,
        stats.files,
        stats.bytes as f64 / 1e6,
        root.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Write the archive into `root` (created and seeded with the template when new). Refuses a
/// folder that holds anything but the template, so demo data never mixes with real minutes.
pub fn generate(root: &Path, meetings: usize, seed: u64) -> Result<Stats> {
    if meetings == 0 {
        bail!("demo-data needs at least one meeting: --meetings N");
    }
    if meetings > MAX_MEETINGS {
        bail!("demo-data writes at most {MAX_MEETINGS} meetings; asked for {meetings}");
    }
    refuse_foreign_folder(root)?;
    let layout = Store::open(root, Author::default())?.layout().clone();
    let template = template_doc()?;
    refuse_existing_data(&layout, &template)?;
    let mut g = Gen::new(layout, template, meetings, seed)?;
    for k in 0..g.slots.len() {
        g.meeting(k)?;
        if k >= ACTION_SPAN {
            g.write_minutes(k - ACTION_SPAN)?;
        }
    }
    g.finish()
}

/// A folder that exists, has things in it and is not a samrad data folder is not ours to fill.
fn refuse_foreign_folder(root: &Path) -> Result<()> {
    if !root.exists() {
        return Ok(());
    }
    if !root.is_dir() {
        bail!("{} is not a folder", root.display());
    }
    let mut entries =
        std::fs::read_dir(root).with_context(|| format!("could not read {}", root.display()))?;
    if entries.next().is_some() && !root.join("log").is_dir() {
        bail!(
            "{} is not empty and is not a samrad data folder; demo data goes into a new or empty folder (--data-dir)",
            root.display()
        );
    }
    Ok(())
}

/// Only the template's own logs may be there: any other meeting, or any change made with
/// samrad, is someone's data.
fn refuse_existing_data(layout: &Layout, template: &Doc) -> Result<()> {
    let mut meetings = Vec::new();
    let mut others = Vec::new();
    for scope in layout.scopes() {
        if let Scope::Meeting(id) = &scope
            && template.meeting(id).is_none()
        {
            meetings.push(id.clone());
        }
        for path in layout.log_files(&scope) {
            if path.file_stem().is_none_or(|s| s != seed::TEMPLATE_WRITER) {
                others.push(path);
            }
        }
    }
    let root = layout.root().display();
    if let Some(first) = meetings.first() {
        bail!(
            "{root} already holds {} meeting(s) besides the template's (e.g. {first}); demo data is only written into a new folder or one with nothing but the template, so that it never mixes with real minutes. Give another folder with --data-dir.",
            meetings.len()
        );
    }
    if let Some(first) = others.first() {
        bail!(
            "{root} already holds changes made with samrad (e.g. {}); demo data is only written into a new folder or one with nothing but the template. Give another folder with --data-dir.",
            first.display()
        );
    }
    Ok(())
}

/// The template folded: the forum, its first meeting and its actions.
fn template_doc() -> Result<Doc> {
    let groups = seed::template_ops().map_err(|e| anyhow!("the built-in template: {e}"))?;
    Ok(fold::fold(
        groups.into_iter().flat_map(|(_, ops)| ops).collect(),
    ))
}

// ---------------------------------------------------------------------------------------
// Time

const CET: FixedOffset = match FixedOffset::east_opt(3600) {
    Some(o) => o,
    None => panic!("UTC+1 is an offset"),
};
const CEST: FixedOffset = match FixedOffset::east_opt(7200) {
    Some(o) => o,
    None => panic!("UTC+2 is an offset"),
};

/// Norwegian local time: CET, and CEST from the last Sunday of March to the last Sunday of
/// October (for daytime hours, the day is enough).
fn oslo_offset(day: NaiveDate) -> FixedOffset {
    let last_sunday = |month: u32| {
        let end = NaiveDate::from_ymd_opt(day.year(), month, 31).unwrap_or(day);
        end - Duration::days(i64::from(end.weekday().num_days_from_sunday()))
    };
    if day >= last_sunday(3) && day < last_sunday(10) {
        CEST
    } else {
        CET
    }
}

fn local(t: NaiveDateTime) -> DateTime<FixedOffset> {
    let offset = oslo_offset(t.date());
    let utc = t - Duration::seconds(i64::from(offset.local_minus_utc()));
    DateTime::from_naive_utc_and_offset(utc, offset)
}

/// The text of a time as samrad writes it (RFC 3339, seconds, with offset).
fn rfc3339(t: NaiveDateTime) -> String {
    local(t).to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

fn at_hm(day: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    day.and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default())
}

fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

fn prev_weekday(mut day: NaiveDate) -> NaiveDate {
    loop {
        day -= Duration::days(1);
        if !is_weekend(day) {
            return day;
        }
    }
}

fn weekday_on_or_before(day: NaiveDate) -> NaiveDate {
    if is_weekend(day) {
        prev_weekday(day)
    } else {
        day
    }
}

fn weekday_on_or_after(mut day: NaiveDate) -> NaiveDate {
    while is_weekend(day) {
        day += Duration::days(1);
    }
    day
}

/// A working-hours moment on `day` (moved to a weekday): 08:00 to 15:59.
fn office_time(rng: &mut Rng, day: NaiveDate) -> NaiveDateTime {
    at_hm(weekday_on_or_after(day), 8, 0) + Duration::seconds(rng.below(8 * 3600) as i64)
}

// ---------------------------------------------------------------------------------------
// The schedule

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Approved,
    /// Out for approval, the deadline passed, answers missing and changes asked for.
    Overdue,
    /// Out for approval, within the deadline.
    Circulated,
    /// Held, minutes not yet sent round.
    Closed,
    /// The agenda is ready; not yet held.
    Planned,
}

#[derive(Debug, Clone)]
struct Slot {
    id: Id,
    start: NaiveDateTime,
    fate: Fate,
}

/// Meeting times, oldest first: the newest few fixed around the present, the rest every two
/// to four weeks going back, or closer (up to four a day) when that would reach before 1980.
/// Also returns how many meetings share a day (1 to 4).
fn schedule(n: usize, present: NaiveDate, ids: &mut Rng) -> Result<(Vec<Slot>, usize)> {
    let tail_all = [
        (Fate::Overdue, present - Duration::days(39)),
        (Fate::Circulated, present - Duration::days(11)),
        (Fate::Closed, present - Duration::days(4)),
        (Fate::Planned, present + Duration::days(17)),
    ];
    let tail_len = n.min(tail_all.len());
    let tail: Vec<(Fate, NaiveDateTime)> = tail_all[tail_all.len() - tail_len..]
        .iter()
        .map(|(f, d)| (*f, at_hm(weekday_on_or_before(*d), 10, 0)))
        .collect();
    let older = n - tail_len;
    let first_tail = tail.first().map(|(_, t)| t.date()).unwrap_or(present);
    let earliest = NaiveDate::from_ymd_opt(1980, 1, 1).unwrap_or(present);
    let span_days = (first_tail - earliest).num_days().max(1) as usize;
    let weekdays = span_days * 5 / 7;
    let (per_day, lo, hi) = if older * 15 <= weekdays {
        (1, 10, 20)
    } else {
        let per_day = older.div_ceil(weekdays.max(1));
        if per_day > 4 {
            bail!("{n} meetings do not fit in the years since 1980");
        }
        let avg = (weekdays * per_day / older.max(1)).max(1);
        (per_day, avg.div_ceil(2).max(1), (avg * 3 / 2).max(1))
    };
    let hours: &[(u32, u32)] = match per_day {
        1 => &[(10, 0)],
        2 => &[(9, 0), (13, 0)],
        3 => &[(8, 30), (11, 30), (14, 30)],
        _ => &[(8, 0), (10, 30), (13, 0), (15, 30)],
    };
    let mut gaps = Rng::new(ids.next_u64());
    let mut day = first_tail;
    let mut j = 0usize;
    let mut back: Vec<(Fate, NaiveDateTime)> = Vec::with_capacity(older);
    for _ in 0..older {
        for _ in 0..lo + gaps.below(hi - lo + 1) {
            if j > 0 {
                j -= 1;
            } else {
                day = prev_weekday(day);
                j = per_day - 1;
            }
        }
        let (h, m) = hours[j.min(hours.len() - 1)];
        back.push((Fate::Approved, at_hm(day, h, m)));
    }
    if day.year() < 1971 {
        bail!("{n} meetings reach back before 1971");
    }
    back.reverse();
    back.extend(tail);
    let slots = back
        .into_iter()
        .map(|(fate, start)| Slot {
            id: format!("m-{}-{:06x}", start.date(), ids.next_u64() >> 40),
            start,
            fate,
        })
        .collect();
    Ok((slots, per_day))
}

// ---------------------------------------------------------------------------------------
// Writing files

/// Files written and fsynced by a few threads while the generator goes on.
struct Files {
    tx: Option<mpsc::SyncSender<(PathBuf, Vec<u8>, bool)>>,
    workers: Vec<std::thread::JoinHandle<()>>,
    failed: Arc<Mutex<Option<String>>>,
    dirs: Vec<PathBuf>,
    files: usize,
    bytes: u64,
}

impl Files {
    fn new() -> Files {
        let (tx, rx) = mpsc::sync_channel::<(PathBuf, Vec<u8>, bool)>(256);
        let rx = Arc::new(Mutex::new(rx));
        let failed: Arc<Mutex<Option<String>>> = Arc::new(Mutex::new(None));
        let workers = (0..WRITER_THREADS)
            .map(|_| {
                let rx = Arc::clone(&rx);
                let failed = Arc::clone(&failed);
                std::thread::spawn(move || {
                    loop {
                        let job = match rx.lock() {
                            Ok(rx) => rx.recv(),
                            Err(_) => return,
                        };
                        let Ok((path, bytes, replace)) = job else {
                            return;
                        };
                        if failed.lock().map(|f| f.is_some()).unwrap_or(true) {
                            continue;
                        }
                        if let Err(e) = write_file(&path, &bytes, replace)
                            && let Ok(mut f) = failed.lock()
                        {
                            f.get_or_insert(format!("could not write {}: {e}", path.display()));
                        }
                    }
                })
            })
            .collect();
        Files {
            tx: Some(tx),
            workers,
            failed,
            dirs: Vec::new(),
            files: 0,
            bytes: 0,
        }
    }

    fn dir(&mut self, dir: &Path) -> Result<()> {
        perms::create_dir_all(dir)
            .with_context(|| format!("could not create {}", dir.display()))?;
        self.dirs.push(dir.to_path_buf());
        Ok(())
    }

    fn check(&self) -> Result<()> {
        match self.failed.lock() {
            Ok(f) => match f.as_ref() {
                Some(e) => bail!("{e}"),
                None => Ok(()),
            },
            Err(_) => bail!("a file writer failed"),
        }
    }

    /// Queue a new file (a log, never replacing anything), or with `replace` a derived file
    /// that may exist (replaced atomically).
    fn put(&mut self, path: PathBuf, bytes: Vec<u8>, replace: bool) -> Result<()> {
        self.check()?;
        self.files += 1;
        self.bytes += bytes.len() as u64;
        let tx = self
            .tx
            .as_ref()
            .ok_or_else(|| anyhow!("the file writers stopped"))?;
        tx.send((path, bytes, replace))
            .map_err(|_| anyhow!("the file writers stopped"))
    }

    /// Wait for every file, then flush the folders' entries.
    fn finish(mut self) -> Result<(usize, u64)> {
        drop(self.tx.take());
        for w in self.workers.drain(..) {
            w.join().map_err(|_| anyhow!("a file writer failed"))?;
        }
        self.check()?;
        let dirs = std::mem::take(&mut self.dirs);
        let chunk = dirs.len().div_ceil(WRITER_THREADS).max(1);
        let results: Vec<std::io::Result<()>> = std::thread::scope(|s| {
            let handles: Vec<_> = dirs
                .chunks(chunk)
                .map(|part| s.spawn(move || part.iter().try_for_each(|d| perms::sync_dir(d))))
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|_| Err(std::io::Error::other("sync failed")))
                })
                .collect()
        });
        for r in results {
            r.context("could not flush a folder")?;
        }
        Ok((self.files, self.bytes))
    }
}

fn write_file(path: &Path, bytes: &[u8], replace: bool) -> std::io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    perms::private_file_mode(&mut options);
    match options.open(path) {
        Ok(mut f) => {
            f.write_all(bytes)?;
            f.sync_all()
        }
        Err(e) if replace && e.kind() == std::io::ErrorKind::AlreadyExists => {
            atomic::write_atomic(path, bytes)
        }
        Err(e) => Err(e),
    }
}

/// One writer (one process) and the log it writes: every demo writer writes one file.
struct WriterLog {
    id: String,
    author: Author,
    seq: u64,
    clock: Clock,
    prev: String,
    bytes: Vec<u8>,
    path: PathBuf,
}

// ---------------------------------------------------------------------------------------
// The parties and people

const UNIONS: [&str; 5] = ["ntl", "ys-stat", "unio", "jf", "hvo"];

/// The template's people who come to meetings: (person, party).
const REGULARS: [(&str, &str); 7] = [
    ("p-leder", "kmd"),
    ("p-referent", "kmd"),
    ("p-ntl", "ntl"),
    ("p-ys", "ys-stat"),
    ("p-unio", "unio"),
    ("p-jf", "jf"),
    ("p-hvo", "hvo"),
];

/// Substitutes added to the forum: (person, name, party, role, stands in for).
const SUBSTITUTES: [(&str, &str, &str, &str, &str); 5] = [
    ("p-ntl-vara", "Åse Sæther", "ntl", "vara", "p-ntl"),
    ("p-ys-vara", "Ørjan Kjær", "ys-stat", "vara", "p-ys"),
    ("p-unio-vara", "Kjersti Aasen", "unio", "vara", "p-unio"),
    ("p-jf-vara", "Håkon Bræin", "jf", "vara", "p-jf"),
    (
        "p-hvo-vara",
        "Ingvild Ødegård",
        "hvo",
        "vara verneombud",
        "p-hvo",
    ),
];

fn short(party: &str) -> &'static str {
    match party {
        "kmd" => "KMD",
        "ntl" => "NTL",
        "ys-stat" => "YS Stat",
        "unio" => "Unio",
        "jf" => "JF",
        "hvo" => "HVO",
        _ => "?",
    }
}

fn chance(rng: &mut Rng, percent: usize) -> bool {
    rng.below(100) < percent
}

// ---------------------------------------------------------------------------------------
// Text

mod text;

#[derive(Default)]
struct Vars<'a> {
    p: &'a str,
    t: &'a str,
    d: &'a str,
    o: u32,
    y: i32,
    n: usize,
}

/// Fill `{p}` (party), `{t}` (topic), `{d}` (ministry), `{o}` (area number), `{y}` (year)
/// and `{n}` (a number) into a phrase, and give it a capital first letter.
fn fill(tpl: &str, v: &Vars) -> String {
    let mut out = String::with_capacity(tpl.len() + 48);
    let mut rest = tpl;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let key = after.get(..3).unwrap_or("");
        match key {
            "{p}" => out.push_str(v.p),
            "{t}" => out.push_str(v.t),
            "{d}" => out.push_str(v.d),
            "{o}" => out.push_str(&v.o.to_string()),
            "{y}" => out.push_str(&v.y.to_string()),
            "{n}" => out.push_str(&v.n.to_string()),
            _ => {
                out.push('{');
                rest = &after[1..];
                continue;
            }
        }
        rest = &after[3..];
    }
    out.push_str(rest);
    capitalise(out)
}

fn capitalise(s: String) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        _ => s,
    }
}

// ---------------------------------------------------------------------------------------
// The generator

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Special {
    Agenda,
    FollowUp,
    Substantive,
    Other,
}

#[derive(Debug, Clone)]
struct ItemPlan {
    id: Id,
    number: ItemNumber,
    kind: ItemKind,
    special: Special,
    topic: String,
    areas: Vec<Id>,
}

/// One held meeting's processes and where its clock stands.
struct Day {
    /// 0 is the chair's process; then the reps' and the approvers'.
    ws: Vec<WriterLog>,
    /// Party -> index in `ws` of a process of that party.
    party_writer: Vec<(Id, usize)>,
    /// Union and safety parties present, with who is there for them.
    present: Vec<(Id, Id)>,
    t: NaiveDateTime,
    dir: PathBuf,
}

impl Day {
    fn writer_of(&self, party: &str) -> Option<usize> {
        self.party_writer
            .iter()
            .find(|(p, _)| p == party)
            .map(|(_, w)| *w)
    }
}

struct Gen {
    /// Content: what is said and decided.
    rng: Rng,
    /// Ids of meetings, records and writers.
    ids: Rng,
    seed: u64,
    layout: Layout,
    files: Files,
    /// The fold so far: the template, the forum and action list, and the meetings whose
    /// minutes are not yet written.
    doc: Doc,
    /// The forum as it ends up, which every minutes file carries.
    final_forum: Forum,
    slots: Vec<Slot>,
    /// Meetings per day (1 unless the archive is too large for one a day since 1980).
    per_day: usize,
    /// The template's date: the newest meeting is planned after it, the rest held before.
    present: NaiveDate,
    /// Forum ops planned up front (people, development area status), by meeting.
    forum_plan: BTreeMap<usize, Vec<Change>>,
    forum_author: Author,
    forum_writer: Option<(i32, WriterLog)>,
    /// Action changes waiting for a later meeting.
    pending: BTreeMap<usize, Vec<(Id, ActionField)>>,
    long_runners: usize,
    /// The last item number used in each year.
    last_number: BTreeMap<i32, ItemNumber>,
    /// A meeting where a party asks for changes, and one reopened after approval, so that
    /// even a small archive has both.
    forced_changes: usize,
    forced_reopen: usize,
    items: usize,
    ops: u64,
}

impl Gen {
    fn new(layout: Layout, template: Doc, n: usize, seed: u64) -> Result<Gen> {
        let present = template_present()?;
        let mut ids = Rng::new(seed ^ 0x05EE_D1D5_u64.rotate_left(17));
        let (slots, per_day) = schedule(n, present, &mut ids)?;
        let held = slots.iter().filter(|s| s.fate != Fate::Planned).count();
        let forum_author = Author {
            name: template
                .forum
                .person("p-referent")
                .map(|p| p.name.clone())
                .unwrap_or_else(|| "Referent (KMD)".into()),
            person: Some("p-referent".into()),
            party: Some("kmd".into()),
        };
        let forum_plan = forum_plan(&slots, held);
        // The forum as it ends up: every minutes file carries it.
        let mut end = template.clone();
        for (k, changes) in &forum_plan {
            for (i, change) in changes.iter().enumerate() {
                let at = rfc3339(slots[*k].start + Duration::seconds(i as i64 + 1));
                let meta = OpMeta {
                    writer: "plan",
                    seq: 0,
                    at: &at,
                    author: &forum_author,
                };
                end.apply(&meta, change.clone())
                    .map_err(|r| anyhow!("internal error: the forum plan was refused ({r:?})"))?;
            }
        }
        let mut last_number = BTreeMap::new();
        for m in &template.meetings {
            for it in &m.items {
                let e = last_number.entry(it.number.year).or_insert(it.number);
                if it.number.n > e.n {
                    *e = it.number;
                }
            }
        }
        let mut files = Files::new();
        files.dir(&layout.minutes_dir())?;
        files.dir(&layout.scope_dir(&Scope::Forum))?;
        Ok(Gen {
            rng: Rng::new(seed),
            ids,
            seed,
            files,
            final_forum: end.forum,
            doc: template,
            forced_changes: held * 2 / 3,
            forced_reopen: held / 3,
            layout,
            slots,
            per_day,
            present,
            forum_plan,
            forum_author,
            forum_writer: None,
            pending: BTreeMap::new(),
            long_runners: 0,
            last_number,
            items: 0,
            ops: 0,
        })
    }

    fn pick<'a>(&mut self, xs: &'a [&'a str]) -> &'a str {
        xs[self.rng.below(xs.len())]
    }

    fn writer_id(&mut self) -> String {
        format!("w{:012x}", self.ids.next_u64() >> 16)
    }

    fn new_writer(&mut self, dir: &Path, author: Author) -> WriterLog {
        let id = self.writer_id();
        WriterLog {
            path: dir.join(format!("{id}.jsonl")),
            id,
            author,
            seq: 0,
            clock: Clock::default(),
            prev: String::new(),
            bytes: Vec::with_capacity(8 << 10),
        }
    }

    fn author(&self, person: &str) -> Author {
        let p = self.final_forum.person(person);
        Author {
            name: p.map(|p| p.name.clone()).unwrap_or_else(|| person.into()),
            person: Some(person.into()),
            party: p.and_then(|p| p.party.clone()),
        }
    }

    /// Stamp, encode and fold one op of `w`'s at time `t`.
    fn emit(&mut self, w: &mut WriterLog, t: NaiveDateTime, change: Change) -> Result<()> {
        let lt = local(t);
        let at = lt.to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
        w.seq += 1;
        let op = Op {
            v: SCHEMA_VERSION,
            writer: w.id.clone(),
            seq: w.seq,
            clock: w.clock.tick(lt.timestamp_millis()),
            at,
            by: w.author.clone(),
            prev: std::mem::take(&mut w.prev),
            change,
        };
        let line = op.encode();
        w.prev = line_hash(line.as_bytes());
        w.bytes.extend_from_slice(line.as_bytes());
        w.bytes.push(b'\n');
        self.ops += 1;
        let what = op.change.kind_name();
        op.apply_to(&mut self.doc).map_err(|reason| {
            anyhow!(
                "internal error: demo-data made an op the rules refuse: {what} {}:{} ({reason:?})",
                w.id,
                w.seq
            )
        })
    }

    /// An op of one of the day's processes, a little after the last one.
    fn day_op(&mut self, day: &mut Day, w: usize, change: Change) -> Result<()> {
        let (lo, hi) = if self.per_day > 1 { (6, 24) } else { (15, 75) };
        day.t += Duration::seconds((lo + self.rng.below(hi - lo)) as i64);
        let t = day.t;
        let mut log = std::mem::replace(&mut day.ws[w], placeholder_writer());
        let r = self.emit(&mut log, t, change);
        day.ws[w] = log;
        r
    }

    /// An op of the chair's process at a given time (not before the day's last op).
    fn op_at(&mut self, day: &mut Day, w: usize, t: NaiveDateTime, change: Change) -> Result<()> {
        day.t = t.max(day.t + Duration::seconds(1));
        let t = day.t;
        let mut log = std::mem::replace(&mut day.ws[w], placeholder_writer());
        let r = self.emit(&mut log, t, change);
        day.ws[w] = log;
        r
    }

    /// A forum op by the secretariat's process of the year, at `t`.
    fn forum_op(&mut self, t: NaiveDateTime, change: Change) -> Result<()> {
        let year = t.year();
        let mut w = match self.forum_writer.take() {
            Some((y, w)) if y == year => w,
            other => {
                if let Some((_, old)) = other {
                    self.files.put(old.path, old.bytes, false)?;
                }
                let mut r = Rng::new(self.seed ^ 0xF0_2A_u64.rotate_left(40) ^ year as u64);
                let id = format!("w{:012x}", r.next_u64() >> 16);
                WriterLog {
                    path: self.layout.log_path(&Scope::Forum, &id),
                    id,
                    author: self.forum_author.clone(),
                    seq: 0,
                    clock: Clock::default(),
                    prev: String::new(),
                    bytes: Vec::with_capacity(64 << 10),
                }
            }
        };
        let r = self.emit(&mut w, t, change);
        self.forum_writer = Some((year, w));
        r
    }

    fn day_forum_op(&mut self, day: &mut Day, change: Change) -> Result<()> {
        day.t += Duration::seconds(5 + self.rng.below(30) as i64);
        self.forum_op(day.t, change)
    }

    fn next_number(&mut self, year: i32) -> ItemNumber {
        let last: Vec<ItemNumber> = self.last_number.get(&year).copied().into_iter().collect();
        let n = next_item_number(&last, year);
        self.last_number.insert(year, n);
        n
    }

    fn new_id(&mut self, prefix: &str) -> Id {
        format!("{prefix}-{:012x}", self.ids.next_u64() >> 16)
    }

    // -- one meeting ---------------------------------------------------------------------

    fn meeting(&mut self, k: usize) -> Result<()> {
        let slot = self.slots[k].clone();
        let dir = self.layout.scope_dir(&Scope::Meeting(slot.id.clone()));
        self.files.dir(&dir)?;
        let chair = if chance(&mut self.rng, 20) {
            "p-referent"
        } else {
            "p-leder"
        };
        let chair_log = self.new_writer(&dir, self.author(chair));
        let date = slot.start.date();
        let prep_day = if slot.fate == Fate::Planned {
            self.present - Duration::days(1 + self.rng.below(3) as i64)
        } else {
            date - Duration::days(4 + self.rng.below(9) as i64)
        };
        let prep = office_time(&mut self.rng, weekday_on_or_before(prep_day));
        let mut day = Day {
            ws: vec![chair_log],
            party_writer: vec![("kmd".into(), 0)],
            present: Vec::new(),
            t: prep,
            dir,
        };
        let items = self.prepare(&mut day, &slot, k, prep)?;
        if slot.fate != Fate::Planned {
            self.hold(&mut day, &slot, k, &items)?;
            self.approve(&mut day, &slot, k, &items)?;
        }
        for w in day.ws {
            if !w.bytes.is_empty() {
                self.files.put(w.path, w.bytes, false)?;
            }
        }
        Ok(())
    }

    /// The agenda, a week or so before: the meeting, its items and documents.
    fn prepare(
        &mut self,
        day: &mut Day,
        slot: &Slot,
        k: usize,
        prep: NaiveDateTime,
    ) -> Result<Vec<ItemPlan>> {
        let id = slot.id.clone();
        let year = slot.start.year();
        // The items: the agenda, the action list, 2-6 cases, any other business.
        let mut plan: Vec<(ItemKind, Special)> = vec![(ItemKind::Other, Special::Agenda)];
        if self.pending.contains_key(&k) || chance(&mut self.rng, 50) {
            plan.push((ItemKind::Information, Special::FollowUp));
        }
        let total = 5 + self.rng.below(5);
        while plan.len() < total - 1 {
            let kind = match self.rng.below(10) {
                0..=3 => ItemKind::Information,
                4..=7 => ItemKind::Consultation,
                _ => ItemKind::Negotiation,
            };
            plan.push((kind, Special::Substantive));
        }
        plan.push((ItemKind::Other, Special::Other));

        let mut items = Vec::with_capacity(plan.len());
        let mut used_topics: Vec<usize> = Vec::new();
        for (kind, special) in plan {
            let (topic, areas, title) = match special {
                Special::Agenda => (
                    String::new(),
                    Vec::new(),
                    "Godkjenning av innkalling og dagsorden".to_string(),
                ),
                Special::FollowUp => (
                    String::new(),
                    Vec::new(),
                    "Oppfølging av tiltakslisten".to_string(),
                ),
                Special::Other => (String::new(), Vec::new(), "Eventuelt".to_string()),
                Special::Substantive => {
                    let (topic, areas) = if chance(&mut self.rng, 2) {
                        (self.pick(&text::RARE_TOPICS).to_string(), Vec::new())
                    } else {
                        let mut i = self.rng.below(text::TOPICS.len());
                        while used_topics.contains(&i) {
                            i = (i + 1) % text::TOPICS.len();
                        }
                        used_topics.push(i);
                        let (t, a) = text::TOPICS[i];
                        (t.to_string(), a.iter().map(|s| s.to_string()).collect())
                    };
                    let titles: &[&str] = match kind {
                        ItemKind::Information => &text::INFO_TITLES,
                        ItemKind::Consultation => &text::CONSULTATION_TITLES,
                        _ => &text::NEGOTIATION_TITLES,
                    };
                    let tpl = self.pick(titles);
                    let title = fill(
                        tpl,
                        &Vars {
                            t: &topic,
                            ..Vars::default()
                        },
                    );
                    (topic, areas, title)
                }
            };
            let number = self.next_number(year);
            let item = self.new_id("s");
            items.push((
                ItemPlan {
                    id: item,
                    number,
                    kind,
                    special,
                    topic,
                    areas,
                },
                title,
            ));
        }

        // Now the chair's process writes it.
        let title = match self.rng.below(20) {
            0 => format!(
                "Ekstraordinært kontaktgruppemøte om {}",
                items
                    .iter()
                    .find(|(i, _)| i.special == Special::Substantive)
                    .map(|(i, _)| i.topic.as_str())
                    .unwrap_or("strategien")
            ),
            1..=3 => match items
                .iter()
                .find(|(i, _)| i.special == Special::Substantive)
            {
                Some((i, _)) => format!("Kontaktgruppemøte – {}", i.topic),
                None => "Kontaktgruppemøte".to_string(),
            },
            _ => "Kontaktgruppemøte".to_string(),
        };
        day.t = prep;
        self.op_at(
            day,
            0,
            prep,
            Change::MeetingCreate {
                meeting: id.clone(),
                title,
                starts_at: rfc3339(slot.start),
            },
        )?;
        let place = self.pick(&text::PLACES).to_string();
        for set in [
            MeetingField::Place(place),
            MeetingField::Chair(Some("p-leder".into())),
            MeetingField::Referent(Some("p-referent".into())),
        ] {
            self.day_op(
                day,
                0,
                Change::MeetingSet {
                    meeting: id.clone(),
                    set,
                },
            )?;
        }
        let mut out = Vec::with_capacity(items.len());
        for (rank, (it, title)) in items.into_iter().enumerate() {
            self.day_op(
                day,
                0,
                Change::ItemAdd {
                    meeting: id.clone(),
                    item: it.id.clone(),
                    number: it.number,
                    title,
                    kind: it.kind,
                    rank: (rank as i64 + 1) * 1024,
                },
            )?;
            let (minutes, presenter) = match (it.special, it.kind) {
                (Special::Agenda, _) | (Special::Other, _) => (5, "Møteleder".to_string()),
                (Special::FollowUp, _) => (10, "Sekretariatet".to_string()),
                (_, ItemKind::Information) => (
                    15 + 5 * self.rng.below(3) as u32,
                    self.pick(&["KMD", "KMD", "DSS", "Sekretariatet"])
                        .to_string(),
                ),
                (_, ItemKind::Negotiation) => (30 + 10 * self.rng.below(4) as u32, "KMD".into()),
                _ => {
                    let who = if chance(&mut self.rng, 30) {
                        short(UNIONS[self.rng.below(4)]).to_string()
                    } else {
                        "KMD".to_string()
                    };
                    (25 + 5 * self.rng.below(5) as u32, who)
                }
            };
            let mut sets = vec![
                ItemField::PlannedMinutes(minutes),
                ItemField::Presenter(presenter),
            ];
            if !it.areas.is_empty() {
                sets.push(ItemField::Areas(it.areas.clone()));
            }
            if it.special == Special::Substantive {
                let v = Vars {
                    p: short(UNIONS[self.rng.below(UNIONS.len())]),
                    t: &it.topic,
                    d: self.pick(&text::MINISTRIES),
                    o: area_number(it.areas.first()),
                    ..Vars::default()
                };
                let mut bg = if it.kind != ItemKind::Information && chance(&mut self.rng, 40) {
                    fill(self.pick(&text::BACKGROUND_CASE), &v)
                } else {
                    String::new()
                };
                let more = usize::from(bg.is_empty()) + usize::from(chance(&mut self.rng, 40));
                self.sentences(&mut bg, &text::BACKGROUND, more, &v);
                sets.push(ItemField::Background(bg));
                if it.kind != ItemKind::Information && chance(&mut self.rng, 40) {
                    let demanded = slot.start.date() - Duration::days(7 + self.rng.below(7) as i64);
                    sets.push(ItemField::DemandedOn(Some(demanded)));
                }
                if chance(&mut self.rng, 2) {
                    sets.push(ItemField::Title(capitalise(format!(
                        "{} – unntatt offentlighet",
                        self.pick(&text::CONFIDENTIAL_TOPICS)
                    ))));
                    sets.push(ItemField::Confidential(true));
                }
            }
            for set in sets {
                self.day_op(
                    day,
                    0,
                    Change::ItemSet {
                        meeting: id.clone(),
                        item: it.id.clone(),
                        set,
                    },
                )?;
            }
            self.items += 1;
            out.push(it);
        }
        // Documents sent with the notice (HA § 17).
        let yy = slot.start.year().rem_euclid(100);
        for _ in 0..1 + self.rng.below(3) {
            let topic = out
                .iter()
                .filter(|i| i.special == Special::Substantive)
                .nth(self.rng.below(3))
                .map(|i| i.topic.clone())
                .unwrap_or_else(|| "innkalling og dagsorden".into());
            let title = fill(
                self.pick(&text::DOCUMENTS),
                &Vars {
                    t: &topic,
                    ..Vars::default()
                },
            );
            let document = Document {
                id: self.new_id("d"),
                title,
                sent_on: Some(prep.date()),
                reference: format!("{yy:02}/{:05}", self.rng.below(100_000)),
            };
            self.day_op(
                day,
                0,
                Change::DocumentPut {
                    meeting: id.clone(),
                    document,
                },
            )?;
        }
        Ok(out)
    }

    /// The meeting itself: attendance, item by item, closed at the end.
    fn hold(&mut self, day: &mut Day, slot: &Slot, k: usize, items: &[ItemPlan]) -> Result<()> {
        let id = slot.id.clone();
        // The secretariat's planned forum changes come first.
        if let Some(changes) = self.forum_plan.remove(&k) {
            for (i, change) in changes.into_iter().enumerate() {
                self.forum_op(slot.start + Duration::seconds(i as i64 + 1), change)?;
            }
        }
        day.t = slot.start + Duration::seconds(60);
        // Attendance.
        let mut attend: Vec<(Id, Presence, Option<Id>)> = Vec::new();
        for (person, party) in REGULARS {
            if party == "kmd" || !chance(&mut self.rng, 10) {
                attend.push((person.into(), Presence::Present, None));
                if party != "kmd" {
                    day.present.push((party.into(), person.into()));
                }
                continue;
            }
            attend.push((person.into(), Presence::Absent, None));
            if chance(&mut self.rng, 60)
                && let Some((vara, ..)) = SUBSTITUTES.iter().find(|s| s.2 == party)
            {
                attend.push((
                    (*vara).into(),
                    Presence::Substitute,
                    Some(person.to_string()),
                ));
                day.present.push((party.into(), (*vara).into()));
            }
        }
        for (person, presence, for_person) in attend {
            self.day_op(
                day,
                0,
                Change::Attend {
                    meeting: id.clone(),
                    person,
                    presence,
                    for_person,
                },
            )?;
        }
        // One to three reps record from their own terminals.
        let reps = (1 + self.rng.below(3)).min(day.present.len());
        let mut pool: Vec<(Id, Id)> = day.present.clone();
        for _ in 0..reps {
            let (party, person) = pool.remove(self.rng.below(pool.len()));
            let log = self.new_writer(&day.dir.clone(), self.author(&person));
            day.ws.push(log);
            day.party_writer.push((party, day.ws.len() - 1));
        }
        self.day_op(
            day,
            0,
            Change::MeetingStatus {
                meeting: id.clone(),
                to: MeetingStatus::Open,
            },
        )?;
        for it in items {
            self.hold_item(day, slot, k, it)?;
        }
        self.day_op(
            day,
            0,
            Change::MeetingStatus {
                meeting: id,
                to: MeetingStatus::Closed,
            },
        )?;
        Ok(())
    }

    fn hold_item(&mut self, day: &mut Day, slot: &Slot, k: usize, it: &ItemPlan) -> Result<()> {
        let m = slot.id.clone();
        let set = |set: ItemField| Change::ItemSet {
            meeting: m.clone(),
            item: it.id.clone(),
            set,
        };
        self.day_op(
            day,
            0,
            Change::MeetingSet {
                meeting: m.clone(),
                set: MeetingField::CurrentItem(Some(it.id.clone())),
            },
        )?;
        let started = rfc3339(day.t + Duration::seconds(1));
        self.op_at(
            day,
            0,
            day.t + Duration::seconds(1),
            set(ItemField::StartedAt(Some(started))),
        )?;
        let year = slot.start.year();
        let union = |g: &mut Gen| short(UNIONS[g.rng.below(UNIONS.len())]);
        match it.special {
            Special::Agenda => {
                let notes = if chance(&mut self.rng, 25) {
                    format!(
                        "Innkalling og dagsorden ble godkjent med en tilføyelse under eventuelt fra {}.",
                        union(self)
                    )
                } else {
                    "Innkalling og dagsorden ble godkjent.".to_string()
                };
                self.day_op(day, 0, set(ItemField::Notes(notes)))?;
                self.day_op(day, 0, set(ItemField::Conclusion("Godkjent.".into())))?;
            }
            Special::FollowUp => {
                let sets = self.pending.remove(&k).unwrap_or_default();
                let done = sets
                    .iter()
                    .filter(|(_, f)| matches!(f, ActionField::Status(ActionStatus::Done)))
                    .count();
                let moved = sets
                    .iter()
                    .filter(|(_, f)| matches!(f, ActionField::Due(_)))
                    .count();
                for (action, field) in sets {
                    self.day_forum_op(
                        day,
                        Change::ActionSet {
                            id: action,
                            meeting: Some(m.clone()),
                            set: field,
                        },
                    )?;
                }
                let mut notes = "Tiltakslisten ble gjennomgått.".to_string();
                match done {
                    0 => notes.push_str(" Ingen tiltak er ferdige siden forrige møte."),
                    1 => notes.push_str(" Ett tiltak er gjennomført."),
                    n => notes.push_str(&format!(" {n} tiltak er gjennomført.")),
                }
                if moved > 0 {
                    notes.push_str(&format!(
                        " {} fikk ny frist etter ønske fra {}.",
                        if moved == 1 {
                            "Ett tiltak".to_string()
                        } else {
                            format!("{moved} tiltak")
                        },
                        union(self)
                    ));
                }
                self.day_op(day, 0, set(ItemField::Notes(notes)))?;
                self.day_op(
                    day,
                    0,
                    set(ItemField::Conclusion(
                        "Partene tok gjennomgangen til orientering.".into(),
                    )),
                )?;
            }
            Special::Other => {
                if chance(&mut self.rng, 35) {
                    let topic = if chance(&mut self.rng, 5) {
                        self.pick(&text::SELDOM)
                    } else if chance(&mut self.rng, 30) {
                        self.pick(&text::RARE_TOPICS)
                    } else {
                        text::TOPICS[self.rng.below(text::TOPICS.len())].0
                    };
                    let notes = format!(
                        "{} tok opp {topic} og ba om at saken settes på dagsordenen til et senere møte.",
                        union(self)
                    );
                    self.day_op(day, 0, set(ItemField::Notes(notes)))?;
                    if chance(&mut self.rng, 30) {
                        self.add_action(day, slot, k, it, topic, None)?;
                    }
                } else {
                    self.day_op(
                        day,
                        0,
                        set(ItemField::Notes(
                            "Ingen saker ble meldt under eventuelt.".into(),
                        )),
                    )?;
                }
            }
            Special::Substantive => self.substantive(day, slot, k, it, year)?,
        }
        let pad = if self.per_day > 1 {
            10 + self.rng.below(60)
        } else {
            60 + self.rng.below(540)
        };
        let ended = day.t + Duration::seconds(pad as i64);
        let at = rfc3339(ended);
        self.op_at(day, 0, ended, set(ItemField::EndedAt(Some(at))))
    }

    fn substantive(
        &mut self,
        day: &mut Day,
        slot: &Slot,
        k: usize,
        it: &ItemPlan,
        year: i32,
    ) -> Result<()> {
        let m = slot.id.clone();
        let item = it.id.clone();
        let set = |set: ItemField| Change::ItemSet {
            meeting: m.clone(),
            item: item.clone(),
            set,
        };
        let area = area_number(it.areas.first());
        // The floor: reps ask, the chair gives it in order.
        if chance(&mut self.rng, 25) && day.ws.len() > 1 {
            let mut speakers = Vec::new();
            for w in 1..day.ws.len().min(3) {
                let speaker = self.new_id("tl");
                self.day_op(
                    day,
                    w,
                    Change::SpeakerRequest {
                        meeting: m.clone(),
                        item: item.clone(),
                        speaker: speaker.clone(),
                    },
                )?;
                speakers.push(speaker);
            }
            for speaker in &speakers {
                self.day_op(
                    day,
                    0,
                    Change::SpeakerStart {
                        meeting: m.clone(),
                        item: item.clone(),
                        speaker: speaker.clone(),
                    },
                )?;
            }
            if let Some(last) = speakers.last() {
                let t = day.t + Duration::seconds(60 + self.rng.below(180) as i64);
                self.op_at(
                    day,
                    0,
                    t,
                    Change::SpeakerEnd {
                        meeting: m.clone(),
                        item: item.clone(),
                        speaker: last.clone(),
                    },
                )?;
            }
        }
        // A written input from a party.
        if chance(&mut self.rng, 20) && !day.present.is_empty() {
            let (party, _) = day.present[self.rng.below(day.present.len())].clone();
            let d = self.pick(&text::MINISTRIES);
            let v = Vars {
                p: short(&party),
                t: &it.topic,
                d,
                ..Vars::default()
            };
            let mut body = String::new();
            let count = 1 + usize::from(chance(&mut self.rng, 40));
            self.sentences(&mut body, &text::INPUTS, count, &v);
            let (w, source) = match day.writer_of(&party) {
                Some(w) if chance(&mut self.rng, 70) => (w, String::new()),
                _ => (0, format!("{}, {d}", short(&party))),
            };
            day.t += Duration::seconds(20);
            let input = Input {
                id: self.new_id("i"),
                party,
                target: InputTarget::Item(item.clone()),
                text: body,
                source,
                at: rfc3339(day.t + Duration::seconds(1)),
                by: day.ws[w].author.name.clone(),
            };
            self.op_at(
                day,
                w,
                day.t + Duration::seconds(1),
                Change::ItemInput {
                    meeting: m.clone(),
                    input,
                },
            )?;
        }
        // Notes: 2-6 sentences.
        let sentences = 2 + self.rng.below(5);
        let mut notes = String::new();
        let mut used: Vec<usize> = Vec::new();
        for _ in 0..sentences {
            let mut i = self.rng.below(text::NOTES.len());
            while used.contains(&i) {
                i = (i + 1) % text::NOTES.len();
            }
            used.push(i);
            let v = Vars {
                p: short(UNIONS[self.rng.below(UNIONS.len())]),
                t: &it.topic,
                d: self.pick(&text::MINISTRIES),
                o: area,
                y: year,
                n: 12 + self.rng.below(400),
            };
            if !notes.is_empty() {
                notes.push(' ');
            }
            notes.push_str(&fill(text::NOTES[i], &v));
        }
        if chance(&mut self.rng, 10) {
            // Saved once half-way, then in full.
            let half: String = notes.split(". ").next().unwrap_or("").to_string();
            self.day_op(day, 0, set(ItemField::Notes(format!("{half}."))))?;
        }
        self.day_op(day, 0, set(ItemField::Notes(notes)))?;
        // Positions, party by party.
        let uo1 = it.areas.iter().any(|a| a == "uo1");
        let mut stances: Vec<(Id, Stance)> = Vec::new();
        for (party, _) in day.present.clone() {
            let gives = match it.kind {
                ItemKind::Information => chance(&mut self.rng, 25),
                ItemKind::Negotiation => party != "hvo" || chance(&mut self.rng, 50),
                _ => chance(&mut self.rng, 85),
            };
            if !gives {
                continue;
            }
            let r = self.rng.below(100);
            let disagree = match (it.kind, party.as_str()) {
                (ItemKind::Information, _) => 4,
                (_, "ntl") if uo1 => 35,
                (ItemKind::Negotiation, _) => 25,
                _ => 15,
            };
            let stance = match it.kind {
                ItemKind::Information if r < 85 => Stance::TakesNote,
                ItemKind::Information if r < 96 => Stance::Agree,
                ItemKind::Information => Stance::Disagree,
                _ if r < disagree => Stance::Disagree,
                ItemKind::Negotiation if r < 92 => Stance::Agree,
                ItemKind::Negotiation => Stance::Abstains,
                _ if r < disagree + 50 => Stance::Agree,
                _ if r < disagree + 72 => Stance::TakesNote,
                _ => Stance::Abstains,
            };
            let changes_mind = chance(&mut self.rng, 7);
            let first = if changes_mind {
                Stance::ALL[(stance_index(stance) + 1 + self.rng.below(3)) % 4]
            } else {
                stance
            };
            let w = day.writer_of(&party).unwrap_or(0);
            let reason = self.reason(first);
            self.day_op(
                day,
                w,
                Change::Position {
                    meeting: m.clone(),
                    item: item.clone(),
                    party: party.clone(),
                    stance: first,
                    reason,
                },
            )?;
            if changes_mind {
                let reason = self.reason(stance);
                self.day_op(
                    day,
                    w,
                    Change::Position {
                        meeting: m.clone(),
                        item: item.clone(),
                        party: party.clone(),
                        stance,
                        reason,
                    },
                )?;
            }
            stances.push((party, stance));
        }
        let dissenters: Vec<Id> = stances
            .iter()
            .filter(|(_, s)| *s == Stance::Disagree)
            .map(|(p, _)| p.clone())
            .collect();
        // A vote, now and then.
        if it.kind != ItemKind::Information && chance(&mut self.rng, 12) {
            self.vote(day, &m, it, &stances)?;
        }
        // Statements for the record: only from a party's own process.
        for (party, stance) in &stances {
            let Some(w) = day.writer_of(party).filter(|w| *w > 0) else {
                continue;
            };
            let p = if *stance == Stance::Disagree { 40 } else { 3 };
            if !chance(&mut self.rng, p) {
                continue;
            }
            let v = Vars {
                p: short(party),
                t: &it.topic,
                ..Vars::default()
            };
            let mut body = String::new();
            let count = 1 + self.rng.below(3);
            self.sentences(&mut body, &text::STATEMENTS, count, &v);
            self.day_op(
                day,
                w,
                Change::Statement {
                    meeting: m.clone(),
                    item: item.clone(),
                    party: party.clone(),
                    text: body,
                },
            )?;
        }
        // Conclusion, agreement, who disagrees.
        let names: Vec<&str> = dissenters.iter().map(|p| short(p)).collect();
        let who = join_nb(&names);
        let v = Vars {
            p: &who,
            t: &it.topic,
            y: year,
            ..Vars::default()
        };
        let (conclusion, agreement) = match it.kind {
            ItemKind::Information => (fill(self.pick(&text::INFO_CONCLUSIONS), &v), None),
            ItemKind::Negotiation if dissenters.is_empty() => (
                fill(self.pick(&text::NEGOTIATION_AGREED), &v),
                Some(Agreement::Agreement),
            ),
            ItemKind::Negotiation => (
                fill(self.pick(&text::NEGOTIATION_DISAGREED), &v),
                Some(Agreement::Disagreement),
            ),
            _ if !dissenters.is_empty() && chance(&mut self.rng, 60) => (
                fill(self.pick(&text::CONSULTATION_DISSENT), &v),
                Some(Agreement::Disagreement),
            ),
            _ => (fill(self.pick(&text::CONSULTATION_CONCLUSIONS), &v), None),
        };
        self.day_op(day, 0, set(ItemField::Conclusion(conclusion)))?;
        if let Some(a) = agreement {
            self.day_op(day, 0, set(ItemField::Agreement(Some(a))))?;
            if a == Agreement::Disagreement {
                self.day_op(day, 0, set(ItemField::Dissenters(dissenters)))?;
            }
        }
        // Action items.
        let p = match it.kind {
            ItemKind::Information => 10,
            _ => 35,
        };
        if chance(&mut self.rng, p) {
            let proposer = if chance(&mut self.rng, 25) && !day.present.is_empty() {
                Some(day.present[self.rng.below(day.present.len())].0.clone())
            } else {
                None
            };
            self.add_action(day, slot, k, it, &it.topic.clone(), proposer)?;
            if chance(&mut self.rng, 20) {
                self.add_action(day, slot, k, it, &it.topic.clone(), None)?;
            }
        }
        // An input to a development area, sent in around the meeting.
        if !it.areas.is_empty() && chance(&mut self.rng, 4) && !day.present.is_empty() {
            let (party, _) = day.present[self.rng.below(day.present.len())].clone();
            let d = self.pick(&text::MINISTRIES);
            let v = Vars {
                p: short(&party),
                t: &it.topic,
                d,
                ..Vars::default()
            };
            let body = fill(self.pick(&text::INPUTS), &v);
            day.t += Duration::seconds(20);
            let input = Input {
                id: self.new_id("i"),
                party: party.clone(),
                target: InputTarget::DevArea(it.areas[self.rng.below(it.areas.len())].clone()),
                text: body,
                source: format!("{}, {d}", short(&party)),
                at: rfc3339(day.t),
                by: self.forum_author.name.clone(),
            };
            self.forum_op(day.t, Change::AreaInput { input })?;
        }
        Ok(())
    }

    /// Append `count` different phrases of `list` to `out`, filled in, space-separated.
    fn sentences(&mut self, out: &mut String, list: &[&str], count: usize, v: &Vars) {
        let start = self.rng.below(list.len());
        let step = 1 + self.rng.below(list.len().saturating_sub(1).max(1));
        let mut i = start;
        let mut used: Vec<usize> = Vec::with_capacity(count);
        for _ in 0..count.min(list.len()) {
            while used.contains(&i) {
                i = (i + 1) % list.len();
            }
            used.push(i);
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&fill(list[i], v));
            i = (i + step) % list.len();
        }
    }

    fn reason(&mut self, stance: Stance) -> String {
        let list: &[&str] = match stance {
            Stance::Agree => &text::AGREE,
            Stance::Disagree => &text::DISAGREE,
            Stance::TakesNote => &text::TAKES_NOTE,
            Stance::Abstains => &text::ABSTAINS,
        };
        self.pick(list).to_string()
    }

    fn vote(
        &mut self,
        day: &mut Day,
        m: &Id,
        it: &ItemPlan,
        stances: &[(Id, Stance)],
    ) -> Result<()> {
        let vote = self.new_id("v");
        let choices = chance(&mut self.rng, 15);
        let per_party = !choices && day.ws.len() >= 3;
        let options = if choices {
            [
                "A: gjennomføre nå",
                "B: utsette ett år",
                "C: prøve ut i ett departement",
            ]
            .iter()
            .map(|l| VoteOption {
                label: format!("Alternativ {l}"),
                kind: VoteOptionKind::Choice,
            })
            .collect()
        } else {
            VoteOption::defaults(["For", "Mot", "Avstår"])
        };
        let question = fill(
            self.pick(&text::VOTE_QUESTIONS),
            &Vars {
                p: short(UNIONS[self.rng.below(4)]),
                t: &it.topic,
                ..Vars::default()
            },
        );
        let rule = match self.rng.below(10) {
            0..=5 => VoteRule::SimpleMajority,
            6 | 7 => VoteRule::TwoThirds,
            8 => VoteRule::Consensus,
            _ => VoteRule::Unanimity,
        };
        self.day_op(
            day,
            0,
            Change::VoteOpen {
                meeting: m.clone(),
                item: it.id.clone(),
                vote: vote.clone(),
                question,
                options,
                method: if per_party {
                    VoteMethod::PerParty
                } else {
                    VoteMethod::Count
                },
                rule,
            },
        )?;
        let option_of = |s: Stance| match s {
            Stance::Agree => 0,
            Stance::Disagree => 1,
            _ => 2,
        };
        if per_party {
            for (party, w) in day.party_writer.clone() {
                let option = stances
                    .iter()
                    .find(|(p, _)| *p == party)
                    .map(|(_, s)| option_of(*s))
                    .unwrap_or(0);
                self.day_op(
                    day,
                    w,
                    Change::VoteCast {
                        meeting: m.clone(),
                        item: it.id.clone(),
                        vote: vote.clone(),
                        voter: party,
                        option: Some(option),
                    },
                )?;
            }
        } else {
            let mut counts = vec![0u32; 4];
            counts[0] = 1; // KMD
            for (_, s) in stances {
                counts[option_of(*s)] += 1;
            }
            if choices {
                counts = vec![2 + self.rng.below(3) as u32, self.rng.below(3) as u32, 1, 0];
            }
            self.day_op(
                day,
                0,
                Change::VoteCount {
                    meeting: m.clone(),
                    item: it.id.clone(),
                    vote: vote.clone(),
                    counts,
                    replaces: Vec::new(),
                },
            )?;
        }
        self.day_op(
            day,
            0,
            Change::VoteClose {
                meeting: m.clone(),
                item: it.id.clone(),
                vote,
            },
        )
    }

    /// A new action item (by the secretariat's process) and the changes it will get at
    /// later meetings: most are done within a few meetings, some are moved or dropped, a
    /// very few stay open for good.
    fn add_action(
        &mut self,
        day: &mut Day,
        slot: &Slot,
        k: usize,
        it: &ItemPlan,
        topic: &str,
        proposed_by: Option<Id>,
    ) -> Result<()> {
        let id = self.new_id("t");
        let title = fill(
            self.pick(&text::ACTIONS),
            &Vars {
                t: topic,
                d: self.pick(&text::MINISTRIES),
                ..Vars::default()
            },
        );
        let owner = match self.rng.below(20) {
            0..=11 => Owner::Party("kmd".into()),
            12..=16 => Owner::Party(
                proposed_by
                    .clone()
                    .unwrap_or_else(|| UNIONS[self.rng.below(4)].into()),
            ),
            _ => Owner::Person("p-referent".into()),
        };
        let due = slot.start.date() + Duration::days(14 + 7 * self.rng.below(9) as i64);
        let status = if proposed_by.is_some() {
            ActionStatus::Proposed
        } else {
            ActionStatus::Open
        };
        self.day_forum_op(
            day,
            Change::ActionAdd {
                id: id.clone(),
                title,
                owner,
                due: Some(due),
                status,
                meeting: Some(slot.id.clone()),
                item: Some(it.id.clone()),
                areas: it.areas.clone(),
                proposed_by: proposed_by.clone(),
            },
        )?;
        // Its future.
        let mut at = k;
        let mut sets: Vec<(usize, ActionField)> = Vec::new();
        if proposed_by.is_some() {
            at += 1;
            sets.push((at, ActionField::Status(ActionStatus::Open)));
        }
        let who = short(UNIONS[self.rng.below(UNIONS.len())]);
        let cap = (2 + self.slots.len() / 2000).min(8);
        match self.rng.below(100) {
            0..=49 => {
                at += 1 + self.rng.below(3);
                if chance(&mut self.rng, 30) {
                    sets.push((
                        at,
                        ActionField::Note("Gjennomført; notatet er sendt ut.".into()),
                    ));
                }
                sets.push((at, ActionField::Status(ActionStatus::Done)));
            }
            50..=64 => {
                at += 1;
                sets.push((at, ActionField::Status(ActionStatus::InProgress)));
                at += 1 + self.rng.below(4);
                sets.push((at, ActionField::Status(ActionStatus::Done)));
            }
            65..=74 => {
                at += 1;
                let later = due + Duration::days(28 + 7 * self.rng.below(5) as i64);
                sets.push((at, ActionField::Due(Some(later))));
                sets.push((
                    at,
                    ActionField::Note(format!("Utsatt etter ønske fra {who}.")),
                ));
                at += 2 + self.rng.below(4);
                sets.push((at, ActionField::Status(ActionStatus::Done)));
            }
            75..=84 => {
                at += 1 + self.rng.below(3);
                sets.push((
                    at,
                    ActionField::Note("Bortfalt etter omorganiseringen.".into()),
                ));
                sets.push((at, ActionField::Status(ActionStatus::Dropped)));
            }
            85 | 86 if self.long_runners < cap => {
                self.long_runners += 1;
                at += 1;
                sets.push((at, ActionField::Status(ActionStatus::InProgress)));
                sets.push((at, ActionField::Note("Arbeidet pågår.".into())));
            }
            _ => {
                at += 1 + self.rng.below(2);
                sets.push((at, ActionField::Status(ActionStatus::InProgress)));
                at += 1 + self.rng.below(2);
                sets.push((at, ActionField::Status(ActionStatus::Done)));
            }
        }
        debug_assert!(at <= k + ACTION_SPAN);
        for (i, field) in sets {
            if self.slots.get(i).is_some_and(|s| s.fate != Fate::Planned) {
                self.pending.entry(i).or_default().push((id.clone(), field));
            }
        }
        Ok(())
    }

    /// After the meeting: the minutes go round, the parties answer.
    fn approve(&mut self, day: &mut Day, slot: &Slot, k: usize, items: &[ItemPlan]) -> Result<()> {
        if slot.fate == Fate::Closed {
            return Ok(());
        }
        let date = slot.start.date();
        let parties = self
            .doc
            .meeting(&slot.id)
            .map(|m| m.approving_parties(&self.doc.forum))
            .unwrap_or_default();
        let late_enough = date + Duration::days(90) < self.present;
        let circulate_on = date + Duration::days(2 + self.rng.below(4) as i64);
        let t = office_time(&mut self.rng, circulate_on);
        match slot.fate {
            Fate::Overdue => {
                let hash = self.circulate(day, &slot.id, t)?;
                // KMD and some answer; one asks for changes; the deadline passes.
                let mut answering: Vec<Id> = vec!["kmd".into()];
                let unions: Vec<&Id> = parties.iter().filter(|p| *p != "kmd").collect();
                for p in unions.iter().take(unions.len() / 2) {
                    answering.push((*p).clone());
                }
                let asks = unions.last().map(|p| (*p).clone());
                self.answers(day, &slot.id, &hash, t, &answering, asks.as_ref(), 8)?;
            }
            Fate::Circulated => {
                let hash = self.circulate(day, &slot.id, t)?;
                let mut answering: Vec<Id> = vec!["kmd".into()];
                if let Some(p) = parties.iter().find(|p| *p != "kmd") {
                    answering.push(p.clone());
                }
                self.answers(day, &slot.id, &hash, t, &answering, None, 3)?;
            }
            _ => {
                let mut t = t;
                if late_enough && (k == self.forced_changes || chance(&mut self.rng, 6)) {
                    // A party asks for changes; the chair takes the minutes back and fixes them.
                    let hash = self.circulate(day, &slot.id, t)?;
                    let asks = parties.iter().find(|p| *p != "kmd").cloned();
                    let some: Vec<Id> = vec!["kmd".into()];
                    self.answers(day, &slot.id, &hash, t, &some, asks.as_ref(), 6)?;
                    let back = office_time(&mut self.rng, day.t.date() + Duration::days(1));
                    self.op_at(
                        day,
                        0,
                        back,
                        Change::MeetingStatus {
                            meeting: slot.id.clone(),
                            to: MeetingStatus::Closed,
                        },
                    )?;
                    let who = asks.as_deref().map(short).unwrap_or("HVO");
                    self.correct_notes(
                        day,
                        &slot.id,
                        items,
                        &format!("Referatet er rettet etter innspill fra {who}."),
                    )?;
                    t = office_time(&mut self.rng, day.t.date() + Duration::days(1));
                }
                let hash = self.circulate(day, &slot.id, t)?;
                self.answers(day, &slot.id, &hash, t, &parties, None, 10)?;
                if late_enough && (k == self.forced_reopen || chance(&mut self.rng, 3)) {
                    // Approved, then reopened for a correction and approved again.
                    let back_on = day.t.date() + Duration::days(14 + self.rng.below(30) as i64);
                    let back = office_time(&mut self.rng, back_on);
                    if back.date() + Duration::days(20) < self.present {
                        self.op_at(
                            day,
                            0,
                            back,
                            Change::MeetingStatus {
                                meeting: slot.id.clone(),
                                to: MeetingStatus::Closed,
                            },
                        )?;
                        self.correct_notes(
                            day,
                            &slot.id,
                            items,
                            "Rettelse etter godkjenning: fristen for oppfølging er flyttet til neste møte.",
                        )?;
                        let t = office_time(&mut self.rng, day.t.date() + Duration::days(1));
                        let hash = self.circulate(day, &slot.id, t)?;
                        self.answers(day, &slot.id, &hash, t, &parties, None, 8)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// The chair sends the minutes round with the hash of their content; two weeks to answer.
    /// Like the app, it names the parties whose approval the round needs.
    fn circulate(&mut self, day: &mut Day, meeting: &Id, t: NaiveDateTime) -> Result<String> {
        let (hash, parties) = self
            .doc
            .meeting(meeting)
            .map(|m| (seal::content_hash(m), m.approving_parties(&self.doc.forum)))
            .ok_or_else(|| anyhow!("internal error: meeting {meeting} is not in the fold"))?;
        let deadline = t.date() + Duration::days(14);
        self.op_at(
            day,
            0,
            t,
            Change::Circulate {
                meeting: meeting.clone(),
                hash: hash.clone(),
                deadline: Some(deadline),
                parties,
            },
        )?;
        Ok(hash)
    }

    /// Answers to a round, each from a process of the party, over the following days:
    /// approvals from `approving`, and a request for changes from `asks`.
    #[allow(clippy::too_many_arguments)]
    fn answers(
        &mut self,
        day: &mut Day,
        meeting: &Id,
        hash: &str,
        from: NaiveDateTime,
        approving: &[Id],
        asks: Option<&Id>,
        within_days: usize,
    ) -> Result<()> {
        let mut answers: Vec<(NaiveDateTime, Id, bool)> = Vec::new();
        for p in approving.iter().filter(|p| Some(*p) != asks) {
            let d = from.date() + Duration::days(1 + self.rng.below(within_days) as i64);
            answers.push((office_time(&mut self.rng, d), p.clone(), true));
        }
        if let Some(p) = asks {
            let d = from.date() + Duration::days(1 + self.rng.below(within_days) as i64);
            answers.push((office_time(&mut self.rng, d), p.clone(), false));
        }
        answers.sort();
        for (t, party, approve) in answers {
            let w = match day.writer_of(&party) {
                Some(w) => w,
                None => {
                    let person = day
                        .present
                        .iter()
                        .find(|(p, _)| *p == party)
                        .map(|(_, who)| who.clone())
                        .or_else(|| {
                            REGULARS
                                .iter()
                                .find(|(_, p)| *p == party)
                                .map(|(who, _)| who.to_string())
                        })
                        .unwrap_or_default();
                    let log = self.new_writer(&day.dir.clone(), self.author(&person));
                    day.ws.push(log);
                    day.party_writer.push((party.clone(), day.ws.len() - 1));
                    day.ws.len() - 1
                }
            };
            let change = if approve {
                Change::Approve {
                    meeting: meeting.clone(),
                    party,
                    hash: hash.to_string(),
                }
            } else {
                let text = format!(
                    "{} ber om at organisasjonens standpunkt gjengis mer presist i referatet.",
                    short(&party)
                );
                Change::RequestChanges {
                    meeting: meeting.clone(),
                    party,
                    hash: hash.to_string(),
                    text,
                }
            };
            self.op_at(day, w, t, change)?;
        }
        Ok(())
    }

    /// The chair adds a sentence to the notes of a case.
    fn correct_notes(
        &mut self,
        day: &mut Day,
        meeting: &Id,
        items: &[ItemPlan],
        sentence: &str,
    ) -> Result<()> {
        let Some(it) = items
            .iter()
            .find(|i| i.special == Special::Substantive)
            .or(items.first())
        else {
            return Ok(());
        };
        let old = self
            .doc
            .meeting(meeting)
            .and_then(|m| m.item(&it.id))
            .map(|i| i.notes.clone())
            .unwrap_or_default();
        let notes = if old.is_empty() {
            sentence.to_string()
        } else {
            format!("{old} {sentence}")
        };
        let t = day.t + Duration::seconds(300 + self.rng.below(1800) as i64);
        self.op_at(
            day,
            0,
            t,
            Change::ItemSet {
                meeting: meeting.clone(),
                item: it.id.clone(),
                set: ItemField::Notes(notes),
            },
        )
    }

    // -- minutes -------------------------------------------------------------------------

    /// Write meeting `k`'s minutes, now that every action it can show is final, and let it
    /// and its closed actions leave memory.
    fn write_minutes(&mut self, k: usize) -> Result<()> {
        let id = self.slots[k].id.clone();
        self.materialize(&id)?;
        self.doc.meetings.retain(|m| m.id != id);
        self.doc
            .actions
            .retain(|a| a.status.is_open() || a.meeting.as_deref() != Some(id.as_str()));
        self.doc.reindex();
        Ok(())
    }

    fn materialize(&mut self, id: &str) -> Result<()> {
        let mut minutes = self
            .doc
            .minutes(id)
            .ok_or_else(|| anyhow!("internal error: no minutes for {id}"))?;
        minutes.forum = self.final_forum.clone();
        self.files
            .put(self.layout.minutes_path(id), minutes_bytes(&minutes), true)
    }

    fn finish(mut self) -> Result<Stats> {
        let n = self.slots.len();
        for k in n.saturating_sub(ACTION_SPAN)..n {
            self.write_minutes(k)?;
        }
        if self.doc.forum != self.final_forum {
            bail!("internal error: the forum did not end as planned");
        }
        if !self.doc.rejected.is_empty() {
            bail!(
                "internal error: {} ops were refused",
                self.doc.rejected.len()
            );
        }
        let template: Vec<Id> = self.doc.meetings.iter().map(|m| m.id.clone()).collect();
        for id in &template {
            self.materialize(id)?;
        }
        if let Some((_, w)) = self.forum_writer.take() {
            self.files.put(w.path, w.bytes, false)?;
        }
        let (files, bytes) = self.files.finish()?;
        Ok(Stats {
            meetings: n,
            items: self.items,
            ops: self.ops,
            files,
            bytes,
        })
    }
}

fn placeholder_writer() -> WriterLog {
    WriterLog {
        id: String::new(),
        author: Author::default(),
        seq: 0,
        clock: Clock::default(),
        prev: String::new(),
        bytes: Vec::new(),
        path: PathBuf::new(),
    }
}

fn stance_index(s: Stance) -> usize {
    Stance::ALL.iter().position(|x| *x == s).unwrap_or(0)
}

fn area_number(area: Option<&Id>) -> u32 {
    area.and_then(|a| a.strip_prefix("uo"))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1)
}

/// "NTL", "NTL og Unio", "NTL, YS Stat og Unio".
fn join_nb(names: &[&str]) -> String {
    match names {
        [] => "organisasjonene".to_string(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} og {last}", rest.join(", ")),
    }
}

/// "The present" of the demo archive: the template's date.
fn template_present() -> Result<NaiveDate> {
    #[derive(serde::Deserialize)]
    struct At {
        at: String,
    }
    let at: At = serde_json::from_str(seed::TEMPLATE_JSON)
        .map_err(|e| anyhow!("the built-in template: {e}"))?;
    let t = DateTime::parse_from_rfc3339(&at.at)
        .map_err(|e| anyhow!("the built-in template's date {:?}: {e}", at.at))?;
    Ok(t.date_naive())
}

/// Forum changes decided up front, by meeting: the substitutes join the forum at the first
/// meeting, and the development areas get under way (and some achieved) over the years.
fn forum_plan(slots: &[Slot], held: usize) -> BTreeMap<usize, Vec<Change>> {
    let mut plan: BTreeMap<usize, Vec<Change>> = BTreeMap::new();
    if held == 0 {
        return plan;
    }
    let people = SUBSTITUTES
        .iter()
        .map(|(id, name, party, role, _)| Change::PersonPut {
            person: Person {
                id: (*id).into(),
                name: (*name).into(),
                party: Some((*party).into()),
                role: (*role).into(),
            },
        });
    plan.entry(0).or_default().extend(people);
    let mut status = |at: usize, area: &str, status: DevAreaStatus, note: &str| {
        let k = at.min(held - 1);
        plan.entry(k).or_default().push(Change::DevAreaStatus {
            area: area.into(),
            status,
            note: note.into(),
            meeting: Some(slots[k].id.clone()),
        });
    };
    for (i, note) in text::AREA_STATUS.iter().enumerate() {
        status(
            held * (2 + 3 * i) / 40,
            &format!("uo{}", i + 1),
            DevAreaStatus::UnderWay,
            note,
        );
    }
    status(
        held * 55 / 100,
        "uo1",
        DevAreaStatus::UnderWay,
        "Delrapport fra arbeidsgruppen er lagt fram; organisasjonene savner konkrete tiltak for medbestemmelse.",
    );
    status(
        held * 70 / 100,
        "uo5",
        DevAreaStatus::UnderWay,
        "Åtte departementer bruker nå de nye verktøyene.",
    );
    if held >= 10 {
        status(
            held * 80 / 100,
            "uo3",
            DevAreaStatus::Achieved,
            "Felles tjenester er etablert i DSS og evaluert.",
        );
        status(
            held * 92 / 100,
            "uo4",
            DevAreaStatus::Achieved,
            "Kompetanseprogrammet er gjort permanent.",
        );
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norwegian_time_has_summer_and_winter() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        assert_eq!(
            rfc3339(at_hm(d("2026-11-24"), 10, 0)),
            "2026-11-24T10:00:00+01:00"
        );
        assert_eq!(
            rfc3339(at_hm(d("2026-06-16"), 10, 0)),
            "2026-06-16T10:00:00+02:00"
        );
        // 2026: summer time from 29 March to 25 October.
        assert_eq!(
            rfc3339(at_hm(d("2026-03-29"), 12, 0)),
            "2026-03-29T12:00:00+02:00"
        );
        assert_eq!(
            rfc3339(at_hm(d("2026-03-28"), 12, 0)),
            "2026-03-28T12:00:00+01:00"
        );
        assert_eq!(
            rfc3339(at_hm(d("2026-10-25"), 12, 0)),
            "2026-10-25T12:00:00+01:00"
        );
    }

    #[test]
    fn the_schedule_goes_forward_on_weekdays_and_ends_planned() {
        let present = NaiveDate::from_ymd_opt(2026, 11, 28).expect("date");
        for n in [1, 2, 5, 30, 10_000] {
            let (slots, _) = schedule(n, present, &mut Rng::new(3)).expect("schedule");
            assert_eq!(slots.len(), n);
            assert!(slots.windows(2).all(|w| w[0].start < w[1].start));
            assert!(slots.iter().all(|s| !is_weekend(s.start.date())));
            assert_eq!(slots.last().map(|s| s.fate), Some(Fate::Planned));
            assert!(slots[0].start.year() >= 1980);
        }
    }

    #[test]
    fn phrases_are_filled_and_capitalised() {
        let v = Vars {
            p: "NTL",
            t: "øvelser i krisehåndtering",
            ..Vars::default()
        };
        assert_eq!(
            fill("{t} – orientering", &v),
            "Øvelser i krisehåndtering – orientering"
        );
        assert_eq!(fill("{p} sa {x}", &v), "NTL sa {x}");
        assert_eq!(join_nb(&["NTL", "Unio", "JF"]), "NTL, Unio og JF");
    }
}
