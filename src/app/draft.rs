//! A draft: text typed in the editor or a form and not yet saved, as it is kept in
//! `local/drafts/` (`store::drafts`) and offered back at the next start. Plain data on its
//! own, so that effects and the state can carry it; `drafts.rs` makes and restores drafts.

use serde::{Deserialize, Serialize};

use crate::model::Id;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// The samrad that typed it (its writer id); the runtime sets it when it keeps it.
    #[serde(default)]
    pub writer: String,
    /// Who typed it: their person id, or their name when they are not in the forum.
    pub author: String,
    /// The meeting on screen when it was typed.
    pub meeting: Option<Id>,
    /// When it was last typed (the app's clock, RFC 3339).
    pub at: String,
    /// The editor's or form's title: where it was typed, in words.
    pub title: String,
    pub typed: Typed,
}

/// Where the text was typed, and the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "in", rename_all = "snake_case")]
pub enum Typed {
    /// The editor: its target (an `EditorTarget` as serde writes it: kept as JSON so that
    /// a target this samrad does not know, from another version, still gives its text), the
    /// text, and the text the editor opened with (the base of a three-way merge).
    Editor {
        target: serde_json::Value,
        text: String,
        base: String,
    },
    /// A form: its kind (a `FormKind` as serde writes it), each field by its label, and
    /// the field that had the cursor.
    Form {
        kind: serde_json::Value,
        fields: Vec<Entry>,
        focus: usize,
    },
}

/// One field of a form: its label (the name of its `Msg`) and its value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub label: String,
    pub value: FieldValue,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldValue {
    Text(String),
    Choice {
        options: Vec<String>,
        selected: usize,
    },
    Toggle(bool),
    /// Checkboxes: (value id, label, checked).
    Multi {
        options: Vec<(Id, String, bool)>,
    },
}
