//! Per-writer append-only logs: reading any writer's, appending to one's own.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::file_stat::FileStat;
use super::layout::Layout;
use super::op::{LineError, Op, names_digest, parse_line};
use super::perms;
use super::problem::{Problem, ProblemKind};
use crate::model::Scope;

/// One line of a log, as read: its number (from 1), its bytes, and what it is.
#[derive(Debug)]
pub struct LogLine<'a> {
    pub number: usize,
    pub bytes: &'a [u8],
    pub read: LineRead,
}

// Each is taken apart as soon as it is read, never kept: boxing the op would only cost an
// allocation per line.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum LineRead {
    /// Nothing but white space.
    Blank,
    Op(Op),
    /// Written by a newer samrad (its schema version).
    Newer(u32),
    /// The last line, without its newline, and not an op: a write that never finished.
    Torn,
    /// Not an op: why.
    Invalid(String),
}

/// The lines of a log's bytes, each parsed: the one reader of log lines, for the store and
/// for `samrad verify`.
pub fn lines(bytes: &[u8]) -> impl ExactSizeIterator<Item = LogLine<'_>> {
    let ends_clean = bytes.last().is_none_or(|b| *b == b'\n');
    // memchr finds the newlines many bytes at a time; `split` looks at each byte.
    let mut start = 0;
    let mut lines: Vec<&[u8]> = Vec::new();
    for end in memchr::memchr_iter(b'\n', bytes) {
        lines.push(&bytes[start..end]);
        start = end + 1;
    }
    if !ends_clean {
        lines.push(&bytes[start..]);
    }
    let last = lines.len();
    lines.into_iter().enumerate().map(move |(i, line)| {
        let number = i + 1;
        let read = if line.iter().all(u8::is_ascii_whitespace) {
            LineRead::Blank
        } else {
            match parse_line(line) {
                Ok(op) => LineRead::Op(op),
                Err(LineError::Newer(v)) => LineRead::Newer(v),
                Err(LineError::Invalid(_)) if number == last && !ends_clean => LineRead::Torn,
                Err(LineError::Invalid(e)) => LineRead::Invalid(e),
            }
        };
        LogLine {
            number,
            bytes: line,
            read,
        }
    })
}

/// The longest line samrad reads; a longer one is reported and skipped.
pub const MAX_LINE: usize = 1 << 20;
/// The largest log samrad reads (a meeting of 20,000 ops is some 8 MB).
pub const MAX_LOG: u64 = 1 << 30;

/// What a log file's place in the data folder says of its lines: written by the writer its
/// name gives, and all of the scope its folder gives. `None` for a file elsewhere (a test's).
#[derive(Debug, Clone, PartialEq)]
pub struct Origin {
    pub writer: String,
    pub scope: Scope,
}

impl Origin {
    pub fn of(path: &Path) -> Option<Origin> {
        // A conflict copy of a log holds its writer's lines, as the log does.
        let (writer, _) = super::names::log_writer(path.file_name()?.to_str()?)?;
        Some(Origin {
            writer: writer.to_string(),
            scope: Self::scope_of(path)?,
        })
    }

    /// The scope whose folder holds the file at `path`.
    pub fn scope_of(path: &Path) -> Option<Scope> {
        let dir = path.parent()?;
        if dir.parent()?.file_name()? != "log" {
            return None;
        }
        Some(match dir.file_name()?.to_str()? {
            super::layout::FORUM_DIR => Scope::Forum,
            id => Scope::Meeting(id.to_string()),
        })
    }

    /// Where the lines of a pack's section come from: the section's writer, the pack's
    /// folder. `None` for a pack outside a data folder (a test's).
    pub fn of_section(pack: &Path, section: &super::pack::Section) -> Option<Origin> {
        Some(Origin {
            writer: section.writer().to_string(),
            scope: Self::scope_of(pack)?,
        })
    }

