//! `id/instance-name-required`: a writer that restores with move names its instance.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::flags::BackupSchema;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("id/instance-name-required" {
        code: "VSL108",
        severity: Severity::Warning,
        summary: "backupSchema declares RESTORE_WITH_MOVE but the writer has no instanceName",
        what: "Warns when `backupSchema` has `VSS_BS_WRITER_SUPPORTS_RESTORE_WITH_MOVE` (0x200), \
    the writer takes part in restores (its `writerRestore` is not `never`), and \
    `IDENTIFICATION` has no `instanceName`, or an empty one.",
        why: "Restore with move is meant for writers that run several instances of one writer \
    class. A writer that runs several instances and takes part in restores must give each \
    instance a persistent name, unique among the instances of its class \
    (`CVssWriter::Initialize`, `wszWriterInstanceName`): the instance ID changes every time the \
    writer starts, so at restore time the name is the only way to find the instance a component \
    came from.",
        sources: &[
            "CVssWriter::Initialize (wszWriterInstanceName): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriter-initialize",
            "CVssWriterEx::InitializeEx: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriterex-initializeex",
            "Writer Backup Schema Support: https://learn.microsoft.com/en-us/windows/win32/vss/writer-backup-schema-support",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some(schema) = &w.backup_schema else {
        return;
    };
    if !w
        .schema()
        .contains(BackupSchema::WRITER_SUPPORTS_RESTORE_WITH_MOVE)
    {
        return;
    }
    // The name is required of a writer with several instances *that requires restore events*:
    // one that never takes part in restores is not told about them.
    let never = w
        .restore_methods
        .first()
        .and_then(|rm| rm.writer_restore.as_ref())
        .is_some_and(|a| {
            cx.settings.writer_restore(a) == vsslint_model::vocab::WriterRestore::Never
        });
    if never {
        return;
    }
    let Some(id) = w.identification() else {
        return;
    };
    match &id.instance_name {
        Some(n) if !n.raw.trim().is_empty() => {}
        Some(n) => {
            cx.report(n.span, "instanceName is empty, but the writer supports restore with move")
                .label("empty instance name")
                .related(schema.span, "WRITER_SUPPORTS_RESTORE_WITH_MOVE declared here")
                .help("give each instance of the writer a persistent name, unique among the instances of its class, e.g. instanceName=\"Contoso Ledger:Instance1\"");
        }
        None => {
            cx.report(id.node.span, "the writer supports restore with move but has no instanceName")
                .label("no instanceName")
                .related(schema.span, "WRITER_SUPPORTS_RESTORE_WITH_MOVE declared here")
                .help("add a persistent instance name, unique among the instances of the writer class, e.g. instanceName=\"Contoso Ledger:Instance1\"");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::settings::Settings;
    use crate::toolkit::testing::run_rule;

    /// The name is required of a writer that takes part in restores; `never` does not.
    #[test]
    fn a_writer_that_never_restores_needs_no_name() {
        let bad = super::RULE.meta.bad;
        assert_eq!(run_rule(&super::RULE, &Settings::default(), bad).len(), 1);
        let never = bad.replace(r#"writerRestore="always""#, r#"writerRestore="never""#);
        assert!(run_rule(&super::RULE, &Settings::default(), &never).is_empty());
    }
}
