//! The meeting itself: attendance, item by item, votes.

use anyhow::Result;
use chrono::Duration;

use super::fill::{Vars, fill};
use super::generator::{Day, Gen, ItemPlan, Special};
use super::people::{REGULARS, SUBSTITUTES, UNIONS, short};
use super::schedule::Slot;
use super::text;
use super::time::rfc3339;
use crate::model::{
    ActionField, ActionStatus, Change, Id, ItemField, MeetingField, MeetingStatus, Presence,
    Stance, VoteMethod, VoteOption, VoteOptionKind, VoteRule,
};
impl Gen {
    /// The meeting itself: attendance, item by item, closed at the end.
    pub(super) fn hold(&mut self, day: &mut Day, slot: &Slot, items: &[ItemPlan]) -> Result<()> {
        let id = slot.id.clone();
        // The secretariat's planned forum changes come first.
        if let Some(changes) = self.forum_plan.remove(&slot.index) {
            for (i, change) in changes.into_iter().enumerate() {
                self.forum_op(slot.start + Duration::seconds(i as i64 + 1), change)?;
            }
        }
        day.t = slot.start + Duration::seconds(60);
        // Attendance.
        let mut attend: Vec<(Id, Presence, Option<Id>)> = Vec::new();
        for (person, party) in REGULARS {
            if party == "kmd" || !self.rng.chance(10) {
                attend.push((person.into(), Presence::Present, None));
                if party != "kmd" && self.speaks_for_party(person) {
                    day.present.push((party.into(), person.into()));
                }
                continue;
            }
            attend.push((person.into(), Presence::Absent, None));
            if self.rng.chance(60)
                && let Some((vara, ..)) = SUBSTITUTES.iter().find(|s| s.2 == party)
            {
                attend.push((
                    (*vara).into(),
                    Presence::Substitute,
                    Some(person.to_string()),
                ));
                if self.speaks_for_party(vara) {
                    day.present.push((party.into(), (*vara).into()));
                }
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
                    substitute: String::new(),
                },
            )?;
        }
        // One to three reps record from their own terminals.
        let reps = (1 + self.rng.below(3)).min(day.present.len());
        let mut pool: Vec<(Id, Id)> = day.present.clone();
        for _ in 0..reps {
            let (party, person) = pool.remove(self.rng.below(pool.len()));
            self.add_writer(day, party, &person);
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
            self.hold_item(day, slot, it)?;
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

    fn hold_item(&mut self, day: &mut Day, slot: &Slot, it: &ItemPlan) -> Result<()> {
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
        let union = |g: &mut Gen| short(UNIONS[g.rng.below(UNIONS.len())]);
        match it.special {
            Special::Agenda => {
                let notes = if self.rng.chance(25) {
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
                let sets = self.pending.remove(&slot.index).unwrap_or_default();
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
                if self.rng.chance(35) {
                    let topic = if self.rng.chance(5) {
                        self.pick(&text::SELDOM)
                    } else if self.rng.chance(30) {
                        self.pick(&text::RARE_TOPICS)
                    } else {
                        text::TOPICS[self.rng.below(text::TOPICS.len())].0
                    };
                    let notes = format!(
                        "{} tok opp {topic} og ba om at saken settes på dagsordenen til et senere møte.",
                        union(self)
                    );
                    self.day_op(day, 0, set(ItemField::Notes(notes)))?;
                    if self.rng.chance(30) {
                        self.add_action(day, slot, it, topic, None)?;
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
            Special::Substantive => self.substantive(day, slot, it)?,
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

    pub(super) fn vote(
        &mut self,
        day: &mut Day,
        m: &Id,
        it: &ItemPlan,
        stances: &[(Id, Stance)],
    ) -> Result<()> {
        let vote = self.new_id("v");
        let choices = self.rng.chance(15);
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
}
