//! A deterministic simulation of many samrad writers over a file sync that samrad does not
//! control, run for many seeds.
//!
//! **The fake sync layer (`FakeSync`).** Every writer appends to its own log; a log is just
//! a growing byte string (the ops `script_to_logs` makes, as `encode_lines` writes them).
//! Each writer's machine is also a replica: it has its own log as written so far, and copies
//! of the other writers' logs as far as the fake sync has brought them. In every round,
//! `FakeSync` takes snapshots of the writers' files, the way a sync tool reads a file from
//! disk: usually every line written so far, sometimes the file in the middle of an append,
//! cut inside a line (torn). Each snapshot is a *parcel* to one other replica, delivered a
//! few rounds later; some are very late, some are sent twice, and parcels due in the same
//! round arrive in random order, so an older (shorter) snapshot can arrive after a newer
//! one. The replica keeps the longest prefix of each log it has got, as a sync tool with
//! version vectors keeps the newest version of a file: a stale or duplicate parcel does not
//! shorten it. Now and then the tool keeps a parcel as a separate file instead (a
//! "conflicted copy", which samrad also reads as a log), so the same lines are read twice.
//!
//! A replica's view is what samrad would read: every file of it parsed with `parse_log`
//! (torn tails dropped and reported), in a random file order, and folded.
//!
//! Checked, for every seed: (a) once every replica has every log in full, all replicas make
//! byte-identical minutes, equal to the fold of all logs; (b) no acknowledged op (every line
//! a writer wrote) is missing then, and every complete line a replica has is in its view at
//! every step; (c) a parcel that brings no new complete line (a duplicate, a stale or torn
//! snapshot, a conflicted copy) changes nothing: the minutes before and after are the same
//! bytes; (d) monotonic visibility: for any two views where one has seen at least the lines
//! of the other, it shows at least as many positions, statements and actions. Ballots are
//! monotonic too, counting a ballot refused because its vote was closed as still shown (it
//! is listed in the minutes' refusals); see `a_late_vote_close_moves_a_shown_ballot_to_the_refused`.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::meetings::SCRIPT_START_MS;
use proptest::prelude::*;
use samrad::demo::{Rng, meeting_script, script_to_logs};
use samrad::model::{Change, Doc, RejectReason, VoteMethod, VoteOption, VoteRule};
use samrad::store::fold::fold;
use samrad::store::log::parse_log;
use samrad::store::op::encode_lines;
use samrad::store::{Hlc, Op, ProblemKind, minutes_bytes};

const MEETING: &str = "m-sync";
/// At most this many conflicted copies per replica, to bound the work.
const MAX_COPIES: usize = 6;
/// Replicas that fold and look in each round.
const LOOKERS: usize = 4;

/// One writer's log as it stands once every op is written.
struct Source {
    bytes: Vec<u8>,
    /// Where line i ends, its newline included.
    ends: Vec<usize>,
    ops: Vec<Op>,
}

impl Source {
    fn new(ops: Vec<Op>) -> Source {
        let mut ends = Vec::with_capacity(ops.len());
        let mut end = 0;
        for op in &ops {
            end += op.encode().len() + 1;
            ends.push(end);
        }
        let bytes = encode_lines(&ops);
        assert_eq!(bytes.len(), end);
        Source { bytes, ends, ops }
    }

    /// How many ops a reader of the first `len` bytes gets: the whole lines, and a last line
    /// cut just before its newline (which is already a complete op).
    fn lines_in(&self, len: usize) -> usize {
        self.ends.partition_point(|&e| e - 1 <= len)
    }

    /// Whether the first `len` bytes end inside a line that does not parse yet.
    fn torn_at(&self, len: usize) -> bool {
        let k = self.lines_in(len);
        let last_end = if k == 0 { 0 } else { self.ends[k - 1] };
        len != last_end && !(k > 0 && len == last_end - 1)
    }
}