    /// Why a line that parsed may not be read from this file, if it may not.
    pub fn refuses(&self, op: &Op) -> Option<ProblemKind> {
        if op.writer != self.writer {
            return Some(ProblemKind::OtherWriter(op.writer.clone()));
        }
        let scope = op.change.meeting_scope();
        let here = match &self.scope {
            Scope::Forum => None,
            Scope::Meeting(id) => Some(id),
        };
        (scope != here).then(|| {
            ProblemKind::WrongFolder(match scope {
                None => super::layout::FORUM_DIR.to_string(),
                Some(id) => id.clone(),
            })
        })
    }
}

/// Parse a log's bytes. Good lines become ops; a bad line is reported with its number and
/// skipped; an unfinished last line is dropped. A line that is not the file's (another
/// writer's, another folder's, a made-up template line) or too long is reported and left
/// out. Signatures are checked as `check_signatures` says.
pub fn parse_log(path: &Path, bytes: &[u8]) -> (Vec<Op>, Vec<Problem>) {
    parse_log_as(path, Origin::of(path), bytes)
}

/// `parse_log` of a log whose place is not its path's: a section of a pack (`pack`), whose
/// problems are said under `path`.
pub fn parse_log_as(path: &Path, origin: Option<Origin>, bytes: &[u8]) -> (Vec<Op>, Vec<Problem>) {
    // Each op's line (its number and bytes) beside it: ops are large, and moved once.
    let lines = lines(bytes);
    let mut ops = Vec::with_capacity(lines.len());
    let mut lines_of = Vec::with_capacity(lines.len());
    let mut problems = Vec::new();
    let mut report = |number: usize, kind: ProblemKind| {
        problems.push(Problem {
            path: path.to_path_buf(),
            line: Some(number),
            kind,
        })
    };
    for line in lines {
        let mut op = match line.read {
            LineRead::Blank => continue,
            _ if line.bytes.len() > MAX_LINE => {
                report(line.number, ProblemKind::LineTooLong(line.bytes.len()));
                continue;
            }
            LineRead::Op(op) => op,
            LineRead::Newer(v) => {
                report(line.number, ProblemKind::NewerSchema(v));
                continue;
            }
            LineRead::Torn => {
                report(line.number, ProblemKind::TornTail);
                continue;
            }
            LineRead::Invalid(e) => {
                report(line.number, ProblemKind::BadLine(e));
                continue;
            }
        };
        op.digest = super::op::line_digest(line.bytes);
        if let Some(kind) = origin.as_ref().and_then(|o| o.refuses(&op)) {
            report(line.number, kind);
            continue;
        }
        if op.writer == crate::model::TEMPLATE_WRITER && !super::seed::is_template(&op) {
            report(line.number, ProblemKind::NotTheTemplate);
            continue;
        }
        lines_of.push((line.number, line.bytes));
        ops.push(op);
    }
    for number in check_signatures(&lines_of, &mut ops) {
        report(number, ProblemKind::BadSignature);
    }
    (ops, problems)
}

/// Mark the signed lines of one file whose signatures hold (`verified`), and return the
/// numbers of those whose do not (they stay in, unverified: a secured forum refuses them).
/// The chain lets one signature stand for many lines: a line is covered by the next line
/// when that one is verified, signed with the same key and names this line's hash as its
/// `prev` (whoever holds the key wrote both). So only the last line of each run of one
/// key has its signature checked, unless the chain breaks.
fn check_signatures(lines: &[(usize, &[u8])], ops: &mut [Op]) -> Vec<usize> {
    let mut bad = Vec::new();
    // The line after this one, when its signature holds.
    let mut after: Option<usize> = None;
    for i in (0..ops.len()).rev() {
        let ((number, bytes), op) = (&lines[i], &ops[i]);
        if op.sig.is_empty() {
            after = None;
            continue;
        }
        let covered = after.is_some_and(|j| {
            let next = &ops[j];
            next.key == op.key && names_digest(&next.prev, &op.digest)
        });
        let verified = covered || op.check_signature(bytes);
        if verified {
            after = Some(i);
        } else {
            bad.push(*number);
            after = None;
        }
        ops[i].verified = verified;
    }
    bad.reverse();
    bad
}

