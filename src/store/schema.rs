//! The JSON Schemas of the minutes, made from the types that write them: whole minutes
//! (`export --format json`, and minutes files of version 1), the minutes file of version 2
//! and the file the minutes files share (`store::minutes`). The committed copies are in
//! `schema/`; `tests/schema.rs` keeps them the same as the types and checks real minutes
//! against them (`SAMRAD_WRITE_SCHEMA=1 cargo test --test schema` rewrites them).

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::{Value, json};

use super::minutes::{FILE_VERSION, MeetingFile, SharedFile};
use crate::model::{MINUTES_VERSION, Minutes};

/// Where the committed schema of whole minutes lives, relative to the repository root.
pub const SCHEMA_PATH: &str = "schema/minutes.schema.json";

/// The schema's `$id`: names the file format and its version.
pub fn schema_id() -> String {
    Schema::Whole.id()
}

/// The JSON Schema (draft 2020-12) of whole minutes as samrad writes them
/// (`store::minutes_bytes`).
pub fn minutes_schema() -> Value {
    Schema::Whole.schema()
}

/// The schema of whole minutes as it is committed.
pub fn minutes_schema_bytes() -> Vec<u8> {
    Schema::Whole.bytes()
}

/// One of the committed schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schema {
    /// Whole minutes: `export --format json`, a minutes file of version 1.
    Whole,
    /// `minutes/<meeting-id>.json`, version 2.
    MeetingFile,
    /// `minutes/shared/forum.json`.
    Shared,
}

impl Schema {
    pub const ALL: [Schema; 3] = [Schema::Whole, Schema::MeetingFile, Schema::Shared];

    /// Where it is committed, relative to the repository root.
    pub fn path(self) -> &'static str {
        match self {
            Schema::Whole => SCHEMA_PATH,
            Schema::MeetingFile => "schema/minutes-file.schema.json",
            Schema::Shared => "schema/minutes-shared.schema.json",
        }
    }

    /// The `schema_version` its files carry.
    pub fn version(self) -> u32 {
        match self {
            Schema::Whole => MINUTES_VERSION,
            Schema::MeetingFile | Schema::Shared => FILE_VERSION,
        }
    }

    /// `$id`: names the format and its version.
    pub fn id(self) -> String {
        let name = match self {
            Schema::Whole | Schema::MeetingFile => "minutes",
            Schema::Shared => "minutes-shared",
        };
        format!("urn:samrad:{name}:{}", self.version())
    }

    fn title(self) -> String {
        let what = match self {
            Schema::Whole => "samrad minutes, whole",
            Schema::MeetingFile => "samrad minutes file (minutes/<meeting-id>.json)",
            Schema::Shared => "samrad minutes' shared file (minutes/shared/forum.json)",
        };
        format!("{what}, schema version {}", self.version())
    }

    /// The JSON Schema (draft 2020-12) of the files as samrad writes them. Fields that
    /// samrad always writes are required, fields it leaves out when empty are not, and
    /// `schema_version` is fixed to this binary's version.
    pub fn schema(self) -> Value {
        let mut schema = match self {
            Schema::Whole => root_schema::<Minutes>(),
            Schema::MeetingFile => root_schema::<MeetingFile>(),
            Schema::Shared => root_schema::<SharedFile>(),
        };
        if let Some(root) = schema.as_object_mut() {
            root.insert("$id".into(), json!(self.id()));
            root.insert("title".into(), json!(self.title()));
            if let Some(version) = root
                .get_mut("properties")
                .and_then(|p| p.get_mut("schema_version"))
                .and_then(Value::as_object_mut)
            {
                version.insert("const".into(), json!(self.version()));
            }
        }
        schema
    }

    /// The schema as it is committed: pretty JSON with a final newline, the top-level keys
    /// in reading order (`$schema`, `$id`, title and description first, the definitions
    /// last).
    pub fn bytes(self) -> Vec<u8> {
        committed_form(self.schema())
    }
}

fn root_schema<T: JsonSchema>() -> Value {
    SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value()
}

fn committed_form(schema: Value) -> Vec<u8> {
    const FIRST: [&str; 7] = [
        "$schema",
        "$id",
        "title",
        "description",
        "type",
        "properties",
        "required",
    ];
    let mut root = match schema {
        Value::Object(map) => map,
        other => return pretty(&other),
    };
    let mut keys: Vec<(String, Value)> = FIRST
        .iter()
        .filter_map(|k| root.remove(*k).map(|v| (k.to_string(), v)))
        .collect();
    let defs = root.remove("$defs");
    keys.extend(root);
    keys.extend(defs.map(|d| ("$defs".to_string(), d)));
    pretty(&InOrder(keys))
}

/// A JSON object whose keys are written in the order given.
struct InOrder(Vec<(String, Value)>);

impl serde::Serialize for InOrder {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

fn pretty(value: &impl serde::Serialize) -> Vec<u8> {
    let mut v = serde_json::to_vec_pretty(value).unwrap_or_default();
    v.push(b'\n');
    v
}
