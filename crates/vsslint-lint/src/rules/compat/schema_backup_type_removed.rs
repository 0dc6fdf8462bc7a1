//! `compat/schema-backup-type-removed`: the new release's `backupSchema` drops a backup type
//! the old one supported.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_writer::schemas;
use vsslint_model::flags::{BackupSchema, Mask};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/schema-backup-type-removed" {
        code: "VSL1015",
        severity: Severity::Error,
        summary: "The new release's backupSchema drops a backup type the old one supported",
        what: "Compares the `backupSchema` of the two releases (`VSS_BACKUP_SCHEMA`; absent is \
    0) and reports the backup types set in the old release and clear in the new one: \
    `DIFFERENTIAL` (0x1), `INCREMENTAL` (0x2), `LOG` (0x8) and `COPY` (0x10). The finding is \
    at the new release's `backupSchema` (at the document element when it has none), with the \
    old release's. A value that is not a number is not compared (`schema/format` reports it).\n\n\
    For restoring a backup made with the old release: the backup restores from the metadata \
    it saved, but a chain of differential or incremental backups begun with the old release \
    cannot go on in that type once the new one is installed. For a backup application's saved \
    selections: a job that takes differential, incremental, log or copy backups of the writer \
    no longer gets the writer's support for them.",
        why: "A requester reads a writer's backup schema (`GetBackupSchema`) to find which \
    backup types the writer supports before it sets the backup type. A writer whose schema \
    lacks the type of an incremental or differential backup \"cannot provide any direct \
    support\" to it: the requester backs up none of the writer's files, all of them, or works \
    from its own history. A writer should treat a backup of a type its schema lacks as a full \
    backup, and a full backup, unlike a copy backup, updates the backup history that later \
    incremental and differential backups are based on.\n\n\
    Keep the bit while the writer can still take part in that type of backup. When the type \
    really goes, raise the writer's major version (`InitializeEx`) and say so in the release \
    notes, so that backup jobs of that type can be changed before they run against the new \
    release.",
        sources: &[
            "Requester role in VSS incremental and differential backups: https://learn.microsoft.com/en-us/windows/win32/vss/requestor-role-in-vss-incremental-and-differential-backups",
            "VSS_BACKUP_SCHEMA: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_backup_schema",
            "VSS backup state: https://learn.microsoft.com/en-us/windows/win32/vss/vss-backup-state",
            "Writer backup schema support: https://learn.microsoft.com/en-us/windows/win32/vss/writer-backup-schema-support",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

/// The bits that name a backup type a requester sets (`VSS_BACKUP_TYPE`).
const BACKUP_TYPES: BackupSchema = BackupSchema::DIFFERENTIAL
    .union(BackupSchema::INCREMENTAL)
    .union(BackupSchema::LOG)
    .union(BackupSchema::COPY);

fn check(cx: &mut CompareCx, pair: &Pair) {
    let Some(s) = schemas(pair) else {
        return;
    };
    let lost = s.lost(BACKUP_TYPES);
    if lost.is_empty() {
        return;
    }
    let kept = s.new.bits | lost;
    cx.changed(
        s.old.span,
        s.new.span,
        format!(
            "the new release no longer supports {} backups: {} in the old release, {} in the new one",
            lost.describe().replace(" | ", ", "),
            s.old.shown(),
            s.new.shown()
        ),
    )
    .label(format!("{} cleared", lost.describe()))
    .help(format!(
        "keep {} (backupSchema=\"{}\") while the writer can take part in those backups; if a type really goes, raise the writer's major version",
        lost.describe(),
        kept.bits()
    ));
}
