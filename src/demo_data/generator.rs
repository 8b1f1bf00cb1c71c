//! The generator: its state, the processes that write the ops, and one meeting from
//! agenda to approval.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use anyhow::{Result, anyhow, bail};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime};

use super::files::Files;
use super::people::SUBSTITUTES;
use super::schedule::{Fate, Slot, schedule};
use super::text;
use super::time::{local, office_time, rfc3339, weekday_on_or_before};
use crate::demo::Rng;
use crate::model::{
    Action, ActionField, Author, Change, DevAreaStatus, Doc, Forum, Id, ItemKind, ItemNumber,
    OpMeta, Person, Scope, next_item_number,
};
use crate::store::chain::OpChain;
use crate::store::clock::Clock;
use crate::store::{Layout, minutes, seed};
/// Every action item reaches its final state within this many meetings of the one it came
/// from; a meeting's minutes are written that many meetings later.
pub(super) const ACTION_SPAN: usize = 8;

/// What a run wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    pub meetings: usize,
    pub items: usize,
    pub ops: u64,
    pub files: usize,
    pub bytes: u64,
}

#[derive(Debug)]
pub(super) struct ItemPlan {
    pub(super) id: Id,
    pub(super) number: ItemNumber,
    pub(super) kind: ItemKind,
    pub(super) special: Special,
    pub(super) topic: String,
    pub(super) areas: Vec<Id>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Special {
    Agenda,
    FollowUp,
    Substantive,
    Other,
}

/// One held meeting's processes and where its clock stands.
pub(super) struct Day {
    /// 0 is the chair's process; then the reps' and the approvers'.
    pub(super) ws: Vec<WriterLog>,
    /// Party -> index in `ws` of a process of that party.
    pub(super) party_writer: Vec<(Id, usize)>,
    /// Union and safety parties present, with who is there for them.
    pub(super) present: Vec<(Id, Id)>,
    pub(super) t: NaiveDateTime,
    /// The meeting's scope: where its processes' logs go.
    scope: Scope,
}

impl Day {
    pub(super) fn writer_of(&self, party: &str) -> Option<usize> {
        self.party_writer
            .iter()
            .find(|(p, _)| p == party)
            .map(|(_, w)| *w)
    }
}

pub(super) struct Gen {
    /// Content: what is said and decided.
    pub(super) rng: Rng,
    /// Ids of meetings, records and writers.
    ids: Rng,
    seed: u64,
    layout: Layout,
    pub(super) files: Files,
    /// The fold so far: the template, the forum and action list, and the meetings whose
    /// minutes are not yet written.
    pub(super) doc: Doc,
    /// The forum as it ends up, which the minutes' shared file carries.
    final_forum: Forum,
    /// Meetings whose minutes are written.
    written: HashSet<Id>,
    /// Actions no meeting left to write can show, as they ended.
    finished: Vec<Action>,
    pub(super) slots: Vec<Slot>,
    /// Meetings per day (1 unless the archive is too large for one a day since 1980).
    pub(super) per_day: usize,
    /// The template's date: the newest meeting is planned after it, the rest held before.
    pub(super) present: NaiveDate,
    /// Forum ops planned up front (people, development area status), by meeting.
    pub(super) forum_plan: BTreeMap<usize, Vec<Change>>,
    pub(super) forum_author: Author,
    forum_writer: Option<(i32, WriterLog)>,
    /// Action changes waiting for a later meeting.
    pub(super) pending: BTreeMap<usize, Vec<(Id, ActionField)>>,
    pub(super) long_runners: usize,
    /// The last item number used in each year.
    last_number: BTreeMap<i32, ItemNumber>,
    /// A meeting where a party asks for changes, and one reopened after approval, so that
    /// even a small archive has both.
    pub(super) forced_changes: usize,
    pub(super) forced_reopen: usize,
    pub(super) items: usize,
    ops: u64,
}

/// One writer (one process) and the log it writes: every demo writer writes one file.
pub(super) struct WriterLog {
    chain: OpChain,
    pub(super) author: Author,
    clock: Clock,
    pub(super) bytes: Vec<u8>,
    pub(super) path: PathBuf,
}

impl WriterLog {
    fn new(id: String, path: PathBuf, author: Author, capacity: usize) -> WriterLog {
        WriterLog {
            chain: OpChain::new(id),
            author,
            clock: Clock::default(),
            bytes: Vec::with_capacity(capacity),
            path,
        }
    }

