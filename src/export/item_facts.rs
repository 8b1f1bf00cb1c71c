//! What there is to say about one agenda item, in words of one language. The minutes and
//! the TUI's detail pane both lay an item out from these facts, each in its own way, so
//! the two cannot say different things about it.

use std::borrow::Cow;

use crate::i18n::{self, Lang, Msg};
use crate::model::{
    Agreement, ConflictLine, DevArea, Forum, Item, ItemKind, Vote, conflict_count, conflict_line,
};

/// An item's facts. Borrowed texts are the item's own, as written.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemFacts<'a> {
    /// "Sak 3/26: Title".
    pub heading: String,
    /// The kind in words, e.g. "Drøfting".
    pub kind: &'static str,
    /// "Presenter: name", when someone presents it.
    pub presenter: Option<String>,
    /// "Planned time: 20 min".
    pub planned: String,
    pub planned_minutes: u32,
    /// "Exempt from public disclosure under offl. § 14", when the item is.
    pub exempt: Option<String>,
    /// The public version of an exempt item (`Item::public`): the heading says the
    /// exemption, and there is nothing else to say.
    pub redacted: bool,
    /// The HA § 20 dates of a drøfting or forhandling, label and value: when it was
    /// demanded, when it must start (two weeks, or a deadline agreed), when it started
    /// and when it should be finished (one week after the start).
    pub deadlines: Vec<(String, String)>,
    pub areas: Vec<AreaRef<'a>>,
    /// Background and notes, when they say anything.
    pub background: Option<Cow<'a, str>>,
    pub notes: Option<Cow<'a, str>>,
    pub inputs: Vec<InputFact<'a>>,
    /// None when no party took a position and the kind of item asks for none.
    pub positions: Option<Positions<'a>>,
    /// Each vote's result line (`vote_line`).
    pub votes: Vec<String>,
    pub conclusion: Option<Conclusion<'a>>,
    /// Videre behandling, when written.
    pub further: Option<Cow<'a, str>>,
    /// After uenighet in a forhandling: the dispute path (HA § 11), for a departement or
    /// another virksomhet.
    pub dispute: Option<&'static str>,
    /// Uenighet in a forhandling and no videre behandling written yet.
    pub further_missing: bool,
    /// The current statement for the record of each party.
    pub statements: Vec<StatementFact<'a>>,
}

/// A development area an item or action is linked to.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaRef<'a> {
    pub id: &'a str,
    /// None for an area the forum does not know (any more).
    pub area: Option<&'a DevArea>,
}

impl AreaRef<'_> {
    /// "3", or the id of an unknown area.
    pub fn number(&self) -> String {
        match self.area {
            Some(d) => d.number.to_string(),
            None => self.id.to_string(),
        }
    }

    /// "3. Title", or the id of an unknown area.
    pub fn numbered_title(&self) -> String {
        match self.area {
            Some(d) => format!("{}. {}", d.number, d.title),
            None => self.id.to_string(),
        }
    }
}

