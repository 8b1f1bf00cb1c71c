//! Loading a fold (`Store::load`): from its snapshot and the lines written since when
//! the snapshot can be trusted, else from the start; and keeping it as a snapshot, with
//! the forum's actions apart (`records`).

use std::collections::HashMap;

use super::clock::Hlc;
use super::{Load, Store, atomic, fold, heads, layout, local_mark, log, perms, records, snapshot};
use crate::model::{Doc, SCHEMA_VERSION};

impl Store {
    /// Fold the chosen scopes into a `Doc`.
    pub fn load(&mut self, load: &Load) -> Doc {
        self.load_with(load, false)
    }

    /// `load`, for a first frame: from a snapshot with nothing new, the doc holds only
    /// the forum's actions its meeting shows and those open; the rest are read on a
    /// thread meanwhile, and `complete` puts them in. Nothing may be applied to the doc
    /// before that.
    pub fn load_first(&mut self, load: &Load) -> Doc {
        self.load_with(load, true)
    }

    /// Whether the doc `load_first` gave still waits for `complete`.
    pub fn incomplete(&self) -> bool {
        self.rest.is_some()
    }

    /// Put into `doc` (the one `load_first` gave) the forum's records it was shown
    /// without; when they cannot be read, fold it again. Nothing to do after `load`.
    pub fn complete(&mut self, doc: &mut Doc) {
        let Some(rest) = self.rest.take() else {
            return;
        };
        let (pending, load) = rest;
        match pending.wait() {
            Some(r) => doc.put_records(r.actions, r.area_inputs),
            None => *doc = self.load(&load),
        }
    }

    fn load_with(&mut self, load: &Load, defer: bool) -> Doc {
        self.rest = None;
        if let Some(doc) = self.load_from_snapshot(load, defer) {
            return doc;
        }
        let ops = self.read_ops(load);
        let max_clock = ops.iter().map(|o| o.clock).max().unwrap_or_default();
        // The forum's logs are read first, then the meeting's, and a line in a folder not of
        // its scope is refused: the ops are already as `fold::fold_meeting` puts them.
        let doc = fold::fold(ops);
        self.write_snapshot(load, &doc, max_clock, None);
        doc
    }

    /// The fold from the snapshot plus the lines written since, when the snapshot can be
    /// trusted; `None` means fold from the start.
    fn load_from_snapshot(&mut self, load: &Load, defer: bool) -> Option<Doc> {
        let snap = snapshot::read(&self.layout.snapshot_path(&snapshot_key(load)))?;
        let unsigned = snap.unsigned?;
        let paths = self.log_paths(load);
        let current: std::collections::HashSet<String> =
            paths.iter().map(|p| self.layout.relative(p)).collect();
        // A conflict copy is compared with its log on a full read, and told.
        if snap.files.keys().any(|k| !current.contains(k))
            || paths.iter().any(|p| layout::is_copy(p))
        {
            return None;
        }
        let mut reads = Vec::new();
        let mut heads_before = Vec::new();
        let mut marks = HashMap::new();
        // A log hashed to be sure of it that can now be told by its stat: the snapshot is
        // written again with that stat, so that the next open need not hash it.
        let mut restat = false;
        for path in &paths {
            let from = match snap.files.get(&self.layout.relative(path)) {
                Some(mark) => {
                    let kept = snapshot::holds(path, mark)?;
                    restat |= kept.stat != mark.stat && kept.stat.is_some_and(|s| s.settled());
                    heads_before.extend(mark.head.clone().map(|h| (path.clone(), h)));
                    let len = mark.len;
                    marks.insert(path.clone(), kept);
                    len
                }
                None => 0,
            };
            reads.push((path.clone(), log::read_log_from(path, from)));
        }
        let new_ops = || reads.iter().flat_map(|(_, r)| r.ops.iter());
        // Folded on top only when nothing comes before what the snapshot holds, nothing
        // changes who may write (the roster is folded first), and every line the new ops
        // name as seen can be checked here.
        if new_ops().any(|op| op.clock <= snap.max_clock || op.change.is_roster())
            || reads.iter().any(|(_, r)| !r.problems.is_empty())
            || !heads::check_new(new_ops(), heads_before.iter().map(|(_, h)| h))
        {
            return None;
        }
        // The forum's records the snapshot keeps apart: read now, or, for a first frame
        // with nothing to apply on top, while it is drawn.
        let mut records = None;
        match &snap.records {
            Some(name) if defer && new_ops().next().is_none() => {
                self.rest = Some((records::Pending::start(&self.layout, name), load.clone()));
            }
            Some(name) => records = Some(records::read(&self.layout, name)?),
            None => {}
        }
        for path in &paths {
            perms::ensure_private(path, &mut self.problems);
        }
        self.offsets.clear();
        self.prefixes.clear();
        self.last_lines.clear();
        self.file_ids.clear();
        let mut new = Vec::new();
        for (path, r) in reads {
            let unchanged = marks.remove(&path).filter(|m| m.len == r.consumed);
            new.append(&mut self.take_read(&path, r));
            // A log with nothing new keeps its mark: it is not hashed again for the next one.
            if let Some(mark) = unchanged {
                self.prefixes.insert(path, (mark.prefix, mark.stat));
            }
        }
        for (path, head) in heads_before {
            self.last_lines.entry(path.clone()).or_insert(head.clone());
            if let Some(origin) = log::Origin::of(&path)
                && origin.writer != self.writer_id()
            {
                self.heads.note(origin.scope, head);
            }
        }
        for (w, author, at) in snap.writers {
            self.writers.insert(w, (author, at));
        }
        self.clock.observe(snap.max_clock);
        self.saw_unsigned |= unsigned;
        self.note_ops(&new);
        let mut doc = snap.doc;
        doc.reindex();
        if let Some(r) = records {
            doc.put_records(r.actions, r.area_inputs);
        }
        if new.is_empty() {
            // A snapshot with the forum's actions in it (as samrad kept them before
            // `records`) is written again without them.
            if restat || snap.records.is_none() {
                self.write_snapshot(load, &doc, snap.max_clock, snap.records);
            }
            return Some(doc);
        }
        fold::merge(&mut new);
        let max_clock = new.iter().map(|o| o.clock).max().unwrap_or(snap.max_clock);
        for op in new {
            // A refused op is recorded in the doc; the fold goes on.
            let _ = op.apply_to(&mut doc);
        }
        doc.settle_numbers();
        self.write_snapshot(load, &doc, max_clock, None);
        Some(doc)
    }

