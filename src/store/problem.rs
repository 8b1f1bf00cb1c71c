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
}