thread_local! {
    /// The (writer, length) prefixes already parsed and checked: `parse_log` is a function
    /// of the bytes, so a prefix read again gives the same ops (this keeps the run short).
    static PARSED: std::cell::RefCell<BTreeSet<(usize, usize)>> = const {
        std::cell::RefCell::new(BTreeSet::new())
    };
}

/// What samrad reads from the first `len` bytes of writer `w`'s log: every complete line,
/// and a cut-off last line reported as torn and dropped.
fn read_file(sources: &[Source], w: usize, len: usize) -> Result<Vec<Op>, TestCaseError> {
    let src = &sources[w];
    let k = src.lines_in(len);
    if PARSED.with(|p| p.borrow().contains(&(w, len))) {
        return Ok(src.ops[..k].to_vec());
    }
    // Each writer's ops of every scope in one file (as `script_to_logs` chains them), so
    // not in a `log/<scope>/` folder, whose lines must all be of its scope.
    let path = format!("sync/w{w:02}.jsonl");
    let (got, problems) = parse_log(Path::new(&path), &src.bytes[..len]);
    prop_assert_eq!(&got[..], &src.ops[..k], "{} cut at {}", path, len);
    if src.torn_at(len) {
        prop_assert_eq!(problems.len(), 1, "{}: {:?}", path, problems);
        prop_assert_eq!(&problems[0].kind, &ProblemKind::TornTail);
        prop_assert_eq!(problems[0].line, Some(k + 1));
    } else {
        prop_assert!(problems.is_empty(), "{}: {:?}", path, problems);
    }
    PARSED.with(|p| p.borrow_mut().insert((w, len)));
    Ok(got)
}

/// A snapshot of `from`'s log, `len` bytes long, on its way to replica `to`.
#[derive(Debug, Clone, Copy)]
struct Parcel {
    due: u32,
    from: usize,
    to: usize,
    len: usize,
    /// Kept as a separate file ("conflicted copy") and not as the log itself.
    as_copy: bool,
}

/// The fake sync layer; see the module comment. It knows bytes and files, not ops.
#[derive(Default)]
struct FakeSync {
    in_flight: Vec<Parcel>,
    stats: Stats,
}

/// What the fake sync did, so a test can tell that it did the nasty things.
#[derive(Debug, Default, Clone, Copy)]
struct Stats {
    parcels: usize,
    torn: usize,
    twice: usize,
    late: usize,
    /// Delivered after a longer snapshot of the same log had arrived.
    stale: usize,
    copies: usize,
    /// Parcels that brought no new line, checked to change nothing (c).
    redelivery_checks: usize,
    /// Pairs of views compared for monotonic visibility (d).
    monotonic_pairs: usize,
    /// Ballots shown once and refused later, as the vote's close arrived late.
    ballots_refused_late: usize,
}

impl FakeSync {
    /// Read `from`'s file now, `written` bytes of it durable, and send it to `to`: late,
    /// sometimes twice, sometimes torn.
    fn send(
        &mut self,
        rng: &mut Rng,
        now: u32,
        src: &Source,
        written: usize,
        from: usize,
        to: usize,
    ) {
        let mut len = written;
        if written < src.bytes.len() && rng.below(4) == 0 {
            // Read while a line is being appended: part of the next line is there.
            let next_end = src.ends[src.lines_in(written)];
            len = written + 1 + rng.below(next_end - written - 1);
            self.stats.torn += 1;
        }
        let copies = if rng.below(6) == 0 { 2 } else { 1 };
        self.stats.twice += copies - 1;
        for _ in 0..copies {
            let mut delay = rng.below(3) as u32;
            if rng.below(8) == 0 {
                delay += 3 + rng.below(8) as u32;
                self.stats.late += 1;
            }
            self.in_flight.push(Parcel {
                due: now + delay,
                from,
                to,
                len,
                as_copy: rng.below(12) == 0,
            });
            self.stats.parcels += 1;
        }
    }

