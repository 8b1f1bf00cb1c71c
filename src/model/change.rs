//! Changes: the payload of every op. A change is plain data; `Doc::apply` folds it.

use serde::{Deserialize, Serialize};

use super::{
    ActionField, ActionStatus, DevArea, DevAreaStatus, Document, ForumField, GoalArea, Id, Input,
    ItemField, ItemKind, ItemNumber, MeetingField, MeetingStatus, Owner, Party, Person, Presence,
    Stance, TextField, VoteMethod, VoteOption, VoteRule,
};

/// The writer id of the template's ops: they ship in the binary and seed the forum. No
/// running samrad ever takes it.
pub const TEMPLATE_WRITER: &str = "template";

/// Who wrote an op.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<Id>,
}

impl Author {
    /// Whether the writer writes for `party`: only the party's own may write its
    /// statements, cast its votes and give its approval.
    pub fn writes_for(&self, party: &str) -> bool {
        self.party.as_deref() == Some(party)
    }
}

/// What the fold needs to know about the op a change came in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OpMeta<'a> {
    pub writer: &'a str,
    pub seq: u64,
    /// RFC 3339 with offset.
    pub at: &'a str,
    /// Who the op says wrote it.
    pub author: &'a Author,
    /// The key whose signature on the op was checked (by the store): `None` for an
    /// unsigned op, or one whose signature does not hold.
    pub key: Option<&'a str>,
    /// The op's hybrid clock (milliseconds, counter): with writer and seq, where it
    /// stands in fold order.
    pub clock: (i64, u32),
}

impl OpMeta<'_> {
    /// `writer:seq`.
    pub fn id(&self) -> String {
        format!("{}:{}", self.writer, self.seq)
    }
}

