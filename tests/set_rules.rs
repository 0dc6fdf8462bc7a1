//! The `set/*` rules on real backups changed in one place, and on the example backup with
//! dependencies that reach another computer or a component the target writer lacks.

mod common;

use common::{stdout, vsslint};
use serde_json::Value;
use std::path::{Path, PathBuf};
use vsslint::{lint_set, LintedFile, Settings};

/// A copy of the real set `set` in a folder of its own, with `edit` applied to the text of
/// its document `name` (the manifest is UTF-16LE without a byte-order mark, as DiskShadow
/// writes it, and is written back so).
fn edited_copy(
    corpus: &Path,
    set: &str,
    test: &str,
    name: &str,
    edit: impl Fn(&str) -> String,
) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vsslint-{test}-{}-{set}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(corpus.join(set)).unwrap() {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_str().unwrap().to_string();
        let bytes = std::fs::read(&path).unwrap();
        let bytes = if file != name {
            bytes
        } else if file == "Manifest.xml" {
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect();
            let edited = edit(&String::from_utf16(&units).unwrap());
            edited.encode_utf16().flat_map(u16::to_le_bytes).collect()
        } else {
            edit(std::str::from_utf8(&bytes).unwrap()).into_bytes()
        };
        std::fs::write(dir.join(&file), bytes).unwrap();
    }
    dir
}

/// The JSON report's findings on a folder, infos included; the folder is removed.
fn findings_of(dir: &Path) -> Vec<Value> {
    let out = stdout(&vsslint(&[
        "--min-severity",
        "info",
        "--format",
        "json",
        dir.to_str().unwrap(),
    ]));
    std::fs::remove_dir_all(dir).unwrap();
    let report: Value = serde_json::from_str(&out).unwrap();
    report["diagnostics"].as_array().unwrap().clone()
}

fn of_rule<'a>(findings: &'a [Value], rule: &str) -> Vec<&'a Value> {
    findings.iter().filter(|d| d["rule"] == rule).collect()
}

fn set_findings_above_info(findings: &[Value]) -> Vec<&Value> {
    findings
        .iter()
        .filter(|d| d["rule"].as_str().unwrap().starts_with("set/") && d["severity"] != "info")
        .collect()
}

/// The real manifests copy `C:\`; both sets' text has it once.
fn replace_volume(text: &str, volume: &str) -> String {
    let before = r"OriginalVolume = 'C:\'";
    assert_eq!(text.matches(before).count(), 1, "{text}");
    text.replace(before, &format!("OriginalVolume = '{volume}'"))
}

#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn a_volume_named_by_guid_is_one_note_and_no_errors() {
    let test = "a_volume_named_by_guid_is_one_note_and_no_errors";
    let corpus = common::corpus();
    let guid = r"\\?\Volume{c7463aba-f40d-11e9-80c7-806e6f6e6963}\";
    for set in ["diskshadow-ws2012-sql2017", "diskshadow-ws2012-sql2017-b"] {
        let dir = edited_copy(&corpus, set, test, "Manifest.xml", |t| {
            replace_volume(t, guid)
        });
        let findings = findings_of(&dir);
        assert!(
            set_findings_above_info(&findings).is_empty(),
            "{set}: {:#?}",
            set_findings_above_info(&findings)
        );
        let notes = of_rule(&findings, "set/volume-unmapped");
        assert_eq!(notes.len(), 1, "{set}: {notes:#?}");
        assert_eq!(notes[0]["severity"], "info");
        assert!(notes[0]["file"].as_str().unwrap().ends_with("Manifest.xml"));
        let message = notes[0]["message"].as_str().unwrap();
        assert!(
            message.contains(guid) && message.contains("GUID"),
            "{message}"
        );
    }
}

#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn a_volume_left_out_is_one_error_per_component() {
    let test = "a_volume_left_out_is_one_error_per_component";
    let corpus = common::corpus();
    // The backup copies D: instead of C:, where the System writer's thousands of file sets lie.
    let set = "diskshadow-ws2012-sql2017";
    let dir = edited_copy(&corpus, set, test, "Manifest.xml", |t| {
        replace_volume(t, r"D:\")
    });
    let findings = findings_of(&dir);
    let errors = of_rule(&findings, "set/volume-not-shadowed");
    assert!(!errors.is_empty());
    let mut components: Vec<(&str, &str)> = errors
        .iter()
        .map(|d| {
            let message = d["message"].as_str().unwrap();
            let name = message.split('`').nth(1).unwrap();
            (d["file"].as_str().unwrap(), name)
        })
        .collect();
    let all = components.len();
    components.sort_unstable();
    components.dedup();
    assert_eq!(components.len(), all, "{errors:#?}");
    let system = errors
        .iter()
        .find(|d| d["file"].as_str().unwrap().ends_with("WM3.xml"))
        .expect("the System writer's components are on C:");
    assert_eq!(system["severity"], "error");
    let message = system["message"].as_str().unwrap();
    assert!(message.contains("file sets are on C:"), "{message}");
    let related = system["related"].as_array().unwrap();
    // Three more of its file sets, then the manifest's shadow copies.
    assert_eq!(related.len(), 4, "{related:#?}");
    assert!(related[..3].iter().all(|r| r["message"] == "also on C:"));
    assert!(related[3]["file"]
        .as_str()
        .unwrap()
        .ends_with("Manifest.xml"));
}

