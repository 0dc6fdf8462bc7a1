//! `vsslint dump`: one document's model, or what a backup contains, as versioned JSON.
//!
//! The model serializes itself as a writer's author would recognise it: enumerations and mask
//! bits as the `VSS_*` constants passed to the API (src/vocab.rs, src/flags.rs), a text
//! attribute as its text (src/model.rs), next to the attribute as written. This module adds the envelope both shapes share, and their schema,
//! committed in `schemas/vsslint-dump.schema.json`.

use super::coverage::Coverage;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::Serialize;
use std::borrow::Cow;
use vsslint_lint::engine::Registry;
use vsslint_lint::pipeline::{lint_decoded, LintedFile};
use vsslint_lint::settings::Settings;
use vsslint_model::decode::{decode, DecodedText, Detection};
use vsslint_model::model::Document;
use vsslint_model::parse::parse;

/// The dump format's version: bumped when a field changes meaning or disappears.
pub const VERSION: u32 = 1;

/// `vsslint dump FILE`: the typed model of one document.
#[derive(Debug, Serialize, JsonSchema)]
pub struct DocumentDump<'a> {
    /// The dump format's version: bumped when a field changes meaning or disappears.
    #[schemars(range(min = 1, max = 1))]
    pub version: u32,
    /// The path as given on the command line.
    pub file: &'a str,
    /// The encoding the document was read in, e.g. `UTF-16LE`.
    pub encoding: &'static str,
    /// How the encoding was told from the bytes: `bom` (a byte-order mark), `nul-pattern`
    /// (the NUL bytes of UTF-16 written without a byte-order mark, as DiskShadow writes it),
    /// `declaration` (the `encoding` of the XML declaration) or `default` (no marker at all,
    /// so UTF-8).
    pub detection: Detection,
    /// Spans are byte ranges of the decoded (UTF-8) text.
    pub document: Document<'a>,
}

/// `vsslint dump FOLDER` or `vsslint dump BACKUP.cab`: what the backup contains.
#[derive(Debug, Serialize, JsonSchema)]
pub struct BackupDump<'c> {
    /// The dump format's version: bumped when a field changes meaning or disappears.
    #[schemars(range(min = 1, max = 1))]
    pub version: u32,
    #[serde(flatten)]
    /// What the backup holds, its fields at the top level of the dump.
    pub coverage: &'c Coverage,
}

impl<'c> BackupDump<'c> {
    /// The dump of `coverage`, at this build's format version.
    pub fn new(coverage: &'c Coverage) -> Self {
        BackupDump {
            version: VERSION,
            coverage,
        }
    }
}

/// Lints `bytes` as the document `shown` with the built-in rules and default settings, and
/// returns its dump as JSON, or, when it does not decode or parse, the linted file that says
/// why.
pub fn dump(shown: &str, bytes: &[u8]) -> Result<serde_json::Value, Box<LintedFile>> {
    let broken = || {
        let decoded = decode(bytes).map(|d| DecodedText {
            text: d.text.into_owned(),
            encoding: d.encoding,
            detection: d.detection,
        });
        Box::new(lint_decoded(
            shown,
            decoded,
            &Settings::default(),
            Registry::builtin(),
        ))
    };
    let Ok(decoded) = decode(bytes) else {
        return Err(broken());
    };
    let Ok(parsed) = parse(&decoded.text) else {
        return Err(broken());
    };
    let dump = DocumentDump {
        version: VERSION,
        file: shown,
        encoding: decoded.encoding,
        detection: decoded.detection,
        document: parsed.model(),
    };
    Ok(serde_json::to_value(&dump).expect("the model is JSON"))
}

/// Either shape of `dump`'s output, for the schema alone: the two are told apart by their
/// required fields (`document` or `writers`).
struct AnyDump;

impl JsonSchema for AnyDump {
    fn schema_name() -> Cow<'static, str> {
        "vsslint dump".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let document = generator.subschema_for::<DocumentDump>();
        let backup = generator.subschema_for::<BackupDump>();
        json_schema!({
            "description": "The output of `vsslint dump`: one document's model (`dump FILE`), or what a backup contains (`dump FOLDER` or `dump BACKUP.cab`).",
            "oneOf": [document, backup]
        })
    }
}

/// The JSON Schema of `dump`'s output, as committed in `schemas/vsslint-dump.schema.json`.
pub fn schema() -> serde_json::Value {
    let mut schema =
        serde_json::to_value(schemars::schema_for!(AnyDump)).expect("a schema is JSON");
    in_json_terms(&mut schema);
    schema
}

/// The descriptions come from the model's documentation, which speaks Rust: what it calls
/// `None` is `null` in the dump.
fn in_json_terms(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                match value {
                    serde_json::Value::String(s) if key == "description" => {
                        *s = s.replace("`None`", "`null`");
                    }
                    _ => in_json_terms(value),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(in_json_terms),
        _ => {}
    }
}
