//! `doc/restore-method-missing`: a writer declares a restore method.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("doc/restore-method-missing" {
        code: "VSL007",
        severity: Severity::Warning,
        summary: "The writer declares no RESTORE_METHOD",
        what: "Warns when a writer that declares components has no `RESTORE_METHOD` child of \
    `WRITER_METADATA`. A writer without components has nothing to restore: Microsoft's own BITS \
    and Shadow Copy Optimization writers declare only exclusions and omit it, and \
    `IVssExamineWriterMetadata::GetRestoreMethod` documents that absence (`S_FALSE`: a restore \
    method does not exist). A warning, not an error: the API handles the absence.",
        why: "Microsoft's documentation says a writer must always specify a restore method. \
    Without one a requester has to guess how to put the writer's files back: whether the service \
    must be stopped, whether files in use are replaced at reboot.",
        sources: &[
            "Writer Metadata Document Contents: https://learn.microsoft.com/en-us/windows/win32/vss/writer-metadata-document-contents",
            "IVssExamineWriterMetadata::GetRestoreMethod: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadata-getrestoremethod",
            "The in-box BITS and Shadow Copy Optimization writers omit RESTORE_METHOD (real DiskShadow output)",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    if w.restore_methods.is_empty() && !w.components.is_empty() {
        cx.report(w.node.span, "the writer declares no restore method")
            .label("no RESTORE_METHOD inside")
            .help("add <RESTORE_METHOD method=\"RESTORE_IF_CAN_BE_REPLACED\" writerRestore=\"never\" rebootRequired=\"no\"/> (with the method your writer needs) as a child of WRITER_METADATA");
    }
}

#[cfg(test)]
mod tests {
    use crate::settings::Settings;
    use crate::toolkit::testing::run_rule;

    /// BITS and Shadow Copy Optimization declare only exclusions: nothing to restore.
    #[test]
    fn a_writer_without_components_needs_no_restore_method() {
        let doc = r#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2"><IDENTIFICATION writerId="4969d978-be47-48b0-b100-f328f07ac1e0" instanceId="9f1f5c0a-3b7e-4d2a-8c61-0e4b2d7a9c33" friendlyName="BITS Writer" usage="USER_DATA" dataSource="OTHER"/><BACKUP_LOCATIONS><EXCLUDE_FILES path="%ALLUSERSPROFILE%\Microsoft\Network\Downloader" filespec="*.tmp" recursive="no"/></BACKUP_LOCATIONS></WRITER_METADATA>"#;
        assert!(run_rule(&super::RULE, &Settings::default(), doc).is_empty());
        let with_component = doc.replace(
            "<BACKUP_LOCATIONS>",
            r#"<BACKUP_LOCATIONS><FILE_GROUP componentName="Queue" selectable="yes"><FILE_LIST path="C:\Q" filespec="*"/></FILE_GROUP>"#,
        );
        assert_eq!(
            run_rule(&super::RULE, &Settings::default(), &with_component).len(),
            1
        );
    }
}
