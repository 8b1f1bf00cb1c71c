//! Exports of minutes made through the real code path: ops committed to a data folder,
//! folded, and the minutes written as Markdown, text, HTML, CSV and JSON in both languages.
//!
//! Two meetings: a referat (information and drøfting) and a protokoll (with a forhandling).
//! Each has positions, a vote, an item unntatt offentlighet (with a hjemmel; the protokoll's
//! with a public title), statements for the record, an action, a refused change and a
//! finished approval round. Everything written on the exempt items contains the word
//! HEMMELIG, so a leak is easy to find.

mod common;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use common::at as time;
use common::authors::{chair, rep};
use common::meetings;
use samrad::export::{self, ExportOptions, Format};
use samrad::i18n::Lang;
use samrad::model::{
    ActionField, ActionStatus, Agreement, Author, Change, Document, Exemption, ItemField, ItemKind,
    ItemNumber, MeetingField, MeetingStatus, Minutes, Owner, Presence, Stance, VoteMethod,
    VoteOption, VoteRule, default_hjemler,
};
use samrad::store::{Load, Store, seal};
use scraper::{ElementRef, Html, Selector};

const REFERAT: &str = "m-2026-11-03-kontaktgruppen";
const PROTOKOLL: &str = "m-2026-11-17-forhandling";
/// The note whose characters must come through every format as written.
const TRICKY_NOTE: &str =
    "Kopiert fra e-post: <b>&\"foreløpige tall\"</b> – KMD sender rettet tabell.";
const SECRET: &str = "HEMMELIG";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a valid date")
}

/// A seeded data folder, and a clock that moves one minute per op so the minutes read the
/// same on every run. Ops on a meeting or an item are on the one created last.
struct Folder {
    _dir: tempfile::TempDir,
    store: Store,
    clock: DateTime<FixedOffset>,
    meeting: &'static str,
    item: &'static str,
}

impl Folder {
    fn new() -> Folder {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(dir.path(), chair()).expect("open the data folder");
        Folder {
            _dir: dir,
            store,
            clock: time("2026-11-01T09:00:00+01:00"),
            meeting: "",
            item: "",
        }
    }

    fn at(&mut self, t: &str) {
        self.clock = time(t);
    }

    fn by(&mut self, who: Author) -> &mut Folder {
        self.store.set_author(who);
        self
    }

    fn commit(&mut self, change: Change) -> &mut Folder {
        self.clock += Duration::minutes(1);
        self.store
            .commit_at(change, self.clock)
            .expect("commit the op");
        self
    }

    /// The minutes of `meeting`, folded with the whole folder so that open actions of
    /// later meetings (the template's) are not taken for carried-over ones.
    fn minutes(&mut self, meeting: &str) -> Minutes {
        self.store
            .load(&Load::All)
            .minutes(meeting)
            .expect("the meeting exists")
    }

    /// The chair creates `meeting` at `created`, with its place, chair and referent, and
    /// the chair, the referent, NTL and Unio present and the safety delegate absent.
    fn create(
        &mut self,
        meeting: &'static str,
        created: &str,
        title: &str,
        starts_at: &str,
        place: &str,
    ) {
        self.meeting = meeting;
        self.at(created);
        self.by(chair()).commit(Change::MeetingCreate {
            meeting: meeting.into(),
            title: title.into(),
            starts_at: starts_at.into(),
        });
        for set in [
            MeetingField::Place(place.into()),
            MeetingField::Chair(Some("p-leder".into())),
            MeetingField::Referent(Some("p-referent".into())),
        ] {
            self.commit(Change::MeetingSet {
                meeting: meeting.into(),
                set,
            });
        }
        for (person, presence) in [
            ("p-leder", Presence::Present),
            ("p-referent", Presence::Present),
            ("p-ntl", Presence::Present),
            ("p-unio", Presence::Present),
            ("p-hvo", Presence::Absent),
        ] {
            self.attend(person, presence, None);
        }
    }

    fn attend(&mut self, person: &str, presence: Presence, for_person: Option<&str>) {
        self.commit(Change::Attend {
            meeting: self.meeting.into(),
            person: person.into(),
            presence,
            for_person: for_person.map(String::from),
            substitute: String::new(),
        });
    }

    /// The meeting opens at `t`.
    fn open_at(&mut self, t: &str) {
        self.at(t);
        self.status(self.meeting, MeetingStatus::Open);
    }

    fn status(&mut self, meeting: &str, to: MeetingStatus) -> &mut Folder {
        self.commit(meetings::status(meeting, to))
    }

    fn item(&mut self, id: &'static str, n: u32, title: &str, kind: ItemKind) -> &mut Folder {
        self.item = id;
        self.commit(Change::ItemAdd {
            meeting: self.meeting.into(),
            item: id.into(),
            number: ItemNumber { n, year: 2026 },
            title: title.into(),
            kind,
            rank: i64::from(n) * 1024,
        })
    }

    fn set(&mut self, set: ItemField) -> &mut Folder {
        self.commit(Change::ItemSet {
            meeting: self.meeting.into(),
            item: self.item.into(),
            set,
        })
    }

    fn position(&mut self, party: &str, stance: Stance, reason: &str) -> &mut Folder {
        self.commit(Change::Position {
            meeting: self.meeting.into(),
            item: self.item.into(),
            party: party.into(),
            stance,
            reason: reason.into(),
            base: None,
        })
    }

    fn statement(&mut self, party: &str, text: &str) -> &mut Folder {
        self.commit(Change::Statement {
            meeting: self.meeting.into(),
            item: self.item.into(),
            party: party.into(),
            text: text.into(),
            base: None,
        })
    }

    /// A vote of one ballot per party: `ballots` are (party, option index).
    fn vote(&mut self, question: &str, ballots: &[(&str, usize)]) {
        let (meeting, item) = (self.meeting, self.item);
        let vote = format!("v-{item}");
        self.by(chair()).commit(Change::VoteOpen {
            meeting: meeting.into(),
            item: item.into(),
            vote: vote.clone(),
            question: question.into(),
            options: VoteOption::defaults(["For", "Mot", "Avstår"]),
            method: VoteMethod::PerParty,
            rule: VoteRule::SimpleMajority,
        });
        for (party, option) in ballots {
            self.by(rep(party)).commit(Change::VoteCast {
                meeting: meeting.into(),
                item: item.into(),
                vote: vote.clone(),
                voter: (*party).into(),
                option: Some(*option),
            });
        }
        self.by(chair()).commit(Change::VoteClose {
            meeting: meeting.into(),
            item: item.into(),
            vote,
        });
    }

