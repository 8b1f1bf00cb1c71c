//! Who may do what. The chair and the minute-taker run the meeting; a party's
//! representative (or substitute) speaks for their own party; an observer asks for the
//! floor and gives input; a reviewer only reads. The chair or minute-taker may record a
//! party's position or written input on its behalf (a party without a terminal at the
//! table, or not present): it is marked so, and the party can confirm or replace it. These
//! rules are applied in the fold, so a change made without the authority is refused and
//! recorded on every machine alike.

use super::{Change, Doc, Forum, Id, Person, RejectReason, Role};

/// Who made a change, as the rules see them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Actor {
    pub person: Option<Id>,
    pub party: Option<Id>,
    pub roles: Vec<Role>,
}

impl Actor {
    /// The forum's person `person` (their party and roles), or someone unknown who may
    /// write only for `party` when one is given.
    pub fn of(forum: &Forum, person: Option<&str>, party: Option<&str>) -> Actor {
        match person.and_then(|p| forum.person(p)) {
            Some(p) => Actor::person(p),
            None => Actor {
                person: person.map(str::to_string),
                party: party.map(str::to_string),
                roles: if party.is_some() {
                    vec![Role::Rep]
                } else {
                    vec![Role::Reviewer]
                },
            },
        }
    }

    pub fn person(p: &Person) -> Actor {
        Actor {
            person: Some(p.id.clone()),
            party: p.party.clone(),
            roles: p.roles(),
        }
    }

    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// The chair or the minute-taker: may run the meeting.
    pub fn runs_meetings(&self) -> bool {
        self.has(Role::Chair) || self.has(Role::MinuteTaker)
    }

    /// May write for `party`: its representative, substitute, or the chair of that party.
    pub fn speaks_for(&self, party: &str) -> bool {
        self.party.as_deref() == Some(party)
            && (self.has(Role::Rep) || self.has(Role::Substitute) || self.has(Role::Chair))
    }

    /// Takes part in the meeting (anyone but a reviewer).
    pub fn takes_part(&self) -> bool {
        self.roles.iter().any(|r| *r != Role::Reviewer)
    }
}

/// What a change needs of whoever makes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// The chair or the minute-taker.
    RunsMeeting,
    /// Whoever speaks for this party (for a position: or the chair, for an absent party).
    SpeaksFor,
    /// Anyone who takes part: asking for the floor.
    TakesPart,
    /// A party's own input, or an observer's own.
    OwnInput,
    /// An action item: the chair, or a party proposing one in its own name.
    ActionProposal,
    /// Judged by the change's own rules (ballots, joining the forum).
    Own,
}

impl Change {
    /// What the change needs of whoever makes it.
    pub fn needs(&self) -> Needs {
        use Change as C;
        match self {
            C::Position { .. }
            | C::PositionWithdraw { .. }
            | C::Statement { .. }
            | C::Approve { .. }
            | C::SignProtocol { .. }
            | C::RequestChanges { .. } => Needs::SpeaksFor,
            C::SpeakerRequest { .. } | C::SpeakerWithdraw { .. } => Needs::TakesPart,
            C::ItemInput { .. } | C::AreaInput { .. } => Needs::OwnInput,
            C::ActionAdd { .. } => Needs::ActionProposal,
            C::VoteCast { .. } | C::Genesis { .. } | C::JoinRequest { .. } | C::AddKey { .. } => {
                Needs::Own
            }
            _ => Needs::RunsMeeting,
        }
    }
}

