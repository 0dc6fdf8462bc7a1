//! §3.K: the express-writer profile (`--express`).

pub mod alternate_location_mapping;
pub mod alternate_path;
pub mod backup_schema;
pub mod component_flags;
pub mod database_component;
pub mod exclude_from_snapshot;
pub mod fsbt_incremental_bits;
pub mod local_paths;
pub mod restore_method;
pub mod usage;
pub mod writer_restore;

use crate::rules::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[
    &database_component::RULE,
    &component_flags::RULE,
    &backup_schema::RULE,
    &restore_method::RULE,
    &writer_restore::RULE,
    &alternate_path::RULE,
    &alternate_location_mapping::RULE,
    &exclude_from_snapshot::RULE,
    &fsbt_incremental_bits::RULE,
    &usage::RULE,
    &local_paths::RULE,
];

#[cfg(test)]
mod tests {
    use crate::{lint_bytes, Settings, Severity};
    use std::collections::BTreeSet;
    use std::path::Path;

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

    #[test]
    fn real_documents() {
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
        if !corpus.is_dir() {
            eprintln!(
                "skipped: the shared corpus ({}) is not there",
                corpus.display()
            );
            return;
        }
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
}
