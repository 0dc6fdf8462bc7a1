//! `--format json`: one versioned object with every finding and a summary.

use super::{locate, Summary};
use crate::pipeline::LintedFile;
use crate::rule_meta::{RuleMeta, DOCS_BASE};
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
    #[schemars(with = "String")]
    pub url: RuleUrl,
    /// Other locations that explain the finding.
    pub related: Vec<JsonRelated<'a>>,
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
    JsonReport {
        version: VERSION,
        diagnostics: files.iter().flat_map(diagnostics_of).collect(),
        summary: Summary::of(files),
    }
}

/// One file's findings as they appear in the report.
fn diagnostics_of(f: &LintedFile) -> Vec<JsonDiagnostic<'_>> {
    let index = LineIndex::new(&f.text);
    locate(f, &index)
        .into_iter()
        .map(|l| {
            let d = l.diagnostic;
            JsonDiagnostic {
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
                url: RuleUrl(d.rule),
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
            }
        })
        .collect()
}

/// `--format json-lines`: one diagnostic object per line, no envelope.
pub fn write_lines(out: &mut dyn Write, files: &[LintedFile]) -> io::Result<()> {
    let mut buffered = io::BufWriter::with_capacity(1 << 16, out);
    for d in report(files).diagnostics {
        serde_json::to_writer(&mut buffered, &d)?;
        buffered.write_all(b"\n")?;
    }
    buffered.flush()
}

/// The JSON Schema of [`JsonReport`], as committed in `schemas/vsslint-output.schema.json`.
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(JsonReport<'static>)).expect("a schema is JSON")
}

pub fn write(out: &mut dyn Write, files: &[LintedFile]) -> io::Result<()> {
    // The serializer makes many small writes: buffer them here, where they are inlined,
    // rather than call through `dyn Write` for each, or build the report in memory.
    let mut buffered = io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut buffered, &report(files))?;
    buffered.write_all(b"\n")?;
    buffered.flush()
}

/// One file's findings as [`write_rendered`] takes them: rendering is most of the work of
/// a report over thousands of files, and this way it can be done file by file, in parallel.
///
/// The bytes are those serde_json writes for [`JsonDiagnostic`] in the pretty layout, one
/// level into the array (a test holds the two together): each finding is serialized by
/// serde_json itself, with a pretty formatter that starts two levels deep.
pub fn render(file: &LintedFile) -> Vec<u8> {
    let mut out = Vec::with_capacity(768 * file.diagnostics.len());
    for d in diagnostics_of(file) {
        // Each finding starts with its separator and its indentation in the array.
        out.extend_from_slice(b",\n    ");
        let mut ser = serde_json::Serializer::with_formatter(&mut out, Nested::at(2));
        d.serialize(&mut ser)
            .expect("a finding serializes into memory");
    }
    out
}

/// serde_json's `PrettyFormatter` (two spaces a level), starting at a given depth rather
/// than at the top: the pretty formatter's depth cannot be set.
struct Nested {
    depth: usize,
    has_value: bool,
}

impl Nested {
    fn at(depth: usize) -> Self {
        Nested {
            depth,
            has_value: false,
        }
    }