/// What one read of a log gave: its ops, its problems, and how many bytes of whole lines
/// were read (a line still being written is read again next time).
#[derive(Debug, Default)]
pub struct LogRead {
    pub ops: Vec<Op>,
    pub problems: Vec<Problem>,
    pub consumed: u64,
    /// Of a read from the start: the SHA-256 (hex) of the bytes consumed, as a snapshot's
    /// mark of the file names them (`snapshot::FileMark::prefix`), without reading it again.
    pub prefix: Option<String>,
    /// With `prefix`: the file's stat taken before its bytes were read.
    pub stat: Option<super::file_stat::FileStat>,
}

/// Read a log from byte `from` on. Only whole lines count; an unfinished last line is left
/// for the next read (it is reported as torn only when reading from the start).
pub fn read_log_from(path: &Path, from: u64) -> LogRead {
    let refused = |kind| LogRead {
        problems: vec![Problem {
            path: path.to_path_buf(),
            line: None,
            kind,
        }],
        consumed: from,
        ..LogRead::default()
    };
    match read_plain_stat(path, from) {
        Ok((Plain::Bytes(bytes), stat)) if super::pack::is_pack(path) => LogRead {
            stat: stat.filter(|_| from == 0),
            ..read_pack(path, from, bytes)
        },
        Ok((Plain::Bytes(bytes), stat)) => LogRead {
            stat: stat.filter(|_| from == 0),
            ..read_bytes(path, from, bytes)
        },
        Ok((Plain::NotAFile, _)) => refused(ProblemKind::NotARegularFile),
        Ok((Plain::TooLarge(n), _)) => refused(ProblemKind::TooLarge(n)),
        Err(e) => refused(ProblemKind::Unreadable(e.to_string())),
    }
}

impl Plain {
    /// The bytes, or why there are none as an error.
    pub fn bytes(self) -> io::Result<Vec<u8>> {
        match self {
            Plain::Bytes(b) => Ok(b),
            Plain::NotAFile => Err(io::Error::other("not a plain file; not read")),
            Plain::TooLarge(n) => Err(io::Error::other(format!("{n} bytes; too large to read"))),
        }
    }
}

/// A file as samrad reads files that came by sync: only a plain file (never a pipe, which
/// would wait for ever, a device, or a link that may lead anywhere), and not larger than
/// any log.
pub enum Plain {
    Bytes(Vec<u8>),
    NotAFile,
    TooLarge(u64),
}

/// The plain file at `path`, opened to read; `None` when it is not a plain file.
pub fn open_plain(path: &Path) -> io::Result<Option<File>> {
    // Looked at before opening: opening a pipe to read waits until someone writes to it.
    if !std::fs::symlink_metadata(path)?.file_type().is_file() {
        return Ok(None);
    }
    let f = File::open(path)?;
    // The file may have been swapped since it was looked at: what was opened counts.
    Ok(f.metadata()?.file_type().is_file().then_some(f))
}

/// The bytes of the plain file at `path` from byte `from` on.
pub fn read_plain_file(path: &Path, from: u64) -> io::Result<Plain> {
    Ok(read_plain_stat(path, from)?.0)
}

/// `read_plain_file`, with the file's stat taken before its bytes were read.
fn read_plain_stat(path: &Path, from: u64) -> io::Result<(Plain, Option<FileStat>)> {
    use std::io::{Read, Seek, SeekFrom};
    let Some(mut f) = open_plain(path)? else {
        return Ok((Plain::NotAFile, None));
    };
    let meta = f.metadata()?;
    let len = meta.len();
    if len > MAX_LOG {
        return Ok((Plain::TooLarge(len), None));
    }
    f.seek(SeekFrom::Start(from))?;
    // Sized once: a log of megabytes is not copied from one doubling to the next.
    let mut bytes = Vec::with_capacity(usize::try_from(len.saturating_sub(from)).unwrap_or(0));
    f.take(MAX_LOG).read_to_end(&mut bytes)?;
    Ok((Plain::Bytes(bytes), FileStat::of(&meta)))
}

