//! `doc/restore-method-missing`: a writer declares a restore method.

use crate::model::WriterMetadata;
use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;

pub static RULE: Rule = Rule {
    meta: rule!("doc/restore-method-missing" {
        code: "VSL007",
        severity: Severity::Warning,
        summary: "The writer declares no RESTORE_METHOD",
        what: "Warns when `WRITER_METADATA` has no `RESTORE_METHOD` child. A warning, not an \
    error: `IVssExamineWriterMetadata::GetRestoreMethod` handles the absence (it returns \
    `S_FALSE`), and Microsoft's own BITS and Shadow Copy Optimization writers omit it.",
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
    if w.restore_methods.is_empty() {
        cx.report(w.node.span, "the writer declares no restore method")
            .label("no RESTORE_METHOD inside")
            .help("add <RESTORE_METHOD method=\"RESTORE_IF_CAN_BE_REPLACED\" writerRestore=\"never\" rebootRequired=\"no\"/> (with the method your writer needs) as a child of WRITER_METADATA");
    }
}
