//! `:partyname`: a party's name and the hovedsammenslutning it belongs to, as the forum
//! now has them, so that the forum follows reorganisations without a new template.

use super::action::Effect;
use super::state::App;
use crate::i18n::{self, Msg};
use crate::model::{Change, Party};

/// `:partyname NTL | Norsk Tjenestemannslag | LO Stat`: the party (by short name or id)
/// gets the full name and the hovedsammenslutning given; a part left empty stays as it
/// is, and `-` as the hovedsammenslutning says the party belongs to none.
pub fn party_name_command(app: &mut App, arg: &str, fx: &mut Vec<Effect>) {
    let lang = app.lang;
    let mut parts = arg.split('|').map(str::trim);
    let key = parts.next().unwrap_or_default();
    let (name, confederation) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    if key.is_empty() || (name.is_empty() && confederation.is_empty()) {
        app.warn(lang.t(Msg::PartyNameUsage));
        return;
    }
    let party = match app.doc.forum.find_party(key) {
        Ok(id) => app.doc.forum.party(&id).cloned(),
        Err(e) => {
            app.warn(i18n::lookup_error(lang, &e));
            return;
        }
    };
    let Some(old) = party else { return };
    let party = Party {
        name: if name.is_empty() {
            old.name.clone()
        } else {
            name.to_string()
        },
        confederation: match confederation {
            "" => old.confederation.clone(),
            "-" => None,
            c => Some(c.to_string()),
        },
        ..old
    };
    let group = party.confederation.clone().unwrap_or_else(|| "–".into());
    app.say(lang.fill(Msg::PartyNamed, &[&party.short, &party.name, &group]));
    app.commit(fx, Change::PartyPut { party });
}
