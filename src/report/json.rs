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
/// level into the array (a test holds the two together); written directly, because strings
/// in a report rarely need escaping and most of the serializer's time went into looking.
pub fn render(file: &LintedFile) -> Vec<u8> {
    use Value::{Absent, Number, Text};
    let mut out = Vec::with_capacity(768 * file.diagnostics.len());
    for d in diagnostics_of(file) {
        // Each finding starts with its separator and its indentation in the array.
        out.extend_from_slice(b",\n    {\n");
        let fields = [
            ("file", Text(d.file)),
            ("rule", Text(d.rule)),
            ("code", Text(d.code)),
            ("severity", Text(d.severity.as_str())),
            ("message", Text(d.message)),
            ("line", Number(d.line)),
            ("column", Number(d.column)),
            ("end_line", Number(d.end_line)),
            ("end_column", Number(d.end_column)),
            ("offset", Number(d.offset)),
            ("length", Number(d.length)),
            ("label", d.label.map_or(Absent, Text)),
            ("help", d.help.map_or(Absent, Text)),
        ];
        for (name, value) in fields {
            field(&mut out, FIELD, name, value);
            out.extend_from_slice(b",\n");
        }
        key(&mut out, FIELD, "url");
        out.push(b'"');
        escape(&mut out, DOCS_BASE);
        escape(&mut out, d.url.0.slug);
        out.extend_from_slice(b".md\",\n");
        key(&mut out, FIELD, "related");
        if d.related.is_empty() {
            out.extend_from_slice(b"[]");
        } else {
            out.push(b'[');
            for (i, r) in d.related.iter().enumerate() {
                out.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
                out.extend_from_slice(b"        {");
                let fields = [
                    ("message", Text(r.message)),
                    ("line", Number(r.line)),
                    ("column", Number(r.column)),
                    ("offset", Number(r.offset)),
                    ("length", Number(r.length)),
                ];
                for (k, (name, value)) in fields.into_iter().enumerate() {
                    out.extend_from_slice(if k == 0 { b"\n" } else { b",\n" });
                    field(&mut out, RELATED_FIELD, name, value);
                }
                out.extend_from_slice(b"\n        }");
            }
            out.extend_from_slice(b"\n      ]");
        }
        out.extend_from_slice(b"\n    }");
    }
    out
}

/// Indentation of a finding's fields, and of a related location's.
const FIELD: &[u8] = b"      ";
const RELATED_FIELD: &[u8] = b"          ";

/// A field's value in a rendered finding.
enum Value<'v> {
    Text(&'v str),
    Number(usize),
    Absent,
}

fn key(out: &mut Vec<u8>, indent: &[u8], name: &str) {
    out.extend_from_slice(indent);
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\": ");
}

/// `"name": value`, indented; the caller writes what separates it from the next.
fn field(out: &mut Vec<u8>, indent: &[u8], name: &str, value: Value) {
    key(out, indent, name);
    match value {
        Value::Text(s) => string(out, s),
        Value::Number(n) => out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes()),
        Value::Absent => out.extend_from_slice(b"null"),
    }
}

fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    escape(out, s);
    out.push(b'"');
}

/// Whether any byte is a control character, tested eight bytes at a time: strings in a
/// report hardly ever hold one.
fn has_control(b: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Some byte below 0x20 borrows into its own high bit, which `!w` keeps only for bytes
    // below 0x80: exact for "some", which is all that is asked.
    let words = b.chunks_exact(8);
    let rest = words.remainder();
    words
        .map(|w| u64::from_le_bytes(w.try_into().expect("chunks of eight")))
        .any(|w| w.wrapping_sub(ONES * 0x20) & !w & HIGH != 0)
        || rest.iter().any(|&c| c < 0x20)
}

/// A JSON string's contents, escaped as serde_json escapes them.
fn escape(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    if !has_control(b) {
        // Only quotes and backslashes to escape (help often quotes an attribute).
        let mut from = 0;
        for i in memchr::memchr2_iter(b'"', b'\\', b) {
            out.extend_from_slice(&b[from..i]);
            out.push(b'\\');
            out.push(b[i]);
            from = i + 1;
        }
        out.extend_from_slice(&b[from..]);
        return;
    }
    let mut from = 0;
    for (i, &c) in b.iter().enumerate() {
        let esc: &[u8] = match c {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0..=0x1f => {
                out.extend_from_slice(&b[from..i]);
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(c >> 4)]);
                out.push(HEX[usize::from(c & 0xf)]);
                from = i + 1;
                continue;
            }
            _ => continue,
        };
        out.extend_from_slice(&b[from..i]);
        out.extend_from_slice(esc);
        from = i + 1;
    }
    out.extend_from_slice(&b[from..]);
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
    fn control_characters_are_found_in_every_position() {
        for c in 0u8..=0xff {
            let odd = c < 0x20;
            for len in 1..20 {
                for at in 0..len {
                    let mut b = vec![b'a'; len];
                    b[at] = c;
                    assert_eq!(has_control(&b), odd, "{c:#x} at {at} of {len}");
                    b.fill(c);
                    assert_eq!(has_control(&b), odd, "{c:#x} × {len}");
                }
            }
        }
        // Words of bytes near the edges, against the byte-by-byte test.
        let edges = [
            0x00, 0x01, 0x1f, 0x20, 0x21, 0x22, 0x23, 0x5b, 0x5c, 0x5d, 0x7f, 0x80, 0xa2, 0xdc,
            0xff,
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..100_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let b: Vec<u8> = (0..8)
                .map(|k| edges[(seed >> (k * 4)) as usize % edges.len()])
                .collect();
            let naive = b.iter().any(|&c| c < 0x20);
            assert_eq!(has_control(&b), naive, "{b:x?}");
        }
        assert!(!has_control("é ü € 𝄞 \u{7f} ~".as_bytes()));
        assert!(!has_control(b""));
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