    /// Stamp and encode one op at time `t`, and fold it into `doc`.
    fn emit(&mut self, doc: &mut Doc, t: NaiveDateTime, change: Change) -> Result<()> {
        let t = local(t);
        let clock = self.clock.tick(t.timestamp_millis());
        let at = t.to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
        let (op, line) = self.chain.next_line(clock, at, self.author.clone(), change);
        self.bytes.extend_from_slice(line.as_bytes());
        self.bytes.push(b'\n');
        let (what, id) = (op.change.kind_name(), op.id());
        op.apply_to(doc).map_err(|reason| {
            anyhow!(
                "internal error: demo-data made an op the rules refuse: {what} {id} ({reason:?})"
            )
        })
    }
}

impl Gen {
    pub(super) fn new(layout: Layout, template: Doc, n: usize, seed: u64) -> Result<Gen> {
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
                    key: None,
                    clock: (0, 0),
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
        if let Some(shared) = layout.shared_minutes_path().parent() {
            files.dir(shared)?;
        }
        files.dir(&layout.scope_dir(&Scope::Forum))?;
        Ok(Gen {
            rng: Rng::new(seed),
            ids,
            seed,
            files,
            final_forum: end.forum,
            written: HashSet::new(),
            finished: Vec::new(),
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

    pub(super) fn pick<'a>(&mut self, xs: &'a [&'a str]) -> &'a str {
        xs[self.rng.below(xs.len())]
    }

    fn new_writer(&mut self, scope: &Scope, author: Author) -> WriterLog {
        let id = format!("w{:012x}", self.ids.next_u64() >> 16);
        let path = self.layout.log_path(scope, &id);
        WriterLog::new(id, path, author, 8 << 10)
    }

    pub(super) fn author(&self, person: &str) -> Author {
        let p = self.final_forum.person(person);
        Author {
            name: p.map(|p| p.name.clone()).unwrap_or_else(|| person.into()),
            person: Some(person.into()),
            party: p.and_then(|p| p.party.clone()),
        }
    }

    /// Whether `person` speaks for their party (the hovedverneombud is heard, not a party).
    pub(super) fn speaks_for_party(&self, person: &str) -> bool {
        self.final_forum
            .person(person)
            .is_some_and(|p| p.speaks_for_party())
    }

    /// A process of the party's, added to the day's: a rep recording, or a party answering.
    pub(super) fn add_writer(&mut self, day: &mut Day, party: Id, person: &str) -> usize {
        let log = self.new_writer(&day.scope, self.author(person));
        day.ws.push(log);
        day.party_writer.push((party, day.ws.len() - 1));
        day.ws.len() - 1
    }

    /// An op of one of the day's processes, a little after the last one.
    pub(super) fn day_op(&mut self, day: &mut Day, w: usize, change: Change) -> Result<()> {
        let (lo, hi) = if self.per_day > 1 { (6, 24) } else { (15, 75) };
        day.t += Duration::seconds((lo + self.rng.below(hi - lo)) as i64);
        self.ops += 1;
        day.ws[w].emit(&mut self.doc, day.t, change)
    }

    /// An op of the chair's process at a given time (not before the day's last op).
    pub(super) fn op_at(
        &mut self,
        day: &mut Day,
        w: usize,
        t: NaiveDateTime,
        change: Change,
    ) -> Result<()> {
        day.t = t.max(day.t + Duration::seconds(1));
        self.ops += 1;
        day.ws[w].emit(&mut self.doc, day.t, change)
    }

    /// A forum op by the secretariat's process of the year, at `t`.
    pub(super) fn forum_op(&mut self, t: NaiveDateTime, change: Change) -> Result<()> {
        let year = t.year();
        let mut w = match self.forum_writer.take() {
            Some((y, w)) if y == year => w,
            other => {
                if let Some((_, old)) = other {
                    self.files.put(old.path, old.bytes, false)?;
                }
                let mut r = Rng::new(self.seed ^ 0xF0_2A_u64.rotate_left(40) ^ year as u64);
                let id = format!("w{:012x}", r.next_u64() >> 16);
                let path = self.layout.log_path(&Scope::Forum, &id);
                WriterLog::new(id, path, self.forum_author.clone(), 64 << 10)
            }
        };
        self.ops += 1;
        let r = w.emit(&mut self.doc, t, change);
        self.forum_writer = Some((year, w));
        r
    }

    pub(super) fn day_forum_op(&mut self, day: &mut Day, change: Change) -> Result<()> {
        day.t += Duration::seconds(5 + self.rng.below(30) as i64);
        self.forum_op(day.t, change)
    }

    pub(super) fn next_number(&mut self, year: i32) -> ItemNumber {
        let last: Vec<ItemNumber> = self.last_number.get(&year).copied().into_iter().collect();
        let n = next_item_number(&last, year);
        self.last_number.insert(year, n);
        n
    }

    pub(super) fn new_id(&mut self, prefix: &str) -> Id {
        format!("{prefix}-{:012x}", self.ids.next_u64() >> 16)
    }

    // -- one meeting ---------------------------------------------------------------------

    pub(super) fn meeting(&mut self, k: usize) -> Result<()> {
        let slot = self.slots[k].clone();
        let scope = Scope::Meeting(slot.id.clone());
        self.files.dir(&self.layout.scope_dir(&scope))?;
        let chair = if self.rng.chance(20) {
            "p-referent"
        } else {
            "p-leder"
        };
        let chair_log = self.new_writer(&scope, self.author(chair));
        let date = slot.start.date();
        let prep_day = if slot.fate == Fate::Planned {
            self.present - Duration::days(1 + self.rng.below(3) as i64)
        } else {
            date - Duration::days(4 + self.rng.below(9) as i64)
        };
        let prep = office_time(&mut self.rng, weekday_on_or_before(prep_day));
        let mut day = Day {
            ws: vec![chair_log],
            // The chair speaks for KMD; a minute-taker running the meeting does not.
            party_writer: if self.speaks_for_party(chair) {
                vec![("kmd".into(), 0)]
            } else {
                Vec::new()
            },
            present: Vec::new(),
            t: prep,
            scope,
        };
        let items = self.prepare(&mut day, &slot, prep)?;
        if slot.fate != Fate::Planned {
            self.hold(&mut day, &slot, &items)?;
            self.approve(&mut day, &slot, &items)?;
        }
        for w in day.ws {
            if !w.bytes.is_empty() {
                self.files.put(w.path, w.bytes, false)?;
            }
        }
        Ok(())
    }

    /// Write meeting `k`'s minutes, now that every action it can show is final, and let it
    /// leave memory, with the actions no later meeting can show (kept for the shared file).
    fn write_minutes(&mut self, k: usize) -> Result<()> {
        let id = self.slots[k].id.clone();
        self.materialize(&id)?;
        self.written.insert(id.clone());
        self.doc.meetings.retain(|m| m.id != id);
        // Closed before the next meeting started, an action is carried over to none after.
        let next = self.slots.get(k + 1).map(|s| rfc3339(s.start));
        let gone = |a: &Action| {
            !a.status.is_open()
                && next.as_deref().is_none_or(|t| !a.was_open_at(t))
                && a.meeting.as_ref().is_none_or(|m| self.written.contains(m))
        };
        let (gone, kept): (Vec<Action>, Vec<Action>) = std::mem::take(&mut self.doc.actions)
            .into_iter()
            .partition(gone);
        self.finished.extend(gone);
        self.doc.actions = kept;
        self.doc.reindex();
        Ok(())
    }

    fn materialize(&mut self, id: &str) -> Result<()> {
        let minutes = self
            .doc
            .minutes(id)
            .ok_or_else(|| anyhow!("internal error: no minutes for {id}"))?;
        self.files.put(
            self.layout.minutes_path(id),
            minutes::file_bytes(&minutes),
            true,
        )
    }

    /// Every meeting, oldest first; each meeting's minutes once its actions are final.
    pub(super) fn generate(mut self) -> Result<Stats> {
        for k in 0..self.slots.len() {
            self.meeting(k)?;
            if k >= ACTION_SPAN {
                self.write_minutes(k - ACTION_SPAN)?;
            }
        }
        self.finish()
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
        let mut actions = std::mem::take(&mut self.finished);
        actions.extend(self.doc.actions.iter().cloned());
        let shared = minutes::shared_bytes(&self.final_forum, &actions);
        self.files
            .put(self.layout.shared_minutes_path(), shared, true)?;
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

/// Forum changes decided up front, by meeting: the substitutes join the forum at the first
/// meeting, and the development areas get under way (and some achieved) over the years.
pub(super) fn forum_plan(slots: &[Slot], held: usize) -> BTreeMap<usize, Vec<Change>> {
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
                roles: Vec::new(),
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