    /// The chair's conclusion, the parties in disagreement, and who dissents.
    fn disagreement(&mut self, conclusion: &str, dissenter: &str) {
        self.by(chair())
            .set(ItemField::Conclusion(conclusion.into()))
            .set(ItemField::Agreement(Some(Agreement::Disagreement)))
            .set(ItemField::Dissenters(vec![dissenter.into()]));
    }

    /// The chair makes the item unntatt offentlighet under the forum's hjemmel `hjemmel`
    /// (an id of the default list), with `public_title`, and writes `notes`.
    fn exempt(&mut self, hjemmel: &str, public_title: &str, notes: &str) {
        let h = default_hjemler()
            .into_iter()
            .find(|h| h.id == hjemmel)
            .expect("a hjemmel of the default list");
        self.by(chair())
            .set(ItemField::Confidential(true))
            .set(ItemField::Exempt(Some(Exemption::citing(
                &h,
                public_title.into(),
            ))))
            .set(ItemField::Notes(notes.into()));
    }

    fn action(
        &mut self,
        id: &str,
        title: &str,
        owner: Owner,
        due: &str,
        areas: &[&str],
        proposed_by: &str,
    ) {
        self.commit(Change::ActionAdd {
            id: id.into(),
            title: title.into(),
            owner,
            due: Some(day(due)),
            status: ActionStatus::Open,
            meeting: Some(self.meeting.into()),
            item: Some(self.item.into()),
            areas: areas.iter().map(|a| (*a).into()).collect(),
            proposed_by: Some(proposed_by.into()),
        });
    }

    fn action_status(&mut self, id: &str, status: ActionStatus) {
        self.commit(Change::ActionSet {
            id: id.into(),
            meeting: Some(self.meeting.into()),
            set: ActionField::Status(status),
        });
    }

    /// Close the meeting and send it round with the hash of what it holds now.
    fn circulate(&mut self, meeting: &str, deadline: &str) {
        self.by(chair()).status(meeting, MeetingStatus::Closed);
        let doc = self.store.load(&Load::All);
        let hash = seal::content_hash(doc.meeting(meeting).expect("the meeting exists"));
        self.commit(meetings::circulate(meeting, &hash, Some(day(deadline))));
    }

    fn hash(&mut self, meeting: &str) -> String {
        let doc = self.store.load(&Load::All);
        doc.meeting(meeting)
            .and_then(|m| m.content_hash.clone())
            .expect("the minutes were circulated")
    }

    /// `party` signs the protokoll of forhandling `item` as it stands, at the table.
    fn sign(&mut self, meeting: &str, item: &str, party: &str) {
        let doc = self.store.load(&Load::All);
        let hash = doc
            .meeting(meeting)
            .and_then(|m| m.protocol_hash(item))
            .expect("a forhandling");
        self.by(rep(party)).commit(Change::SignProtocol {
            meeting: meeting.into(),
            item: item.into(),
            party: party.into(),
            hash,
            seal: String::new(),
        });
    }

    fn approve(&mut self, meeting: &str, party: &str) {
        let hash = self.hash(meeting);
        self.by(rep(party))
            .commit(meetings::approve(meeting, party, &hash));
    }
}

/// A referat: information and drøfting, up to the point where it is sent for approval.
fn referat_meeting(f: &mut Folder) {
    f.create(
        REFERAT,
        "2026-11-03T09:30:00+01:00",
        "Kontaktgruppemøte november: budsjett og hjemmekontor",
        "2026-11-03T10:00:00+01:00",
        "Akersgata 59, møterom 3",
    );
    f.commit(Change::DocumentPut {
        meeting: REFERAT.into(),
        document: Document {
            id: "d-budsjett".into(),
            title: "Budsjettforslag 2027".into(),
            sent_on: Some(day("2026-10-27")),
            reference: "26/1234".into(),
        },
    });
    f.open_at("2026-11-03T10:00:00+01:00");

    f.item(
        "s-r-1",
        21,
        "Orientering om budsjett 2027",
        ItemKind::Information,
    )
    .set(ItemField::Presenter("KMD".into()))
    .set(ItemField::PlannedMinutes(20))
    .set(ItemField::Notes(TRICKY_NOTE.into()));

    f.item(
        "s-r-2",
        22,
        "Retningslinjer for hjemmekontor",
        ItemKind::Consultation,
    )
    .set(ItemField::Areas(vec!["uo3".into()]))
    .set(ItemField::Background(
        "KMD la fram utkast til retningslinjer for hjemmekontor, på høring fra 1. oktober.".into(),
    ));
    f.by(rep("ntl")).position(
        "ntl",
        Stance::Disagree,
        "Retningslinjene gir for lite fleksibilitet for ansatte med lang reisevei.",
    );
    f.by(rep("unio"))
        .position("unio", Stance::Agree, "Støtter forslaget.");
    f.by(chair())
        .position("jf", Stance::View, "Vil følge med på arbeidsmiljøet.");
    f.vote(
        "Skal utkastet sendes på ny høring?",
        &[("kmd", 1), ("ntl", 0), ("unio", 1)],
    );
    f.disagreement(
        "KMD fastsetter retningslinjene med de endringene som kom fram i møtet.",
        "ntl",
    );
    f.by(rep("ntl")).statement(
        "ntl",
        "NTL mener retningslinjene bryter med avtalen om fleksibel arbeidstid,\n\
         og tar forbehold om å reise saken på nytt.",
    );
    // Unio cannot write NTL's statement: refused, and the refusal is shown.
    f.by(rep("unio")).statement("ntl", "Unio skriver for NTL.");
    f.by(chair()).action(
        "t-r-1",
        "Sende reviderte retningslinjer til organisasjonene",
        Owner::Party("kmd".into()),
        "2026-11-20",
        &["uo3"],
        "ntl",
    );

    f.item(
        "s-r-3",
        23,
        "HEMMELIG-TITTEL: omplassering i fellestjenesten",
        ItemKind::Consultation,
    );
    f.exempt("offl-14", "", "HEMMELIG-NOTAT: navn og helseopplysninger.");
    f.by(rep("ntl"))
        .position("ntl", Stance::Agree, "HEMMELIG-STANDPUNKT")
        .statement("ntl", "HEMMELIG-TILFØRSEL fra NTL.");
    f.by(rep("unio")).statement("ntl", "HEMMELIG-AVVIST");
    f.by(chair()).action(
        "t-r-2",
        "HEMMELIG-TILTAK: følge opp den ansatte",
        Owner::Person("p-referent".into()),
        "2026-11-10",
        &[],
        "kmd",
    );
    // Done in the meeting, so not carried over: see the report on carried-over actions.
    f.action_status("t-r-2", ActionStatus::Done);
}

