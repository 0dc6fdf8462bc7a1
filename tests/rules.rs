//! Every rule's examples are tests: the bad fixture raises exactly that rule, the good one
//! raises nothing, and the rendered diagnostics of the bad one are snapshots.

use std::collections::BTreeSet;
use vsslint::report::full::{render, Style};
use vsslint::span::LineIndex;
use vsslint::{all_rules as all, find_rule as find};
use vsslint::{lint_bytes, lint_set, LintedFile, RuleMeta, Settings};

/// A rule's example backup: its companions and, under `example_file`, the given document.
fn example_set(meta: &RuleMeta, doc: &str, set: &str, settings: &Settings) -> Vec<LintedFile> {
    let mut files: Vec<(&str, &[u8])> = meta
        .companions
        .iter()
        .map(|(name, text)| (*name, text.as_bytes()))
        .collect();
    files.push((meta.example_file, doc.as_bytes()));
    lint_set(set, &files, settings)
}

/// A rule's example document; or, for `bad.txt` and `good.txt`, the `vshadow -wm3`
/// transcript it is, its writers' findings gathered in one file (they share its text).
fn lint_example(path: &str, text: &str, settings: &Settings) -> LintedFile {
    match vsslint::lint_transcript(path, text.as_bytes().to_vec(), settings) {
        Ok(transcript) => {
            let mut writers = transcript.writers.into_iter().map(|(_, f)| f);
            let mut file = writers.next().expect("a transcript has a writer");
            for f in writers {
                file.diagnostics.extend(f.diagnostics);
            }
            file
        }
        Err(_) => lint_bytes(path, text.as_bytes(), settings),
    }
}

/// `comp/bool-value` for `…/fixtures/rules/comp/bool-value/bad.xml`. The path is insta's,
/// which on Windows is written from another root (`\\?\Z:\…`) than CARGO_MANIFEST_DIR, so
/// the folders are found by name, not by stripping a prefix.
fn slug_of(path: &std::path::Path) -> String {
    let folders: Vec<String> = path
        .parent()
        .unwrap()
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let start = folders
        .windows(2)
        .rposition(|w| w[0] == "fixtures" && w[1] == "rules")
        .expect("a rule fixture lies in fixtures/rules");
    folders[start + 2..].join("/")
}

/// The rule whose bad example is not a document: an input that yields none. Its example is
/// an empty cabinet, linted through the whole run as a user's would be.
const UNREADABLE: &str = "doc/unreadable";

