//! Twenty writers typing into the same notes at once, over a fake sync layer with delays,
//! duplicates and reordering, run for several seeds.
//!
//! Each writer is also a replica. A writer edits the notes as its replica shows them (so
//! the edit's base is what it saw) and saves: a new line somewhere, a few words added to an
//! existing line, and now and then a conflict resolved by taking out the markers and
//! keeping both versions. The sync layer carries snapshots of each writer's log (a prefix of
//! it) to the other replicas a random number of rounds later; some parcels are sent twice,
//! some arrive after newer ones, and parcels due in one round arrive in random order. A
//! replica keeps the longest prefix of each log it has got.
//!
//! Checked, for every seed: every fragment a writer saved is in the final notes; every
//! replica folds the same bytes (each folding its ops in its own order); overlapping edits
//! made conflicts, and those show as conflicts; and a replica's notes at any step hold every
//! fragment its replica has received.

use samrad::demo::{Rng, author, forum_log};
use samrad::model::{CONFLICT_END, CONFLICT_SEPARATOR, ConflictLine};
use samrad::model::{Change, ItemKind, ItemNumber, TextField, conflict_count, conflict_line};
use samrad::store::fold::fold;
use samrad::store::{Clock, Hlc, Op, OpChain};

const WRITERS: usize = 20;
const MEETING: &str = "m-notes";
const ITEM: &str = "s-notes";
const START_MS: i64 = 1_796_000_000_000;

struct Writer {
    chain: OpChain,
    clock: Clock,
    log: Vec<Op>,
}

struct Parcel {
    due: usize,
    from: usize,
    to: usize,
    len: usize,
}

struct World {
    setup: Vec<Op>,
    writers: Vec<Writer>,
    /// known[r][w]: how much of writer w's log replica r has.
    known: Vec<Vec<usize>>,
    parcels: Vec<Parcel>,
    /// Every fragment saved, with its writer.
    saved: Vec<(usize, String)>,
}

fn at(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| {
            t.fixed_offset()
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
        })
        .unwrap_or_default()
}

impl World {
    fn new() -> World {
        let mut chain = OpChain::one_file("setup");
        let mut clock = Clock::default();
        let mut setup = forum_log();
        let create = Change::MeetingCreate {
            meeting: MEETING.into(),
            title: "Kontaktgruppemøte".into(),
            starts_at: "2026-12-02T10:00:00+01:00".into(),
        };
        let add = Change::ItemAdd {
            meeting: MEETING.into(),
            item: ITEM.into(),
            number: ItemNumber { n: 1, year: 2026 },
            title: "Notater fra alle".into(),
            kind: ItemKind::Consultation,
            rank: 1024,
        };
        for (k, change) in [create, add].into_iter().enumerate() {
            let ms = START_MS - 10_000 + k as i64;
            setup.push(chain.next(clock.tick(ms), at(ms), author(0), change));
        }
        let writers = (0..WRITERS)
            .map(|w| Writer {
                chain: OpChain::one_file(format!("w{w:02}")),
                clock: Clock::default(),
                log: Vec::new(),
            })
            .collect();
        World {
            setup,
            writers,
            known: vec![vec![0; WRITERS]; WRITERS],
            parcels: Vec::new(),
            saved: Vec::new(),
        }
    }

    /// The ops replica `r` has, in an order of its own.
    fn ops_of(&self, r: usize, rng: &mut Rng) -> Vec<Op> {
        let mut ops = self.setup.clone();
        let mut logs: Vec<usize> = (0..WRITERS).collect();
        for i in (1..logs.len()).rev() {
            logs.swap(i, rng.below(i + 1));
        }
        for w in logs {
            ops.extend(self.writers[w].log[..self.known[r][w]].iter().cloned());
        }
        ops
    }

    fn notes(&self, r: usize, rng: &mut Rng) -> String {
        let doc = fold(self.ops_of(r, rng));
        doc.meeting(MEETING)
            .and_then(|m| m.item(ITEM))
            .map(|i| i.notes.clone())
            .expect("the item is there")
    }

    /// Writer `w` edits the notes as its replica shows them and saves.
    fn edit(&mut self, w: usize, round: usize, rng: &mut Rng) {
        let base = self.notes(w, rng);
        let fragment = format!("«w{w:02}-r{round}»");
        let mut lines: Vec<String> = base.lines().map(str::to_string).collect();
        let text_lines: Vec<usize> = (0..lines.len())
            .filter(|&n| matches!(conflict_line(&lines[n]), ConflictLine::Text(_)))
            .collect();
        match rng.below(10) {
            // Take out the markers, keeping both versions: a conflict resolved.
            0 if conflict_count(&base) > 0 => {
                lines.retain(|l| matches!(conflict_line(l), ConflictLine::Text(_)));
                lines.push(fragment.clone());
            }
            // A few words added to a line someone else may be changing too.
            1..=3 if !text_lines.is_empty() => {
                let n = text_lines[rng.below(text_lines.len())];
                lines[n] = format!("{} {fragment}", lines[n]);
            }
            // A new line in the middle.
            4..=5 if !lines.is_empty() => {
                let n = rng.below(lines.len() + 1);
                lines.insert(n, fragment.clone());
            }
            _ => lines.push(fragment.clone()),
        }
        let text = lines.join("\n");
        let ms = START_MS + round as i64 * 300 + rng.below(250) as i64;
        // The writer's clock has seen every op its replica folded.
        let seen: Vec<Hlc> = (0..WRITERS)
            .filter_map(|o| self.last_clock(o, self.known[w][o]))
            .collect();
        let writer = &mut self.writers[w];
        for clock in seen {
            writer.clock.observe(clock);
        }
        let op = writer.chain.next(
            writer.clock.tick(ms),
            at(ms),
            author(0),
            Change::ItemText {
                meeting: MEETING.into(),
                item: ITEM.into(),
                field: TextField::Notes,
                base,
                text,
            },
        );
        writer.log.push(op);
        self.known[w][w] = writer.log.len();
        self.saved.push((w, fragment));
    }

