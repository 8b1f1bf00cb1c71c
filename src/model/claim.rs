//! Sak number claims: what an item was added with, and the claims and fixed numbers the
//! forum's log records (`Doc::settle_numbers` gives each item its number from them).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::id::Id;

/// "sak n/yy": numbered per forum and year.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
pub struct ItemNumber {
    pub n: u32,
    pub year: i32,
}

impl fmt::Display for ItemNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{:02}", self.n, self.year.rem_euclid(100))
    }
}

impl ItemNumber {
    /// Parse "3/26" given the century from `around_year`.
    pub fn parse(s: &str, around_year: i32) -> Option<ItemNumber> {
        let (n, yy) = s.trim().split_once('/')?;
        let n: u32 = n.trim().parse().ok().filter(|n| *n > 0)?;
        let yy: i32 = yy.trim().parse().ok().filter(|y| (0..100).contains(y))?;
        Some(ItemNumber {
            n,
            year: around_year - around_year.rem_euclid(100) + yy,
        })
    }
}

/// The next free number in `year`, given the numbers the forum already uses.
pub fn next_item_number<'a>(
    existing: impl IntoIterator<Item = &'a ItemNumber>,
    year: i32,
) -> ItemNumber {
    let n = existing
        .into_iter()
        .filter(|x| x.year == year)
        .map(|x| x.n)
        .max()
        .unwrap_or(0)
        + 1;
    ItemNumber { n, year }
}

/// Where a claim stands among all claims: the clock of its op, its writer and number.
#[derive(
    Debug,
    Clone,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
pub struct ClaimOrder(pub i64, pub u32, pub String, pub u64);

/// The number an item's `ItemAdd` asked for, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct NumberClaim {
    pub number: ItemNumber,
    pub order: ClaimOrder,
}

/// A claim or a fixed number recorded in the forum's log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumberRecord {
    pub meeting: Id,
    pub item: Id,
    pub number: ItemNumber,
    pub order: ClaimOrder,
    pub fixed: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_sak_n_slash_yy() {
        assert_eq!(ItemNumber { n: 3, year: 2026 }.to_string(), "3/26");
        assert_eq!(ItemNumber { n: 12, year: 2005 }.to_string(), "12/05");
        assert_eq!(
            ItemNumber::parse("3/26", 2026),
            Some(ItemNumber { n: 3, year: 2026 })
        );
        assert_eq!(ItemNumber::parse("0/26", 2026), None);
        assert_eq!(ItemNumber::parse("x/26", 2026), None);
    }

    #[test]
    fn numbering_restarts_each_year_and_continues_within_it() {
        let used = [
            ItemNumber { n: 1, year: 2025 },
            ItemNumber { n: 7, year: 2025 },
            ItemNumber { n: 2, year: 2026 },
        ];
        assert_eq!(next_item_number(&used, 2025).to_string(), "8/25");
        assert_eq!(next_item_number(&used, 2026).to_string(), "3/26");
        assert_eq!(next_item_number(&used, 2027).to_string(), "1/27");
    }
}
