//! After the meeting: the minutes go round, the parties answer.

use anyhow::{Result, anyhow};
use chrono::{Duration, NaiveDateTime};

use super::generator::{Day, Gen, ItemPlan, Special};
use super::people::{REGULARS, short};
use super::schedule::{Fate, Slot};
use super::time::office_time;
use crate::model::{Change, Id, ItemField, ItemKind, MeetingStatus};
use crate::store::seal;

impl Gen {
    /// After the meeting: the minutes go round, the parties answer.
    pub(super) fn approve(&mut self, day: &mut Day, slot: &Slot, items: &[ItemPlan]) -> Result<()> {
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
                if late_enough && (slot.index == self.forced_changes || self.rng.chance(6)) {
                    // A party asks for changes; the chair takes the minutes back and fixes them.
                    let hash = self.circulate(day, &slot.id, t)?;
                    let asks = parties.iter().find(|p| *p != "kmd").cloned();
                    let some: Vec<Id> = vec!["kmd".into()];
                    self.answers(day, &slot.id, &hash, t, &some, asks.as_ref(), 6)?;
                    let back = office_time(&mut self.rng, day.t.date() + Duration::days(1));
                    let who = asks.as_deref().map(short).unwrap_or("HVO");
                    let fix = format!("Referatet er rettet etter innspill fra {who}.");
                    self.take_back(day, &slot.id, items, back, &fix)?;
                    t = office_time(&mut self.rng, day.t.date() + Duration::days(1));
                }
                let hash = self.circulate(day, &slot.id, t)?;
                self.answers(day, &slot.id, &hash, t, &parties, None, 10)?;
                if late_enough && (slot.index == self.forced_reopen || self.rng.chance(3)) {
                    // Approved, then reopened for a correction and approved again.
                    let back_on = day.t.date() + Duration::days(14 + self.rng.below(30) as i64);
                    let back = office_time(&mut self.rng, back_on);
                    if back.date() + Duration::days(20) < self.present {
                        let fix = "Rettelse etter godkjenning: fristen for oppfølging er flyttet til neste møte.";
                        self.take_back(day, &slot.id, items, back, fix)?;
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
            .map(|m| (seal::referat_hash(m), m.approving_parties(&self.doc.forum)))
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
    pub(super) fn answers(
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
                                .find(|(who, p)| *p == party && self.speaks_for_party(who))
                                .map(|(who, _)| who.to_string())
                        })
                        .unwrap_or_default();
                    self.add_writer(day, party.clone(), &person)
                }
            };
            let change = if approve {
                Change::Approve {
                    meeting: meeting.clone(),
                    party,
                    hash: hash.to_string(),
                    seal: String::new(),
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

    /// The chair takes the minutes back at `back` (closed again) and corrects the notes.
    fn take_back(
        &mut self,
        day: &mut Day,
        meeting: &Id,
        items: &[ItemPlan],
        back: NaiveDateTime,
        fix: &str,
    ) -> Result<()> {
        let closed = Change::MeetingStatus {
            meeting: meeting.clone(),
            to: MeetingStatus::Closed,
        };
        self.op_at(day, 0, back, closed)?;
        self.correct_notes(day, meeting, items, fix)
    }

    /// The chair adds a sentence to the notes of a case in the referat (a forhandling's
    /// notes are its signed protokoll's).
    fn correct_notes(
        &mut self,
        day: &mut Day,
        meeting: &Id,
        items: &[ItemPlan],
        sentence: &str,
    ) -> Result<()> {
        let in_referat = items.iter().filter(|i| i.kind != ItemKind::Negotiation);
        let Some(it) = in_referat
            .clone()
            .find(|i| i.special == Special::Substantive)
            .or(in_referat.clone().next())
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
}
