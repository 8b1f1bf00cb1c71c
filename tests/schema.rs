//! The JSON Schemas of the minutes (`schema/`): whole minutes (`minutes.schema.json`), the
//! minutes file (`minutes-file.schema.json`) and the file the minutes files share
//! (`minutes-shared.schema.json`). The committed copies are what the types make now, and
//! minutes samrad writes (from a fresh folder, with everything an item can hold, through an
//! approval round, and exported) pass them; broken minutes do not.
//!
//! When the types change: `SAMRAD_WRITE_SCHEMA=1 cargo test --test schema` rewrites them.

mod common;

use std::path::PathBuf;

use common::TEMPLATE_MEETING as FIRST;
use common::authors::{chair, rep};
use common::meetings::{approve, circulate, request_changes, status};

use samrad::export::{ExportOptions, Format, export};
use samrad::i18n::Lang;
use samrad::model::{
    ActionField, ActionStatus, Agreement, Author, Change, DevAreaStatus, Document, Input,
    InputTarget, ItemField, ItemKind, ItemNumber, MINUTES_VERSION, MeetingStatus, Minutes, Owner,
    Presence, Stance, VoteMethod, VoteOption, VoteOptionKind, VoteRule,
};
use samrad::store::schema::{SCHEMA_PATH, Schema, minutes_schema, schema_id};
use samrad::store::seal::content_hash;
use samrad::store::{Load, Store, minutes_bytes, read_minutes};
use serde_json::{Value, json};

const REGENERATE: &str = "SAMRAD_WRITE_SCHEMA=1 cargo test --test schema";

fn committed_path(schema: Schema) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(schema.path())
}

/// The first line where two texts differ, for a failure message that points somewhere.
fn first_difference(old: &str, new: &str) -> String {
    let mut old_lines = old.lines();
    let mut new_lines = new.lines();
    for n in 1.. {
        match (old_lines.next(), new_lines.next()) {
            (None, None) => break,
            (a, b) if a == b => continue,
            (a, b) => {
                return format!(
                    "first difference at line {n}:\n  committed: {}\n  generated: {}",
                    a.unwrap_or("(end of file)"),
                    b.unwrap_or("(end of file)")
                );
            }
        }
    }
    "the texts differ only in line endings".into()
}

fn writing_the_schema() -> bool {
    std::env::var("SAMRAD_WRITE_SCHEMA").is_ok_and(|v| v == "1")
}

/// A committed schema's bytes. With `SAMRAD_WRITE_SCHEMA=1` it is first (re)written from
/// the types, so that one run regenerates it and checks the minutes against the new copy.
fn committed_schema(schema: Schema) -> Vec<u8> {
    let path = committed_path(schema);
    if writing_the_schema() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("create the schema folder");
        }
        samrad::store::atomic::write_atomic(&path, &schema.bytes()).expect("write the schema");
    }
    std::fs::read(&path)
        .unwrap_or_else(|e| panic!("read {} ({e}); `{REGENERATE}` writes it", path.display()))
}

#[test]
fn the_committed_schemas_are_what_the_types_make() {
    for schema in Schema::ALL {
        let committed = committed_schema(schema);
        let made = schema.bytes();
        if committed != made {
            panic!(
                "{} is not what the types in src/model make now; {}\n\n\
                 Regenerate it with\n\n    {REGENERATE}\n\nand commit it with the change to the types.",
                committed_path(schema).display(),
                first_difference(
                    &String::from_utf8_lossy(&committed),
                    &String::from_utf8_lossy(&made)
                ),
            );
        }
        let parsed: Value =
            serde_json::from_slice(&committed).expect("the committed schema is JSON");
        assert_eq!(
            parsed,
            schema.schema(),
            "the file is the schema, keys reordered only"
        );
    }
    assert_eq!(Schema::Whole.path(), SCHEMA_PATH);
    assert_eq!(Schema::Whole.schema(), minutes_schema());
}

