use std::path::{Path, PathBuf};

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
    /// A pack of logs (`pack`) that is not one: why. None of its lines are read.
    BadPack(String),
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
    /// A sync tool's conflict copy of a log (`log`), read as that writer's lines: how many
    /// of them the log lacks (none: the copy can be removed).
    ConflictCopy { log: PathBuf, new_lines: usize },
    /// A line of a conflict copy and a line of its log (`log`, line `log_line`) with one
    /// number (`writer:seq`) and other content: the writer's history forked. Both are read.
    Fork {
        log: PathBuf,
        log_line: usize,
        op: String,
    },
    /// This machine's log was changed by another program (a sync) and put back: how many
    /// of its lines were missing, and where what was found there is kept.
    Restored { lines: usize, kept: Option<PathBuf> },
}

impl ProblemKind {
    /// Found by reading the logs (and found again by the next read), not by repairing.
    pub fn found_reading(&self) -> bool {
        !matches!(
            self,
            ProblemKind::Quarantined(_)
                | ProblemKind::PermissionsFixed { .. }
                | ProblemKind::Restored { .. }
        )
    }

    /// A repair that leaves the logs in order: a fold may be kept as a snapshot after it.
    pub fn is_repair(&self) -> bool {
        matches!(
            self,
            ProblemKind::PermissionsFixed { .. } | ProblemKind::Restored { .. }
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
                | ProblemKind::Fork { .. }
        )
    }
}

/// Why the data folder cannot be written: the folder samrad tried, and the system's error.
#[derive(Debug, Clone, PartialEq)]
pub struct Unwritable {
    pub path: PathBuf,
    pub kind: std::io::ErrorKind,
    pub error: String,
}

impl Unwritable {
    pub fn of(path: &Path, e: &std::io::Error) -> Unwritable {
        Unwritable {
            path: path.to_path_buf(),
            kind: e.kind(),
            error: e.to_string(),
        }
    }

    /// Whether a write failed because the folder cannot be written (and not, say, for a
    /// full disk): then the folder is read-only from now on.
    pub fn is_why(e: &std::io::Error) -> bool {
        matches!(
            e.kind(),
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
        )
    }
}