/// The development areas `ids` name, in their order.
pub fn area_refs<'a>(forum: &'a Forum, ids: &'a [String]) -> Vec<AreaRef<'a>> {
    ids.iter()
        .map(|id| AreaRef {
            id,
            area: forum.dev_area(id),
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq)]
pub struct InputFact<'a> {
    /// The party's short name; an observer's (the hovedverneombud) is marked as such.
    pub party: Cow<'a, str>,
    /// Who is quoted or credited, when the input says so.
    pub source: Option<&'a str>,
    pub text: &'a str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Positions<'a> {
    /// Each party's current position, in the order first given.
    pub current: Vec<PositionFact<'a>>,
    /// The union and safety side parties that have not given one yet (short names).
    pub missing: Vec<&'a str>,
    /// The kind of item asks the parties for positions (drøfting, forhandling).
    pub expected: bool,
    /// The confederations (or sides) of the forum's parties, in the forum's order.
    pub groups: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PositionFact<'a> {
    /// The party's short name.
    pub party: &'a str,
    /// The party's confederation, or its side in words; None for a party the forum does
    /// not know.
    pub group: Option<String>,
    pub stance: &'static str,
    /// As written (conflicts in words, `readable`); may be empty.
    pub reason: Cow<'a, str>,
    /// Who recorded it, and when (a short time stamp).
    pub by: &'a str,
    pub at: String,
    /// Recorded by someone outside the party on its behalf.
    pub on_behalf: bool,
    /// How many positions the party gave on the item before this one.
    pub earlier: usize,
}

impl Positions<'_> {
    /// The positions per group, in the order of `groups`; groups without one are left out.
    pub fn by_group(&self) -> Vec<(&str, Vec<&PositionFact<'_>>)> {
        self.groups
            .iter()
            .filter_map(|g| {
                let members: Vec<&PositionFact> = self
                    .current
                    .iter()
                    .filter(|p| p.group.as_deref() == Some(g.as_str()))
                    .collect();
                (!members.is_empty()).then_some((g.as_str(), members))
            })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Conclusion<'a> {
    /// The conclusion as written, when it says anything.
    pub text: Option<Cow<'a, str>>,
    /// "Enighet" or "Uenighet", when the item ended in one.
    pub agreement: Option<&'static str>,
    /// The parties that disagree (short names).
    pub dissenters: Vec<&'a str>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StatementFact<'a> {
    /// The party's short name.
    pub party: &'a str,
    pub text: Cow<'a, str>,
}

/// Text that says something (not empty and not only blanks), readable.
fn written(text: &str, lang: Lang) -> Option<Cow<'_, str>> {
    (!text.trim().is_empty()).then(|| readable(text, lang))
}

/// A text as the minutes print it: its unresolved conflicts and its passages unntatt
/// offentlighet in words. Text with neither is returned as it is.
pub fn readable(text: &str, lang: Lang) -> Cow<'_, str> {
    match conflicts_in_words(text, lang) {
        Cow::Borrowed(t) => passages_in_words(t, lang),
        Cow::Owned(t) => Cow::Owned(passages_in_words(&t, lang).into_owned()),
    }
}

/// Each passage unntatt offentlighet (`model::passages`) in brackets with its hjemmel in
/// words: "[Unntatt offentlighet, jf. offl. § 14: …]", or without the text where the
/// public version held it back.
fn passages_in_words(text: &str, lang: Lang) -> Cow<'_, str> {
    let found = crate::model::passages(text);
    if found.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 64);
    let mut last = 0;
    for p in found {
        out.push_str(&text[last..p.range.start]);
        let exemption = crate::model::Exemption {
            hjemmel: p.hjemmel.to_string(),
            ..crate::model::Exemption::unknown()
        };
        let words = i18n::exemption(lang, &exemption);
        let content = p.content.trim();
        if content.is_empty() {
            out.push_str(&format!("[{words}]"));
        } else {
            out.push_str(&format!("[{words}: {content}]"));
        }
        last = p.range.end;
    }
    out.push_str(&text[last..]);
    Cow::Owned(out)
}

