//! The minutes laid out as blocks, in reading order.

use super::item_facts::{AreaRef, ItemFacts, Positions};
use super::public::{shown, visible_actions};
use super::{Block, ExportOptions, Section};
use crate::i18n::{self, Lang, Msg};
use crate::model::{
    Action, Approval, Forum, Item, ItemKind, MeetingStatus, Minutes, Presence, Verdict,
};

/// Lay out the minutes in reading order: heading, attendance, documents, agenda, each item
/// (background, inputs, notes, positions, votes, conclusion), then the approval round
/// (HA § 21), the statements for the record, the actions, and changes that were refused.
/// Unless the options say otherwise, these are the public minutes (`public_minutes`): an
/// exempt item keeps its number and says its hjemmel, and a line says how many items are
/// exempt.
pub fn minutes_blocks(m: &Minutes, opts: &ExportOptions) -> Vec<Block> {
    let shown = shown(m, opts);
    let m = shown.as_ref();
    let lang = opts.lang;
    let t = |msg| lang.t(msg).to_string();
    let f = &m.forum;
    let mt = &m.meeting;
    let items: Vec<&Item> = mt.items.iter().collect();
    let left_out = items.iter().filter(|i| i.redacted).count();
    let facts: Vec<(&Item, ItemFacts)> = items
        .iter()
        .map(|i| (*i, ItemFacts::of(f, i, lang)))
        .collect();
    // This is the referat; each forhandling has a protokoll of its own (`protocol_blocks`).
    let mut out = Vec::new();
    out.push(Block::Title(format!("{}: {}", t(Msg::Minutes), mt.title)));
    if !f.name.is_empty() {
        out.push(Block::Para(f.name.clone()));
    }
    out.push(Block::Field(
        t(Msg::Date),
        i18n::long_span(lang, &mt.starts_at, mt.ends_at.as_deref()),
    ));
    if !mt.place.is_empty() {
        out.push(Block::Field(t(Msg::Place), mt.place.clone()));
    }
    for (label, value) in [
        (Msg::MeetingAuthority, &mt.authority),
        (Msg::CaseNumber, &mt.case_number),
        (Msg::DocumentNumber, &mt.document_number),
    ] {
        if !value.trim().is_empty() {
            out.push(Block::Field(t(label), value.trim().to_string()));
        }
    }
    let status = if opts.doubts.is_empty() {
        i18n::meeting_status(lang, mt.status).to_string()
    } else {
        lang.fill(Msg::FailsChecks, &[&opts.doubts.len()])
    };
    out.push(Block::Field(t(Msg::Status), status));
    if !opts.doubts.is_empty() {
        out.push(Block::Note(t(Msg::DoubtsNote)));
        out.push(Block::List(opts.doubts.clone()));
    }
    if let Some(c) = &mt.chair {
        out.push(Block::Field(t(Msg::Chair), f.person_name(c).to_string()));
    }
    if let Some(r) = &mt.referent {
        out.push(Block::Field(t(Msg::Referent), f.person_name(r).to_string()));
    }

    attendance(&mut out, m, lang);
    if !mt.distribution.is_empty() {
        out.push(Block::Field(
            t(Msg::Distribution),
            mt.distribution.join(", "),
        ));
    }
    if let Some(next) = &mt.next_meeting {
        out.push(Block::Field(
            t(Msg::NextMeeting),
            i18n::long_datetime(lang, next),
        ));
    }
    // What is above is the page's header; the rest follows it.
    let mut out = vec![Block::Section(Section::Header, out)];

    if !mt.documents.is_empty() {
        let documents = mt
            .documents
            .iter()
            .map(|d| {
                let mut s = d.title.clone();
                if let Some(day) = d.sent_on {
                    s.push_str(&format!(" ({})", i18n::short_date(lang, day)));
                }
                if !d.reference.is_empty() {
                    s.push_str(&format!(", {}", d.reference));
                }
                s
            })
            .collect();
        out.extend(titled_list(1, t(Msg::DocumentsSent), documents));
        let days = f.document_days();
        let late: Vec<String> = mt
            .late_documents(days)
            .iter()
            .map(|d| d.title.clone())
            .collect();
        if !late.is_empty() {
            out.push(Block::Note(
                lang.fill(Msg::LateDocumentsNote, &[&days, &late.join(", ")]),
            ));
        }
    }

    let agenda = facts
        .iter()
        .map(|(_, item)| format!("{} ({})", item.heading, item.kind))
        .collect();
    out.extend(titled_list(1, t(Msg::Agenda), agenda));

    if left_out > 0 {
        let what = if left_out == 1 {
            Msg::ExportItemLeftOut
        } else {
            Msg::ExportItemsLeftOut
        };
        out.push(Block::Note(format!("{left_out} {}.", t(what))));
    }

    for (item, item_facts) in &facts {
        let blocks = if item.kind == ItemKind::Negotiation {
            negotiation_reference(m, item, item_facts, lang)
        } else {
            item_blocks(item_facts, lang)
        };
        out.push(Block::Section(Section::Item, blocks));
    }

    out.push(approval_section(m, opts));
    let referat_facts: Vec<(&Item, ItemFacts)> = facts
        .into_iter()
        .filter(|(i, _)| i.kind != ItemKind::Negotiation)
        .collect();
    statement_section(&mut out, &referat_facts, lang);
    action_blocks(&mut out, m, opts);

    let rejected: Vec<_> = m.rejected.iter().collect();
    if !rejected.is_empty() {
        let lines = rejected
            .iter()
            .map(|r| {
                let item = r
                    .item
                    .as_deref()
                    .and_then(|i| mt.item(i))
                    .map(|i| format!("{} {}: ", t(Msg::Item), i.number))
                    .unwrap_or_default();
                format!(
                    "{item}{} {}, {}: {}",
                    t(Msg::RecordedBy),
                    r.by,
                    i18n::short_datetime(lang, &r.at),
                    i18n::reject_reason(lang, &r.reason)
                )
            })
            .collect();
        out.push(Block::Section(
            Section::Refused,
            titled_list(1, t(Msg::RefusedChanges), lines).into(),
        ));
    }
    out
}