    /// Keep the fold for next time, when everything read was in order. A folder with bad
    /// lines or newer ops is folded from the start every time, so its problems are shown.
    /// `records` names the forum's records when they are on disk as the doc has them;
    /// else they are written (`doc` then holds them all).
    fn write_snapshot(&mut self, load: &Load, doc: &Doc, max_clock: Hlc, records: Option<String>) {
        let clean = self.problems.iter().all(|p| p.kind.is_repair());
        if !clean || self.read_only.is_some() {
            return;
        }
        let mut files = std::collections::BTreeMap::new();
        for (path, len) in &self.offsets {
            let head = self.last_lines.get(path).cloned();
            let mark = match self.prefixes.get(path) {
                Some((prefix, stat)) => Some(snapshot::FileMark {
                    len: *len,
                    prefix: prefix.clone(),
                    head,
                    stat: *stat,
                }),
                None => snapshot::mark(path, *len, head),
            };
            let Some(mark) = mark else {
                return;
            };
            let Ok(rel) = path.strip_prefix(self.root()) else {
                return;
            };
            files.insert(rel.display().to_string(), mark);
        }
        let writers = self
            .writers
            .iter()
            .map(|(w, (a, at))| (w.clone(), a.clone(), at.clone()))
            .collect();
        let snap = snapshot::Snapshot {
            schema_version: SCHEMA_VERSION,
            binary: snapshot::BINARY.to_string(),
            files,
            max_clock,
            writers,
            unsigned: Some(self.saw_unsigned),
            records,
            doc: records::kept_in_snapshot(doc, meeting_of(load)),
        };
        let write_records = match snap.records {
            Some(_) => None,
            None => Some((doc.actions.clone(), doc.area_inputs.clone())),
        };
        // Off the caller's path: opening does not wait for the cache to be written. If the
        // process ends first, the next open simply folds from the start again.
        let path = self.layout.snapshot_path(&snapshot_key(load));
        let layout = self.layout.clone();
        self.wait_for_snapshot();
        self.snapshot_writer = Some(std::thread::spawn(move || {
            let mut snap = snap;
            if let Some((actions, inputs)) = write_records {
                match records::write(&layout, actions, inputs) {
                    Some(name) => snap.records = Some(name),
                    None => return,
                }
            }
            if let Ok(bytes) = serde_json::to_vec(&snap)
                && atomic::write_atomic(&path, &bytes).is_ok()
            {
                let _ = local_mark::note(&path);
            }
        }));
    }
}

/// The name of a load's fold snapshot (`Layout::snapshot_path`).
fn snapshot_key(load: &Load) -> String {
    match load {
        Load::All => "all".to_string(),
        Load::Forum => "forum".to_string(),
        Load::Meeting(id) => format!("m-{id}"),
    }
}

fn meeting_of(load: &Load) -> Option<&str> {
    match load {
        Load::Meeting(id) => Some(id),
        Load::All | Load::Forum => None,
    }
}
