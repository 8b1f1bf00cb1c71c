//! What others see of an item: the referat's heading of a forhandling, and the public
//! version (an exempt item reduced to its number and hjemmel; a public item with its
//! passages unntatt offentlighet held back).

use super::{Exemption, Item, ItemField};

impl Item {
    /// The item as the referat holds a forhandling: its number, title and kind, where it
    /// stands, and whether it is exempt; the rest is the protokoll's.
    pub fn heading_only(&self) -> Item {
        Item {
            confidential: self.confidential,
            exempt: self.exempt.clone(),
            ..Item::new(
                self.id.clone(),
                self.number,
                self.title.clone(),
                self.kind,
                self.rank,
            )
        }
    }

    /// Why the item is unntatt offentlighet, if it is: its exemption, or, for an item
    /// marked confidential before a hjemmel could be chosen, one with no hjemmel.
    pub fn exemption(&self) -> Option<Exemption> {
        match (&self.exempt, self.confidential) {
            (Some(e), _) => Some(e.clone()),
            (None, true) => Some(Exemption::unknown()),
            (None, false) => None,
        }
    }

    /// The item as the public may see it when it is exempt: its number, kind and place on
    /// the agenda, and the exemption; the title becomes the public title, and all that was
    /// written and recorded on it is gone. A public item is returned with the passages
    /// unntatt offentlighet in its texts held back (`redact_passages`).
    pub fn public(&self) -> Item {
        let Some(e) = self.exemption() else {
            return self.without_exempt_passages();
        };
        let mut out = Item::new(
            self.id.clone(),
            self.number,
            e.public_title.clone(),
            self.kind,
            self.rank,
        );
        out.confidential = self.confidential;
        out.exempt = self.exempt.clone();
        out.redacted = true;
        out
    }

    /// The item with each passage unntatt offentlighet in its texts held back.
    fn without_exempt_passages(&self) -> Item {
        let public = |s: &str| super::redact_passages(s).into_owned();
        let mut out = self.clone();
        for text in [
            &mut out.background,
            &mut out.notes,
            &mut out.conclusion,
            &mut out.further,
        ] {
            *text = public(text);
        }
        for p in &mut out.positions {
            p.reason = public(&p.reason);
        }
        for s in &mut out.statements {
            s.text = public(&s.text);
        }
        for i in &mut out.inputs {
            i.text = public(&i.text);
        }
        out
    }

    pub fn is_exempt(&self) -> bool {
        self.exempt.is_some() || self.confidential
    }

    /// The fields to set so that the item is exempt as `to` says (`None`: public), old
    /// flag included; none when it is so already.
    pub fn set_exemption(&self, to: Option<Exemption>) -> Vec<ItemField> {
        let mut out = Vec::new();
        if self.exemption() == to {
            // An old mark chosen again stays the old mark.
            return out;
        }
        if self.confidential != to.is_some() {
            out.push(ItemField::Confidential(to.is_some()));
        }
        if self.exempt != to {
            out.push(ItemField::Exempt(to));
        }
        out
    }
}
