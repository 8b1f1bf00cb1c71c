//! The words for the domain's values: each value names its message in the catalogue, so
//! its text stands once in nb.rs and once in en.rs like every other text.

use super::Msg;
use crate::model::{
    ActionStatus, Agreement, DevAreaStatus, ItemKind, MeetingStatus, Presence, RejectReason, Side,
    Stance, VoteMethod, VoteRule,
};
use crate::store::archive::Field;

/// A value that people read as a word or a phrase: `lang.label(value)` gives it.
pub trait Label {
    fn msg(&self) -> Msg;
}

impl<T: Label> Label for &T {
    fn msg(&self) -> Msg {
        (**self).msg()
    }
}

impl Label for ItemKind {
    fn msg(&self) -> Msg {
        match self {
            ItemKind::Information => Msg::KindInformation,
            ItemKind::Consultation => Msg::KindConsultation,
            ItemKind::Negotiation => Msg::KindNegotiation,
            ItemKind::Other => Msg::KindOther,
        }
    }
}

impl Label for MeetingStatus {
    fn msg(&self) -> Msg {
        match self {
            MeetingStatus::Planned => Msg::MeetingPlanned,
            MeetingStatus::Open => Msg::MeetingOpen,
            MeetingStatus::Closed => Msg::MeetingClosed,
            MeetingStatus::Circulated => Msg::MeetingCirculated,
            MeetingStatus::Approved => Msg::MeetingApproved,
        }
    }
}

impl Label for Stance {
    fn msg(&self) -> Msg {
        match self {
            Stance::Agree => Msg::StanceAgree,
            Stance::Disagree => Msg::StanceDisagree,
            Stance::TakesNote => Msg::StanceTakesNote,
            Stance::Abstains => Msg::StanceAbstains,
            Stance::Demand => Msg::StanceDemand,
            Stance::Offer => Msg::StanceOffer,
            Stance::Remark => Msg::StanceRemark,
            Stance::View => Msg::StanceView,
        }
    }
}

impl Label for ActionStatus {
    fn msg(&self) -> Msg {
        match self {
            ActionStatus::Proposed => Msg::ActionProposed,
            ActionStatus::Open => Msg::ActionOpen,
            ActionStatus::InProgress => Msg::ActionInProgress,
            ActionStatus::Done => Msg::ActionDone,
            ActionStatus::Dropped => Msg::ActionDropped,
        }
    }
}

impl Label for Presence {
    /// The same words as the attendance list's labels, except for the plural "Substitutes".
    fn msg(&self) -> Msg {
        match self {
            Presence::Present => Msg::Present,
            Presence::Absent => Msg::Absent,
            Presence::Substitute => Msg::PresenceSubstitute,
        }
    }
}

impl Label for Agreement {
    fn msg(&self) -> Msg {
        match self {
            Agreement::Agreement => Msg::AgreementReached,
            Agreement::Disagreement => Msg::AgreementNotReached,
        }
    }
}

impl Label for DevAreaStatus {
    fn msg(&self) -> Msg {
        match self {
            DevAreaStatus::NotStarted => Msg::AreaNotStarted,
            DevAreaStatus::UnderWay => Msg::AreaUnderWay,
            DevAreaStatus::Achieved => Msg::AreaAchieved,
        }
    }
}

impl Label for Side {
    fn msg(&self) -> Msg {
        match self {
            Side::Employer => Msg::SideEmployer,
            Side::Union => Msg::SideUnion,
            Side::Safety => Msg::SideSafety,
        }
    }
}

impl Label for VoteRule {
    fn msg(&self) -> Msg {
        match self {
            VoteRule::SimpleMajority => Msg::RuleSimpleMajority,
            VoteRule::TwoThirds => Msg::RuleTwoThirds,
            VoteRule::Unanimity => Msg::RuleUnanimity,
            VoteRule::Consensus => Msg::RuleConsensus,
        }
    }
}

impl Label for VoteMethod {
    fn msg(&self) -> Msg {
        match self {
            VoteMethod::PerParty => Msg::MethodPerParty,
            VoteMethod::PerPerson => Msg::MethodPerPerson,
            VoteMethod::Count => Msg::MethodCount,
        }
    }
}

/// What kind of text a search hit is in.
impl Label for Field {
    fn msg(&self) -> Msg {
        match self {
            Field::MeetingTitle => Msg::HitMeetingTitle,
            Field::ItemTitle => Msg::HitItemTitle,
            Field::Background => Msg::HitBackground,
            Field::Notes => Msg::HitNotes,
            Field::Position => Msg::HitPosition,
            Field::Statement => Msg::HitStatement,
            Field::Conclusion => Msg::HitConclusion,
            Field::Input => Msg::HitInput,
            Field::Vote => Msg::HitVote,
            Field::Action => Msg::HitAction,
            Field::ExemptPassage => Msg::HitExemptPassage,
        }
    }
}

/// Why an op was refused, for people.
impl Label for RejectReason {
    fn msg(&self) -> Msg {
        match self {
            RejectReason::Locked => Msg::RefusedLocked,
            RejectReason::NotYourParty => Msg::RefusedNotYourParty,
            RejectReason::UnknownTarget => Msg::RefusedUnknownTarget,
            RejectReason::Duplicate => Msg::RefusedDuplicate,
            RejectReason::IllegalTransition => Msg::RefusedIllegalTransition,
            RejectReason::VoteClosed => Msg::RefusedVoteClosed,
            RejectReason::StaleHash => Msg::RefusedStaleHash,
            RejectReason::NotAnApprover => Msg::RefusedNotAnApprover,
            RejectReason::NotYourRole => Msg::RefusedNotYourRole,
            RejectReason::ReadOnlyRole => Msg::RefusedReadOnlyRole,
            RejectReason::NotSigned => Msg::RefusedNotSigned,
            RejectReason::KeyNotAdmitted => Msg::RefusedKeyNotAdmitted,
            RejectReason::NotTheSigner => Msg::RefusedNotTheSigner,
            RejectReason::BadId => Msg::RefusedBadId,
            RejectReason::StanceDoesNotFit => Msg::RefusedStanceDoesNotFit,
            RejectReason::NotASignatory => Msg::RefusedNotASignatory,
            RejectReason::ProtocolSigned => Msg::RefusedProtocolSigned,
        }
    }
}
