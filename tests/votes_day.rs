//! Votes as the chair and the reps meet them: `:count` never replaces the ballots the
//! parties cast themselves, the screen says who has voted and who has not, the numbers add
//! up, and a vote's options are written in the forum's language whatever the screen's.

mod common;

use common::at;
use common::authors::{chair, ntl, rep};
use common::session::Session;
use ratatui::crossterm::event::KeyCode;
use samrad::app::Action;
use samrad::i18n::Lang;

const ITEM: &str = "s-2026-5";

/// A vote opened by the chair on ITEM, with NTL for and Unio against.
fn two_ballots(lang: Lang) -> Session {
    let mut s = Session::new(chair(), lang, at("2026-12-08T10:00:00+01:00"));
    s.select(ITEM);
    s.act(Action::OpenVote);
    s.type_text("Skal saken sendes på høring?");
    s.act(Action::Save);
    for (who, option) in [(ntl(), 0), (rep("unio"), 1)] {
        s.as_author(who);
        s.act(Action::CastVote);
        for _ in 0..option {
            s.key(KeyCode::Right);
        }
        s.act(Action::Save);
    }
    s.as_author(chair());
    s
}

#[test]
fn count_does_not_replace_the_parties_ballots() {
    let mut s = two_ballots(Lang::Nb);
    s.act(Action::Command("count 3 1 1 0".into()));
    let (said, error) = s.app.message.clone().expect("a message");
    assert!(error && said.contains("NTL, Unio"), "{said}");
    let vote = &s.item(ITEM).votes[0];
    assert_eq!(vote.ballots.len(), 2);
    assert!(vote.count_entries.is_empty(), "nothing counted over them");
}

#[test]
fn the_details_say_who_has_voted_and_who_has_not() {
    let mut s = two_ballots(Lang::Nb);
    s.select(ITEM);
    let text = common::screen::rows(&s.app, (160, 60)).join("\n");
    assert!(text.contains("Har stemt: NTL, Unio"), "{text}");
    let waiting = text
        .lines()
        .find(|l| l.contains("Har ikke stemt:"))
        .expect("the parties still to vote");
    assert!(
        waiting.contains("YS Stat") && !waiting.contains("NTL"),
        "{waiting}"
    );
}

#[test]
fn the_result_says_of_how_many_votes_the_cast_ones_are() {
    let mut s = two_ballots(Lang::Nb);
    s.act(Action::Command("closevote".into()));
    let item = s.item(ITEM);
    let line = samrad::export::vote_line(&item.votes[0], item.kind.votes_decide(), Lang::Nb);
    assert!(line.contains("2 avgitte stemmer av 2"), "{line}");
}

#[test]
fn an_english_screen_writes_the_options_in_the_forums_language() {
    let s = two_ballots(Lang::En);
    let labels: Vec<String> = s.item(ITEM).votes[0]
        .options
        .iter()
        .map(|o| o.label.clone())
        .collect();
    assert_eq!(labels, ["For", "Mot", "Avstår"]);
}

#[test]
fn the_question_is_what_the_chair_types_or_else_the_items_title() {
    let s = two_ballots(Lang::Nb);
    assert_eq!(
        s.item(ITEM).votes[0].question,
        "Skal saken sendes på høring?"
    );
    let mut s = Session::new(chair(), Lang::Nb, at("2026-12-08T10:00:00+01:00"));
    s.select(ITEM);
    s.act(Action::OpenVote);
    s.act(Action::Save);
    let title = s.item(ITEM).title.clone();
    assert_eq!(s.item(ITEM).votes[0].question, title);
}