    /// The parcels due by `now`, in random order.
    fn due(&mut self, rng: &mut Rng, now: u32) -> Vec<Parcel> {
        let (mut due, later): (Vec<Parcel>, Vec<Parcel>) =
            self.in_flight.iter().partition(|p| p.due <= now);
        self.in_flight = later;
        for i in (1..due.len()).rev() {
            due.swap(i, rng.below(i + 1));
        }
        due
    }
}

/// One machine's copy of the data folder.
#[derive(Clone)]
struct Replica {
    /// Each writer's log as this machine has it: the length of the prefix.
    main: Vec<usize>,
    /// Extra files the sync tool kept: (writer, length of the prefix).
    copies: Vec<(usize, usize)>,
    /// Minutes and entries of the current files, if folded since they last changed.
    cached: Option<(Option<Vec<u8>>, Entries)>,
}

/// What a replica shows, counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entries {
    positions: usize,
    statements: usize,
    ballots: usize,
    /// Ballots refused because their vote was closed: shown in the minutes' refusals.
    ballots_refused_closed: usize,
    actions: usize,
}

fn entries(doc: &Doc) -> Entries {
    let items: Vec<_> = doc
        .meeting(MEETING)
        .map(|m| m.items.iter().collect())
        .unwrap_or_default();
    Entries {
        positions: items.iter().map(|i| i.positions.len()).sum(),
        statements: items.iter().map(|i| i.statements.len()).sum(),
        ballots: items
            .iter()
            .flat_map(|i| &i.votes)
            .map(|v| v.ballots.len())
            .sum(),
        ballots_refused_closed: doc
            .rejected
            .iter()
            .filter(|r| r.reason == RejectReason::VoteClosed)
            .count(),
        actions: doc.actions.len(),
    }
}

/// What samrad makes of a replica's files.
struct View {
    /// Complete lines seen of each writer's log.
    lines: Vec<usize>,
    ops: Vec<Op>,
    doc: Doc,
    minutes: Option<Vec<u8>>,
    entries: Entries,
}

impl Replica {
    fn files(&self) -> Vec<(usize, usize)> {
        let mut files: Vec<(usize, usize)> = self
            .main
            .iter()
            .enumerate()
            .filter(|(_, len)| **len > 0)
            .map(|(w, len)| (w, *len))
            .collect();
        files.extend(&self.copies);
        files
    }

    fn lines(&self, sources: &[Source]) -> Vec<usize> {
        let mut lines = vec![0; sources.len()];
        for (w, len) in self.files() {
            lines[w] = lines[w].max(sources[w].lines_in(len));
        }
        lines
    }

    /// Parse every file (in an order of `rng`'s choosing) and fold.
    fn view(&mut self, sources: &[Source], rng: &mut Rng) -> Result<View, TestCaseError> {
        let mut files = self.files();
        for i in (1..files.len()).rev() {
            files.swap(i, rng.below(i + 1));
        }
        let mut ops = Vec::new();
        for (w, len) in files {
            ops.extend(read_file(sources, w, len)?);
        }
        let doc = fold_in_forum(ops.clone());
        let minutes = doc.minutes(MEETING).map(|m| minutes_bytes(&m));
        let entries = entries(&doc);
        self.cached = Some((minutes.clone(), entries));
        Ok(View {
            lines: self.lines(sources),
            ops,
            doc,
            minutes,
            entries,
        })
    }

    /// Take a parcel in; says whether the files changed.
    fn receive(&mut self, p: &Parcel) -> bool {
        if p.as_copy && self.copies.len() < MAX_COPIES {
            self.copies.push((p.from, p.len));
            self.cached = None;
            true
        } else if p.len > self.main[p.from] {
            self.main[p.from] = p.len;
            self.cached = None;
            true
        } else {
            false
        }
    }
}

/// Fold `ops` as a replica does: on top of the forum its folder was seeded with.
fn fold_in_forum(ops: Vec<Op>) -> Doc {
    let mut all = samrad::demo::forum_log();
    all.extend(ops);
    fold(all)
}

