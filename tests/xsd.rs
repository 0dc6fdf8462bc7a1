//! The XML Schema in `schemas/` must agree with the linter: real writer metadata documents
//! validate, a fixture validates exactly when the linter finds nothing structural in it, and
//! the schema's own fixtures in `fixtures/xsd/` have the outcome listed here.
//!
//! Validation shells out to `xmllint`: the tests that need it, or the shared corpus, are
//! ignored without them (see `build.rs`).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use vsslint::{lint_bytes, FileKind, LintedFile, Settings, Severity};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn schema() -> PathBuf {
    Path::new(ROOT).join("schemas/vss-writer-metadata.xsd")
}

/// The rules whose findings are the schema's business, with the lowest severity that
/// counts. Most count as errors only. The linter is deliberately lenient in a few places
/// where a schema cannot be: it only warns about unknown elements and attributes, include
/// lists, a second BACKUP_LOCATIONS and braced GUIDs, and only notes the wrapper root and
/// documents of other kinds (BCDocument, DiskShadow's manifest) that the schema, which
/// declares the bare WRITER_METADATA root alone, rejects. Rules not written yet simply
/// never appear.
const STRUCTURAL: &[(&str, Severity)] = &[
    ("doc/not-well-formed", Severity::Error),
    ("doc/encoding", Severity::Error),
    ("doc/root-element", Severity::Info),
    ("doc/wrapped-root", Severity::Info),
    ("doc/namespace", Severity::Error),
    ("doc/identification-count", Severity::Error),
    ("doc/restore-method-duplicate", Severity::Error),
    ("doc/backup-locations-duplicate", Severity::Warning),
    ("doc/unknown-node", Severity::Warning),
    ("doc/include-list", Severity::Warning),
    ("id/writer-id-format", Severity::Warning),
    ("id/instance-id-format", Severity::Warning),
    ("id/writer-id-braced", Severity::Warning),
    ("id/instance-id-braced", Severity::Warning),
    ("id/friendly-name-missing", Severity::Error),
    ("id/usage-invalid", Severity::Error),
    ("id/data-source-invalid", Severity::Error),
    ("id/version-format", Severity::Error),
    ("schema/format", Severity::Error),
    ("restore/method-unknown", Severity::Error),
    ("restore/method-undefined", Severity::Error),
    ("restore/writer-restore-invalid", Severity::Error),
    ("restore/reboot-required-bool", Severity::Error),
    ("comp/name-missing", Severity::Error),
    ("comp/selectable-missing", Severity::Error),
    ("comp/bool-value", Severity::Error),
    ("comp/flags-format", Severity::Error),
    ("comp/type", Severity::Error),
    ("comp/fileset-wrong-parent", Severity::Error),
    ("dep/writer-id-format", Severity::Warning),
    ("dep/writer-id-braced", Severity::Warning),
    ("fs/path-missing", Severity::Error),
    ("fs/filespec-missing", Severity::Error),
    ("fs/recursive-bool", Severity::Error),
    ("fs/fsbt-format", Severity::Error),
];

fn floor(slug: &str) -> Option<Severity> {
    STRUCTURAL
        .iter()
        .find(|(s, _)| *s == slug)
        .map(|&(_, sev)| sev)
}

/// The linter's structural findings, as `slug (severity): message`.
fn structural(file: &LintedFile) -> Vec<String> {
    file.diagnostics
        .iter()
        .filter(|d| floor(d.rule.slug).is_some_and(|f| d.severity >= f))
        .map(|d| format!("{} ({}): {}", d.rule.slug, d.severity, d.message))
        .collect()
}

/// UTF-16 without a byte-order mark: the linter reads it from its NUL bytes, but libxml2
/// recognises it only when the file starts with `<?`, so the two cannot be compared.
fn bomless_utf16(file: &LintedFile) -> bool {
    file.diagnostics
        .iter()
        .any(|d| d.rule.slug == "doc/utf16-without-bom")
}

/// Fails, saying how to get it, when xmllint does not run; for a test that carries
/// `#[cfg_attr(no_xmllint, ignore = "…")]`.
fn require_xmllint() {
    common::require_tool(
        "xmllint",
        "`xmllint --version` does not run",
        "install libxml2-utils (apt-get install libxml2-utils), as .ci/run does",
        || {
            Command::new("xmllint")
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
                .then_some(())
        },
    )
}

