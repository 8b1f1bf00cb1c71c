//! Small forms in a popup: one line of text, a choice, a yes/no, or a set of checkboxes.
//! A field is read back by its label, so each feature builds and reads its own form in one
//! place; `FormKind` says which form it is, for the dispatcher and for tests.

use ratatui_textarea::TextArea;

use super::action::crossterm_types::{KeyCode, KeyEvent, KeyModifiers};
use crate::i18n::Msg;
use crate::model::Id;

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum FormKind {
    NewItem,
    EditItem(Id),
    NewAction {
        item: Option<Id>,
    },
    EditAction(Id),
    NewMeeting,
    EditMeeting,
    NewArea,
    EditArea(Id),
    AreaStatus(Id),
    NewDocument,
    /// Who substitutes for this person at the meeting, by name.
    Substitute(Id),
    /// A new person; `me` when it is the user saying who they are.
    NewPerson {
        me: bool,
    },
    /// A party's position on an item; `from`: the party the form opened on, and the
    /// reason it had then (the base its edit merges from).
    Position {
        item: Id,
        from: Option<(Id, String)>,
    },
    OpenVote(Id),
    CastVote {
        item: Id,
        vote: Id,
    },
    ArchiveFilter,
    /// `x`: unntatt offentlighet, on which hjemmel.
    Exemption(Id),
    /// `s` on an action: its status, picked.
    ActionStatus(Id),
}

impl FormKind {
    /// The form's title when it has no title of its own.
    pub fn title(&self) -> Msg {
        match self {
            FormKind::NewItem => Msg::NewItem,
            FormKind::EditItem(_) => Msg::EditItem,
            FormKind::NewAction { .. } => Msg::NewAction,
            FormKind::EditAction(_) => Msg::EditAction,
            FormKind::NewMeeting => Msg::NewMeeting,
            FormKind::EditMeeting => Msg::EditMeeting,
            FormKind::NewArea => Msg::NewArea,
            FormKind::EditArea(_) => Msg::EditArea,
            FormKind::AreaStatus(_) => Msg::AreaStatus,
            FormKind::NewDocument => Msg::NewDocument,
            FormKind::Substitute(_) => Msg::Substitutes,
            FormKind::NewPerson { .. } => Msg::NewPerson,
            FormKind::Position { .. } => Msg::Positions,
            FormKind::OpenVote(_) => Msg::NewVote,
            FormKind::CastVote { .. } => Msg::Vote,
            FormKind::ArchiveFilter => Msg::FilterTitle,
            FormKind::Exemption(_) => Msg::ExemptionFormTitle,
            FormKind::ActionStatus(_) => Msg::Status,
        }
    }
}

#[derive(Debug, Clone)]
pub enum FieldKind {
    Text(Box<TextArea<'static>>),
    Choice {
        options: Vec<String>,
        selected: usize,
    },
    Toggle(bool),
    /// Checkboxes: (value id, label, checked), and the one under the cursor.
    Multi {
        options: Vec<(Id, String, bool)>,
        cursor: usize,
    },
}

/// The words for every value of a domain type, for a choice: `labels(&Stance::ALL, …)`.
pub fn labels<T: Copy>(all: &[T], name: impl Fn(T) -> &'static str) -> Vec<String> {
    all.iter().map(|v| name(*v).to_string()).collect()
}

#[derive(Debug, Clone)]
pub struct Field {
    pub label: Msg,
    pub kind: FieldKind,
}

impl Field {
    pub fn text(label: Msg, value: &str) -> Field {
        let mut area = TextArea::new(vec![value.to_string()]);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        Field {
            label,
            kind: FieldKind::Text(Box::new(area)),
        }
    }
    pub fn choice(label: Msg, options: Vec<String>, selected: usize) -> Field {
        let selected = selected.min(options.len().saturating_sub(1));
        Field {
            label,
            kind: FieldKind::Choice { options, selected },
        }
    }
    pub fn toggle(label: Msg, on: bool) -> Field {
        Field {
            label,
            kind: FieldKind::Toggle(on),
        }
    }
    pub fn multi(label: Msg, options: Vec<(Id, String, bool)>) -> Field {
        Field {
            label,
            kind: FieldKind::Multi { options, cursor: 0 },
        }
    }
}

#[derive(Debug, Clone)]
pub struct Form {
    pub kind: FormKind,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// What is wrong with the last attempt to save, in the user's language.
    pub error: Option<String>,
}

impl Form {
    pub fn new(kind: FormKind, title: String, fields: Vec<Field>) -> Form {
        Form {
            kind,
            title,
            fields,
            focus: 0,
            error: None,
        }
    }

