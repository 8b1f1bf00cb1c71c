//! Agenda items (saker) and what is recorded on them.

use serde::{Deserialize, Serialize};

use super::claim::{ItemNumber, NumberClaim};
use super::fields::whole_fields;
use super::{Exemption, Id, Vote};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// HA § 17: the employer informs; parties may comment.
    Information,
    /// HA § 18 / § 21: the employer decides after hearing the parties.
    Consultation,
    /// HA § 19 / § 23: ends in agreement or disagreement.
    Negotiation,
    Other,
}

impl ItemKind {
    pub const ALL: [ItemKind; 4] = [
        ItemKind::Information,
        ItemKind::Consultation,
        ItemKind::Negotiation,
        ItemKind::Other,
    ];

    /// Whether a vote's result decides the item. A forhandling ends in enighet or
    /// uenighet between the parties: a vote there records a count, a view, and no more.
    pub fn votes_decide(self) -> bool {
        self != ItemKind::Negotiation
    }
}

/// An item's long texts, which merge instead of overwriting (`Change::ItemText`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextField {
    Notes,
    Conclusion,
    Background,
    /// Videre behandling.
    Further,
}

impl TextField {
    pub fn of(self, item: &Item) -> &str {
        match self {
            TextField::Notes => &item.notes,
            TextField::Conclusion => &item.conclusion,
            TextField::Background => &item.background,
            TextField::Further => &item.further,
        }
    }

    pub fn of_mut(self, item: &mut Item) -> &mut String {
        match self {
            TextField::Notes => &mut item.notes,
            TextField::Conclusion => &mut item.conclusion,
            TextField::Background => &mut item.background,
            TextField::Further => &mut item.further,
        }
    }
}

/// Standpunkt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Agree,
    Disagree,
    TakesNote,
    Abstains,
    /// Krav: the parties' demand in a forhandling.
    Demand,
    /// Tilbud: the employer's offer in a forhandling.
    Offer,
    /// A question or remark on an information item.
    Remark,
    /// A view (synspunkt) in a drøfting, said in the reason.
    View,
}

impl Stance {
    pub const ALL: [Stance; 8] = [
        Stance::Agree,
        Stance::Disagree,
        Stance::TakesNote,
        Stance::Abstains,
        Stance::Demand,
        Stance::Offer,
        Stance::Remark,
        Stance::View,
    ];

    /// The stances that fit an item of `kind` (HA: informasjon is taken note of and
    /// commented on, a drøfting gathers views and may end in enighet or uenighet, a
    /// forhandling has krav, tilbud and ends in enighet or uenighet).
    pub fn fitting(kind: ItemKind) -> &'static [Stance] {
        match kind {
            ItemKind::Information => &[Stance::TakesNote, Stance::Remark],
            ItemKind::Consultation => &[
                Stance::View,
                Stance::Agree,
                Stance::Disagree,
                Stance::Abstains,
            ],
            ItemKind::Negotiation => &[
                Stance::Demand,
                Stance::Offer,
                Stance::Agree,
                Stance::Disagree,
            ],
            ItemKind::Other => &Stance::ALL,
        }
    }

    /// Whether the stance fits an item of `kind` (`fitting`).
    pub fn fits(self, kind: ItemKind) -> bool {
        Stance::fitting(kind).contains(&self)
    }
}

/// One recorded position of a party on an item. Every change is a new entry; the last counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Position {
    pub party: Id,
    pub stance: Stance,
    #[serde(default)]
    pub reason: String,
    pub at: String,
    pub by: String,
    /// Recorded by someone outside the party (the chair) on its behalf.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub on_behalf: bool,
    /// The party took its position back: it has none now, and this entry keeps in the
    /// history that it had one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub withdrawn: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    Agreement,
    Disagreement,
}

/// Protokolltilførsel: a party's own statement for the record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Statement {
    pub party: Id,
    pub text: String,
    pub at: String,
    pub by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case", tag = "to", content = "id")]
pub enum InputTarget {
    Item(Id),
    DevArea(Id),
}

