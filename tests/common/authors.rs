//! Who writes: the template forum's people, and stand-ins for a party.

use samrad::model::Author;

fn person(id: &str, name: &str, party: &str) -> Author {
    Author {
        name: name.into(),
        person: Some(id.into()),
        party: Some(party.into()),
    }
}

/// The chair, «Møteleder (KMD)», who writes for KMD.
pub fn chair() -> Author {
    person("p-leder", "Møteleder (KMD)", "kmd")
}

/// The minute-taker, «Referent (KMD)», who runs the meeting with the chair.
pub fn referent() -> Author {
    person("p-referent", "Referent (KMD)", "kmd")
}

/// NTL's representative in the template forum.
pub fn ntl() -> Author {
    rep("ntl")
}

/// The template forum's person for `party`: its representative, or the chair for KMD.
pub fn rep(party: &str) -> Author {
    let (id, name) = match party {
        "kmd" => return chair(),
        "ntl" => ("p-ntl", "Tillitsvalgt NTL"),
        "ys-stat" => ("p-ys", "Tillitsvalgt YS Stat"),
        "unio" => ("p-unio", "Tillitsvalgt Unio"),
        "jf" => ("p-jf", "Tillitsvalgt Juristforbundet"),
        "hvo" => ("p-hvo", "Hovedverneombud"),
        other => panic!("no one in the template forum writes for {other}"),
    };
    person(id, name, party)
}

/// Someone writing for `party` who is none of the forum's people: "rep ntl".
pub fn for_party(party: &str) -> Author {
    Author {
        name: format!("rep {party}"),
        person: None,
        party: Some(party.into()),
    }
}

/// Someone who writes for no party.
pub fn guest(name: &str) -> Author {
    Author {
        name: name.into(),
        person: None,
        party: None,
    }
}
