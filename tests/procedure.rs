//! Procedure as Hovedavtalen has it (issue 12): stances that fit the kind of sak, votes
//! that never settle a forhandling, and the protokoll signed by every party (never by an
//! observer), open until the last party has signed, and signed again after a change.

mod common;

use common::authors::{chair, rep};
use common::{R, TEMPLATE_MEETING};
use samrad::i18n::Lang;
use samrad::model::{
    Agreement, Change, Doc, ItemField, ItemKind, ItemNumber, ProtocolState, RejectReason, Stance,
    VoteMethod, VoteOption, VoteOptionKind, VoteRule,
};

use common::negotiation::{
    INFORMATION, NEGOTIATION, position, refusals, session, sign, state, write,
};

#[test]
fn a_stance_that_does_not_fit_the_kind_of_item_is_refused() {
    let mut s = session();
    write(
        &mut s,
        rep("ntl"),
        position(NEGOTIATION, "ntl", Stance::TakesNote),
    );
    write(
        &mut s,
        rep("ntl"),
        position(INFORMATION, "ntl", Stance::Agree),
    );
    write(
        &mut s,
        rep("ntl"),
        position(NEGOTIATION, "ntl", Stance::Demand),
    );
    write(&mut s, chair(), position(NEGOTIATION, "kmd", Stance::Offer));
    write(
        &mut s,
        rep("ntl"),
        position(INFORMATION, "ntl", Stance::Remark),
    );
    let doc = s.reloaded();
    assert_eq!(
        refusals(&doc),
        [
            RejectReason::StanceDoesNotFit,
            RejectReason::StanceDoesNotFit
        ]
    );
    let m = doc.meeting(TEMPLATE_MEETING).expect("meeting");
    let stances = |item: &str| -> Vec<Stance> {
        let it = m.item(item).expect("item");
        it.current_positions().iter().map(|p| p.stance).collect()
    };
    assert_eq!(stances(NEGOTIATION), [Stance::Demand, Stance::Offer]);
    assert_eq!(stances(INFORMATION), [Stance::Remark]);
}

#[test]
fn the_position_form_offers_only_the_stances_that_fit() {
    let mut s = session();
    s.app.doc = s.reloaded();
    s.select(NEGOTIATION);
    s.act(samrad::app::Action::Position);
    let f = s.form();
    let offered = f.options(samrad::i18n::Msg::FieldStance);
    assert_eq!(offered, ["Krav", "Tilbud", "Enig", "Uenig"], "{offered:?}");
}

#[test]
fn a_vote_on_a_forhandling_records_views_and_decides_nothing() {
    let mut s = session();
    let option = |label: &str, kind| VoteOption {
        label: label.into(),
        kind,
    };
    write(
        &mut s,
        chair(),
        Change::VoteOpen {
            meeting: TEMPLATE_MEETING.into(),
            item: NEGOTIATION.into(),
            vote: "v".into(),
            question: "Avtalen".into(),
            options: vec![
                option("For", VoteOptionKind::For),
                option("Mot", VoteOptionKind::Against),
            ],
            method: VoteMethod::Count,
            rule: VoteRule::SimpleMajority,
        },
    );
    for change in [
        Change::VoteCount {
            meeting: TEMPLATE_MEETING.into(),
            item: NEGOTIATION.into(),
            vote: "v".into(),
            counts: vec![2, 1, 0],
            replaces: vec![],
        },
        Change::VoteClose {
            meeting: TEMPLATE_MEETING.into(),
            item: NEGOTIATION.into(),
            vote: "v".into(),
        },
    ] {
        write(&mut s, chair(), change);
    }
    let doc = s.reloaded();
    assert!(doc.rejected.is_empty(), "{:?}", doc.rejected);
    let it = doc
        .meeting(TEMPLATE_MEETING)
        .and_then(|m| m.item(NEGOTIATION))
        .expect("item");
    assert_eq!(it.decision(&it.votes[0]), None);
    for lang in [Lang::Nb, Lang::En] {
        let line = samrad::export::vote_line(&it.votes[0], it.kind.votes_decide(), lang);
        for word in ["Vedtatt", "Adopted", "flertall", "majority"] {
            assert!(!line.contains(word), "{line}");
        }
        assert!(
            line.contains('2') && line.contains('1'),
            "the count stays: {line}"
        );
    }
    // On a drøfting the same count decides.
    let drofting = doc
        .meeting(TEMPLATE_MEETING)
        .and_then(|m| m.item("s-2026-5"))
        .expect("item");
    let mut vote = it.votes[0].clone();
    vote.outcome = None;
    assert!(drofting.decision(&vote).is_some_and(|o| o.adopted));
}