    fn last_clock(&self, w: usize, n: usize) -> Option<Hlc> {
        n.checked_sub(1).map(|i| self.writers[w].log[i].clock)
    }

    /// The sync tool reads `from`'s log now and delivers it to `to` some rounds later;
    /// sometimes twice, sometimes very late.
    fn send(&mut self, round: usize, from: usize, to: usize, rng: &mut Rng) {
        let len = self.writers[from].log.len();
        let delay = if rng.chance(10) {
            10 + rng.below(20)
        } else {
            rng.below(4)
        };
        self.parcels.push(Parcel {
            due: round + delay,
            from,
            to,
            len,
        });
        if rng.chance(15) {
            self.parcels.push(Parcel {
                due: round + rng.below(8),
                from,
                to,
                len,
            });
        }
    }

    /// Parcels due by `round`, in random order; a replica keeps the longest prefix.
    fn deliver(&mut self, round: usize, rng: &mut Rng) {
        let (mut due, later): (Vec<Parcel>, Vec<Parcel>) =
            self.parcels.drain(..).partition(|p| p.due <= round);
        self.parcels = later;
        for i in (1..due.len()).rev() {
            due.swap(i, rng.below(i + 1));
        }
        for p in due {
            let k = &mut self.known[p.to][p.from];
            *k = (*k).max(p.len);
        }
    }
}

fn run(seed: u64) {
    let mut rng = Rng::new(seed);
    let mut world = World::new();
    let rounds = 70;
    let mut conflicts_seen = 0;
    for round in 0..rounds {
        // A few writers save in each round, from what their replica shows.
        for _ in 0..1 + rng.below(3) {
            let w = rng.below(WRITERS);
            world.edit(w, round, &mut rng);
        }
        for _ in 0..6 {
            let (from, to) = (rng.below(WRITERS), rng.below(WRITERS));
            if from != to {
                world.send(round, from, to, &mut rng);
            }
        }
        world.deliver(round, &mut rng);
        // What a replica shows holds every fragment of the ops it has.
        if round % 10 == 9 {
            let r = rng.below(WRITERS);
            let notes = world.notes(r, &mut rng);
            conflicts_seen += conflict_count(&notes);
            for (w, fragment) in &world.saved {
                let has = world.writers[*w]
                    .log
                    .iter()
                    .take(world.known[r][*w])
                    .any(|op| matches!(&op.change, Change::ItemText { text, .. } if text.contains(fragment.as_str())));
                if has {
                    assert!(
                        notes.contains(fragment.as_str()),
                        "seed {seed}, round {round}: replica {r} lost {fragment}:\n{notes}"
                    );
                }
            }
        }
    }
    // The sync layer catches up: every replica gets every log in full.
    for r in 0..WRITERS {
        for w in 0..WRITERS {
            world.known[r][w] = world.writers[w].log.len();
        }
    }
    let finals: Vec<String> = (0..WRITERS).map(|r| world.notes(r, &mut rng)).collect();
    for (r, notes) in finals.iter().enumerate() {
        assert_eq!(notes, &finals[0], "seed {seed}: replica {r} differs");
    }
    let notes = &finals[0];
    for (_, fragment) in &world.saved {
        assert!(
            notes.contains(fragment.as_str()),
            "seed {seed}: {fragment} is lost:\n{notes}"
        );
    }
    // Concurrent edits to the same lines overlapped: shown as conflicts at some point,
    // each with both versions and who wrote the second.
    conflicts_seen += conflict_count(notes);
    assert!(
        conflicts_seen > 0,
        "seed {seed}: 20 writers never overlapped?\n{notes}"
    );
    if conflict_count(notes) > 0 {
        assert!(notes.lines().any(|l| l == CONFLICT_SEPARATOR));
        assert!(
            notes
                .lines()
                .any(|l| l.starts_with(CONFLICT_END) && l.contains("p-leder")),
            "{notes}"
        );
    }
    assert!(world.saved.len() > 100, "{} saves", world.saved.len());
}

#[test]
fn twenty_writers_on_one_text_lose_nothing_and_agree() {
    for seed in 0..3 {
        run(seed);
    }
}
