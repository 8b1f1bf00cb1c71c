//! Unntatt offentlighet: an item exempt from public disclosure, and the legal basis
//! (hjemmel) it rests on, chosen from the forum's list.

use serde::{Deserialize, Serialize};

use super::Id;

/// A legal basis for exempting a case from public disclosure, e.g. "offl. § 14".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Hjemmel {
    pub id: Id,
    /// As it stands in the minutes: "offl. § 14".
    pub short: String,
    /// What it covers, for choosing: "Internal documents".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Taken off the list (items that cite it keep it).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub retired: bool,
}

/// The list every forum starts with (offentleglova and forvaltningsloven); a forum puts
/// its own (`Change::HjemmelPut`) on top, by id.
pub fn default_hjemler() -> Vec<Hjemmel> {
    let h = |id: &str, short: &str, description: &str| Hjemmel {
        id: id.into(),
        short: short.into(),
        description: description.into(),
        retired: false,
    };
    vec![
        h(
            "offl-13",
            "offl. § 13 jf. fvl. § 13",
            "Taushetsplikt (personlige forhold, forretningshemmeligheter)",
        ),
        h("offl-14", "offl. § 14", "Organinterne dokument"),
        h("offl-15", "offl. § 15", "Dokument innhentet utenfrå"),
        h(
            "offl-23",
            "offl. § 23",
            "Forhandlingsposisjon, økonomisk forvaltning",
        ),
        h(
            "offl-24",
            "offl. § 24",
            "Kontroll- og reguleringstiltak, lovbrudd",
        ),
        h("offl-25", "offl. § 25", "Tilsetting og personalsaker"),
        h("offl-26", "offl. § 26", "Eksamen, prøver og søknader"),
    ]
}

/// Why an item is unntatt offentlighet. The hjemmel's short form is kept as chosen, so the
/// minutes say the same when the forum's list changes later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Exemption {
    /// The forum's hjemmel it was chosen from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hjemmel_id: Option<Id>,
    /// "offl. § 14"; empty when not known (minutes from before hjemmel was asked for).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hjemmel: String,
    /// What the public version may call the item instead of its title.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub public_title: String,
}

impl Exemption {
    /// An exemption citing `h`.
    pub fn citing(h: &Hjemmel, public_title: String) -> Exemption {
        Exemption {
            hjemmel_id: Some(h.id.clone()),
            hjemmel: h.short.clone(),
            public_title,
        }
    }

    /// An exemption with no hjemmel known: an item marked confidential before there was a
    /// hjemmel to choose.
    pub fn unknown() -> Exemption {
        Exemption {
            hjemmel_id: None,
            hjemmel: String::new(),
            public_title: String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_list_has_the_common_paragraphs_with_unique_ids() {
        let list = default_hjemler();
        for short in [
            "offl. § 13 jf. fvl. § 13",
            "offl. § 14",
            "offl. § 15",
            "offl. § 23",
            "offl. § 24",
        ] {
            assert!(list.iter().any(|h| h.short == short), "{short} missing");
        }
        let mut ids: Vec<&str> = list.iter().map(|h| h.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), list.len());
    }

    #[test]
    fn an_exemption_without_hjemmel_or_title_writes_no_such_fields() {
        let json = serde_json::to_string(&Exemption::unknown()).unwrap();
        assert_eq!(json, "{}");
    }
}
