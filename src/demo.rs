//! Synthetic meetings, deterministic for a seed: for tests, benchmarks and trying samrad.

use crate::model::{
    ActionStatus, Agreement, Author, Change, Id, ItemField, ItemKind, ItemNumber, Needs, Owner,
    Stance,
};
use crate::store::chain::OpChain;
use crate::store::clock::{Clock, Hlc};
use crate::store::op::Op;

/// SplitMix64: small, fast and the same on every machine.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in 0..n (0 when n is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// The template's parties and one person per party, as (person id, party id).
pub const PEOPLE: [(&str, &str); 6] = [
    ("p-leder", "kmd"),
    ("p-ntl", "ntl"),
    ("p-ys", "ys-stat"),
    ("p-unio", "unio"),
    ("p-jf", "jf"),
    ("p-hvo", "hvo"),
];

const WORDS: [&str; 16] = [
    "samordning",
    "medbestemmelse",
    "kompetanse",
    "fellestjenester",
    "digitalisering",
    "arbeidsmiljø",
    "ressurser",
    "gjennomføring",
    "strategi",
    "tillitsvalgt",
    "innsparing",
    "kvalitet",
    "ledelse",
    "karriere",
    "omstilling",
    "ærlighet",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s: Vec<&str> = (0..words).map(|_| *rng.pick(&WORDS)).collect();
    s.dedup();
    let mut out = s.join(" ");
    if let Some(first) = out.get(..1) {
        out = first.to_uppercase() + &out[1..];
    }
    out + "."
}

pub fn author(person: usize) -> Author {
    let (p, party) = PEOPLE[person % PEOPLE.len()];
    Author {
        name: p.to_string(),
        person: Some(p.to_string()),
        party: Some(party.to_string()),
    }
}

/// A meeting's changes in the order they were made, each with the index of the person who
/// made it (see `PEOPLE`): the meeting, `items` items, then `edits` notes, positions,
/// statements, attendance and actions. Every text is unique, so a lost op can be found.
pub fn meeting_script(
    seed: u64,
    meeting: &str,
    year: i32,
    items: usize,
    edits: usize,
) -> Vec<(usize, Change)> {
    let mut rng = Rng::new(seed);
    let mut out: Vec<(usize, Change)> = Vec::with_capacity(items + edits + 1);
    let m: Id = meeting.to_string();
    out.push((
        0,
        Change::MeetingCreate {
            meeting: m.clone(),
            title: format!("Kontaktgruppemøte {meeting}"),
            starts_at: format!("{year}-03-01T10:00:00+01:00"),
        },
    ));
    let item_ids: Vec<Id> = (0..items.max(1))
        .map(|i| format!("{meeting}-s{i}"))
        .collect();
    let mut kinds: Vec<ItemKind> = Vec::new();
    for (i, id) in item_ids.iter().enumerate() {
        let kind = ItemKind::ALL[rng.below(4)];
        kinds.push(kind);
        out.push((
            0,
            Change::ItemAdd {
                meeting: m.clone(),
                item: id.clone(),
                number: ItemNumber {
                    n: i as u32 + 1,
                    year,
                },
                title: format!("Sak {i}: {}", sentence(&mut rng, 3)),
                kind,
                rank: (i as i64 + 1) * 1024,
            },
        ));
    }
    let mut votes: Vec<(Id, Id)> = Vec::new();
    for e in 0..edits {
        let at = rng.below(item_ids.len());
        let item = item_ids[at].clone();
        let fitting = Stance::fitting(kinds.get(at).copied().unwrap_or(ItemKind::Other));
        let person = rng.below(PEOPLE.len());
        // The hovedverneombud takes no positions: NTL speaks instead.
        let speaker = if PEOPLE[person].1 == "hvo" { 1 } else { person };
        let party = PEOPLE[speaker].1.to_string();
        let change = match rng.below(14) {
            10 => {
                // The chair opens a vote on the item.
                let vote = format!("{meeting}-v{e}");
                votes.push((item.clone(), vote.clone()));
                out.push((
                    0,
                    Change::VoteOpen {
                        meeting: m.clone(),
                        item,
                        vote,
                        question: format!("{}?", sentence(&mut rng, 5)),
                        options: crate::model::VoteOption::defaults(["For", "Mot", "Avstår"]),
                        method: crate::model::VoteMethod::PerParty,
                        rule: crate::model::VoteRule::ALL[rng.below(4)],
                    },
                ));
                continue;
            }
            11 | 12 if !votes.is_empty() => {
                // A party's ballot, or now and then the chair closing the vote.
                let (item, vote) = votes[rng.below(votes.len())].clone();
                if rng.below(6) == 0 {
                    out.push((
                        0,
                        Change::VoteClose {
                            meeting: m.clone(),
                            item,
                            vote,
                        },
                    ));
                    continue;
                }
                Change::VoteCast {
                    meeting: m.clone(),
                    item,
                    vote,
                    voter: party,
                    option: Some(rng.below(3)),
                }
            }
            13 => {
                // Someone writing another party's statement: refused by the fold, and shown.
                let other = PEOPLE[(speaker + 1) % PEOPLE.len()].1.to_string();
                Change::Statement {
                    meeting: m.clone(),
                    item,
                    party: other,
                    text: format!("{} #{e}", sentence(&mut rng, 6)),
                    base: None,
                }
            }
            0..=3 => Change::Position {
                meeting: m.clone(),
                item,
                party,
                // A stance that fits the kind of item (`Stance::fitting`).
                stance: fitting[rng.below(fitting.len())],
                reason: format!("{} #{e}", sentence(&mut rng, 6)),
                base: None,
            },
            4 => Change::Statement {
                meeting: m.clone(),
                item,
                party,
                text: format!("{} #{e}", sentence(&mut rng, 12)),
                base: None,
            },
            5 => Change::ItemSet {
                meeting: m.clone(),
                item,
                set: ItemField::Notes(format!("{} #{e}", sentence(&mut rng, 20))),
            },
            6 => Change::ItemSet {
                meeting: m.clone(),
                item,
                set: ItemField::Conclusion(format!("{} #{e}", sentence(&mut rng, 10))),
            },
            7 => Change::ItemSet {
                meeting: m.clone(),
                item,
                set: ItemField::Agreement(Some(if rng.below(2) == 0 {
                    Agreement::Agreement
                } else {
                    Agreement::Disagreement
                })),
            },
            8 => Change::Attend {
                meeting: m.clone(),
                person: PEOPLE[person].0.to_string(),
                presence: crate::model::Presence::Present,
                for_person: None,
                substitute: String::new(),
            },
            _ => Change::ActionAdd {
                id: format!("{meeting}-t{e}"),
                title: format!("{} #{e}", sentence(&mut rng, 8)),
                owner: Owner::Party(party),
                due: None,
                status: ActionStatus::Open,
                meeting: Some(m.clone()),
                item: Some(item),
                areas: vec![format!("uo{}", rng.below(5) + 1)],
                proposed_by: None,
            },
        };
        // The chair (person 0) runs the meeting and assigns actions; a party speaks for
        // itself.
        let by = match change.needs() {
            Needs::RunsMeeting | Needs::ActionProposal => 0,
            _ => speaker,
        };
        out.push((by, change));
    }
    out
}