/// A text with its unresolved conflicts (`model::merge_text`) in words: where a conflict
/// starts, whose version follows the first, and where it ends.
fn conflicts_in_words(text: &str, lang: Lang) -> Cow<'_, str> {
    if conflict_count(text) == 0 {
        return Cow::Borrowed(text);
    }
    let lines: Vec<ConflictLine> = text.lines().map(conflict_line).collect();
    // Each separator's label is its conflict's end label: match them up, nesting and all.
    let mut labels: Vec<Option<&str>> = vec![None; lines.len()];
    let mut open: Vec<Option<usize>> = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        match line {
            ConflictLine::Start => open.push(None),
            ConflictLine::Separator => {
                if let Some(top) = open.last_mut() {
                    *top = Some(n);
                }
            }
            ConflictLine::End(label) => {
                if let Some(Some(sep)) = open.pop() {
                    labels[sep] = Some(label);
                }
            }
            ConflictLine::Text(_) => {}
        }
    }
    let mut out = String::with_capacity(text.len() + 128);
    for (n, line) in lines.iter().enumerate() {
        let words = match line {
            ConflictLine::Text(t) => t.to_string(),
            ConflictLine::Start => format!("⚠ {}", lang.t(Msg::ConflictStart)),
            ConflictLine::Separator => match labels[n] {
                Some(label) if !label.is_empty() => {
                    format!("── {} {}:", label, lang.t(Msg::ConflictWrote))
                }
                _ => format!("── {}:", lang.t(Msg::ConflictOther)),
            },
            ConflictLine::End(_) => format!("── {}", lang.t(Msg::ConflictEnd)),
        };
        if n > 0 {
            out.push('\n');
        }
        out.push_str(&words);
    }
    Cow::Owned(out)
}

/// A party's confederation, or its side in words.
fn group_of(lang: Lang, party: &crate::model::Party) -> String {
    party
        .confederation
        .clone()
        .unwrap_or_else(|| i18n::side(lang, party.side).to_string())
}

impl<'a> ItemFacts<'a> {
    pub fn of(forum: &'a Forum, item: &'a Item, lang: Lang) -> ItemFacts<'a> {
        let t = |m| lang.t(m);
        let exemption = item.exemption();
        let title = match &exemption {
            Some(e) if item.redacted => i18n::exempt_title(lang, e),
            _ => item.title.clone(),
        };
        ItemFacts {
            heading: format!("{} {}: {}", t(Msg::Item), item.number, title),
            kind: i18n::item_kind(lang, item.kind),
            presenter: (!item.presenter.is_empty())
                .then(|| format!("{}: {}", t(Msg::Presenter), item.presenter)),
            planned: format!(
                "{}: {} {}",
                t(Msg::PlannedMinutes),
                item.planned_minutes,
                t(Msg::Minute)
            ),
            planned_minutes: item.planned_minutes,
            exempt: exemption.as_ref().map(|e| i18n::exemption(lang, e)),
            redacted: item.redacted,
            deadlines: deadlines(item, lang),
            areas: area_refs(forum, &item.areas),
            background: written(&item.background, lang),
            notes: written(&item.notes, lang),
            inputs: item
                .inputs
                .iter()
                .map(|i| InputFact {
                    party: if forum.observes_only(&i.party) {
                        Cow::Owned(format!(
                            "{} ({})",
                            forum.party_short(&i.party),
                            lang.t(Msg::ObserverMark)
                        ))
                    } else {
                        Cow::Borrowed(forum.party_short(&i.party))
                    },
                    source: (!i.source.is_empty()).then_some(i.source.as_str()),
                    text: &i.text,
                })
                .collect(),
            positions: (!item.redacted)
                .then(|| positions(forum, item, lang))
                .flatten(),
            votes: item
                .votes
                .iter()
                .map(|v| vote_line(v, item.kind.votes_decide(), lang))
                .collect(),
            conclusion: (!item.conclusion.trim().is_empty() || item.agreement.is_some()).then(
                || Conclusion {
                    text: written(&item.conclusion, lang),
                    agreement: item.agreement.map(|a| i18n::agreement(lang, a)),
                    dissenters: item
                        .dissenters
                        .iter()
                        .map(|d| forum.party_short(d))
                        .collect(),
                },
            ),
            further: written(&item.further, lang),
            dispute: (item.kind == ItemKind::Negotiation
                && item.agreement == Some(Agreement::Disagreement))
            .then(|| {
                lang.t(if forum.departement {
                    Msg::DisputePathDepartement
                } else {
                    Msg::DisputePath
                })
            }),
            further_missing: item.kind == ItemKind::Negotiation
                && item.agreement == Some(Agreement::Disagreement)
                && item.further.trim().is_empty(),
            statements: item
                .current_statements()
                .into_iter()
                .map(|s| StatementFact {
                    party: forum.party_short(&s.party),
                    text: readable(&s.text, lang),
                })
                .collect(),
        }
    }
}

