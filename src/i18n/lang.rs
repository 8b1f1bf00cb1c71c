//! The two languages, and how a message is looked up and filled in.

use super::label::Label;
use super::msg::Msg;
use super::{en, nb};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nb,
    En,
}

impl Lang {
    /// From a `LANG`-style value: nb, nn and no mean Norwegian; anything else English.
    pub fn from_locale(value: &str) -> Lang {
        let v = value.to_ascii_lowercase();
        if ["nb", "nn", "no"].iter().any(|p| v.starts_with(p)) {
            Lang::Nb
        } else {
            Lang::En
        }
    }

    pub fn parse(value: &str) -> Option<Lang> {
        match value.to_ascii_lowercase().as_str() {
            "nb" | "no" | "nn" | "norsk" => Some(Lang::Nb),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn t(self, m: Msg) -> &'static str {
        match self {
            Lang::Nb => nb::text(m),
            Lang::En => en::text(m),
        }
    }

    /// A message with its blanks filled: `{0}`, `{1}` … in the catalogue's text are
    /// replaced by the arguments, so each language puts them where its grammar wants them.
    /// The text is read once, so an argument that itself holds `{1}` (a name from a synced
    /// file, say) is printed as it is, never filled in.
    pub fn fill(self, m: Msg, args: &[&dyn std::fmt::Display]) -> String {
        let text = self.t(m);
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let blank = after
                .find('}')
                .and_then(|close| Some((after[..close].parse::<usize>().ok()?, close)));
            match blank.and_then(|(i, close)| Some((args.get(i)?, close))) {
                Some((arg, close)) => {
                    out.push_str(&arg.to_string());
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// The words for a value of the domain, e.g. `lang.label(Stance::Agree)`.
    pub fn label(self, value: impl Label) -> &'static str {
        self.t(value.msg())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_are_filled_once_and_in_the_languages_own_order() {
        assert_eq!(
            Lang::En.fill(Msg::DateNoDay, &[&31, &2]),
            "Month 2 has no day 31"
        );
        assert_eq!(
            Lang::En.fill(Msg::UnknownParty, &[&"\"{1}\"", &"NTL, Unio"]),
            "unknown party \"{1}\"; the forum's parties are NTL, Unio"
        );
    }

    #[test]
    fn locale_picks_norwegian_for_nb_nn_no() {
        assert_eq!(Lang::from_locale("nb_NO.UTF-8"), Lang::Nb);
        assert_eq!(Lang::from_locale("nn_NO"), Lang::Nb);
        assert_eq!(Lang::from_locale("no"), Lang::Nb);
        assert_eq!(Lang::from_locale("en_GB.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
    }
}

#[cfg(test)]
mod catalogue_tests {
    use super::*;

    #[test]
    fn both_catalogues_hold_every_message() {
        for m in Msg::ALL {
            assert!(!Lang::Nb.t(*m).trim().is_empty(), "nb lacks {m:?}");
            assert!(!Lang::En.t(*m).trim().is_empty(), "en lacks {m:?}");
        }
    }
}
