//! Real documents from Windows servers: clean under the default profile, and every broken
//! variant caught by the named rule at the right place.

mod common;
use common::*;
use vsslint::{lint_bytes, FileKind, Settings, Severity};

#[test]
fn real_writer_metadata_has_no_errors() {
    let Some(dir) = require_corpus("real_writer_metadata_has_no_errors") else {
        return;
    };
    let mut writers = 0;
    for path in xml_files(&dir) {
        let bytes = std::fs::read(&path).unwrap();
        let file = lint_bytes(&path.display().to_string(), &bytes, &Settings::default());
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
        let errors: Vec<_> = file
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| format!("{} {}", d.rule.slug, d.message))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
    assert_eq!(writers, 24);
}

#[test]
fn real_documents_in_other_encodings_stay_clean() {
    let Some(dir) = require_corpus("real_documents_in_other_encodings_stay_clean") else {
        return;
    };
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
fn broken_variants_of_a_real_document() {
    let Some(dir) = require_corpus("broken_variants_of_a_real_document") else {
        return;
    };
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