fn read_bytes(path: &Path, from: u64, bytes: Vec<u8>) -> LogRead {
    let whole = bytes
        .iter()
        .rposition(|b| *b == b'\n')
        .map(|i| i + 1)
        .unwrap_or(0);
    let (ops, mut problems) = parse_log(path, &bytes);
    if from > 0 {
        // Line numbers count from the start of the file only on a full read; a partial
        // last line is not torn yet, just unfinished.
        problems.retain(|p| p.kind != ProblemKind::TornTail);
        for p in &mut problems {
            p.line = None;
        }
    }
    // A last line without its newline that parses whole is an op, and read: when its
    // newline comes, the next read starts there (and skips the empty line). One that does
    // not parse is left to be read again once it is finished.
    let tail_parsed = whole < bytes.len() && parse_line(&bytes[whole..]).is_ok();
    let consumed = if tail_parsed { bytes.len() } else { whole };
    let prefix = (from == 0).then(|| super::op::line_hash(&bytes[..consumed]));
    LogRead {
        ops,
        problems,
        consumed: from + consumed as u64,
        prefix,
        stat: None,
    }
}

/// A pack read as one log file of its folder: every section parsed as the log it was, each
/// line's problems said under the section (`Section::path_in`). A pack never grows: a read
/// from its end finds nothing new.
fn read_pack(path: &Path, from: u64, bytes: Vec<u8>) -> LogRead {
    if from > 0 {
        return LogRead {
            consumed: from + bytes.len() as u64,
            ..LogRead::default()
        };
    }
    let mut read = LogRead {
        consumed: bytes.len() as u64,
        prefix: Some(super::op::line_hash(&bytes)),
        ..LogRead::default()
    };
    match super::pack::decode(&bytes) {
        Ok(sections) => {
            for s in sections {
                let (mut ops, problems) =
                    parse_log_as(&s.path_in(path), Origin::of_section(path, &s), &s.bytes);
                read.ops.append(&mut ops);
                read.problems.extend(problems);
            }
        }
        Err(e) => read.problems.push(Problem {
            path: path.to_path_buf(),
            line: None,
            kind: ProblemKind::BadPack(e.to_string()),
        }),
    }
    read
}

/// Every op in a scope's logs, problems left aside: for what is derived from the logs and
/// built again when they change (the archive index).
pub fn scope_ops(layout: &Layout, scope: &Scope) -> Vec<Op> {
    scope_read(layout, scope).0
}

/// Every op in a scope's logs, and how many lines were refused as tampered with (see
/// `ProblemKind::is_breach`).
pub fn scope_read(layout: &Layout, scope: &Scope) -> (Vec<Op>, usize) {
    let mut ops = Vec::new();
    let mut breaches = 0;
    for path in layout.log_files(scope) {
        let read = read_log_from(&path, 0);
        breaches += read.problems.iter().filter(|p| p.kind.is_breach()).count();
        ops.extend(read.ops);
    }
    (ops, breaches)
}

/// Every log folder and log file of the data folder that cannot be read (their permissions,
/// say), with the system's error: what a command that found nothing names, so that "no
/// such meeting" is not said of a meeting whose log could not be read.
pub fn unreadable_logs(layout: &Layout) -> Vec<Problem> {
    let unreadable = |path: PathBuf, e: io::Error| Problem {
        path,
        line: None,
        kind: ProblemKind::Unreadable(e.to_string()),
    };
    let mut out = Vec::new();
    for scope in layout.scopes() {
        let dir = layout.scope_dir(&scope);
        if let Err(e) = std::fs::read_dir(&dir) {
            if e.kind() != io::ErrorKind::NotFound {
                out.push(unreadable(dir, e));
            }
            continue;
        }
        for path in layout.log_files(&scope) {
            if let Err(e) = open_plain(&path) {
                out.push(unreadable(path, e));
            }
        }
    }
    out
}

/// A log this process owns: created new, locked for as long as it is open, appended and
/// fsynced one op at a time. It remembers every line it wrote, so that when a sync tool
/// replaces the file under it, the lines are put back (`check`) before another is written;
/// and it keeps a copy of each line in a journal under `local/`, so that a later start can
/// put them back too (`Store::open`).
#[derive(Debug)]
pub struct LogWriter {
    path: PathBuf,
    file: File,
    /// Every byte this process wrote to the log, in order: what the file must hold.
    written: Vec<u8>,
    journal: Option<File>,
}