/// A protokoll: a forhandling ending in disagreement, up to the point where it is sent.
fn protokoll_meeting(f: &mut Folder) {
    f.create(
        PROTOKOLL,
        "2026-11-17T08:30:00+01:00",
        "Forhandlingsmøte: særavtale om fleksibel arbeidstid",
        "2026-11-17T09:00:00+01:00",
        "Akersgata 59, møterom 1",
    );
    f.attend("p-ys", Presence::Substitute, Some("p-jf"));
    f.open_at("2026-11-17T09:00:00+01:00");

    f.item(
        "s-p-1",
        24,
        "Særavtale om fleksibel arbeidstid",
        ItemKind::Negotiation,
    )
    .set(ItemField::Areas(vec!["uo3".into(), "uo5".into()]))
    .set(ItemField::Background(
        "Forhandlingen ble krevd 3. november etter hovedavtalen § 19.".into(),
    ));
    // Krav and tilbud first, then where each party ends.
    f.by(chair())
        .position("kmd", Stance::Offer, "Kjernetid 9–15, fleksitid 7–19.");
    f.by(rep("unio"))
        .position("unio", Stance::Demand, "Kjernetid 9–14.");
    f.by(rep("ntl")).position("ntl", Stance::Agree, "");
    f.by(rep("unio"))
        .position("unio", Stance::Disagree, "Kjernetiden bør slutte kl. 14.");
    f.by(rep("ys-stat")).position("ys-stat", Stance::Agree, "");
    f.vote(
        "Godtar partene forslaget til særavtale?",
        &[("kmd", 0), ("ntl", 0), ("unio", 1), ("ys-stat", 0)],
    );
    f.disagreement(
        "Særavtalen gjelder fra 1. januar 2027. Unio slutter seg ikke til avtalen.",
        "unio",
    );
    f.by(rep("unio")).statement(
        "unio",
        "Unio kan ikke slutte seg til en kjernetid som rammer ansatte med omsorgsansvar.",
    );
    f.by(chair()).action(
        "t-p-1",
        "Kunngjøre særavtalen på intranettet",
        Owner::Party("kmd".into()),
        "2026-12-15",
        &["uo3", "uo5"],
        "unio",
    );
    f.action_status("t-p-1", ActionStatus::InProgress);

    f.item("s-p-2", 25, "Kompetanseplan 2027", ItemKind::Consultation);
    f.by(rep("ntl"))
        .position(
            "ntl",
            Stance::View,
            "Planen må ta med opplæring i nye fagsystemer.",
        )
        .statement(
            "ntl",
            "NTL ber om at kompetanseplanen drøftes igjen før 1. mars.",
        );

    f.by(chair()).item(
        "s-p-3",
        26,
        "HEMMELIG-TITTEL: lønn for enkeltstilling",
        ItemKind::Negotiation,
    );
    f.exempt(
        "offl-23",
        "Lønnsforhandling for en enkeltstilling",
        "HEMMELIG-NOTAT om lønn.",
    );
    f.by(rep("ys-stat"))
        .statement("ys-stat", "HEMMELIG-TILFØRSEL fra YS Stat.");
    f.by(chair()).action(
        "t-p-2",
        "HEMMELIG-TILTAK: ny lønnsplassering",
        Owner::Party("kmd".into()),
        "2026-12-01",
        &[],
        "ys-stat",
    );
}

/// Both meetings, each through a finished approval round.
fn approved_folder() -> Folder {
    let mut f = Folder::new();
    referat_meeting(&mut f);
    f.at("2026-11-03T13:00:00+01:00");
    f.circulate(REFERAT, "2026-11-10");
    for party in ["kmd", "ntl", "unio"] {
        f.approve(REFERAT, party);
    }
    protokoll_meeting(&mut f);
    // Signed at the table, by every party present, each from its own seat.
    f.at("2026-11-17T11:00:00+01:00");
    for party in ["kmd", "ntl", "unio", "ys-stat"] {
        f.sign(PROTOKOLL, "s-p-1", party);
    }
    f.at("2026-11-17T13:00:00+01:00");
    f.circulate(PROTOKOLL, "2026-11-24");
    for party in ["kmd", "ntl", "unio", "ys-stat"] {
        f.approve(PROTOKOLL, party);
    }
    f
}

fn opts(lang: Lang, include_confidential: bool) -> ExportOptions {
    ExportOptions {
        lang,
        include_confidential,
        today: day("2026-12-01"),
        doubts: Vec::new(),
    }
}

fn render(m: &Minutes, format: Format, o: &ExportOptions) -> String {
    String::from_utf8(export::export(m, format, o).expect("export")).expect("exports are UTF-8")
}

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "nb",
        Lang::En => "en",
    }
}

/// The hash depends on every byte of the content, so a new field anywhere in the model
/// would change every snapshot: it is checked on its own and shown as a placeholder.
fn without_hash(text: &str, m: &Minutes) -> String {
    let hash = m
        .meeting
        .content_hash
        .as_deref()
        .expect("approved minutes have a hash");
    assert!(text.contains(hash), "the content hash is shown");
    text.replace(hash, "«SHA-256»")
}

#[test]
fn every_export_in_both_languages() {
    let mut f = approved_folder();
    for (name, id) in [("referat", REFERAT), ("protokoll", PROTOKOLL)] {
        let m = f.minutes(id);
        assert_eq!(m.meeting.status, MeetingStatus::Approved, "{name}");
        for lang in [Lang::Nb, Lang::En] {
            let o = opts(lang, false);
            for (format, ext) in [
                (Format::Md, "md"),
                (Format::Text, "text"),
                (Format::Html, "html"),
            ] {
                let out = without_hash(&render(&m, format, &o), &m);
                insta::assert_snapshot!(format!("{name}_{ext}_{}", lang_name(lang)), out);
            }
            let csv = render(&m, Format::Csv, &o);
            insta::assert_snapshot!(format!("{name}_csv_{}", lang_name(lang)), csv);
        }
    }
}

