//! `--format sarif`: SARIF 2.1.0 for code-scanning services.

use super::emitter::{EmitContext, Emitter};
use super::locate::{container_entry, line_index};
use super::paths::{machine_path, root_uri, uri_path};
use super::pretty::Nested;
use crate::pipeline::LintedFile;
use crate::rule_meta::RuleMeta;
use crate::rule_meta::Severity;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::{self, Write};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as SARIF wants it: relative to the run's root, forward slashes, percent-encoded.
fn relative_uri(path: &str) -> String {
    uri_path(&machine_path(path))
}

/// FNV-1a: a fingerprint must be the same on every machine and every release, which the
/// standard library's hasher does not promise.
fn fnv1a(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

fn rule_descriptor(m: &RuleMeta) -> Value {
    json!({
        "id": m.code,
        "name": m.slug,
        "shortDescription": { "text": m.summary },
        "fullDescription": { "text": m.what },
        "help": { "text": format!("{}\n\n{}", m.what, m.why), "markdown": crate::reference::page(m) },
        "helpUri": m.url(),
        "defaultConfiguration": { "level": level(m.severity) },
        "properties": { "tags": ["vss", m.group()] },
    })
}

/// The rules that fired, by code: the order of the report's rule list, whose positions
/// the results refer to.
fn used_rules(files: &[LintedFile]) -> BTreeMap<&'static str, &'static RuleMeta> {
    let mut used = BTreeMap::new();
    for f in files {
        for d in &f.diagnostics {
            used.insert(d.rule.code, d.rule);
        }
    }
    used
}

/// Calls `each` with each result of one file, in turn: a report of many findings is written
/// without holding them all as JSON values.
fn for_each_result(
    f: &LintedFile,
    index_of: &BTreeMap<&str, usize>,
    artifacts: &Artifacts,
    mut each: impl FnMut(Value) -> io::Result<()>,
) -> io::Result<()> {
    let shared = line_index(&f.text);
    let index = shared.index();
    let uri = relative_uri(&f.path);
    let location = artifacts.location(&f.path);
    // Same rule and message twice in one file: the occurrence number keeps them apart.
    let mut seen: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for d in &f.diagnostics {
        let start = index.position(d.span.start);
        let end = index.position(d.span.end);
        let n = seen.entry((d.rule.code, &*d.message)).or_insert(0);
        *n += 1;
        let occurrence = n.to_string();
        let mut message = d.message.to_string();
        if let Some(h) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(h);
        }
        let related: Vec<Value> = d
            .related
            .iter()
            .enumerate()
            .map(|(i, r)| {
                if let Some(other) = &r.elsewhere {
                    let p = other.start;
                    return json!({
                        "id": i,
                        "message": { "text": r.message },
                        "physicalLocation": {
                            "artifactLocation": artifacts.location(&other.path),
                            "region": { "startLine": p.line, "startColumn": p.column }
                        }
                    });
                }
                let p = index.position(r.span.start);
                let e = index.position(r.span.end);
                json!({
                    "id": i,
                    "message": { "text": r.message },
                    "physicalLocation": {
                        "artifactLocation": location,
                        "region": { "startLine": p.line, "startColumn": p.column, "endLine": e.line, "endColumn": e.column.max(p.column) }
                    }
                })
            })
            .collect();
        let mut result = json!({
            "ruleId": d.rule.code,
            "ruleIndex": index_of[d.rule.code],
            "level": level(d.severity),
            "message": { "text": message },
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": location,
                    "region": {
                        "startLine": start.line,
                        "startColumn": start.column,
                        "endLine": end.line,
                        "endColumn": if end.line == start.line { end.column.max(start.column) } else { end.column }
                    }
                }
            }],
            "partialFingerprints": {
                "vsslint/v1": fnv1a(&[d.rule.code, &uri, &d.message, &occurrence])
            },
            "properties": { "rule": d.rule.slug }
        });
        if !related.is_empty() {
            result["relatedLocations"] = Value::Array(related);
        }
        if let Some(fix) = &d.fix {
            // Regions by line and column: SARIF's byte offsets would count the file's bytes,
            // which are not the decoded text's in a UTF-16 document.
            let replacements: Vec<Value> = fix
                .edits
                .iter()
                .map(|e| {
                    let p = index.position(e.span.start);
                    let q = index.position(e.span.end);
                    json!({
                        "deletedRegion": { "startLine": p.line, "startColumn": p.column, "endLine": q.line, "endColumn": q.column },
                        "insertedContent": { "text": e.replacement }
                    })
                })
                .collect();
            result["fixes"] = json!([{
                "description": { "text": d.help.as_deref().unwrap_or_default() },
                "artifactChanges": [{ "artifactLocation": location, "replacements": replacements }],
                "properties": { "applicability": fix.applicability.as_str() }
            }]);
        }
        each(result)?;
    }
    Ok(())
}