    pub fn next(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len().max(1);
    }

    pub fn prev(&mut self) {
        let n = self.fields.len().max(1);
        self.focus = (self.focus + n - 1) % n;
    }

    /// A key typed while the form is open, given to the focused field.
    pub fn key(&mut self, ev: KeyEvent) {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        match &mut field.kind {
            // Ctrl-U clears the field, as on a shell's command line.
            FieldKind::Text(area)
                if ev.code == KeyCode::Char('u')
                    && ev.modifiers.contains(KeyModifiers::CONTROL) =>
            {
                area.move_cursor(ratatui_textarea::CursorMove::Head);
                area.delete_line_by_end();
            }
            FieldKind::Text(area) => {
                if ev.code != KeyCode::Enter {
                    area.input(ev);
                }
            }
            FieldKind::Choice { options, selected } => {
                let n = options.len().max(1);
                match ev.code {
                    KeyCode::Right | KeyCode::Char(' ') => *selected = (*selected + 1) % n,
                    KeyCode::Left => *selected = (*selected + n - 1) % n,
                    _ => {}
                }
            }
            FieldKind::Toggle(on) => {
                if matches!(ev.code, KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right) {
                    *on = !*on;
                }
            }
            FieldKind::Multi { options, cursor } => {
                let n = options.len().max(1);
                match ev.code {
                    KeyCode::Right => *cursor = (*cursor + 1) % n,
                    KeyCode::Left => *cursor = (*cursor + n - 1) % n,
                    KeyCode::Char(' ') => {
                        if let Some(o) = options.get_mut(*cursor) {
                            o.2 = !o.2;
                        }
                    }
                    _ => {}
                }
            }
        }
        self.error = None;
    }

    /// Put `value` in the text field labelled `label`, the cursor at its end.
    pub fn set_text(&mut self, label: Msg, value: &str) {
        if let Some(f) = self.fields.iter_mut().find(|f| f.label == label) {
            *f = Field::text(label, value);
        }
    }

    /// Choose option `index` of the choice field labelled `label`.
    pub fn set_choice(&mut self, label: Msg, index: usize) {
        if let Some(FieldKind::Choice { options, selected }) = self
            .fields
            .iter_mut()
            .find(|f| f.label == label)
            .map(|f| &mut f.kind)
        {
            *selected = index.min(options.len().saturating_sub(1));
        }
    }

    fn field(&self, label: Msg) -> Option<&FieldKind> {
        self.fields
            .iter()
            .find(|f| f.label == label)
            .map(|f| &f.kind)
    }

    /// The text typed into the field labelled `label`, trimmed, on one line.
    pub fn text(&self, label: Msg) -> String {
        match self.field(label) {
            Some(FieldKind::Text(a)) => a.lines().join(" ").trim().to_string(),
            _ => String::new(),
        }
    }

    /// The index of the option chosen in the field labelled `label`.
    pub fn choice(&self, label: Msg) -> usize {
        match self.field(label) {
            Some(FieldKind::Choice { selected, .. }) => *selected,
            _ => 0,
        }
    }

    /// The options offered in the choice field labelled `label`.
    pub fn options(&self, label: Msg) -> Vec<String> {
        match self.field(label) {
            Some(FieldKind::Choice { options, .. }) => options.clone(),
            _ => Vec::new(),
        }
    }

    pub fn toggle(&self, label: Msg) -> bool {
        matches!(self.field(label), Some(FieldKind::Toggle(true)))
    }

    /// The ids of the boxes ticked in the field labelled `label`.
    pub fn multi(&self, label: Msg) -> Vec<Id> {
        match self.field(label) {
            Some(FieldKind::Multi { options, .. }) => options
                .iter()
                .filter(|o| o.2)
                .map(|o| o.0.clone())
                .collect(),
            _ => Vec::new(),
        }
    }
}
