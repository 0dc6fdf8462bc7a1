//! `alm/without-restore-method`: a mapping belongs to the writer's restore method.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("alm/without-restore-method" {
        code: "VSL351",
        severity: Severity::Error,
        summary: "An alternate location mapping outside any RESTORE_METHOD",
        what: "Reports an `ALTERNATE_LOCATION_MAPPING` when the writer declares no \
    `RESTORE_METHOD`. A mapping outside a `RESTORE_METHOD` the writer does declare is \
    `alm/outside-restore-method`'s, a warning. The element name and its \
    place as a child of `RESTORE_METHOD` are inferred from the API (the mappings are counted by \
    `GetRestoreMethod`) and from the VSS Test Writer's configuration format; no public writer \
    metadata document shows a mapping.",
        why: "`IVssCreateWriterMetadata::AddAlternateLocationMapping` fails with \
    `VSS_E_OBJECT_NOT_FOUND` unless `SetRestoreMethod` was called first: a mapping belongs to \
    the restore method, and `IVssExamineWriterMetadata::GetRestoreMethod` reports how many there \
    are. A mapping without a restore method cannot have been produced by VSS, and one outside the \
    restore method is likely not read at all, so the files have no alternate location at restore \
    time.",
        sources: &[
            "IVssCreateWriterMetadata::AddAlternateLocationMapping: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addalternatelocationmapping",
            "IVssExamineWriterMetadata::GetRestoreMethod: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadata-getrestoremethod",
            "VSS Test Writer Tool (AlternateLocationMapping inside RestoreMethod): https://learn.microsoft.com/en-us/windows/win32/vss/vss-test-writer-tool",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    if !w.restore_methods.is_empty() {
        return;
    }
    for m in &w.mappings {
        cx.report(m.node.span, "alternate location mapping, but the writer declares no restore method")
            .label("mapping without a restore method")
            .help("add a RESTORE_METHOD element and move the mapping into it: a mapping can only be added after the restore method is set");
    }
}

#[cfg(test)]
mod tests {
    use crate::rule_meta::Severity;
    use crate::settings::Settings;
    use crate::toolkit::testing::run_rule;

    #[test]
    fn mapping_without_any_restore_method_is_an_error() {
        let doc = RULE_DOC.replace(
            "<BACKUP_LOCATIONS>",
            r#"<ALTERNATE_LOCATION_MAPPING path="C:\Data" filespec="*.dat" recursive="no" alternatePath="D:\Restore"/><BACKUP_LOCATIONS>"#,
        );
        let found = run_rule(&super::RULE, &Settings::default(), &doc);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Error);
        assert!(found[0].message.contains("no restore method"));
    }

    const RULE_DOC: &str = r#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2"><IDENTIFICATION writerId="5cbc3b8e-4c7a-4b9e-9a5c-2f6f2a1e7d10" friendlyName="W" usage="USER_DATA" dataSource="OTHER" majorVersion="1" minorVersion="0"/><BACKUP_LOCATIONS><FILE_GROUP componentName="C" selectable="yes"><FILE_LIST path="C:\Data" filespec="*.dat" recursive="no"/></FILE_GROUP></BACKUP_LOCATIONS></WRITER_METADATA>"#;
}