/// Innspill: a party's written contribution to an item or a development area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Input {
    pub id: Id,
    pub party: Id,
    pub target: InputTarget,
    pub text: String,
    /// Who is quoted or credited, when the text says so (e.g. "NTL, NFD").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    pub at: String,
    pub by: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Item {
    pub id: Id,
    pub number: ItemNumber,
    pub title: String,
    pub kind: ItemKind,
    /// Agenda order; ties are broken by id.
    pub rank: i64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub presenter: String,
    #[serde(default)]
    pub planned_minutes: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<String>,
    /// Day a drøfting or forhandling was demanded (HA § 20), yyyy-mm-dd.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub demanded_on: Option<chrono::NaiveDate>,
    /// A start the parties agreed on instead of HA § 20's two weeks ("dersom partene ikke
    /// er enige om annen frist").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreed_start: Option<chrono::NaiveDate>,
    #[serde(default)]
    pub areas: Vec<Id>,
    #[serde(default)]
    pub background: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub conclusion: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<Agreement>,
    /// Videre behandling: what happens next with the sak (after uenighet in a
    /// forhandling: where the dispute goes).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub further: String,
    /// Parties that disagree with the conclusion.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dissenters: Vec<Id>,
    /// Marked unntatt offentlighet before there was a hjemmel to choose (kept, and written
    /// as it was, so minutes approved then hash the same). `exempt` is the record now.
    #[serde(default)]
    pub confidential: bool,
    /// Unntatt offentlighet, with its hjemmel. See `exemption` for what counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exempt: Option<Exemption>,
    #[serde(default)]
    pub positions: Vec<Position>,
    #[serde(default)]
    pub votes: Vec<Vote>,
    #[serde(default)]
    pub inputs: Vec<Input>,
    #[serde(default)]
    pub statements: Vec<Statement>,
    /// The number the item was added with, and when: `number` is settled from every
    /// claim in the year (`Doc::settle_numbers`), so it may differ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<NumberClaim>,
    /// The speakers list: who asked for the floor, in order, and who spoke when.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<Speaker>,
    /// Speaking time per party, when the chair sets one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party_budget_minutes: Option<u32>,
    /// This is the public version of an exempt item (`Item::public`): what it holds is
    /// all there is to show. Never stored.
    #[serde(skip)]
    #[schemars(skip)]
    pub redacted: bool,
}

/// One request for the floor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Speaker {
    pub id: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<Id>,
    pub requested_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub withdrawn: bool,
}

impl Speaker {
    pub fn waiting(&self) -> bool {
        self.started_at.is_none() && !self.withdrawn
    }
    pub fn speaking(&self) -> bool {
        self.started_at.is_some() && self.ended_at.is_none()
    }
    /// Seconds spoken, up to `now` for the one speaking.
    pub fn seconds(&self, now: chrono::DateTime<chrono::FixedOffset>) -> i64 {
        let parse = |s: &str| chrono::DateTime::parse_from_rfc3339(s).ok();
        match (
            self.started_at.as_deref().and_then(parse),
            self.ended_at.as_deref().and_then(parse),
        ) {
            (Some(a), Some(b)) => (b - a).num_seconds().max(0),
            (Some(a), None) => (now - a).num_seconds().max(0),
            _ => 0,
        }
    }
}

impl Item {
    /// The result of `vote` as a decision of this item: none on a forhandling, where a
    /// vote only records the parties' views (`ItemKind::votes_decide`).
    pub fn decision(&self, vote: &Vote) -> Option<super::VoteOutcome> {
        if !self.kind.votes_decide() || vote.open {
            return None;
        }
        Some(vote.outcome.clone().unwrap_or_else(|| super::tally(vote)))
    }

    pub fn new(id: Id, number: ItemNumber, title: String, kind: ItemKind, rank: i64) -> Item {
        Item {
            id,
            number,
            title,
            kind,
            rank,
            presenter: String::new(),
            planned_minutes: 0,
            started_at: None,
            ended_at: None,
            demanded_on: None,
            agreed_start: None,
            areas: Vec::new(),
            background: String::new(),
            notes: String::new(),
            conclusion: String::new(),
            agreement: None,
            further: String::new(),
            dissenters: Vec::new(),
            confidential: false,
            exempt: None,
            positions: Vec::new(),
            votes: Vec::new(),
            inputs: Vec::new(),
            statements: Vec::new(),
            speakers: Vec::new(),
            party_budget_minutes: None,
            claim: None,
            redacted: false,
        }
    }