#[test]
fn exempt_items_keep_their_number_and_hjemmel_and_nothing_else_unless_asked_for() {
    let mut f = approved_folder();
    // (meeting, the exempt item's public heading in nb and en)
    let cases = [
        (
            REFERAT,
            "Sak 23/26: Unntatt offentlighet, jf. offl. § 14",
            "Item 23/26: Exempt from public disclosure under offl. § 14",
        ),
        (
            PROTOKOLL,
            "Sak 26/26: Lønnsforhandling for en enkeltstilling (unntatt offentlighet, jf. offl. § 23)",
            "Item 26/26: Lønnsforhandling for en enkeltstilling (exempt from public disclosure under offl. § 23)",
        ),
    ];
    for (id, nb, en) in cases {
        let m = f.minutes(id);
        assert_eq!(m.meeting.items.len(), 3);
        assert!(
            m.meeting.items.iter().any(|i| i.is_exempt()),
            "the test meeting has an exempt item"
        );
        for (lang, heading) in [(Lang::Nb, nb), (Lang::En, en)] {
            let left_out = match lang {
                Lang::Nb => "1 sak unntatt offentlighet: det som er ført på den, er utelatt.",
                Lang::En => {
                    "1 item exempt from public disclosure: what was recorded on it is left out."
                }
            };
            for format in [
                Format::Md,
                Format::Text,
                Format::Html,
                Format::Csv,
                Format::Json,
            ] {
                let public = render(&m, format, &opts(lang, false));
                assert!(
                    !public.contains(SECRET),
                    "{id} {format:?} {lang:?} leaks an exempt item:\n{public}"
                );
                let all = render(&m, format, &opts(lang, true));
                assert!(
                    all.contains("HEMMELIG-TILTAK"),
                    "{id} {format:?} {lang:?}: --include-confidential keeps the action:\n{all}"
                );
                if matches!(format, Format::Md | Format::Text | Format::Html) {
                    assert!(public.contains(left_out), "{id} {format:?}:\n{public}");
                    assert!(public.contains(heading), "{id} {format:?}:\n{public}");
                    assert!(!all.contains(left_out), "{id} {format:?}:\n{all}");
                    assert!(!all.contains(heading), "{id} {format:?}:\n{all}");
                    // A forhandling's notes and statements are in its own protokoll.
                    let protokoll = export::export_protocol(&m, "s-p-3", format, &opts(lang, true))
                        .map(|b| String::from_utf8_lossy(&b).to_string())
                        .unwrap_or_default();
                    assert!(
                        export::export_protocol(&m, "s-p-3", format, &opts(lang, false)).is_err()
                    );
                    for secret in ["HEMMELIG-TITTEL", "HEMMELIG-NOTAT", "HEMMELIG-TILFØRSEL"] {
                        let kept = all.contains(secret) || protokoll.contains(secret);
                        assert!(kept, "{id} {format:?}: {secret}");
                    }
                }
            }
        }
        let json: Minutes = serde_json::from_slice(
            &export::export(&m, Format::Json, &opts(Lang::Nb, false)).expect("json"),
        )
        .expect("the public JSON reads back as minutes");
        assert_eq!(
            json.meeting.items.len(),
            3,
            "the exempt item keeps its place"
        );
        let exempt = json
            .meeting
            .items
            .iter()
            .find(|i| i.is_exempt())
            .expect("the exempt item");
        assert!(exempt.notes.is_empty() && exempt.positions.is_empty());
        assert!(exempt.statements.is_empty() && exempt.votes.is_empty());
        assert_eq!(
            json.actions.len() + 1,
            m.actions.len(),
            "one action hangs on the exempt item"
        );
    }
}

#[test]
fn an_item_marked_confidential_before_hjemmel_reads_as_exempt_without_a_paragraph() {
    let mut f = Folder::new();
    referat_meeting(&mut f);
    f.by(chair())
        .item("s-r-9", 29, "HEMMELIG-TITTEL: gammel sak", ItemKind::Other);
    f.set(ItemField::Confidential(true))
        .set(ItemField::Notes("HEMMELIG-NOTAT".into()));
    let m = f.minutes(REFERAT);
    for (lang, heading) in [
        (Lang::Nb, "Sak 29/26: Unntatt offentlighet\n"),
        (Lang::En, "Item 29/26: Exempt from public disclosure\n"),
    ] {
        let public = render(&m, Format::Text, &opts(lang, false));
        assert!(public.contains(heading), "{public}");
        assert!(!public.contains(SECRET), "{public}");
        let line = public
            .lines()
            .find(|l| l.contains("29/26"))
            .expect("the item is listed");
        assert!(!line.contains("jf.") && !line.contains(" under "), "{line}");
    }
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("a valid selector")
}

fn text_of(e: ElementRef) -> String {
    e.text().collect::<String>()
}

/// Where each element matching `selector` starts, in document order.
fn order_of(doc: &Html, selector: &str) -> Vec<String> {
    doc.select(&sel(selector))
        .map(|e| e.value().attr("class").unwrap_or_default().to_string())
        .collect()
}

