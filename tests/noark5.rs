//! `samrad export --format noark5`: the archive's folder. The arkivstruktur.xml validates
//! against Arkivverket's Noark 5 v3.1 schemas (tests/noark5/, checked with xmllint), the
//! checksums match the PDF/A files beside it, an exempt forhandling is skjermet with its
//! hjemmel and a public title without its secret, hostile text is escaped, `--all` takes
//! the meetings of the period asked for, and a folder that is not samrad's is never
//! written into.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::TEMPLATE_MEETING as MEETING;
use common::authors::chair;
use common::sandbox::Sandbox;
use samrad::model::{
    Change, Exemption, ItemField, ItemKind, ItemNumber, MeetingField, MeetingStatus,
    default_hjemler,
};
use sha2::{Digest, Sha256};

/// Every text on the exempt forhandling carries this word, so a leak is easy to find.
const SECRET: &str = "Hemmeligord";
const NOTE: &str = "Partene drøftet kompetanseutvikling; KMD følger opp.";

/// `samrad --lang en export WHAT --format noark5 -o OUT`.
trait ExportNoark5 {
    fn noark5(&self, what: &str, out: &Path) -> common::sandbox::Run;
}

impl ExportNoark5 for Sandbox {
    fn noark5(&self, what: &str, out: &Path) -> common::sandbox::Run {
        let out = out.to_str().expect("a path");
        self.run(&[
            "--lang", "en", "export", what, "--format", "noark5", "-o", out,
        ])
    }
}

/// `xmllint --noout --schema tests/noark5/arkivstruktur.xsd FILE` must accept `xml`. Without
/// xmllint the check is skipped with a note, except on CI (`CI=true`), where it fails.
fn validate(xml: &Path) {
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/noark5/arkivstruktur.xsd");
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&schema)
        .arg(xml)
        .output();
    match out {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "xmllint is not installed, and CI must validate the Noark 5 XML (.ci/run installs libxml2-utils)"
            );
            eprintln!(
                "note: xmllint not installed; {} not validated",
                xml.display()
            );
        }
        Err(e) => panic!("xmllint: {e}"),
        Ok(out) => assert!(
            out.status.success(),
            "{} does not validate:\n{}",
            xml.display(),
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

/// A failure that says each of `needles` on stderr, and writes nothing to stdout.
trait Refused {
    fn refused(&self, needles: &[&str]);
}

impl Refused for common::sandbox::Run {
    fn refused(&self, needles: &[&str]) {
        let err = self.fails();
        for n in needles {
            assert!(err.contains(n), "{n:?} in {err}");
        }
    }
}

/// The text of every `<name>` element, in order.
fn all_of(xml: &str, name: &str) -> Vec<String> {
    let (open, close) = (format!("<{name}>"), format!("</{name}>"));
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(at) = rest.find(&open) {
        let after = &rest[at + open.len()..];
        let end = after.find(&close).expect("closed");
        out.push(after[..end].to_string());
        rest = &after[end..];
    }
    out
}

/// The `<registrering>` element whose registreringsID ends with `suffix`.
fn registration<'x>(xml: &'x str, suffix: &str) -> &'x str {
    xml.split("<registrering ")
        .skip(1)
        .map(|r| &r[..r.find("</registrering>").expect("closed")])
        .find(|r| all_of(r, "registreringsID")[0].ends_with(suffix))
        .unwrap_or_else(|| panic!("no registrering {suffix} in {xml}"))
}

