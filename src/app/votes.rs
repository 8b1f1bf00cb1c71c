//! Votes: the chair opens one on an item (`V`), parties or people cast their ballots
//! (`v`), and the chair closes it (`:closevote`) or enters a count (`:count 5 2 1 0`).

use super::action::Effect;
use super::form::{Field, Form, FormKind, labels};
use super::state::App;
use crate::i18n::{self, Msg};
use crate::model::{Change, Id, VoteMethod, VoteOption, VoteRule};

/// `V`: the question (left empty: the item's title), the method and the rule. The field
/// starts empty, so that what the chair types is the question, not an addition to the title.
pub struct VoteForm;

impl VoteForm {
    pub fn open(app: &mut App) {
        let Some((_, item)) = app.editable_item() else {
            return;
        };
        let methods = labels(&VoteMethod::ALL, |m| i18n::vote_method(app.lang, m));
        let rules = labels(&VoteRule::ALL, |r| i18n::vote_rule(app.lang, r));
        let fields = vec![
            Field::text(Msg::FieldQuestion, ""),
            Field::choice(Msg::FieldMethod, methods, 0),
            Field::choice(Msg::FieldRule, rules, 0),
        ];
        let title = app.about_item(Msg::NewVote, &item);
        app.open_titled_form(FormKind::OpenVote(item.id.clone()), title, fields);
    }

    pub fn submit(app: &mut App, item: &Id, f: &Form) -> Result<Vec<Change>, String> {
        let meeting = app.meeting_for_form()?;
        let typed = f.text(Msg::FieldQuestion);
        let question = if typed.is_empty() {
            let title = app
                .doc
                .meeting(&meeting)
                .and_then(|m| m.item(item))
                .map(|i| i.title.clone())
                .unwrap_or_default();
            app.required(title, Msg::QuestionRequired)?
        } else {
            typed
        };
        let method = VoteMethod::ALL[f.choice(Msg::FieldMethod).min(VoteMethod::ALL.len() - 1)];
        let rule = VoteRule::ALL[f.choice(Msg::FieldRule).min(VoteRule::ALL.len() - 1)];
        let record = app.forum_lang();
        let options = VoteOption::defaults([
            record.t(Msg::VoteFor),
            record.t(Msg::VoteAgainst),
            record.t(Msg::VoteAbstain),
        ]);
        Ok(vec![Change::VoteOpen {
            meeting,
            item: item.clone(),
            vote: app.ids.new_id("v"),
            question,
            options,
            method,
            rule,
        }])
    }
}

/// `v`: a ballot in the selected item's open vote, for our party or ourselves (as the
/// vote's method says).
pub struct BallotForm;

impl BallotForm {
    pub fn open(app: &mut App) {
        let Some((_, item)) = app.editable_item() else {
            return;
        };
        let Some(vote) = item.votes.iter().rev().find(|v| v.open) else {
            app.warn(app.t(Msg::NoOpenVote));
            return;
        };
        let mut options: Vec<String> = vote.options.iter().map(|o| o.label.clone()).collect();
        options.push(app.t(Msg::VoteBlank).to_string());
        let fields = vec![Field::choice(Msg::FieldBallot, options, 0)];
        let title = format!("{}: {}", app.t(Msg::Vote), vote.question);
        let kind = FormKind::CastVote {
            item: item.id.clone(),
            vote: vote.id.clone(),
        };
        app.open_titled_form(kind, title, fields);
    }

    pub fn submit(app: &mut App, item: &Id, vote: &Id, f: &Form) -> Result<Vec<Change>, String> {
        let meeting = app.meeting_for_form()?;
        let v = app
            .items()
            .iter()
            .find(|i| &i.id == item)
            .and_then(|i| i.votes.iter().find(|x| &x.id == vote))
            .cloned()
            .ok_or_else(|| app.t(Msg::NoOpenVote).to_string())?;
        let voter = match v.method {
            VoteMethod::PerPerson => app.author.person.clone(),
            _ => app.author.party.clone(),
        }
        .ok_or_else(|| app.t(Msg::NoPartyForStatement).to_string())?;
        let choice = f.choice(Msg::FieldBallot);
        // The last choice is a blank vote.
        let option = (choice < v.options.len()).then_some(choice);
        Ok(vec![Change::VoteCast {
            meeting,
            item: item.clone(),
            vote: vote.clone(),
            voter,
            option,
        }])
    }
}

/// Close the selected item's open vote, or enter the chair's counts: `:closevote`,
/// `:count 5 2 1 0` (one number per option, then blank votes).
pub fn close_or_count(app: &mut App, counts: Option<&str>, fx: &mut Vec<Effect>) {
    let Some((meeting, item)) = app.editable_item() else {
        return;
    };
    let Some(vote) = item.votes.iter().rev().find(|v| v.open).cloned() else {
        app.warn(app.t(Msg::NoOpenVote));
        return;
    };
    let Some(text) = counts else {
        let change = Change::VoteClose {
            meeting,
            item: item.id,
            vote: vote.id,
        };
        app.commit(fx, change);
        return;
    };
    // Counts would replace the ballots the parties cast themselves.
    if vote.method != VoteMethod::Count && !vote.ballots.is_empty() {
        let f = &app.doc.forum;
        let who: Vec<&str> = vote
            .voters()
            .into_iter()
            .map(|v| match vote.method {
                VoteMethod::PerParty => f.party_short(v),
                _ => f.person(v).map(|p| p.name.as_str()).unwrap_or(v.as_str()),
            })
            .collect();
        let msg = app.lang.fill(Msg::CountReplacesBallots, &[&who.join(", ")]);
        app.warn(msg);
        return;
    }
    let numbers: Result<Vec<u32>, _> = text.split_whitespace().map(str::parse).collect();
    match numbers {
        Ok(counts) if !counts.is_empty() => {
            let change = Change::VoteCount {
                meeting,
                item: item.id,
                vote: vote.id.clone(),
                counts,
                // This count settles every count the chair can see now.
                replaces: vote.current_counts().iter().map(|e| e.op.clone()).collect(),
            };
            app.commit(fx, change);
        }
        _ => app.warn(app.t(Msg::CountsFormat)),
    }
}
