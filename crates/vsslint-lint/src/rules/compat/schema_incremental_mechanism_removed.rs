//! `compat/schema-incremental-mechanism-removed`: the new release's `backupSchema` drops the
//! backup stamp or last-modification mechanism the old one used.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_writer::schemas;
use vsslint_model::flags::{BackupSchema, Mask};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/schema-incremental-mechanism-removed" {
        code: "VSL1017",
        severity: Severity::Warning,
        summary: "The new release's backupSchema drops TIMESTAMPED or LAST_MODIFY",
        what: "Compares the `backupSchema` of the two releases (`VSS_BACKUP_SCHEMA`; absent is \
    0) and reports `TIMESTAMPED` (0x20) or `LAST_MODIFY` (0x40) set in the old release and \
    clear in the new one. The finding is at the new release's `backupSchema` (at the document \
    element when it has none), with the old release's. A value that is not a number is not \
    compared (`schema/format` reports it).\n\n\
    For restoring a backup made with the old release: with `TIMESTAMPED`, the writer stored a \
    backup stamp in each backup, which the writer now installed is given back at restore and \
    no longer says it uses. For a backup application's saved selections: a differential or \
    incremental job that chose files by the writer's stamps or last-modification times loses \
    that information; the chain it continues was begun with it.",
        why: "With `TIMESTAMPED`, at backup the writer must store a file set's backup stamp \
    (`IVssComponent::SetBackupStamp`) and at restore retrieve it \
    (`IVssComponent::GetPreviousBackupStamp`). With `LAST_MODIFY`, the writer gives \
    last-modification times of its files (`AddDifferencedFilesByLastModifyTime`), which the \
    requester uses to decide what an incremental or differential backup includes.\n\n\
    What the documentation does not say: what a writer that no longer declares the mechanism \
    does with the stamps of backups made before, at restore or when a requester passes one as \
    the previous stamp of the next backup; and how a requester should continue a chain that \
    was begun with the mechanism.\n\n\
    Keep the bit while backup chains begun with the old release may still be extended or \
    restored. If the mechanism goes, make the new writer accept the old stamps, or reject \
    them clearly, tell backup applications to begin a new chain with a full backup, and raise \
    the writer's major version (`InitializeEx`).",
        sources: &[
            "Writer backup schema support: https://learn.microsoft.com/en-us/windows/win32/vss/writer-backup-schema-support",
            "VSS_BACKUP_SCHEMA: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_backup_schema",
            "Requester role in VSS incremental and differential backups: https://learn.microsoft.com/en-us/windows/win32/vss/requestor-role-in-vss-incremental-and-differential-backups",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

const MECHANISMS: BackupSchema = BackupSchema::TIMESTAMPED.union(BackupSchema::LAST_MODIFY);

fn check(cx: &mut CompareCx, pair: &Pair) {
    let Some(s) = schemas(pair) else {
        return;
    };
    let lost = s.lost(MECHANISMS);
    if lost.is_empty() {
        return;
    }
    cx.changed(
        s.old.span,
        s.new.span,
        format!(
            "the new release no longer uses {} for incremental and differential backups: {} in the old release, {} in the new one",
            lost.describe().replace(" | ", ", "),
            s.old.shown(),
            s.new.shown()
        ),
    )
    .label(format!("{} cleared", lost.describe()))
    .help(format!(
        "keep {} (backupSchema=\"{}\") while backup chains begun with the old release may be continued or restored; if it goes, make the new writer handle the old backups' stamps and raise its major version",
        lost.describe(),
        (s.new.bits | lost).bits()
    ));
}