/// Each dokumentobjekt's file has the checksum and size the XML gives it.
fn check_files(dir: &Path, xml: &str) -> usize {
    let files = all_of(xml, "referanseDokumentfil");
    let sums = all_of(xml, "sjekksum");
    let sizes = all_of(xml, "filstoerrelse");
    assert_eq!(files.len(), sums.len());
    assert!(
        all_of(xml, "sjekksumAlgoritme")
            .iter()
            .all(|a| a == "SHA256")
    );
    for ((file, sum), size) in files.iter().zip(&sums).zip(&sizes) {
        let bytes = std::fs::read(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(bytes.starts_with(b"%PDF-"), "{file} is a PDF");
        let hex: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(&hex, sum, "{file}");
        assert_eq!(&bytes.len().to_string(), size, "{file}");
    }
    files.len()
}

/// The template meeting held: an exempt forhandling (offl. § 23, public title "Omstilling
/// av regionkontorene") with notes, a drøfting whose title is hostile, notes on it, open.
fn held_with_exempt_negotiation(s: &Sandbox, hostile_title: &str) {
    use samrad::store::{Load, Store};
    s.init();
    let mut store = Store::open(&s.data, chair()).expect("open the folder");
    store.assume_now(common::at(common::READER_NOW));
    store.load(&Load::All);
    let h23 = default_hjemler()
        .into_iter()
        .find(|h| h.id == "offl-23")
        .expect("offl. § 23");
    let set = |item: &str, set: ItemField| Change::ItemSet {
        meeting: MEETING.into(),
        item: item.into(),
        set,
    };
    let meeting_set = |set: MeetingField| Change::MeetingSet {
        meeting: MEETING.into(),
        set,
    };
    let changes = [
        common::meetings::status(MEETING, MeetingStatus::Open),
        Change::ItemAdd {
            meeting: MEETING.into(),
            item: "f-hemmelig".into(),
            number: ItemNumber { n: 90, year: 2026 },
            title: format!("{SECRET} nedbemanning"),
            kind: ItemKind::Negotiation,
            rank: 99_000,
        },
        set(
            "f-hemmelig",
            ItemField::Notes(format!("{SECRET} i notatet")),
        ),
        set(
            "f-hemmelig",
            ItemField::Exempt(Some(Exemption::citing(
                &h23,
                "Omstilling av regionkontorene".into(),
            ))),
        ),
        Change::ItemAdd {
            meeting: MEETING.into(),
            item: "s-fiendtlig".into(),
            number: ItemNumber { n: 91, year: 2026 },
            title: hostile_title.into(),
            kind: ItemKind::Negotiation,
            rank: 99_500,
        },
        meeting_set(MeetingField::Title(format!("Kontaktmøte: {hostile_title}"))),
        meeting_set(MeetingField::Place(hostile_title.into())),
        meeting_set(MeetingField::CaseNumber(hostile_title.into())),
        common::meetings::set_notes("s-fiendtlig", &format!("{hostile_title}\n{NOTE}")),
    ];
    common::meetings::commit_each(
        &mut store,
        changes.into_iter().map(|c| (chair(), c)),
        "2026-12-08T10:00:00+01:00",
    );
}

#[test]
fn one_meeting_validates_with_checksums_and_an_exempt_forhandling_skjermet() {
    let s = Sandbox::new();
    held_with_exempt_negotiation(&s, "Budsjett");
    let out = s.home().join("arkiv");
    let run = s.noark5(MEETING, &out);
    assert!(
        run.ok().contains("(meetings: 1, documents: "),
        "{}",
        run.describe()
    );
    let xml_path = out.join("arkivstruktur.xml");
    validate(&xml_path);
    let xml = std::fs::read_to_string(&xml_path).expect("written");
    // The innkalling and the referat, each with its public version (the saksliste names the
    // exempt item), and the two protokolls: beside the XML.
    assert_eq!(check_files(&out, &xml), 6, "{xml}");
    for name in [
        "innkalling.pdf",
        "innkalling-offentlig.pdf",
        "referat.pdf",
        "referat-offentlig.pdf",
        "protokoll-f-hemmelig.pdf",
        "protokoll-s-fiendtlig.pdf",
    ] {
        assert!(out.join(name).is_file(), "{name}");
    }
    let protocol = registration(&xml, "protokoll-f-hemmelig");
    assert!(
        protocol.contains("<tilgangsrestriksjon>Unntatt offentlighet</tilgangsrestriksjon>")
            && protocol.contains("<skjermingshjemmel>offl. § 23</skjermingshjemmel>")
            && protocol
                .contains("<skjermingDokument>Skjerming av hele dokumentet</skjermingDokument>"),
        "{protocol}"
    );
    // The archive has the full title; the public one hides the secret.
    assert!(all_of(protocol, "tittel")[0].contains(SECRET), "{protocol}");
    let public = &all_of(protocol, "offentligTittel")[0];
    assert!(
        public.contains("Omstilling av regionkontorene") && !public.contains(SECRET),
        "{public}"
    );
    assert!(
        !protocol.contains("offentlig.pdf"),
        "no public variant of a whole secret"
    );
    let referat = registration(&xml, "-referat");
    assert!(
        referat.contains("<skjermingDokument>Skjerming av deler av dokumentet</skjermingDokument>")
            && referat.contains("<skjermingshjemmel>offl. § 23</skjermingshjemmel>")
            && referat.contains("<variantformat>Arkivformat</variantformat>")
            && referat.contains(
                "<variantformat>Dokument hvor deler av innholdet er skjermet</variantformat>"
            ),
        "{referat}"
    );
    assert!(
        !referat.contains("<offentligTittel>")
            || !all_of(referat, "offentligTittel")[0].contains(SECRET)
    );
    // Not approved, and the protokoll unsigned: said, and the status is "under redigering".
    assert!(
        xml.contains("The minutes were not approved when archived"),
        "{xml}"
    );
    assert!(protocol.contains("not signed by every party"), "{protocol}");
    assert!(protocol.contains("Dokumentet er under redigering"));
    assert!(all_of(&xml, "moetedato") == ["2026-12-08"]);

    // The same meeting again: the same ids, and the folder is taken as samrad's.
    let again = s.noark5(MEETING, &out);
    again.ok();
    let xml_2 = std::fs::read_to_string(&xml_path).expect("written");
    assert_eq!(all_of(&xml, "systemID"), all_of(&xml_2, "systemID"));
}

#[test]
fn hostile_text_in_titles_is_escaped_and_still_validates() {
    let s = Sandbox::new();
    let hostile = "A <b>fet</b> & \"sitat\" ]]> <!-- x --> \u{1}\u{1b}[2J\u{7f}\u{202e}slutt";
    held_with_exempt_negotiation(&s, hostile);
    let out = s.home().join("arkiv");
    s.noark5(MEETING, &out).ok();
    let xml_path = out.join("arkivstruktur.xml");
    validate(&xml_path);
    let xml = std::fs::read_to_string(&xml_path).expect("written");
    let escaped =
        "A &lt;b&gt;fet&lt;/b&gt; &amp; &quot;sitat&quot; ]]&gt; &lt;!-- x --&gt; [2Jslutt";
    for element in ["moetested", "offentligTittel", "beskrivelse"] {
        assert!(
            all_of(&xml, element).iter().any(|t| t.ends_with(escaped)),
            "{element}: {xml}"
        );
    }
    assert!(!xml.contains("<b>") && !xml.contains('\u{1b}') && !xml.contains('\u{1}'));
    check_files(&out, &xml);
}

/// A demo archive of 20 meetings, and its meetings' dates.
fn demo() -> (Sandbox, Vec<String>) {
    let s = Sandbox::new();
    s.run(&["demo-data", "--meetings", "20", "--seed", "1"])
        .ok();
    let list = s.run(&["--lang", "en", "list"]).ok().to_string();
    let dates: Vec<String> = list.lines().skip(1).map(|l| l[..10].to_string()).collect();
    assert!(dates.len() >= 20, "{list}");
    (s, dates)
}

#[test]
fn all_takes_the_meetings_of_the_period_and_writes_over_only_its_own_export() {
    let (s, dates) = demo();
    let out = s.home().join("arkiv");
    let o = out.to_str().unwrap().to_string();
    let in_2026 = dates.iter().filter(|d| d.starts_with("2026")).count();
    let run = s.run(&[
        "--lang", "en", "export", "--all", "--year", "2026", "--format", "noark5", "-o", &o,
    ]);
    assert!(
        run.ok()
            .contains(&format!("(meetings: {in_2026}, documents: ")),
        "{}",
        run.describe()
    );
    let xml_path = out.join("arkivstruktur.xml");
    validate(&xml_path);
    let xml = std::fs::read_to_string(&xml_path).expect("written");
    let days = all_of(&xml, "moetedato");
    assert_eq!(days.len(), in_2026);
    assert!(days.iter().all(|d| d.starts_with("2026")), "{days:?}");
    assert_eq!(all_of(&xml, "arkivperiodeStartDato"), ["2026-01-01"]);
    let files = check_files(&out, &xml);
    assert!(files >= in_2026, "{files}");

    // A narrower period over the same folder: only its meetings, the others' files gone.
    let mut sorted = dates.clone();
    sorted.sort();
    let (since, until) = (&sorted[5], &sorted[12]);
    let expected = sorted.iter().filter(|d| *d >= since && *d <= until).count();
    s.run(&[
        "export", "--all", "--since", since, "--until", until, "--format", "noark5", "-o", &o,
    ])
    .ok();
    validate(&xml_path);
    let xml = std::fs::read_to_string(&xml_path).expect("written");
    let days = all_of(&xml, "moetedato");
    assert_eq!(days.len(), expected, "{days:?}");
    assert!(days.iter().all(|d| d >= since && d <= until), "{days:?}");
    check_files(&out, &xml);
    let folders = std::fs::read_dir(&out)
        .expect("the folder")
        .filter(|e| e.as_ref().is_ok_and(|e| e.path().is_dir()))
        .count();
    assert_eq!(folders, expected, "a folder per meeting, no stale ones");

    // A folder with other files in it is not written into.
    let other = s.home().join("other");
    std::fs::create_dir(&other).expect("mkdir");
    std::fs::write(other.join("notes.txt"), "mine").expect("write");
    s.noark5("--all", &other)
        .refused(&["is no samrad noark5 export", "nothing written"]);
    let left: Vec<PathBuf> = std::fs::read_dir(&other)
        .expect("the folder")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(left, [other.join("notes.txt")]);
}

#[test]
fn noark5_needs_a_folder_and_all_needs_noark5() {
    let s = Sandbox::seeded();
    s.run(&["--lang", "en", "export", MEETING, "--format", "noark5"])
        .refused(&["noark5 writes a folder", "-o DIR"]);
    s.run(&["--lang", "en", "export", "--all", "--format", "md"])
        .refused(&["--format noark5"]);
    s.run(&[
        "--lang",
        "en",
        "export",
        "--all",
        "--since",
        "2030-01-01",
        "--format",
        "noark5",
        "-o",
        "x",
    ])
    .refused(&["no meetings in that period"]);
    s.run(&[
        "--lang",
        "en",
        "export",
        MEETING,
        "--innkalling",
        "--format",
        "noark5",
        "-o",
        "x",
    ])
    .refused(&["--innkalling"]);
    let mut store = samrad::store::Store::open(&s.data, chair()).expect("open the folder");
    let doc = store.load(&samrad::store::Load::All);
    let lib = samrad::export::export(
        &doc.minutes(MEETING).expect("the minutes"),
        samrad::export::Format::Noark5,
        &samrad::export::ExportOptions {
            lang: samrad::i18n::Lang::En,
            include_confidential: false,
            today: chrono::NaiveDate::MIN,
            doubts: Vec::new(),
        },
    );
    assert!(matches!(
        lib,
        Err(samrad::export::ExportError::NotInFormat(_))
    ));
}

#[test]
fn a_meeting_whose_logs_fail_their_checks_is_exported_and_marked() {
    use samrad::store::{Load, Store};
    let s = Sandbox::seeded();
    {
        let mut store = Store::open(&s.data, chair()).expect("open the folder");
        store.assume_now(common::at(common::READER_NOW));
        store.load(&Load::All);
        let changes = [
            common::meetings::status(MEETING, MeetingStatus::Open),
            common::meetings::add_item("s-ok", 92, "Kompetanse", 99_700),
            common::meetings::set_notes("s-ok", NOTE),
            common::meetings::status(MEETING, MeetingStatus::Closed),
        ];
        common::meetings::commit_each(
            &mut store,
            changes.into_iter().map(|c| (chair(), c)),
            "2026-12-08T10:00:00+01:00",
        );
    }
    // One letter changed in the line with the notes ("Partene" → "partene").
    let dir = s.data.join("log").join(MEETING);
    let log = std::fs::read_dir(&dir)
        .expect("the meeting's logs")
        .map(|e| e.expect("entry").path())
        .find(|p| std::fs::read_to_string(p).is_ok_and(|t| t.contains(NOTE)))
        .expect("the chair's log");
    let mut bytes = std::fs::read(&log).expect("read");
    let at = bytes
        .windows(7)
        .position(|w| w == b"Partene")
        .expect("the notes");
    bytes[at] ^= 0x20;
    std::fs::write(&log, bytes).expect("write");

    let out = s.home().join("arkiv");
    let run = s.noark5("--all", &out);
    assert!(
        run.ok().contains("(meetings: 1, documents: "),
        "{}",
        run.describe()
    );
    assert!(
        run.stderr.contains("fails its checks"),
        "{}",
        run.describe()
    );
    let xml_path = out.join("arkivstruktur.xml");
    validate(&xml_path);
    let xml = std::fs::read_to_string(&xml_path).expect("written");
    let notes = all_of(&xml, "merknadstekst");
    assert!(
        notes
            .iter()
            .any(|n| n.contains("The logs fail their checks")),
        "{notes:?}"
    );
}