/// A forhandling in the referat: its heading and kind, and where its protokoll stands (the
/// protokoll itself is its own document).
fn negotiation_reference(m: &Minutes, item: &Item, facts: &ItemFacts, lang: Lang) -> Vec<Block> {
    let mut out = item_blocks(facts, lang);
    out.truncate(2);
    let state = m
        .meeting
        .protocol_key_of(&item.id)
        .and_then(|key| m.meeting.protocol_status(key, &m.forum))
        .map(|st| protocol_state_words(&st, &m.forum, lang));
    let mut line = lang.t(Msg::ProtocolInOwnDocument).to_string();
    if let Some(state) = state {
        line.push_str(&format!(": {state}"));
    }
    out.push(Block::Para(line + "."));
    out
}

/// "signert av alle partene", or "signert av NTL; ikke signert av KMD, Unio".
pub(super) fn protocol_state_words(
    st: &crate::model::ProtocolStatus,
    f: &Forum,
    lang: Lang,
) -> String {
    let names = |ids: &[String]| -> String {
        ids.iter()
            .map(|p| f.party_short(p).to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let missing = st.missing();
    if missing.is_empty() {
        return lang.t(Msg::ProtocolSignedByAll).to_string();
    }
    let mut parts = Vec::new();
    if !st.signed.is_empty() {
        parts.push(format!(
            "{} {}",
            lang.t(Msg::ProtocolSigned).to_lowercase(),
            names(&st.signed)
        ));
    }
    parts.push(format!(
        "{} {}",
        lang.t(Msg::ProtocolMissing).to_lowercase(),
        names(&missing)
    ));
    parts.join("; ")
}

/// The referat's approval round (HA § 21): its state, and each party's answer.
fn approval_section(m: &Minutes, opts: &ExportOptions) -> Block {
    let lang = opts.lang;
    let t = |msg| lang.t(msg).to_string();
    let f = &m.forum;
    let mt = &m.meeting;
    let in_round = matches!(
        mt.status,
        MeetingStatus::Circulated | MeetingStatus::Approved
    );
    // Answers from a withdrawn round (the minutes went back to closed) no longer count.
    let answers: &[Approval] = if in_round { &mt.approvals } else { &[] };
    let heading = if mt.status == MeetingStatus::Approved {
        Msg::ExportApprovedByParties
    } else {
        Msg::ExportApprovalHeading
    };
    let mut out = vec![Block::Heading(1, t(heading))];

    match mt.status {
        MeetingStatus::Circulated => {
            if let Some(at) = &mt.circulated_at {
                out.push(Block::Field(
                    t(Msg::ExportCirculatedAt),
                    i18n::short_datetime(lang, at),
                ));
            }
            if let Some(d) = mt.approval_deadline {
                let mut s = i18n::short_date(lang, d);
                if mt.approval_overdue(opts.today) {
                    s.push_str(&format!(" ({})", t(Msg::ExportDeadlinePassed)));
                }
                out.push(Block::Field(t(Msg::ExportApprovalDeadline), s));
            }
            let waiting_for = mt.waiting_for(f);
            let waiting: Vec<&str> = waiting_for.iter().map(|p| f.party_short(p)).collect();
            if !waiting.is_empty() {
                out.push(Block::Field(
                    t(Msg::ExportAwaitingApproval),
                    waiting.join(", "),
                ));
            }
        }
        MeetingStatus::Approved => {
            if let Some(at) = &mt.approved_at {
                out.push(Block::Field(
                    t(Msg::ExportApprovedAt),
                    i18n::short_datetime(lang, at),
                ));
            }
        }
        MeetingStatus::Planned | MeetingStatus::Open | MeetingStatus::Closed => {
            out.push(Block::Para(t(Msg::ExportNotCirculated)));
        }
    }

    if !answers.is_empty() {
        let all_approve = answers.iter().all(|a| a.verdict == Verdict::Approve);
        let header = if all_approve {
            vec![
                t(Msg::ExportApprovalParty),
                t(Msg::ExportApprovedBy),
                t(Msg::ExportAnswerTime),
            ]
        } else {
            vec![
                t(Msg::ExportApprovalParty),
                t(Msg::ExportApprovalAnswer),
                t(Msg::ExportAnswerGivenBy),
                t(Msg::ExportAnswerTime),
            ]
        };
        let rows = answers
            .iter()
            .map(|a| {
                let mut row = vec![f.party_short(&a.party).to_string()];
                if !all_approve {
                    row.push(verdict_words(a, lang));
                }
                row.push(a.by.clone());
                row.push(i18n::short_datetime(lang, &a.at));
                row
            })
            .collect();
        out.push(Block::Table { header, rows });
    }

    // What the parties approved: `samrad verify` recomputes it.
    if in_round && let Some(hash) = &mt.content_hash {
        out.push(Block::Field(t(Msg::ExportContentHash), hash.clone()));
    }

    if !mt.earlier_versions.is_empty() {
        let versions = mt
            .earlier_versions
            .iter()
            .map(|v| {
                format!(
                    "{} {}, {}: {}",
                    t(Msg::ExportApprovedAt),
                    i18n::short_datetime(lang, &v.approved_at),
                    t(Msg::ExportContentHash),
                    v.hash
                )
            })
            .collect();
        out.extend(titled_list(2, t(Msg::ExportEarlierVersions), versions));
    }
    Block::Section(Section::Approval, out)
}

/// "Godkjent" or "Ber om endringer: <what>".
fn verdict_words(a: &Approval, lang: Lang) -> String {
    match a.verdict {
        Verdict::Approve => lang.t(Msg::ExportVerdictApprove).to_string(),
        Verdict::ChangesRequested if a.comment.trim().is_empty() => {
            lang.t(Msg::ExportVerdictChanges).to_string()
        }
        Verdict::ChangesRequested => format!(
            "{}: {}",
            lang.t(Msg::ExportVerdictChanges),
            a.comment.trim()
        ),
    }
}

/// The statements for the record, after the signatures: each with its party and item.
pub(super) fn statement_section(out: &mut Vec<Block>, facts: &[(&Item, ItemFacts)], lang: Lang) {
    let mut blocks = Vec::new();
    for (item, item_facts) in facts {
        for s in &item_facts.statements {
            let heading = format!(
                "{} {} {} {}: {}",
                lang.t(Msg::ExportStatementBy),
                s.party,
                lang.t(Msg::ExportStatementOnItem),
                item.number,
                item.title
            );
            blocks.push(Block::Section(
                Section::Statement,
                vec![Block::Heading(2, heading), Block::Quote(s.text.to_string())],
            ));
        }
    }
    if blocks.is_empty() {
        return;
    }
    blocks.insert(0, Block::Heading(1, lang.t(Msg::Statements).to_string()));
    out.push(Block::Section(Section::Statements, blocks));
}

/// Who came, grouped by side: the employer, each hovedsammenslutning with its unions,
/// observers; substitutes by name with whom they stand in for; then who sent apologies.
pub(super) fn attendance(out: &mut Vec<Block>, m: &Minutes, lang: Lang) {
    let f = &m.forum;
    let came = m
        .meeting
        .attendance
        .iter()
        .filter(|a| a.presence != Presence::Absent);
    for (group, list) in f.by_seat_group(came, |a| a.person.as_str()) {
        let names: Vec<String> = list.iter().map(|a| attendee(f, a, lang)).collect();
        out.push(Block::Field(
            format!(
                "{} – {}",
                lang.t(Msg::Present),
                i18n::seat_group(lang, &group)
            ),
            names.join(", "),
        ));
    }
    let absent: Vec<String> = m
        .meeting
        .attendance
        .iter()
        .filter(|a| a.presence == Presence::Absent)
        .map(|a| person_with_party(f, &a.person))
        .collect();
    if !absent.is_empty() {
        out.push(Block::Field(
            lang.t(Msg::Absent).to_string(),
            absent.join(", "),
        ));
    }
}

/// One who came: "Name (PARTY)"; a substitute named as such, with whom they stand in for.
pub fn attendee(f: &Forum, a: &crate::model::Attendance, lang: Lang) -> String {
    if a.presence == Presence::Substitute && !a.substitute.trim().is_empty() {
        let member = person_with_party(f, &a.person);
        return format!(
            "{} ({})",
            a.substitute.trim(),
            lang.fill(Msg::SubstituteTitle, &[&member])
        );
    }
    let mut s = person_with_party(f, &a.person);
    if let Some(other) = &a.for_person {
        s.push_str(&format!(
            " ({})",
            lang.fill(Msg::SubstituteTitle, &[&f.person_name(other)])
        ));
    }
    s
}

pub fn person_with_party(f: &Forum, id: &str) -> String {
    match f.person(id) {
        Some(p) => match p.party.as_deref() {
            Some(party) if !p.name.contains(f.party_short(party)) => {
                format!("{} ({})", p.name, f.party_short(party))
            }
            _ => p.name.clone(),
        },
        None => id.to_string(),
    }
}

/// One item: its facts line, then what was written and recorded on it.
pub(super) fn item_blocks(facts: &ItemFacts, lang: Lang) -> Vec<Block> {
    let t = |msg| lang.t(msg).to_string();
    let mut out = vec![Block::Heading(1, facts.heading.clone())];
    let mut line = vec![format!("{}: {}", t(Msg::Kind), facts.kind)];
    line.extend(facts.presenter.clone());
    if facts.planned_minutes > 0 {
        line.push(facts.planned.clone());
    }
    if let Some(e) = facts.exempt.as_ref().filter(|_| !facts.redacted) {
        line.push(e.clone());
    }
    out.push(Block::Para(line.join(". ") + "."));
    for (label, value) in &facts.deadlines {
        out.push(Block::Field(label.clone(), value.clone()));
    }
    if !facts.areas.is_empty() {
        let areas = facts.areas.iter().map(AreaRef::numbered_title).collect();
        out.extend(titled_list(2, t(Msg::DevAreas), areas));
    }
    titled_text(&mut out, t(Msg::Background), facts.background.as_deref());
    if !facts.inputs.is_empty() {
        out.push(Block::Heading(2, t(Msg::Inputs)));
        for i in &facts.inputs {
            let source = i
                .source
                .map(|s| format!(" ({}: {s})", t(Msg::Source)))
                .unwrap_or_default();
            out.push(Block::Para(format!("{}{source}:", i.party)));
            out.push(Block::Quote(i.text.to_string()));
        }
    }
    titled_text(&mut out, t(Msg::Notes), facts.notes.as_deref());
    if let Some(p) = &facts.positions {
        positions(&mut out, p, lang);
    }
    if !facts.votes.is_empty() {
        out.extend(titled_list(2, t(Msg::Votes), facts.votes.clone()));
    }
    if let Some(c) = &facts.conclusion {
        out.push(Block::Heading(2, t(Msg::Conclusion)));
        out.extend(c.text.as_deref().map(|text| Block::Para(text.to_string())));
        if let Some(a) = c.agreement {
            let mut s = a.to_string();
            if !c.dissenters.is_empty() {
                s.push_str(&format!(
                    ". {}: {}",
                    t(Msg::Disagreeing),
                    c.dissenters.join(", ")
                ));
            }
            out.push(Block::Para(s + "."));
        }
    }
    titled_text(&mut out, t(Msg::Further), facts.further.as_deref());
    if let Some(d) = facts.dispute {
        out.push(Block::Para(format!("{d}.")));
    }
    out
}

/// The current positions, briefly ("NTL: Uenig. Reason"); on a drøfting or forhandling also the
/// parties that have given none.
fn positions(out: &mut Vec<Block>, p: &Positions, lang: Lang) {
    let missing: &[&str] = if p.expected { &p.missing } else { &[] };
    if p.current.is_empty() && missing.is_empty() {
        return;
    }
    let mut lines: Vec<String> = p
        .current
        .iter()
        .map(|p| {
            let mut s = format!("{}: {}", p.party, p.stance);
            if !p.reason.trim().is_empty() {
                s.push_str(&format!(". {}", p.reason.trim()));
            }
            // Kortfattet (HA § 21): who recorded it and when is in the history; only a
            // position the chair gave on the party's behalf says so.
            if p.on_behalf {
                s.push_str(&format!(" ({})", lang.t(Msg::OnBehalf)));
            }
            s
        })
        .collect();
    if !missing.is_empty() {
        lines.push(format!(
            "{}: {}",
            lang.t(Msg::NoPositionYet),
            missing.join(", ")
        ));
    }
    out.extend(titled_list(2, lang.t(Msg::Positions).to_string(), lines));
}

/// A heading and the text under it, when there is text.
fn titled_text(out: &mut Vec<Block>, title: String, text: Option<&str>) {
    if let Some(text) = text {
        out.push(Block::Heading(2, title));
        out.push(Block::Para(text.to_string()));
    }
}

/// A heading and a list under it.
fn titled_list(level: u8, title: String, lines: Vec<String>) -> [Block; 2] {
    [Block::Heading(level, title), Block::List(lines)]
}

fn action_blocks(out: &mut Vec<Block>, m: &Minutes, opts: &ExportOptions) {
    let lang = opts.lang;
    let visible = visible_actions(m, opts);
    if visible.is_empty() {
        return;
    }
    let lines = visible.iter().map(|a| action_line(a, m, opts)).collect();
    out.push(Block::Section(
        Section::Actions,
        titled_list(1, lang.t(Msg::Actions).to_string(), lines).into(),
    ));
}

pub fn action_line(a: &Action, m: &Minutes, opts: &ExportOptions) -> String {
    let lang = opts.lang;
    let f = &m.forum;
    let mut s = format!(
        "[{}] {}",
        i18n::action_status(lang, a.status),
        a.title.trim_end().trim_end_matches('.')
    );
    let owner = i18n::owner(lang, f, &a.owner);
    s.push_str(&format!(". {}: {owner}", lang.t(Msg::Owner)));
    if let Some(d) = a.due {
        s.push_str(&format!(
            ". {}: {}",
            lang.t(Msg::Due),
            i18n::short_date(lang, d)
        ));
        if a.is_overdue(opts.today) {
            s.push_str(&format!(" ({})", lang.t(Msg::Overdue)));
        }
    }
    // Where it came from, as a sentence of its own: "Fra sak 3/26, foreslått av NTL."
    let mut origin = Vec::new();
    if let Some(item) = a.item.as_deref().and_then(|i| m.meeting.item(i)) {
        origin.push(format!("{} {}", lang.t(Msg::FromItem), item.number));
    } else if a.meeting.as_deref().is_some_and(|id| id != m.meeting.id) {
        origin.push(lang.t(Msg::CarriedOver).to_string());
    }
    if let Some(p) = &a.proposed_by {
        origin.push(format!("{} {}", lang.t(Msg::ProposedBy), f.party_short(p)));
    }
    if !origin.is_empty() {
        s.push_str(". ");
        s.push_str(&capitalised(&origin.join(", ")));
    }
    s.push('.');
    s
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
