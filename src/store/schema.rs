//! The JSON Schema of the minutes file, made from the types that write it. The committed
//! copy is `schema/minutes.schema.json`; `tests/schema.rs` keeps the two the same and checks
//! real minutes against it (`SAMRAD_WRITE_SCHEMA=1 cargo test --test schema` rewrites it).

use schemars::generate::SchemaSettings;
use serde_json::{Value, json};

use crate::model::{Minutes, SCHEMA_VERSION};

/// Where the committed schema lives, relative to the repository root.
pub const SCHEMA_PATH: &str = "schema/minutes.schema.json";

/// The schema's `$id`: names the file format and its version.
pub fn schema_id() -> String {
    format!("urn:samrad:minutes:{SCHEMA_VERSION}")
}

/// The JSON Schema (draft 2020-12) of the minutes file as samrad writes it
/// (`store::minutes_bytes`). Fields that samrad always writes are required, fields it leaves
/// out when empty are not, and `schema_version` is fixed to this binary's version.
pub fn minutes_schema() -> Value {
    let generator = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    let mut schema = generator.into_root_schema_for::<Minutes>().to_value();
    if let Some(root) = schema.as_object_mut() {
        root.insert("$id".into(), json!(schema_id()));
        root.insert(
            "title".into(),
            json!(format!("samrad minutes, schema version {SCHEMA_VERSION}")),
        );
        if let Some(version) = root
            .get_mut("properties")
            .and_then(|p| p.get_mut("schema_version"))
            .and_then(Value::as_object_mut)
        {
            version.insert("const".into(), json!(SCHEMA_VERSION));
        }
    }
    schema
}

/// The schema as it is committed: pretty JSON with a final newline, the top-level keys in
/// reading order (`$schema`, `$id`, title and description first, the definitions last).
pub fn minutes_schema_bytes() -> Vec<u8> {
    const FIRST: [&str; 7] = [
        "$schema",
        "$id",
        "title",
        "description",
        "type",
        "properties",
        "required",
    ];
    let mut root = match minutes_schema() {
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
