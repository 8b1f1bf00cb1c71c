//! What a verify found: the report, meeting by meeting, and its findings and notes.

use crate::model::MeetingStatus;

/// The outcome of one verify.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// The forum's logs; shown with `--all` only.
    pub forum: Option<Logs>,
    /// With one meeting: how many changes the forum's logs show (the forum's parties,
    /// people and action list are part of every meeting's record). Said, not counted in
    /// the meeting's verdict; `--all` names them.
    pub forum_changes: usize,
    /// One per meeting, by date.
    pub meetings: Vec<MeetingReport>,
}

impl Report {
    /// Whether anything was changed: the exit code.
    pub fn changed(&self) -> bool {
        self.forum.as_ref().is_some_and(|f| !f.changed.is_empty())
            || self.meetings.iter().any(|m| m.verdict == Verdict::Changed)
    }

    pub fn count(&self, verdict: Verdict) -> usize {
        self.meetings
            .iter()
            .filter(|m| m.verdict == verdict)
            .count()
    }
}

/// What the hash chains of a set of log files say.
#[derive(Debug, Clone, Default)]
pub struct Logs {
    pub files: usize,
    pub entries: usize,
    pub changed: Vec<Finding>,
    pub notes: Vec<Note>,
    /// Their folder in the data folder, as shown (`log/forum/`).
    pub dir: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Approved, and nothing changed since.
    Intact,
    /// Something in the logs or the minutes is not as it was written or approved.
    Changed,
    /// Nothing changed, and nothing approved to check (yet).
    NotApproved,
}

#[derive(Debug, Clone)]
pub struct MeetingReport {
    pub id: String,
    pub title: String,
    pub starts_at: String,
    /// `None`: the logs hold no meeting.
    pub status: Option<MeetingStatus>,
    pub verdict: Verdict,
    /// The approved round, when the minutes are approved.
    pub approved: Option<Round>,
    /// Short names of the parties whose approval is missing, while circulated.
    pub waiting_for: Vec<String>,
    pub changed: Vec<Finding>,
    pub notes: Vec<Note>,
}

impl MeetingReport {
    /// A meeting with nothing found yet.
    pub(super) fn empty(id: &str) -> MeetingReport {
        MeetingReport {
            id: id.to_string(),
            title: String::new(),
            starts_at: String::new(),
            status: None,
            verdict: Verdict::NotApproved,
            approved: None,
            waiting_for: Vec::new(),
            changed: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// The verdict, from what was found.
    pub(super) fn finish(mut self) -> MeetingReport {
        self.verdict = if !self.changed.is_empty() {
            Verdict::Changed
        } else if self.status == Some(MeetingStatus::Approved) {
            Verdict::Intact
        } else {
            Verdict::NotApproved
        };
        self
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    pub hash: String,
    pub approved_at: String,
    /// How many parties approved.
    pub parties: usize,
}

/// Something that is not as it was written or approved.
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    /// A log line breaks its file's hash chain: the first break of the file.
    Log {
        file: String,
        line: usize,
        /// `writer:seq` of the line, when it can be read.
        entry: Option<String>,
        why: LogBreak,
    },
    /// A log file that could not be read, so could not be checked.
    Unreadable { file: String, error: String },
    /// The content folded from the logs now is not the content that was approved.
    Fold {
        dir: String,
        hash: String,
        approved: String,
        place: Option<Place>,
    },
    /// The minutes file's content does not have the hash it was approved (or circulated) with.
    Minutes {
        file: String,
        hash: String,
        approved: String,
        place: Option<Place>,
    },
    /// The minutes file cannot be read as minutes.
    MinutesInvalid { file: String, error: String },
    /// The approvals in the minutes file are not those in the logs.
    MinutesApprovals { file: String },
    /// The minutes file says approved, with a hash the logs never approved.
    ApprovalMissing { file: String, hash: String },
    /// The minutes file says approved, and the meeting's logs are gone.
    LogsMissing { dir: String, file: String },
    /// An earlier approved version does not have its hash any more.
    Earlier {
        place_of: String,
        approved_at: String,
        hash: String,
        place: Option<Place>,
    },
    /// A party's approval in the round is for other content than the round's.
    ApprovalHash { dir: String, party: String },
    /// A party's signature of the approved content does not hold for its approver's key.
    Seal { dir: String, party: String },
    /// A party's signature of a forhandling's protokoll does not hold for its key.
    ProtocolSeal {
        dir: String,
        item: String,
        party: String,
    },
    /// A line refused as the store refuses it (another folder's, a made-up template line,
    /// a signature that does not hold), or a line someone had seen that is gone or changed.
    Line(crate::store::Problem),
    /// An entry that tried what its writer may not do (write in someone else's name, for
    /// another party, beyond their role, without an admitted key): refused, counting for
    /// nothing, and reported.
    Refused(crate::model::Rejection),
}

/// How a log line breaks the chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogBreak {
    /// Not a valid entry at all.
    NotAnEntry,
    /// The file's first line points to a line before it: lines were removed from the start.
    StartsMidChain,
    /// This line is not the line the next line was chained to: it was changed (or a line
    /// after it removed, or one inserted).
    NextDisagrees { next: usize },
    /// The entry's number does not increase.
    SeqNotIncreasing,
    /// The entry names another writer than the file's.
    OtherWriter,
}

/// Worth saying, but not a change.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// A forhandling's protokoll: how many of its parties have signed what it says now.
    Protocol {
        item: String,
        signed: usize,
        of: usize,
    },
    /// An unfinished last line: a write cut off by a crash.
    TornTail {
        file: String,
        line: usize,
    },
    /// A line from a newer samrad: its chain is checked, its content is not.
    Newer {
        file: String,
        line: usize,
        v: u32,
    },
    Blank {
        file: String,
        line: usize,
    },
    /// The minutes file is from before the logs' current state; not compared.
    MinutesStale {
        file: String,
        status: MeetingStatus,
    },
    MinutesNewer {
        file: String,
        v: u32,
    },
    EarlierIntact {
        approved_at: String,
        hash: String,
    },
    /// A minutes file without logs, not saying approved.
    NoLogs {
        dir: String,
        file: String,
    },
    /// A sync tool's conflict copy of a log, read as its writer's lines (and whether it
    /// holds any the log lacks). A copy that forks from its log is a `Finding::Line`.
    Copy(crate::store::Problem),
}

/// Where two versions of a meeting first differ.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    Meeting {
        field: String,
        entry: Option<Entry>,
    },
    Item {
        number: String,
        field: String,
        entry: Option<Entry>,
    },
    /// An item of the reference that the other lacks.
    ItemMissing {
        number: String,
    },
    /// An item the other has and the reference does not.
    ItemAdded {
        number: String,
    },
    ItemOrder,
}

/// One entry of a list (a position, a statement, a vote): its place, 1-based, and party.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub n: usize,
    pub party: Option<String>,
}
