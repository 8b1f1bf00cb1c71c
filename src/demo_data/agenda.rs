//! The agenda, a week or so before the meeting.

use anyhow::Result;
use chrono::{Datelike, Duration, NaiveDateTime};

use super::fill::{Vars, area_number, capitalise, fill};
use super::generator::{Day, Gen, ItemPlan, Special};
use super::people::{UNIONS, short};
use super::schedule::Slot;
use super::text;
use super::time::rfc3339;
use crate::model::{Change, Document, ItemField, ItemKind, MeetingField};

impl Gen {
    /// The agenda, a week or so before: the meeting, its items and documents.
    pub(super) fn prepare(
        &mut self,
        day: &mut Day,
        slot: &Slot,
        prep: NaiveDateTime,
    ) -> Result<Vec<ItemPlan>> {
        let id = slot.id.clone();
        let year = slot.start.year();
        // The items: the agenda, the action list, 2-6 cases, any other business.
        let mut plan: Vec<(ItemKind, Special)> = vec![(ItemKind::Other, Special::Agenda)];
        if self.pending.contains_key(&slot.index) || self.rng.chance(50) {
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
                    let (topic, areas) = if self.rng.chance(2) {
                        (self.pick(&text::RARE_TOPICS).to_string(), Vec::new())
                    } else {
                        let mut i = self.rng.below(text::TOPICS.len());
                        while used_topics.contains(&i) {
                            i = (i + 1) % text::TOPICS.len();
                        }
                        used_topics.push(i);
                        let (t, a) = &text::TOPICS[i];
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
                    let who = if self.rng.chance(30) {
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
                let mut bg = if it.kind != ItemKind::Information && self.rng.chance(40) {
                    fill(self.pick(&text::BACKGROUND_CASE), &v)
                } else {
                    String::new()
                };
                let more = usize::from(bg.is_empty()) + usize::from(self.rng.chance(40));
                self.sentences(&mut bg, &text::BACKGROUND, more, &v);
                sets.push(ItemField::Background(bg));
                if it.kind != ItemKind::Information && self.rng.chance(40) {
                    let demanded = slot.start.date() - Duration::days(7 + self.rng.below(7) as i64);
                    sets.push(ItemField::DemandedOn(Some(demanded)));
                }
                if self.rng.chance(2) {
                    // `topic | hjemmel`: no personnel cases, which the contact group does
                    // not handle, but internal documents, negotiating positions and the like.
                    let line = self.pick(&text::CONFIDENTIAL_TOPICS);
                    let (topic, basis) = line.split_once(" | ").unwrap_or((line, "offl-14"));
                    sets.push(ItemField::Title(capitalise(format!(
                        "{topic} – unntatt offentlighet"
                    ))));
                    let hjemmel = crate::model::default_hjemler()
                        .into_iter()
                        .find(|h| h.id == basis);
                    sets.push(ItemField::Confidential(true));
                    sets.extend(hjemmel.map(|h| {
                        ItemField::Exempt(Some(crate::model::Exemption::citing(&h, String::new())))
                    }));
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
}
