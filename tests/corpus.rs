//! Real documents from Windows servers: clean under the default profile, and every broken
//! variant caught by the named rule at the right place.

mod common;
use common::*;
use std::collections::BTreeMap;
use vsslint::{lint_bytes, FileKind, Settings, Severity};

#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn real_writer_metadata_has_no_errors_or_warnings() {
    let dir = common::corpus();
    let mut writers = 0;
    for path in xml_files(&dir) {
        let bytes = std::fs::read(&path).unwrap();
        // Express writers' manifests are linted as what they are.
        let express = path
            .parent()
            .is_some_and(|p| p.ends_with("express-writers-win10"));
        let settings = Settings {
            express,
            ..Settings::default()
        };
        let file = lint_bytes(&path.display().to_string(), &bytes, &settings);
        let name = path.file_name().unwrap().to_string_lossy();
        if name == "BCDocument.xml" || name == "Manifest.xml" {
            let kind = if name == "Manifest.xml" {
                FileKind::Manifest
            } else {
                FileKind::BackupComponents
            };
            assert_eq!(file.kind, kind, "{} is read as such", path.display());
            // DiskShadow writes its manifest as UTF-16 without a byte-order mark: an info.
            assert!(file
                .diagnostics
                .iter()
                .all(|d| d.severity == Severity::Info));
            continue;
        }
        writers += 1;
        assert_eq!(file.kind, FileKind::WriterMetadata, "{}", path.display());
        // What `--max-warnings 0` fails on: errors and warnings.
        let failing: Vec<_> = file
            .diagnostics
            .iter()
            .filter(|d| d.severity != Severity::Info)
            .map(|d| format!("{} {}", d.rule.slug, d.message))
            .collect();
        assert!(failing.is_empty(), "{}: {failing:#?}", path.display());
    }
    assert_eq!(writers, 24);
}

#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn real_documents_in_other_encodings_stay_clean() {
    let dir = common::corpus();
    let text = std::fs::read_to_string(dir.join("diskshadow-ws2012-sql2017/WM5.xml")).unwrap();
    let utf16 = |be: bool| -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| if be { u.to_be_bytes() } else { u.to_le_bytes() })
            .collect()
    };
    let variants: Vec<(&str, Vec<u8>)> = vec![
        ("utf-16le without BOM", utf16(false)),
        ("utf-16be without BOM", utf16(true)),
        (
            "utf-16le with BOM",
            [vec![0xFF, 0xFE], utf16(false)].concat(),
        ),
        (
            "utf-16be with BOM",
            [vec![0xFE, 0xFF], utf16(true)].concat(),
        ),
        (
            "utf-8 with BOM",
            [b"\xEF\xBB\xBF".to_vec(), text.clone().into_bytes()].concat(),
        ),
        (
            "declaration",
            format!("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n{text}").into_bytes(),
        ),
    ];
    for (name, bytes) in variants {
        let file = lint_bytes(name, &bytes, &Settings::default());
        assert_eq!(file.kind, FileKind::WriterMetadata, "{name}");
        assert!(
            file.diagnostics
                .iter()
                .all(|d| d.severity != Severity::Error),
            "{name}: {:?}",
            file.diagnostics
                .iter()
                .map(|d| &d.message)
                .collect::<Vec<_>>()
        );
    }
}

/// Lints a mutation of a real document and checks the rule and the line/column it names.
fn expect(text: &str, rule: &str, needle: &str) {
    let file = lint_bytes("mutated.xml", text.as_bytes(), &Settings::default());
    let d = file
        .diagnostics
        .iter()
        .find(|d| d.rule.slug == rule && d.severity == Severity::Error)
        .unwrap_or_else(|| {
            panic!(
                "expected {rule}; got {:?}",
                file.diagnostics
                    .iter()
                    .map(|d| (d.rule.slug, &d.message))
                    .collect::<Vec<_>>()
            )
        });
    if !needle.is_empty() {
        let at = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} not in the mutation"));
        assert!(
            d.span.start >= at && d.span.start <= at + needle.len(),
            "{rule}: span {:?} is not on `{needle}` at {at}",
            d.span
        );
    }
}