/// Where a change's op is stored: the forum's logs or one meeting's logs.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    Forum,
    Meeting(Id),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Forum {
        id: Id,
        name: String,
    },
    /// A setting of the forum (the days documents should be sent before a meeting).
    ForumSet {
        set: ForumField,
    },
    PartyPut {
        party: Party,
    },
    /// The forum's settings: whether the virksomhet is a departement (HA § 11).
    ForumSettings {
        departement: bool,
    },
    PersonPut {
        person: Person,
    },
    GoalAreaPut {
        area: GoalArea,
    },
    DevAreaPut {
        area: DevArea,
    },
    /// Put a hjemmel for unntatt offentlighet into the forum's list (by id; `retired`
    /// takes it off).
    HjemmelPut {
        hjemmel: super::Hjemmel,
    },
    DevAreaStatus {
        area: Id,
        status: DevAreaStatus,
        #[serde(default)]
        note: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        meeting: Option<Id>,
    },
    ActionAdd {
        id: Id,
        title: String,
        owner: Owner,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due: Option<chrono::NaiveDate>,
        status: ActionStatus,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        meeting: Option<Id>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        item: Option<Id>,
        #[serde(default)]
        areas: Vec<Id>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        proposed_by: Option<Id>,
    },
    ActionSet {
        id: Id,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        meeting: Option<Id>,
        set: ActionField,
    },
    /// An input to a development area (forum-wide). Inputs to items use `ItemInput`.
    AreaInput {
        input: Input,
    },

    MeetingCreate {
        meeting: Id,
        title: String,
        starts_at: String,
    },
    MeetingSet {
        meeting: Id,
        set: MeetingField,
    },
    MeetingStatus {
        meeting: Id,
        to: MeetingStatus,
    },
    Attend {
        meeting: Id,
        person: Id,
        presence: Presence,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        for_person: Option<Id>,
        /// The name of a substitute who is not in the forum, standing in for `person`.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        substitute: String,
    },
    DocumentPut {
        meeting: Id,
        document: Document,
    },
    DocumentRemove {
        meeting: Id,
        document: Id,
    },
    ItemAdd {
        meeting: Id,
        item: Id,
        number: ItemNumber,
        title: String,
        kind: ItemKind,
        rank: i64,
    },
    ItemSet {
        meeting: Id,
        item: Id,
        set: ItemField,
    },
    ItemDelete {
        meeting: Id,
        item: Id,
    },
    /// A long text of an item, edited from `base` (the text its writer started from):
    /// merged into the text as it stands, never overwriting what others wrote meanwhile.
    ItemText {
        meeting: Id,
        item: Id,
        field: TextField,
        base: String,
        text: String,
    },
    Position {
        meeting: Id,
        item: Id,
        party: Id,
        stance: Stance,
        #[serde(default)]
        reason: String,
        /// The reason its writer started from; the reason merges like `ItemText`. `None`
        /// (older ops): the reason replaces the party's last one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        base: Option<String>,
    },
    /// A party takes its position on an item back (the chair may, on its behalf).
    PositionWithdraw {
        meeting: Id,
        item: Id,
        party: Id,
    },
    /// An item deleted by mistake comes back as it was (the chair's undo).
    ItemRestore {
        meeting: Id,
        item: Id,
    },
    Statement {
        meeting: Id,
        item: Id,
        party: Id,
        text: String,
        /// The statement its writer started from; merges like `ItemText`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        base: Option<String>,
    },
    ItemInput {
        meeting: Id,
        input: Input,
    },
    VoteOpen {
        meeting: Id,
        item: Id,
        vote: Id,
        question: String,
        options: Vec<VoteOption>,
        method: VoteMethod,
        rule: VoteRule,
    },
    VoteCast {
        meeting: Id,
        item: Id,
        vote: Id,
        voter: Id,
        option: Option<usize>,
    },
    VoteCount {
        meeting: Id,
        item: Id,
        vote: Id,
        counts: Vec<u32>,
        /// The count entries (op ids) this one settles: those its writer saw as current.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        replaces: Vec<String>,
    },
    VoteClose {
        meeting: Id,
        item: Id,
        vote: Id,
    },
    /// Ask for the floor on an item (the writer is the speaker).
    SpeakerRequest {
        meeting: Id,
        item: Id,
        speaker: Id,
    },
    /// The chair gives the floor; whoever spoke before is done.
    SpeakerStart {
        meeting: Id,
        item: Id,
        speaker: Id,
    },
    SpeakerEnd {
        meeting: Id,
        item: Id,
        speaker: Id,
    },
    /// A speaker takes back their request.
    SpeakerWithdraw {
        meeting: Id,
        item: Id,
        speaker: Id,
    },
    /// Sak numbers in the forum's log: claimed when items are added, or fixed when the
    /// minutes that show them go round (`model/doc/numbering.rs`).
    ItemNumbers {
        meeting: Id,
        numbers: Vec<(Id, ItemNumber)>,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        fixed: bool,
    },
    /// The chair sends closed (or approved) minutes round for approval (HA § 21), with the
    /// hash of their canonical content and a deadline for the answers.
    Circulate {
        meeting: Id,
        hash: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        deadline: Option<chrono::NaiveDate>,
        /// The parties whose approval is needed, as the chair saw them (so that later
        /// changes to the forum do not change the round). Empty: taken from the forum.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        parties: Vec<Id>,
    },
    /// A party approves the minutes whose content has `hash`.
    Approve {
        meeting: Id,
        party: Id,
        hash: String,
        /// The approver's OpenSSH signature (`sshsig`, namespace `samrad-approval`) of the
        /// content approved, which anyone can check with `ssh-keygen -Y verify`.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        seal: String,
    },
    /// A party signs the protokoll of a forhandling item at the table: `hash` is
    /// `Meeting::protocol_hash` of the content it signs, `seal` an `sshsig` of it.
    SignProtocol {
        meeting: Id,
        item: Id,
        party: Id,
        hash: String,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        seal: String,
    },
    /// A party asks for changes to the circulated minutes.
    RequestChanges {
        meeting: Id,
        party: Id,
        hash: String,
        text: String,
    },

    /// The founder takes the chair's seat with their key: from here on, every op must be
    /// signed by a key the forum has admitted for its author.
    Genesis {
        person: Id,
        key: String,
    },
    /// Someone asks to sit in the forum as `person` (a seat that exists, or a new person),
    /// signing with `key`. Until the forum is secured the seat is taken at once; after,
    /// the chair admits the key.
    JoinRequest {
        person: Person,
        key: String,
    },
    /// The chair or minute-taker admits a key for a person (and the person, when new).
    Admit {
        person: Id,
        key: String,
    },
    /// A second key for an admitted person: signed by one of their keys, or by the chair.
    AddKey {
        person: Id,
        key: String,
    },
}

