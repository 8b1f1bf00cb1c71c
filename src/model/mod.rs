//! The domain: forum, meetings, agenda items, positions, votes, actions and the rules that
//! govern them. Pure: no I/O, no terminal, no clock of its own (times come in as arguments).

mod action;
mod authority;
mod change;
mod claim;
mod date;
mod deadline;
mod doc;
mod exemption;
mod fields;
mod forum;
mod id;
mod item;
mod item_public;
mod lookup;
mod meeting;
mod passage;
mod protocol;
mod text_merge;
mod vote;

pub use action::{Action, ActionChange, ActionField, ActionStatus, Owner};
pub use authority::{Actor, Needs};
pub use change::{Author, Change, OpMeta, RejectReason, Rejection, Scope, TEMPLATE_WRITER};
pub use claim::{ClaimOrder, ItemNumber, NumberClaim, NumberRecord, next_item_number};
pub use date::{DateError, parse_date};
pub use deadline::{Ha20Deadlines, ha20_deadlines, late_documents};
pub use doc::{Doc, MINUTES_VERSION, Minutes, SCHEMA_VERSION};
pub use exemption::{Exemption, Hjemmel, default_hjemler};
pub use forum::{
    DEFAULT_DOCUMENT_DAYS, DevArea, DevAreaStatus, DevAreaStatusChange, Forum, ForumField,
    GoalArea, JoinRequest, KeyGrant, Party, Person, Role, SeatGroup, Side,
};
pub use id::{Id, is_safe_id};
pub use item::{
    Agreement, Input, InputTarget, Item, ItemField, ItemKind, Position, Speaker, Stance, Statement,
    TextField,
};
pub use lookup::{LookupError, default_meeting, find_meeting};
pub use meeting::{
    Approval, ApprovedVersion, Attendance, Document, Meeting, MeetingField, MeetingStatus,
    Presence, ProtocolScope, TransitionError, Verdict,
};
pub use passage::{Passage, passages, redact_passages};
pub use protocol::{ProtocolSignature, ProtocolState, ProtocolStatus};
pub use text_merge::{
    CONFLICT_END, CONFLICT_SEPARATOR, CONFLICT_START, ConflictLine, conflict_count, conflict_line,
    merge_text,
};
pub use vote::{
    Ballot, CountEntry, Vote, VoteMethod, VoteOption, VoteOptionKind, VoteOutcome, VoteRule, tally,
};
