//! `samrad verify`: the approval round, the lock, and tamper detection. Rounds are written
//! through the store (as the app writes them, each party from its own terminal), then the
//! real binary checks the folder.

mod common;

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use common::TEMPLATE_MEETING as MEETING;
use common::authors::{chair, rep};
use common::files::{contents, own_logs};
use common::meetings::{approve, circulate, set_notes, status};
use common::sandbox::{NB, Run, Sandbox};
use samrad::model::{Author, Change, ItemField, MeetingStatus, Presence, RejectReason};
use samrad::store::{Load, Store, seal};

/// Item "3/26" of the template meeting.
const ITEM: &str = "s-2026-3";
const NOTE: &str = "Partene drøftet kompetanseutvikling; KMD følger opp med en plan.";
const NOTE_2: &str = "Partene drøftet kompetanseutvikling; KMD legger fram en plan i mars.";
const EN: &str = "en_GB.UTF-8";

/// A temporary data folder, written through the store and checked with the binary.
struct Folder {
    sandbox: Sandbox,
    /// A clock for the ops: every commit one minute after the one before.
    minute: u32,
}

impl Folder {
    fn new() -> Folder {
        Folder {
            sandbox: Sandbox::new(),
            minute: 0,
        }
    }

    fn data(&self) -> &Path {
        &self.sandbox.data
    }

    /// A store of its own (a terminal of its own, with its own log file) for `who`.
    fn store(&self, who: Author) -> Store {
        let mut store = Store::open(self.data(), Author::default()).expect("open the store");
        store.assume_now(common::at(common::READER_NOW));
        // Read what is there, so new ops come after it.
        let _ = store.load(&Load::Meeting(MEETING.into()));
        store.set_author(who);
        store
    }

    fn next_time(&mut self) -> DateTime<FixedOffset> {
        self.minute += 1;
        let (d, rest) = (8 + self.minute / 600, self.minute % 600);
        common::at(&format!(
            "2026-12-{d:02}T{:02}:{:02}:00+01:00",
            10 + rest / 60,
            rest % 60
        ))
    }

    fn commit(&mut self, store: &mut Store, change: Change) {
        let now = self.next_time();
        store.commit_at(change, now).expect("commit");
    }

    fn status(&mut self, store: &mut Store, to: MeetingStatus) {
        self.commit(store, status(MEETING, to));
    }

    fn notes(&mut self, store: &mut Store, text: &str) {
        self.commit(store, set_notes(ITEM, text));
    }

    /// The meeting held: KMD, NTL and Unio present (the parties who approve), notes taken,
    /// closed. Returns the chair's store.
    fn held(&mut self) -> Store {
        let mut s = self.store(chair());
        self.status(&mut s, MeetingStatus::Open);
        for person in ["p-leder", "p-ntl", "p-unio"] {
            self.commit(
                &mut s,
                Change::Attend {
                    meeting: MEETING.into(),
                    person: person.into(),
                    presence: Presence::Present,
                    for_person: None,
                    substitute: String::new(),
                },
            );
        }
        self.notes(&mut s, NOTE);
        self.commit(
            &mut s,
            Change::ItemSet {
                meeting: MEETING.into(),
                item: ITEM.into(),
                set: ItemField::Conclusion("Tatt til orientering.".into()),
            },
        );
        self.status(&mut s, MeetingStatus::Closed);
        s
    }

    /// Send the minutes round with the hash of what the logs hold now.
    fn circulate(&mut self, chair: &mut Store) -> String {
        let doc = chair.load(&Load::Meeting(MEETING.into()));
        let hash = seal::content_hash(doc.meeting(MEETING).expect("the meeting"));
        let deadline = chrono::NaiveDate::from_ymd_opt(2026, 12, 22);
        self.commit(chair, circulate(MEETING, &hash, deadline));
        hash
    }

    /// Each party approves from its own terminal.
    fn approve(&mut self, parties: &[&str], hash: &str) {
        for party in parties {
            let mut s = self.store(rep(party));
            self.commit(&mut s, approve(MEETING, party, hash));
        }
    }

