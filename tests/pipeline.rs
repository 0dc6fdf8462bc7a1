//! Whole-pipeline checks of single rules: what a rule finds (or leaves to another rule) once
//! every rule runs, on real documents and on documents built to show one interplay.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use vsslint::{find_rule, lint_bytes, os::WindowsVersion, Settings, Severity};

/// Every finding except those of `slug`, as `slug: message`.
fn others(slug: &str, text: &str, settings: &Settings) -> Vec<String> {
    lint_bytes("t.xml", text.as_bytes(), settings)
        .diagnostics
        .iter()
        .filter(|d| d.rule.slug != slug)
        .map(|d| format!("{}: {}", d.rule.slug, d.message))
        .collect()
}

/// `id/known-writer` leaves an in-box writer to `os/in-box-writer-availability` when a
/// target is given, so its examples raise nothing else.
#[test]
fn in_box_writer_availability_examples_raise_no_other_rule() {
    let rule = find_rule("os/in-box-writer-availability").unwrap();
    let settings = Settings {
        target_os: rule.meta.example_target.and_then(WindowsVersion::from_name),
        ..Settings::default()
    };
    for text in [rule.meta.bad, rule.meta.good] {
        assert_eq!(
            others(rule.meta.slug, text, &settings),
            Vec::<String>::new()
        );
    }
}

/// The SQL Server writer's real schema (DIFFERENTIAL | COPY | TIMESTAMPED | LAST_MODIFY |
/// WRITER_SUPPORTS_NEW_TARGET | WRITER_SUPPORTS_RESTORE_WITH_MOVE) breaks no schema rule.
#[test]
fn sql_server_writer_schema_is_clean() {
    let doc = r#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2" backupSchema="881">
  <IDENTIFICATION writerId="a65faa63-5ea8-4ebc-9dbd-a0c4db26912a" instanceId="9f1f5c0a-3b7e-4d2a-8c61-0e4b2d7a9c33" instanceName="Microsoft SQL Server 2017:SQLWriter" friendlyName="SqlServerWriter" usage="USER_DATA" dataSource="TRANSACTION_DB"/>
  <BACKUP_LOCATIONS>
    <FILE_GROUP logicalPath="HOST" componentName="master" restoreMetadata="no" notifyOnBackupComplete="yes" selectable="yes" selectableForRestore="yes" componentFlags="2">
      <FILE_LIST path="C:\Data" filespec="master.mdf" filespecBackupType="3855"/>
    </FILE_GROUP>
  </BACKUP_LOCATIONS>
</WRITER_METADATA>"#;
    let file = lint_bytes("sql.xml", doc.as_bytes(), &Settings::default());
    let schema: Vec<_> = file
        .diagnostics
        .iter()
        .filter(|d| d.rule.group() == "schema")
        .map(|d| &d.message)
        .collect();
    assert!(schema.is_empty(), "{schema:?}");
}

/// The spec's expected finding on real data: the Shadow Copy Optimization writer's
/// drive-less exclusion is an info of `fs/path-rooted`, and no other path of the real
/// documents is reported by it or by `fs/path-not-absolute`.
#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn path_not_absolute_on_real_documents() {
    let corpus = common::corpus();
    let mut seen = Vec::new();
    for set in ["diskshadow-ws2012-sql2017", "diskshadow-ws2012-sql2017-b"] {
        for entry in std::fs::read_dir(corpus.join(set)).unwrap() {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            let file = lint_bytes("x.xml", &bytes, &Settings::default());
            for d in file.diagnostics {
                if matches!(d.rule.slug, "fs/path-not-absolute" | "fs/path-rooted") {
                    seen.push((d.rule.slug, d.severity, d.message));
                }
            }
        }
    }
    assert_eq!(seen.len(), 2, "{seen:?}");
    for (slug, severity, message) in seen {
        assert_eq!((slug, severity), ("fs/path-rooted", Severity::Info));
        assert!(message.contains(r"\System Volume Information\Heat"));
    }
}

fn express_errors(file: &Path) -> BTreeSet<&'static str> {
    let settings = Settings {
        express: true,
        ..Default::default()
    };
    let bytes = std::fs::read(file).unwrap();
    lint_bytes(&file.display().to_string(), &bytes, &settings)
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.rule.slug)
        .collect()
}

/// Real express writers raise no express error; the SQL Server writer, which is not one,
/// raises exactly the express rules it breaks.
#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn express_rules_on_real_documents() {
    let corpus = common::corpus();
    let express = corpus.join("express-writers-win10");
    let mut files: Vec<_> = std::fs::read_dir(&express)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    // Task Scheduler, VSS Metadata Store and Performance Counters writers.
    for set in ["diskshadow-ws2012-sql2017", "diskshadow-ws2012-sql2017-b"] {
        for n in 0..3 {
            files.push(corpus.join(set).join(format!("WM{n}.xml")));
        }
    }
    for f in &files {
        assert!(
            express_errors(f).is_empty(),
            "{}: {:?}",
            f.display(),
            express_errors(f)
        );
    }
    let sql = express_errors(&corpus.join("diskshadow-ws2012-sql2017/WM5.xml"));
    assert_eq!(
        sql,
        BTreeSet::from([
            "express/backup-schema",
            "express/component-flags",
            "express/writer-restore"
        ])
    );
}