#[test]
fn only_the_parties_sign_the_protokoll_and_it_is_open_until_all_have() -> R {
    let mut s = session();
    let doc = s.reloaded();
    let st = state(&doc);
    assert_eq!(st.parties, ["kmd", "ntl", "ys-stat", "unio", "jf"]);
    assert_eq!(st.state(), ProtocolState::Unsigned);
    // The hovedverneombud observes: no signature, and no one signs for another party.
    write(&mut s, rep("hvo"), sign(&doc, "hvo"));
    write(&mut s, rep("ntl"), sign(&doc, "unio"));
    let doc = s.reloaded();
    assert_eq!(doc.rejected.len(), 2, "{:?}", doc.rejected);
    assert!(
        doc.meeting(TEMPLATE_MEETING)
            .ok_or("m")?
            .signatures
            .is_empty()
    );
    for (n, party) in ["kmd", "ntl", "ys-stat", "unio", "jf"].iter().enumerate() {
        assert!(state(&s.reloaded()).negotiation_open());
        let doc = s.reloaded();
        write(&mut s, rep(party), sign(&doc, party));
        let st = state(&s.reloaded());
        assert_eq!(st.signed.len(), n + 1);
    }
    let st = state(&s.reloaded());
    assert_eq!(st.state(), ProtocolState::SignedByAll);
    assert!(!st.negotiation_open());
    Ok(())
}

#[test]
fn a_change_to_the_protokoll_after_a_signature_invalidates_it() {
    let mut s = session();
    let doc = s.reloaded();
    write(&mut s, rep("ntl"), sign(&doc, "ntl"));
    assert_eq!(state(&s.reloaded()).signed, ["ntl"]);
    write(
        &mut s,
        chair(),
        Change::ItemSet {
            meeting: TEMPLATE_MEETING.into(),
            item: NEGOTIATION.into(),
            set: ItemField::Agreement(Some(Agreement::Agreement)),
        },
    );
    let st = state(&s.reloaded());
    assert!(st.signed.is_empty());
    assert_eq!(st.stale, ["ntl"]);
    // A signature on the old content is refused.
    write(&mut s, rep("unio"), sign(&doc, "unio"));
    assert_eq!(refusals(&s.reloaded()), [RejectReason::StaleHash]);
}

#[test]
fn sign_in_the_app_signs_for_the_users_own_party_and_not_for_an_observer() {
    use samrad::app::{Action, Effect};
    let mut s = session();
    s.as_author(rep("ntl"));
    s.app.doc = s.reloaded();
    s.select(NEGOTIATION);
    let fx = s.act(Action::Command("sign".into()));
    assert!(
        fx.iter().any(|e| matches!(e,
            Effect::Commit(Change::SignProtocol { party, item, .. })
                if party == "ntl" && item == NEGOTIATION)),
        "{fx:?}"
    );
    let said = s.app.message.clone().map(|(m, _)| m).unwrap_or_default();
    assert!(said.contains("4 til"), "{said}");
    assert_eq!(state(&s.app.doc).signed, ["ntl"]);
    assert_eq!(state(&s.reloaded()).signed, ["ntl"]);
    // The hovedverneombud is told no, and nothing is written.
    s.as_author(rep("hvo"));
    let fx = s.act(Action::Command("sign".into()));
    assert!(!fx.iter().any(|e| matches!(e, Effect::Commit(_))), "{fx:?}");
    assert!(s.app.message.as_ref().is_some_and(|(_, err)| *err));
    // On an item that is no forhandling there is nothing to sign.
    s.as_author(rep("unio"));
    s.select(INFORMATION);
    let fx = s.act(Action::Command("sign".into()));
    assert!(!fx.iter().any(|e| matches!(e, Effect::Commit(_))), "{fx:?}");
}

