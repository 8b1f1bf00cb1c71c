//! What every feature asks of the state before it changes anything: may this meeting be
//! changed, is an item selected, and then commit the change (unless nothing may be
//! written). Quitting lives here too, since every mode offers it.

use super::action::Effect;
use super::form::{Field, Form, FormKind};
use super::state::{App, OnYes, Popup};
use crate::i18n::Msg;
use crate::model::{Change, Id, Item};

impl App {
    pub fn t(&self, m: Msg) -> &'static str {
        self.lang.t(m)
    }

    /// The forum's language: for what goes into the record, not for the screen.
    pub fn forum_lang(&self) -> crate::i18n::Lang {
        crate::i18n::Lang::parse(&self.doc.forum.language).unwrap_or(crate::i18n::Lang::Nb)
    }

    /// The app's time as stored in ops and records: RFC 3339 to the second.
    pub fn now_text(&self) -> String {
        self.now.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
    }

    /// A field that must not be empty: its text, or the message that says so.
    pub fn required(&self, text: String, missing: Msg) -> Result<String, String> {
        if text.is_empty() {
            Err(self.t(missing).to_string())
        } else {
            Ok(text)
        }
    }

    /// Text was typed into the editor or a form: it is to be kept as a draft (`drafts.rs`).
    pub fn keep_draft(&mut self, fx: &mut Vec<Effect>) {
        self.drafting = true;
        fx.push(Effect::DraftChanged);
    }

    /// The editor or form was saved, or its text thrown away on purpose: its draft goes.
    pub fn drop_draft(&mut self, fx: &mut Vec<Effect>) {
        if std::mem::take(&mut self.drafting) {
            fx.push(Effect::DropDraft);
        }
    }

    /// Ask for a change to be committed, unless nothing may be written.
    pub fn commit(&mut self, fx: &mut Vec<Effect>, change: Change) {
        if self.refuse_read_only() {
            return;
        }
        let undo = super::reversal::Undo::of(&self.doc, &change);
        self.undo.push(undo);
        fx.push(Effect::Commit(change));
    }

    /// When nothing may be written (the folder cannot be, or is a newer samrad's), say why
    /// and return true: nothing is then begun that could not be saved.
    pub fn refuse_read_only(&mut self) -> bool {
        let Some(why) = &self.read_only else {
            return false;
        };
        let msg = format!("{}: {why}", self.t(Msg::ReadOnly));
        self.warn(msg);
        true
    }

    /// The meeting may be changed: it exists, is not locked and was not opened to read, and
    /// the folder can be written. Says why not, otherwise.
    pub fn editable_meeting(&mut self) -> Option<Id> {
        if self.refuse_read_only() {
            return None;
        }
        let Some(m) = self.current_meeting() else {
            self.warn(self.t(Msg::NoMeetingOpen));
            return None;
        };
        if m.status.is_read_only() {
            self.warn(self.t(Msg::MeetingLocked));
            return None;
        }
        if self.view_only {
            self.warn(self.t(Msg::ViewOnly));
            return None;
        }
        Some(m.id.clone())
    }

    /// The editable meeting for a form's changes, or the form's error.
    pub fn meeting_for_form(&mut self) -> Result<Id, String> {
        self.editable_meeting()
            .ok_or_else(|| self.t(Msg::NoMeetingOpen).to_string())
    }

    /// The selected item of a meeting that may be changed, with the meeting's id; says why
    /// not otherwise.
    /// A forhandling's substance is its protokoll's: open while the referat goes round,
    /// closed once every party has signed.
    pub fn editable_item(&mut self) -> Option<(Id, Item)> {
        let item = self.selected_item().cloned();
        self.editable(item)
    }

    /// The item the meeting is on (the chair's current item), or the selected one when
    /// the chair has set none: where the floor is asked for and given.
    pub fn editable_current_item(&mut self) -> Option<(Id, Item)> {
        let current = self
            .current_meeting()
            .and_then(|m| m.current_item.as_deref().and_then(|i| m.item(i)))
            .cloned();
        let item = current.or_else(|| self.selected_item().cloned());
        self.editable(item)
    }

    fn editable(&mut self, item: Option<Item>) -> Option<(Id, Item)> {
        if self.refuse_read_only() {
            return None;
        }
        let Some(m) = self.current_meeting() else {
            self.warn(self.t(Msg::NoMeetingOpen));
            return None;
        };
        let Some(item) = item else {
            self.warn(self.t(Msg::SelectAnItem));
            return None;
        };
        let negotiation = item.kind == crate::model::ItemKind::Negotiation;
        let why = if self.view_only {
            Some(Msg::ViewOnly)
        } else if negotiation && m.protocol_final(&item.id, &self.doc.forum) {
            Some(Msg::ProtocolFinal)
        } else if m.status.is_read_only() && !negotiation {
            Some(Msg::MeetingLocked)
        } else {
            None
        };
        let id = m.id.clone();
        match why {
            Some(why) => {
                self.warn(self.t(why));
                None
            }
            None => Some((id, item)),
        }
    }

    /// Push a popup that needs a meeting on screen; says so when there is none.
    pub fn open_over_meeting(&mut self, popup: Popup) {
        if self.current_meeting().is_some() {
            self.popups.push(popup);
        } else {
            self.warn(self.t(Msg::NoMeetingOpen));
        }
    }

    /// Open a form over everything, titled as its kind says.
    pub fn open_form(&mut self, kind: FormKind, fields: Vec<Field>) {
        let title = self.t(kind.title()).to_string();
        self.open_titled_form(kind, title, fields);
    }

    pub fn open_titled_form(&mut self, kind: FormKind, title: String, fields: Vec<Field>) {
        self.popups
            .push(Popup::Form(Form::new(kind, title, fields)));
    }

    /// A title about an item: "Standpunkter – Sak 3/26".
    pub fn about_item(&self, label: Msg, item: &Item) -> String {
        format!("{} – {} {}", self.t(label), self.t(Msg::Item), item.number)
    }

    /// Ask a yes/no question; `on_yes` is done on yes.
    pub fn confirm(&mut self, question: String, on_yes: OnYes) {
        self.popups.push(Popup::Confirm { question, on_yes });
    }

    /// `q` asks first while ops are not yet on disk; Ctrl-C does not.
    pub fn quit_from(&mut self, force: bool, fx: &mut Vec<Effect>) {
        if !force && self.pending_ops() > 0 {
            self.confirm(self.t(Msg::QuitUnsaved).to_string(), OnYes::Quit);
        } else {
            self.quit(fx);
        }
    }

    pub fn quit(&mut self, fx: &mut Vec<Effect>) {
        self.quit = true;
        fx.push(Effect::Quit);
    }
}
