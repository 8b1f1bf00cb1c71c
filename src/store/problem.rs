use std::fmt;
use std::path::PathBuf;

/// Something wrong with a file that was skipped or repaired. Shown to the user, never fatal.
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

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = match self.line {
            Some(n) => format!("{}:{n}", self.path.display()),
            None => self.path.display().to_string(),
        };
        match &self.kind {
            ProblemKind::TornTail => write!(f, "{at}: the last line was cut off and is left out"),
            ProblemKind::BadLine(e) => write!(f, "{at}: not a valid entry, skipped ({e})"),
            ProblemKind::NewerSchema(v) => write!(
                f,
                "{at}: written by a newer samrad (schema {v}); opened read-only, nothing will be changed"
            ),
            ProblemKind::Unreadable(e) => write!(f, "{at}: could not be read ({e}); left as it is"),
            ProblemKind::Quarantined(aside) => {
                write!(
                    f,
                    "{at}: could not be read; kept as {} and written anew from the logs",
                    aside.display()
                )
            }
            ProblemKind::PermissionsFixed { was, now } => {
                write!(f, "{at}: permissions were {was:o}, set to {now:o}")
            }
        }
    }
}
