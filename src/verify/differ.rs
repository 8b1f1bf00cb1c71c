//! Where two versions of a meeting first differ, in reading order.

use serde_json::Value;

use super::report::{Entry, Place};
use crate::model::{Forum, Meeting};

/// The fields of a meeting's and of an item's content, in reading order.
const MEETING_KEYS: &str = "title starts_at ends_at place authority case_number document_number chair referent \
    attendance documents items distribution next_meeting opened_at closed_at";
const ITEM_KEYS: &str = "number title kind rank presenter planned_minutes started_at ended_at \
    demanded_on agreed_start areas background notes conclusion agreement dissenters confidential \
    exempt positions votes inputs statements speakers party_budget_minutes";

/// The first place, in reading order, where `other`'s content differs from `reference`'s.
pub fn first_difference(reference: &Meeting, other: &Meeting, forum: &Forum) -> Option<Place> {
    let a = serde_json::to_value(reference.canonical_content()).ok()?;
    let b = serde_json::to_value(other.canonical_content()).ok()?;
    for key in keys_in_order(&a, &b, MEETING_KEYS) {
        if key == "items" {
            if let Some(p) = item_difference(reference, other, forum) {
                return Some(p);
            }
            continue;
        }
        let (x, y) = (a.get(&key), b.get(&key));
        if x != y {
            return Some(Place::Meeting {
                entry: entry_difference(x, y, forum),
                field: key,
            });
        }
    }
    None
}

fn item_difference(reference: &Meeting, other: &Meeting, forum: &Forum) -> Option<Place> {
    for ri in &reference.items {
        let number = ri.number.to_string();
        let Some(oi) = other.items.iter().find(|o| o.id == ri.id) else {
            return Some(Place::ItemMissing { number });
        };
        if ri == oi {
            continue;
        }
        let a = serde_json::to_value(ri).ok()?;
        let b = serde_json::to_value(oi).ok()?;
        for key in keys_in_order(&a, &b, ITEM_KEYS) {
            let (x, y) = (a.get(&key), b.get(&key));
            if x != y {
                return Some(Place::Item {
                    number,
                    entry: entry_difference(x, y, forum),
                    field: key,
                });
            }
        }
    }
    if let Some(oi) = other
        .items
        .iter()
        .find(|o| !reference.items.iter().any(|r| r.id == o.id))
    {
        return Some(Place::ItemAdded {
            number: oi.number.to_string(),
        });
    }
    let ids = |m: &Meeting| m.items.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
    (ids(reference) != ids(other)).then_some(Place::ItemOrder)
}

/// The keys of two JSON objects: the known ones in reading order, then any others by name.
fn keys_in_order(a: &Value, b: &Value, known: &str) -> Vec<String> {
    let known: Vec<&str> = known.split_whitespace().collect();
    let mut keys: Vec<String> = known.iter().map(|k| k.to_string()).collect();
    let mut rest: Vec<String> = [a, b]
        .iter()
        .filter_map(|v| v.as_object())
        .flat_map(|o| o.keys().cloned())
        .filter(|k| !known.contains(&k.as_str()))
        .collect();
    rest.sort();
    rest.dedup();
    keys.extend(rest);
    keys
}

/// For two lists: the first entry that differs, with its party when it has one.
fn entry_difference(x: Option<&Value>, y: Option<&Value>, forum: &Forum) -> Option<Entry> {
    let (Some(Value::Array(x)), Some(Value::Array(y))) = (x, y) else {
        return None;
    };
    let i = (0..x.len().max(y.len())).find(|&i| x.get(i) != y.get(i))?;
    let party = x
        .get(i)
        .or_else(|| y.get(i))
        .and_then(|e| e.get("party"))
        .and_then(Value::as_str)
        .map(|p| forum.party_short(p).to_string());
    Some(Entry { n: i + 1, party })
}