/// `Err` carries xmllint's report when the schema rejects the file.
fn validate(path: &Path) -> Result<(), String> {
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(schema())
        .arg(path)
        .output()
        .expect("xmllint runs");
    let report = String::from_utf8_lossy(&out.stderr).trim().to_string();
    match out.status.code() {
        Some(0) => Ok(()),
        // 1: not well-formed or not decodable; 3: not valid against the schema.
        Some(1 | 3) => Err(report),
        other => panic!("xmllint failed on {} ({other:?}): {report}", path.display()),
    }
}

fn xml_files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.expect("readable directory entry").path();
        if path.is_dir() {
            xml_files_under(&path, out);
        } else if path.extension().is_some_and(|e| e == "xml") {
            out.push(path);
        }
    }
}

fn relative(path: &Path) -> String {
    path.strip_prefix(ROOT)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

fn lint(path: &Path) -> LintedFile {
    let bytes = std::fs::read(path).expect("readable fixture");
    // A suppressed finding is still a defect the schema sees.
    let settings = Settings {
        inline_suppressions: false,
        ..Settings::default()
    };
    lint_bytes(&relative(path), &bytes, &settings)
}

fn first_line(report: &str) -> &str {
    report.lines().next().unwrap_or("")
}

#[test]
#[cfg_attr(no_xmllint, ignore = "needs xmllint (see README, Running the tests)")]
fn schema_is_a_well_formed_xsd() {
    require_xmllint();
    // Validating any document makes xmllint compile the schema; a broken schema exits 5.
    let probe = Path::new(ROOT).join("fixtures/xsd/valid/wmi-order.xml");
    assert_eq!(validate(&probe), Ok(()));
}

#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
#[cfg_attr(no_xmllint, ignore = "needs xmllint (see README, Running the tests)")]
fn real_writer_metadata_documents_validate() {
    require_xmllint();
    let corpus = common::corpus();
    let mut all = Vec::new();
    xml_files_under(&corpus, &mut all);
    all.sort();
    let is_writer_metadata = |p: &PathBuf| {
        let name = p.file_name().unwrap().to_string_lossy();
        name.starts_with("WM")
            || p.parent()
                .is_some_and(|d| d.ends_with("express-writers-win10"))
    };
    let (documents, others): (Vec<_>, Vec<_>) = all.into_iter().partition(is_writer_metadata);
    assert!(
        documents.len() >= 20,
        "expected the DiskShadow sets and the express-writer files, found {documents:?}"
    );
    let mut failures = Vec::new();
    for path in &documents {
        if let Err(report) = validate(path) {
            failures.push(format!("{}: {}", path.display(), first_line(&report)));
        }
    }
    // Backup components documents and DiskShadow manifests are not writer metadata.
    for path in &others {
        if validate(path).is_ok() {
            failures.push(format!(
                "{}: validates but is not writer metadata",
                path.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
#[cfg_attr(no_xmllint, ignore = "needs xmllint (see README, Running the tests)")]
fn fixtures_validate_unless_the_linter_finds_a_structural_error() {
    require_xmllint();
    let fixtures = Path::new(ROOT).join("fixtures");
    let own = fixtures.join("xsd");
    let mut paths = Vec::new();
    xml_files_under(&fixtures, &mut paths);
    paths.retain(|p| !p.starts_with(&own));
    paths.sort();
    assert!(
        !paths.is_empty(),
        "no fixtures under {}",
        fixtures.display()
    );
    let mut failures = Vec::new();
    for path in &paths {
        let file = lint(path);
        let shown = relative(path);
        if bomless_utf16(&file) {
            eprintln!("not compared: {shown} is UTF-16 without a byte-order mark");
            continue;
        }
        // The schema describes writer metadata; the other documents of a backup, and XML of
        // other kinds that is skipped, are not its.
        if matches!(
            file.kind,
            FileKind::BackupComponents | FileKind::Manifest | FileKind::Skipped
        ) {
            continue;
        }
        let findings = structural(&file);
        match (findings.is_empty(), validate(path)) {
            (true, Err(report)) => failures.push(format!(
                "{shown}: the linter finds nothing structural, the schema rejects it:\n    {}",
                first_line(&report)
            )),
            (false, Ok(())) => failures.push(format!(
                "{shown}: the schema accepts it, the linter reports:\n    {}",
                findings.join("\n    ")
            )),
            _ => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What the schema must say about one of its own fixtures.
enum Expect {
    Valid,
    /// Rejected, with `mentions` in xmllint's report; `rule` is the linter's name for the
    /// defect, checked once that rule exists.
    Invalid {
        rule: &'static str,
        mentions: &'static str,
    },
}

const OWN_FIXTURES: &[(&str, Expect)] = &[
    ("valid/wmi-order.xml", Expect::Valid),
    ("valid/restore-method-first.xml", Expect::Valid),
    ("valid/database-file-sets.xml", Expect::Valid),
    ("valid/inferred-vocabulary.xml", Expect::Valid),
    ("valid/utf16-bom.xml", Expect::Valid),
    (
        "invalid/file-list-under-database.xml",
        Expect::Invalid {
            rule: "comp/fileset-wrong-parent",
            mentions: "Element '{x-schema:#VssWriterMetadataInfo}FILE_LIST': This element is not expected",
        },
    ),
    (
        "invalid/database-logfiles-under-file-group.xml",
        Expect::Invalid {
            rule: "comp/fileset-wrong-parent",
            mentions: "Element '{x-schema:#VssWriterMetadataInfo}DATABASE_LOGFILES': This element is not expected",
        },
    ),
    (
        "invalid/identification-missing.xml",
        Expect::Invalid {
            rule: "doc/identification-count",
            mentions: "Missing child element(s)",
        },
    ),
    (
        "invalid/identification-twice.xml",
        Expect::Invalid {
            rule: "doc/identification-count",
            mentions: "Element '{x-schema:#VssWriterMetadataInfo}IDENTIFICATION': This element is not expected",
        },
    ),
    (
        "invalid/usage-bogus.xml",
        Expect::Invalid {
            rule: "id/usage-invalid",
            mentions: "attribute 'usage'",
        },
    ),
    (
        "invalid/recursive-true.xml",
        Expect::Invalid {
            rule: "fs/recursive-bool",
            mentions: "attribute 'recursive'",
        },
    ),
    (
        "invalid/unknown-element.xml",
        Expect::Invalid {
            rule: "doc/unknown-node",
            mentions: "Element '{x-schema:#VssWriterMetadataInfo}FILELIST': This element is not expected",
        },
    ),
    (
        "invalid/braced-writer-id.xml",
        Expect::Invalid {
            rule: "id/writer-id-braced",
            mentions: "attribute 'writerId'",
        },
    ),
];

/// The linter's side of each of the schema's own fixtures.
#[test]
fn own_fixtures_have_their_expected_outcome() {
    own_fixtures(false);
}

/// Both sides of each of the schema's own fixtures: the linter's and xmllint's.
#[test]
#[cfg_attr(no_xmllint, ignore = "needs xmllint (see README, Running the tests)")]
fn own_fixtures_have_their_expected_outcome_in_the_schema_too() {
    require_xmllint();
    own_fixtures(true);
}

/// Every file in `fixtures/xsd` is listed in `OWN_FIXTURES`, and has its outcome in the linter
/// and, with `xmllint`, in the schema.
fn own_fixtures(xmllint: bool) {
    let dir = Path::new(ROOT).join("fixtures/xsd");
    let mut on_disk = Vec::new();
    xml_files_under(&dir, &mut on_disk);
    let mut on_disk: Vec<String> = on_disk
        .iter()
        .map(|p| {
            p.strip_prefix(&dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = OWN_FIXTURES.iter().map(|(n, _)| n.to_string()).collect();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "every file in fixtures/xsd has an expectation here"
    );

    let mut failures = Vec::new();
    for (name, expect) in OWN_FIXTURES {
        let path = dir.join(name);
        let file = lint(&path);
        let findings = structural(&file);
        match expect {
            Expect::Valid => {
                if !findings.is_empty() {
                    failures.push(format!("{name}: the linter reports {findings:?}"));
                }
                if xmllint {
                    if let Err(report) = validate(&path) {
                        failures.push(format!("{name}: rejected: {}", first_line(&report)));
                    }
                }
            }
            Expect::Invalid { rule, mentions } => {
                let floor = floor(rule).unwrap_or_else(|| panic!("{rule} is not structural"));
                if vsslint::find_rule(rule).is_some() {
                    let raised = file
                        .diagnostics
                        .iter()
                        .any(|d| d.rule.slug == *rule && d.severity >= floor);
                    if !raised {
                        failures.push(format!("{name}: the linter does not report {rule}"));
                    }
                } else {
                    eprintln!("{name}: {rule} is not implemented yet; schema side only");
                }
                if xmllint {
                    match validate(&path) {
                        Ok(()) => failures.push(format!("{name}: the schema accepts it")),
                        Err(report) if !report.contains(mentions) => failures.push(format!(
                            "{name}: rejected for another reason: {}",
                            first_line(&report)
                        )),
                        Err(_) => {}
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