#[test]
fn the_html_export_reads_back_as_the_minutes() {
    let mut f = approved_folder();
    // Both meetings give a referat; the forhandling's protokoll is its own document.
    for (id, signatures) in [(REFERAT, ".approval"), (PROTOKOLL, ".approval")] {
        let m = f.minutes(id);
        for lang in [Lang::Nb, Lang::En] {
            for include in [false, true] {
                let html = render(&m, Format::Html, &opts(lang, include));
                let doc = Html::parse_document(&html);
                assert!(doc.errors.is_empty(), "{id}: {:?}", doc.errors);

                let root = doc.select(&sel("html")).next().expect("an html element");
                assert_eq!(root.value().attr("lang"), Some(lang_name(lang)));
                let charset = doc.select(&sel("meta[charset]")).next().expect("a charset");
                assert_eq!(charset.value().attr("charset"), Some("utf-8"));
                let title = doc.select(&sel("head > title")).next().expect("a title");
                let kind = match lang {
                    Lang::Nb => "Referat: ",
                    Lang::En => "Minutes: ",
                };
                assert_eq!(text_of(title), format!("{kind}{}", m.meeting.title));
                let h1: Vec<String> = doc.select(&sel("h1")).map(text_of).collect();
                assert_eq!(h1, [text_of(title)], "one h1, the title");

                // Self-contained: no scripts, nothing fetched from elsewhere.
                for outside in [
                    "script", "link", "img", "iframe", "object", "[src]", "[href]",
                ] {
                    assert_eq!(doc.select(&sel(outside)).count(), 0, "{outside} in {id}");
                }
                let style: String = doc.select(&sel("head > style")).map(text_of).collect();
                for rule in ["@media print", "@page", "A4", "page-break-inside: avoid"] {
                    assert!(style.contains(rule), "the stylesheet lacks {rule}");
                }

                // One section per item, in agenda order, headed by its number; an exempt
                // item's by its number and hjemmel in the public version.
                let shown: Vec<_> = m
                    .meeting
                    .items
                    .iter()
                    .map(|i| if include { i.clone() } else { i.public() })
                    .collect();
                let sections: Vec<ElementRef> = doc.select(&sel("section.item")).collect();
                assert_eq!(sections.len(), shown.len(), "{id} include={include}");
                for (section, item) in sections.iter().zip(&shown) {
                    let heading = section.select(&sel("h2")).next().expect("item heading");
                    let heading = text_of(heading);
                    assert!(
                        heading.contains(&item.number.to_string())
                            && (item.redacted || heading.contains(&item.title)),
                        "{heading}"
                    );
                }
                let body = text_of(doc.select(&sel("body")).next().expect("a body"));
                assert_eq!(body.contains(SECRET), include, "{id} include={include}");

                // Statements for the record come after the signatures, not inside items.
                let order = order_of(&doc, &format!("{signatures}, section.statements"));
                assert_eq!(order.len(), 2, "{id}: {order:?}");
                assert!(order[1].contains("statements"), "{id}: {order:?}");
                let statements = doc
                    .select(&sel("section.statements"))
                    .next()
                    .expect("statements for the record");
                // A forhandling's statements are in its protokoll.
                for item in shown.iter().filter(|i| i.kind != ItemKind::Negotiation) {
                    for s in item.current_statements() {
                        let first_line = s.text.lines().next().unwrap_or_default();
                        assert!(text_of(statements).contains(first_line), "{first_line}");
                        assert!(
                            sections.iter().all(|e| !text_of(*e).contains(first_line)),
                            "a statement inside an item: {first_line}"
                        );
                    }
                }

                // A signature line per party present, in the forhandling's protokoll (and
                // none in the referat, which is approved, not signed).
                assert_eq!(doc.select(&sel(".signatures .signature")).count(), 0);
                if id == PROTOKOLL {
                    let o = opts(lang, include);
                    let bytes = export::export_protocol(&m, "s-p-1", Format::Html, &o);
                    let html = String::from_utf8(bytes.expect("a protokoll")).expect("UTF-8");
                    let doc = Html::parse_document(&html);
                    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
                    let lines = doc.select(&sel(".signatures .signature")).count();
                    assert_eq!(lines, m.meeting.approving_parties(&m.forum).len());
                }
            }
        }
    }

    // Text that looks like markup comes through as the text it is.
    let m = f.minutes(REFERAT);
    let doc = Html::parse_document(&render(&m, Format::Html, &opts(Lang::Nb, false)));
    assert_eq!(
        doc.select(&sel("section.item b")).count(),
        0,
        "<b> was escaped"
    );
    let notes: Vec<String> = doc
        .select(&sel("section.item p"))
        .map(text_of)
        .filter(|t| t.starts_with("Kopiert fra e-post"))
        .collect();
    assert_eq!(notes, [TRICKY_NOTE]);
}

#[test]
fn the_action_list_reads_back_as_csv_with_one_row_per_action() {
    let mut f = approved_folder();
    let m = f.minutes(PROTOKOLL);
    for lang in [Lang::Nb, Lang::En] {
        for include in [false, true] {
            let o = opts(lang, include);
            let bytes = export::export(&m, Format::Csv, &o).expect("csv");
            let mut reader = csv::Reader::from_reader(bytes.as_slice());
            let header = reader.headers().expect("a header row").clone();
            assert_eq!(header.len(), 11, "{header:?}");
            let rows: Vec<csv::StringRecord> = reader
                .records()
                .collect::<Result<_, _>>()
                .expect("every row parses");
            let expected: Vec<&str> = export::visible_actions(&m, &o)
                .iter()
                .map(|a| a.id.as_str())
                .collect();
            let ids: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
            assert_eq!(ids, expected, "{lang:?} include={include}");
            assert_eq!(rows.len(), if include { 3 } else { 2 });
            assert!(rows.iter().all(|r| r.len() == header.len()));

            // The action carried over from the referat is overdue on 1 December.
            let (yes, no) = match lang {
                Lang::Nb => ("ja", "nei"),
                Lang::En => ("yes", "no"),
            };
            let carried = rows
                .iter()
                .find(|r| &r[0] == "t-r-1")
                .expect("carried over");
            assert_eq!(&carried[3], "2026-11-20");
            assert_eq!(&carried[5], yes);
            assert_eq!(&carried[6], "", "its meeting is not this one");
            assert_eq!(&carried[10], yes, "carried over");
            let own = rows.iter().find(|r| &r[0] == "t-p-1").expect("own action");
            assert_eq!(&own[5], no);
            assert_eq!(&own[6], "2026-11-17");
            assert_eq!(&own[7], "24/26");
            assert_eq!(&own[8], "3; 5");
            assert_eq!(&own[9], "Unio");
            assert_eq!(&own[10], no);
        }
    }
}

/// Action titles a spreadsheet would run as formulas (`=`, `+`, `-`, `@`, a tab, a carriage
/// return first) come out as text: the cell starts with `'`, as OWASP advises against CSV
/// injection, and is quoted where it needs to be. Other titles and dates are as written.
#[test]
fn csv_cells_that_would_start_a_formula_start_with_a_quote() {
    let mut f = Folder::new();
    f.create(
        REFERAT,
        "2026-11-03T09:30:00+01:00",
        "Kontaktgruppemøte november",
        "2026-11-03T10:00:00+01:00",
        "Akersgata 59",
    );
    f.open_at("2026-11-03T10:00:00+01:00");
    f.item("s-r-1", 21, "Budsjett 2027", ItemKind::Information);
    let titles = [
        (
            "t-1",
            "=HYPERLINK(\"http://x\")",
            "'=HYPERLINK(\"http://x\")",
        ),
        ("t-2", "@SUM(1)", "'@SUM(1)"),
        ("t-3", "+1", "'+1"),
        ("t-4", "-1", "'-1"),
        ("t-5", "\tinnrykk", "'\tinnrykk"),
        ("t-6", "\r=1+1", "'=1+1"),
        ("t-7", "2026-12-01: ny frist", "2026-12-01: ny frist"),
        (
            "t-8",
            "Send tabellen – 5 % kutt",
            "Send tabellen – 5 % kutt",
        ),
    ];
    for (id, title, _) in titles {
        f.action(
            id,
            title,
            Owner::Party("ntl".into()),
            "2026-12-01",
            &[],
            "ntl",
        );
    }
    let m = f.minutes(REFERAT);
    let bytes = export::export(&m, Format::Csv, &opts(Lang::Nb, false)).expect("csv");
    let raw = String::from_utf8(bytes.clone()).expect("UTF-8");
    assert!(
        raw.contains("\"'=HYPERLINK(\"\"http://x\"\")\""),
        "the quotes in the cell are doubled inside quotes:\n{raw}"
    );
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .expect("every row parses");
    for (id, _, cell) in titles {
        let row = rows
            .iter()
            .find(|r| &r[0] == id)
            .unwrap_or_else(|| panic!("no row {id} in:\n{raw}"));
        assert_eq!(&row[1], cell, "{id}");
        assert_eq!(&row[3], "2026-12-01", "{id}: the due date as it is");
    }
}

