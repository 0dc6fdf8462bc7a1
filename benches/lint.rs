//! Linting speed: the real 2 MB System writer document (skipped when the corpus is absent)
//! and generated documents from 1 kB to 50 MB, to see that the time grows with the size and
//! no faster.
//!
//! `vsslint compat` on two copies of the System writer document is measured beside `check` of
//! one copy, through the library's whole runs (reading, linting, comparing, a JSON report).
//!
//! `cargo bench --bench lint`; `cargo bench --bench lint -- system` for one group.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;
use vsslint::decode;
use vsslint::model::Document;
use vsslint::report::{concise, json};
use vsslint::{lint_bytes, Settings};
use vsslint::{parse, with_model};
use vsslint::{CompatOptions, Format, Options};

const SYSTEM_WRITER: &str = "../shared/corpus/diskshadow-ws2012-sql2017/WM3.xml";

/// A writer metadata document shaped like the System writer's (under another writer ID): one line, `components`
/// FILE_GROUPs of `files` FILE_LISTs each, every path distinct. It lints clean.
pub fn generated(components: usize, files: usize) -> String {
    let mut doc = String::with_capacity(600 + components * (250 + files * 120));
    doc.push_str(concat!(
        r#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2">"#,
        r#"<IDENTIFICATION writerId="3c2d1e0f-5a6b-4c7d-8e9f-a0b1c2d3e4f5" "#,
        r#"instanceId="ce678d65-95d0-4bea-a43d-2a288bc94500" friendlyName="Generated Writer" "#,
        r#"usage="BOOTABLE_SYSTEM_STATE" dataSource="OTHER" majorVersion="1" minorVersion="0"/>"#,
        r#"<RESTORE_METHOD method="REPLACE_AT_REBOOT_IF_CANNOT_REPLACE" writerRestore="never" "#,
        r#"rebootRequired="yes"/><BACKUP_LOCATIONS>"#,
    ));
    for c in 0..components {
        doc.push_str(&format!(
            r#"<FILE_GROUP componentName="Component {c}" caption="Component {c}" restoreMetadata="no" notifyOnBackupComplete="no" selectable="yes" selectableForRestore="no" componentFlags="0">"#
        ));
        for f in 0..files {
            doc.push_str(&format!(
                r#"<FILE_LIST path="C:\Windows\system32\DriverStore\FileRepository\c{c}\{{{f:08X}-4EF2-11D1-8608-00C04FC295EE}}" filespec="*" recursive="yes" filespecBackupType="3855"/>"#
            ));
        }
        doc.push_str("</FILE_GROUP>");
    }
    doc.push_str("</BACKUP_LOCATIONS></WRITER_METADATA>");
    doc
}

/// Nominal size and shape of each generated document.
const SIZES: &[(&str, usize, usize)] = &[
    ("1kB", 1, 5),
    ("10kB", 2, 40),
    ("100kB", 8, 100),
    ("1MB", 40, 200),
    ("10MB", 100, 800),
    ("50MB", 250, 1600),
];

fn system_writer(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SYSTEM_WRITER);
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!(
            "skipped the System writer benchmark: {} is absent",
            path.display()
        );
        return;
    };
    let settings = Settings::default();
    let mut group = c.benchmark_group("system-writer");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    // The stages one by one, to see where the time of a whole lint goes.
    let text = std::str::from_utf8(&bytes).expect("the System writer document is UTF-8");
    group.bench_function("decode", |b| {
        b.iter(|| decode(black_box(&bytes)).map(|d| d.text.len()))
    });
    group.bench_function("xml", |b| b.iter(|| parse(black_box(text)).is_ok()));
    group.bench_function("xml+model", |b| {
        b.iter(|| {
            let parsed = parse(black_box(text)).unwrap();
            matches!(parsed.model(), Document::WriterMetadata(_))
        })
    });
    // The same, as the linter does it: in pieces on the threads there are.
    group.bench_function("xml+model-in-pieces", |b| {
        b.iter(|| {
            with_model(black_box(text), |m| {
                matches!(m, Ok(Document::WriterMetadata(_)))
            })
        })
    });
    group.bench_function("lint", |b| {
        b.iter(|| lint_bytes("WM3.xml", black_box(&bytes), &settings))
    });
    // What `--format json` costs on top: with no finding, the summary.
    group.bench_function("lint+json", |b| {
        b.iter(|| {
            let file = lint_bytes("WM3.xml", black_box(&bytes), &settings);
            let mut out = Vec::new();
            json::write(&mut out, std::slice::from_ref(&file)).unwrap();
            out
        })
    });
    group.finish();
}