/// Who writes each op of the script: the person's index spread over the writers, so that
/// with more writers than people one person writes from several machines.
fn spread_script(seed: u64, writers: usize, items: usize, edits: usize) -> Vec<(usize, Change)> {
    let people = samrad::demo::PEOPLE.len();
    let mut rng = Rng::new(seed ^ 0x5EED_5EED);
    meeting_script(seed, MEETING, 2026, items, edits)
        .into_iter()
        .map(|(person, change)| {
            let spread = person + people * rng.below(writers.div_ceil(people));
            (spread, change)
        })
        .collect()
}

/// Every op is in the view and counted: items, positions, actions and votes are there;
/// statements of another party and ballots after a vote closed are listed as refused.
fn check_nothing_lost(all: &[Op], view: &View) -> Result<(), TestCaseError> {
    let have: BTreeSet<String> = view.ops.iter().map(Op::id).collect();
    let want: BTreeSet<String> = all.iter().map(Op::id).collect();
    let missing: Vec<_> = want.difference(&have).collect();
    prop_assert!(missing.is_empty(), "ops never arrived: {:?}", missing);
    let doc = &view.doc;
    let m = doc.meeting(MEETING).expect("the meeting is there");
    let refused = |op: &Op| doc.rejected.iter().any(|r| r.op == op.id());
    for op in all {
        match &op.change {
            Change::ItemAdd { item, .. } => prop_assert!(m.item(item).is_some(), "item {item}"),
            Change::Position { item, reason, .. } => {
                let it = m.item(item).expect("item");
                prop_assert!(
                    it.positions.iter().any(|p| &p.reason == reason),
                    "position {reason}"
                );
            }
            Change::Statement {
                item, text, party, ..
            } => {
                let it = m.item(item).expect("item");
                let kept = it.statements.iter().any(|s| &s.text == text);
                let own = op.by.party.as_deref() == Some(party.as_str());
                prop_assert_eq!(kept, own, "statement {}", text);
                prop_assert_eq!(refused(op), !own, "statement {} refusal", text);
            }
            Change::ActionAdd { id, .. } => prop_assert!(doc.action(id).is_some(), "action {id}"),
            Change::VoteOpen { item, vote, .. } => {
                let it = m.item(item).expect("item");
                prop_assert!(it.votes.iter().any(|v| &v.id == vote), "vote {vote}");
            }
            Change::VoteCast {
                item,
                vote,
                voter,
                option,
                ..
            } => {
                let v = m
                    .item(item)
                    .and_then(|it| it.votes.iter().find(|v| &v.id == vote))
                    .expect("vote");
                let counted = v.ballots.iter().any(|b| {
                    &b.voter == voter && &b.option == option && b.at == op.at && b.by == op.by.name
                });
                prop_assert!(
                    counted || refused(op),
                    "ballot {} neither counted nor refused",
                    op.id()
                );
            }
            _ => {}
        }
    }
    Ok(())
}