    /// Write the minutes file from the logs, as opening the meeting does.
    fn materialize(&self) {
        let mut s = self.store(Author::default());
        let doc = s.load(&Load::Meeting(MEETING.into()));
        s.materialize(&doc, MEETING).expect("write the minutes");
    }

    /// A full round: held, circulated, approved by all three, minutes written.
    fn approved(&mut self) -> String {
        let mut chair = self.held();
        let hash = self.circulate(&mut chair);
        drop(chair);
        self.approve(&["kmd", "ntl", "unio"], &hash);
        self.materialize();
        hash
    }

    /// The meeting's log files other than the template's.
    fn meeting_logs(&self) -> Vec<PathBuf> {
        own_logs(&self.data().join("log").join(MEETING))
    }

    /// `samrad verify <args>` on the folder.
    fn verify(&self, lang: &str, args: &[&str]) -> Run {
        self.sandbox.run_lang(lang, &[&["verify"], args].concat())
    }
}

/// Change one letter of the first `needle` in the file, after `skip` bytes.
fn flip_in(path: &Path, needle: &str, skip: usize) {
    let mut bytes = std::fs::read(path).expect("read the file");
    let at = bytes[skip..]
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
        .map(|i| i + skip)
        .unwrap_or_else(|| panic!("{needle:?} in {}", path.display()));
    // "Partene" → "partene": one byte, still valid JSON and UTF-8.
    bytes[at] ^= 0x20;
    std::fs::write(path, bytes).expect("write the file");
}

#[test]
fn an_approved_round_is_intact() {
    let mut f = Folder::new();
    let hash = f.approved();
    let short = &hash[..8];
    f.verify(NB, &[MEETING]).says(
        0,
        &[
            MEETING,
            "08.12.2026",
            &format!("uendret (godkjent 08.12.2026, hash {short}…, 3 parter)"),
            "1 uendret, 0 endret, 0 ikke godkjent",
        ],
    );
    f.verify(EN, &["--all"]).says(
        0,
        &[
            "logs intact",
            &format!("intact (approved 2026-12-08, hash {short}…, 3 parties)"),
            "1 intact, 0 changed, 0 not approved",
        ],
    );
    // By date and by `latest` too.
    f.verify(EN, &["2026-12-08"]).says(0, &["intact"]);
    f.verify(NB, &["siste"]).says(0, &["uendret"]);
}

#[test]
fn one_changed_byte_in_the_minutes_file_is_named() {
    let mut f = Folder::new();
    f.approved();
    let path = f.sandbox.minutes_path();
    flip_in(&path, NOTE, 0);
    let file = format!("minutes/{MEETING}.json");
    f.verify(NB, &[MEETING])
        .says(
            1,
            &[
                &format!("endret: {file}: sak 3/26 referat"),
                "0 uendret, 1 endret, 0 ikke godkjent",
            ],
        )
        .lacks(&["endret: log/"]);
    f.verify(EN, &["--all"])
        .says(1, &[&format!("changed: {file}: item 3/26 notes")]);
}

#[test]
fn one_changed_byte_in_a_log_line_is_named_with_its_line_and_entry() {
    let mut f = Folder::new();
    f.approved();
    let chair_log = f
        .meeting_logs()
        .into_iter()
        .find(|p| {
            std::fs::read_to_string(p)
                .map(|t| t.contains(NOTE))
                .unwrap_or(false)
        })
        .expect("the chair's log");
    let text = std::fs::read_to_string(&chair_log).expect("read");
    let lines: Vec<&str> = text.lines().collect();
    let n = lines
        .iter()
        .position(|l| l.contains(NOTE))
        .expect("the notes line")
        + 1;
    assert!(n < lines.len(), "the line changed is not the last");
    let entry: serde_json::Value = serde_json::from_str(lines[n - 1]).expect("an op");
    let id = format!(
        "{}:{}",
        entry["writer"].as_str().expect("writer"),
        entry["seq"]
    );
    flip_in(&chair_log, NOTE, 0);
    let name = chair_log
        .file_name()
        .expect("a name")
        .to_string_lossy()
        .into_owned();
    let log = format!("log/{MEETING}/{name}");
    f.verify(NB, &[MEETING]).says(
        1,
        &[
            &format!("endret: {log} linje {n} (post {id})"),
            // The fold no longer gives the approved content; the minutes file still has it
            // and shows where.
            &format!("endret: log/{MEETING}/: sak 3/26 referat"),
        ],
    );
    f.verify(EN, &["--all"]).says(
        1,
        &[
            &format!("changed: {log} line {n} (entry {id})"),
            "1 changed",
        ],
    );
}

