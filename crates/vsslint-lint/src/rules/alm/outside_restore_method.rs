//! `alm/outside-restore-method`: a mapping sits inside the writer's `RESTORE_METHOD`.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("alm/outside-restore-method" {
        code: "VSL356",
        severity: Severity::Warning,
        summary: "An alternate location mapping outside the writer's RESTORE_METHOD element",
        what: "Reports an `ALTERNATE_LOCATION_MAPPING` that sits outside the `RESTORE_METHOD` \
    element of a writer that declares one, for example directly under `WRITER_METADATA` or in \
    `BACKUP_LOCATIONS`. A mapping of a writer without any restore method is \
    `alm/without-restore-method`'s error. The element's place as a child of `RESTORE_METHOD` is \
    inferred from the API and from the VSS Test Writer's configuration format. Split from \
    `alm/without-restore-method` (VSL351), which reported this case \
    before: turning `alm/without-restore-method` off (in the configuration, or with `--ignore`) still turns this \
    rule off unless the configuration names it; a severity set for `alm/without-restore-method` does not apply to it.",
        why: "A mapping belongs to the restore method: `AddAlternateLocationMapping` fails unless \
    `SetRestoreMethod` was called first, and `IVssExamineWriterMetadata::GetRestoreMethod` reports \
    how many mappings there are. One outside the restore method is likely not read at all, so \
    the files have no alternate location at restore time.",
        sources: &[
            "IVssCreateWriterMetadata::AddAlternateLocationMapping: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addalternatelocationmapping",
            "IVssExamineWriterMetadata::GetRestoreMethod: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadata-getrestoremethod",
            "VSS Test Writer Tool (AlternateLocationMapping inside RestoreMethod): https://learn.microsoft.com/en-us/windows/win32/vss/vss-test-writer-tool",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some(rm) = w.restore_methods.first() else {
        return;
    };
    for m in w.mappings.iter().filter(|m| m.parent != "RESTORE_METHOD") {
        cx.report(
            m.node.span,
            format!(
                "alternate location mapping inside <{}>, not inside RESTORE_METHOD",
                m.parent
            ),
        )
        .label("outside the restore method")
        .related(rm.node.span, "the restore method it belongs to")
        .help("move the ALTERNATE_LOCATION_MAPPING element into RESTORE_METHOD");
    }
}
