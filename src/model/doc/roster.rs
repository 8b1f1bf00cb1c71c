//! Who sits in the forum with which key. The founder takes the chair's seat with a key
//! (genesis) and so secures the forum: from then on an op counts only when it is signed
//! by a key admitted for its author. Anyone may ask to join with a key; the chair or the
//! minute-taker admits it, showing its fingerprint to compare out of band. A person may add
//! a second key with one they have. Until a forum is secured, a request takes the seat at
//! once, as in a forum on one machine where everyone trusts everyone.

use super::Doc;
use crate::model::{Actor, Change, KeyGrant, OpMeta, RejectReason, Role};

/// Who made an op: the person the signing key is admitted for (in a secured forum), or
/// the person the op says (before).
pub(super) enum Signed {
    By(Actor),
    /// A change from the template that ships in the binary.
    Template,
}

impl Doc {
    /// Who made the op, as far as the forum can tell; the reason when it cannot count.
    pub(super) fn signed_by(&self, meta: &OpMeta, change: &Change) -> Result<Signed, RejectReason> {
        if meta.writer == crate::model::TEMPLATE_WRITER {
            return Ok(Signed::Template);
        }
        let claimed = Actor::of(
            &self.forum,
            meta.author.person.as_deref(),
            meta.author.party.as_deref(),
        );
        if !self.forum.is_secured() {
            return Ok(Signed::By(claimed));
        }
        let Some(key) = meta.key else {
            return Err(RejectReason::NotSigned);
        };
        // Asking to join, and founding, are signed by a key the forum does not know yet.
        if matches!(change, Change::JoinRequest { key: k, .. } if k == key) {
            return Ok(Signed::By(claimed));
        }
        let holder = self
            .forum
            .key_holder(key)
            .ok_or(RejectReason::KeyNotAdmitted)?;
        if meta.author.person.as_ref().is_some_and(|p| p != holder) {
            return Err(RejectReason::NotTheSigner);
        }
        let person = self
            .forum
            .person(holder)
            .ok_or(RejectReason::KeyNotAdmitted)?;
        Ok(Signed::By(Actor::person(person)))
    }

    /// Genesis, join requests, admissions and second keys.
    pub(super) fn apply_to_roster(
        &mut self,
        meta: &OpMeta,
        actor: &Actor,
        change: Change,
    ) -> Result<(), RejectReason> {
        let grant = |person: &str, key: &str| KeyGrant {
            person: person.to_string(),
            key: key.to_string(),
            at: meta.at.to_string(),
            by: meta.author.name.clone(),
        };
        match change {
            Change::Genesis { person, key } => {
                let seat = self
                    .forum
                    .person(&person)
                    .ok_or(RejectReason::UnknownTarget)?;
                let signed_by_key = meta.key == Some(key.as_str());
                if self.forum.is_secured() {
                    return Err(RejectReason::Duplicate);
                }
                let own_seat = actor.person.as_deref() == Some(person.as_str());
                if !signed_by_key || !own_seat || !seat.roles().contains(&Role::Chair) {
                    return Err(RejectReason::NotYourRole);
                }
                // Keys that took seats while everyone was trusted wait for the chair now.
                for old in std::mem::take(&mut self.forum.roster.keys) {
                    if let Some(p) = self.forum.person(&old.person).cloned() {
                        self.forum.roster.requests.push(crate::model::JoinRequest {
                            person: p,
                            key: old.key,
                            at: old.at,
                        });
                    }
                }
                self.forum.roster.requests.retain(|r| r.key != key);
                self.forum.roster.founder = Some(grant(&person, &key));
                self.bind(grant(&person, &key));
            }
            Change::JoinRequest { person, .. } if !crate::model::is_safe_id(&person.id) => {
                return Err(RejectReason::BadId);
            }
            Change::JoinRequest { person, key } => {
                let taken = !key.is_empty() && self.forum.key_holder(&key).is_some();
                if meta.key.is_some_and(|k| k != key) || taken {
                    return Err(RejectReason::Duplicate);
                }
                if self.forum.is_secured() {
                    self.forum.roster.requests.retain(|r| r.key != key);
                    self.forum.roster.requests.push(crate::model::JoinRequest {
                        person,
                        key,
                        at: meta.at.to_string(),
                    });
                } else {
                    let id = person.id.clone();
                    if self.forum.person(&id).is_none() {
                        self.forum.people.push(person);
                    }
                    self.bind(grant(&id, &key));
                }
            }
            Change::Admit { person, key } => {
                if !actor.runs_meetings() {
                    return Err(RejectReason::NotYourRole);
                }
                let asked = self.forum.roster.requests.iter().position(|r| r.key == key);
                if self.forum.person(&person).is_none() {
                    // A new person: as they asked to be written.
                    let new = asked
                        .and_then(|i| self.forum.roster.requests.get(i))
                        .map(|r| r.person.clone())
                        .filter(|p| p.id == person)
                        .ok_or(RejectReason::UnknownTarget)?;
                    self.forum.people.push(new);
                }
                self.bind(grant(&person, &key));
            }
            Change::AddKey { person, key } => {
                let own = actor.person.as_deref() == Some(person.as_str());
                if !own && !actor.runs_meetings() {
                    return Err(RejectReason::NotYourRole);
                }
                if self.forum.person(&person).is_none() {
                    return Err(RejectReason::UnknownTarget);
                }
                self.bind(grant(&person, &key));
            }
            _ => return Err(RejectReason::UnknownTarget),
        }
        Ok(())
    }

    /// Admit a key for a person (its request, if any, is answered); a key is one
    /// person's only.
    fn bind(&mut self, grant: KeyGrant) {
        if !grant.key.is_empty() && self.forum.key_holder(&grant.key).is_none() {
            self.forum.roster.requests.retain(|r| r.key != grant.key);
            self.forum.roster.keys.push(grant);
        }
    }
}
