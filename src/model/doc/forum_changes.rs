//! Changes to the forum: its parties, people and areas, the action list, and the inputs
//! to development areas.

use super::{Doc, push_new, put_by_id};
use crate::model::{
    Action, ActionChange, Change, DevArea, DevAreaStatusChange, OpMeta, RejectReason,
};

impl Doc {
    pub(super) fn apply_to_forum(
        &mut self,
        meta: &OpMeta,
        change: Change,
    ) -> Result<(), RejectReason> {
        use Change as C;
        match change {
            C::ItemNumbers {
                meeting,
                numbers,
                fixed,
            } => self.record_numbers(meta, meeting, numbers, fixed),
            C::Forum { id, name } => {
                self.forum.id = id;
                self.forum.name = name;
            }
            C::ForumSet { set } => set.apply(&mut self.forum),
            C::ForumSettings { departement } => self.forum.departement = departement,
            C::PartyPut { party } => put_by_id(&mut self.forum.parties, party, |p| &p.id),
            C::PersonPut { person } if !crate::model::is_safe_id(&person.id) => {
                return Err(RejectReason::BadId);
            }
            C::PersonPut { person } => put_by_id(&mut self.forum.people, person, |p| &p.id),
            C::HjemmelPut { hjemmel } => put_by_id(&mut self.forum.hjemler, hjemmel, |h| &h.id),
            C::GoalAreaPut { area } => put_by_id(&mut self.forum.goal_areas, area, |a| &a.id),
            C::DevAreaPut { area } => {
                let history = self
                    .forum
                    .dev_area(&area.id)
                    .map(|a| a.history.clone())
                    .unwrap_or_default();
                put_by_id(
                    &mut self.forum.dev_areas,
                    DevArea { history, ..area },
                    |a| &a.id,
                );
            }
            C::DevAreaStatus {
                area,
                status,
                note,
                meeting,
            } => {
                let a = self
                    .forum
                    .dev_areas
                    .iter_mut()
                    .find(|a| a.id == area)
                    .ok_or(RejectReason::UnknownTarget)?;
                a.status = status;
                a.status_note = note.clone();
                a.history.push(DevAreaStatusChange {
                    status,
                    note,
                    meeting,
                    at: meta.at.to_string(),
                    by: meta.author.name.clone(),
                });
            }
            C::ActionAdd {
                id,
                title,
                owner,
                due,
                status,
                meeting,
                item,
                areas,
                proposed_by,
            } => {
                if self.action(&id).is_some() {
                    return Err(RejectReason::Duplicate);
                }
                self.action_index.insert(id.clone(), self.actions.len());
                self.actions.push(Action {
                    id,
                    title,
                    owner,
                    due,
                    status,
                    meeting,
                    item,
                    areas,
                    proposed_by,
                    note: String::new(),
                    created_at: meta.at.to_string(),
                    history: Vec::new(),
                });
            }
            C::ActionSet { id, meeting, set } => {
                let i = *self
                    .action_index
                    .get(&id)
                    .ok_or(RejectReason::UnknownTarget)?;
                let a = &mut self.actions[i];
                set.clone().apply(a);
                a.history.push(ActionChange {
                    at: meta.at.to_string(),
                    by: meta.author.name.clone(),
                    meeting,
                    change: set,
                });
            }
            C::AreaInput { input } => push_new(&mut self.area_inputs, input, |i| &i.id)?,
            _ => return Err(RejectReason::UnknownTarget),
        }
        Ok(())
    }
}
