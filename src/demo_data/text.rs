//! The phrase lists demo meetings are written from. The phrases are in `phrases.txt`, a list
//! under each `== NAME` line; here each list is a slice of its phrases, read once.

use std::collections::HashMap;
use std::sync::LazyLock;

const PHRASES: &str = include_str!("phrases.txt");

/// Every list in `phrases.txt`, by name.
static LISTS: LazyLock<HashMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    let mut lists: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut list: Option<&mut Vec<&str>> = None;
    for line in PHRASES.lines() {
        if let Some(name) = line.strip_prefix("== ") {
            list = Some(lists.entry(name.trim()).or_default());
        } else if let Some(list) = list.as_mut()
            && !line.trim().is_empty()
            && !line.starts_with('#')
        {
            list.push(line);
        }
    }
    lists
});

/// One list of `phrases.txt`, by its name there; it reads as a slice of its phrases.
pub struct List(&'static str);

impl std::ops::Deref for List {
    type Target = [&'static str];

    fn deref(&self) -> &[&'static str] {
        LISTS.get(self.0).map(Vec::as_slice).unwrap_or(&[])
    }
}

macro_rules! lists {
    ($($name:ident),* $(,)?) => {
        $(pub static $name: List = List(stringify!($name));)*
        #[cfg(test)]
        const ALL: &[&List] = &[$(&$name),*];
    };
}

lists! {
    RARE_TOPICS, SELDOM, CONFIDENTIAL_TOPICS, MINISTRIES, PLACES,
    INFO_TITLES, CONSULTATION_TITLES, NEGOTIATION_TITLES, BACKGROUND, BACKGROUND_CASE,
    NOTES, AGREE, DISAGREE, TAKES_NOTE, ABSTAINS,
    INFO_CONCLUSIONS, CONSULTATION_CONCLUSIONS, CONSULTATION_DISSENT,
    NEGOTIATION_AGREED, NEGOTIATION_DISAGREED,
    STATEMENTS, INPUTS, ACTIONS, VOTE_QUESTIONS, DOCUMENTS, AREA_STATUS,
}

/// (topic, development areas it belongs to): the lines of `TOPICS`, `topic | areas`.
pub static TOPICS: LazyLock<Vec<(&'static str, Vec<&'static str>)>> = LazyLock::new(|| {
    List("TOPICS")
        .iter()
        .map(|line| match line.split_once(" | ") {
            Some((topic, areas)) => (topic, areas.split_whitespace().collect()),
            None => (*line, Vec::new()),
        })
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_in_the_file_and_every_list_in_the_file_is_used() {
        for list in ALL {
            assert!(!list.is_empty(), "{} has no phrases", list.0);
        }
        assert_eq!(
            LISTS.len(),
            ALL.len() + 1,
            "a list in phrases.txt is not used"
        );
        assert_eq!(TOPICS.len(), 40);
        assert!(TOPICS.iter().all(|(t, _)| !t.contains('|')));
    }
}