impl Change {
    /// Who sits in the forum and with which keys: folded before everything else, so
    /// that every other change is judged by the whole roster, whenever it was written.
    pub fn is_roster(&self) -> bool {
        matches!(
            self,
            Change::Genesis { .. }
                | Change::JoinRequest { .. }
                | Change::Admit { .. }
                | Change::AddKey { .. }
                | Change::PartyPut { .. }
                | Change::PersonPut { .. }
        )
    }

    /// Whether applying it can change a sak number (`Doc::settle_numbers`).
    pub fn touches_numbers(&self) -> bool {
        matches!(
            self,
            Change::ItemAdd { .. }
                | Change::ItemRestore { .. }
                | Change::ItemNumbers { .. }
                | Change::MeetingStatus { .. }
                | Change::Circulate { .. }
        )
    }

    /// A change that owns nothing, to leave behind when a change is moved out of an op.
    pub fn placeholder() -> Change {
        Change::DocumentRemove {
            meeting: Id::new(),
            document: Id::new(),
        }
    }

    /// The agenda item a change is about, if it is about one.
    pub fn item_id(&self) -> Option<&Id> {
        use Change::*;
        match self {
            ItemAdd { item, .. }
            | ItemSet { item, .. }
            | ItemText { item, .. }
            | ItemDelete { item, .. }
            | Position { item, .. }
            | Statement { item, .. }
            | VoteOpen { item, .. }
            | VoteCast { item, .. }
            | VoteCount { item, .. }
            | VoteClose { item, .. }
            | SpeakerRequest { item, .. }
            | SpeakerStart { item, .. }
            | SpeakerEnd { item, .. }
            | SpeakerWithdraw { item, .. }
            | SignProtocol { item, .. }
            | PositionWithdraw { item, .. }
            | ItemRestore { item, .. } => Some(item),
            ItemInput { input, .. } => match &input.target {
                super::InputTarget::Item(i) => Some(i),
                super::InputTarget::DevArea(_) => None,
            },
            _ => None,
        }
    }

    /// The change's name as it stands in the log.
    pub fn kind_name(&self) -> &'static str {
        use Change::*;
        match self {
            Forum { .. } => "forum",
            ForumSet { .. } => "forum_set",
            PartyPut { .. } => "party_put",
            ForumSettings { .. } => "forum_settings",
            PersonPut { .. } => "person_put",
            GoalAreaPut { .. } => "goal_area_put",
            DevAreaPut { .. } => "dev_area_put",
            HjemmelPut { .. } => "hjemmel_put",
            DevAreaStatus { .. } => "dev_area_status",
            ActionAdd { .. } => "action_add",
            ActionSet { .. } => "action_set",
            AreaInput { .. } => "area_input",
            MeetingCreate { .. } => "meeting_create",
            MeetingSet { .. } => "meeting_set",
            MeetingStatus { .. } => "meeting_status",
            Attend { .. } => "attend",
            DocumentPut { .. } => "document_put",
            DocumentRemove { .. } => "document_remove",
            ItemAdd { .. } => "item_add",
            ItemSet { .. } => "item_set",
            ItemText { .. } => "item_text",
            ItemDelete { .. } => "item_delete",
            Position { .. } => "position",
            PositionWithdraw { .. } => "position_withdraw",
            ItemRestore { .. } => "item_restore",
            Statement { .. } => "statement",
            ItemInput { .. } => "item_input",
            VoteOpen { .. } => "vote_open",
            VoteCast { .. } => "vote_cast",
            VoteCount { .. } => "vote_count",
            VoteClose { .. } => "vote_close",
            SpeakerRequest { .. } => "speaker_request",
            SpeakerStart { .. } => "speaker_start",
            SpeakerEnd { .. } => "speaker_end",
            SpeakerWithdraw { .. } => "speaker_withdraw",
            Approve { .. } => "approve",
            SignProtocol { .. } => "sign_protocol",
            Circulate { .. } => "circulate",
            ItemNumbers { .. } => "item_numbers",
            RequestChanges { .. } => "request_changes",
            Genesis { .. } => "genesis",
            JoinRequest { .. } => "join_request",
            Admit { .. } => "admit",
            AddKey { .. } => "add_key",
        }
    }

    pub fn scope(&self) -> Scope {
        self.meeting_scope()
            .map_or(Scope::Forum, |id| Scope::Meeting(id.clone()))
    }

    /// The meeting whose logs hold this change, `None` for the forum's: `scope` without
    /// a copy of the id.
    pub fn meeting_scope(&self) -> Option<&Id> {
        use Change::*;
        match self {
            Genesis { .. } | JoinRequest { .. } | Admit { .. } | AddKey { .. } => None,
            Forum { .. }
            | ForumSet { .. }
            | ForumSettings { .. }
            | PartyPut { .. }
            | PersonPut { .. }
            | GoalAreaPut { .. }
            | DevAreaPut { .. }
            | HjemmelPut { .. }
            | DevAreaStatus { .. }
            | ActionAdd { .. }
            | ActionSet { .. }
            | AreaInput { .. }
            | ItemNumbers { .. } => None,
            MeetingCreate { meeting, .. }
            | MeetingSet { meeting, .. }
            | MeetingStatus { meeting, .. }
            | Attend { meeting, .. }
            | DocumentPut { meeting, .. }
            | DocumentRemove { meeting, .. }
            | ItemAdd { meeting, .. }
            | ItemSet { meeting, .. }
            | ItemText { meeting, .. }
            | ItemDelete { meeting, .. }
            | Position { meeting, .. }
            | PositionWithdraw { meeting, .. }
            | ItemRestore { meeting, .. }
            | Statement { meeting, .. }
            | ItemInput { meeting, .. }
            | VoteOpen { meeting, .. }
            | VoteCast { meeting, .. }
            | VoteCount { meeting, .. }
            | VoteClose { meeting, .. }
            | SpeakerRequest { meeting, .. }
            | SpeakerStart { meeting, .. }
            | SpeakerEnd { meeting, .. }
            | SpeakerWithdraw { meeting, .. }
            | Approve { meeting, .. }
            | SignProtocol { meeting, .. }
            | Circulate { meeting, .. }
            | RequestChanges { meeting, .. } => Some(meeting),
        }
    }
}

