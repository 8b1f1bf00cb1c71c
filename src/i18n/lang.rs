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
    pub fn fill(self, m: Msg, args: &[&dyn std::fmt::Display]) -> String {
        let mut out = self.t(m).to_string();
        for (i, a) in args.iter().enumerate() {
            out = out.replace(&format!("{{{i}}}"), &a.to_string());
        }
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
