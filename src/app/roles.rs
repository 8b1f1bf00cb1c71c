//! What the user may do on screen, by their role in the forum: the TUI offers only the keys
//! and commands the role allows, and a key it does not says why. The rules themselves are
//! the model's (`Doc::authorize`), applied in the fold whatever a terminal offers; this is
//! the same rule seen from the keyboard.

use super::action::Action;
use super::keymap::Mode;
use super::state::{App, Pane, Popup};
use crate::i18n::Msg;
use crate::model::{Actor, Role};

/// What an action or command asks of whoever uses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    Anyone,
    /// The chair or the minute-taker: the agenda, the floor, votes, status, notes.
    RunsMeeting,
    /// A representative, for their own party: statements, ballots, approvals.
    OwnParty,
    /// A position: a representative for their party, or the chair on a party's behalf.
    Position,
    /// An input: a party's own (a representative's or an observer's), or the chair's.
    Input,
    /// An action item: the chair, or a party proposing one.
    ActionItem,
    /// Anyone who takes part (not a reviewer): asking for the floor.
    TakesPart,
}

impl App {
    /// Who the user is to the forum's rules: in a secured forum the person this terminal's
    /// key is admitted for (nobody while it waits), else the person they said they are.
    pub fn actor(&self) -> Actor {
        let forum = &self.doc.forum;
        if forum.is_secured() {
            return forum
                .key_holder(&self.key)
                .and_then(|p| forum.person(p))
                .map(Actor::person)
                .unwrap_or_default();
        }
        Actor::of(
            forum,
            self.author.person.as_deref(),
            self.author.party.as_deref(),
        )
    }

    /// Whether nothing this terminal does can be written: the folder is read-only, or the
    /// forum is secured and this terminal's key is not admitted (yet).
    pub fn reads_only(&self) -> bool {
        let forum = &self.doc.forum;
        self.read_only.is_some() || (forum.is_secured() && forum.key_holder(&self.key).is_none())
    }

    /// Whether the user may pass `gate`; why not, when not.
    pub fn passes(&self, gate: Gate) -> Result<(), Msg> {
        let me = self.actor();
        let own_party = me
            .party
            .as_deref()
            .is_some_and(|party| me.speaks_for(party));
        let ok = match gate {
            Gate::Anyone => true,
            Gate::RunsMeeting => me.runs_meetings(),
            Gate::OwnParty => own_party,
            Gate::Position | Gate::ActionItem => own_party || me.runs_meetings(),
            Gate::Input => own_party || me.runs_meetings() || me.has(Role::Observer),
            Gate::TakesPart => me.takes_part(),
        };
        if ok {
            Ok(())
        } else if self.doc.forum.is_secured()
            && me.person.is_none()
            && self
                .doc
                .forum
                .roster
                .requests
                .iter()
                .any(|r| r.key == self.key)
        {
            Err(Msg::MayNotKeyWaiting)
        } else if me.person.is_none() && me.party.is_none() {
            // Nobody said who they are yet.
            Err(Msg::MayNotWhoAreYou)
        } else if !me.takes_part() {
            Err(Msg::MayNotReviewer)
        } else if gate == Gate::RunsMeeting {
            Err(Msg::MayNotChairOnly)
        } else {
            Err(Msg::MayNotPartyOnly)
        }
    }

    /// Whether the user may take `action` where they are now; why not, when not.
    pub fn may(&self, action: &Action) -> Result<(), Msg> {
        self.passes(self.gate(action))
    }

    /// What `action` asks of the user in the mode and pane they are in.
    fn gate(&self, action: &Action) -> Gate {
        use Action as A;
        match self.mode() {
            Mode::Normal => {}
            Mode::List => {
                return match (self.popups.last(), action) {
                    (Some(Popup::Attendance { .. }), A::Open)
                    | (Some(Popup::Documents { .. }), A::Add | A::Edit | A::Delete)
                    | (Some(Popup::Meetings { .. }), A::Add) => Gate::RunsMeeting,
                    _ => Gate::Anyone,
                };
            }
            _ => return Gate::Anyone,
        }
        let pane = match self.focus {
            Pane::Detail => self.detail_of,
            p => p,
        };
        Self::gate_in(action, pane)
    }

    /// What a key of the main screen asks of the user with `pane` in focus.
    pub fn gate_in(action: &Action, pane: Pane) -> Gate {
        use Action as A;
        match action {
            A::Add if pane == Pane::Actions => Gate::ActionItem,
            A::AddActionFromItem => Gate::ActionItem,
            A::Add
            | A::Edit
            | A::Delete
            | A::MoveUp
            | A::MoveDown
            | A::SetCurrent
            | A::EditNotes
            | A::EditConclusion
            | A::CycleAgreement
            | A::Exemption
            | A::CycleStatus
            | A::OpenVote
            | A::NextSpeaker => Gate::RunsMeeting,
            A::Position => Gate::Position,
            A::Statement | A::CastVote => Gate::OwnParty,
            A::Input => Gate::Input,
            A::RequestFloor => Gate::TakesPart,
            _ => Gate::Anyone,
        }
    }
}