/// The documents inside cabinets, as SARIF artifacts: each cabinet, then each entry with the
/// cabinet as its parent. Plain files need no artifact.
#[derive(Default)]
struct Artifacts {
    list: Vec<Value>,
    /// Artifact index by the entry's URI (`backup.cab!/WM3.xml`).
    entries: BTreeMap<String, usize>,
}

impl Artifacts {
    fn of(files: &[LintedFile]) -> Self {
        let mut a = Artifacts::default();
        let mut containers: BTreeMap<String, usize> = BTreeMap::new();
        for f in files {
            let Some((container, entry)) = container_entry(&f.path) else {
                continue;
            };
            if a.entries.contains_key(&f.path) {
                continue;
            }
            let container = relative_uri(container);
            let entry = uri_path(entry);
            let parent = *containers.entry(container.clone()).or_insert_with(|| {
                a.list.push(json!({
                    "location": { "uri": container, "uriBaseId": "%SRCROOT%" }
                }));
                a.list.len() - 1
            });
            a.list.push(json!({
                "location": { "uri": format!("/{entry}") },
                "parentIndex": parent,
            }));
            a.entries.insert(f.path.clone(), a.list.len() - 1);
        }
        a
    }

    /// Where a result of the file at `path` lies: the file, or the entry's artifact inside
    /// its cabinet.
    fn location(&self, path: &str) -> Value {
        match (self.entries.get(path), container_entry(path)) {
            (Some(&i), Some((_, entry))) => {
                json!({ "uri": format!("/{}", uri_path(entry)), "index": i })
            }
            _ => json!({ "uri": relative_uri(path), "uriBaseId": "%SRCROOT%" }),
        }
    }
}

/// The report without its results: `results` holds `results` instead.
fn envelope(
    used: &BTreeMap<&'static str, &'static RuleMeta>,
    artifacts: &Artifacts,
    results: Value,
) -> Value {
    let root = root_uri();
    let mut report = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "vsslint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/vsslint/vsslint",
                "rules": used.values().map(|m| rule_descriptor(m)).collect::<Vec<_>>(),
            }},
            "automationDetails": { "id": "vsslint/" },
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": { "%SRCROOT%": { "uri": root } },
            "invocations": [{ "executionSuccessful": true }],
            "results": results,
        }]
    });
    if !artifacts.list.is_empty() {
        report["runs"][0]["artifacts"] = Value::Array(artifacts.list.clone());
    }
    report
}

fn index_of<'u>(used: &BTreeMap<&'u str, &'static RuleMeta>) -> BTreeMap<&'u str, usize> {
    used.keys().enumerate().map(|(i, c)| (*c, i)).collect()
}

/// The whole report as one JSON value.
pub fn report(files: &[LintedFile]) -> Value {
    let used = used_rules(files);
    let index_of = index_of(&used);
    let artifacts = Artifacts::of(files);
    let mut results = Vec::new();
    for f in files {
        for_each_result(f, &index_of, &artifacts, |r| {
            results.push(r);
            Ok(())
        })
        .expect("collecting cannot fail");
    }
    envelope(&used, &artifacts, Value::Array(results))
}

/// The `sarif` report.
pub struct Sarif;

impl Emitter for Sarif {
    fn emit(&self, out: &mut dyn Write, files: &[LintedFile], _: &EmitContext) -> io::Result<()> {
        write(out, files)
    }
}

/// Writes the report, one result at a time, with the bytes of [`report`] pretty-printed.
pub fn write(out: &mut dyn Write, files: &[LintedFile]) -> io::Result<()> {
    // The results go where this placeholder is in the pretty-printed envelope.
    const PLACE: &str = "\u{0}results\u{0}";
    let used = used_rules(files);
    let index_of = index_of(&used);
    let artifacts = Artifacts::of(files);
    let shell = serde_json::to_string_pretty(&envelope(&used, &artifacts, Value::from(PLACE)))?;
    let quoted = serde_json::to_string(PLACE)?;
    let (head, tail) = shell
        .split_once(&quoted)
        .expect("the placeholder is in the envelope");
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    out.write_all(head.as_bytes())?;
    out.write_all(b"[")?;
    // `results` is four levels deep: the report, `runs`, the run, `results`.
    let mut first = true;
    for f in files {
        for_each_result(f, &index_of, &artifacts, |result| {
            out.write_all(if first { b"\n" } else { b",\n" })?;
            first = false;
            let nested = Nested::at(4);
            nested.indent(&mut out)?;
            let mut ser = serde_json::Serializer::with_formatter(&mut out, nested);
            result.serialize(&mut ser).map_err(io::Error::from)
        })?;
    }
    if !first {
        out.write_all(b"\n")?;
        Nested::at(3).indent(&mut out)?;
    }
    out.write_all(b"]")?;
    out.write_all(tail.as_bytes())?;
    out.write_all(b"\n")?;
    out.flush()
}