    /// The current position of each party that has given one, in the order first given;
    /// none for a party that took its position back.
    pub fn current_positions(&self) -> Vec<&Position> {
        let mut out: Vec<&Position> = Vec::new();
        for p in &self.positions {
            match out.iter_mut().find(|q| q.party == p.party) {
                Some(slot) => *slot = p,
                None => out.push(p),
            }
        }
        out.retain(|p| !p.withdrawn);
        out
    }

    /// Unresolved conflicts (`merge_text`) in the item's long texts, as they stand now.
    pub fn conflicts(&self) -> usize {
        use super::text_merge::conflict_count;
        let own = [
            &self.notes,
            &self.conclusion,
            &self.background,
            &self.further,
        ]
        .into_iter()
        .map(|t| conflict_count(t));
        let reasons = self
            .current_positions()
            .into_iter()
            .map(|p| conflict_count(&p.reason));
        let statements = self
            .current_statements()
            .into_iter()
            .map(|s| conflict_count(&s.text));
        own.chain(reasons).chain(statements).sum()
    }

    /// Parties on the union side that take positions (not an observer such as the safety
    /// delegate) and have not given one yet.
    pub fn parties_without_position<'f>(&self, forum: &'f super::Forum) -> Vec<&'f super::Party> {
        let current = self.current_positions();
        forum
            .parties
            .iter()
            .filter(|p| {
                p.side != super::Side::Employer
                    && !forum.observes_only(&p.id)
                    && !current.iter().any(|q| q.party == p.id)
            })
            .collect()
    }

    /// Speaking time used per party so far (seconds), in the order parties first spoke.
    pub fn party_speaking_time(
        &self,
        now: chrono::DateTime<chrono::FixedOffset>,
    ) -> Vec<(Id, i64)> {
        let mut out: Vec<(Id, i64)> = Vec::new();
        for s in &self.speakers {
            let Some(p) = &s.party else { continue };
            let secs = s.seconds(now);
            match out.iter_mut().find(|(q, _)| q == p) {
                Some(slot) => slot.1 += secs,
                None if s.started_at.is_some() => out.push((p.clone(), secs)),
                None => {}
            }
        }
        out
    }

    /// The current statement for the record of each party (the last text counts).
    pub fn current_statements(&self) -> Vec<&Statement> {
        let mut out: Vec<&Statement> = Vec::new();
        for s in &self.statements {
            match out.iter_mut().find(|q| q.party == s.party) {
                Some(slot) => *slot = s,
                None => out.push(s),
            }
        }
        out.retain(|s| !s.text.trim().is_empty());
        out
    }
}

