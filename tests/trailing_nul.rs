//! Documents saved with their string's terminating NUL, as `vshadow -bc=file` writes the
//! backup components document (spec: backup-sets.md §3): UTF-16LE without a byte-order mark,
//! then one NUL character. The NULs that end the text are not part of the document; a NUL
//! anywhere else still is, and is still refused.

mod common;

use std::path::Path;
use vsslint::report::json;
use vsslint::{lint_bytes, lint_owned, FileKind, LintedFile, Settings, Severity};

fn utf16le(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn utf16be(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_be_bytes).collect()
}

/// The JSON report of one file: every finding with its lines, columns, offsets and texts.
fn report(f: &LintedFile) -> serde_json::Value {
    let mut out = Vec::new();
    json::write(&mut out, std::slice::from_ref(f)).unwrap();
    serde_json::from_slice(&out).unwrap()
}

fn lint(bytes: &[u8]) -> LintedFile {
    let f = lint_bytes("doc.xml", bytes, &Settings::default());
    // The entry point that takes the bytes over must agree.
    let owned = lint_owned("doc.xml", bytes.to_vec(), &Settings::default());
    assert_eq!(f.text, owned.text);
    assert_eq!(report(&f), report(&owned));
    f
}

fn with_nuls(mut bytes: Vec<u8>, nul: &[u8], n: usize) -> Vec<u8> {
    for _ in 0..n {
        bytes.extend_from_slice(nul);
    }
    bytes
}

fn slugs(f: &LintedFile) -> Vec<&'static str> {
    f.diagnostics.iter().map(|d| d.rule.slug).collect()
}

#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn backup_components_document_as_vshadow_writes_it() {
    let corpus = common::corpus();
    let path = corpus.join("diskshadow-ws2012-sql2017/BCDocument.xml");
    let original = lint(&std::fs::read(&path).unwrap());
    let bytes = with_nuls(utf16le(&original.text), &[0, 0], 1);
    let f = lint(&bytes);
    assert_eq!(f.kind, FileKind::BackupComponents, "{:?}", slugs(&f));
    assert_eq!(f.text, original.text);
    assert!(
        f.diagnostics.iter().all(|d| d.severity == Severity::Info),
        "{:#?}",
        f.diagnostics
    );
    // The only finding: the file is UTF-16 without a byte-order mark.
    assert!(
        f.diagnostics
            .iter()
            .all(|d| d.rule.slug == "doc/utf16-without-bom"),
        "{:#?}",
        f.diagnostics
    );
}

/// The UTF-16LE fixture without a byte-order mark, with one terminating NUL and with several:
/// the same report as the file itself, line for line and column for column.
#[test]
fn writer_metadata_with_terminating_nuls_lints_as_without() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/valid/utf16le-no-bom.xml");
    let bytes = std::fs::read(path).unwrap();
    let original = lint(&bytes);
    assert_eq!(original.kind, FileKind::WriterMetadata);
    assert!(!original.diagnostics.is_empty());
    for n in [1, 2, 5] {
        let f = lint(&with_nuls(bytes.clone(), &[0, 0], n));
        assert_eq!(f.text, original.text, "{n} NULs");
        assert_eq!(report(&f), report(&original), "{n} NULs");
    }
}

/// Every valid fixture, in every encoding that can carry a NUL: a terminating NUL changes
/// nothing.
#[test]
fn every_encoding_accepts_terminating_nuls() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/valid");
    for path in common::xml_files(&dir) {
        let text = lint(&std::fs::read(&path).unwrap()).text;
        // A declared 8-bit charset stays as it is; a declaration new bytes would contradict
        // leaves the fixture out of the encodings it does not name.
        let declared = text
            .strip_prefix("<?xml")
            .and_then(|t| t.split("?>").next())
            .filter(|d| d.contains("encoding"))
            .map(str::to_ascii_lowercase);
        let utf16 = declared.as_ref().is_none_or(|d| d.contains("utf-16"));
        let utf8 = declared.as_ref().is_none_or(|d| d.contains("utf-8"));
        let mut encodings: Vec<(&str, Vec<u8>, &[u8])> = Vec::new();
        if utf16 {
            encodings.push(("UTF-16LE", utf16le(&text), &[0, 0]));
            encodings.push(("UTF-16BE", utf16be(&text), &[0, 0]));
            let mut bom = vec![0xFF, 0xFE];
            bom.extend(utf16le(&text));
            encodings.push(("UTF-16LE with BOM", bom, &[0, 0]));
        }
        if utf8 {
            encodings.push(("UTF-8", text.as_bytes().to_vec(), &[0]));
        }
        if declared.is_some() && !utf8 && !utf16 {
            encodings.push(("as it is", std::fs::read(&path).unwrap(), &[0]));
        }
        for (what, bytes, nul) in encodings {
            let without = lint(&bytes);
            assert_ne!(
                without.kind,
                FileKind::Invalid,
                "{}: {what}",
                path.display()
            );
            for n in [1, 3] {
                let f = lint(&with_nuls(bytes.clone(), nul, n));
                assert_eq!(f.text, without.text, "{}: {what}", path.display());
                assert_eq!(report(&f), report(&without), "{}: {what}", path.display());
            }
        }
    }
}

/// A NUL inside the document, or followed by anything, is the syntax error it always was.
#[test]
fn other_nuls_are_still_refused() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/valid/utf16le-no-bom.xml");
    let text = lint(&std::fs::read(path).unwrap()).text;
    let root_end = text.rfind('<').unwrap();
    let cases = [
        (
            "in the middle",
            format!("{}\0{}", &text[..root_end], &text[root_end..]),
        ),
        ("before a line break", format!("{text}\0\r\n")),
        ("before white space", format!("{text}\0 ")),
        ("NULs before text that a NUL ends", format!("{text}\0\0x\0")),
    ];
    for (what, doc) in cases {
        for bytes in [utf16le(&doc), doc.clone().into_bytes()] {
            let f = lint(&bytes);
            assert_eq!(f.kind, FileKind::Invalid, "{what}");
            // Only the terminating NUL of the last case goes.
            assert_eq!(&*f.text, doc.trim_end_matches('\0'), "{what}");
            let syntax = f
                .diagnostics
                .iter()
                .find(|d| d.rule.slug == "doc/not-well-formed")
                .unwrap_or_else(|| panic!("{what}: {:#?}", f.diagnostics));
            assert_eq!(syntax.severity, Severity::Error, "{what}");
            assert_eq!(&doc[syntax.span.start..][..1], "\0", "{what}");
        }
    }
}

/// A file of nothing but NULs (a zero-filled file) is not an empty document: its NULs are
/// reported where they are.
#[test]
fn nothing_but_nuls_is_kept() {
    for bytes in [&b"\0"[..], b"\0\0", b"\0\0\0\0\0\0"] {
        let f = lint(bytes);
        assert_eq!(f.kind, FileKind::Invalid);
        assert_eq!(f.text.len(), bytes.len());
        assert_eq!(slugs(&f), ["doc/not-well-formed"]);
    }
}
