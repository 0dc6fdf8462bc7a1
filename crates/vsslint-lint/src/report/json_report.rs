//! What `--format json` writes, as types: the report, its findings, their fixes and
//! related places. serde_json writes them, and their JSON Schema is derived from them
//! (`schemas/vsslint-output.schema.json`); `json_direct` writes a finding the same way.

use super::summary::Summary;
use crate::diagnostic::Applicability;
use crate::rule_meta::{RuleMeta, Severity, DOCS_BASE};
use schemars::JsonSchema;
use serde::Serialize;
use std::borrow::Cow;

/// The report of `vsslint --format json`.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(title = "vsslint JSON report")]
pub struct JsonReport<'a> {
    /// The format's version: bumped when a field changes meaning or disappears.
    #[schemars(range(min = 1, max = 1))]
    pub version: u32,
    /// Every finding listed, file by file in the order of the run, each file's in text order.
    pub diagnostics: Vec<JsonDiagnostic<'a>>,
    /// The counts over all files.
    pub summary: Summary,
}

/// One finding.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonDiagnostic<'a> {
    /// The path relative to the working directory when the file lies inside it (else as
    /// given), with `/` as the separator on every OS. A document inside a cabinet is written
    /// `backup.cab!/WM3.xml`: the cabinet's path, `!/`, the entry.
    #[schemars(with = "String")]
    pub file: Cow<'a, str>,
    /// The rule's slug, e.g. `schema/log-needs-logfiles`.
    #[schemars(with = "String")]
    pub rule: &'static str,
    /// The rule's code, e.g. `VSL207`.
    #[schemars(with = "String", regex(pattern = r"^VSL[0-9]{3,4}$"))]
    pub code: &'static str,
    /// `error`, `warning` or `info`.
    pub severity: Severity,
    /// What is wrong.
    pub message: &'a str,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    /// 1-based line where the location ends.
    pub end_line: usize,
    /// 1-based, in characters: the first character after the location.
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
    #[schemars(with = "String")]
    pub url: RuleUrl,
    /// Other locations that explain the finding.
    pub related: Vec<JsonRelated<'a>>,
    /// The edits that do what `help` says, when they can be made without judgement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<JsonFix<'a>>,
}

/// A fix: edits of the decoded text.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonFix<'a> {
    /// `safe`: every consumer reads the document as before (or the value had no agreed
    /// meaning and the fix writes the one it spells); `unsafe`: it changes what the document
    /// declares, applied only with `--unsafe-fixes`.
    pub applicability: Applicability,
    /// The replacements, in text order; they do not overlap.
    pub edits: Vec<JsonEdit<'a>>,
}

/// One replacement: the text from `line`:`column` to `end_line`:`end_column` (and from
/// `offset`, `length` bytes of the decoded text) becomes `content`; an empty range inserts.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonEdit<'a> {
    /// The new text.
    pub content: &'a str,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    /// 1-based line where the replaced text ends.
    pub end_line: usize,
    /// 1-based, in characters: the first character after the replaced text.
    pub end_column: usize,
    /// Byte offset in the decoded (UTF-8) text.
    pub offset: usize,
    /// Length in bytes of the decoded text replaced.
    pub length: usize,
}

/// The address of a rule's documentation, written straight into the report rather than
/// formatted into a string for each finding.
#[derive(Debug, Clone, Copy)]
pub struct RuleUrl(pub &'static RuleMeta);

impl Serialize for RuleUrl {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{DOCS_BASE}{}.md", self.0.slug))
    }
}

/// A further location that explains a finding.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonRelated<'a> {
    /// What this location has to do with the finding.
    pub message: &'a str,
    /// The file the location is in, when it is not the finding's: another document of the
    /// same backup.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub file: Option<Cow<'a, str>>,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    /// Byte offset in the decoded (UTF-8) text.
    pub offset: usize,
    /// Length in bytes of the decoded text.
    pub length: usize,
}
