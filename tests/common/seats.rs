//! A secured forum: people with keys of their own, each writing from a store (a terminal)
//! of their own on one data folder. The chair founds the forum with their key; the others
//! ask to join and are admitted, as the TUI does it.

use std::path::Path;

use chrono::{DateTime, FixedOffset};
use samrad::model::{Author, Change, MeetingStatus, Person, Presence};
use samrad::store::keys::{APPROVAL_NAMESPACE, Signer};
use samrad::store::{Load, Op, Store, seal};

use super::TEMPLATE_MEETING as MEETING;
use super::meetings::{circulate, set_notes, status};

/// One person at their own terminal: their store, key and name.
pub struct Seat {
    pub store: Store,
    pub key: Signer,
    pub who: Author,
}

/// A clock for the ops of a test: each op one minute after the one before, from 8
/// December 2026 at 10:00.
#[derive(Default)]
pub struct Ticks(u32);

impl Ticks {
    pub fn next(&mut self) -> DateTime<FixedOffset> {
        self.0 += 1;
        super::at(&format!(
            "2026-12-08T{:02}:{:02}:00+01:00",
            10 + self.0 / 60,
            self.0 % 60
        ))
    }
}

impl Seat {
    /// `who` at a terminal of their own on the folder `dir`, with a new key, having read
    /// everything there.
    pub fn at(dir: &Path, who: Author) -> Seat {
        Seat::with_key(dir, who, Signer::generate())
    }

    pub fn with_key(dir: &Path, who: Author, key: Signer) -> Seat {
        let mut store = Store::open(dir, who.clone()).expect("open the data folder");
        store.assume_now(super::at(super::READER_NOW));
        store.set_signer(Some(key.clone()));
        store.load(&Load::All);
        Seat { store, key, who }
    }

    /// Read what the others wrote, then write `change`.
    pub fn commit(&mut self, clock: &mut Ticks, change: Change) -> Op {
        self.store.load(&Load::All);
        self.store
            .commit_at(change, clock.next())
            .expect("commit the op")
    }

    /// Whether reading the folder found a problem of this kind.
    pub fn saw(&self, kind: impl Fn(&samrad::store::ProblemKind) -> bool) -> bool {
        self.store.problems.iter().any(|p| kind(&p.kind))
    }

    pub fn person(&self) -> &str {
        self.who.person.as_deref().expect("a person of the forum")
    }

    /// This seat's person as the forum has them.
    pub fn forum_person(&mut self) -> Person {
        let doc = self.store.load(&Load::Forum);
        let id = self.person().to_string();
        doc.forum.person(&id).cloned().expect("the forum's person")
    }

    /// The chair founds the forum with this seat's key.
    pub fn found(&mut self, clock: &mut Ticks) {
        let change = Change::Genesis {
            person: self.person().into(),
            key: self.key.public().into(),
        };
        self.commit(clock, change);
    }

    /// Ask to join with this seat's key.
    pub fn ask(&mut self, clock: &mut Ticks) {
        let change = Change::JoinRequest {
            person: self.forum_person(),
            key: self.key.public().into(),
        };
        self.commit(clock, change);
    }

    /// Admit `other`'s key (as the chair).
    pub fn admit(&mut self, clock: &mut Ticks, other: &Seat) {
        let change = Change::Admit {
            person: other.person().into(),
            key: other.key.public().into(),
        };
        self.commit(clock, change);
    }

    /// Approve the template meeting's circulated minutes for `party`, signing the content
    /// as the TUI does.
    pub fn approve(&mut self, clock: &mut Ticks, party: &str) {
        let doc = self.store.load(&Load::All);
        let m = doc.meeting(MEETING).expect("the meeting");
        let content = seal::canonical_bytes(m);
        let change = Change::Approve {
            meeting: MEETING.into(),
            party: party.into(),
            hash: seal::hash_of(&content),
            seal: self
                .key
                .sshsig(APPROVAL_NAMESPACE, &content)
                .expect("sign the content"),
        };
        self.commit(clock, change);
    }
}

/// The chair founds the forum on `dir`; each of `others` asks to join and is admitted.
pub fn founded(dir: &Path, clock: &mut Ticks, others: &[Author]) -> (Seat, Vec<Seat>) {
    let mut chair = Seat::at(dir, super::authors::chair());
    chair.found(clock);
    let mut seats = Vec::new();
    for who in others {
        let mut seat = Seat::at(dir, who.clone());
        seat.ask(clock);
        chair.admit(clock, &seat);
        seats.push(seat);
    }
    (chair, seats)
}

/// A secured forum on `dir` whose template meeting was held, sent round and approved by the
/// chair, NTL and Unio, each from a terminal of their own: the chair's seat, then NTL's and
/// Unio's.
pub fn approved_by_all(dir: &Path) -> (Seat, Vec<Seat>) {
    let mut clock = Ticks::default();
    let (mut chair, mut reps) = founded(
        dir,
        &mut clock,
        &[super::authors::ntl(), super::authors::rep("unio")],
    );
    held_and_circulated(&mut chair, &mut clock, &["p-leder", "p-ntl", "p-unio"]);
    chair.approve(&mut clock, "kmd");
    reps[0].approve(&mut clock, "ntl");
    reps[1].approve(&mut clock, "unio");
    (chair, reps)
}

/// The chair holds the template meeting with the people of `present` there, takes notes,
/// closes it and sends it round; returns the hash sent round.
pub fn held_and_circulated(chair: &mut Seat, clock: &mut Ticks, present: &[&str]) -> String {
    chair.commit(clock, status(MEETING, MeetingStatus::Open));
    for person in present {
        let change = Change::Attend {
            meeting: MEETING.into(),
            person: (*person).into(),
            presence: Presence::Present,
            for_person: None,
            substitute: String::new(),
        };
        chair.commit(clock, change);
    }
    chair.commit(clock, set_notes("s-2026-3", "Partene drøftet saken."));
    chair.commit(clock, status(MEETING, MeetingStatus::Closed));
    let doc = chair.store.load(&Load::All);
    let hash = seal::content_hash(doc.meeting(MEETING).expect("the meeting"));
    chair.commit(clock, circulate(MEETING, &hash, None));
    hash
}
