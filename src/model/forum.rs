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
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
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
