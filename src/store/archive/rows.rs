//! What the archive holds: a row per meeting, item and action, and where each searchable
//! text is; and reading them back.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::model::{
    Action, ActionStatus, Agreement, Forum, Id, ItemKind, ItemNumber, MeetingStatus, Owner, Stance,
};
use crate::store::layout::Layout;

/// How much of the index to read: each part takes the ones before it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// The meeting rows, the parties and areas.
    Meetings,
    /// Also the item and action rows.
    Items,
    /// Also where each text is: all of it (an archive built in memory).
    #[default]
    Texts,
}

/// No party, item or action: the reference is empty.
pub const NONE: u32 = u32::MAX;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingRow {
    pub id: Id,
    pub title: String,
    pub starts_at: String,
    pub status: MeetingStatus,
    pub items: u32,
    pub open_actions: u32,
    pub approval_deadline: Option<chrono::NaiveDate>,
    /// Parties whose approval is still missing in the round under way.
    pub waiting_for: Vec<Id>,
    /// Parties that asked for changes in the round under way.
    pub changes_requested: Vec<Id>,
    pub content_hash: Option<String>,
    pub approved_at: Option<String>,
    /// Where this meeting's items and texts are in `Archive::items` and `Archive::docs`.
    pub item_range: (u32, u32),
    pub doc_range: (u32, u32),
    /// How many things in the meeting's logs show tampering (`samrad verify` names them):
    /// minutes with any are not called approved.
    #[serde(default)]
    pub doubts: u32,
}

impl MeetingRow {
    pub fn date(&self) -> &str {
        self.starts_at.get(..10).unwrap_or(&self.starts_at)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemRow {
    pub meeting: u32,
    pub id: Id,
    pub number: ItemNumber,
    pub title: String,
    pub kind: ItemKind,
    pub areas: Vec<Id>,
    /// Each party's current position.
    pub positions: Vec<(Id, Stance)>,
    pub statements: Vec<Id>,
    pub agreement: Option<Agreement>,
    pub confidential: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionRow {
    pub id: Id,
    pub title: String,
    pub status: ActionStatus,
    pub meeting: Option<Id>,
    pub areas: Vec<Id>,
    pub proposed_by: Option<Id>,
    pub owner: OwnerRow,
    pub due: Option<chrono::NaiveDate>,
    pub item: Option<Id>,
}

/// `Owner` as the index keeps it (postcard cannot read back an adjacently tagged enum).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum OwnerRow {
    Party(Id),
    Person(Id),
    Nobody,
}

impl ActionRow {
    pub fn of(a: &Action) -> ActionRow {
        ActionRow {
            id: a.id.clone(),
            title: a.title.clone(),
            status: a.status,
            meeting: a.meeting.clone(),
            areas: a.areas.clone(),
            proposed_by: a.proposed_by.clone(),
            owner: match &a.owner {
                Owner::Party(p) => OwnerRow::Party(p.clone()),
                Owner::Person(p) => OwnerRow::Person(p.clone()),
                Owner::Nobody => OwnerRow::Nobody,
            },
            due: a.due,
            item: a.item.clone(),
        }
    }

    /// The action as far as the row tells: all but its note, its history and when it was
    /// added (what the action list prints does not need them).
    pub fn action(&self) -> Action {
        Action {
            id: self.id.clone(),
            title: self.title.clone(),
            owner: match &self.owner {
                OwnerRow::Party(p) => Owner::Party(p.clone()),
                OwnerRow::Person(p) => Owner::Person(p.clone()),
                OwnerRow::Nobody => Owner::Nobody,
            },
            due: self.due,
            status: self.status,
            meeting: self.meeting.clone(),
            item: self.item.clone(),
            areas: self.areas.clone(),
            proposed_by: self.proposed_by.clone(),
            note: String::new(),
            created_at: String::new(),
            history: Vec::new(),
        }
    }
}

/// What a searchable text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    MeetingTitle,
    ItemTitle,
    Background,
    Notes,
    Position,
    Statement,
    Conclusion,
    Input,
    Vote,
    Action,
    /// A passage unntatt offentlighet inside a public text: searched only with
    /// `--include-confidential`.
    ExemptPassage,
}

impl Field {
    pub const ALL: [Field; 11] = [
        Field::MeetingTitle,
        Field::ItemTitle,
        Field::Background,
        Field::Notes,
        Field::Position,
        Field::Statement,
        Field::Conclusion,
        Field::Input,
        Field::Vote,
        Field::Action,
        Field::ExemptPassage,
    ];

    /// The name used in `samrad search` output and its JSON.
    pub fn key(self) -> &'static str {
        match self {
            Field::MeetingTitle => "meeting_title",
            Field::ItemTitle => "item_title",
            Field::Background => "background",
            Field::Notes => "notes",
            Field::Position => "position",
            Field::Statement => "statement",
            Field::Conclusion => "conclusion",
            Field::Input => "input",
            Field::Vote => "vote",
            Field::Action => "action",
            Field::ExemptPassage => "exempt_passage",
        }
    }
}

