//! Applying a change, and recording it when the rules refuse it.

use super::Doc;
use super::roster::Signed;
use crate::model::{Actor, Author, Change, Id, OpMeta, RejectReason, Rejection, Scope};

impl Doc {
    /// Apply one change. A change that breaks a rule is recorded in `rejected` (who, when,
    /// what) and its reason returned; the state is then unchanged.
    pub fn apply(&mut self, meta: &OpMeta, change: Change) -> Result<(), RejectReason> {
        // Refusals are rare: describe the change only then (the copy is cheap next to
        // the cost of formatting every op).
        let copy = Refusable::of(&change);
        let outcome = match self.signed_by(meta, &change) {
            Err(reason) => Err(reason),
            // The template ships in the binary: it seeds the forum it is checked against.
            Ok(Signed::Template) => self.try_apply(meta, change),
            Ok(Signed::By(actor)) => self.apply_as(meta, &actor, change),
        };
        match outcome {
            Ok(()) => Ok(()),
            Err(reason) => {
                let Refusable {
                    what,
                    meeting,
                    item,
                } = copy;
                self.rejected.push(Rejection {
                    op: meta.id(),
                    at: meta.at.to_string(),
                    by: meta.author.name.clone(),
                    reason: reason.clone(),
                    what,
                    meeting,
                    item,
                });
                Err(reason)
            }
        }
    }
}

impl Doc {
    /// Apply a change made by `actor`, if their role allows it. In a secured forum the
    /// records name the person the key is admitted for, whatever the op says.
    fn apply_as(
        &mut self,
        meta: &OpMeta,
        actor: &Actor,
        change: Change,
    ) -> Result<(), RejectReason> {
        self.authorize(actor, &change)?;
        let signer = match (
            meta.key,
            actor.person.as_deref().and_then(|p| self.forum.person(p)),
        ) {
            (Some(_), Some(p)) if self.forum.is_secured() => Some(Author {
                name: p.name.clone(),
                person: Some(p.id.clone()),
                party: p.party.clone(),
            }),
            _ => None,
        };
        let meta = OpMeta {
            author: signer.as_ref().unwrap_or(meta.author),
            ..*meta
        };
        match change {
            Change::Genesis { .. }
            | Change::JoinRequest { .. }
            | Change::Admit { .. }
            | Change::AddKey { .. } => self.apply_to_roster(&meta, actor, change),
            change => self.try_apply(&meta, change),
        }
    }
}

/// What a refusal needs to say about a change.
struct Refusable {
    what: String,
    meeting: Option<Id>,
    item: Option<Id>,
}

impl Refusable {
    fn of(change: &Change) -> Refusable {
        let meeting = match change.scope() {
            Scope::Meeting(id) => Some(id),
            Scope::Forum => None,
        };
        Refusable {
            what: describe(change),
            meeting,
            item: change.item_id().cloned(),
        }
    }
}

/// A short, language-neutral description of a change, for the list of refused ops.
fn describe(change: &Change) -> String {
    use Change as C;
    match change {
        C::Statement { item, party, .. } => format!("statement of {party} on item {item}"),
        C::Position { item, party, .. } => format!("position of {party} on item {item}"),
        C::VoteCast { vote, voter, .. } => format!("ballot of {voter} in vote {vote}"),
        C::Approve { party, .. } => format!("approval by {party}"),
        C::RequestChanges { party, .. } => format!("request for changes by {party}"),
        C::Circulate { .. } => "circulation".to_string(),
        C::MeetingStatus { to, .. } => format!("status to {to:?}"),
        C::ItemAdd { item, .. }
        | C::ItemSet { item, .. }
        | C::ItemText { item, .. }
        | C::ItemDelete { item, .. } => {
            format!("item {item}")
        }
        C::ActionAdd { id, .. } | C::ActionSet { id, .. } => format!("action {id}"),
        other => other.kind_name().to_string(),
    }
}
