//! Building the archive: each meeting's entry (folded again, or taken from the old index),
//! then all of them put together with the forum's actions and area inputs.

use std::collections::HashMap;
use std::time::UNIX_EPOCH;

use super::fresh::{self, Check};
use super::index_file::{self, IndexFile};
use super::rows::{ActionRow, Archive, Field, ItemRow, MeetingRow, NONE, TextDoc, fold_case};
use super::words;
use crate::model::{Doc, Forum, Id, InputTarget, Meeting, MeetingStatus, Scope};
use crate::store::layout::Layout;
use crate::store::op::{self, Op};
use crate::store::{fold, log, par};

/// One meeting's part of the archive, on its own (item and text indexes local to it).
struct Entry {
    row: MeetingRow,
    items: Vec<ItemRow>,
    /// (item index in `items` or NONE, party id, field, text)
    docs: Vec<(u32, Option<Id>, Field, String)>,
}

fn entry_of(meeting: &Meeting, forum: &Forum) -> Entry {
    let mut items = Vec::new();
    let mut docs: Vec<(u32, Option<Id>, Field, String)> = Vec::new();
    // A text is searched as the public may read it; its passages unntatt offentlighet
    // are texts of their own, which only a search with `--include-confidential` sees.
    let mut push = |item: u32, party: Option<&Id>, field: Field, text: &str| {
        for p in crate::model::passages(text) {
            if !p.content.trim().is_empty() {
                docs.push((
                    item,
                    party.cloned(),
                    Field::ExemptPassage,
                    p.content.to_string(),
                ));
            }
        }
        let public = crate::model::redact_passages(text);
        if !public.trim().is_empty() {
            docs.push((item, party.cloned(), field, public.into_owned()));
        }
    };
    push(NONE, None, Field::MeetingTitle, &meeting.title);
    for (i, item) in meeting.items.iter().enumerate() {
        let i = i as u32;
        push(i, None, Field::ItemTitle, &item.title);
        push(i, None, Field::Background, &item.background);
        push(i, None, Field::Notes, &item.notes);
        for p in &item.positions {
            push(i, Some(&p.party), Field::Position, &p.reason);
        }
        for s in &item.statements {
            push(i, Some(&s.party), Field::Statement, &s.text);
        }
        push(i, None, Field::Conclusion, &item.conclusion);
        for input in &item.inputs {
            push(i, Some(&input.party), Field::Input, &input.text);
        }
        for v in &item.votes {
            push(i, None, Field::Vote, &v.question);
        }
        items.push(ItemRow {
            meeting: 0,
            id: item.id.clone(),
            number: item.number,
            title: item.title.clone(),
            kind: item.kind,
            areas: item.areas.clone(),
            positions: item
                .current_positions()
                .into_iter()
                .map(|p| (p.party.clone(), p.stance))
                .collect(),
            statements: item
                .current_statements()
                .into_iter()
                .map(|s| s.party.clone())
                .collect(),
            agreement: item.agreement,
            confidential: item.is_exempt(),
        });
    }
    let changes_requested = if meeting.status == MeetingStatus::Circulated {
        meeting
            .approvals
            .iter()
            .filter(|a| a.verdict == crate::model::Verdict::ChangesRequested)
            .map(|a| a.party.clone())
            .collect()
    } else {
        Vec::new()
    };
    Entry {
        row: MeetingRow {
            id: meeting.id.clone(),
            title: meeting.title.clone(),
            starts_at: meeting.starts_at.clone(),
            status: meeting.status,
            items: meeting.items.len() as u32,
            open_actions: 0,
            approval_deadline: meeting.approval_deadline,
            waiting_for: meeting.waiting_for(forum),
            changes_requested,
            content_hash: meeting.content_hash.clone(),
            approved_at: meeting.approved_at.clone(),
            item_range: (0, 0),
            doc_range: (0, 0),
            doubts: 0,
        },
        items,
        docs,
    }
}

/// Take one meeting's entry back out of a built archive.
fn entry_from(a: &Archive, m: usize) -> Option<Entry> {
    let row = a.meetings.get(m)?.clone();
    let items = a
        .items
        .get(row.item_range.0 as usize..row.item_range.1 as usize)?
        .to_vec();
    let docs = a
        .docs
        .get(row.doc_range.0 as usize..row.doc_range.1 as usize)?
        .iter()
        .filter(|d| d.field != Field::Action)
        .map(|d| {
            let item = if d.item == NONE {
                NONE
            } else {
                d.item.checked_sub(row.item_range.0).unwrap_or(NONE)
            };
            let party = a.party_id(d.party).map(str::to_string);
            (item, party, d.field, a.doc_text(d).to_string())
        })
        .collect();
    Some(Entry { row, items, docs })
}

/// How an open went: for the status line and the benchmarks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Refresh {
    pub reused: usize,
    pub folded: usize,
    /// The meetings folded again: their minutes files may be out of date.
    pub folded_ids: Vec<String>,
    pub written: bool,
}