/// Run the simulation for one seed; returns what the fake sync did.
fn simulate(
    seed: u64,
    writers: usize,
    items: usize,
    edits: usize,
    rounds: u32,
) -> Result<Stats, TestCaseError> {
    PARSED.with(|p| p.borrow_mut().clear());
    let script = spread_script(seed, writers, items, edits);
    let logs = script_to_logs(&script, writers, SCRIPT_START_MS);
    let all: Vec<Op> = logs.iter().flatten().cloned().collect();
    let reference = minutes_bytes(
        &fold_in_forum(all.clone())
            .minutes(MEETING)
            .expect("meeting"),
    );
    // The order the ops were made in: the writer of each script step.
    let timeline: Vec<usize> = script.iter().map(|(p, _)| p % writers).collect();
    let sources: Vec<Source> = logs.into_iter().map(Source::new).collect();

    let mut rng = Rng::new(seed.rotate_left(17) ^ 0x00FA_4E5C);
    let mut sync = FakeSync::default();
    let mut written = vec![0usize; writers];
    let mut made = 0usize;
    let mut replicas = vec![
        Replica {
            main: vec![0; writers],
            copies: Vec::new(),
            cached: None,
        };
        writers
    ];
    // Every view seen: complete lines per writer, and what it showed.
    let mut seen: Vec<(Vec<usize>, Entries)> = Vec::new();
    let drain = 12;

    for now in 0..rounds + drain {
        // The writers write the next ops of the script, in the order they were made.
        if now < rounds {
            let target = if now + 1 == rounds {
                timeline.len()
            } else {
                (timeline.len() * (now as usize + 1) / rounds as usize)
                    .saturating_sub(rng.below(3))
                    .max(made)
            };
            while made < target {
                let w = timeline[made];
                let line = sources[w].lines_in(written[w]);
                written[w] = sources[w].ends[line];
                made += 1;
            }
        }
        for (r, replica) in replicas.iter_mut().enumerate() {
            if replica.main[r] != written[r] {
                replica.main[r] = written[r];
                replica.cached = None;
            }
        }
        // The sync tool reads files and sends them off.
        for from in 0..writers {
            if written[from] == 0 {
                continue;
            }
            for to in (0..writers).filter(|&to| to != from) {
                if rng.below(2) == 0 {
                    sync.send(&mut rng, now, &sources[from], written[from], from, to);
                }
            }
        }
        // Parcels arrive.
        for parcel in sync.due(&mut rng, now) {
            let replica = &mut replicas[parcel.to];
            if parcel.len < replica.main[parcel.from] {
                sync.stats.stale += 1;
            }
            let lines_before = replica.lines(&sources);
            // Checked for a third of them: each check folds twice.
            let check =
                (parcel.as_copy || sources[parcel.from].torn_at(parcel.len)) && rng.below(3) == 0;
            let before = match (&replica.cached, check) {
                (_, false) => None,
                (Some(c), true) => Some(c.clone()),
                (None, true) => {
                    let v = replica.view(&sources, &mut rng)?;
                    Some((v.minutes, v.entries))
                }
            };
            let changed = replica.receive(&parcel);
            sync.stats.copies += usize::from(changed && parcel.as_copy);
            if let Some(before) = before
                && changed
                && replica.lines(&sources) == lines_before
            {
                // (c) Nothing new came: the minutes are the same bytes.
                let after = replica.view(&sources, &mut rng)?;
                prop_assert_eq!(&after.minutes, &before.0, "a parcel without new lines");
                prop_assert_eq!(after.entries, before.1);
                sync.stats.redelivery_checks += 1;
            }
        }
        // A few replicas whose files changed look (all of them would be slow).
        let mut changed: Vec<usize> = (0..writers)
            .filter(|&r| replicas[r].cached.is_none())
            .collect();
        for i in (1..changed.len()).rev() {
            changed.swap(i, rng.below(i + 1));
        }
        for &r in changed.iter().take(LOOKERS) {
            let replica = &mut replicas[r];
            let view = replica.view(&sources, &mut rng)?;
            // (b) Its own acknowledged ops are always there.
            prop_assert_eq!(view.lines[r], sources[r].lines_in(written[r]));
            seen.push((view.lines, view.entries));
        }
    }

    // The sync catches up: everything in flight arrives, then every log in full.
    for parcel in sync.due(&mut rng, u32::MAX) {
        replicas[parcel.to].receive(&parcel);
    }
    for (r, replica) in replicas.iter_mut().enumerate() {
        for (from, src) in sources.iter().enumerate().filter(|(w, _)| *w != r) {
            replica.receive(&Parcel {
                due: 0,
                from,
                to: r,
                len: src.bytes.len(),
                as_copy: false,
            });
        }
    }
    let mut converged = Vec::new();
    for replica in replicas.iter_mut() {
        let view = replica.view(&sources, &mut rng)?;
        // (b) No acknowledged op is missing.
        check_nothing_lost(&all, &view)?;
        seen.push((view.lines.clone(), view.entries));
        converged.push(view.minutes.expect("the meeting is there"));
    }
    // (a) Everyone has the same minutes, byte for byte: those of all the ops.
    for (r, m) in converged.iter().enumerate() {
        prop_assert!(
            m == &reference,
            "replica {} differs from the fold of all logs:\n{}",
            r,
            first_difference(m, &reference)
        );
    }
    // (c) Sending it all again, whole, torn and stale, as logs and as copies, changes nothing.
    for replica in replicas.iter_mut() {
        let mut again = replica.clone();
        again.copies.clear();
        for (from, src) in sources.iter().enumerate() {
            let full = src.bytes.len();
            for len in [full, rng.below(full + 1), rng.below(full + 1)] {
                for as_copy in [false, true] {
                    again.receive(&Parcel {
                        due: 0,
                        from,
                        to: 0,
                        len,
                        as_copy,
                    });
                }
            }
        }
        again.copies.truncate(MAX_COPIES);
        let view = again.view(&sources, &mut rng)?;
        prop_assert!(
            view.minutes.as_ref() == Some(&reference),
            "re-delivery changed the minutes"
        );
    }

    // (d) Seeing more never hides an entry.
    for (i, (lines_a, a)) in seen.iter().enumerate() {
        for (lines_b, b) in &seen[i + 1..] {
            let (small, big, e_small, e_big) = if lines_a.iter().zip(lines_b).all(|(x, y)| x <= y) {
                (lines_a, lines_b, a, b)
            } else if lines_b.iter().zip(lines_a).all(|(x, y)| x <= y) {
                (lines_b, lines_a, b, a)
            } else {
                continue;
            };
            sync.stats.monotonic_pairs += 1;
            let hidden = |what: &str| {
                TestCaseError::fail(format!(
                    "{what} hidden by seeing more: {e_small:?} with lines {small:?}, {e_big:?} with lines {big:?}"
                ))
            };
            if e_big.positions < e_small.positions {
                return Err(hidden("positions"));
            }
            if e_big.statements < e_small.statements {
                return Err(hidden("statements"));
            }
            if e_big.actions < e_small.actions {
                return Err(hidden("actions"));
            }
            if e_big.ballots + e_big.ballots_refused_closed
                < e_small.ballots + e_small.ballots_refused_closed
            {
                return Err(hidden("ballots"));
            }
            if e_big.ballots < e_small.ballots {
                sync.stats.ballots_refused_late += 1;
            }
        }
    }
    Ok(sync.stats)
}

