//! Applying a change, and recording it when the rules refuse it.

use super::Doc;
use crate::model::{Change, Id, OpMeta, RejectReason, Rejection, Scope};

impl Doc {
    /// Apply one change. A change that breaks a rule is recorded in `rejected` (who, when,
    /// what) and its reason returned; the state is then unchanged.
    pub fn apply(&mut self, meta: &OpMeta, change: Change) -> Result<(), RejectReason> {
        // Refusals are rare: describe the change only then (the copy is cheap next to
        // the cost of formatting every op).
        let copy = may_be_refused(&change).then(|| Refusable::of(&change));
        match self.try_apply(meta, change) {
            Ok(()) => Ok(()),
            Err(reason) => {
                let (what, meeting, item) = copy
                    .map(|c| (c.what, c.meeting, c.item))
                    .unwrap_or_default();
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

/// Changes that the rules may refuse. Plain edits of items, meetings and actions are
/// refused only when their target is gone or locked, which `apply` reports without this.
fn may_be_refused(change: &Change) -> bool {
    !matches!(
        change,
        Change::Forum { .. }
            | Change::PartyPut { .. }
            | Change::PersonPut { .. }
            | Change::GoalAreaPut { .. }
            | Change::DevAreaPut { .. }
    )
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
        C::ItemAdd { item, .. } | C::ItemSet { item, .. } | C::ItemDelete { item, .. } => {
            format!("item {item}")
        }
        C::ActionAdd { id, .. } | C::ActionSet { id, .. } => format!("action {id}"),
        other => other.kind_name().to_string(),
    }
}
