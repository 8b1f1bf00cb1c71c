use serde::{Deserialize, Serialize};

use super::Id;

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
    /// The virksomhet is a departement: HA § 11 then keeps a dispute from the
    /// partssammensatt nemnd (the dispute path named after uenighet in a forhandling).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub departement: bool,
}

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

impl Forum {
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
