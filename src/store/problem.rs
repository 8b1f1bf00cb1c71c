use std::path::PathBuf;

/// Something wrong with a file that was skipped or repaired. Shown to the user (in their
/// language, by `i18n::problem`), never fatal.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// The last line was cut off (a write that never finished); it was left out.
    TornTail,
    /// A line that is not a valid op; it was skipped.
    BadLine(String),
    /// Written by a newer samrad; the data folder is opened read-only.
    NewerSchema(u32),
    /// A file that could not be read at all.
    Unreadable(String),
    /// A derived file that could not be read was moved aside to this path and rebuilt.
    Quarantined(PathBuf),
    /// A file or folder whose permissions were too open and were tightened.
    PermissionsFixed { was: u32, now: u32 },
    /// Not a plain file (a pipe, a device, a link): not read.
    NotARegularFile,
    /// Larger than any log samrad writes: not read.
    TooLarge(u64),
    /// A line longer than any op (its length): skipped.
    LineTooLong(usize),
    /// A line of another writer (named) in this writer's file: refused.
    OtherWriter(String),
    /// A line for another scope (the meeting it names, or the forum) in this folder: refused.
    WrongFolder(String),
    /// A line in the template's name that is not in the template samrad ships: refused.
    NotTheTemplate,
    /// A signed line whose signature does not hold: it counts as unsigned.
    BadSignature,
    /// A line stamped further ahead of this machine's clock than a day (its time): left out
    /// until then, so that one line cannot pin the clock.
    ClockAhead(String),
    /// A line another writer had seen is gone from its log (`writer:seq`, and who saw it).
    HistoryCut { op: String, seen_by: String },
    /// A line another writer had seen has changed since (`writer:seq`, and who saw it).
    HistoryAltered { op: String, seen_by: String },
}

impl ProblemKind {
    /// Found by reading the logs (and found again by the next read), not by repairing.
    pub fn found_reading(&self) -> bool {
        !matches!(
            self,
            ProblemKind::Quarantined(_) | ProblemKind::PermissionsFixed { .. }
        )
    }

    /// Whether the record was tampered with (not an accident of a crash or a sync).
    pub fn is_breach(&self) -> bool {
        matches!(
            self,
            ProblemKind::OtherWriter(_)
                | ProblemKind::WrongFolder(_)
                | ProblemKind::NotTheTemplate
                | ProblemKind::BadSignature
                | ProblemKind::HistoryCut { .. }
                | ProblemKind::HistoryAltered { .. }
        )
    }
}