#[test]
fn uenighet_in_a_forhandling_names_the_dispute_path_and_asks_for_videre_behandling() {
    use samrad::export::ItemFacts;
    use samrad::model::TextField;
    let mut s = session();
    write(
        &mut s,
        chair(),
        Change::ItemSet {
            meeting: TEMPLATE_MEETING.into(),
            item: NEGOTIATION.into(),
            set: ItemField::Agreement(Some(Agreement::Disagreement)),
        },
    );
    let doc = s.reloaded();
    assert!(
        doc.forum.departement,
        "the contact group's forum is a departement"
    );
    let item = |doc: &Doc| {
        doc.meeting(TEMPLATE_MEETING)
            .and_then(|m| m.item(NEGOTIATION))
            .cloned()
            .expect("item")
    };
    let it = item(&doc);
    let facts = ItemFacts::of(&doc.forum, &it, Lang::Nb);
    let dispute = facts.dispute.expect("a dispute path");
    assert!(
        dispute.contains("§ 11")
            && dispute.contains("kan ikke bringes inn for partssammensatt nemnd"),
        "{dispute}"
    );
    assert!(facts.further_missing);
    // Elsewhere than in a departement the nemnd is open.
    let mut forum = doc.forum.clone();
    forum.departement = false;
    let other = ItemFacts::of(&forum, &it, Lang::En)
        .dispute
        .expect("a path");
    assert!(!other.contains("cannot"), "{other}");

    write(
        &mut s,
        chair(),
        Change::ItemText {
            meeting: TEMPLATE_MEETING.into(),
            item: NEGOTIATION.into(),
            field: TextField::Further,
            base: String::new(),
            text: "Saken sendes til departementsråden.".into(),
        },
    );
    let doc = s.reloaded();
    let it = item(&doc);
    assert!(!ItemFacts::of(&doc.forum, &it, Lang::Nb).further_missing);
    let minutes = doc.minutes(TEMPLATE_MEETING).expect("minutes");
    let opts = samrad::export::ExportOptions {
        lang: Lang::Nb,
        include_confidential: false,
        today: chrono::NaiveDate::from_ymd_opt(2026, 12, 8).expect("a day"),
        doubts: Vec::new(),
    };
    let text =
        samrad::export::export_protocol(&minutes, NEGOTIATION, samrad::export::Format::Text, &opts)
            .expect("a protokoll");
    let text = String::from_utf8(text).expect("UTF-8");
    for expected in [
        "Videre behandling",
        "Saken sendes til departementsråden.",
        "kan ikke bringes inn for partssammensatt nemnd",
    ] {
        assert!(text.contains(expected), "no {expected:?} in\n{text}");
    }
}

#[test]
fn the_protocol_command_writes_the_selected_forhandlings_protokoll() {
    use samrad::app::Action;
    let mut s = session();
    s.app.doc = s.reloaded();
    s.select(NEGOTIATION);
    s.act(Action::Command("protokoll text".into()));
    let stem = format!("{TEMPLATE_MEETING}-protokoll-{NEGOTIATION}");
    let path = s.rt.store().layout().export_path(&stem, "txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    assert!(
        text.starts_with("Protokoll: Sak 90/26: Tilpasningsavtale"),
        "{text}"
    );
    assert!(
        text.contains("Status: usignert") || text.contains("Status: ikke signert"),
        "{text}"
    );
    // On an item that is no forhandling there is none.
    s.select(INFORMATION);
    s.act(Action::Command("protokoll".into()));
    assert!(s.app.message.as_ref().is_some_and(|(_, err)| *err));
}