#[test]
fn the_schemas_name_their_version_and_are_valid_json_schemas() {
    for which in Schema::ALL {
        let schema = which.schema();
        let version = which.version();
        assert_eq!(schema["$id"], json!(which.id()));
        assert!(which.id().ends_with(&format!(":{version}")));
        assert!(
            schema["title"]
                .as_str()
                .is_some_and(|t| t.contains(&format!("schema version {version}"))),
            "{}",
            schema["title"]
        );
        assert_eq!(
            schema["$schema"],
            json!("https://json-schema.org/draft/2020-12/schema")
        );
        assert_eq!(
            schema["properties"]["schema_version"]["const"],
            json!(version)
        );
        if let Err(e) = jsonschema::meta::validate(&schema) {
            panic!("the generated schema is not a valid JSON Schema: {e}");
        }
        // Doc comments on the types are the schema's descriptions.
        let description = match which {
            Schema::MeetingFile => &schema["properties"]["actions"]["description"],
            _ => &schema["$defs"]["Owner"]["oneOf"][2]["description"],
        };
        let wanted = match which {
            Schema::MeetingFile => "by id",
            _ => "Not yet assigned",
        };
        assert!(
            description.as_str().is_some_and(|d| d.contains(wanted)),
            "{which:?}: {description}"
        );
    }
    assert_eq!(schema_id(), format!("urn:samrad:minutes:{MINUTES_VERSION}"));
    assert_eq!(Schema::MeetingFile.id(), "urn:samrad:minutes:2");
}

/// A validator for a committed schema, with formats (dates) checked.
fn validator_of(schema: Schema) -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_slice(&committed_schema(schema)).expect("the committed schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the committed schema is a valid JSON Schema")
}

/// A validator for whole minutes.
fn validator() -> jsonschema::Validator {
    validator_of(Schema::Whole)
}

fn errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{} (at {})", e, e.instance_path()))
        .collect()
}

fn assert_valid(v: &jsonschema::Validator, what: &str, bytes: &[u8]) -> Value {
    let instance: Value = serde_json::from_slice(bytes).expect("minutes are JSON");
    let errs = errors(v, &instance);
    assert!(
        errs.is_empty(),
        "{what} do not match their schema:\n{}",
        errs.join("\n")
    );
    instance
}

/// Write the minutes files as samrad does, and check them: the meeting's against its
/// schema, the shared one against its own, and the whole minutes read back from them.
fn assert_minutes_file_valid(v: &jsonschema::Validator, store: &mut Store) {
    let doc = store.load(&Load::All);
    store.materialize(&doc, FIRST).expect("write the minutes");
    let path = store.layout().minutes_path(FIRST);
    let on_disk = std::fs::read(&path).expect("the minutes file on disk");
    let file = assert_valid(
        &validator_of(Schema::MeetingFile),
        "the minutes file on disk",
        &on_disk,
    );
    assert_eq!(file["schema_version"], json!(Schema::MeetingFile.version()));
    let shared = std::fs::read(store.layout().shared_minutes_path()).expect("the shared file");
    assert_valid(&validator_of(Schema::Shared), "the shared file", &shared);
    let whole = read_minutes(&path).expect("read back");
    assert_valid(v, "the minutes read back", &minutes_bytes(&whole));
    assert_eq!(Some(&whole), doc.minutes(FIRST).as_ref());
    let whole: Value = serde_json::from_slice(&minutes_bytes(&whole)).expect("JSON");
    assert!(
        !errors(&validator_of(Schema::MeetingFile), &whole).is_empty(),
        "whole minutes are not a minutes file of version 2"
    );
}

fn minutes_of(store: &mut Store) -> Minutes {
    store
        .load(&Load::All)
        .minutes(FIRST)
        .expect("the seeded meeting has minutes")
}

fn commit_as(store: &mut Store, author: Author, change: Change) {
    store.set_author(author);
    store.commit(change).expect("commit");
}

#[test]
fn minutes_from_a_fresh_folder_match_the_schema() {
    let v = validator();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path(), Author::default()).expect("open a fresh folder");
    let minutes = minutes_of(&mut store);
    assert_valid(&v, "fresh minutes", &minutes_bytes(&minutes));

    assert_minutes_file_valid(&v, &mut store);
}