impl LogWriter {
    /// Create a new log file. Fails if it exists or is locked by another process.
    pub fn create(path: &Path) -> io::Result<LogWriter> {
        if let Some(dir) = path.parent() {
            perms::create_dir_all(dir)?;
        }
        let mut options = OpenOptions::new();
        options.read(true).append(true).create_new(true);
        perms::private_file_mode(&mut options);
        let file = options.open(path)?;
        lock(&file)?;
        if let Some(dir) = path.parent() {
            perms::sync_dir(dir)?;
        }
        Ok(LogWriter {
            path: path.to_path_buf(),
            file,
            written: Vec::new(),
            journal: None,
        })
    }

    /// Keep a copy of each line appended from now on in `journal` (made if missing). A
    /// journal that cannot be made is done without: the log is what counts.
    pub fn with_journal(mut self, journal: &Path) -> LogWriter {
        let opened = journal
            .parent()
            .map_or(Ok(()), perms::create_dir_all)
            .and_then(|()| {
                let mut options = OpenOptions::new();
                options.append(true).create(true);
                perms::private_file_mode(&mut options);
                options.open(journal)
            });
        self.journal = opened.ok();
        self
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Make sure the file at this log's path holds what this process wrote there. A sync
    /// tool (a Syncthing pull, a git checkout) may have replaced it with an older version,
    /// with other lines or with nothing, or cut it where it is. Then the lines are put back
    /// (what was found there kept beside it, `restore::restore`) and writing goes on in
    /// the file at the path. Cheap when nothing happened: the file's identity and length.
    pub fn check(&mut self) -> io::Result<Option<super::restore::Restored>> {
        let now = std::fs::symlink_metadata(&self.path).ok();
        let open = self.file.metadata()?;
        let same = now
            .as_ref()
            .is_some_and(|m| m.file_type().is_file() && same_file(m, &open));
        if same && now.is_some_and(|m| m.len() == self.written.len() as u64) {
            return Ok(None);
        }
        let restored = super::restore::restore(&self.path, &self.written, true)?;
        let mut options = OpenOptions::new();
        options.read(true).append(true);
        let file = options.open(&self.path)?;
        lock(&file)?;
        self.file = file;
        Ok(restored)
    }

    /// Append one op and fsync. When this returns Ok the op is durable, in the file at
    /// this log's path. What `check` put back before it, if anything, is returned.
    pub fn append(&mut self, op: &Op) -> io::Result<Option<super::restore::Restored>> {
        let restored = self.check()?;
        let line = op.encode();
        let mut buf = Vec::with_capacity(line.len() + 1);
        buf.extend_from_slice(line.as_bytes());
        buf.push(b'\n');
        self.file.write_all(&buf)?;
        // Before the fsync, so that a reader whose marks were taken before this line sees
        // it named (`store::appends`).
        super::appends::note(&self.path);
        self.file.sync_data()?;
        self.written.extend_from_slice(&buf);
        // The journal is a second copy, for when the log is replaced while no samrad
        // runs: written with each line, not fsynced on its own (the log is).
        if let Some(j) = self.journal.as_mut()
            && j.write_all(&buf).is_err()
        {
            self.journal = None;
        }
        Ok(restored)
    }
}

/// Whether a running samrad holds the log at `path` (it locks its own logs while open).
pub fn is_held(path: &Path) -> bool {
    open_plain(path).is_ok_and(|f| {
        f.is_some_and(|f| matches!(f.try_lock_shared(), Err(std::fs::TryLockError::WouldBlock)))
    })
}

/// Lock a log for as long as it is open: one process writes it.
fn lock(file: &File) -> io::Result<()> {
    file.try_lock().map_err(|e| match e {
        std::fs::TryLockError::WouldBlock => io::Error::new(
            io::ErrorKind::WouldBlock,
            "log is locked by another process",
        ),
        std::fs::TryLockError::Error(e) => e,
    })
}

/// Whether two looks at files are at the same file (where that can be told).
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        true
    }
}
