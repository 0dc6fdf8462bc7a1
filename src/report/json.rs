//! `--format json`: one versioned object with every finding and a summary.

use super::{locate, Summary};
use crate::lint::LintedFile;
use crate::span::{LineIndex, Position};
use schemars::JsonSchema;
use serde::Serialize;
use std::io::{self, Write};

/// The top-level object of `--format json`.
/// The report of `vsslint --format json`.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(title = "vsslint JSON report")]
pub struct JsonReport<'a> {
    /// The format's version: bumped when a field changes meaning or disappears.
    #[schemars(range(min = 1, max = 1))]
    pub version: u32,
    pub diagnostics: Vec<JsonDiagnostic<'a>>,
    pub summary: Summary,
}

/// One finding.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonDiagnostic<'a> {
    /// The path as given on the command line (or found below a given directory).
    pub file: &'a str,
    /// The rule's slug, e.g. `schema/log-needs-logfiles`.
    #[schemars(with = "String")]
    pub rule: &'static str,
    /// The rule's code, e.g. `VSL207`.
    #[schemars(with = "String", regex(pattern = r"^VSL[0-9]{3}$"))]
    pub code: &'static str,
    pub severity: crate::Severity,
    pub message: &'a str,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// Byte offset in the decoded (UTF-8) text.
    pub offset: usize,
    /// Length in bytes of the decoded text.
    pub length: usize,
    /// The text under the finding's location.
    pub label: Option<&'a str>,
    /// How to fix it.
    pub help: Option<&'a str>,
    /// The rule's documentation.
    pub url: String,
    /// Other locations that explain the finding.
    pub related: Vec<JsonRelated<'a>>,
}

/// A further location that explains a finding.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonRelated<'a> {
    pub message: &'a str,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    /// Byte offset in the decoded (UTF-8) text.
    pub offset: usize,
    /// Length in bytes of the decoded text.
    pub length: usize,
}

pub const VERSION: u32 = 1;

pub fn report(files: &[LintedFile]) -> JsonReport<'_> {
    let mut diagnostics = Vec::new();
    for f in files {
        let index = LineIndex::new(&f.text);
        for l in locate(f, &index) {
            let d = l.diagnostic;
            diagnostics.push(JsonDiagnostic {
                file: &f.path,
                rule: d.rule.slug,
                code: d.rule.code,
                severity: d.severity,
                message: &d.message,
                line: l.start.line,
                column: l.start.column,
                end_line: l.end.line,
                end_column: l.end.column,
                offset: d.span.start,
                length: d.span.len(),
                label: d.label.as_deref(),
                help: d.help.as_deref(),
                url: d.rule.url(),
                related: d
                    .related
                    .iter()
                    .map(|r| {
                        let Position { line, column } = index.position(r.span.start);
                        JsonRelated {
                            message: &r.message,
                            line,
                            column,
                            offset: r.span.start,
                            length: r.span.len(),
                        }
                    })
                    .collect(),
            });
        }
    }
    JsonReport {
        version: VERSION,
        diagnostics,
        summary: Summary::of(files),
    }
}

/// `--format json-lines`: one diagnostic object per line, no envelope.
pub fn write_lines(out: &mut dyn Write, files: &[LintedFile]) -> io::Result<()> {
    let mut buf = Vec::new();
    for d in report(files).diagnostics {
        serde_json::to_writer(&mut buf, &d)?;
        buf.push(b'\n');
    }
    out.write_all(&buf)
}

/// The JSON Schema of [`JsonReport`], as committed in `schemas/vsslint-output.schema.json`.
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(JsonReport<'static>)).expect("a schema is JSON")
}

pub fn write(out: &mut dyn Write, files: &[LintedFile]) -> io::Result<()> {
    // Into memory first: the serializer's many small writes cost less on a Vec than through
    // a `dyn Write`.
    let mut buf = serde_json::to_vec_pretty(&report(files))?;
    buf.push(b'\n');
    out.write_all(&buf)
}