/// The report of a run over an empty cabinet, its temporary path shown as `backup.cab`.
fn unreadable_example(format: vsslint::Format) -> String {
    let dir = std::env::temp_dir().join(format!("vsslint-unreadable-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cab = dir.join("backup.cab");
    // A cabinet header that lists no folder and no entry.
    let mut bytes = b"MSCF".to_vec();
    for field in [0u32, 36, 0, 36, 0] {
        bytes.extend_from_slice(&field.to_le_bytes());
    }
    bytes.extend_from_slice(&[3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    std::fs::write(&cab, &bytes).unwrap();
    let opts = vsslint::Options {
        paths: vec![cab.clone()],
        format,
        style: Style::plain(100),
        ..vsslint::Options::default()
    };
    let mut out = Vec::new();
    vsslint::run(&opts, &mut out).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let shown = cab.to_string_lossy().replace('\\', "/");
    String::from_utf8(out)
        .unwrap()
        .replace(&shown, "backup.cab")
        .replace(&cab.to_string_lossy().into_owned(), "backup.cab")
}

/// A comparison rule's example pair: OLD's documents against NEW's (`new`) or the good NEW's
/// (`good`), each shown under `fixtures/rules/<slug>/`.
fn compare_example(meta: &'static RuleMeta, against: &str) -> Vec<LintedFile> {
    let c = meta.comparing.as_ref().expect("a comparison rule");
    let named = |side: &str, docs: &'static [(&str, &str)]| -> Vec<(String, &'static [u8])> {
        docs.iter()
            .map(|(name, text)| {
                let shown = if c.collection {
                    format!("fixtures/rules/{}/{side}/{name}", meta.slug)
                } else {
                    format!("fixtures/rules/{}/{name}", meta.slug)
                };
                (shown, text.as_bytes())
            })
            .collect()
    };
    let old = named("old", c.old);
    let new = if against == "good" {
        named("good", c.good)
    } else {
        named("new", c.new)
    };
    let old: Vec<(&str, &[u8])> = old.iter().map(|(n, b)| (n.as_str(), *b)).collect();
    let new: Vec<(&str, &[u8])> = new.iter().map(|(n, b)| (n.as_str(), *b)).collect();
    vsslint::compare(&old, &new, c.collection, &Settings::for_example(meta))
}

#[test]
fn every_comparison_rule_has_examples_that_raise_exactly_it() {
    let mut failures = Vec::new();
    let mut rules = 0;
    for rule in all() {
        let meta = &rule.meta;
        if meta.comparing.is_none() {
            continue;
        }
        rules += 1;
        let raised: BTreeSet<&str> = compare_example(meta, "new")
            .iter()
            .flat_map(|f| &f.diagnostics)
            .map(|d| d.rule.slug)
            .collect();
        let mut expected = BTreeSet::from([meta.slug]);
        expected.extend(meta.example_also);
        if raised != expected {
            failures.push(format!("{}: old against new raised {raised:?}", meta.slug));
        }
        let good: Vec<String> = compare_example(meta, "good")
            .iter()
            .flat_map(|f| &f.diagnostics)
            .map(|d| format!("{} ({})", d.rule.slug, d.message))
            .collect();
        if !good.is_empty() {
            failures.push(format!("{}: old against good raised {good:?}", meta.slug));
        }
    }
    assert!(rules > 0, "the comparison rules have examples");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Each comparison rule's findings on its example, in full (with the place in OLD) and JSON.
#[test]
fn comparison_example_snapshots() {
    for rule in all() {
        let meta = &rule.meta;
        if meta.comparing.is_none() {
            continue;
        }
        let files = compare_example(meta, "new");
        let mut out = String::new();
        for file in files.iter().filter(|f| !f.diagnostics.is_empty()) {
            let index = LineIndex::new(&file.text);
            for d in &file.diagnostics {
                out.push_str(&render(file, &index, d, Style::plain(100)));
                out.push('\n');
            }
        }
        let json = serde_json::to_string_pretty(&vsslint::report::json::report(&files)).unwrap();
        out.push_str("--- json ---\n");
        out.push_str(&json);
        insta::assert_snapshot!(format!("compare__{}", meta.slug.replace('/', "__")), out);
    }
}

#[test]
fn every_rule_has_examples_that_raise_exactly_it() {
    let mut failures = Vec::new();
    for rule in all() {
        let meta = &rule.meta;
        if meta.comparing.is_some() {
            continue;
        }
        if meta.slug == UNREADABLE {
            let report: serde_json::Value =
                serde_json::from_str(&unreadable_example(vsslint::Format::Json)).unwrap();
            let raised: BTreeSet<&str> = report["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["rule"].as_str().unwrap())
                .collect();
            if raised != BTreeSet::from([meta.slug]) {
                failures.push(format!(
                    "{}: the empty cabinet raised {raised:?}",
                    meta.slug
                ));
            }
            let good = lint_bytes(
                "good.xml",
                meta.good.as_bytes(),
                &Settings::for_example(meta),
            );
            if !good.diagnostics.is_empty() {
                failures.push(format!("{}: good example raised findings", meta.slug));
            }
            continue;
        }
        let settings = Settings::for_example(meta);
        let bad_settings = Settings::for_bad_example(meta);
        if !meta.companions.is_empty() {
            let bad = example_set(meta, meta.bad, "bad", &bad_settings);
            let raised: BTreeSet<&str> = bad
                .iter()
                .flat_map(|f| &f.diagnostics)
                .map(|d| d.rule.slug)
                .collect();
            if raised != BTreeSet::from([meta.slug]) {
                failures.push(format!(
                    "{}: bad example backup raised {raised:?}",
                    meta.slug
                ));
            }
            let good = example_set(meta, meta.good, "good", &settings);
            let raised: Vec<_> = good
                .iter()
                .flat_map(|f| &f.diagnostics)
                .map(|d| format!("{} ({})", d.rule.slug, d.message))
                .collect();
            if !raised.is_empty() {
                failures.push(format!(
                    "{}: good example backup raised {raised:?}",
                    meta.slug
                ));
            }
            continue;
        }
        let bad = if meta.across_documents {
            // The good document first, then the bad one that conflicts with it.
            let mut both = vec![
                lint_bytes("good.xml", meta.good.as_bytes(), &settings),
                lint_bytes("bad.xml", meta.bad.as_bytes(), &settings),
            ];
            vsslint::check_across(&mut both, &[&settings, &settings]);
            assert!(
                both[0].diagnostics.is_empty(),
                "{}: the good document of the pair raised findings",
                meta.slug
            );
            both.pop().unwrap()
        } else {
            lint_example("bad.xml", meta.bad, &bad_settings)
        };
        let raised: BTreeSet<&str> = bad.diagnostics.iter().map(|d| d.rule.slug).collect();
        if raised != BTreeSet::from([meta.slug]) {
            failures.push(format!("{}: bad example raised {raised:?}", meta.slug));
        }
        let good = lint_example("good.xml", meta.good, &settings);
        if !good.diagnostics.is_empty() {
            let raised: Vec<_> = good
                .diagnostics
                .iter()
                .map(|d| format!("{} ({})", d.rule.slug, d.message))
                .collect();
            failures.push(format!("{}: good example raised {raised:?}", meta.slug));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn rule_identity_is_unique_and_well_formed() {
    let mut slugs = BTreeSet::new();
    let mut codes = BTreeSet::new();
    for rule in all() {
        let m = &rule.meta;
        assert!(slugs.insert(m.slug), "duplicate slug {}", m.slug);
        assert!(codes.insert(m.code), "duplicate code {}", m.code);
        assert!(
            (m.code.len() == 6 || m.code.len() == 7)
                && m.code.starts_with("VSL")
                && m.code[3..].bytes().all(|b| b.is_ascii_digit()),
            "bad code {}",
            m.code
        );
        let (group, name) = m.slug.split_once('/').expect("slug has a group");
        assert!(
            !group.is_empty()
                && !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'-' || b.is_ascii_digit()),
            "bad slug {}",
            m.slug
        );
        for (what, text) in [("summary", m.summary), ("what", m.what), ("why", m.why)] {
            assert!(text.len() > 10, "{}: {what} is missing", m.slug);
        }
        assert!(!m.sources.is_empty(), "{}: no sources", m.slug);
        assert_eq!(find(m.slug).map(|r| r.meta.code), Some(m.code));
        assert_eq!(
            find(&m.code.to_lowercase()).map(|r| r.meta.slug),
            Some(m.slug)
        );
    }
}

#[test]
fn bad_fixture_snapshots() {
    insta::glob!("../fixtures/rules", "**/bad.{xml,txt}", |path| {
        let slug = slug_of(path);
        let rule = find(&slug).unwrap_or_else(|| panic!("fixture for unknown rule {slug}"));
        let bytes = std::fs::read(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        let shown = format!("fixtures/rules/{slug}/{name}");
        let settings = Settings::for_example(&rule.meta);
        if slug == UNREADABLE {
            insta::assert_snapshot!(unreadable_example(vsslint::Format::Full));
            return;
        }
        if !rule.meta.companions.is_empty() {
            let set = format!("fixtures/rules/{slug}/bad");
            let text = String::from_utf8(bytes).unwrap();
            let files = example_set(&rule.meta, &text, &set, &settings);
            let mut out = String::new();
            for file in files.iter().filter(|f| !f.diagnostics.is_empty()) {
                let index = LineIndex::new(&file.text);
                for d in &file.diagnostics {
                    out.push_str(&render(file, &index, d, Style::plain(100)));
                    out.push('\n');
                }
            }
            let json =
                serde_json::to_string_pretty(&vsslint::report::json::report(&files)).unwrap();
            out.push_str("--- json ---\n");
            out.push_str(&json);
            insta::assert_snapshot!(out);
            return;
        }
        let text = String::from_utf8(bytes).unwrap();
        let mut file = lint_example(&shown, &text, &Settings::for_bad_example(&rule.meta));
        if rule.meta.across_documents {
            let good = format!("fixtures/rules/{slug}/good.xml");
            let mut both = vec![
                lint_bytes(&good, rule.meta.good.as_bytes(), &settings),
                file,
            ];
            vsslint::check_across(&mut both, &[&settings, &settings]);
            file = both.pop().unwrap();
        }
        let index = LineIndex::new(&file.text);
        let mut out = String::new();
        for d in &file.diagnostics {
            out.push_str(&render(&file, &index, d, Style::plain(100)));
            out.push('\n');
        }
        let json = serde_json::to_string_pretty(&vsslint::report::json::report(
            std::slice::from_ref(&file),
        ))
        .unwrap();
        out.push_str("--- json ---\n");
        out.push_str(&json);
        insta::assert_snapshot!(out);
    });
}