#[test]
fn an_observers_input_is_recorded_as_an_observers() {
    use samrad::export::ItemFacts;
    use samrad::model::{Input, InputTarget};
    let mut s = session();
    let input = |id: &str, party: &str| Change::ItemInput {
        meeting: TEMPLATE_MEETING.into(),
        input: Input {
            id: id.into(),
            party: party.into(),
            target: InputTarget::Item(INFORMATION.into()),
            text: format!("Innspill fra {party}"),
            source: String::new(),
            at: String::new(),
            by: String::new(),
        },
    };
    write(&mut s, rep("hvo"), input("in-1", "hvo"));
    write(&mut s, rep("ntl"), input("in-2", "ntl"));
    let doc = s.reloaded();
    assert!(doc.rejected.is_empty(), "{:?}", doc.rejected);
    let it = doc
        .meeting(TEMPLATE_MEETING)
        .and_then(|m| m.item(INFORMATION))
        .expect("item");
    let facts = ItemFacts::of(&doc.forum, it, Lang::Nb);
    let parties: Vec<&str> = facts.inputs.iter().map(|i| i.party.as_ref()).collect();
    assert_eq!(parties, ["HVO (observatør)", "NTL"]);
}

#[test]
fn the_chair_puts_every_forhandling_in_one_protokoll_which_the_parties_sign_once() {
    use samrad::app::Action;
    use samrad::export::{ExportOptions, Format};
    let mut s = session();
    write(
        &mut s,
        chair(),
        Change::ItemAdd {
            meeting: TEMPLATE_MEETING.into(),
            item: "f-2".into(),
            number: ItemNumber { n: 91, year: 2026 },
            title: "Særavtale om hjemmekontor".into(),
            kind: ItemKind::Negotiation,
            rank: 99_500,
        },
    );
    s.app.doc = s.reloaded();
    s.select(NEGOTIATION);
    s.act(Action::Command("protokollper møte".into()));
    // A representative signs with the item selected: the meeting's one protokoll.
    s.as_author(rep("ntl"));
    s.app.doc = s.reloaded();
    s.select("f-2");
    s.act(Action::Command("sign".into()));
    let doc = s.reloaded();
    let m = doc.meeting(TEMPLATE_MEETING).expect("meeting");
    assert_eq!(m.protocol_keys(), [TEMPLATE_MEETING]);
    let st = m
        .protocol_status(TEMPLATE_MEETING, &doc.forum)
        .expect("one protokoll");
    assert_eq!(st.signed, ["ntl"]);
    // Once someone has signed, the chair may not cut it otherwise.
    s.as_author(chair());
    s.app.doc = doc.clone();
    s.act(Action::Command("protocolper item".into()));
    let said = s.app.message.clone().map(|(m, _)| m).unwrap_or_default();
    assert!(said.contains("ligger fast"), "{said}");
    // The protokoll holds both forhandlinger and one line per party to sign.
    let minutes = doc.minutes(TEMPLATE_MEETING).expect("minutes");
    let opts = ExportOptions {
        lang: Lang::Nb,
        include_confidential: false,
        today: chrono::NaiveDate::MIN,
        doubts: Vec::new(),
    };
    let out = samrad::export::export_protocol(&minutes, TEMPLATE_MEETING, Format::Text, &opts)
        .map(String::from_utf8)
        .expect("a protokoll")
        .expect("UTF-8");
    for title in ["Tilpasningsavtale", "Særavtale om hjemmekontor"] {
        assert!(out.contains(title), "{title}:\n{out}");
    }
    assert_eq!(out.matches("For NTL").count(), 1, "{out}");
    let own = samrad::export::export_protocol(&minutes, NEGOTIATION, Format::Md, &opts);
    assert!(own.is_err(), "an item has no protokoll of its own then");
}
