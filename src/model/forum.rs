use serde::{Deserialize, Serialize};

use super::Id;
use super::fields::whole_fields;

/// The standing body, e.g. the contact group between KMD and the unions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Forum {
    pub id: Id,
    pub name: String,
    pub parties: Vec<Party>,
    pub people: Vec<Person>,
    pub goal_areas: Vec<GoalArea>,
    pub dev_areas: Vec<DevArea>,
    /// Who sits with which key (see `model/doc/roster.rs`).
    #[serde(default, skip_serializing_if = "Roster::is_empty")]
    pub roster: Roster,
    /// The forum's own hjemler for unntatt offentlighet, put over the defaults by id
    /// (`Forum::hjemler`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hjemler: Vec<super::Hjemmel>,
    /// How many days before a meeting its documents should reach the parties ("rimelig
    /// tid til å sette seg inn i sakene", HA § 20). None: `DEFAULT_DOCUMENT_DAYS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_days: Option<u32>,
    /// How many days before a meeting the parties must have sent in the saker they want on
    /// its agenda (innmeldingsfrist). None: `DEFAULT_SUBMISSION_DAYS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submission_days: Option<u32>,
    /// The virksomhet is a departement: HA § 11 then keeps a dispute from the
    /// partssammensatt nemnd (the dispute path named after uenighet in a forhandling).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub departement: bool,
    /// The language of what samrad writes into the record for the forum (the standing
    /// items of a new meeting, a vote's options), whatever language a user's screen is in:
    /// "nb" (empty: nb) or "en".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub language: String,
}

/// Days before a meeting the saker for its agenda are due, unless the forum says otherwise.
pub const DEFAULT_SUBMISSION_DAYS: u32 = 14;

/// Days before a meeting its documents should be sent, unless the forum says otherwise.
pub const DEFAULT_DOCUMENT_DAYS: u32 = 7;

/// The keys of the forum's people. Once a founder has taken the chair's seat, every op must
/// be signed by an admitted key, for its author.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct Roster {
    pub keys: Vec<KeyGrant>,
    /// Keys waiting for the chair to admit them.
    pub requests: Vec<JoinRequest>,
    /// Who secured the forum: the first to take the chair's seat with a key.
    pub founder: Option<KeyGrant>,
}

impl Roster {
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty() && self.requests.is_empty() && self.founder.is_none()
    }
}

/// A key admitted for a person: who admitted it, and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct KeyGrant {
    pub person: Id,
    /// The public key, as `ed25519:` and its 32 bytes in base64.
    pub key: String,
    pub at: String,
    pub by: String,
}

/// Someone asking to sit in the forum with a key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct JoinRequest {
    pub person: Person,
    pub key: String,
    pub at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Employer,
    Union,
    Safety,
}

/// A party takes positions: an employer, a union or confederation, or the safety service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Party {
    pub id: Id,
    pub name: String,
    pub short: String,
    pub side: Side,
    /// The hovedsammenslutning (confederation) a union belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confederation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Person {
    pub id: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<Id>,
    /// The person's title as written, e.g. "leder" or "tillitsvalgt".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// What the person may do in the forum. Empty: read from `role` (older forums).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
}

/// A seat in the forum, and what it may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Møteleder: runs the meeting, and speaks for their own party.
    Chair,
    /// Referent: runs the meeting with the chair (agenda, notes, votes, status).
    MinuteTaker,
    /// A party's representative: its positions, statements, inputs, ballots, approvals.
    Rep,
    /// Vara: stands in for the party's representative, with the same rights.
    Substitute,
    /// Present and heard (e.g. the hovedverneombud): asks for the floor and gives input,
    /// but takes no positions and signs nothing.
    Observer,
    /// Reads the record, writes nothing.
    Reviewer,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Chair,
        Role::MinuteTaker,
        Role::Rep,
        Role::Substitute,
        Role::Observer,
        Role::Reviewer,
    ];
}

impl Person {
    /// Whether the person may speak for their party: take its positions, cast its
    /// ballots, approve its minutes.
    pub fn speaks_for_party(&self) -> bool {
        self.party.is_some()
            && self
                .roles()
                .iter()
                .any(|r| matches!(r, Role::Chair | Role::Rep | Role::Substitute))
    }