#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn a_copy_backup_of_writers_without_a_schema_is_information() {
    let test = "a_copy_backup_of_writers_without_a_schema_is_information";
    let corpus = common::corpus();
    let set = "diskshadow-ws2012-sql2017";
    let dir = edited_copy(&corpus, set, test, "BCDocument.xml", |t| {
        assert_eq!(t.matches(r#"backupType="full""#).count(), 1);
        t.replace(r#"backupType="full""#, r#"backupType="copy""#)
    });
    let findings = findings_of(&dir);
    assert!(
        set_findings_above_info(&findings).is_empty(),
        "{:#?}",
        set_findings_above_info(&findings)
    );
    // The seven in-box writers the backup adds components for; none declares a schema.
    let notes = of_rule(&findings, "set/backup-type-default");
    assert_eq!(notes.len(), 7, "{notes:#?}");
    assert!(notes.iter().all(|d| d["severity"] == "info"));
}

/// The example backup with the Fabrikam writer's document replaced by `fixture`.
fn contoso_with(fixture: &str) -> Vec<LintedFile> {
    let read = |p: &str| std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(p)).unwrap();
    let files = [
        ("WM0.xml", read("fixtures/sets/contoso/WM0.xml")),
        (
            "BCDocument.xml",
            read("fixtures/sets/contoso/BCDocument.xml"),
        ),
        ("Manifest.xml", read("fixtures/sets/contoso/Manifest.xml")),
        ("WM1.xml", read(fixture)),
    ];
    let files: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (*n, b.as_slice())).collect();
    lint_set("contoso", &files, &Settings::default())
}

#[test]
fn dependencies_on_another_computer_are_not_checked_against_this_backup() {
    let linted = contoso_with("fixtures/set-rules/remote-dependency.xml");
    let raised: Vec<String> = linted
        .iter()
        .flat_map(|f| &f.diagnostics)
        .map(|d| format!("{}: {}", d.rule.slug, d.message))
        .collect();
    assert!(raised.is_empty(), "{raised:#?}");
}

#[test]
fn a_dependency_finding_points_into_the_target_writers_document() {
    let linted = contoso_with("fixtures/set-rules/ancestor-dependency.xml");
    let wm0 = &linted[0];
    let found = |slug: &str| {
        let d: Vec<_> = linted
            .iter()
            .flat_map(|f| &f.diagnostics)
            .filter(|d| d.rule.slug == slug)
            .collect();
        assert_eq!(d.len(), 1, "{slug}: {d:#?}");
        assert_eq!(d[0].related.len(), 1, "{slug}: {d:#?}");
        let r = &d[0].related[0];
        let elsewhere = r
            .elsewhere
            .as_ref()
            .expect("in the target writer's document");
        assert_eq!(elsewhere.path, "contoso/WM0.xml");
        (&wm0.text[r.span.start..r.span.end], r.message.clone())
    };
    // `Ledgers\2026\Q1` is missing: its nearest declared ancestor is `Ledgers\2026`, the
    // component named 2026, whose element is the third FILE_GROUP.
    let (text, message) = found("set/dependency-target-missing");
    assert_eq!(text, "FILE_GROUP");
    assert!(message.contains(r"`Ledgers\2026`"), "{message}");
    let third = wm0.text.match_indices("<FILE_GROUP").nth(2).unwrap().0 + 1;
    let d = linted
        .iter()
        .flat_map(|f| &f.diagnostics)
        .find(|d| d.rule.slug == "set/dependency-target-missing")
        .unwrap();
    assert_eq!(d.related[0].span.start, third);
    // `Reports` is declared but not in the backup: the finding points at it.
    let (text, message) = found("set/dependency-not-included");
    assert_eq!(text, "FILE_GROUP");
    assert_eq!(message, "the component the dependency names");
    let reports = wm0.text.find(r#"componentName="Reports""#).unwrap();
    let d = linted
        .iter()
        .flat_map(|f| &f.diagnostics)
        .find(|d| d.rule.slug == "set/dependency-not-included")
        .unwrap();
    let start = d.related[0].span.start;
    assert!(start < reports && !wm0.text[start..reports].contains('<'));
}