/// The forum for a build: folded (its actions and area inputs go into the archive as they
/// are), and, when the caller has read them, its ops that shape meetings.
pub(super) struct ForumFold {
    pub(super) doc: Doc,
    pub(super) shaping_ops: Option<Vec<Op>>,
    /// Whether the forum's logs were read without a problem: then the index keeps its
    /// `Forum` for commands that need no more of it (a problem is said on every read).
    pub(super) clean: bool,
}

fn forum_key(forum: &Forum) -> String {
    use sha2::Digest;
    let bytes = serde_json::to_vec(&(&forum.parties, &forum.people)).unwrap_or_default();
    op::hex(&sha2::Sha256::digest(bytes))
}

/// Build the archive anew, reusing the old index's entry of every meeting whose logs (and
/// the forum's parties and people) are as they were.
pub(super) fn rebuild(
    layout: &Layout,
    listing: &fresh::Listing,
    old: Option<IndexFile>,
    check: Option<Check>,
    forum: impl FnOnce() -> ForumFold,
) -> (Archive, Refresh) {
    // Marks first, the forum's too (taken by the check, before anything was read): a log
    // that grows while we read is read again next time.
    let (mut marks, changed) = match check {
        Some(c) => (c.marks, Some(c.changed)),
        None => (fresh::marks_now(layout, listing), None),
    };
    let scopes = &listing.scopes;
    let forum = forum();
    let mut old = old;
    if let Some(o) = &mut old
        && o.archive.load_text(layout.root()).is_err()
    {
        old = None;
    }
    let key = forum_key(&forum.doc.forum);

    let meeting_ids: Vec<String> = scopes
        .iter()
        .filter_map(|s| match s {
            Scope::Meeting(id) => Some(id.clone()),
            Scope::Forum => None,
        })
        .collect();
    let old_rows: HashMap<&str, usize> = old
        .as_ref()
        .map(|o| {
            o.archive
                .meetings
                .iter()
                .enumerate()
                .map(|(i, m)| (m.id.as_str(), i))
                .collect()
        })
        .unwrap_or_default();
    // Actions and area inputs are taken from the forum every time; a meeting's own entry
    // depends on the forum only through who belongs to which party.
    let forum_same = old.as_ref().is_some_and(|o| o.forum_key == key);
    let mut refresh = Refresh::default();
    let mut reuse: Vec<Option<Entry>> = Vec::with_capacity(meeting_ids.len());
    let mut to_fold: Vec<(usize, &str)> = Vec::new();
    for (n, id) in meeting_ids.iter().enumerate() {
        let same = forum_same && changed.as_ref().is_some_and(|c| !c.contains(id));
        let entry = if same {
            old_rows
                .get(id.as_str())
                .and_then(|&i| old.as_ref().and_then(|o| entry_from(&o.archive, i)))
        } else {
            None
        };
        if entry.is_none() {
            to_fold.push((n, id.as_str()));
        }
        reuse.push(entry);
    }
    refresh.reused = reuse.iter().filter(|e| e.is_some()).count();
    refresh.folded = to_fold.len();
    refresh.folded_ids = to_fold.iter().map(|(_, id)| id.to_string()).collect();
    drop(old);
    if !to_fold.is_empty() {
        let shaping = forum.shaping_ops.unwrap_or_else(|| {
            let ops = log::scope_ops(layout, &Scope::Forum);
            ops.into_iter().filter(fold::shapes_meetings).collect()
        });
        let folded = par::map(
            &to_fold,
            if to_fold.len() < 8 { 1 } else { par::cores() },
            |(_, id)| {
                let (meeting, doubts) = fold_meeting(layout, id, shaping.clone())?;
                let mut entry = entry_of(&meeting, &forum.doc.forum);
                entry.row.doubts = doubts;
                Some(entry)
            },
            // A meeting whose fold panicked is left out, not the whole archive.
            |_| None,
        );
        for ((n, id), entry) in to_fold.iter().zip(folded) {
            // A meeting that could not be folded is not marked as seen: tried again next time.
            if entry.is_none() {
                marks.forget(id);
            }
            reuse[*n] = entry;
        }
    }
    let mut entries: Vec<Entry> = reuse.into_iter().flatten().collect();
    entries.sort_by(|a, b| {
        b.row
            .starts_at
            .cmp(&a.row.starts_at)
            .then_with(|| a.row.id.cmp(&b.row.id))
    });
    let (mut archive, text, fold) = assemble(entries, &forum.doc);
    archive.forum = forum.clean.then(|| forum.doc.forum.clone());
    archive.build = std::time::SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    refresh.written = index_file::write_index(layout, &marks, &key, &archive, &text, &fold).is_ok();
    if refresh.written {
        let short = |p: &str| forum.doc.forum.party_short(p).to_string();
        let _ = words::write_words(layout, &marks, &archive, &fold, short);
    }
    let _ = crate::store::start_hint::write_rows(layout, &archive.meetings);
    archive.text = text;
    archive.folded = fold;
    archive.layout = Some(layout.clone());
    (archive, refresh)
}

