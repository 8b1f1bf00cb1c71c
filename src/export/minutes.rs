use super::{Block, ExportOptions, Section, Signature};
use crate::i18n::{self, Lang, Msg};
use crate::model::{
    Action, Approval, Forum, Item, ItemKind, Meeting, MeetingStatus, Minutes, Presence, Verdict,
    Vote,
};

/// A meeting with a forhandling (HA § 19 / § 23) on its agenda ends in a protokoll that
/// the parties sign; one of information and drøfting only, in a referat they approve.
pub fn is_protocol(meeting: &Meeting) -> bool {
    meeting
        .items
        .iter()
        .any(|i| i.kind == ItemKind::Negotiation)
}

/// Lay out the minutes in reading order: heading, attendance, documents, agenda, each item
/// (background, inputs, notes, positions, votes, conclusion), then the approval round (a
/// referat) or the signatures (a protokoll), the statements for the record, the actions,
/// and changes that were refused. Confidential items are left out unless the options say
/// otherwise, and a line says how many were.
pub fn minutes_blocks(m: &Minutes, opts: &ExportOptions) -> Vec<Block> {
    let lang = opts.lang;
    let t = |msg| lang.t(msg).to_string();
    let f = &m.forum;
    let mt = &m.meeting;
    let items: Vec<&Item> = mt
        .items
        .iter()
        .filter(|i| opts.include_confidential || !i.confidential)
        .collect();
    let left_out = mt.items.len() - items.len();
    let protocol = is_protocol(mt);
    let mut out = Vec::new();

    let kind = if protocol {
        Msg::Protocol
    } else {
        Msg::Minutes
    };
    out.push(Block::Title(format!("{}: {}", t(kind), mt.title)));
    if !f.name.is_empty() {
        out.push(Block::Para(f.name.clone()));
    }
    out.push(Block::Field(
        t(Msg::Date),
        i18n::long_datetime(lang, &mt.starts_at),
    ));
    if !mt.place.is_empty() {
        out.push(Block::Field(t(Msg::Place), mt.place.clone()));
    }
    out.push(Block::Field(
        t(Msg::Status),
        i18n::meeting_status(lang, mt.status).to_string(),
    ));
    if let Some(c) = &mt.chair {
        out.push(Block::Field(t(Msg::Chair), f.person_name(c).to_string()));
    }
    if let Some(r) = &mt.referent {
        out.push(Block::Field(t(Msg::Referent), f.person_name(r).to_string()));
    }

    attendance(&mut out, m, lang);
    // What is above is the page's header; the rest follows it.
    let mut out = vec![Block::Section(Section::Header, out)];

    if !mt.documents.is_empty() {
        out.push(Block::Heading(1, t(Msg::DocumentsSent)));
        out.push(Block::List(
            mt.documents
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
                .collect(),
        ));
    }

    out.push(Block::Heading(1, t(Msg::Agenda)));
    out.push(Block::List(
        items
            .iter()
            .map(|i| {
                format!(
                    "{} {}: {} ({})",
                    t(Msg::Item),
                    i.number,
                    i.title,
                    i18n::item_kind(lang, i.kind)
                )
            })
            .collect(),
    ));

    if left_out > 0 {
        let what = if left_out == 1 {
            Msg::ExportItemLeftOut
        } else {
            Msg::ExportItemsLeftOut
        };
        out.push(Block::Note(format!("{left_out} {}.", t(what))));
    }

    for item in &items {
        let mut section = Vec::new();
        item_blocks(&mut section, m, item, opts);
        out.push(Block::Section(Section::Item, section));
    }

    out.push(approval_section(m, opts, protocol));
    statement_section(&mut out, m, &items, lang);
    action_blocks(&mut out, m, opts);

    let rejected: Vec<_> = m
        .rejected
        .iter()
        .filter(|r| {
            opts.include_confidential
                || r.item
                    .as_deref()
                    .and_then(|i| mt.item(i))
                    .is_none_or(|i| !i.confidential)
        })
        .collect();
    if !rejected.is_empty() {
        out.push(Block::Section(
            Section::Refused,
            vec![
                Block::Heading(1, t(Msg::RefusedChanges)),
                Block::List(
                    rejected
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
                        .collect(),
                ),
            ],
        ));
    }
    out
}

