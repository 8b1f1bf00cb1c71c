//! The parties and people of the demo forum.

pub(super) const UNIONS: [&str; 5] = ["ntl", "ys-stat", "unio", "jf", "hvo"];

/// The template's people who come to meetings: (person, party).
pub(super) const REGULARS: [(&str, &str); 7] = [
    ("p-leder", "kmd"),
    ("p-referent", "kmd"),
    ("p-ntl", "ntl"),
    ("p-ys", "ys-stat"),
    ("p-unio", "unio"),
    ("p-jf", "jf"),
    ("p-hvo", "hvo"),
];

/// Substitutes added to the forum: (person, name, party, role, stands in for).
pub(super) const SUBSTITUTES: [(&str, &str, &str, &str, &str); 5] = [
    ("p-ntl-vara", "Åse Sæther", "ntl", "vara", "p-ntl"),
    ("p-ys-vara", "Ørjan Kjær", "ys-stat", "vara", "p-ys"),
    ("p-unio-vara", "Kjersti Aasen", "unio", "vara", "p-unio"),
    ("p-jf-vara", "Håkon Bræin", "jf", "vara", "p-jf"),
    (
        "p-hvo-vara",
        "Ingvild Ødegård",
        "hvo",
        "vara verneombud",
        "p-hvo",
    ),
];

pub(super) fn short(party: &str) -> &'static str {
    match party {
        "kmd" => "KMD",
        "ntl" => "NTL",
        "ys-stat" => "YS Stat",
        "unio" => "Unio",
        "jf" => "JF",
        "hvo" => "HVO",
        _ => "?",
    }
}