whole_fields! {
    /// A field of an item that is set as a whole, last writer wins.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case", tag = "field", content = "value")]
    pub enum ItemField for Item {
        Title(String) => title,
        Kind(ItemKind) => kind,
        Rank(i64) => rank,
        Presenter(String) => presenter,
        PlannedMinutes(u32) => planned_minutes,
        StartedAt(Option<String>) => started_at,
        EndedAt(Option<String>) => ended_at,
        DemandedOn(Option<chrono::NaiveDate>) => demanded_on,
        AgreedStart(Option<chrono::NaiveDate>) => agreed_start,
        Areas(Vec<Id>) => areas,
        Background(String) => background,
        Notes(String) => notes,
        Conclusion(String) => conclusion,
        Agreement(Option<Agreement>) => agreement,
        Dissenters(Vec<Id>) => dissenters,
        Confidential(bool) => confidential,
        Exempt(Option<Exemption>) => exempt,
        PartyBudgetMinutes(Option<u32>) => party_budget_minutes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_position_is_the_last_per_party() {
        let mut item = Item::new(
            "i".into(),
            ItemNumber { n: 1, year: 2026 },
            "t".into(),
            ItemKind::Consultation,
            0,
        );
        let pos = |party: &str, stance| Position {
            party: party.into(),
            stance,
            reason: String::new(),
            at: String::new(),
            by: String::new(),
            on_behalf: false,
            withdrawn: false,
        };
        item.positions.push(pos("ntl", Stance::Agree));
        item.positions.push(pos("unio", Stance::TakesNote));
        item.positions.push(pos("ntl", Stance::Disagree));
        let cur = item.current_positions();
        assert_eq!(cur.len(), 2);
        assert_eq!(
            (cur[0].party.as_str(), cur[0].stance),
            ("ntl", Stance::Disagree)
        );
        assert_eq!(item.positions.len(), 3, "history is kept");
    }
}

#[cfg(test)]
mod exemption_tests {
    use super::*;
    use crate::model::{Exemption, Hjemmel, default_hjemler};

    /// An item as samrad wrote it before an exemption had a hjemmel, marked confidential.
    const OLD_ITEM: &str = r#"{"id":"s-1","number":{"n":85,"year":2026},"title":"Omplassering","kind":"consultation","rank":1024,"planned_minutes":15,"areas":[],"background":"","notes":"Navn og helse.","conclusion":"","confidential":true,"positions":[],"votes":[],"inputs":[],"statements":[]}"#;

    fn item() -> Item {
        Item::new(
            "s-1".into(),
            ItemNumber { n: 85, year: 2026 },
            "Omplassering".into(),
            ItemKind::Consultation,
            1024,
        )
    }

    fn h14() -> Hjemmel {
        default_hjemler()
            .into_iter()
            .find(|h| h.short == "offl. § 14")
            .expect("offl. § 14 is on the default list")
    }

    #[test]
    fn an_old_confidential_item_reads_as_exempt_without_hjemmel_and_writes_the_same_bytes() {
        let old: Item = serde_json::from_str(OLD_ITEM).expect("an old item reads");
        assert!(old.is_exempt());
        assert_eq!(old.exemption(), Some(Exemption::unknown()));
        // The approval hash is taken of these bytes: minutes approved before must hash
        // the same now.
        let again = serde_json::to_string(&old).expect("serializes");
        assert_eq!(again, OLD_ITEM);
        // Chosen again as it stands (no hjemmel), the old mark stays as it is.
        assert!(old.set_exemption(Some(Exemption::unknown())).is_empty());
    }

    #[test]
    fn choosing_a_hjemmel_and_lifting_it_set_the_old_flag_too() {
        let mut i = item();
        let e = Exemption::citing(&h14(), "Personalsak".into());
        let sets = i.set_exemption(Some(e.clone()));
        assert_eq!(
            sets,
            [
                ItemField::Confidential(true),
                ItemField::Exempt(Some(e.clone()))
            ]
        );
        for s in sets {
            s.apply(&mut i);
        }
        assert_eq!(i.exemption(), Some(e.clone()));
        assert!(i.set_exemption(Some(e)).is_empty(), "nothing to change");
        for s in i.set_exemption(None) {
            s.apply(&mut i);
        }
        assert!(!i.is_exempt() && !i.confidential && i.exempt.is_none());
    }

    #[test]
    fn the_public_item_keeps_number_kind_and_exemption_and_nothing_written() {
        let mut i = item();
        i.notes = "HEMMELIG".into();
        i.background = "HEMMELIG".into();
        i.conclusion = "HEMMELIG".into();
        i.agreement = Some(Agreement::Agreement);
        i.statements.push(Statement {
            party: "ntl".into(),
            text: "HEMMELIG".into(),
            at: String::new(),
            by: String::new(),
        });
        assert_eq!(i.public(), i, "a public item is shown as it is");
        i.exempt = Some(Exemption::citing(&h14(), "Omorganisering".into()));
        let p = i.public();
        assert!(p.redacted);
        assert_eq!((p.id.as_str(), p.number, p.kind), ("s-1", i.number, i.kind));
        assert_eq!(p.title, "Omorganisering", "the public title");
        assert_eq!(p.exempt, i.exempt);
        let json = serde_json::to_string(&p).expect("serializes");
        assert!(
            !json.contains("HEMMELIG") && !json.contains("Omplassering"),
            "{json}"
        );
    }
}
