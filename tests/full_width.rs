//! `--format full` keeps to the width it is given: miette wraps messages and helps itself,
//! and a label too long for the room right of its arrow is wrapped under that arrow.

use vsslint::report::full::{render, Style};
use vsslint::span::LineIndex;
use vsslint::{all_rules, lint_bytes, LintedFile, Settings};

const WIDTH: usize = 80;

fn rendered(file: &LintedFile, width: usize) -> String {
    let index = LineIndex::new(&file.text);
    let mut out = String::new();
    for d in &file.diagnostics {
        out.push_str(&render(file, &index, d, Style::plain(width)));
        out.push('\n');
    }
    out
}

/// The lines wider than `width`, except those holding a URL, which is never cut.
fn too_wide(out: &str, width: usize) -> Vec<&str> {
    out.lines()
        .filter(|l| textwrap::core::display_width(l) > width && !l.contains("https://"))
        .collect()
}

/// The label of `comp/duplicate` on its bad example ends at column 89 when left on one
/// line.
#[test]
fn a_long_label_wraps_under_its_arrow() {
    let path = "fixtures/rules/comp/duplicate/bad.xml";
    let bytes = std::fs::read(path).unwrap();
    let file = lint_bytes(path, &bytes, &Settings::default());
    let out = rendered(&file, WIDTH);
    assert_eq!(too_wide(&out, WIDTH), Vec::<&str>::new(), "{out}");
    insta::assert_snapshot!(out);
}

/// Every single-document bad example, rendered at 80 columns, stays within them.
#[test]
fn every_bad_example_fits_in_80_columns() {
    let mut wide = Vec::new();
    for rule in all_rules() {
        let meta = &rule.meta;
        if !meta.companions.is_empty() || meta.across_documents {
            continue;
        }
        let path = format!("fixtures/rules/{}/bad.xml", meta.slug);
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let file = lint_bytes(&path, &bytes, &Settings::for_bad_example(meta));
        let out = rendered(&file, WIDTH);
        for line in too_wide(&out, WIDTH) {
            wide.push(format!("{}: {line}", meta.slug));
        }
    }
    assert!(wide.is_empty(), "{}", wide.join("\n"));
}