    /// What the person may do: the roles given, or those their title implies.
    pub fn roles(&self) -> Vec<Role> {
        if !self.roles.is_empty() {
            return self.roles.clone();
        }
        let title = self.role.trim().to_lowercase();
        let role = match title.as_str() {
            t if t.contains("verneombud") => Role::Observer,
            "leder" | "møteleder" | "chair" => Role::Chair,
            "referent" | "minute-taker" | "minute taker" => Role::MinuteTaker,
            "tillitsvalgt" | "representant" | "rep" => Role::Rep,
            "vara" | "varamedlem" | "substitute" => Role::Substitute,
            "verneombud" | "hovedverneombud" | "observatør" | "observer" => Role::Observer,
            "leser" | "reviewer" => Role::Reviewer,
            _ if self.party.is_some() => Role::Rep,
            _ => Role::Reviewer,
        };
        vec![role]
    }
}

/// Målområde: one of the strategy's goal areas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GoalArea {
    pub id: Id,
    pub number: u32,
    pub title: String,
    #[serde(default)]
    pub text: String,
}

/// Utviklingsområde: a development area of the strategy period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DevArea {
    pub id: Id,
    pub number: u32,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal_area: Option<Id>,
    #[serde(default)]
    pub status: DevAreaStatus,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub status_note: String,
    /// Every status change, with the meeting it was made in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<DevAreaStatusChange>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DevAreaStatusChange {
    pub status: DevAreaStatus,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<Id>,
    pub at: String,
    pub by: String,
}

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DevAreaStatus {
    #[default]
    NotStarted,
    UnderWay,
    Achieved,
}

/// Where a person sits in the attendance list: the employer, a hovedsammenslutning with
/// its unions, unions of none, observers (the safety service), others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeatGroup {
    Employer,
    Confederation(String),
    Union,
    Observer,
    Other,
}

impl Forum {
    /// The hjemler to choose from for unntatt offentlighet: the default list with the
    /// forum's own put over it by id, in that order, without those retired.
    pub fn hjemler(&self) -> Vec<super::Hjemmel> {
        let mut out = super::default_hjemler();
        for h in &self.hjemler {
            match out.iter_mut().find(|d| d.id == h.id) {
                Some(slot) => *slot = h.clone(),
                None => out.push(h.clone()),
            }
        }
        out.retain(|h| !h.retired);
        out
    }

    /// The person's place in the attendance list.
    pub fn seat_group(&self, person: &str) -> SeatGroup {
        let Some(p) = self.person(person) else {
            return SeatGroup::Other;
        };
        if p.roles().contains(&Role::Observer) {
            return SeatGroup::Observer;
        }
        match p.party.as_deref().and_then(|id| self.party(id)) {
            Some(party) => match (party.side, &party.confederation) {
                (Side::Employer, _) => SeatGroup::Employer,
                (Side::Safety, _) => SeatGroup::Observer,
                (Side::Union, Some(c)) => SeatGroup::Confederation(c.clone()),
                (Side::Union, None) => SeatGroup::Union,
            },
            None => SeatGroup::Other,
        }
    }

    /// The order of the groups: employer, the confederations as the forum's parties name
    /// them, unions of none, observers, others.
    fn group_rank(&self, g: &SeatGroup) -> usize {
        match g {
            SeatGroup::Employer => 0,
            SeatGroup::Confederation(c) => {
                let mut seen: Vec<&str> = Vec::new();
                for p in &self.parties {
                    if let Some(pc) = p.confederation.as_deref()
                        && !seen.contains(&pc)
                    {
                        seen.push(pc);
                    }
                }
                1 + seen.iter().position(|x| x == c).unwrap_or(seen.len())
            }
            SeatGroup::Union => 10_000,
            SeatGroup::Observer => 10_001,
            SeatGroup::Other => 10_002,
        }
    }