#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn broken_variants_of_a_real_document() {
    let dir = common::corpus();
    let sql = std::fs::read_to_string(dir.join("diskshadow-ws2012-sql2017/WM5.xml")).unwrap();
    let asr = std::fs::read_to_string(dir.join("diskshadow-ws2012-sql2017/WM4.xml")).unwrap();
    let cut = &sql[..sql.len() / 2];
    expect(cut, "doc/not-well-formed", "");
    expect(
        &sql.replace("<WRITER_METADATA ", "<WRITER_METADATUM ")
            .replace("</WRITER_METADATA>", "</WRITER_METADATUM>"),
        "doc/root-element",
        "WRITER_METADATUM",
    );
    expect(
        &sql.replace("#VssWriterMetadataInfo", "#VssWriterMetadata"),
        "doc/namespace",
        "WRITER_METADATA",
    );
    expect(
        &sql.replace(
            "a65faa63-5ea8-4ebc-9dbd-a0c4db26912a",
            "SqlServerWriter-GUID",
        ),
        "id/writer-id-format",
        "SqlServerWriter-GUID",
    );
    expect(
        &sql.replace(
            "235435d9-34d6-41ea-8c08-5958a9982636",
            "235435d9-34d6-41ea-8c08",
        ),
        "id/instance-id-format",
        "235435d9-34d6-41ea-8c08\"",
    );
    expect(
        &sql.replacen("selectable=\"yes\"", "selectable=\"YES\"", 1),
        "comp/bool-value",
        "YES",
    );
    expect(
        &asr.replacen("recursive=\"yes\"", "recursive=\"y\"", 1),
        "fs/recursive-bool",
        "\"y\"",
    );
    expect(
        &sql.replace("rebootRequired=\"no\"", "rebootRequired=\"0\""),
        "restore/reboot-required-bool",
        "rebootRequired=\"0\"",
    );
    let ident_start = sql.find("<IDENTIFICATION").unwrap();
    let ident_end = sql[ident_start..].find("/>").unwrap() + ident_start + 2;
    let ident = &sql[ident_start..ident_end];
    expect(
        &sql.replace(ident, ""),
        "doc/identification-count",
        "WRITER_METADATA",
    );
    let twice = sql.replace(ident, &format!("{ident}{ident}"));
    let second = ident_end + 1;
    let file = lint_bytes("twice.xml", twice.as_bytes(), &Settings::default());
    let d = file
        .diagnostics
        .iter()
        .find(|d| d.rule.slug == "doc/identification-count")
        .expect("two identifications");
    assert_eq!(
        d.span.start, second,
        "the second IDENTIFICATION is labelled"
    );
    expect(
        &sql.replacen("componentFlags=\"2\"", "componentFlags=\"two\"", 1),
        "comp/flags-format",
        "two",
    );
    expect(
        &sql.replace("backupSchema=\"881\"", "backupSchema=\"0x371\""),
        "schema/format",
        "0x371",
    );
}

/// The largest writer metadata document of the corpus: the System writer's, whose one
/// component lists thousands of file sets.
fn largest_writer_document(dir: &std::path::Path) -> String {
    let path = xml_files(dir)
        .into_iter()
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("WM"))
        })
        .max_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .expect("the corpus holds writer metadata documents");
    std::fs::read_to_string(&path).unwrap()
}

/// The byte ranges of the document's `FILE_GROUP` elements, in document order.
fn file_groups(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("<FILE_GROUP ") {
        let start = from + at;
        let end = start + text[start..].find("</FILE_GROUP>").unwrap() + "</FILE_GROUP>".len();
        out.push(start..end);
        from = end;
    }
    out
}

fn count_by_rule(text: &str) -> BTreeMap<&'static str, usize> {
    let file = lint_bytes("mutated.xml", text.as_bytes(), &Settings::default());
    let mut counts = BTreeMap::new();
    for d in &file.diagnostics {
        *counts.entry(d.rule.slug).or_insert(0) += 1;
    }
    counts
}

/// The findings a mutation adds to those of the document it came from, by rule.
fn added(original: &str, mutated: &str) -> BTreeMap<&'static str, usize> {
    let before = count_by_rule(original);
    let mut after = count_by_rule(mutated);
    for (rule, n) in before {
        let left = after.entry(rule).or_insert(0);
        *left = left.saturating_sub(n);
    }
    after.retain(|_, n| *n > 0);
    after
}

#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn a_repeated_component_is_one_finding() {
    let dir = common::corpus();
    let text = largest_writer_document(&dir);
    let groups = file_groups(&text);
    let largest = groups.iter().max_by_key(|g| g.len()).unwrap().clone();
    let twice = format!(
        "{}{}{}",
        &text[..largest.end],
        &text[largest.clone()],
        &text[largest.end..]
    );
    let added = added(&text, &twice);
    let total: usize = added.values().sum();
    assert!(total <= 10, "{added:#?}");
    assert_eq!(added.get("comp/duplicate"), Some(&1), "{added:#?}");
    assert_eq!(
        added.get("fs/file-in-several-components"),
        None,
        "{added:#?}"
    );
}

#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn ten_copies_of_each_component_stay_a_short_report() {
    let dir = common::corpus();
    let text = largest_writer_document(&dir);
    let groups = file_groups(&text);
    let mut copies = String::new();
    for copy in 1..10 {
        for g in &groups {
            // Another name for each copy: the components differ, their file sets do not.
            copies.push_str(&text[g.clone()].replacen(
                "componentName=\"",
                &format!("componentName=\"Copy {copy} of "),
                1,
            ));
        }
    }
    let last = groups.last().unwrap().end;
    let mutated = format!("{}{copies}{}", &text[..last], &text[last..]);
    let pairs = 9 * groups.len();
    let added = added(&text, &mutated);
    let total: usize = added.values().sum();
    assert!(
        total <= 3 * pairs,
        "{pairs} pairs of components: {added:#?}"
    );
    let out = vsslint_with_stdin(&["--format", "json", "-"], Some(mutated.as_bytes()));
    assert!(
        out.stdout.len() < 1 << 20,
        "a report of {} bytes: {added:#?}",
        out.stdout.len()
    );
}
