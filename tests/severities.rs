//! One severity per rule: every finding has the severity its rule runs at, the default one or
//! the one a configuration sets. A rule whose cases deserve different severities is split into
//! rules, so that `vsslint rules`, `--show-settings` and the configuration say what a finding
//! will be.

mod common;
use common::*;
use vsslint::{all_rules, lint_bytes, lint_set, LintedFile, RuleMeta, Settings, Severity};

/// A rule's bad example, linted as `tests/rules.rs` lints it.
fn bad_example(meta: &'static RuleMeta, settings: &Settings) -> Vec<LintedFile> {
    if !meta.companions.is_empty() {
        let mut files: Vec<(&str, &[u8])> = meta
            .companions
            .iter()
            .map(|(name, text)| (*name, text.as_bytes()))
            .collect();
        files.push((meta.example_file, meta.bad.as_bytes()));
        return lint_set("bad", &files, settings);
    }
    if meta.across_documents {
        let mut both = vec![
            lint_bytes("good.xml", meta.good.as_bytes(), settings),
            lint_bytes("bad.xml", meta.bad.as_bytes(), settings),
        ];
        vsslint::check_across(&mut both, &[settings, settings]);
        return both;
    }
    match vsslint::lint_transcript("bad.txt", meta.bad.as_bytes().to_vec(), settings) {
        Ok(t) => t.writers.into_iter().map(|(_, f)| f).collect(),
        Err(_) => vec![lint_bytes("bad.xml", meta.bad.as_bytes(), settings)],
    }
}

/// Each finding whose severity is not the one its rule runs at under `settings`.
fn mismatches(files: &[LintedFile], settings: &Settings) -> Vec<String> {
    files
        .iter()
        .flat_map(|f| &f.diagnostics)
        .filter_map(|d| {
            let runs_at = settings.severity_of(d.rule);
            (runs_at != Some(d.severity)).then(|| {
                format!(
                    "{} is {:?} in its findings, runs at {runs_at:?}: {}",
                    d.rule.slug, d.severity, d.message
                )
            })
        })
        .collect()
}

#[test]
fn every_bad_example_reports_at_its_rules_severity() {
    let mut failures = Vec::new();
    for rule in all_rules() {
        let meta = &rule.meta;
        let settings = Settings::for_bad_example(meta);
        failures.extend(mismatches(&bad_example(meta, &settings), &settings));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A severity set in the configuration holds for every finding of the rule: no case of it
/// keeps a severity of its own.
#[test]
fn every_bad_example_reports_at_a_configured_severity() {
    let mut failures = Vec::new();
    for rule in all_rules() {
        let meta = &rule.meta;
        for configured in [Severity::Info, Severity::Warning, Severity::Error] {
            let mut settings = Settings::for_bad_example(meta);
            for r in all_rules() {
                settings.rules.insert(r.meta.slug, Some(configured));
            }
            let files = bad_example(meta, &settings);
            failures.extend(mismatches(&files, &settings));
            if files.iter().all(|f| f.diagnostics.is_empty()) && meta.slug != "doc/unreadable" {
                failures.push(format!("{} raised nothing at {configured:?}", meta.slug));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The documents that break no rule, some with infos (a wrapper with an inline schema).
#[test]
fn valid_documents_report_at_each_rules_severity() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/valid");
    let settings = Settings::default();
    let mut failures = Vec::new();
    for path in xml_files(&dir) {
        let bytes = std::fs::read(&path).unwrap();
        let file = lint_bytes(&path.to_string_lossy(), &bytes, &settings);
        failures.extend(mismatches(&[file], &settings));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The real documents: every finding at its rule's default severity, in the default run and
/// with `--express`.
#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn the_corpus_reports_at_each_rules_severity() {
    let corpus = common::corpus();
    let defaults: std::collections::HashMap<&str, &str> = all_rules()
        .iter()
        .map(|r| (r.meta.slug, r.meta.severity.as_str()))
        .collect();
    let mut failures = Vec::new();
    let mut seen = 0;
    for express in [false, true] {
        let mut args = vec!["--min-severity", "info", "--format", "json"];
        if express {
            args.push("--express");
        }
        let corpus = corpus.to_string_lossy();
        args.push(&corpus);
        let v = json(&vsslint(&args));
        for d in v["diagnostics"].as_array().unwrap() {
            seen += 1;
            let slug = d["rule"].as_str().unwrap();
            if Some(&d["severity"].as_str().unwrap()) != defaults.get(slug) {
                failures.push(format!(
                    "{slug} is {} in {}: {}",
                    d["severity"], d["file"], d["message"]
                ));
            }
        }
    }
    assert!(seen > 0, "the corpus raised nothing");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A rule split from another says so in its documentation, and turning the older rule off
/// turns it off too, as the configurations written before the split expect.
#[test]
fn a_split_rule_is_off_when_the_rule_it_was_split_from_is() {
    let mut splits = 0;
    for rule in all_rules() {
        let meta = &rule.meta;
        let Some((_, rest)) = meta.what.split_once("Split from `") else {
            continue;
        };
        let parent = rest.split('`').next().unwrap();
        assert!(
            vsslint::find_rule(parent).is_some(),
            "{}: {parent}",
            meta.slug
        );
        splits += 1;
        let mut settings = Settings::for_example(meta);
        assert!(settings.severity_of(meta).is_some(), "{}", meta.slug);
        settings
            .rules
            .insert(vsslint::find_rule(parent).unwrap().meta.slug, None);
        assert_eq!(
            settings.severity_of(meta),
            None,
            "{} after {parent} off",
            meta.slug
        );
    }
    assert!(splits >= 12, "{splits} split rules");
}