/// The template's forum log (its parties, people and their seats): what a script's meeting
/// is held in. Fold it with the script's logs, or nobody in them has a seat.
pub fn forum_log() -> Vec<Op> {
    crate::store::seed::template_ops()
        .unwrap_or_default()
        .into_iter()
        .filter(|(scope, _)| *scope == crate::model::Scope::Forum)
        .flat_map(|(_, ops)| ops)
        .collect()
}

/// Turn a script into per-writer logs: writer `w` gets the changes of person `w % writers`,
/// with seqs, hybrid clocks (each writer sees the ops before its own), hash chains and
/// times `start_ms` onwards. Returns one op list per writer, in log order.
pub fn script_to_logs(script: &[(usize, Change)], writers: usize, start_ms: i64) -> Vec<Vec<Op>> {
    logs_by(script, writers, start_ms, |_, person| person)
}

/// Like `script_to_logs`, but the changes are dealt to the writers in turn (change `i` to
/// writer `i % writers`), so that many writers each write about as much: as when several
/// terminals of the same people come and go over a meeting.
pub fn script_to_logs_spread(
    script: &[(usize, Change)],
    writers: usize,
    start_ms: i64,
) -> Vec<Vec<Op>> {
    logs_by(script, writers, start_ms, |i, _| i)
}

fn logs_by(
    script: &[(usize, Change)],
    writers: usize,
    start_ms: i64,
    pick: impl Fn(usize, usize) -> usize,
) -> Vec<Vec<Op>> {
    let writers = writers.max(1);
    let mut logs: Vec<Vec<Op>> = vec![Vec::new(); writers];
    // Each writer's ops go into one file, whatever their scope.
    let mut chains: Vec<OpChain> = (0..writers)
        .map(|w| OpChain::one_file(format!("w{w:02}")))
        .collect();
    let mut clocks: Vec<Clock> = vec![Clock::default(); writers];
    let mut last = Hlc::default();
    for (i, (person, change)) in script.iter().enumerate() {
        let w = pick(i, *person) % writers;
        clocks[w].observe(last);
        // Each machine's clock is a little off, some behind, some ahead.
        let skew = (w as i64 * 397) % 1000 - 500;
        let ms = start_ms + i as i64 * 250 + skew;
        let clock = clocks[w].tick(ms);
        last = clock;
        let at = chrono::DateTime::from_timestamp_millis(ms)
            .map(|t| {
                t.fixed_offset()
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
            })
            .unwrap_or_default();
        logs[w].push(chains[w].next(clock, at, author(*person), change.clone()));
    }
    logs
}