#[test]
fn a_changed_forum_log_fails_all() {
    let mut f = Folder::new();
    f.approved();
    // The template's forum log: the forum's name is on its first line.
    let forum = f.data().join("log").join("forum").join("template.jsonl");
    let text = std::fs::read_to_string(&forum).expect("read");
    let first = text.lines().next().expect("a line");
    assert!(text.lines().count() > 1);
    let word = first
        .split('"')
        .find(|w| w.len() > 3 && w.chars().next().is_some_and(|c| c.is_ascii_uppercase()))
        .expect("a capitalised word on the first line");
    flip_in(&forum, word, 0);
    f.verify(EN, &["--all"]).says(
        1,
        &[
            "changed: log/forum/template.jsonl line 1 (entry template:1)",
            "the forum's logs changed",
        ],
    );
    // One meeting's verify judges the meeting by its logs and its approvals, and says
    // that the forum's logs show a change, pointing to `--all`.
    f.verify(EN, &[MEETING]).says(
        0,
        &[
            "intact",
            "note: the forum's logs",
            "change(s)",
            "verify --all",
        ],
    );
    f.verify(NB, &[MEETING])
        .says(0, &["merk: forumets logger", "endring(er)"]);
}

#[test]
fn a_torn_last_line_is_a_note_not_a_change() {
    let mut f = Folder::new();
    f.approved();
    let log = f.meeting_logs().pop().expect("a log");
    let mut bytes = std::fs::read(&log).expect("read");
    bytes.extend_from_slice(br#"{"v":1,"writer":"w","seq":99,"cl"#);
    std::fs::write(&log, bytes).expect("write");
    f.verify(NB, &[MEETING])
        .says(0, &["uendret (godkjent", "merk: ", "ikke en endring"])
        .lacks(&["endret: "]);
    f.verify(EN, &["--all"])
        .says(0, &["note: ", "is not a change"]);
}

#[test]
fn minutes_not_yet_approved_are_said_to_be_so() {
    let mut f = Folder::new();
    // Planned: the template as it is.
    f.store(Author::default());
    f.verify(NB, &[MEETING]).says(
        0,
        &[
            "ikke godkjent (status planlagt)",
            "0 uendret, 0 endret, 1 ikke godkjent",
        ],
    );
    let mut chair = f.held();
    let hash = f.circulate(&mut chair);
    drop(chair);
    f.approve(&["kmd"], &hash);
    f.materialize();
    f.verify(NB, &[MEETING]).says(
        0,
        &["ikke godkjent (status til godkjenning, venter på NTL, Unio)"],
    );
    f.verify(EN, &["latest"]).says(
        0,
        &["not approved (status circulated for approval, waiting for NTL, Unio)"],
    );
    // Circulated minutes are locked too: a changed byte in their file is found.
    flip_in(&f.sandbox.minutes_path(), NOTE, 0);
    f.verify(EN, &[MEETING]).says(
        1,
        &[&format!("changed: minutes/{MEETING}.json: item 3/26 notes")],
    );
}

#[test]
fn a_reopened_round_keeps_its_earlier_version_verifiable() {
    let mut f = Folder::new();
    let first = f.approved();
    // A correction after approval: reopen, edit, a new round.
    let mut chair = f.store(chair());
    f.status(&mut chair, MeetingStatus::Closed);
    f.notes(&mut chair, NOTE_2);
    f.materialize();
    f.verify(NB, &[MEETING]).says(
        0,
        &[
            "ikke godkjent (status avsluttet)",
            &format!(
                "tidligere godkjent versjon (godkjent 08.12.2026, hash {}…) er uendret",
                &first[..8]
            ),
        ],
    );
    let second = f.circulate(&mut chair);
    drop(chair);
    assert_ne!(first, second);
    f.approve(&["kmd", "ntl", "unio"], &second);
    f.materialize();
    f.verify(EN, &[MEETING]).says(
        0,
        &[
            &format!(
                "intact (approved 2026-12-08, hash {}…, 3 parties)",
                &second[..8]
            ),
            &format!(
                "earlier approved version (approved 2026-12-08, hash {}…) intact",
                &first[..8]
            ),
        ],
    );
    // The earlier version in the minutes file is checked against its own hash.
    flip_in(&f.sandbox.minutes_path(), NOTE, 0);
    f.verify(EN, &[MEETING]).says(
        1,
        &[
            &format!("changed: minutes/{MEETING}.json: the earlier approved version"),
            "item 3/26 notes",
        ],
    );
}

#[test]
fn an_edit_of_approved_minutes_is_refused_and_changes_nothing() {
    let mut f = Folder::new();
    let hash = f.approved();
    // A terminal that had not seen the approval writes an edit anyway: the fold refuses
    // it, says so, and the approved content stays as it was.
    let mut chair = f.store(chair());
    f.notes(&mut chair, "Endret etter godkjenning.");
    let doc = chair.load(&Load::Meeting(MEETING.into()));
    let m = doc.meeting(MEETING).expect("the meeting");
    assert_eq!(m.status, MeetingStatus::Approved);
    assert_eq!(m.item(ITEM).map(|i| i.notes.as_str()), Some(NOTE));
    assert_eq!(seal::content_hash(m), hash);
    let refused = doc.rejected.last().expect("the edit was refused");
    assert_eq!(refused.reason, RejectReason::Locked);
    assert_eq!(refused.by, "Møteleder (KMD)");
    f.materialize();
    f.verify(NB, &[MEETING]).says(0, &["uendret (godkjent"]);
}

#[test]
fn approved_minutes_whose_logs_are_gone_are_changed() {
    let mut f = Folder::new();
    f.approved();
    std::fs::remove_dir_all(f.data().join("log").join(MEETING)).expect("remove the logs");
    f.verify(EN, &["--all"]).says(
        1,
        &[&format!(
            "changed: log/{MEETING}/ is missing, but minutes/{MEETING}.json says the minutes were approved"
        )],
    );
}

#[test]
fn an_approval_cut_from_the_end_of_a_log_is_found_by_the_minutes_file() {
    let mut f = Folder::new();
    f.approved();
    // The last party's log holds one line: its approval. Without it the logs say
    // "circulated", while the minutes file says approved.
    let logs = f.meeting_logs();
    let last = logs
        .iter()
        .find(|p| {
            std::fs::read_to_string(p)
                .map(|t| t.contains("\"unio\"") && t.lines().count() == 1)
                .unwrap_or(false)
        })
        .expect("Unio's log");
    std::fs::write(last, b"").expect("empty it");
    f.verify(EN, &[MEETING]).says(
        1,
        &[&format!(
            "changed: minutes/{MEETING}.json says the minutes were approved"
        )],
    );
}

#[test]
fn a_folder_without_logs_is_an_error_and_is_not_seeded() {
    let sandbox = Sandbox::new();
    let data = sandbox.home().join("empty");
    std::fs::create_dir(&data).expect("mkdir");
    let run = sandbox.run_in(&data, EN, &["verify", "--all"]);
    run.no_panic();
    assert_eq!(run.code, Some(1), "{}", run.describe());
    assert!(
        run.stderr.contains("holds no samrad data") && run.stderr.contains("samrad init"),
        "{}",
        run.describe()
    );
    assert!(run.stdout.is_empty());
    assert!(
        std::fs::read_dir(&data).expect("read").next().is_none(),
        "verify writes nothing"
    );
    let mut f = Folder::new();
    f.approved();
    let run = f.verify(EN, &["2031-01-01"]);
    run.no_panic();
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("No meeting"), "{}", run.describe());
}

#[test]
fn verify_writes_nothing_into_the_folder() {
    let mut f = Folder::new();
    f.approved();
    let before = contents(f.data());
    f.verify(EN, &["--all"]).says(0, &["intact"]);
    f.verify(EN, &[MEETING]).says(0, &["intact"]);
    assert_eq!(contents(f.data()), before);
}