/// Everything the minutes can hold: attendance, documents, items with positions (own and on
/// behalf), statements, inputs, votes of every method, speakers, actions with a history, a
/// development area's status, a confidential item and a refused op.
fn record_a_full_meeting(store: &mut Store) {
    let m = || FIRST.to_string();
    let c = chair();
    let ntl = rep("ntl");
    let hvo = rep("hvo");
    for (person, presence, for_person) in [
        ("p-leder", Presence::Present, None),
        ("p-ntl", Presence::Present, None),
        ("p-ys", Presence::Absent, None),
        ("p-hvo", Presence::Substitute, Some("p-ys".to_string())),
    ] {
        commit_as(
            store,
            c.clone(),
            Change::Attend {
                meeting: m(),
                person: person.into(),
                presence,
                for_person,
                substitute: String::new(),
            },
        );
    }
    let mut changes = vec![
        Change::DocumentPut {
            meeting: m(),
            document: Document {
                id: "d-1".into(),
                title: "Utkast til strategi".into(),
                sent_on: chrono::NaiveDate::from_ymd_opt(2026, 12, 1),
                reference: "26/1234".into(),
            },
        },
        Change::DevAreaStatus {
            area: "uo1".into(),
            status: DevAreaStatus::UnderWay,
            note: "Arbeidet er i gang".into(),
            meeting: Some(m()),
        },
        status(FIRST, MeetingStatus::Open),
    ];
    for (item, n, confidential) in [("s-schema", 40, false), ("s-secret", 41, true)] {
        changes.push(Change::ItemAdd {
            meeting: m(),
            item: item.into(),
            number: ItemNumber { n, year: 2026 },
            title: format!("Sak {n}"),
            kind: ItemKind::Negotiation,
            rank: 50_000 + i64::from(n),
        });
        for set in [
            ItemField::Notes("Partene drøftet saken.".into()),
            ItemField::Conclusion("Enighet om videre arbeid.".into()),
            ItemField::Agreement(Some(Agreement::Disagreement)),
            ItemField::Dissenters(vec!["ntl".into()]),
            ItemField::DemandedOn(chrono::NaiveDate::from_ymd_opt(2026, 11, 30)),
            ItemField::StartedAt(Some("2026-12-08T10:05:00+01:00".into())),
            ItemField::EndedAt(Some("2026-12-08T10:35:00+01:00".into())),
            ItemField::PartyBudgetMinutes(Some(5)),
            ItemField::Confidential(confidential),
            ItemField::Exempt(confidential.then(|| samrad::model::Exemption {
                hjemmel_id: Some("offl-14".into()),
                hjemmel: "offl. § 14".into(),
                public_title: "Omorganisering".into(),
            })),
        ] {
            changes.push(Change::ItemSet {
                meeting: m(),
                item: item.into(),
                set,
            });
        }
    }
    let s = || "s-schema".to_string();
    changes.extend([
        Change::Position {
            meeting: m(),
            item: s(),
            party: "jf".into(),
            stance: Stance::Demand,
            reason: "Ført på vegne av JF".into(),
            base: None,
        },
        // Refused: the chair may not write another party's statement.
        Change::Statement {
            meeting: m(),
            item: s(),
            party: "ntl".into(),
            text: "Ikke vår tekst".into(),
            base: None,
        },
        Change::ItemInput {
            meeting: m(),
            input: Input {
                id: "in-1".into(),
                party: "ntl".into(),
                target: InputTarget::Item(s()),
                text: "Innspill fra NTL".into(),
                source: "NTL".into(),
                at: "2026-12-01T09:00:00+01:00".into(),
                by: "Tillitsvalgt NTL".into(),
            },
        },
        Change::VoteOpen {
            meeting: m(),
            item: s(),
            vote: "v-party".into(),
            question: "Vedta forslaget?".into(),
            options: VoteOption::defaults(["For", "Mot", "Avstår"]),
            method: VoteMethod::PerParty,
            rule: VoteRule::SimpleMajority,
        },
        Change::VoteOpen {
            meeting: m(),
            item: s(),
            vote: "v-count".into(),
            question: "Telling".into(),
            options: VoteOption::defaults(["For", "Mot", "Avstår"]),
            method: VoteMethod::Count,
            rule: VoteRule::TwoThirds,
        },
        Change::VoteCount {
            meeting: m(),
            item: s(),
            vote: "v-count".into(),
            counts: vec![5, 1, 1, 0],
            replaces: Vec::new(),
        },
        Change::VoteOpen {
            meeting: m(),
            item: s(),
            vote: "v-choice".into(),
            question: "Hvilket alternativ?".into(),
            options: ["A", "B"]
                .map(|l| VoteOption {
                    label: l.into(),
                    kind: VoteOptionKind::Choice,
                })
                .to_vec(),
            method: VoteMethod::PerPerson,
            rule: VoteRule::SimpleMajority,
        },
        Change::ActionAdd {
            id: "t-schema".into(),
            title: "Lage plan".into(),
            owner: Owner::Person("p-leder".into()),
            due: chrono::NaiveDate::from_ymd_opt(2027, 1, 15),
            status: ActionStatus::Open,
            meeting: Some(m()),
            item: Some(s()),
            areas: vec!["uo1".into()],
            proposed_by: Some("ntl".into()),
        },
        Change::ActionAdd {
            id: "t-secret".into(),
            title: "Fortrolig oppfølging".into(),
            owner: Owner::Party("kmd".into()),
            due: None,
            status: ActionStatus::Proposed,
            meeting: Some(m()),
            item: Some("s-secret".into()),
            areas: Vec::new(),
            proposed_by: None,
        },
    ]);
    for set in [
        ActionField::Status(ActionStatus::InProgress),
        ActionField::Due(None),
        ActionField::Owner(Owner::Nobody),
        ActionField::Note("Utsatt".into()),
    ] {
        changes.push(Change::ActionSet {
            id: "t-schema".into(),
            meeting: Some(m()),
            set,
        });
    }
    for change in changes {
        commit_as(store, c.clone(), change);
    }

    let own = [
        (
            ntl.clone(),
            Change::Position {
                meeting: m(),
                item: s(),
                party: "ntl".into(),
                stance: Stance::Disagree,
                reason: "Vi er uenige".into(),
                base: None,
            },
        ),
        (
            ntl.clone(),
            Change::Statement {
                meeting: m(),
                item: s(),
                party: "ntl".into(),
                text: "NTL ber om at dette føres til protokollen.".into(),
                base: None,
            },
        ),
        (
            ntl.clone(),
            Change::SpeakerRequest {
                meeting: m(),
                item: s(),
                speaker: "sp-ntl".into(),
            },
        ),
        (
            hvo.clone(),
            Change::SpeakerRequest {
                meeting: m(),
                item: s(),
                speaker: "sp-hvo".into(),
            },
        ),
        (
            hvo.clone(),
            Change::SpeakerWithdraw {
                meeting: m(),
                item: s(),
                speaker: "sp-hvo".into(),
            },
        ),
        (
            c.clone(),
            Change::SpeakerStart {
                meeting: m(),
                item: s(),
                speaker: "sp-ntl".into(),
            },
        ),
        (
            c.clone(),
            Change::SpeakerEnd {
                meeting: m(),
                item: s(),
                speaker: "sp-ntl".into(),
            },
        ),
    ];
    let ballots = [
        (c.clone(), "v-party", "kmd", Some(0)),
        (ntl.clone(), "v-party", "ntl", Some(1)),
        (hvo.clone(), "v-party", "hvo", None),
        (ntl.clone(), "v-choice", "p-ntl", Some(1)),
    ]
    .map(|(who, vote, voter, option)| {
        (
            who,
            Change::VoteCast {
                meeting: m(),
                item: s(),
                vote: vote.into(),
                voter: voter.into(),
                option,
            },
        )
    });
    for (who, change) in own.into_iter().chain(ballots) {
        commit_as(store, who, change);
    }
    for vote in ["v-party", "v-count"] {
        commit_as(
            store,
            c.clone(),
            Change::VoteClose {
                meeting: m(),
                item: s(),
                vote: vote.into(),
            },
        );
    }
    commit_as(store, c, status(FIRST, MeetingStatus::Closed));
}

