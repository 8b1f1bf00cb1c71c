//! The report in words, every one of them from the `Msg` catalogue.

use super::report::{Entry, Finding, LogBreak, MeetingReport, Note, Place, Report, Round, Verdict};
use crate::i18n::{self, Lang, Msg};

/// The report as text: one block per meeting, then a summary line.
pub fn render(report: &Report, lang: Lang) -> String {
    let mut out = String::new();
    if let Some(forum) = &report.forum {
        out.push_str(&format!("{}  {}\n", lang.t(Msg::VerifyTheForum), forum.dir));
        let state = if forum.changed.is_empty() {
            let files = count(lang, forum.files, Msg::VerifyOneFile, Msg::VerifyFiles);
            let entries = count(lang, forum.entries, Msg::VerifyOneEntry, Msg::VerifyEntries);
            lang.fill(Msg::VerifyLogsIntact, &[&files, &entries])
        } else {
            lang.t(Msg::VerifyChanged).to_string()
        };
        out.push_str(&format!("  {state}\n"));
        details(&mut out, lang, &forum.changed, &forum.notes);
        out.push('\n');
    }
    for m in &report.meetings {
        let date = chrono::DateTime::parse_from_rfc3339(&m.starts_at)
            .map(|t| i18n::short_date(lang, t.date_naive()))
            .unwrap_or_else(|_| m.starts_at.get(..10).unwrap_or("-").to_string());
        let title = if m.title.is_empty() { "-" } else { &m.title };
        out.push_str(&format!(
            "{date}  {title}\n  {}\n  {}\n",
            m.id,
            verdict_line(lang, m)
        ));
        details(&mut out, lang, &m.changed, &m.notes);
        out.push('\n');
    }
    let (a, b, c) = (
        report.count(Verdict::Intact),
        report.count(Verdict::Changed),
        report.count(Verdict::NotApproved),
    );
    out.push_str(&lang.fill(Msg::VerifySummary, &[&a, &b, &c]));
    if report.forum.as_ref().is_some_and(|f| !f.changed.is_empty()) {
        out.push_str(lang.t(Msg::VerifyForumLogsChanged));
    }
    out.push('\n');
    if report.forum_changes > 0 {
        out.push_str(&format!(
            "{}: {}\n",
            lang.t(Msg::VerifyNote),
            lang.fill(Msg::VerifyForumChangesElsewhere, &[&report.forum_changes])
        ));
    }
    out
}

/// "1 file", "3 files".
fn count(lang: Lang, n: usize, one: Msg, many: Msg) -> String {
    lang.fill(if n == 1 { one } else { many }, &[&n])
}

fn short_hash(h: &str) -> String {
    format!("{}…", h.get(..8).unwrap_or(h))
}

fn day(lang: Lang, rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| i18n::short_date(lang, t.date_naive()))
        .unwrap_or_else(|_| {
            if rfc3339.is_empty() {
                "?".into()
            } else {
                rfc3339.to_string()
            }
        })
}

fn status(lang: Lang, s: crate::model::MeetingStatus) -> String {
    lang.fill(
        Msg::VerifyStatus,
        &[&i18n::meeting_status(lang, s).to_lowercase()],
    )
}

fn verdict_line(lang: Lang, m: &MeetingReport) -> String {
    let round = |r: &Round| {
        lang.fill(
            Msg::VerifyRound,
            &[&day(lang, &r.approved_at), &short_hash(&r.hash)],
        )
    };
    let (verdict, why) = match (m.verdict, &m.approved) {
        (Verdict::Intact, Some(r)) => {
            let parties = count(lang, r.parties, Msg::VerifyOneParty, Msg::VerifyParties);
            (Msg::VerifyIntact, Some(format!("{}, {parties}", round(r))))
        }
        (Verdict::Intact, None) => (Msg::VerifyIntact, None),
        (Verdict::Changed, Some(r)) => (Msg::VerifyChanged, Some(round(r))),
        (Verdict::Changed, None) => (Msg::VerifyChanged, m.status.map(|s| status(lang, s))),
        (Verdict::NotApproved, _) => {
            let mut why = match m.status {
                Some(s) => status(lang, s),
                None => lang.t(Msg::VerifyNoMeeting).to_string(),
            };
            if !m.waiting_for.is_empty() {
                why.push_str(", ");
                why.push_str(&lang.fill(Msg::VerifyWaitingFor, &[&m.waiting_for.join(", ")]));
            }
            (Msg::VerifyNotApproved, Some(why))
        }
    };
    match why {
        Some(why) => format!("{} ({why})", lang.t(verdict)),
        None => lang.t(verdict).to_string(),
    }
}

