//! A case on the agenda: inputs, notes, positions, statements, conclusion, actions.

use anyhow::Result;
use chrono::{Datelike, Duration};

use super::fill::{Vars, area_number, fill, join_nb};
use super::generator::{Day, Gen, ItemPlan};
use super::people::{UNIONS, short};
use super::schedule::Slot;
use super::text;
use super::time::rfc3339;
use crate::model::{Agreement, Change, Id, Input, InputTarget, ItemField, ItemKind, Stance};

impl Gen {
    pub(super) fn substantive(&mut self, day: &mut Day, slot: &Slot, it: &ItemPlan) -> Result<()> {
        let year = slot.start.year();
        let m = slot.id.clone();
        let item = it.id.clone();
        let set = |set: ItemField| Change::ItemSet {
            meeting: m.clone(),
            item: item.clone(),
            set,
        };
        let area = area_number(it.areas.first());
        // The floor: reps ask, the chair gives it in order.
        if self.rng.chance(25) && day.ws.len() > 1 {
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
        if self.rng.chance(20) && !day.present.is_empty() {
            let (party, v) = self.party_writing(day, it);
            let mut body = String::new();
            let count = 1 + usize::from(self.rng.chance(40));
            self.sentences(&mut body, &text::INPUTS, count, &v);
            let (w, source) = match day.writer_of(&party) {
                Some(w) if self.rng.chance(70) => (w, String::new()),
                _ => (0, format!("{}, {}", v.p, v.d)),
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
        if self.rng.chance(10) {
            // Saved once half-way, then in full.
            let half: String = notes.split(". ").next().unwrap_or("").to_string();
            self.day_op(day, 0, set(ItemField::Notes(format!("{half}."))))?;
        }
        self.day_op(day, 0, set(ItemField::Notes(notes)))?;
        // Positions, party by party.
        let uo1 = it.areas.iter().any(|a| a == "uo1");
        let mut stances: Vec<(Id, Stance)> = Vec::new();
        // A forhandling opens with the employer's tilbud, recorded by the chair.
        if it.kind == ItemKind::Negotiation {
            let offer = Change::Position {
                meeting: m.clone(),
                item: item.clone(),
                party: "kmd".into(),
                stance: Stance::Offer,
                reason: self.reason(Stance::Offer),
                base: None,
            };
            self.day_op(day, 0, offer)?;
        }
        for (party, _) in day.present.clone() {
            let gives = match it.kind {
                ItemKind::Information => self.rng.chance(25),
                // The HVO observes: it takes no position in a forhandling.
                ItemKind::Negotiation => party != "hvo",
                _ => self.rng.chance(85),
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
                // Only stances that fit the kind of item (`Stance::fitting`).
                ItemKind::Information if r < 85 => Stance::TakesNote,
                ItemKind::Information => Stance::Remark,
                _ if r < disagree => Stance::Disagree,
                ItemKind::Negotiation => Stance::Agree,
                _ if r < disagree + 50 => Stance::Agree,
                _ if r < disagree + 72 => Stance::View,
                _ => Stance::Abstains,
            };
            // In a forhandling each party first puts its krav.
            let opening = (it.kind == ItemKind::Negotiation).then_some(Stance::Demand);
            let changes_mind = opening.is_some() || self.rng.chance(7);
            let first = if let Some(opening) = opening {
                opening
            } else if changes_mind {
                // First something else that fits: in a forhandling, the krav (or tilbud).
                let fitting = Stance::fitting(it.kind);
                let at = fitting.iter().position(|x| *x == stance).unwrap_or(0);
                let n = fitting.len();
                fitting[(at + 1 + self.rng.below(n - 1)) % n]
            } else {
                stance
            };
            let w = day.writer_of(&party).unwrap_or(0);
            let said = if changes_mind {
                vec![first, stance]
            } else {
                vec![first]
            };
            for s in said {
                let position = Change::Position {
                    meeting: m.clone(),
                    item: item.clone(),
                    party: party.clone(),
                    stance: s,
                    reason: self.reason(s),
                    base: None,
                };
                self.day_op(day, w, position)?;
            }
            stances.push((party, stance));
        }
        let dissenters: Vec<Id> = stances
            .iter()
            .filter(|(_, s)| *s == Stance::Disagree)
            .map(|(p, _)| p.clone())
            .collect();
        // A vote, now and then.
        // Never on a forhandling: a vote does not settle a negotiation.
        if !matches!(it.kind, ItemKind::Information | ItemKind::Negotiation) && self.rng.chance(12)
        {
            self.vote(day, &m, it, &stances)?;
        }
        // Statements for the record: only from a party's own process.
        for (party, stance) in &stances {
            let Some(w) = day.writer_of(party).filter(|w| *w > 0) else {
                continue;
            };
            let p = if *stance == Stance::Disagree { 40 } else { 3 };
            if !self.rng.chance(p) {
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
                    base: None,
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
            _ if !dissenters.is_empty() && self.rng.chance(60) => (
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
        // A forhandling's protokoll is signed at the table: by KMD (the chair) and by each
        // party with a terminal of its own there (never the HVO, who observes).
        if it.kind == ItemKind::Negotiation {
            self.sign_protocol(day, &m, &item)?;
        }
        // Action items.
        let p = match it.kind {
            ItemKind::Information => 10,
            _ => 35,
        };
        if self.rng.chance(p) {
            let proposer = if self.rng.chance(25) && !day.present.is_empty() {
                Some(day.present[self.rng.below(day.present.len())].0.clone())
            } else {
                None
            };
            self.add_action(day, slot, it, &it.topic.clone(), proposer)?;
            if self.rng.chance(20) {
                self.add_action(day, slot, it, &it.topic.clone(), None)?;
            }
        }
        // An input to a development area, sent in around the meeting.
        if !it.areas.is_empty() && self.rng.chance(4) && !day.present.is_empty() {
            let (party, v) = self.party_writing(day, it);
            let body = fill(self.pick(&text::INPUTS), &v);
            day.t += Duration::seconds(20);
            let input = Input {
                id: self.new_id("i"),
                party: party.clone(),
                target: InputTarget::DevArea(it.areas[self.rng.below(it.areas.len())].clone()),
                text: body,
                source: format!("{}, {}", v.p, v.d),
                at: rfc3339(day.t),
                by: self.forum_author.name.clone(),
            };
            self.forum_op(day.t, Change::AreaInput { input })?;
        }
        Ok(())
    }

    /// A party present, and the words for what it sends in about the item: the party's
    /// short name, the topic and a ministry.
    fn party_writing<'a>(&mut self, day: &Day, it: &'a ItemPlan) -> (Id, Vars<'a>) {
        let (party, _) = day.present[self.rng.below(day.present.len())].clone();
        let v = Vars {
            p: short(&party),
            t: &it.topic,
            d: self.pick(&text::MINISTRIES),
            ..Vars::default()
        };
        (party, v)
    }

    /// Append `count` different phrases of `list` to `out`, filled in, space-separated.
    pub(super) fn sentences(&mut self, out: &mut String, list: &[&str], count: usize, v: &Vars) {
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

    /// Each party at the table signs the protokoll of `item`, from a terminal of its own.
    fn sign_protocol(&mut self, day: &mut Day, m: &Id, item: &Id) -> Result<()> {
        let Some(meeting) = self.doc.meeting(m) else {
            return Ok(());
        };
        let (Some(hash), parties) = (
            meeting.protocol_hash(item),
            meeting.approving_parties(&self.doc.forum),
        ) else {
            return Ok(());
        };
        for party in parties {
            // Each party signs from a terminal of its own: KMD's is the chair's.
            let w = match day.writer_of(&party) {
                Some(w) => w,
                None => {
                    let person = if party == "kmd" {
                        Some("p-leder".to_string())
                    } else {
                        day.present
                            .iter()
                            .find(|(p, _)| *p == party)
                            .map(|(_, who)| who.clone())
                    };
                    let Some(person) = person else {
                        continue;
                    };
                    self.add_writer(day, party.clone(), &person)
                }
            };
            let sign = Change::SignProtocol {
                meeting: m.clone(),
                item: item.clone(),
                party,
                hash: hash.clone(),
                seal: String::new(),
            };
            self.day_op(day, w, sign)?;
        }
        Ok(())
    }

    pub(super) fn reason(&mut self, stance: Stance) -> String {
        let list: &[&str] = match stance {
            Stance::Agree => &text::AGREE,
            Stance::Disagree => &text::DISAGREE,
            Stance::TakesNote => &text::TAKES_NOTE,
            Stance::Abstains => &text::ABSTAINS,
            Stance::Demand | Stance::Offer | Stance::View => &text::DISAGREE,
            Stance::Remark => &text::TAKES_NOTE,
        };
        self.pick(list).to_string()
    }
}