/// The § 20 dates of an item, label and value, in the order they fall.
fn deadlines(item: &Item, lang: Lang) -> Vec<(String, String)> {
    let t = |m| lang.t(m).to_string();
    let Some(h) = item.ha20() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(d) = h.demanded {
        out.push((t(Msg::FieldDemandedOn), i18n::short_date(lang, d)));
    }
    if let Some(s) = h.start {
        let why = if s.agreed {
            Msg::Ha20Agreed
        } else {
            Msg::Ha20TwoWeeks
        };
        out.push((
            t(Msg::Ha20StartBy),
            format!("{} ({})", i18n::short_date(lang, s.start_by), t(why)),
        ));
    }
    if let Some(d) = h.started {
        let mut v = i18n::short_date(lang, d);
        if h.start.is_some_and(|s| s.start_is_late(d)) {
            v.push_str(&format!(" ({})", t(Msg::Ha20StartLate)));
        }
        out.push((t(Msg::Ha20Started), v));
    }
    if let Some(d) = h.end_by {
        out.push((
            t(Msg::Ha20EndBy),
            format!("{} ({})", i18n::short_date(lang, d), t(Msg::Ha20OneWeek)),
        ));
    }
    out
}

fn positions<'a>(forum: &'a Forum, item: &'a Item, lang: Lang) -> Option<Positions<'a>> {
    let current = item.current_positions();
    let expected = matches!(item.kind, ItemKind::Consultation | ItemKind::Negotiation);
    if current.is_empty() && !expected {
        return None;
    }
    let mut groups: Vec<String> = Vec::new();
    for party in &forum.parties {
        let group = group_of(lang, party);
        if !groups.contains(&group) {
            groups.push(group);
        }
    }
    Some(Positions {
        current: current
            .into_iter()
            .map(|p| PositionFact {
                party: forum.party_short(&p.party),
                group: forum.party(&p.party).map(|x| group_of(lang, x)),
                stance: i18n::stance(lang, p.stance),
                reason: readable(&p.reason, lang),
                by: &p.by,
                at: i18n::short_datetime(lang, &p.at),
                on_behalf: p.on_behalf,
                earlier: item.positions.iter().filter(|q| q.party == p.party).count() - 1,
            })
            .collect(),
        missing: item
            .parties_without_position(forum)
            .iter()
            .map(|p| p.short.as_str())
            .collect(),
        expected,
        groups,
    })
}

/// A vote's result in words and numbers, e.g. "Vedtatt. For 4, Mot 1, Avstår 1; 5 avgitte
/// stemmer (simpelt flertall)". Where votes do not decide (a forhandling, `decides` false),
/// the line gives the count and says it records views, with no "adopted" or "rejected".
pub fn vote_line(v: &Vote, decides: bool, lang: Lang) -> String {
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
    } else if !decides {
        lang.t(Msg::VoteViewOnly).to_string()
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
    // A rule (simpelt flertall, …) decides; a count of views has none.
    let rule = if decides {
        format!("{}, ", i18n::vote_rule(lang, v.rule))
    } else {
        String::new()
    };
    // Abstentions and blank votes are not cast: say of how many, so the numbers add up.
    let total = outcome.counts.iter().sum::<u32>() + outcome.blank;
    let cast_msg = if outcome.cast == 1 {
        Msg::VoteCastOneOf
    } else {
        Msg::VoteCastOf
    };
    format!(
        "{}: {verdict}. {}, {} {}; {} ({rule}{})",
        v.question,
        counts.join(", "),
        lang.t(Msg::VoteBlank),
        outcome.blank,
        lang.fill(cast_msg, &[&outcome.cast, &total]),
        i18n::vote_method(lang, v.method),
    )
}