fn details(out: &mut String, lang: Lang, changed: &[Finding], notes: &[Note]) {
    let changed = changed
        .iter()
        .map(|f| (Msg::VerifyChanged, finding(lang, f)));
    let notes = notes.iter().map(|n| (Msg::VerifyNote, note(lang, n)));
    for (label, text) in changed.chain(notes) {
        out.push_str(&format!("    {}: {text}\n", lang.t(label)));
    }
}

fn finding(lang: Lang, f: &Finding) -> String {
    match f {
        Finding::Log {
            file,
            line,
            entry,
            why,
        } => {
            let entry = entry
                .as_ref()
                .map(|e| lang.fill(Msg::VerifyLogEntry, &[e]))
                .unwrap_or_default();
            let why = match why {
                LogBreak::NotAnEntry => lang.t(Msg::VerifyNotAnEntry).to_string(),
                LogBreak::StartsMidChain => lang.t(Msg::VerifyStartsMidChain).to_string(),
                LogBreak::NextDisagrees { next } => lang.fill(Msg::VerifyNextDisagrees, &[next]),
                LogBreak::SeqNotIncreasing => lang.t(Msg::VerifySeqNotIncreasing).to_string(),
                LogBreak::OtherWriter => lang.t(Msg::VerifyOtherWriter).to_string(),
            };
            lang.fill(Msg::VerifyLogLine, &[file, line, &entry, &why])
        }
        Finding::Unreadable { file, error } => lang.fill(Msg::VerifyUnreadable, &[file, error]),
        Finding::Fold {
            dir,
            hash,
            approved,
            place,
        } => hashes_differ(lang, Msg::VerifyFoldDiffers, dir, place, hash, approved),
        Finding::Minutes {
            file,
            hash,
            approved,
            place,
        } => hashes_differ(lang, Msg::VerifyMinutesDiffer, file, place, hash, approved),
        Finding::MinutesInvalid { file, error } => {
            lang.fill(Msg::VerifyMinutesInvalid, &[file, error])
        }
        Finding::MinutesApprovals { file } => lang.fill(Msg::VerifyMinutesApprovals, &[file]),
        Finding::ApprovalMissing { file, hash } => {
            lang.fill(Msg::VerifyApprovalMissing, &[file, &short_hash(hash)])
        }
        Finding::LogsMissing { dir, file } => lang.fill(Msg::VerifyLogsMissing, &[dir, file]),
        Finding::Earlier {
            place_of,
            approved_at,
            hash,
            place,
        } => {
            let what = place
                .as_ref()
                .map(|p| format!(": {}", place_text(lang, p)))
                .unwrap_or_default();
            let (at, hash) = (day(lang, approved_at), short_hash(hash));
            lang.fill(Msg::VerifyEarlierChanged, &[place_of, &at, &hash, &what])
        }
        Finding::ApprovalHash { dir, party } => lang.fill(Msg::VerifyApprovalHash, &[dir, party]),
        Finding::Seal { dir, party } => lang.fill(Msg::VerifySeal, &[dir, party]),
        Finding::ProtocolSeal { dir, item, party } => {
            lang.fill(Msg::VerifyProtocolSeal, &[dir, item, party])
        }
        Finding::Line(p) => crate::i18n::problem(lang, p),
        Finding::Refused(r) => crate::i18n::breach(lang, r),
    }
}

/// "where: what differs (hash now …, approved …)", for the fold and the minutes file.
fn hashes_differ(
    lang: Lang,
    msg: Msg,
    at: &str,
    place: &Option<Place>,
    hash: &str,
    approved: &str,
) -> String {
    let what = match place {
        Some(p) => place_text(lang, p),
        None => lang.t(Msg::VerifyContentDiffers).to_string(),
    };
    lang.fill(msg, &[&at, &what, &short_hash(hash), &short_hash(approved)])
}

fn note(lang: Lang, n: &Note) -> String {
    match n {
        Note::TornTail { file, line } => lang.fill(Msg::VerifyTornTail, &[file, line]),
        Note::Newer { file, line, v } => lang.fill(Msg::VerifyNewerLine, &[file, line, v]),
        Note::Blank { file, line } => lang.fill(Msg::VerifyBlankLine, &[file, line]),
        Note::MinutesStale { file, status } => {
            let status = i18n::meeting_status(lang, *status).to_lowercase();
            lang.fill(Msg::VerifyMinutesStale, &[file, &status])
        }
        Note::MinutesNewer { file, v } => lang.fill(Msg::VerifyMinutesNewer, &[file, v]),
        Note::EarlierIntact { approved_at, hash } => {
            let (at, hash) = (day(lang, approved_at), short_hash(hash));
            lang.fill(Msg::VerifyEarlierIntact, &[&at, &hash])
        }
        Note::NoLogs { dir, file } => lang.fill(Msg::VerifyNoLogs, &[dir, file]),
        Note::Protocol { item, signed, of } => lang.fill(Msg::VerifyProtocol, &[item, signed, of]),
        Note::Copy(p) => i18n::problem(lang, p),
    }
}