    /// `items` grouped by the seat of their person, groups in order, each keeping the order it was given.
    pub fn by_seat_group<'a, T>(
        &self,
        items: impl IntoIterator<Item = T>,
        person: impl Fn(&T) -> &'a str,
    ) -> Vec<(SeatGroup, Vec<T>)> {
        let mut groups: Vec<(SeatGroup, Vec<T>)> = Vec::new();
        for it in items {
            let g = self.seat_group(person(&it));
            match groups.iter_mut().find(|(x, _)| *x == g) {
                Some((_, v)) => v.push(it),
                None => groups.push((g, vec![it])),
            }
        }
        groups.sort_by_key(|(g, _)| self.group_rank(g));
        groups
    }

    /// The forum's people in the order of the attendance list.
    pub fn people_by_seat(&self) -> Vec<&Person> {
        self.by_seat_group(self.people.iter(), |p| p.id.as_str())
            .into_iter()
            .flat_map(|(_, v)| v)
            .collect()
    }

    /// Days before a meeting its documents should reach the parties.
    pub fn document_days(&self) -> u32 {
        self.document_days.unwrap_or(DEFAULT_DOCUMENT_DAYS)
    }

    pub fn submission_days(&self) -> u32 {
        self.submission_days.unwrap_or(DEFAULT_SUBMISSION_DAYS)
    }

    /// Once a founder holds the chair's seat with a key, every op must be signed.
    pub fn is_secured(&self) -> bool {
        self.roster.founder.is_some()
    }

    /// Whether a party is only observed (the hovedverneombud): it has people, and none of
    /// them speaks for it. Such a party gives input but takes no positions and approves
    /// nothing.
    pub fn observes_only(&self, party: &str) -> bool {
        let mut people = self
            .people
            .iter()
            .filter(|p| p.party.as_deref() == Some(party))
            .peekable();
        people.peek().is_some() && people.all(|p| !p.speaks_for_party())
    }

    /// The person a key is admitted for.
    pub fn key_holder(&self, key: &str) -> Option<&Id> {
        self.roster
            .keys
            .iter()
            .find(|k| k.key == key)
            .map(|k| &k.person)
    }

    pub fn party(&self, id: &str) -> Option<&Party> {
        self.parties.iter().find(|p| p.id == id)
    }
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }
    pub fn dev_area(&self, id: &str) -> Option<&DevArea> {
        self.dev_areas.iter().find(|a| a.id == id)
    }
    pub fn goal_area(&self, id: &str) -> Option<&GoalArea> {
        self.goal_areas.iter().find(|a| a.id == id)
    }
    /// Short name of a party, or the id itself when the party is unknown.
    pub fn party_short<'a>(&'a self, id: &'a str) -> &'a str {
        self.party(id).map(|p| p.short.as_str()).unwrap_or(id)
    }
    pub fn person_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.person(id).map(|p| p.name.as_str()).unwrap_or(id)
    }
}

whole_fields! {
    /// A setting of the forum, set as a whole, last writer wins.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case", tag = "field", content = "value")]
    pub enum ForumField for Forum {
        DocumentDays(Option<u32>) => document_days,
        SubmissionDays(Option<u32>) => submission_days,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn party(id: &str, side: Side, conf: Option<&str>) -> Party {
        Party {
            id: id.into(),
            name: id.into(),
            short: id.to_uppercase(),
            side,
            confederation: conf.map(String::from),
        }
    }

    fn person(id: &str, party: &str, role: &str) -> Person {
        Person {
            id: id.into(),
            name: id.into(),
            party: Some(party.into()),
            role: role.into(),
            roles: Vec::new(),
        }
    }

    #[test]
    fn attendance_is_grouped_by_side_and_confederation() {
        let forum = Forum {
            parties: vec![
                party("unio", Side::Union, Some("Unio")),
                party("kmd", Side::Employer, None),
                party("ntl", Side::Union, Some("LO Stat")),
                party("parat", Side::Union, Some("YS Stat")),
                party("fo", Side::Union, Some("Unio")),
                party("hvo", Side::Safety, None),
            ],
            people: vec![
                person("hvo1", "hvo", "hovedverneombud"),
                person("fo1", "fo", "tillitsvalgt"),
                person("ntl1", "ntl", "tillitsvalgt"),
                person("kmd1", "kmd", "leder"),
                person("unio1", "unio", "tillitsvalgt"),
            ],
            ..Forum::default()
        };
        let groups: Vec<(SeatGroup, Vec<&str>)> = forum
            .by_seat_group(forum.people.iter(), |p| p.id.as_str())
            .into_iter()
            .map(|(g, v)| (g, v.iter().map(|p| p.id.as_str()).collect()))
            .collect();
        assert_eq!(
            groups,
            vec![
                (SeatGroup::Employer, vec!["kmd1"]),
                (
                    SeatGroup::Confederation("Unio".into()),
                    vec!["fo1", "unio1"]
                ),
                (SeatGroup::Confederation("LO Stat".into()), vec!["ntl1"]),
                (SeatGroup::Observer, vec!["hvo1"]),
            ]
        );
        let order: Vec<&str> = forum
            .people_by_seat()
            .iter()
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(order, ["kmd1", "fo1", "unio1", "ntl1", "hvo1"]);
        assert_eq!(forum.document_days(), DEFAULT_DOCUMENT_DAYS);
    }
}
