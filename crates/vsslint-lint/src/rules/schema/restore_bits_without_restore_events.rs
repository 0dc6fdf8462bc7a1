//! `schema/restore-bits-without-restore-events`: restore-time capabilities of a writer that
//! asks for no restore events.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::schema::{decoded, schema_attr, written};
use vsslint_model::flags::{BackupSchema, Mask};
use vsslint_model::model::WriterMetadata;
use vsslint_model::vocab::WriterRestore;

pub static RULE: Rule = Rule {
    meta: rule!("schema/restore-bits-without-restore-events" {
        code: "VSL211",
        severity: Severity::Info,
        summary: "backupSchema announces restore-time capabilities, but writerRestore is never",
        what: "Notes a `backupSchema` with any of `VSS_BS_WRITER_SUPPORTS_RESTORE_WITH_MOVE` \
    (0x200), `VSS_BS_ROLLFORWARD_RESTORE` (0x1000), `VSS_BS_RESTORE_RENAME` (0x2000), \
    `VSS_BS_AUTHORITATIVE_RESTORE` (0x4000) or `VSS_BS_WRITER_SUPPORTS_PARALLEL_RESTORES` \
    (0x8000) when the writer's `RESTORE_METHOD` says `writerRestore=\"never\"`. A writer without \
    a `RESTORE_METHOD`, or with another `writerRestore`, is not noted.",
        why: "These bits describe what the writer itself can do while a backup is restored: \
    move or rename what it restores, roll a restore forward, restore authoritatively, restore \
    in parallel. A requester asks for them through the restore-time calls of the backup \
    components document, and the writer acts on them in its restore events. \
    `VSS_WRE_NEVER` says the writer does not require restore events, so the capabilities it \
    announces have no place to happen: either the writer does need restore events, or the \
    bits were copied from another writer.",
        sources: &[
            "VSS_BACKUP_SCHEMA: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_backup_schema",
            "VSS_WRITERRESTORE_ENUM: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_writerrestore_enum",
            "IVssCreateWriterMetadata::SetRestoreMethod: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-setrestoremethod",
        ],
    }),
    check: Check::Writer(check),
};

/// The bits whose meaning is something the writer does while it is restored.
const AT_RESTORE: BackupSchema = BackupSchema::WRITER_SUPPORTS_RESTORE_WITH_MOVE
    .union(BackupSchema::ROLLFORWARD_RESTORE)
    .union(BackupSchema::RESTORE_RENAME)
    .union(BackupSchema::AUTHORITATIVE_RESTORE)
    .union(BackupSchema::WRITER_SUPPORTS_PARALLEL_RESTORES);

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some((a, s)) = schema_attr(w) else {
        return;
    };
    let bits = s.intersection(AT_RESTORE);
    if bits.is_empty() {
        return;
    }
    let Some(never) = w
        .restore_methods
        .first()
        .and_then(|rm| rm.writer_restore.as_ref())
        .filter(|wr| cx.settings.writer_restore(wr) == WriterRestore::Never)
    else {
        return;
    };
    let names = bits.describe();
    cx.report(
        a.span,
        format!(
            "{}; the writer acts on {names} at restore time, but writerRestore=\"never\" says it does not require restore events",
            decoded(s)
        ),
    )
    .label("restore-time capabilities")
    .related(never.span, "does not require restore events")
    .help(format!(
        "if the writer takes part in restores, write writerRestore=\"always\" and handle the restore events; otherwise clear them: {}",
        written(s.difference(AT_RESTORE))
    ));
}

#[cfg(test)]
mod tests {
    use crate::rule_meta::Severity;
    use crate::settings::Settings;
    use crate::toolkit::testing::run_rule;

    fn on(schema: u32, writer_restore: &str) -> Vec<Severity> {
        let doc = format!(
            r#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2" backupSchema="{schema}"><IDENTIFICATION writerId="5cbc3b8e-4c7a-4b9e-9a5c-2f6f2a1e7d10" instanceId="9f1f5c0a-3b7e-4d2a-8c61-0e4b2d7a9c33" friendlyName="W" usage="USER_DATA" dataSource="OTHER"/><RESTORE_METHOD method="RESTORE_IF_CAN_REPLACE" writerRestore="{writer_restore}" rebootRequired="no"/></WRITER_METADATA>"#
        );
        run_rule(&super::RULE, &Settings::default(), &doc)
            .into_iter()
            .map(|d| d.severity)
            .collect()
    }

    #[test]
    fn restore_bits_need_restore_events() {
        assert_eq!(on(0x4000, "never"), [Severity::Info]);
        assert_eq!(
            on(0x1000 | 0x2000 | 0x8000 | 0x200, "never"),
            [Severity::Info]
        );
        assert!(on(0x4000, "always").is_empty());
        assert!(on(0x4000, "ifReplaceFails").is_empty());
        assert!(on(0x1 | 0x10 | 0x100, "never").is_empty());
    }

    /// `VSS_WRE_NEVER` is documented as "does not require restore events"; whether the
    /// writer is told of a restore is more than the page says.
    #[test]
    fn message_uses_microsofts_wording_for_never() {
        let doc = r#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2" backupSchema="16384"><IDENTIFICATION writerId="5cbc3b8e-4c7a-4b9e-9a5c-2f6f2a1e7d10" instanceId="9f1f5c0a-3b7e-4d2a-8c61-0e4b2d7a9c33" friendlyName="W" usage="USER_DATA" dataSource="OTHER"/><RESTORE_METHOD method="RESTORE_IF_CAN_REPLACE" writerRestore="never" rebootRequired="no"/></WRITER_METADATA>"#;
        let found = run_rule(&super::RULE, &Settings::default(), doc);
        assert_eq!(found.len(), 1);
        let message: &str = &found[0].message;
        assert!(
            message.ends_with("says it does not require restore events"),
            "{message}"
        );
        assert!(!message.contains("told of a restore"), "{message}");
    }
}
