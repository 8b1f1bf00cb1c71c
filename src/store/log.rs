//! Per-writer append-only logs: reading any writer's, appending to one's own.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::op::{LineError, Op, parse_line};
use super::perms;
use super::problem::{Problem, ProblemKind};

/// Parse a log's bytes. Good lines become ops; a bad line is reported with its number and
/// skipped; an unfinished last line is dropped.
pub fn parse_log(path: &Path, bytes: &[u8]) -> (Vec<Op>, Vec<Problem>) {
    let mut ops = Vec::new();
    let mut problems = Vec::new();
    let ends_clean = bytes.last().is_none_or(|b| *b == b'\n');
    let mut lines: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
    if ends_clean {
        lines.pop();
    }
    let last = lines.len();
    for (i, line) in lines.into_iter().enumerate() {
        let number = i + 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match parse_line(line) {
            Ok(op) => ops.push(op),
            Err(LineError::Newer(v)) => problems.push(Problem {
                path: path.to_path_buf(),
                line: Some(number),
                kind: ProblemKind::NewerSchema(v),
            }),
            Err(LineError::Invalid(_)) if number == last && !ends_clean => problems.push(Problem {
                path: path.to_path_buf(),
                line: Some(number),
                kind: ProblemKind::TornTail,
            }),
            Err(LineError::Invalid(e)) => problems.push(Problem {
                path: path.to_path_buf(),
                line: Some(number),
                kind: ProblemKind::BadLine(e),
            }),
        }
    }
    (ops, problems)
}

/// What one read of a log gave: its ops, its problems, and how many bytes of whole lines
/// were read (a line still being written is read again next time).
#[derive(Debug, Default)]
pub struct LogRead {
    pub ops: Vec<Op>,
    pub problems: Vec<Problem>,
    pub consumed: u64,
}

/// Read a log from byte `from` on. Only whole lines count; an unfinished last line is left
/// for the next read (it is reported as torn only when reading from the start).
pub fn read_log_from(path: &Path, from: u64) -> LogRead {
    use std::io::{Read, Seek, SeekFrom};
    let read = || -> std::io::Result<Vec<u8>> {
        let mut f = File::open(path)?;
        f.seek(SeekFrom::Start(from))?;
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes)?;
        Ok(bytes)
    };
    match read() {
        Ok(bytes) => {
            let whole = bytes
                .iter()
                .rposition(|b| *b == b'\n')
                .map(|i| i + 1)
                .unwrap_or(0);
            let (ops, mut problems) = parse_log(path, &bytes);
            if from > 0 {
                // Line numbers count from the start of the file only on a full read; a
                // partial last line is not torn yet, just unfinished.
                problems.retain(|p| p.kind != ProblemKind::TornTail);
                for p in &mut problems {
                    p.line = None;
                }
            }
            let ops = if whole < bytes.len() && from > 0 {
                // The unfinished line may have parsed as a complete object; leave it for later.
                let (done, _) = parse_log(path, &bytes[..whole]);
                done
            } else {
                ops
            };
            LogRead {
                ops,
                problems,
                consumed: from + whole as u64,
            }
        }
        Err(e) => LogRead {
            ops: Vec::new(),
            problems: vec![Problem {
                path: path.to_path_buf(),
                line: None,
                kind: ProblemKind::Unreadable(e.to_string()),
            }],
            consumed: from,
        },
    }
}

/// A log this process owns: created new, locked for as long as it is open, appended and
/// fsynced one op at a time.
#[derive(Debug)]
pub struct LogWriter {
    path: PathBuf,
    file: File,
}

impl LogWriter {
    /// Create a new log file. Fails if it exists or is locked by another process.
    pub fn create(path: &Path) -> io::Result<LogWriter> {
        if let Some(dir) = path.parent() {
            perms::create_dir_all(dir)?;
        }
        let mut options = OpenOptions::new();
        options.append(true).create_new(true);
        perms::private_file_mode(&mut options);
        let file = options.open(path)?;
        file.try_lock().map_err(|e| match e {
            std::fs::TryLockError::WouldBlock => io::Error::new(
                io::ErrorKind::WouldBlock,
                "log is locked by another process",
            ),
            std::fs::TryLockError::Error(e) => e,
        })?;
        if let Some(dir) = path.parent() {
            perms::sync_dir(dir)?;
        }
        Ok(LogWriter {
            path: path.to_path_buf(),
            file,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Append one op and fsync. When this returns Ok the op is durable.
    pub fn append(&mut self, op: &Op) -> io::Result<()> {
        let line = op.encode();
        let mut buf = Vec::with_capacity(line.len() + 1);
        buf.extend_from_slice(line.as_bytes());
        buf.push(b'\n');
        self.file.write_all(&buf)?;
        self.file.sync_data()
    }
}
