//! A passage unntatt offentlighet inside a public item: Ctrl-T in the editor puts the tags
//! in with a hjemmel from the forum's list (again: the next one); the public version and a
//! public search hold the passage back and say on which hjemmel; everything with
//! `--include-confidential`.

mod common;

use common::TEMPLATE_MEETING as MEETING;
use common::at;
use common::authors::chair;
use common::sandbox::Sandbox;
use common::session::{Session, commits};
use samrad::app::Action;
use samrad::i18n::Lang;

const ITEM: &str = "s-2026-2";
const SECRET: &str = "Forhandlingsrommet er 2 prosent";

#[test]
fn ctrl_t_marks_a_passage_with_a_hjemmel_from_the_list_and_again_the_next() {
    let mut s = Session::new(chair(), Lang::Nb, at("2026-12-08T10:00:00+01:00"));
    s.select(ITEM);
    s.act(Action::EditNotes);
    s.type_text("Partene drøftet saken. ");
    let said = |s: &Session| s.app.message.clone().map(|(m, _)| m).unwrap_or_default();
    s.act(Action::ExemptPassage);
    assert!(
        said(&s).contains("offl. § 13 jf. fvl. § 13"),
        "{}",
        said(&s)
    );
    s.act(Action::ExemptPassage);
    assert!(said(&s).contains("jf. offl. § 14 ("), "{}", said(&s));
    s.type_text(SECRET);
    let fx = s.act(Action::Save);
    assert_eq!(commits(&fx).len(), 1);
    assert_eq!(
        s.item(ITEM).notes,
        format!("Partene drøftet saken. [unntatt offl. § 14]{SECRET}[/unntatt]")
    );
}

/// The template meeting's item 2 with a public note holding one exempt passage.
fn with_passage(s: &Sandbox) {
    use samrad::store::{Load, Store};
    s.init();
    let mut store = Store::open(&s.data, chair()).expect("open the folder");
    store.assume_now(at(common::READER_NOW));
    store.load(&Load::All);
    let notes = format!("Partene drøftet saken. [unntatt offl. § 14]{SECRET}[/unntatt] Ferdig.");
    common::meetings::commit_each(
        &mut store,
        [(chair(), common::meetings::set_notes(ITEM, &notes))],
        "2026-12-08T12:00:00+01:00",
    );
}

#[test]
fn the_public_version_and_search_hold_the_passage_back_and_name_the_hjemmel() {
    let s = Sandbox::new();
    with_passage(&s);
    for (lang, words) in [
        ("nb", "[Unntatt offentlighet, jf. offl. § 14]"),
        ("en", "[Exempt from public disclosure under offl. § 14]"),
    ] {
        let public = s.run(&["--lang", lang, "show", MEETING]).ok().to_string();
        assert!(public.contains(words), "{lang}: {public}");
        assert!(
            public.contains("Partene drøftet saken."),
            "the rest is public"
        );
        assert!(!public.contains(SECRET), "{lang} leaks: {public}");
        let all = s
            .run(&["--lang", lang, "show", MEETING, "--include-confidential"])
            .ok()
            .to_string();
        let full = format!("{}: {SECRET}]", words.trim_end_matches(']'));
        assert!(all.contains(&full), "{lang}: {all}");
        let json = s
            .run(&["--lang", lang, "export", MEETING, "--format", "json"])
            .ok()
            .to_string();
        assert!(!json.contains(SECRET), "{lang} json leaks: {json}");
    }
    let public = s.run(&["search", "Forhandlingsrommet"]).ok().to_string();
    assert!(public.is_empty(), "{public}");
    let all = s
        .run(&["search", "Forhandlingsrommet", "--include-confidential"])
        .ok()
        .to_string();
    assert_eq!(all.lines().count(), 1, "{all}");
    let rest = s.run(&["search", "Partene drøftet"]).ok().to_string();
    assert!(!rest.is_empty(), "the public part is found");
}