fn generated_documents(c: &mut Criterion) {
    let settings = Settings::default();
    let mut group = c.benchmark_group("generated");
    for &(name, components, files) in SIZES {
        let doc = generated(components, files);
        let clean = lint_bytes("generated.xml", doc.as_bytes(), &settings);
        assert!(clean.diagnostics.is_empty(), "{:?}", clean.diagnostics[0]);
        let large = doc.len() > 5 << 20;
        group.throughput(Throughput::Bytes(doc.len() as u64));
        group.sample_size(if large { 10 } else { 50 });
        group.measurement_time(Duration::from_secs(if large { 15 } else { 5 }));
        group.bench_with_input(BenchmarkId::new("lint", name), &doc, |b, doc| {
            b.iter(|| lint_bytes("generated.xml", black_box(doc.as_bytes()), &settings))
        });
    }
    group.finish();
}

/// A report of many findings: each `recursive` of the 1 MB document made invalid.
fn findings(c: &mut Criterion) {
    let doc = generated(40, 200).replace("recursive=\"yes\"", "recursive=\"Yes\"");
    let settings = Settings::default();
    let file = lint_bytes("findings.xml", doc.as_bytes(), &settings);
    assert_eq!(file.diagnostics.len(), 40 * 200);
    let files = std::slice::from_ref(&file);
    let mut group = c.benchmark_group("report-8000-findings");
    group.bench_function("concise", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            concise::write(&mut out, black_box(files)).unwrap();
            out
        })
    });
    group.bench_function("json", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            json::write(&mut out, black_box(files)).unwrap();
            out
        })
    });
    // As `--format json` writes a report: each file rendered, then joined.
    group.bench_function("json-rendered", |b| {
        b.iter(|| {
            let parts: Vec<Vec<u8>> = black_box(files).iter().map(json::render).collect();
            let parts: Vec<Option<&[u8]>> = parts.iter().map(|p| Some(p.as_slice())).collect();
            let mut out = Vec::new();
            json::write_rendered(&mut out, files, &parts).unwrap();
            out
        })
    });
    group.finish();
}

/// `vsslint compat OLD NEW` where both are the System writer document, against
/// `vsslint --format json` of one of them: the comparison should cost less than twice the lint.
fn compat(c: &mut Criterion) {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join(SYSTEM_WRITER);
    let Ok(bytes) = std::fs::read(&source) else {
        eprintln!(
            "skipped the compat benchmark: {} is absent",
            source.display()
        );
        return;
    };
    // Two files, so that each side is read as `compat` reads a release, from its own path.
    let dir = std::env::temp_dir().join(format!("vsslint-bench-compat-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (old, new) = (dir.join("old.xml"), dir.join("new.xml"));
    std::fs::write(&old, &bytes).unwrap();
    std::fs::write(&new, &bytes).unwrap();
    let options = Options {
        format: Format::Json,
        ..Options::default()
    };
    let check = Options {
        paths: vec![new.clone()],
        ..options.clone()
    };
    let compare = CompatOptions {
        old: old.to_string_lossy().into_owned(),
        new: new.to_string_lossy().into_owned(),
        show_harmless: false,
        options,
    };
    let mut out = Vec::new();
    let outcome = vsslint::compat(&compare, &mut out).unwrap();
    assert_eq!(outcome.code, 0, "{}", String::from_utf8_lossy(&out));
    let mut group = c.benchmark_group("compat");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("check-one-copy", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            vsslint::run(black_box(&check), &mut out).unwrap().code
        })
    });
    group.bench_function("compat-two-copies", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            vsslint::compat(black_box(&compare), &mut out).unwrap().code
        })
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(
    benches,
    system_writer,
    generated_documents,
    findings,
    compat
);
criterion_main!(benches);