/// Where two versions differ, as people say it: "item 2/26 conclusion".
pub(super) fn place_text(lang: Lang, p: &Place) -> String {
    let entry = |e: &Option<Entry>| match e {
        Some(e) => {
            let party = e
                .party
                .as_ref()
                .map(|p| format!(" ({p})"))
                .unwrap_or_default();
            format!("{}{party}", lang.fill(Msg::VerifyListEntry, &[&e.n]))
        }
        None => String::new(),
    };
    match p {
        Place::Meeting { field, entry: e } => {
            let field = field_label(lang, field);
            format!(
                "{}{}",
                lang.fill(Msg::VerifyMeetingField, &[&field]),
                entry(e)
            )
        }
        Place::Item {
            number,
            field,
            entry: e,
        } => {
            let field = field_label(lang, field);
            format!(
                "{}{}",
                lang.fill(Msg::VerifyItemField, &[number, &field]),
                entry(e)
            )
        }
        Place::ItemMissing { number } => lang.fill(Msg::VerifyItemMissing, &[number]),
        Place::ItemAdded { number } => lang.fill(Msg::VerifyItemAdded, &[number]),
        Place::ItemOrder => lang.t(Msg::VerifyItemOrder).to_string(),
    }
}

/// A field of a meeting or an item, as people call it; a field samrad does not know by
/// its key.
fn field_label(lang: Lang, key: &str) -> String {
    use Msg::*;
    let msg = match key {
        "title" => VerifyFieldTitle,
        "starts_at" => VerifyFieldStartsAt,
        "place" => VerifyFieldPlace,
        "chair" => VerifyFieldChair,
        "referent" => VerifyFieldReferent,
        "attendance" => VerifyFieldAttendance,
        "documents" => VerifyFieldDocuments,
        "opened_at" => VerifyFieldOpenedAt,
        "closed_at" => VerifyFieldClosedAt,
        "number" => VerifyFieldNumber,
        "kind" => VerifyFieldKind,
        "rank" => VerifyFieldRank,
        "presenter" => VerifyFieldPresenter,
        "planned_minutes" => VerifyFieldPlannedMinutes,
        "started_at" => VerifyFieldStartedAt,
        "ended_at" => VerifyFieldEndedAt,
        "demanded_on" => VerifyFieldDemandedOn,
        "areas" => VerifyFieldAreas,
        "background" => VerifyFieldBackground,
        "notes" => VerifyFieldNotes,
        "conclusion" => VerifyFieldConclusion,
        "agreement" => VerifyFieldAgreement,
        "dissenters" => VerifyFieldDissenters,
        "confidential" | "exempt" => VerifyFieldConfidential,
        "positions" => VerifyFieldPositions,
        "votes" => VerifyFieldVotes,
        "inputs" => VerifyFieldInputs,
        "statements" => VerifyFieldStatements,
        "speakers" => VerifyFieldSpeakers,
        "party_budget_minutes" => VerifyFieldPartyBudgetMinutes,
        "ends_at" => VerifyFieldEndsAt,
        "authority" => VerifyFieldAuthority,
        "case_number" => VerifyFieldCaseNumber,
        "document_number" => VerifyFieldDocumentNumber,
        "distribution" => VerifyFieldDistribution,
        "next_meeting" => VerifyFieldNextMeeting,
        "agreed_start" => VerifyFieldAgreedStart,
        other => return other.to_string(),
    };
    lang.t(msg).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Forum, Meeting};
    use crate::verify::first_difference;

    #[test]
    fn the_first_difference_is_named_in_reading_order() {
        let forum = Forum::default();
        let mut a = Meeting::new(
            "m".into(),
            "Møte".into(),
            "2026-12-08T10:00:00+01:00".into(),
        );
        for n in 1..=3 {
            a.items.push(crate::model::Item::new(
                format!("i{n}"),
                crate::model::ItemNumber { n, year: 2026 },
                format!("Sak {n}"),
                crate::model::ItemKind::Consultation,
                n as i64,
            ));
        }
        let mut b = a.clone();
        assert_eq!(first_difference(&a, &b, &forum), None);
        b.items[2].notes = "endret".into();
        b.items[1].conclusion = "endret".into();
        let p = first_difference(&a, &b, &forum).expect("a difference");
        assert_eq!(place_text(Lang::En, &p), "item 2/26 conclusion");
        assert_eq!(place_text(Lang::Nb, &p), "sak 2/26 konklusjon");
        let mut c = a.clone();
        c.items.remove(0);
        assert_eq!(
            first_difference(&a, &c, &forum),
            Some(Place::ItemMissing {
                number: "1/26".into()
            })
        );
        let mut d = a.clone();
        d.place = "Akersgata".into();
        assert_eq!(
            place_text(Lang::En, &first_difference(&a, &d, &forum).expect("place")),
            "the meeting's place"
        );
    }
}
