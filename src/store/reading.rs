//! Reading the logs: all of them, or what other writers appended since the last read.
//! Each file's lines are screened as they come in: a line stamped too far ahead of this
//! machine's clock is left out, and the last line of each writer is kept as its head, for
//! this writer's next op to name as seen. A full read also checks that every line another
//! writer said it had seen is still there, unchanged.

use std::collections::HashMap;
use std::path::Path;

use super::heads;
use super::log;
use super::op::Op;
use super::par;
use super::perms;
use super::problem::{Problem, ProblemKind};
use super::{CatchUp, Hlc, Load, Store, fold};
use crate::model::Author;

/// How far ahead of this machine's clock a line may be stamped and still be read: a day.
const AHEAD_MS: i64 = 24 * 60 * 60 * 1000;

impl Store {
    /// Read every log of the chosen scopes: the ops, and problems found on the way.
    pub fn read_ops(&mut self, load: &Load) -> Vec<Op> {
        // Problems found reading are found again on the next read: keep only the last read's.
        self.problems.retain(|p| !p.kind.found_reading());
        let paths = self.log_paths(load);
        for path in &paths {
            perms::ensure_private(path, &mut self.problems);
        }
        let mut ops = Vec::new();
        self.offsets.clear();
        self.prefixes.clear();
        self.last_lines.clear();
        self.file_ids.clear();
        let reads = par::map(
            &paths,
            par::cores(),
            |p| log::read_log_from(p, 0),
            // A thread that panicked is reported per file, not passed on.
            |p| log::LogRead {
                problems: vec![Problem {
                    path: p.clone(),
                    line: None,
                    kind: ProblemKind::Unreadable("reading failed".into()),
                }],
                ..Default::default()
            },
        );
        for (path, read) in paths.iter().zip(reads) {
            ops.append(&mut self.take_read(path, read));
        }
        // A conflict copy is read as its writer's log; what it is to the log is told.
        for path in paths.iter().filter(|p| super::layout::is_copy(p)) {
            self.problems.extend(super::leftovers::copy_problems(path));
        }
        for path in paths.iter().filter(|p| super::pack::is_pack(p)) {
            self.problems.extend(super::leftovers::pack_forks(path));
        }
        let lost = heads::check(&ops);
        for lost in lost {
            let path = self.layout.log_path(&lost.scope, &lost.writer);
            self.problems.push(Problem {
                path,
                line: None,
                kind: lost.kind,
            });
        }
        self.note_ops(&ops);
        ops
    }

    /// Take in what one read of a log gave: how far it was read, its problems, and its
    /// ops less those stamped too far ahead of this machine's clock.
    pub(super) fn take_read(&mut self, path: &Path, read: log::LogRead) -> Vec<Op> {
        let log::LogRead {
            mut ops,
            problems,
            consumed,
            prefix,
            stat,
        } = read;
        self.offsets.insert(path.to_path_buf(), consumed);
        // Only a read from the start knows the hash of all it read; a later read leaves the
        // mark to be taken from the file.
        match prefix {
            Some(p) => self.prefixes.insert(path.to_path_buf(), (p, stat)),
            None => self.prefixes.remove(path),
        };
        if let Some(id) = std::fs::symlink_metadata(path)
            .ok()
            .as_ref()
            .and_then(file_id)
        {
            self.file_ids.insert(path.to_path_buf(), id);
        }
        for p in &problems {
            if let ProblemKind::NewerSchema(v) = p.kind {
                self.read_only.get_or_insert_with(|| {
                    format!(
                        "{} was written by a newer samrad (schema {v})",
                        path.display()
                    )
                });
            }
        }
        self.problems.extend(problems);
        let limit = self.now_ms().saturating_add(AHEAD_MS);
        ops.retain(|op| {
            let ahead = op.clock.ms > limit;
            if ahead {
                self.problems.push(Problem {
                    path: path.to_path_buf(),
                    line: None,
                    kind: ProblemKind::ClockAhead(op.at.clone()),
                });
            }
            !ahead
        });
        self.saw_unsigned |= ops
            .iter()
            .any(|o| o.sig.is_empty() && o.writer != crate::model::TEMPLATE_WRITER);
        if let Some(last) = ops.iter().max_by_key(|o| o.seq) {
            self.last_lines.insert(path.to_path_buf(), last.head());
            if let Some(origin) = log::Origin::of(path)
                && origin.writer != self.writer_id()
            {
                self.heads.note(origin.scope, last.head());
            }
        }
        // A pack holds several writers' logs: each one's last line is a head read.
        if super::pack::is_pack(path)
            && let Some(scope) = log::Origin::scope_of(path)
        {
            let me = self.writer_id().to_string();
            let mut last: HashMap<&str, &Op> = HashMap::new();
            for op in ops.iter().filter(|o| o.writer != me) {
                match last.get(op.writer.as_str()) {
                    Some(l) if l.seq >= op.seq => {}
                    _ => {
                        last.insert(&op.writer, op);
                    }
                }
            }
            for op in last.into_values() {
                self.heads.note(scope.clone(), op.head());
            }
        }
        ops
    }

