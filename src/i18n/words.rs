//! Words for the domain's values and for what a list shows about a meeting.

use super::{Lang, Msg};
use crate::model::{
    ActionStatus, Agreement, DevAreaStatus, Exemption, ItemKind, MeetingStatus, Presence, Side,
    Stance, VoteMethod, VoteRule,
};

/// `i18n::stance(lang, s)` and its kin: the words for a value of the domain, as
/// `lang.label(s)` gives them.
macro_rules! label_functions {
    ($($(#[$doc:meta])* $name:ident($value:ty);)*) => {
        $(
            $(#[$doc])*
            pub fn $name(lang: Lang, value: $value) -> &'static str {
                lang.label(value)
            }
        )*
    };
}

label_functions! {
    item_kind(ItemKind);
    meeting_status(MeetingStatus);
    stance(Stance);
    action_status(ActionStatus);
    presence(Presence);
    agreement(Agreement);
    dev_area_status(DevAreaStatus);
    side(Side);
    vote_rule(VoteRule);
    vote_method(VoteMethod);
    /// What kind of text a search hit is in.
    search_field(crate::store::archive::Field);
    /// Why an op was refused, for people.
    reject_reason(&crate::model::RejectReason);
}

/// Who owns an action, in words: a party's short name, a person's name, or "unassigned".
pub fn owner(lang: Lang, forum: &crate::model::Forum, owner: &crate::model::Owner) -> String {
    use crate::model::Owner;
    match owner {
        Owner::Party(p) => forum.party_short(p).to_string(),
        Owner::Person(p) => forum.person_name(p).to_string(),
        Owner::Nobody => lang.t(Msg::Nobody).to_string(),
    }
}

/// A meeting's status for a list: whom the approval waits for, and overdue rounds.
pub fn archive_status(
    lang: Lang,
    forum: &crate::model::Forum,
    m: &crate::store::archive::MeetingRow,
    today: chrono::NaiveDate,
) -> String {
    if m.doubts > 0 {
        // Whatever the logs say of approval, they cannot be trusted to say it.
        return lang.fill(Msg::FailsChecks, &[&m.doubts]);
    }
    let mut s = meeting_status(lang, m.status).to_string();
    if m.status == MeetingStatus::Circulated {
        if !m.waiting_for.is_empty() {
            let names: Vec<&str> = m.waiting_for.iter().map(|p| forum.party_short(p)).collect();
            s.push_str(&format!(
                " ({} {})",
                lang.t(Msg::WaitingFor),
                names.join(", ")
            ));
        }
        if m.approval_deadline.is_some_and(|d| d < today) {
            s.push_str(&format!(" {}", lang.t(Msg::Overdue)));
        }
    }
    s
}

/// "Exempt from public disclosure under offl. § 14" ("Unntatt offentlighet, jf. offl. § 14"),
/// or without "under …" when no hjemmel is known.
pub fn exemption(lang: Lang, e: &Exemption) -> String {
    if e.hjemmel.trim().is_empty() {
        lang.t(Msg::Confidential).to_string()
    } else {
        lang.fill(Msg::ExemptUnder, &[&e.hjemmel])
    }
}

/// What the public version calls an exempt item after its number: its public title with
/// the exemption in brackets, or the exemption alone.
pub fn exempt_title(lang: Lang, e: &Exemption) -> String {
    let title = e.public_title.trim();
    match (title.is_empty(), e.hjemmel.trim().is_empty()) {
        (true, _) => exemption(lang, e),
        (false, true) => lang.fill(Msg::ExemptTitledNoBasis, &[&title]),
        (false, false) => lang.fill(Msg::ExemptTitled, &[&title, &e.hjemmel]),
    }
}

/// The heading of a group in the attendance list: the side, or the hovedsammenslutning.
pub fn seat_group(lang: Lang, g: &crate::model::SeatGroup) -> String {
    use crate::model::SeatGroup as G;
    match g {
        G::Employer => side(lang, Side::Employer).to_string(),
        G::Confederation(c) => c.clone(),
        G::Union => side(lang, Side::Union).to_string(),
        G::Observer => lang.t(Msg::Observers).to_string(),
        G::Other => lang.t(Msg::OtherAttendees).to_string(),
    }
}

/// A number of bytes as people read it: `873 MB`, `1.2 GB` (`1,2 GB` in Norwegian).
pub fn size(lang: Lang, bytes: u64) -> String {
    const UNITS: [&str; 4] = ["B", "kB", "MB", "GB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    let text = if unit == 0 || value >= 100.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    };
    let text = match lang {
        Lang::Nb => text.replace('.', ","),
        Lang::En => text,
    };
    format!("{text} {}", UNITS[unit])
}

#[cfg(test)]
mod size_tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(size(Lang::En, 512), "512 B");
        assert_eq!(size(Lang::En, 873_400_000), "873 MB");
        assert_eq!(size(Lang::En, 1_240_000_000), "1.2 GB");
        assert_eq!(size(Lang::Nb, 1_240_000_000), "1,2 GB");
        assert_eq!(size(Lang::Nb, 95_500_000), "95,5 MB");
    }
}