/// A fresh folder with a full meeting recorded.
fn full_meeting() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path(), Author::default()).expect("open a fresh folder");
    record_a_full_meeting(&mut store);
    (dir, store)
}

/// Circulate the minutes, have a party ask for changes and then every party approve.
fn approval_round(store: &mut Store) {
    let meeting = minutes_of(store).meeting;
    let hash = content_hash(&meeting);
    let deadline = chrono::NaiveDate::from_ymd_opt(2026, 12, 22);
    commit_as(store, chair(), circulate(FIRST, &hash, deadline));
    commit_as(
        store,
        rep("hvo"),
        request_changes(FIRST, "hvo", &hash, "Rett skrivefeil i sak 40"),
    );
    for party in ["kmd", "ntl", "hvo"] {
        commit_as(store, rep(party), approve(FIRST, party, &hash));
    }
}

#[test]
fn full_minutes_through_an_approval_round_match_the_schema() {
    let v = validator();
    let (_dir, mut store) = full_meeting();

    let closed = minutes_of(&mut store);
    assert_eq!(closed.meeting.status, MeetingStatus::Closed);
    assert!(!closed.rejected.is_empty(), "the refused statement is kept");
    let item = closed.meeting.item("s-schema").expect("the item");
    assert_eq!(item.positions.len(), 2);
    assert_eq!(item.statements.len(), 1);
    assert_eq!(item.votes.len(), 3);
    assert_eq!(item.speakers.len(), 2);
    assert!(
        closed
            .actions
            .iter()
            .any(|a| a.id == "t-schema" && a.history.len() == 4),
        "the action and its history are in the minutes"
    );
    assert!(
        !closed.forum.dev_areas.iter().all(|a| a.history.is_empty()),
        "the development area's status change is in the minutes"
    );
    assert_valid(&v, "closed minutes", &minutes_bytes(&closed));

    approval_round(&mut store);
    let approved = minutes_of(&mut store);
    assert_eq!(approved.meeting.status, MeetingStatus::Approved);
    assert!(approved.meeting.content_hash.is_some());
    assert_valid(&v, "approved minutes", &minutes_bytes(&approved));

    // A new round on approved minutes keeps the approved version inside the minutes.
    let hash = approved.meeting.content_hash.clone().expect("hash");
    commit_as(&mut store, chair(), circulate(FIRST, &hash, None));
    commit_as(&mut store, chair(), approve(FIRST, "kmd", &hash));
    let again = minutes_of(&mut store);
    assert_eq!(again.meeting.status, MeetingStatus::Circulated);
    assert_eq!(again.meeting.earlier_versions.len(), 1);
    assert_valid(&v, "minutes in a second round", &minutes_bytes(&again));

    assert_minutes_file_valid(&v, &mut store);

    for include_confidential in [true, false] {
        let opts = ExportOptions {
            lang: Lang::Nb,
            include_confidential,
            today: chrono::NaiveDate::from_ymd_opt(2026, 12, 10).expect("date"),
            doubts: Vec::new(),
        };
        let bytes = export(&again, Format::Json, &opts).expect("json");
        let what = format!("the JSON export (include_confidential: {include_confidential})");
        let exported = assert_valid(&v, &what, &bytes);
        let secret = exported["meeting"]["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|i| i["id"] == "s-secret")
            .expect("the exempt item keeps its place");
        assert_eq!(secret["exempt"]["hjemmel"], "offl. § 14", "{what}");
        let has_secret = secret["title"] == "Sak 41" && secret["notes"] != "";
        assert_eq!(has_secret, include_confidential, "{what}");
    }
}

/// Valid minutes with one thing broken must fail the schema, at the broken place.
#[test]
fn broken_minutes_fail_the_schema() {
    let v = validator();
    let (_dir, mut store) = full_meeting();
    let good: Value =
        serde_json::from_slice(&minutes_bytes(&minutes_of(&mut store))).expect("minutes JSON");
    assert!(errors(&v, &good).is_empty());

    type Breakage = fn(&mut Value);
    let cases: [(&str, &str, bool, Breakage); 7] = [
        ("status \"finished\"", "/meeting/status", true, |m| {
            m["meeting"]["status"] = json!("finished")
        }),
        ("a missing title", "/meeting", true, |m| {
            if let Some(o) = m["meeting"].as_object_mut() {
                o.remove("title");
            }
        }),
        ("an item number as text", "/meeting/items/", true, |m| {
            m["meeting"]["items"][0]["number"] = json!("3/26")
        }),
        ("an owner of an unknown kind", "/actions/", true, |m| {
            m["actions"][0]["owner"] = json!({"kind": "committee", "id": "x"})
        }),
        ("a party owner without an id", "/actions/", true, |m| {
            m["actions"][0]["owner"] = json!({"kind": "party"})
        }),
        ("a due date that is no date", "/actions/", false, |m| {
            m["actions"][0]["due"] = json!("next week")
        }),
        ("another schema version", "/schema_version", false, |m| {
            m["schema_version"] = json!(MINUTES_VERSION + 1)
        }),
    ];
    for (what, at, serde_refuses, breakage) in cases {
        let mut bad = good.clone();
        breakage(&mut bad);
        assert_ne!(bad, good, "{what}: the breakage changed nothing");
        let errs = errors(&v, &bad);
        assert!(!errs.is_empty(), "minutes with {what} passed the schema");
        assert!(
            errs.iter().any(|e| e.contains(&format!("(at {at}"))),
            "minutes with {what}: no error at {at}:\n{}",
            errs.join("\n")
        );
        if serde_refuses {
            assert!(
                serde_json::from_value::<Minutes>(bad).is_err(),
                "samrad reads minutes with {what}, but the schema refuses them"
            );
        }
    }
}