fn first_difference(a: &[u8], b: &[u8]) -> String {
    let a = String::from_utf8_lossy(a);
    let b = String::from_utf8_lossy(b);
    a.lines()
        .zip(b.lines())
        .enumerate()
        .find(|(_, (x, y))| x != y)
        .map(|(i, (x, y))| format!("line {}: {x}\n   vs: {y}", i + 1))
        .unwrap_or_else(|| "one is a prefix of the other".into())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn replicas_over_a_late_duplicating_tearing_sync_converge(
        seed in any::<u64>(),
        writers in 2usize..=20,
        items in 1usize..6,
        edits in 10usize..90,
        rounds in 6u32..30,
    ) {
        simulate(seed, writers, items, edits, rounds)?;
    }
}

/// The fake sync does what it says: for a few fixed seeds it tears, duplicates, delays and
/// reorders parcels and keeps conflicted copies, and the checks (c) and (d) do run.
#[test]
fn the_fake_sync_is_nasty_enough() {
    let mut total = Stats::default();
    for seed in 0..4 {
        let s = simulate(seed, 3 + seed as usize * 5, 4, 100, 20).expect("simulation");
        total.parcels += s.parcels;
        total.torn += s.torn;
        total.twice += s.twice;
        total.late += s.late;
        total.stale += s.stale;
        total.copies += s.copies;
        total.redelivery_checks += s.redelivery_checks;
        total.monotonic_pairs += s.monotonic_pairs;
        total.ballots_refused_late += s.ballots_refused_late;
    }
    eprintln!("{total:?}");
    let Stats {
        parcels,
        torn,
        twice,
        late,
        stale,
        copies,
        redelivery_checks,
        monotonic_pairs,
        ..
    } = total;
    assert!(parcels > 1000, "{total:?}");
    for (what, n) in [
        ("torn", torn),
        ("twice", twice),
        ("late", late),
        ("stale", stale),
        ("copies", copies),
        ("redelivery checks", redelivery_checks),
        ("monotonic pairs", monotonic_pairs),
    ] {
        assert!(n > 10, "too few {what}: {total:?}");
    }
}