#[test]
fn statements_come_after_the_signatures_in_text_and_markdown() {
    let mut f = approved_folder();
    let m = f.minutes(PROTOKOLL);
    for (lang, signatures, statements) in [
        (Lang::Nb, "Underskrifter", "Protokolltilførsler"),
        (Lang::En, "Signatures", "Statements for the record"),
    ] {
        for format in [Format::Text, Format::Md] {
            let bytes = export::export_protocol(&m, "s-p-1", format, &opts(lang, false));
            let out = String::from_utf8(bytes.expect("a protokoll")).expect("UTF-8");
            let sig = out.find(signatures).expect("a signature block");
            let st = out.find(statements).expect("statements for the record");
            let unio = out
                .find("Unio kan ikke slutte seg")
                .expect("Unio's statement");
            let last_item = out.find("Kjernetiden bør").expect("the item");
            assert!(
                last_item < sig && sig < st && st < unio,
                "{format:?}:\n{out}"
            );
            assert_eq!(
                out.matches("______________________________").count(),
                4,
                "one line to sign per party present: KMD, NTL, Unio, YS Stat\n{out}"
            );
        }
    }
}

#[test]
fn a_round_not_yet_finished_says_whom_it_waits_for() {
    let mut f = Folder::new();
    referat_meeting(&mut f);
    protokoll_meeting(&mut f);

    // Not sent yet; the forhandling's protokoll, not signed yet, has empty lines to sign.
    let m = f.minutes(PROTOKOLL);
    let referat = render(&m, Format::Text, &opts(Lang::Nb, false));
    assert!(
        referat.contains("Ikke sendt til godkjenning ennå."),
        "{referat}"
    );
    let bytes = export::export_protocol(&m, "s-p-1", Format::Text, &opts(Lang::Nb, false));
    let text = String::from_utf8(bytes.expect("a protokoll")).expect("UTF-8");
    assert!(!text.contains("Signert av"), "{text}");
    assert!(
        !text.contains("For HVO"),
        "the observer signs nothing:\n{text}"
    );
    for party in ["KMD", "NTL", "Unio", "YS Stat"] {
        assert!(
            text.lines()
                .any(|l| l.starts_with(&format!("For {party}:")) && l.contains("Dato: ___")),
            "no line to sign for {party}:\n{text}"
        );
    }

    // Sent, two answers of three, one of them asking for changes, past the deadline.
    f.at("2026-11-03T13:00:00+01:00");
    f.circulate(REFERAT, "2026-11-10");
    f.approve(REFERAT, "ntl");
    let hash = f.hash(REFERAT);
    f.by(rep("unio")).commit(Change::RequestChanges {
        meeting: REFERAT.into(),
        party: "unio".into(),
        hash: hash.clone(),
        text: "Unios begrunnelse i sak 22/26 er forkortet.".into(),
    });
    let m = f.minutes(REFERAT);
    assert_eq!(m.meeting.status, MeetingStatus::Circulated);
    let nb = render(&m, Format::Text, &opts(Lang::Nb, false));
    for expected in [
        "Godkjenning\n",
        "Sendt til godkjenning: 03.11.2026 13.02",
        "Frist for godkjenning: 10.11.2026 (fristen er ute)",
        "Venter på godkjenning fra: KMD, Unio",
        "Ber om endringer: Unios begrunnelse i sak 22/26 er forkortet.",
        &format!("Innholdets SHA-256: {hash}"),
    ] {
        assert!(nb.contains(expected), "no {expected:?} in:\n{nb}");
    }
    assert!(!nb.contains("Godkjent av partene"), "{nb}");
    let en = render(
        &m,
        Format::Text,
        &ExportOptions {
            today: day("2026-11-05"),
            ..opts(Lang::En, false)
        },
    );
    for expected in [
        "Deadline for approval: 2026-11-10\n",
        "Awaiting approval from: KMD, Unio",
        "Changes requested: Unios begrunnelse",
    ] {
        assert!(en.contains(expected), "no {expected:?} in:\n{en}");
    }
}

