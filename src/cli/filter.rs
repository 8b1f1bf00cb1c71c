//! The filter options shared by `list` and `search`, read in the user's language and
//! checked against the forum.

use anyhow::{Result, anyhow};

use crate::i18n::{self, Lang, Msg};
use crate::model::{Forum, MeetingStatus, Stance};
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
    /// Only items where a party took this position (agree, disagree, noted, abstain, demand,
    /// offer, remark, view); with --party, where that party took it.
    #[arg(long)]
    stance: Option<String>,
    /// Only meetings with this status (planned, open, closed, circulated, approved).
    #[arg(long)]
    status: Option<String>,
    /// Also what was recorded on items unntatt offentlighet (exempt from public
    /// disclosure); without it, only what the public version shows.
    #[arg(long)]
    include_confidential: bool,
}

impl FilterArgs {
    /// What can be checked before the data folder is opened: statuses, positions, dates.
    /// A typo here opens (or creates) nothing.
    pub fn check(&self, lang: Lang) -> Result<Filter> {
        let named = |m: Msg, s: &str| lang.fill(m, &[&format!("{s:?}")]);
        let status = look(&self.status, |s| {
            MeetingStatus::find(s).ok_or_else(|| named(Msg::UnknownStatus, s))
        })?;
        let stance = look(&self.stance, |s| {
            Stance::find(s).ok_or_else(|| named(Msg::UnknownStance, s))
        })?;
        let since = look(&self.since, |d| parse_day(d, "since", lang))?;
        let until = look(&self.until, |d| parse_day(d, "until", lang))?;
        Ok(Filter {
            status,
            stance,
            since,
            until,
            public: !self.include_confidential,
            ..Filter::default()
        })
    }

    /// Whether the filter looks at items (their positions, statements, areas), not only
    /// at meetings' dates and statuses.
    pub fn on_items(&self) -> bool {
        self.party.is_some() || self.area.is_some() || self.stance.is_some()
    }

    /// The checked filter with its party and area looked up in the forum.
    /// Whether a party or development area is asked for: they are looked up in the forum.
    pub fn names_forum(&self) -> bool {
        self.party.is_some() || self.area.is_some()
    }

    pub fn in_forum(&self, checked: Filter, forum: &Forum, lang: Lang) -> Result<Filter> {
        let lookup = |e: crate::model::LookupError| i18n::lookup_error(lang, &e);
        let party = look(&self.party, |p| forum.find_party(p).map_err(lookup))?;
        let area = look(&self.area, |a| forum.find_area(a).map_err(lookup))?;
        Ok(Filter {
            party,
            area,
            ..checked
        })
    }
}

/// An option as typed, looked up: none, found, or an error naming what was typed.
fn look<T>(typed: &Option<String>, find: impl Fn(&str) -> Result<T, String>) -> Result<Option<T>> {
    typed
        .as_deref()
        .map(find)
        .transpose()
        .map_err(|e| anyhow!("{e}"))
}

/// A date as the user typed it for `--flag`, or what is wrong with it.
pub fn parse_day(s: &str, flag: &str, lang: Lang) -> Result<chrono::NaiveDate, String> {
    match crate::model::parse_date(s) {
        Ok(Some(d)) => Ok(d),
        Ok(None) => Err(format!(
            "--{flag}: {}",
            i18n::date_error(lang, crate::model::DateError::Format)
        )),
        Err(e) => Err(format!("--{flag} {s:?}: {}", i18n::date_error(lang, e))),
    }
}