impl Doc {
    /// Whether `actor` may make `change`; the reason when not.
    pub fn authorize(&self, actor: &Actor, change: &Change) -> Result<(), RejectReason> {
        use Change as C;
        let ok = match (change.needs(), change) {
            (Needs::RunsMeeting, _) => actor.runs_meetings(),
            (Needs::TakesPart, _) => actor.takes_part(),
            (Needs::Own, _) => true,
            // Recorded on the party's behalf by the chair: marked so in the minutes.
            (Needs::SpeaksFor, C::Position { party, .. } | C::PositionWithdraw { party, .. }) => {
                let own = actor.speaks_for(party) || actor.runs_meetings();
                if self.forum.observes_only(party) || (actor.takes_part() && !own) {
                    return Err(RejectReason::NotYourParty);
                }
                own
            }
            (Needs::SpeaksFor, C::Statement { party, .. })
            | (Needs::SpeaksFor, C::Approve { party, .. })
            | (Needs::SpeaksFor, C::SignProtocol { party, .. })
            | (Needs::SpeaksFor, C::RequestChanges { party, .. }) => {
                if !actor.speaks_for(party) {
                    return Err(RejectReason::NotYourParty);
                }
                true
            }
            (Needs::OwnInput, C::ItemInput { input, .. } | C::AreaInput { input }) => {
                actor.speaks_for(&input.party)
                    || actor.runs_meetings()
                    || (actor.has(Role::Observer) && actor.party.as_deref() == Some(&input.party))
            }
            (
                Needs::ActionProposal,
                C::ActionAdd {
                    proposed_by,
                    status,
                    ..
                },
            ) => {
                actor.runs_meetings()
                    || (*status == super::ActionStatus::Proposed
                        && proposed_by.as_deref().is_some_and(|p| actor.speaks_for(p)))
            }
            _ => actor.runs_meetings(),
        };
        if ok {
            Ok(())
        } else if actor.takes_part() {
            Err(RejectReason::NotYourRole)
        } else {
            Err(RejectReason::ReadOnlyRole)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionStatus, Input, InputTarget, Owner, Stance};

    fn forum() -> Forum {
        let person = |id: &str, party: &str, role: &str| Person {
            id: id.into(),
            name: id.into(),
            party: Some(party.into()),
            role: role.into(),
            roles: Vec::new(),
        };
        Forum {
            people: vec![
                person("p-leder", "kmd", "leder"),
                person("p-referent", "kmd", "referent"),
                person("p-ntl", "ntl", "tillitsvalgt"),
                person("p-ntl-vara", "ntl", "vara"),
                person("p-hvo", "hvo", "verneombud"),
            ],
            ..Forum::default()
        }
    }

    fn doc() -> Doc {
        let mut d = Doc::default();
        d.forum = forum();
        d
    }

    fn who(id: &str) -> Actor {
        Actor::of(&forum(), Some(id), None)
    }

    fn position(party: &str) -> Change {
        Change::Position {
            meeting: "m".into(),
            item: "i".into(),
            party: party.into(),
            stance: Stance::Agree,
            reason: String::new(),
            base: None,
        }
    }

    #[test]
    fn only_the_chair_and_the_minute_taker_run_the_meeting() {
        let d = doc();
        let open = Change::VoteClose {
            meeting: "m".into(),
            item: "i".into(),
            vote: "v".into(),
        };
        assert_eq!(d.authorize(&who("p-leder"), &open), Ok(()));
        assert_eq!(d.authorize(&who("p-referent"), &open), Ok(()));
        assert_eq!(
            d.authorize(&who("p-ntl"), &open),
            Err(RejectReason::NotYourRole)
        );
        assert_eq!(
            d.authorize(&who("p-hvo"), &open),
            Err(RejectReason::NotYourRole)
        );
    }

    #[test]
    fn a_rep_and_a_substitute_speak_for_their_own_party_only() {
        let d = doc();
        assert_eq!(d.authorize(&who("p-ntl"), &position("ntl")), Ok(()));
        assert_eq!(d.authorize(&who("p-ntl-vara"), &position("ntl")), Ok(()));
        assert_eq!(
            d.authorize(&who("p-ntl"), &position("unio")),
            Err(RejectReason::NotYourParty)
        );
        assert_eq!(
            d.authorize(&who("p-hvo"), &position("hvo")),
            Err(RejectReason::NotYourParty),
            "an observer takes no positions"
        );
    }

    #[test]
    fn the_chair_may_record_a_position_on_a_partys_behalf() {
        let d = doc();
        assert_eq!(d.authorize(&who("p-leder"), &position("ntl")), Ok(()));
        assert_eq!(d.authorize(&who("p-referent"), &position("unio")), Ok(()));
    }

    #[test]
    fn an_observer_gives_input_and_asks_for_the_floor() {
        let d = doc();
        let input = Change::AreaInput {
            input: Input {
                id: "x".into(),
                party: "hvo".into(),
                target: InputTarget::DevArea("uo1".into()),
                text: "t".into(),
                source: String::new(),
                at: String::new(),
                by: String::new(),
            },
        };
        assert_eq!(d.authorize(&who("p-hvo"), &input), Ok(()));
        let floor = Change::SpeakerRequest {
            meeting: "m".into(),
            item: "i".into(),
            speaker: "s".into(),
        };
        assert_eq!(d.authorize(&who("p-hvo"), &floor), Ok(()));
        let reviewer = Actor::of(&forum(), None, None);
        assert_eq!(
            d.authorize(&reviewer, &floor),
            Err(RejectReason::ReadOnlyRole)
        );
    }

    #[test]
    fn a_party_proposes_an_action_in_its_own_name() {
        let d = doc();
        let proposal = |by: &str, status| Change::ActionAdd {
            id: "t".into(),
            title: "t".into(),
            owner: Owner::Nobody,
            due: None,
            status,
            meeting: None,
            item: None,
            areas: Vec::new(),
            proposed_by: Some(by.into()),
        };
        let rep = who("p-ntl");
        assert_eq!(
            d.authorize(&rep, &proposal("ntl", ActionStatus::Proposed)),
            Ok(())
        );
        assert!(
            d.authorize(&rep, &proposal("unio", ActionStatus::Proposed))
                .is_err()
        );
        assert!(
            d.authorize(&rep, &proposal("ntl", ActionStatus::Open))
                .is_err()
        );
    }
}