/// A meeting with the whole header (end, hjemmel, the archive's numbers, distribution, next
/// meeting), attendance by side with a substitute from outside the forum, a document sent
/// too late, and a drøfting with every § 20 date.
fn header_meeting(f: &mut Folder) -> &'static str {
    const HEADER: &str = "m-2026-11-24-header";
    f.meeting = HEADER;
    f.at("2026-11-02T08:00:00+01:00");
    f.by(chair()).commit(Change::MeetingCreate {
        meeting: HEADER.into(),
        title: "Kontaktgruppemøte november".into(),
        starts_at: "2026-11-24T10:00:00+01:00".into(),
    });
    for set in [
        MeetingField::EndsAt(Some("2026-11-24T11:30:00+01:00".into())),
        MeetingField::Place("Akersgata 59, møterom 1".into()),
        MeetingField::Authority("HA § 11 / tilpasningsavtalen".into()),
        MeetingField::CaseNumber("26/1432".into()),
        MeetingField::DocumentNumber("26/1432-7".into()),
        MeetingField::Distribution(vec!["Partene".into(), "KMDs ledergruppe".into()]),
        MeetingField::NextMeeting(Some("2027-01-12T10:00:00+01:00".into())),
        MeetingField::Chair(Some("p-leder".into())),
        MeetingField::Referent(Some("p-referent".into())),
    ] {
        f.commit(Change::MeetingSet {
            meeting: HEADER.into(),
            set,
        });
    }
    for (person, presence) in [
        ("p-leder", Presence::Present),
        ("p-referent", Presence::Present),
        ("p-ntl", Presence::Present),
        ("p-unio", Presence::Absent),
        ("p-hvo", Presence::Present),
    ] {
        f.attend(person, presence, None);
    }
    f.commit(Change::Attend {
        meeting: HEADER.into(),
        person: "p-jf".into(),
        presence: Presence::Substitute,
        for_person: None,
        substitute: "Kari Vara".into(),
    });
    for (id, title, sent) in [
        ("d-1", "Utkast til kompetanseplan", "2026-11-10"),
        ("d-2", "Notat om opplæringsbudsjett", "2026-11-21"),
    ] {
        f.commit(Change::DocumentPut {
            meeting: HEADER.into(),
            document: Document {
                id: id.into(),
                title: title.into(),
                sent_on: Some(day(sent)),
                reference: String::new(),
            },
        });
    }
    f.item("s-h-1", 30, "Kompetanseplan 2027", ItemKind::Consultation)
        .set(ItemField::DemandedOn(Some(day("2026-11-01"))))
        .set(ItemField::AgreedStart(Some(day("2026-11-24"))))
        .set(ItemField::StartedAt(Some(
            "2026-11-24T10:05:00+01:00".into(),
        )));
    f.by(rep("ntl")).position(
        "ntl",
        Stance::Disagree,
        "Planen mangler opplæring i fagsystemer.",
    );
    // Unio is absent: the chair records its position on its behalf.
    f.by(chair()).position("unio", Stance::Agree, "");
    HEADER
}

#[test]
fn the_header_attendance_and_section_20_dates_in_both_languages() {
    let mut f = Folder::new();
    let id = header_meeting(&mut f);
    let m = f.minutes(id);
    for lang in [Lang::Nb, Lang::En] {
        let text = render(&m, Format::Text, &opts(lang, false));
        insta::assert_snapshot!(format!("header_text_{}", lang_name(lang)), text);
    }
    let nb = render(&m, Format::Text, &opts(Lang::Nb, false));
    for line in [
        "Dato: 24. november 2026 kl. 10.00–11.30",
        "Hjemmel: HA § 11 / tilpasningsavtalen",
        "Saksnummer: 26/1432",
        "Dokumentnummer: 26/1432-7",
        "Distribusjon: Partene, KMDs ledergruppe",
        "Neste møte: 12. januar 2027 kl. 10.00",
        "Kari Vara (vara for Tillitsvalgt Juristforbundet (JF))",
        "Start senest: 24.11.2026 (frist avtalt av partene)",
        "Ferdig innen: 01.12.2026",
        "NTL: Uenig. Planen mangler opplæring i fagsystemer.",
        "Unio: Enig (ført av møteleder på partens vegne)",
    ] {
        assert!(nb.contains(line), "{line:?} missing in:\n{nb}");
    }
    assert!(
        !nb.contains("registrert av"),
        "who recorded a position is not in the minutes' body"
    );
    let late = nb
        .lines()
        .find(|l| l.contains("mindre enn 7 dager"))
        .expect("the late document is warned of");
    assert!(late.contains("Notat om opplæringsbudsjett"), "{late}");
    assert!(!late.contains("Utkast til kompetanseplan"), "{late}");
    // The present groups come in order: employer, the confederations, observers.
    let groups: Vec<&str> = nb
        .lines()
        .filter(|l| l.starts_with("Til stede – "))
        .map(|l| l.split(':').next().unwrap_or(""))
        .collect();
    assert_eq!(
        groups,
        [
            "Til stede – Arbeidsgiver",
            "Til stede – LO Stat",
            "Til stede – Akademikerne",
            "Til stede – Observatører"
        ]
    );
}

#[test]
fn the_forum_setting_decides_which_documents_are_late() {
    let mut f = Folder::new();
    let id = header_meeting(&mut f);
    f.by(chair()).commit(Change::ForumSet {
        set: samrad::model::ForumField::DocumentDays(Some(2)),
    });
    let m = f.minutes(id);
    assert_eq!(m.forum.document_days(), 2);
    let nb = render(&m, Format::Text, &opts(Lang::Nb, false));
    assert!(
        !nb.contains("mindre enn"),
        "sent three days before, in time by two days:\n{nb}"
    );
    f.commit(Change::ForumSet {
        set: samrad::model::ForumField::DocumentDays(Some(15)),
    });
    let m = f.minutes(id);
    let en = render(&m, Format::Md, &opts(Lang::En, false));
    let late = en
        .lines()
        .find(|l| l.contains("less than 15 days"))
        .expect("both documents are late by 15 days");
    assert!(late.contains("Utkast til kompetanseplan") && late.contains("Notat om"));
}

#[test]
fn a_protokoll_signed_by_every_party_in_both_languages() {
    let mut f = approved_folder();
    let m = f.minutes(PROTOKOLL);
    let st = m
        .meeting
        .protocol_status("s-p-1", &m.forum)
        .expect("a protokoll");
    assert_eq!(st.signed, ["kmd", "ntl", "unio", "ys-stat"]);
    for lang in [Lang::Nb, Lang::En] {
        let o = opts(lang, false);
        for (format, ext) in [(Format::Md, "md"), (Format::Text, "text")] {
            let bytes = export::export_protocol(&m, "s-p-1", format, &o).expect("a protokoll");
            let out = String::from_utf8(bytes).expect("UTF-8");
            assert!(out.contains(&st.hash), "the content hash is shown");
            let out = out.replace(&st.hash, "«SHA-256»");
            for word in ["Vedtatt", "Adopted", "For HVO"] {
                assert!(!out.contains(word), "{word} in\n{out}");
            }
            insta::assert_snapshot!(format!("protokoll_signed_{ext}_{}", lang_name(lang)), out);
        }
        // The referat of the same meeting refers to the protokoll and holds no vote on it.
        let referat = render(&m, Format::Text, &o);
        let own = lang.t(samrad::i18n::Msg::ProtocolInOwnDocument);
        assert!(referat.contains(own), "{referat}");
        assert!(!referat.contains("Godtar partene"), "{referat}");
    }
    // An item that is no forhandling has no protokoll.
    assert!(export::export_protocol(&m, "s-p-2", Format::Md, &opts(Lang::Nb, false)).is_err());
}

// ---- PDF/A ----