    fn indent<W: ?Sized + Write>(&self, w: &mut W) -> io::Result<()> {
        const SPACES: &[u8] = b"                                ";
        let mut n = 2 * self.depth;
        while n > 0 {
            let k = n.min(SPACES.len());
            w.write_all(&SPACES[..k])?;
            n -= k;
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            self.indent(w)?;
        }
        w.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(w)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            self.indent(w)?;
        }
        w.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(w)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// The same bytes as [`write`], from each file's [`render`]ing (in the order of `files`).
pub fn write_rendered(
    out: &mut dyn Write,
    files: &[LintedFile],
    parts: &[impl AsRef<[u8]>],
) -> io::Result<()> {
    write!(out, "{{\n  \"version\": {VERSION},\n  \"diagnostics\": [")?;
    let mut first = true;
    for part in parts.iter().map(AsRef::as_ref).filter(|p| !p.is_empty()) {
        // The first finding has no separator.
        out.write_all(if first { &part[1..] } else { part })?;
        first = false;
    }
    out.write_all(if first { b"]" } else { b"\n  ]" })?;
    out.write_all(b",\n  \"summary\": ")?;
    let mut summary = Vec::new();
    indent(
        &mut summary,
        &serde_json::to_vec_pretty(&Summary::of(files))?,
        b"  ",
    );
    out.write_all(&summary)?;
    out.write_all(b"\n}\n")
}

/// Appends pretty-printed JSON one level deeper: a JSON string holds no raw line break, so
/// every line break is one between tokens, and the next line gets `by` more indentation.
fn indent(out: &mut Vec<u8>, json: &[u8], by: &[u8]) {
    let mut from = 0;
    for newline in memchr::memchr_iter(b'\n', json) {
        out.extend_from_slice(&json[from..=newline]);
        out.extend_from_slice(by);
        from = newline + 1;
    }
    out.extend_from_slice(&json[from..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{lint_bytes, Settings};

    fn whole(files: &[LintedFile]) -> Vec<u8> {
        let mut v = serde_json::to_vec_pretty(&report(files)).unwrap();
        v.push(b'\n');
        v
    }

    fn written(files: &[LintedFile]) -> Vec<u8> {
        let mut v = Vec::new();
        write(&mut v, files).unwrap();
        v
    }

    fn rendered(files: &[LintedFile]) -> Vec<u8> {
        let parts: Vec<Vec<u8>> = files.iter().map(render).collect();
        let mut v = Vec::new();
        write_rendered(&mut v, files, &parts).unwrap();
        v
    }

    #[test]
    fn rendering_by_file_gives_the_bytes_of_the_whole_report() {
        let s = Settings::default();
        let clean = || {
            lint_bytes(
                "clean.xml",
                include_bytes!("../../fixtures/rules/schema/log-needs-logfiles/good.xml"),
                &s,
            )
        };
        let findings = || {
            lint_bytes(
                "bad.xml",
                include_bytes!("../../fixtures/rules/fs/duplicate-or-overlap/bad.xml"),
                &s,
            )
        };
        let broken = || lint_bytes("broken.xml", b"<WRITER_METADATA a=\"\x01\">", &s);
        assert!(findings().diagnostics.iter().any(|d| !d.related.is_empty()));
        assert!(clean().diagnostics.is_empty());
        // Every character JSON escapes, and some it does not, in each kind of string.
        let odd = || {
            let mut f = findings();
            let text: String = (0u8..0x20).map(char::from).collect::<String>() + "\"\\/é\u{7f}";
            f.path = format!("dir\\{text}.xml");
            let d = &mut f.diagnostics[0];
            d.message = text.clone();
            d.label = Some(text.clone().into());
            d.help = None;
            d.related[0].message = text.clone();
            f
        };
        let corpus: Vec<LintedFile> = ["diskshadow-ws2012-sql2017", "express-writers-win10"]
            .iter()
            .flat_map(|dir| {
                let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("../shared/corpus")
                    .join(dir);
                std::fs::read_dir(dir).into_iter().flatten().flatten()
            })
            .map(|e| {
                lint_bytes(
                    &e.path().display().to_string(),
                    &std::fs::read(e.path()).unwrap(),
                    &s,
                )
            })
            .collect();
        for files in [
            vec![],
            vec![clean()],
            vec![findings()],
            vec![clean(), findings(), broken()],
            vec![findings(), clean(), findings()],
            vec![odd(), broken()],
            corpus,
        ] {
            let whole = String::from_utf8(whole(&files)).unwrap();
            assert_eq!(String::from_utf8(written(&files)).unwrap(), whole);
            assert_eq!(String::from_utf8(rendered(&files)).unwrap(), whole);
        }
    }
}
