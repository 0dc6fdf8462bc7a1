//! `doc/restore-method-duplicate`: at most one `RESTORE_METHOD`.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("doc/restore-method-duplicate" {
        code: "VSL008",
        severity: Severity::Error,
        summary: "More than one RESTORE_METHOD",
        what: "Reports every `RESTORE_METHOD` after the first.",
        why: "A writer has a single restore method, which applies to all of its components \
    (`IVssCreateWriterMetadata::SetRestoreMethod`); with two, a requester cannot know which one \
    the writer meant.",
        sources: &[
            "IVssCreateWriterMetadata::SetRestoreMethod: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-setrestoremethod",
            "VSS Restore Configurations: https://learn.microsoft.com/en-us/windows/win32/vss/vss-restore-configurations",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some(first) = w.restore_methods.first() else {
        return;
    };
    for extra in &w.restore_methods[1..] {
        cx.report(extra.node.span, "a second RESTORE_METHOD element")
            .label("second restore method")
            .help("a writer has one restore method for all its components: remove one of them")
            .related(first.node.span, "first RESTORE_METHOD here");
    }
}