/// The words of a text, each with how often it occurs; rules drawn with `-`, `_` or `=`
/// (a text table's line under its header) are not words.
fn word_counts(text: &str) -> std::collections::BTreeMap<String, usize> {
    let mut out = std::collections::BTreeMap::new();
    for w in text.split_whitespace() {
        if w.chars().all(|c| matches!(c, '-' | '_' | '=' | '|')) {
            continue;
        }
        *out.entry(w.to_string()).or_insert(0) += 1;
    }
    out
}

fn pdf_text(pdf: &[u8]) -> String {
    pdf_extract::extract_text_from_mem(pdf).expect("the PDF's text can be taken out")
}

/// Each document of both meetings, in both languages, public and whole: a PDF/A-2a whose
/// text, taken out by an independent reader, has every word the text export has.
#[test]
fn every_document_as_pdf_a_says_what_the_text_export_says() {
    let mut f = approved_folder();
    for (id, protocol) in [(REFERAT, None), (PROTOKOLL, Some("s-p-1"))] {
        let m = f.minutes(id);
        for lang in [Lang::Nb, Lang::En] {
            for all in [false, true] {
                let o = opts(lang, all);
                let mut docs = vec![
                    (
                        "referat",
                        export::export(&m, Format::Pdf, &o),
                        export::export(&m, Format::Text, &o),
                    ),
                    (
                        "innkalling",
                        export::export_notice(&m, Format::Pdf, &o),
                        export::export_notice(&m, Format::Text, &o),
                    ),
                ];
                if let Some(key) = protocol {
                    docs.push((
                        "protokoll",
                        export::export_protocol(&m, key, Format::Pdf, &o),
                        export::export_protocol(&m, key, Format::Text, &o),
                    ));
                }
                for (what, pdf, text) in docs {
                    let case = format!("{id} {what} {lang:?} all={all}");
                    let pdf = pdf.unwrap_or_else(|e| panic!("{case}: {}", e.words(lang)));
                    let text = String::from_utf8(text.expect("text")).expect("UTF-8");
                    assert!(pdf.starts_with(b"%PDF-1.7"), "{case}");
                    let raw = String::from_utf8_lossy(&pdf);
                    assert!(
                        raw.contains("<pdfaid:part>2</pdfaid:part>")
                            && raw.contains("<pdfaid:conformance>A</pdfaid:conformance>"),
                        "{case}: declared PDF/A-2a"
                    );
                    assert!(raw.contains("/FontFile2"), "{case}: the font is embedded");
                    let got = pdf_text(&pdf);
                    let have = word_counts(&got);
                    let missing: Vec<_> = word_counts(&text)
                        .into_iter()
                        .filter(|(w, n)| have.get(w).copied().unwrap_or(0) < *n)
                        .collect();
                    assert!(
                        missing.is_empty(),
                        "{case}: not in the PDF: {missing:?}\n{got}\n----\n{text}"
                    );
                    let page_one = match lang {
                        Lang::Nb => "Side 1 av",
                        Lang::En => "Page 1 of",
                    };
                    assert!(got.contains(page_one), "{case}: {got}");
                    if !all {
                        assert!(!got.contains(SECRET), "{case} leaks an exempt item:\n{got}");
                    }
                }
            }
        }
    }
}

/// The footer carries what `samrad verify` checks: the status and the content hash the
/// parties approved, and a protokoll's own hash.
#[test]
fn the_pdf_footer_gives_the_status_and_the_hash() {
    let mut f = approved_folder();
    let m = f.minutes(REFERAT);
    let hash = m
        .meeting
        .content_hash
        .clone()
        .expect("approved minutes have a hash");
    let got = pdf_text(&export::export(&m, Format::Pdf, &opts(Lang::Nb, false)).expect("pdf"));
    let flat: String = got.split_whitespace().collect();
    assert!(flat.contains(&hash), "the approved hash, whole: {got}");
    assert!(got.contains("Godkjent"), "{got}");

    let p = f.minutes(PROTOKOLL);
    let st = p
        .meeting
        .protocol_status("s-p-1", &p.forum)
        .expect("a protokoll");
    let pdf = export::export_protocol(&p, "s-p-1", Format::Pdf, &opts(Lang::En, true));
    let flat: String = pdf_text(&pdf.expect("pdf")).split_whitespace().collect();
    assert!(flat.contains(&st.hash), "{flat}");
}

/// A long referat runs over pages, each numbered "x of y", and the same minutes give the
/// same bytes on the same day (so an archive's checksum does not change for nothing).
#[test]
fn a_long_referat_pdf_is_numbered_page_by_page_and_made_the_same_each_time() {
    let mut f = approved_folder();
    let mut m = f.minutes(REFERAT);
    let long = "Partene drøftet kompetanse, omstilling og medbestemmelse – «grundig». ".repeat(60);
    for item in &mut m.meeting.items {
        item.notes = long.clone();
    }
    let pdf = export::export(&m, Format::Pdf, &opts(Lang::Nb, true)).expect("pdf");
    let got = pdf_text(&pdf);
    let pages = got.matches("Side ").count();
    assert!(pages >= 4, "{pages} page numbers");
    assert!(got.contains(&format!("Side {pages} av {pages}")), "{got}");
    assert!(
        got.contains("«grundig»"),
        "quotes and dashes survive: {got}"
    );
    let again = export::export(&m, Format::Pdf, &opts(Lang::Nb, true)).expect("pdf");
    assert_eq!(pdf, again);
}

/// Text the fonts cannot draw, or that a broken or hostile machine put in a synced log
/// (control characters, a right-to-left override, an emoji, a word as long as a page),
/// still gives a valid PDF/A: what cannot be drawn shows as "?", nothing else is lost.
#[test]
fn hostile_text_still_makes_a_valid_pdf() {
    let mut f = approved_folder();
    let mut m = f.minutes(REFERAT);
    m.meeting.items[0].notes = format!(
        "Før\u{7}\u{1b}[31m etter \u{202e}snudd 😀 slutt {}",
        "9".repeat(300)
    );
    let pdf = export::export(&m, Format::Pdf, &opts(Lang::Nb, true)).expect("still a PDF/A");
    let got = pdf_text(&pdf);
    let flat: String = got.split_whitespace().collect();
    assert!(got.contains("Før"), "{got}");
    assert!(got.contains("slutt"), "{got}");
    assert!(
        flat.contains(&"9".repeat(300)),
        "the long word is all there: {got}"
    );
    assert!(!got.contains('\u{1b}') && !got.contains('\u{7}'), "{got}");
}