    /// This machine's clock, or a later time the caller stamped an op with.
    fn now_ms(&self) -> i64 {
        chrono::Utc::now().timestamp_millis().max(self.told_now_ms)
    }

    pub(super) fn note_ops(&mut self, ops: &[Op]) {
        // Each writer's latest op first (the first of equal times), then one copy of who
        // wrote it: not a copy for every op that is later than the one before.
        let mut latest: HashMap<&str, &Op> = HashMap::new();
        for op in ops {
            self.clock.observe(op.clock);
            match latest.get_mut(op.writer.as_str()) {
                Some(w) if w.at >= op.at => {}
                Some(w) => *w = op,
                None => {
                    latest.insert(&op.writer, op);
                }
            }
        }
        for (writer, op) in latest {
            match self.writers.get_mut(writer) {
                Some(w) if w.1 >= op.at => {}
                Some(w) => *w = (op.by.clone(), op.at.clone()),
                None => {
                    self.writers
                        .insert(writer.to_string(), (op.by.clone(), op.at.clone()));
                }
            }
        }
    }

    /// Ops that other writers appended to the chosen scopes' logs since the last read, in
    /// no particular order. Our own log is skipped: our ops are applied as we make them.
    pub fn read_new_ops(&mut self, load: &Load) -> Vec<Op> {
        let scopes = load.scopes(&self.layout);
        let own = format!("{}.jsonl", self.writer_id());
        let mut ops = Vec::new();
        for scope in &scopes {
            for path in self.layout.log_files(scope) {
                if path.file_name().is_some_and(|n| n.to_string_lossy() == own) {
                    continue;
                }
                let from = self.offsets.get(&path).copied().unwrap_or(0);
                let meta = std::fs::symlink_metadata(&path).ok();
                let len = meta.as_ref().map(|m| m.len()).unwrap_or(0);
                // A log only grows. One that shrank, or is another file now (a sync wrote
                // it anew), may have lost or changed lines already read: fold again.
                let known = self.file_ids.get(&path);
                if len < from
                    || known.is_some_and(|id| Some(*id) != meta.as_ref().and_then(file_id))
                {
                    self.rewritten = true;
                }
                if len <= from {
                    continue;
                }
                let mut read = log::read_log_from(&path, from);
                if super::pack::is_pack(&path) {
                    // A pack made of logs read here already: only what they did not hold
                    // is new (none, but for a log that grew after it was packed elsewhere).
                    read.ops.retain(|op| !self.read_before(&path, op));
                }
                ops.append(&mut self.take_read(&path, read));
            }
        }
        self.note_ops(&ops);
        ops
    }

    /// Whether `op`, found in the pack at `pack`, was read here already from its writer's
    /// log in the pack's folder: that log's last line read has its number or a later one
    /// (and is this line, when it has its number).
    fn read_before(&self, pack: &Path, op: &Op) -> bool {
        let Some(dir) = pack.parent() else {
            return false;
        };
        let log = dir.join(format!("{}{}", op.writer, super::names::LOG_EXT));
        self.last_lines.get(&log).is_some_and(|head| {
            op.seq < head.seq
                || (op.seq == head.seq && super::op::names_digest(&head.hash, &op.digest))
        })
    }

    /// Other writers whose log of the chosen scopes is held by a running samrad now, with
    /// who they are and when they last wrote, newest first. Only the scopes shown are looked
    /// at: every samrad holds its forum log, and a whole archive is too many files to open
    /// every few seconds.
    pub fn live_writers(&self, load: &Load) -> Vec<(Author, String)> {
        let mut live: Vec<(Author, String)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for scope in load.scopes(&self.layout) {
            for path in self.layout.log_files(&scope) {
                let Some(writer) = path.file_stem().map(|s| s.to_string_lossy().into_owned())
                else {
                    continue;
                };
                if writer == self.writer_id() || seen.contains(&writer) {
                    continue;
                }
                if super::layout::is_copy(&path) {
                    continue;
                }
                if log::is_held(&path) {
                    seen.insert(writer.clone());
                    if let Some(w) = self.writers.get(&writer) {
                        live.push(w.clone());
                    }
                }
            }
        }
        live.sort_by(|a, b| b.1.cmp(&a.1));
        live
    }
}

impl Store {
    /// Read what other writers appended to the chosen scopes since the last read, and say
    /// whether it can be applied on top of a state that holds every op up to `applied`.
    pub fn catch_up(&mut self, load: &Load, applied: Hlc) -> CatchUp {
        let mut new = self.read_new_ops(load);
        let rewritten = std::mem::take(&mut self.rewritten);
        if new.is_empty() && !rewritten {
            return CatchUp::Nothing;
        }
        let late = rewritten
            || new
                .iter()
                .any(|op| op.clock <= applied || op.change.is_roster());
        fold::merge(&mut new);
        if late {
            CatchUp::Refold(new)
        } else {
            CatchUp::Apply(new)
        }
    }
}

/// Which file a path is (device and inode), to tell a log appended to from one written anew.
fn file_id(meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        None
    }
}
