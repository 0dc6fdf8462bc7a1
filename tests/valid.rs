//! Valid documents of several writer shapes and encodings: no error, and their full report
//! and JSON are snapshots.

use vsslint::report::full::{render, Style};
use vsslint::span::LineIndex;
use vsslint::{lint_bytes, FileKind, Settings, Severity};

#[test]
fn valid_fixtures() {
    insta::glob!("../fixtures/valid", "*.xml", |path| {
        let bytes = std::fs::read(path).unwrap();
        let name = format!(
            "fixtures/valid/{}",
            path.file_name().unwrap().to_string_lossy()
        );
        let file = lint_bytes(&name, &bytes, &Settings::default());
        assert_eq!(file.kind, FileKind::WriterMetadata, "{name}");
        assert!(
            file.diagnostics
                .iter()
                .all(|d| d.severity != Severity::Error),
            "{name} has errors"
        );
        let index = LineIndex::new(&file.text);
        let mut out = String::new();
        for d in &file.diagnostics {
            out.push_str(&render(&file, &index, d, Style::plain(100)));
            out.push('\n');
        }
        out.push_str("--- json ---\n");
        out.push_str(
            &serde_json::to_string_pretty(&vsslint::report::json::report(std::slice::from_ref(
                &file,
            )))
            .unwrap(),
        );
        insta::assert_snapshot!(out);
    });
}