/// A referat: the state of the approval round, and each party's answer. A protokoll: the
/// same state, then a line to sign on for each party whose approval is needed.
fn approval_section(m: &Minutes, opts: &ExportOptions, protocol: bool) -> Block {
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
    let heading = if protocol {
        Msg::ExportSignaturesHeading
    } else if mt.status == MeetingStatus::Approved {
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

    if protocol {
        let mut parties = mt.approving_parties(f);
        for a in answers {
            if !parties.contains(&a.party) {
                parties.push(a.party.clone());
            }
        }
        out.push(Block::Signatures(
            parties
                .iter()
                .map(|p| Signature {
                    label: format!("{} {}", t(Msg::ExportSignFor), f.party_short(p)),
                    date_label: t(Msg::Date),
                    answer: answers
                        .iter()
                        .find(|a| &a.party == p)
                        .map(|a| answer_line(a, lang)),
                })
                .collect(),
        ));
    } else if !answers.is_empty() {
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
        out.push(Block::Heading(2, t(Msg::ExportEarlierVersions)));
        out.push(Block::List(
            mt.earlier_versions
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
                .collect(),
        ));
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

/// A party's answer under its signature line: "Godkjent av X, 10.11.2026 14.05".
fn answer_line(a: &Approval, lang: Lang) -> String {
    let when = i18n::short_datetime(lang, &a.at);
    match a.verdict {
        Verdict::Approve => format!("{} {}, {when}", lang.t(Msg::ExportApprovedBy), a.by),
        Verdict::ChangesRequested => format!("{} ({}, {when})", verdict_words(a, lang), a.by),
    }
}

/// The statements for the record, after the signatures: each with its party and item.
fn statement_section(out: &mut Vec<Block>, m: &Minutes, items: &[&Item], lang: Lang) {
    let f = &m.forum;
    let mut blocks = Vec::new();
    for item in items {
        for s in item.current_statements() {
            blocks.push(Block::Section(
                Section::Statement,
                vec![
                    Block::Heading(
                        2,
                        format!(
                            "{} {} {} {}: {}",
                            lang.t(Msg::ExportStatementBy),
                            f.party_short(&s.party),
                            lang.t(Msg::ExportStatementOnItem),
                            item.number,
                            item.title
                        ),
                    ),
                    Block::Quote(s.text.clone()),
                ],
            ));
        }
    }
    if blocks.is_empty() {
        return;
    }
    blocks.insert(0, Block::Heading(1, lang.t(Msg::Statements).to_string()));
    out.push(Block::Section(Section::Statements, blocks));
}

fn attendance(out: &mut Vec<Block>, m: &Minutes, lang: Lang) {
    let f = &m.forum;
    let names = |p: Presence| -> Vec<String> {
        m.meeting
            .attendance
            .iter()
            .filter(|a| a.presence == p)
            .map(|a| {
                let mut s = person_with_party(f, &a.person);
                if let Some(other) = &a.for_person {
                    s.push_str(&format!(
                        " ({} {})",
                        lang.t(Msg::SubstituteFor),
                        f.person_name(other)
                    ));
                }
                s
            })
            .collect()
    };
    for (p, label) in [
        (Presence::Present, Msg::Present),
        (Presence::Absent, Msg::Absent),
        (Presence::Substitute, Msg::Substitutes),
    ] {
        let list = names(p);
        if !list.is_empty() {
            out.push(Block::Field(lang.t(label).to_string(), list.join(", ")));
        }
    }
}

fn person_with_party(f: &Forum, id: &str) -> String {
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

fn item_blocks(out: &mut Vec<Block>, m: &Minutes, item: &Item, opts: &ExportOptions) {
    let lang = opts.lang;
    let t = |msg| lang.t(msg).to_string();
    let f = &m.forum;
    out.push(Block::Heading(
        1,
        format!("{} {}: {}", t(Msg::Item), item.number, item.title),
    ));
    let mut facts = vec![format!(
        "{}: {}",
        t(Msg::Kind),
        i18n::item_kind(lang, item.kind)
    )];
    if !item.presenter.is_empty() {
        facts.push(format!("{}: {}", t(Msg::Presenter), item.presenter));
    }
    if item.planned_minutes > 0 {
        facts.push(format!(
            "{}: {} {}",
            t(Msg::PlannedMinutes),
            item.planned_minutes,
            t(Msg::Minute)
        ));
    }
    if item.confidential {
        facts.push(t(Msg::Confidential));
    }
    out.push(Block::Para(facts.join(". ") + "."));
    if !item.areas.is_empty() {
        let areas: Vec<String> = item
            .areas
            .iter()
            .map(|a| match f.dev_area(a) {
                Some(d) => format!("{}. {}", d.number, d.title),
                None => a.clone(),
            })
            .collect();
        out.push(Block::Heading(2, t(Msg::DevAreas)));
        out.push(Block::List(areas));
    }
    if !item.background.trim().is_empty() {
        out.push(Block::Heading(2, t(Msg::Background)));
        out.push(Block::Para(item.background.clone()));
    }
    if !item.inputs.is_empty() {
        out.push(Block::Heading(2, t(Msg::Inputs)));
        for i in &item.inputs {
            let source = if i.source.is_empty() {
                String::new()
            } else {
                format!(" ({}: {})", t(Msg::Source), i.source)
            };
            out.push(Block::Para(format!("{}{source}:", f.party_short(&i.party))));
            out.push(Block::Quote(i.text.clone()));
        }
    }
    if !item.notes.trim().is_empty() {
        out.push(Block::Heading(2, t(Msg::Notes)));
        out.push(Block::Para(item.notes.clone()));
    }
    positions(out, f, item, lang);
    if !item.votes.is_empty() {
        out.push(Block::Heading(2, t(Msg::Votes)));
        out.push(Block::List(
            item.votes.iter().map(|v| vote_line(v, lang)).collect(),
        ));
    }
    if !item.conclusion.trim().is_empty() || item.agreement.is_some() {
        out.push(Block::Heading(2, t(Msg::Conclusion)));
        if !item.conclusion.trim().is_empty() {
            out.push(Block::Para(item.conclusion.clone()));
        }
        if let Some(a) = item.agreement {
            let mut s = i18n::agreement(lang, a).to_string();
            if !item.dissenters.is_empty() {
                let who: Vec<&str> = item.dissenters.iter().map(|d| f.party_short(d)).collect();
                s.push_str(&format!(". {}: {}", t(Msg::Disagreeing), who.join(", ")));
            }
            out.push(Block::Para(s + "."));
        }
    }
}

fn positions(out: &mut Vec<Block>, f: &Forum, item: &Item, lang: Lang) {
    let current = item.current_positions();
    let expects_positions = matches!(item.kind, ItemKind::Consultation | ItemKind::Negotiation);
    if current.is_empty() && !expects_positions {
        return;
    }
    let mut lines: Vec<String> = current
        .iter()
        .map(|p| {
            let mut s = format!(
                "{}: {}",
                f.party_short(&p.party),
                i18n::stance(lang, p.stance)
            );
            if !p.reason.trim().is_empty() {
                s.push_str(&format!(". {}", p.reason.trim()));
            }
            s.push_str(&format!(
                " ({} {}, {}",
                lang.t(Msg::RecordedBy),
                p.by,
                i18n::short_datetime(lang, &p.at)
            ));
            if p.on_behalf {
                s.push_str(&format!("; {}", lang.t(Msg::OnBehalf)));
            }
            s.push(')');
            s
        })
        .collect();
    let missing: Vec<&str> = if expects_positions {
        item.parties_without_position(f)
            .iter()
            .map(|p| p.short.as_str())
            .collect()
    } else {
        Vec::new()
    };
    if current.is_empty() && missing.is_empty() {
        return;
    }
    if !missing.is_empty() {
        lines.push(format!(
            "{}: {}",
            lang.t(Msg::NoPositionYet),
            missing.join(", ")
        ));
    }
    out.push(Block::Heading(2, lang.t(Msg::Positions).to_string()));
    out.push(Block::List(lines));
}

/// A vote's result in words and numbers, e.g. "Vedtatt. For 4, Mot 1, Avstår 1; 5 avgitte
/// stemmer (simpelt flertall)".
pub fn vote_line(v: &Vote, lang: Lang) -> String {
    if v.count_conflict() {
        let counts: Vec<String> = v
            .current_counts()
            .iter()
            .map(|e| {
                let n: Vec<String> = e.counts.iter().map(u32::to_string).collect();
                format!("{} ({})", n.join("-"), e.by)
            })
            .collect();
        return format!(
            "{}: {}: {}",
            v.question,
            lang.t(Msg::CountConflict),
            counts.join(" / ")
        );
    }
    let outcome = v.outcome.clone().unwrap_or_else(|| crate::model::tally(v));
    let counts: Vec<String> = v
        .options
        .iter()
        .zip(&outcome.counts)
        .map(|(o, c)| format!("{} {c}", o.label))
        .collect();
    let verdict = if v.open {
        lang.t(Msg::VoteOpen).to_string()
    } else if let Some(w) = outcome.winner {
        format!(
            "{}: {}",
            lang.t(Msg::VoteWinner),
            v.options.get(w).map(|o| o.label.as_str()).unwrap_or("?")
        )
    } else if outcome.tie {
        format!("{} ({})", lang.t(Msg::VoteNotAdopted), lang.t(Msg::VoteTie))
    } else if outcome.adopted {
        lang.t(Msg::VoteAdopted).to_string()
    } else {
        lang.t(Msg::VoteNotAdopted).to_string()
    };
    format!(
        "{}: {verdict}. {}, {} {}; {} {} ({}, {})",
        v.question,
        counts.join(", "),
        lang.t(Msg::VoteBlank),
        outcome.blank,
        outcome.cast,
        lang.t(Msg::VoteCast),
        i18n::vote_rule(lang, v.rule),
        i18n::vote_method(lang, v.method),
    )
}

/// The actions the minutes show: all of them, or only those not from a confidential item.
pub fn visible_actions<'m>(m: &'m Minutes, opts: &ExportOptions) -> Vec<&'m Action> {
    m.actions
        .iter()
        .filter(|a| {
            opts.include_confidential
                || a.item
                    .as_deref()
                    .and_then(|i| m.meeting.item(i))
                    .is_none_or(|i| !i.confidential)
        })
        .collect()
}

fn action_blocks(out: &mut Vec<Block>, m: &Minutes, opts: &ExportOptions) {
    let lang = opts.lang;
    let visible = visible_actions(m, opts);
    if visible.is_empty() {
        return;
    }
    out.push(Block::Section(
        Section::Actions,
        vec![
            Block::Heading(1, lang.t(Msg::Actions).to_string()),
            Block::List(visible.iter().map(|a| action_line(a, m, opts)).collect()),
        ],
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
