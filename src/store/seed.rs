//! The template that ships in `assets/`: the contact group's forum and its first meeting,
//! turned into ops with fixed ids, so that folders seeded apart hold one forum when synced.

use serde::Deserialize;

use super::chain::OpChain;
use super::clock::Hlc;
use super::op::Op;
use crate::model::{
    ActionStatus, Author, Change, DevArea, GoalArea, Id, Input, InputTarget, ItemField, ItemKind,
    ItemNumber, MeetingField, Owner, Party, Person, Scope,
};

pub const TEMPLATE_JSON: &str = include_str!("../../assets/template.json");
pub use crate::model::TEMPLATE_WRITER;

#[derive(Deserialize)]
struct Template {
    at: String,
    forum: TemplateForum,
    parties: Vec<Party>,
    people: Vec<Person>,
    goal_areas: Vec<GoalArea>,
    dev_areas: Vec<DevArea>,
    meetings: Vec<TemplateMeeting>,
    actions: Vec<TemplateAction>,
}

#[derive(Deserialize)]
struct TemplateForum {
    id: Id,
    name: String,
    /// The virksomhet is a departement (HA § 11).
    #[serde(default)]
    departement: bool,
}

#[derive(Deserialize)]
struct TemplateMeeting {
    id: Id,
    title: String,
    starts_at: String,
    #[serde(default)]
    place: String,
    chair: Option<Id>,
    referent: Option<Id>,
    items: Vec<TemplateItem>,
}

#[derive(Deserialize)]
struct TemplateItem {
    id: Id,
    n: u32,
    kind: ItemKind,
    title: String,
    #[serde(default)]
    planned_minutes: u32,
    #[serde(default)]
    presenter: String,
    #[serde(default)]
    areas: Vec<Id>,
    #[serde(default)]
    background: String,
    #[serde(default)]
    inputs: Vec<TemplateInput>,
}

#[derive(Deserialize)]
struct TemplateInput {
    id: Id,
    party: Id,
    source: String,
    text: String,
}

#[derive(Deserialize)]
struct TemplateAction {
    id: Id,
    meeting: Id,
    item: Id,
    areas: Vec<Id>,
    title: String,
}

/// The template's ops, grouped by the scope (log folder) they belong in, each group
/// hash-chained as the lines of one file. Always the same bytes for the same binary.
pub fn template_ops() -> Result<Vec<(Scope, Vec<Op>)>, serde_json::Error> {
    let t: Template = serde_json::from_str(TEMPLATE_JSON)?;
    let mut changes: Vec<Change> = vec![Change::Forum {
        id: t.forum.id.clone(),
        name: t.forum.name.clone(),
    }];
    if t.forum.departement {
        changes.push(Change::ForumSettings { departement: true });
    }
    use Change as C;
    changes.extend(t.parties.into_iter().map(|party| C::PartyPut { party }));
    changes.extend(t.people.into_iter().map(|person| C::PersonPut { person }));
    changes.extend(t.goal_areas.into_iter().map(|area| C::GoalAreaPut { area }));
    changes.extend(t.dev_areas.into_iter().map(|area| C::DevAreaPut { area }));
    for m in &t.meetings {
        let meeting = m.id.clone();
        let year = m
            .starts_at
            .get(..4)
            .and_then(|y| y.parse().ok())
            .unwrap_or(2026);
        changes.push(Change::MeetingCreate {
            meeting: meeting.clone(),
            title: m.title.clone(),
            starts_at: m.starts_at.clone(),
        });
        for set in [
            MeetingField::Place(m.place.clone()),
            MeetingField::Chair(m.chair.clone()),
            MeetingField::Referent(m.referent.clone()),
        ] {
            changes.push(Change::MeetingSet {
                meeting: meeting.clone(),
                set,
            });
        }
        for (rank, it) in m.items.iter().enumerate() {
            let item = it.id.clone();
            changes.push(Change::ItemAdd {
                meeting: meeting.clone(),
                item: item.clone(),
                number: ItemNumber { n: it.n, year },
                title: it.title.clone(),
                kind: it.kind,
                rank: (rank as i64 + 1) * 1024,
            });
            for set in [
                ItemField::PlannedMinutes(it.planned_minutes),
                ItemField::Presenter(it.presenter.clone()),
                ItemField::Areas(it.areas.clone()),
                ItemField::Background(it.background.clone()),
            ] {
                changes.push(Change::ItemSet {
                    meeting: meeting.clone(),
                    item: item.clone(),
                    set,
                });
            }
            for i in &it.inputs {
                changes.push(Change::ItemInput {
                    meeting: meeting.clone(),
                    input: Input {
                        id: i.id.clone(),
                        party: i.party.clone(),
                        target: InputTarget::Item(item.clone()),
                        text: i.text.clone(),
                        source: i.source.clone(),
                        at: t.at.clone(),
                        by: i.source.clone(),
                    },
                });
            }
        }
    }
    for a in t.actions {
        changes.push(Change::ActionAdd {
            id: a.id,
            title: a.title,
            owner: Owner::Party("kmd".into()),
            due: None,
            status: ActionStatus::Proposed,
            meeting: Some(a.meeting),
            item: Some(a.item),
            areas: a.areas,
            proposed_by: Some("ntl".into()),
        });
    }

    let by = Author {
        name: "samrad (mal)".into(),
        person: None,
        party: None,
    };
    let mut chain = OpChain::new(TEMPLATE_WRITER);
    let mut groups: Vec<(Scope, Vec<Op>)> = Vec::new();
    for change in changes {
        let scope = change.scope();
        let clock = Hlc {
            ms: 0,
            c: chain.seq() as u32 + 1,
        };
        let op = chain.next(clock, t.at.clone(), by.clone(), change);
        match groups.iter_mut().find(|(s, _)| *s == scope) {
            Some((_, ops)) => ops.push(op),
            None => groups.push((scope, vec![op])),
        }
    }
    Ok(groups)
}

/// Whether `op` (as read, with its line's digest) is a line of the template this samrad
/// ships. Lines in the template's name count without a signature, so no other may.
pub fn is_template(op: &Op) -> bool {
    static LINES: std::sync::LazyLock<std::collections::HashSet<[u8; 32]>> =
        std::sync::LazyLock::new(|| {
            template_ops()
                .unwrap_or_default()
                .into_iter()
                .flat_map(|(_, ops)| ops)
                .map(|op| op.digest)
                .collect()
        });
    LINES.contains(&op.digest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_parses_and_is_the_same_every_time() {
        let a = template_ops().expect("template parses");
        let b = template_ops().expect("template parses");
        assert_eq!(a, b);
        assert_eq!(a.len(), 2, "one forum log and one first-meeting log");
    }
}