/// Why an op was not applied. Rejected ops stay in the log and are shown, never hidden.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RejectReason {
    /// The minutes are approved and locked.
    Locked,
    /// Only a writer of the party may write its statement or cast its vote.
    NotYourParty,
    /// The record it changes does not exist (or was deleted).
    UnknownTarget,
    /// A record with this id exists already.
    Duplicate,
    /// Not a legal meeting status transition.
    IllegalTransition,
    /// The vote is closed.
    VoteClosed,
    /// An approval given on other content than the content under approval.
    StaleHash,
    /// The party's approval is not needed (or no party's is: nothing to circulate).
    NotAnApprover,
    /// The writer's role does not allow it (e.g. a representative opening a vote).
    NotYourRole,
    /// A reviewer writes nothing.
    ReadOnlyRole,
    /// The forum is secured and the op is not signed (or its signature does not hold).
    NotSigned,
    /// Signed by a key the forum has not admitted.
    KeyNotAdmitted,
    /// Signed by a key admitted for someone else than the op says wrote it.
    NotTheSigner,
    /// An id that cannot name a file (a meeting's or a person's).
    BadId,
    /// A stance that does not fit the item's kind (e.g. "enig" on an information item).
    StanceDoesNotFit,
    /// A protokoll signature on other content than the protokoll as it stands, or from
    /// someone who is not a party to the negotiation.
    NotASignatory,
    /// A change to a protokoll every party has signed (its content is final), or to how
    /// the meeting's protokolls are cut once someone has signed.
    ProtocolSigned,
}

impl RejectReason {
    /// Whether the op tried what its writer may not do: write in someone else's name, for
    /// another party, beyond their role, or without a key the forum knows. Such a refusal
    /// is a breach of the record, not a clash of two edits: `samrad verify` reports it.
    pub fn is_breach(&self) -> bool {
        matches!(
            self,
            RejectReason::NotYourParty
                | RejectReason::NotYourRole
                | RejectReason::ReadOnlyRole
                | RejectReason::NotSigned
                | RejectReason::KeyNotAdmitted
                | RejectReason::NotTheSigner
                | RejectReason::BadId
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Rejection {
    pub op: String,
    pub at: String,
    pub by: String,
    pub reason: RejectReason,
    /// What was attempted, e.g. "statement of ntl on item i-3".
    pub what: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<Id>,
}
