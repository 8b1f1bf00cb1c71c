//! The approval round (HA § 21) from the app: the chair circulates closed minutes with a
//! deadline; each party approves, or asks for changes, from its own terminal.

use super::action::Effect;
use super::state::App;
use crate::i18n::Msg;
use crate::model::{Change, MeetingStatus};
use crate::store::seal::{content_hash, referat_hash};

/// Answers are due two weeks after circulation unless the chair says otherwise.
const DEFAULT_DAYS: i64 = 14;

pub fn circulate(app: &mut App, arg: &str, fx: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(m) = app.current_meeting() else {
        app.warn(lang.t(Msg::NoMeetingOpen));
        return;
    };
    if !matches!(m.status, MeetingStatus::Closed | MeetingStatus::Approved) {
        app.warn(lang.t(Msg::CirculateNeedsClosed));
        return;
    }
    let deadline = match crate::model::parse_date(arg) {
        Ok(Some(d)) => d,
        Ok(None) => app.now.date_naive() + chrono::Duration::days(DEFAULT_DAYS),
        Err(e) => {
            let msg = crate::i18n::date_error(lang, e);
            app.warn(msg);
            return;
        }
    };
    if deadline < app.now.date_naive() {
        let msg = lang.fill(
            Msg::DeadlineInThePast,
            &[&crate::i18n::short_date(lang, deadline)],
        );
        app.warn(msg);
        return;
    }
    // Items a referat would normally conclude, but that have no conclusion: said, not
    // refused (the chair may mean it).
    let unconcluded: Vec<String> = m
        .items
        .iter()
        .filter(|i| {
            matches!(
                i.kind,
                crate::model::ItemKind::Consultation | crate::model::ItemKind::Negotiation
            ) && i.conclusion.trim().is_empty()
        })
        .map(|i| i.number.to_string())
        .collect();
    let parties = m.approving_parties(&app.doc.forum);
    // The numbers these minutes show are fixed from here on, on every machine.
    let fixed = Change::ItemNumbers {
        meeting: m.id.clone(),
        numbers: m.items.iter().map(|i| (i.id.clone(), i.number)).collect(),
        fixed: true,
    };
    let change = Change::Circulate {
        meeting: m.id.clone(),
        hash: referat_hash(m),
        deadline: Some(deadline),
        parties,
    };
    let mut msg = format!(
        "{} {}",
        lang.t(Msg::CirculatedUntil),
        crate::i18n::short_date(lang, deadline)
    );
    if !unconcluded.is_empty() {
        msg = format!(
            "{msg}. {}",
            lang.fill(Msg::NoConclusionOn, &[&unconcluded.join(", ")])
        );
    }
    app.commit(fx, fixed);
    app.commit(fx, change);
    app.say(msg);
}

/// Which party the user answers for, and the meeting under approval: says why not.
fn answering(app: &mut App) -> Option<(String, String, String)> {
    let lang = app.lang;
    let Some(party) = app.author.party.clone() else {
        app.warn(lang.t(Msg::ApproveNeedsParty));
        return None;
    };
    let Some(m) = app.current_meeting() else {
        app.warn(lang.t(Msg::NoMeetingOpen));
        return None;
    };
    if m.status != MeetingStatus::Circulated {
        app.warn(lang.t(Msg::RoundNotOpen));
        return None;
    }
    // The approval is bound to what this terminal shows: if that is not what was sent
    // round, approving it would approve something else.
    let hash = content_hash(m);
    if m.content_hash.as_deref() != Some(hash.as_str()) {
        app.warn(lang.t(Msg::HashDiffers));
        return None;
    }
    Some((m.id.clone(), party, hash))
}

pub fn approve(app: &mut App, fx: &mut Vec<Effect>) {
    let Some((meeting, party, hash)) = answering(app) else {
        return;
    };
    let msg = format!(
        "{} {}",
        app.lang.t(Msg::ApprovedFor),
        app.doc.forum.party_short(&party)
    );
    app.commit(
        fx,
        Change::Approve {
            meeting,
            party,
            hash,
            seal: String::new(),
        },
    );
    app.say(msg);
}

pub fn request_changes(app: &mut App, text: &str, fx: &mut Vec<Effect>) {
    if text.trim().is_empty() {
        app.warn(app.lang.t(Msg::ChangesNeedText));
        return;
    }
    let Some((meeting, party, hash)) = answering(app) else {
        return;
    };
    app.commit(
        fx,
        Change::RequestChanges {
            meeting,
            party,
            hash,
            text: text.trim().to_string(),
        },
    );
    app.say(app.lang.t(Msg::ChangesRequested));
}
