//! The filter options shared by `list` and `search`, read in the user's language and
//! checked against the forum.

use anyhow::{Result, anyhow, bail};

use crate::i18n::{self, Lang, Msg};
use crate::model::{MeetingStatus, Stance};
use crate::search::Filter;

/// The filter options shared by `list` and `search`, checked against the forum.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FilterArgs {
    /// Only what concerns this party (id or short name, e.g. ntl).
    #[arg(long)]
    party: Option<String>,
    /// Only items, inputs and actions linked to this development area (1-5, id or name).
    #[arg(long)]
    area: Option<String>,
    /// Only meetings on or after this date (dd.mm.yyyy or yyyy-mm-dd).
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Only meetings on or before this date.
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    /// With --party: only items where the party took this position (agree, disagree, noted, abstain).
    #[arg(long)]
    stance: Option<String>,
    /// Only meetings with this status (planned, open, closed, circulated, approved).
    #[arg(long)]
    status: Option<String>,
}

impl FilterArgs {
    pub fn to_filter(&self, forum: &crate::model::Forum, lang: Lang) -> Result<Filter> {
        let lookup = |e: crate::model::LookupError| anyhow!("{}", i18n::lookup_error(lang, &e));
        Ok(Filter {
            status: self
                .status
                .as_deref()
                .map(|s| {
                    MeetingStatus::find(s).ok_or_else(|| {
                        anyhow!("{}", lang.fill(Msg::UnknownStatus, &[&format!("{s:?}")]))
                    })
                })
                .transpose()?,
            party: self
                .party
                .as_deref()
                .map(|p| forum.find_party(p))
                .transpose()
                .map_err(lookup)?,
            stance: self
                .stance
                .as_deref()
                .map(|s| {
                    Stance::find(s).ok_or_else(|| {
                        anyhow!("{}", lang.fill(Msg::UnknownStance, &[&format!("{s:?}")]))
                    })
                })
                .transpose()?,
            area: self
                .area
                .as_deref()
                .map(|a| forum.find_area(a))
                .transpose()
                .map_err(lookup)?,
            since: self
                .since
                .as_deref()
                .map(|d| parse_day(d, "since", lang))
                .transpose()?,
            until: self
                .until
                .as_deref()
                .map(|d| parse_day(d, "until", lang))
                .transpose()?,
        })
    }
}

fn parse_day(s: &str, flag: &str, lang: Lang) -> Result<chrono::NaiveDate> {
    match crate::model::parse_date(s) {
        Ok(Some(d)) => Ok(d),
        Ok(None) => bail!(
            "--{flag}: {}",
            i18n::date_error(lang, crate::model::DateError::Format)
        ),
        Err(e) => bail!("--{flag} {s:?}: {}", i18n::date_error(lang, e)),
    }
}