/// One meeting, folded with the forum's ops that shape it, and how many things in its
/// logs show tampering: lines refused as another's, lines someone had seen that are gone
/// or changed, entries that tried what their writer may not do.
fn fold_meeting(layout: &Layout, id: &str, forum_ops: Vec<Op>) -> Option<(Meeting, u32)> {
    let (ops, refused_lines) = log::scope_read(layout, &Scope::Meeting(id.to_string()));
    let lost = crate::store::heads::check(&ops).len();
    let doc = fold::fold_meeting(forum_ops, ops);
    let breaches = doc
        .rejected
        .iter()
        .filter(|r| r.reason.is_breach() && r.meeting.as_deref() == Some(id))
        .count();
    let doubts = (refused_lines + lost + breaches) as u32;
    doc.meetings
        .into_iter()
        .find(|m| m.id == id)
        .map(|m| (m, doubts))
}

/// Put the entries (newest first) and the forum's actions and area inputs into one archive
/// with its text buffers.
fn assemble(entries: Vec<Entry>, forum_doc: &Doc) -> (Archive, String, String) {
    let mut a = Archive {
        parties: forum_doc
            .forum
            .parties
            .iter()
            .map(|p| p.id.clone())
            .collect(),
        areas: forum_doc
            .forum
            .dev_areas
            .iter()
            .map(|d| d.id.clone())
            .collect(),
        ..Archive::default()
    };
    let mut party_ix: HashMap<String, u32> = a
        .parties
        .iter()
        .enumerate()
        .map(|(i, p)| (p.clone(), i as u32))
        .collect();
    let mut text = String::new();
    let mut fold = String::new();
    let add_text = |s: &str, text: &mut String, fold: &mut String| -> (u32, u32) {
        let start = text.len() as u32;
        text.push_str(s);
        fold_case(s, fold);
        text.push('\0');
        fold.push('\0');
        (start, s.len() as u32)
    };
    let meeting_ix: HashMap<String, u32> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.row.id.clone(), i as u32))
        .collect();
    let mut actions_by_meeting: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, act) in forum_doc.actions.iter().enumerate() {
        a.actions.push(ActionRow::of(act));
        let m = act
            .meeting
            .as_ref()
            .and_then(|m| meeting_ix.get(m))
            .copied()
            .unwrap_or(NONE);
        actions_by_meeting.entry(m).or_default().push(i);
    }
    let mut intern = |p: &str, a: &mut Archive| -> u32 {
        if let Some(&i) = party_ix.get(p) {
            return i;
        }
        let i = a.parties.len() as u32;
        a.parties.push(p.to_string());
        party_ix.insert(p.to_string(), i);
        i
    };
    for (mi, e) in entries.into_iter().enumerate() {
        let mi = mi as u32;
        let item0 = a.items.len() as u32;
        let doc0 = a.docs.len() as u32;
        for mut it in e.items {
            it.meeting = mi;
            a.items.push(it);
        }
        for (item, party, field, s) in e.docs {
            let (start, len) = add_text(&s, &mut text, &mut fold);
            let party = party.map(|p| intern(&p, &mut a)).unwrap_or(NONE);
            a.docs.push(TextDoc {
                meeting: mi,
                item: if item == NONE { NONE } else { item0 + item },
                reference: NONE,
                party,
                field,
                start,
                len,
            });
        }
        let mut open_actions = 0;
        for &ai in actions_by_meeting
            .get(&mi)
            .map(Vec::as_slice)
            .unwrap_or(&[])
        {
            let act = &forum_doc.actions[ai];
            if act.status.is_open() {
                open_actions += 1;
            }
            let item = act
                .item
                .as_ref()
                .and_then(|id| {
                    a.items[item0 as usize..]
                        .iter()
                        .position(|i| &i.id == id)
                        .map(|p| item0 + p as u32)
                })
                .unwrap_or(NONE);
            let party = act
                .proposed_by
                .as_deref()
                .map(|p| intern(p, &mut a))
                .unwrap_or(NONE);
            let body = if act.note.is_empty() {
                act.title.clone()
            } else {
                format!("{} — {}", act.title, act.note)
            };
            let (start, len) = add_text(&body, &mut text, &mut fold);
            a.docs.push(TextDoc {
                meeting: mi,
                item,
                reference: ai as u32,
                party,
                field: Field::Action,
                start,
                len,
            });
        }
        let mut row = e.row;
        row.open_actions = open_actions;
        row.item_range = (item0, a.items.len() as u32);
        row.doc_range = (doc0, a.docs.len() as u32);
        a.meetings.push(row);
    }
    // Inputs to development areas, outside any meeting.
    for input in &forum_doc.area_inputs {
        let InputTarget::DevArea(area) = &input.target else {
            continue;
        };
        let reference = a
            .areas
            .iter()
            .position(|x| x == area)
            .map(|p| p as u32)
            .unwrap_or(NONE);
        let party = intern(&input.party, &mut a);
        let (start, len) = add_text(&input.text, &mut text, &mut fold);
        a.docs.push(TextDoc {
            meeting: NONE,
            item: NONE,
            reference,
            party,
            field: Field::Input,
            start,
            len,
        });
    }
    (a, text, fold)
}
