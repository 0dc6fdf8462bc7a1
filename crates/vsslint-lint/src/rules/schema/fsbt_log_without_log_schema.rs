//! `schema/fsbt-log-without-log-schema`: a file set asks for log backups the writer lacks.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::attrs::parsed;
use vsslint_model::flags::{BackupSchema, FileSpecBackupType, Mask};
use vsslint_model::model::{Component, FileSet, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("schema/fsbt-log-without-log-schema" {
        code: "VSL210",
        severity: Severity::Info,
        summary: "A file set sets LOG backup bits explicitly while backupSchema has no LOG",
        what: "Notes a file set whose `filespecBackupType` differs from the default 3855 (0xF0F) \
    and sets `VSS_FSBT_LOG_BACKUP_REQUIRED` (0x8) or `VSS_FSBT_LOG_SNAPSHOT_REQUIRED` (0x800), \
    in a writer whose `backupSchema` lacks `VSS_BS_LOG` (0x8). The default mask contains the log \
    bits too and is not reported: writers that pass no mask get it. The connection between the \
    two masks is an inference, hence info.",
        why: "The log bits of a file set say how its files take part in log backups. A writer \
    without the LOG schema never takes part in one, so a mask chosen on purpose with log bits \
    suggests that the writer's schema misses LOG, or that the mask was copied from another writer.",
        sources: &[
            "VSS_FILE_SPEC_BACKUP_TYPE: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_file_spec_backup_type",
            "VSS_BACKUP_SCHEMA: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_backup_schema",
            "File-Level Schema Support: https://learn.microsoft.com/en-us/windows/win32/vss/file-level-schema-support",
        ],
    }),
    check: Check::FileSet(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata, _: &Component, f: &FileSet) {
    let Some((a, m)) = parsed(&f.backup_type) else {
        return;
    };
    let log = FileSpecBackupType::LOG_BACKUP_REQUIRED | FileSpecBackupType::LOG_SNAPSHOT_REQUIRED;
    if m.bits() == FileSpecBackupType::DEFAULT || !m.intersects(log) {
        return;
    }
    if w.schema().contains(BackupSchema::LOG) {
        return;
    }
    let mut rest = m.difference(log);
    let keep = if rest.intersects(FileSpecBackupType::ALL_BACKUP_REQUIRED) {
        "clear the log bits"
    } else {
        // Without any backup bit the file set would never be copied.
        rest |= FileSpecBackupType::FULL_BACKUP_REQUIRED;
        "clear the log bits and keep the files in full backups"
    };
    let d = cx
        .report(
            a.span,
            format!(
                "{} filespecBackupType {} = {} asks for log backups, but the writer's backupSchema has no LOG",
                f.kind.element(),
                m.bits(),
                m.describe(),
            ),
        )
        .label("log bits")
        .help(format!(
            "if the writer supports log backups, add LOG (0x8) to backupSchema; otherwise {keep}: filespecBackupType=\"{}\"",
            rest.bits()
        ));
    if let Some(s) = &w.backup_schema {
        d.related(s.span, "backupSchema without LOG");
    }
}
