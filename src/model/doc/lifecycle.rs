//! A meeting's life: created, opened and closed, sent round for approval, and the parties'
//! answers until the minutes are approved.

use std::collections::HashMap;

use super::{Doc, own_party_only};
use crate::model::{
    Approval, ApprovedVersion, Change, Id, Meeting, MeetingStatus, OpMeta, RejectReason, Verdict,
};

impl Doc {
    pub(super) fn apply_to_lifecycle(
        &mut self,
        meta: &OpMeta,
        change: Change,
    ) -> Result<(), RejectReason> {
        use Change as C;
        match change {
            C::MeetingCreate {
                meeting,
                title,
                starts_at,
            } => {
                if !crate::model::is_safe_id(&meeting) {
                    return Err(RejectReason::BadId);
                }
                if self.index.contains_key(&meeting) {
                    return Err(RejectReason::Duplicate);
                }
                self.index
                    .insert(meeting.clone(), (self.meetings.len(), HashMap::new()));
                self.meetings.push(Meeting::new(meeting, title, starts_at));
            }
            C::MeetingStatus { meeting, to } => {
                // Circulating needs a hash and approval needs the parties: their own ops.
                if matches!(to, MeetingStatus::Circulated | MeetingStatus::Approved) {
                    return Err(RejectReason::IllegalTransition);
                }
                let m = self.meeting_mut(&meeting)?;
                move_to(m, to)?;
                match to {
                    MeetingStatus::Open if m.opened_at.is_none() => {
                        m.opened_at = Some(meta.at.to_string())
                    }
                    MeetingStatus::Closed => {
                        m.closed_at = Some(meta.at.to_string());
                        m.current_item = None;
                    }
                    _ => {}
                }
            }
            C::Circulate {
                meeting,
                hash,
                deadline,
                parties,
            } => {
                let approvers = if parties.is_empty() {
                    self.meeting(&meeting)
                        .map(|m| m.approving_parties(&self.forum))
                        .unwrap_or_default()
                } else {
                    parties
                };
                if approvers.is_empty() {
                    return Err(RejectReason::NotAnApprover);
                }
                let m = self.meeting_mut(&meeting)?;
                move_to(m, MeetingStatus::Circulated)?;
                m.approvals.clear();
                m.content_hash = Some(hash);
                m.approvers = approvers;
                m.approval_deadline = deadline;
                m.circulated_at = Some(meta.at.to_string());
                m.approved_at = None;
            }
            C::Approve {
                meeting,
                party,
                hash,
                seal,
            } => {
                let answer = Answer {
                    party,
                    hash,
                    verdict: Verdict::Approve,
                    comment: String::new(),
                    seal,
                };
                self.answer(meta, &meeting, answer)?
            }
            C::RequestChanges {
                meeting,
                party,
                hash,
                text,
            } => {
                let answer = Answer {
                    party,
                    hash,
                    verdict: Verdict::ChangesRequested,
                    comment: text,
                    seal: String::new(),
                };
                self.answer(meta, &meeting, answer)?
            }
            _ => return Err(RejectReason::UnknownTarget),
        }
        Ok(())
    }

    /// A party's answer in the approval round. When the last party needed has approved the
    /// content under approval, the minutes are approved and locked.
    fn answer(&mut self, meta: &OpMeta, meeting: &str, a: Answer) -> Result<(), RejectReason> {
        let Answer {
            party,
            hash,
            verdict,
            comment,
            seal,
        } = a;
        let forum = std::mem::take(&mut self.forum);
        let result = (|| {
            let m = self.meeting_mut(meeting)?;
            if m.status != MeetingStatus::Circulated {
                return Err(RejectReason::IllegalTransition);
            }
            own_party_only(meta.author.writes_for(&party))?;
            if m.content_hash.as_ref() != Some(&hash) {
                return Err(RejectReason::StaleHash);
            }
            if !m.approvers.is_empty() && !m.approvers.contains(&party) {
                return Err(RejectReason::NotAnApprover);
            }
            m.approvals.retain(|a| a.party != party);
            m.approvals.push(Approval {
                party,
                hash,
                at: meta.at.to_string(),
                by: meta.author.name.clone(),
                verdict,
                comment,
                person: meta.author.person.clone(),
                seal,
            });
            if verdict == Verdict::Approve && m.waiting_for(&forum).is_empty() {
                m.status = MeetingStatus::Approved;
                m.approved_at = Some(meta.at.to_string());
            }
            Ok(())
        })();
        self.forum = forum;
        result
    }
}

/// A party's answer in an approval round, as its op gives it.
struct Answer {
    party: Id,
    hash: String,
    verdict: Verdict,
    comment: String,
    seal: String,
}

/// Move a meeting to `to` where the rules allow it. Approved minutes that leave their
/// approved state are kept as they were approved.
fn move_to(m: &mut Meeting, to: MeetingStatus) -> Result<(), RejectReason> {
    let was = m.status;
    m.status = was
        .transition(to)
        .map_err(|_| RejectReason::IllegalTransition)?;
    if was == MeetingStatus::Approved {
        keep_approved_version(m);
    }
    Ok(())
}

/// Approved minutes leave their approved state for a new round: keep them as approved, and
/// start the new round with no answers.
fn keep_approved_version(m: &mut Meeting) {
    let earlier = ApprovedVersion {
        hash: m.content_hash.take().unwrap_or_default(),
        approved_at: m.approved_at.take().unwrap_or_default(),
        approvals: std::mem::take(&mut m.approvals),
        meeting: Box::new(Meeting {
            earlier_versions: Vec::new(),
            status: MeetingStatus::Approved,
            ..m.clone()
        }),
    };
    m.earlier_versions.push(earlier);
    m.approval_deadline = None;
    m.circulated_at = None;
    m.approvers = Vec::new();
}
