//! Phrases filled in: the party, the topic, the ministry, the year.

use crate::model::Id;

#[derive(Default)]
pub(super) struct Vars<'a> {
    pub(super) p: &'a str,
    pub(super) t: &'a str,
    pub(super) d: &'a str,
    pub(super) o: u32,
    pub(super) y: i32,
    pub(super) n: usize,
}

/// Fill `{p}` (party), `{t}` (topic), `{d}` (ministry), `{o}` (area number), `{y}` (year)
/// and `{n}` (a number) into a phrase, and give it a capital first letter.
pub(super) fn fill(tpl: &str, v: &Vars) -> String {
    let mut out = String::with_capacity(tpl.len() + 48);
    let mut rest = tpl;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let key = after.get(..3).unwrap_or("");
        match key {
            "{p}" => out.push_str(v.p),
            "{t}" => out.push_str(v.t),
            "{d}" => out.push_str(v.d),
            "{o}" => out.push_str(&v.o.to_string()),
            "{y}" => out.push_str(&v.y.to_string()),
            "{n}" => out.push_str(&v.n.to_string()),
            _ => {
                out.push('{');
                rest = &after[1..];
                continue;
            }
        }
        rest = &after[3..];
    }
    out.push_str(rest);
    capitalise(out)
}

pub(super) fn capitalise(s: String) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        _ => s,
    }
}

/// "NTL", "NTL og Unio", "NTL, YS Stat og Unio".
pub(super) fn join_nb(names: &[&str]) -> String {
    match names {
        [] => "organisasjonene".to_string(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} og {last}", rest.join(", ")),
    }
}

/// The number of a development area (`uo3` is 3), for `{o}`.
pub(super) fn area_number(area: Option<&Id>) -> u32 {
    area.and_then(|a| a.strip_prefix("uo"))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_filled_and_capitalised() {
        let v = Vars {
            p: "NTL",
            t: "øvelser i krisehåndtering",
            ..Vars::default()
        };
        assert_eq!(
            fill("{t} – orientering", &v),
            "Øvelser i krisehåndtering – orientering"
        );
        assert_eq!(fill("{p} sa {x}", &v), "NTL sa {x}");
        assert_eq!(join_nb(&["NTL", "Unio", "JF"]), "NTL, Unio og JF");
    }
}
