//! `compat/schema-restore-capability-removed`: the new release's `backupSchema` drops a
//! restore capability the old one advertised.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_writer::schemas;
use vsslint_model::flags::{BackupSchema, Mask};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/schema-restore-capability-removed" {
        code: "VSL1016",
        severity: Severity::Error,
        summary: "The new release's backupSchema drops a restore capability the old one advertised",
        what: "Compares the `backupSchema` of the two releases (`VSS_BACKUP_SCHEMA`; absent is \
    0) and reports the restore capabilities set in the old release and clear in the new one: \
    `WRITER_SUPPORTS_NEW_TARGET` (0x100), `WRITER_SUPPORTS_RESTORE_WITH_MOVE` (0x200), \
    `ROLLFORWARD_RESTORE` (0x1000), `RESTORE_RENAME` (0x2000), `AUTHORITATIVE_RESTORE` \
    (0x4000) and `WRITER_SUPPORTS_PARALLEL_RESTORES` (0x8000). The finding is at the new \
    release's `backupSchema` (at the document element when it has none), with the old \
    release's. A value that is not a number is not compared (`schema/format` reports it).\n\n\
    For restoring a backup made with the old release: the metadata saved in the backup still \
    advertises the capability, so a requester that reads it may restore files to a new target, \
    move a component to another writer instance, set a roll-forward point, a restore name or \
    an authoritative restore, or send restore events in parallel, to a writer that no longer \
    says it handles that. For a backup application's saved selections: restore jobs that \
    rely on the capability lose it for new backups.",
        why: "A requester checks a writer's backup schema for `WRITER_SUPPORTS_NEW_TARGET` \
    before it restores files to a new target (`AddNewTarget`), and the writer, told of new \
    targets at `PostRestore`, must have been written to look for them. Moving a component to \
    another writer instance (`SetSelectedForRestoreEx`) can be called only for a writer whose \
    schema says it supports it; the roll-forward, restore name and authoritative restore bits \
    are the writer's support for `SetRollForward`, `SetRestoreName` and \
    `SetAuthoritativeRestore`. At restore the requester reads the metadata saved with the \
    backup, while the writer installed now handles the restore.\n\n\
    Keep the bit, and the code behind it, while backups made with the old release may be \
    restored; when the capability really goes, raise the writer's major version \
    (`InitializeEx`) and make the new writer fail such restores clearly rather than ignore \
    the request.",
        sources: &[
            "Working with new targets during restore: https://learn.microsoft.com/en-us/windows/win32/vss/working-with-new-targets-during-restore",
            "IVssBackupComponentsEx::SetSelectedForRestoreEx: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponentsex-setselectedforrestoreex",
            "Writer backup schema support: https://learn.microsoft.com/en-us/windows/win32/vss/writer-backup-schema-support",
            "VSS_BACKUP_SCHEMA: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_backup_schema",
            "Overview of restore initialization: https://learn.microsoft.com/en-us/windows/win32/vss/overview-of-restore-initialization",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

/// The bits that tell a requester what it may ask of the writer at restore.
const RESTORE_CAPABILITIES: BackupSchema = BackupSchema::WRITER_SUPPORTS_NEW_TARGET
    .union(BackupSchema::WRITER_SUPPORTS_RESTORE_WITH_MOVE)
    .union(BackupSchema::ROLLFORWARD_RESTORE)
    .union(BackupSchema::RESTORE_RENAME)
    .union(BackupSchema::AUTHORITATIVE_RESTORE)
    .union(BackupSchema::WRITER_SUPPORTS_PARALLEL_RESTORES);

fn check(cx: &mut CompareCx, pair: &Pair) {
    let Some(s) = schemas(pair) else {
        return;
    };
    let lost = s.lost(RESTORE_CAPABILITIES);
    if lost.is_empty() {
        return;
    }
    cx.changed(
        s.old.span,
        s.new.span,
        format!(
            "the new release no longer advertises {}, which backups made with the old release still do: {} in the old release, {} in the new one",
            lost.describe().replace(" | ", ", "),
            s.old.shown(),
            s.new.shown()
        ),
    )
    .label(format!("{} cleared", lost.describe()))
    .help(format!(
        "keep {} (backupSchema=\"{}\") and the writer's support for it while old backups may be restored",
        lost.describe(),
        (s.new.bits | lost).bits()
    ));
}
