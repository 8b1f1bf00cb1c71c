//! The action list of the minutes as CSV (RFC 4180, comma-separated, UTF-8), for a
//! spreadsheet: a header row, then one row per action.

use super::safe_text::printable;
use super::{ExportOptions, visible_actions};
use crate::i18n::{self, Msg};
use crate::model::Minutes;

/// The header row and one row per action the minutes show (those from confidential items
/// only with `include_confidential`). Dates are yyyy-mm-dd. The meeting date and item number
/// are those of this meeting; an action carried over from an earlier one has them empty (the
/// minutes do not hold the other meetings) and says so in the last column.
pub fn to_csv(m: &Minutes, opts: &ExportOptions) -> Vec<u8> {
    // Writing into memory does not fail.
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let _ = write_rows(&mut w, m, opts);
    w.into_inner().unwrap_or_default()
}

fn write_rows(
    w: &mut ::csv::Writer<Vec<u8>>,
    m: &Minutes,
    opts: &ExportOptions,
) -> ::csv::Result<()> {
    let lang = opts.lang;
    let t = |msg| lang.t(msg);
    let yes_no = |b: bool| {
        t(if b {
            Msg::ExportCsvYes
        } else {
            Msg::ExportCsvNo
        })
    };
    let f = &m.forum;
    w.write_record([
        t(Msg::ExportCsvId),
        t(Msg::ExportCsvTitle),
        t(Msg::ExportCsvOwner),
        t(Msg::ExportCsvDue),
        t(Msg::ExportCsvStatus),
        t(Msg::ExportCsvOverdue),
        t(Msg::ExportCsvMeetingDate),
        t(Msg::ExportCsvItem),
        t(Msg::ExportCsvDevAreas),
        t(Msg::ExportCsvProposedBy),
        t(Msg::ExportCsvCarriedOver),
    ])?;
    for a in visible_actions(m, opts) {
        let here = a.meeting.as_deref() == Some(m.meeting.id.as_str());
        let item = a
            .item
            .as_deref()
            .and_then(|i| m.meeting.item(i))
            .map(|i| i.number.to_string())
            .unwrap_or_default();
        let areas: Vec<String> = a
            .areas
            .iter()
            .map(|id| match f.dev_area(id) {
                Some(d) => d.number.to_string(),
                None => id.clone(),
            })
            .collect();
        let row = [
            a.id.as_str(),
            a.title.as_str(),
            &i18n::owner(lang, f, &a.owner),
            &a.due
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            i18n::action_status(lang, a.status),
            yes_no(a.is_overdue(opts.today)),
            if here { m.meeting.date() } else { "" },
            &item,
            &areas.join("; "),
            a.proposed_by
                .as_deref()
                .map(|p| f.party_short(p))
                .unwrap_or(""),
            yes_no(a.meeting.is_some() && !here),
        ];
        w.write_record(row.map(cell))?;
    }
    w.flush()?;
    Ok(())
}

/// A cell a spreadsheet shows as the text it is. Text from the logs could start a formula
/// (`=HYPERLINK(…)`, `@SUM(…)`, `+1`, `-1`); such a cell gets a leading `'`, as OWASP's
/// advice on CSV injection has it, and no control characters.
fn cell(text: &str) -> String {
    let text = printable(text);
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.into_owned()
    }
}