/// The one way seeing more ops takes an entry away: a ballot cast while the voter had not
/// yet seen the chair close the vote, on a machine whose clock is ahead, is shown until the
/// close arrives; from then on the fold orders the close first and refuses the ballot (it
/// is listed in the minutes' refusals, not lost). Whether this is wanted is a design
/// question; it is shown here so that it is a known behaviour and not a surprise.
#[test]
fn a_late_vote_close_moves_a_shown_ballot_to_the_refused() {
    let at = "2026-12-08T10:00:00+01:00";
    let op = |writer: &str, seq, ms, party: &str, change| Op {
        v: samrad::model::SCHEMA_VERSION,
        writer: writer.into(),
        seq,
        clock: Hlc { ms, c: 0 },
        at: at.into(),
        by: common::authors::rep(match party {
            "chair" => "kmd",
            p => p,
        }),
        prev: String::new(),
        change,
        seen: Vec::new(),
        key: String::new(),
        sig: String::new(),
        verified: false,
        digest: [0; 32],
    };
    let m = || MEETING.to_string();
    let chair = vec![
        op(
            "chair",
            1,
            1000,
            "kmd",
            Change::MeetingCreate {
                meeting: m(),
                title: "Møte".into(),
                starts_at: at.into(),
            },
        ),
        op(
            "chair",
            2,
            1001,
            "kmd",
            Change::ItemAdd {
                meeting: m(),
                item: "s1".into(),
                number: samrad::model::ItemNumber { n: 1, year: 2026 },
                title: "Sak".into(),
                kind: samrad::model::ItemKind::Negotiation,
                rank: 1024,
            },
        ),
        op(
            "chair",
            3,
            1002,
            "kmd",
            Change::VoteOpen {
                meeting: m(),
                item: "s1".into(),
                vote: "v1".into(),
                question: "Enig?".into(),
                options: VoteOption::defaults(["For", "Mot", "Avstår"]),
                method: VoteMethod::PerParty,
                rule: VoteRule::SimpleMajority,
            },
        ),
    ];
    let close = op(
        "chair",
        4,
        2000,
        "kmd",
        Change::VoteClose {
            meeting: m(),
            item: "s1".into(),
            vote: "v1".into(),
        },
    );
    // NTL saw the vote open (clock 1002) but not the close; its clock is ahead.
    let cast = op(
        "ntl",
        1,
        2500,
        "ntl",
        Change::VoteCast {
            meeting: m(),
            item: "s1".into(),
            vote: "v1".into(),
            voter: "ntl".into(),
            option: Some(0),
        },
    );
    // A replica with the chair's log up to the open, and NTL's ballot.
    let mut without_close = chair.clone();
    without_close.push(cast.clone());
    let shown = entries(&fold_in_forum(without_close.clone()));
    assert_eq!((shown.ballots, shown.ballots_refused_closed), (1, 0));
    // The chair's close arrives: the fold orders it before the ballot.
    let mut with_close = without_close;
    with_close.push(close);
    let refused = entries(&fold_in_forum(with_close));
    assert_eq!((refused.ballots, refused.ballots_refused_closed), (0, 1));
}
