//! Dates as people type them: dd.mm.yyyy (Norwegian) or yyyy-mm-dd (ISO).

/// A date typed as dd.mm.yyyy or yyyy-mm-dd. Empty means none. The error says what
/// is wrong, in words.
pub fn parse_date(text: &str) -> Result<Option<chrono::NaiveDate>, DateError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let (d, m, y) = if let Some((y, rest)) = t.split_once('-') {
        let (m, d) = rest.split_once('-').ok_or(DateError::Format)?;
        (d, m, y)
    } else {
        let mut parts = t.split('.');
        let d = parts.next().ok_or(DateError::Format)?;
        let m = parts.next().ok_or(DateError::Format)?;
        let y = parts.next().ok_or(DateError::Format)?;
        if parts.next().is_some() {
            return Err(DateError::Format);
        }
        (d, m, y)
    };
    let num = |s: &str| s.trim().parse::<u32>().map_err(|_| DateError::Format);
    let (d, m, y) = (num(d)?, num(m)?, num(y)?);
    if y < 1000 {
        return Err(DateError::Year);
    }
    if !(1..=12).contains(&m) {
        return Err(DateError::Month(m));
    }
    chrono::NaiveDate::from_ymd_opt(y as i32, m, d)
        .map(Some)
        .ok_or(DateError::Day(d, m))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    Format,
    Year,
    Month(u32),
    Day(u32, u32),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_norwegian_and_iso_form() {
        let d = chrono::NaiveDate::from_ymd_opt(2027, 2, 1);
        assert_eq!(parse_date("01.02.2027"), Ok(d));
        assert_eq!(parse_date("1.2.2027"), Ok(d));
        assert_eq!(parse_date("2027-02-01"), Ok(d));
        assert_eq!(parse_date("  "), Ok(None));
    }

    #[test]
    fn wrong_dates_say_what_is_wrong() {
        assert_eq!(parse_date("31.02.2027"), Err(DateError::Day(31, 2)));
        assert_eq!(parse_date("01.13.2027"), Err(DateError::Month(13)));
        assert_eq!(parse_date("01.02.27"), Err(DateError::Year));
        assert_eq!(parse_date("neste uke"), Err(DateError::Format));
        assert_eq!(parse_date("1.2.3.4"), Err(DateError::Format));
    }
}
