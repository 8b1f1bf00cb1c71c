//! Unntatt offentlighet through the `samrad` binary: `show`, `search`, `list` and `actions`
//! give the public version unless `--include-confidential` is given, as every export does.

mod common;

use common::TEMPLATE_MEETING as MEETING;
use common::sandbox::Sandbox;
use samrad::model::{ActionStatus, Change, Exemption, ItemField, Owner, Stance, default_hjemler};

/// Every text on the exempt item carries this word, so a leak is easy to find.
const SECRET: &str = "Hemmeligord";

/// The chair's new item 9 on the template meeting, with notes, NTL's position (disagree)
/// and an action from it, made unntatt offentlighet under offl. § 14.
fn write_exempt_item(s: &Sandbox) {
    use samrad::store::{Load, Store};
    s.init();
    let mut store = Store::open(&s.data, common::authors::chair()).expect("open the folder");
    store.assume_now(common::at(common::READER_NOW));
    store.load(&Load::All);
    let h14 = default_hjemler()
        .into_iter()
        .find(|h| h.id == "offl-14")
        .expect("offl. § 14");
    let set = |set: ItemField| Change::ItemSet {
        meeting: MEETING.into(),
        item: "s-unntatt".into(),
        set,
    };
    let chair = common::authors::chair;
    let changes = [
        (
            chair(),
            common::meetings::add_item("s-unntatt", 9, &format!("{SECRET}tittel"), 10),
        ),
        (
            chair(),
            common::meetings::set_notes("s-unntatt", &format!("{SECRET} i notatet")),
        ),
        (
            common::authors::ntl(),
            common::meetings::position(
                "s-unntatt",
                "ntl",
                Stance::Disagree,
                &format!("{SECRET} i begrunnelsen"),
            ),
        ),
        (
            chair(),
            Change::ActionAdd {
                id: "t-unntatt".into(),
                title: format!("{SECRET}tiltak"),
                owner: Owner::Party("ntl".into()),
                due: None,
                status: ActionStatus::Open,
                meeting: Some(MEETING.into()),
                item: Some("s-unntatt".into()),
                areas: Vec::new(),
                proposed_by: None,
            },
        ),
        (chair(), set(ItemField::Confidential(true))),
        (
            chair(),
            set(ItemField::Exempt(Some(Exemption::citing(
                &h14,
                String::new(),
            )))),
        ),
    ];
    common::meetings::commit_each(&mut store, changes, "2026-12-08T12:00:00+01:00");
}

#[test]
fn show_gives_the_public_version_and_everything_when_asked() {
    let s = Sandbox::new();
    write_exempt_item(&s);
    for (lang, heading) in [
        ("nb", "Sak 9/26: Unntatt offentlighet, jf. offl. § 14"),
        (
            "en",
            "Item 9/26: Exempt from public disclosure under offl. § 14",
        ),
    ] {
        let public = s.run(&["--lang", lang, "show", "latest"]).ok().to_string();
        assert!(public.contains(heading), "{lang}: {public}");
        assert!(!public.contains(SECRET), "{lang} leaks: {public}");
        let all = s
            .run(&["--lang", lang, "show", "latest", "--include-confidential"])
            .ok()
            .to_string();
        assert!(!all.contains(heading), "{lang}: {all}");
        for text in ["tittel", " i notatet", " i begrunnelsen", "tiltak"] {
            assert!(
                all.contains(&format!("{SECRET}{text}")),
                "{lang} {text}: {all}"
            );
        }
    }
    let en = s
        .run(&["--lang", "en", "show", "latest", "--include-confidential"])
        .ok()
        .to_string();
    assert!(
        en.contains("Exempt from public disclosure under offl. § 14"),
        "{en}"
    );
    assert!(
        !en.contains("Confidential"),
        "the English word is gone: {en}"
    );
}

#[test]
fn search_finds_nothing_on_an_exempt_item_unless_asked() {
    let s = Sandbox::new();
    write_exempt_item(&s);
    let public = s.run(&["search", SECRET]).ok().to_string();
    assert!(public.is_empty(), "{public}");
    let all = s
        .run(&["search", SECRET, "--include-confidential"])
        .ok()
        .to_string();
    // The title, the notes, NTL's reason and the action.
    assert_eq!(all.lines().count(), 4, "{all}");
    assert!(all.lines().all(|l| l.contains("sak 9/26")), "{all}");
}

#[test]
fn list_and_actions_match_nothing_on_an_exempt_item_unless_asked() {
    let s = Sandbox::new();
    write_exempt_item(&s);
    let filter = ["list", "--party", "ntl", "--stance", "uenig"];
    let public = s.run(&filter).ok().to_string();
    assert!(!public.contains(MEETING), "{public}");
    let all = s
        .run(&[&filter[..], &["--include-confidential"]].concat())
        .ok()
        .to_string();
    assert!(all.contains(MEETING), "{all}");

    let public = s.run(&["actions"]).ok().to_string();
    assert!(!public.contains(SECRET), "{public}");
    let all = s
        .run(&["actions", "--include-confidential"])
        .ok()
        .to_string();
    assert!(all.contains(&format!("{SECRET}tiltak")), "{all}");
}