/// One searchable text: where it is in the text buffer and what it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TextDoc {
    /// Index in `Archive::meetings`, or `NONE` for an input to a development area.
    pub meeting: u32,
    /// Index in `Archive::items`, or `NONE`.
    pub item: u32,
    /// Index in `Archive::actions` for an action, in `Archive::areas` for an area input.
    pub reference: u32,
    /// Index in `Archive::parties` of the party who wrote or said it, or `NONE`.
    pub party: u32,
    pub field: Field,
    pub start: u32,
    pub len: u32,
}

/// The archive in memory. `text` and `folded` are loaded only when a search needs them;
/// `items`, `actions` and `docs` are empty unless `read` says they were read.
#[derive(Debug, Clone, Default)]
pub struct Archive {
    /// When the index was built (ns since 1970): tells one build from another.
    pub build: u64,
    pub parties: Vec<Id>,
    pub areas: Vec<Id>,
    /// Newest first.
    pub meetings: Vec<MeetingRow>,
    pub items: Vec<ItemRow>,
    pub actions: Vec<ActionRow>,
    pub docs: Vec<TextDoc>,
    pub text: String,
    pub folded: String,
    /// The forum as the index was built with it, when its logs read cleanly then: while
    /// the index is fresh, what `list` needs of the forum without folding it.
    pub forum: Option<Forum>,
    /// How much of the index is in memory.
    pub read: Part,
    /// The data folder, to read a text from `search.txt` when `text` is not in memory.
    pub(super) layout: Option<Layout>,
}

/// Fold characters to lower case where that keeps their UTF-8 length (so offsets in the
/// folded text are offsets in the original): A-Z, ÆØÅ and nearly every other letter.
pub fn fold_case(s: &str, out: &mut String) {
    for c in s.chars() {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
    }
}

pub fn folded(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_case(s, &mut out);
    out
}

impl Archive {
    /// The lower-case texts alone, for building the word index.
    pub fn read_folded(root: &Path) -> std::io::Result<String> {
        read_text(&Layout::new(root).search_fold_path())
    }

    /// Read the texts (and their lower-case copy) for searching and snippets.
    pub fn load_text(&mut self, root: &Path) -> std::io::Result<()> {
        let layout = Layout::new(root);
        self.text = read_text(&layout.search_text_path())?;
        self.folded = read_text(&layout.search_fold_path())?;
        if self.text.len() != self.folded.len() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "search.txt and search.fold differ in length",
            ));
        }
        Ok(())
    }

    /// A text: from memory when the texts are loaded, else read from `search.txt` (the TUI
    /// keeps only the word index in memory and reads the few texts it shows).
    pub fn doc_text(&self, d: &TextDoc) -> std::borrow::Cow<'_, str> {
        let range = d.start as usize..(d.start + d.len) as usize;
        if !self.text.is_empty() {
            return self.text.get(range).unwrap_or("").into();
        }
        let Some(layout) = &self.layout else {
            return "".into();
        };
        let mut buf = vec![0u8; d.len as usize];
        let read = std::fs::File::open(layout.search_text_path()).and_then(|f| {
            use std::os::unix::fs::FileExt;
            f.read_exact_at(&mut buf, u64::from(d.start))
        });
        match read {
            Ok(()) => String::from_utf8_lossy(&buf).into_owned().into(),
            Err(_) => "".into(),
        }
    }

    pub fn meeting_index(&self, id: &str) -> Option<usize> {
        self.meetings.iter().position(|m| m.id == id)
    }

    pub fn party_id(&self, i: u32) -> Option<&str> {
        self.parties.get(i as usize).map(String::as_str)
    }

    pub fn items_of(&self, meeting: usize) -> &[ItemRow] {
        self.meetings
            .get(meeting)
            .and_then(|m| {
                self.items
                    .get(m.item_range.0 as usize..m.item_range.1 as usize)
            })
            .unwrap_or(&[])
    }

    /// The development areas a text is about: its item's, its action's, or the area an
    /// input was given to.
    pub fn doc_areas(&self, d: &TextDoc) -> Vec<&str> {
        if let Some(item) = self.items.get(d.item as usize) {
            return item.areas.iter().map(String::as_str).collect();
        }
        match d.field {
            Field::Action => self
                .actions
                .get(d.reference as usize)
                .map(|a| a.areas.iter().map(String::as_str).collect())
                .unwrap_or_default(),
            Field::Input => self
                .areas
                .get(d.reference as usize)
                .map(|a| vec![a.as_str()])
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }
}

fn read_text(path: &Path) -> std::io::Result<String> {
    String::from_utf8(std::fs::read(path)?)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}
