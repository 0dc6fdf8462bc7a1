//! `compat/schema-restriction-added`: the new release's `backupSchema` forbids mixing
//! incremental and differential backups.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_writer::schemas;
use vsslint_model::flags::BackupSchema;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/schema-restriction-added" {
        code: "VSL1018",
        severity: Severity::Warning,
        summary: "The new release's backupSchema forbids mixing incremental and differential backups",
        what: "Compares the `backupSchema` of the two releases (`VSS_BACKUP_SCHEMA`; absent is \
    0) and reports `EXCLUSIVE_INCREMENTAL_DIFFERENTIAL` (0x4) clear in the old release and set \
    in the new one. The finding is at the new release's `backupSchema`, with the old \
    release's (at its document element when it has none). A value that is not a number is not \
    compared (`schema/format` reports it).\n\n\
    For restoring a backup made with the old release: a chain that mixed incremental and \
    differential backups was made under no such restriction. For a backup application's saved \
    selections: a schedule that follows incremental backups of the writer with differential \
    ones, or the other way round, now breaks the writer's rule.",
        why: "The bit says that the writer supports differential and incremental backups \
    \"only exclusively\": \"you cannot follow an incremental backup with a differential \
    backup\". Requesters read it, with the rest of the schema, before they choose the type of \
    a backup.\n\n\
    What the documentation does not say: what the writer does when a requester, working from a \
    schedule set up under the old release, follows one type with the other anyway, and how a \
    chain that already mixed them is to be continued.\n\n\
    Leave the bit out unless the new release cannot work otherwise; if it must be set, say so \
    in the release notes so that schedules are changed, and raise the writer's minor version \
    (`InitializeEx`).",
        sources: &[
            "Writer backup schema support: https://learn.microsoft.com/en-us/windows/win32/vss/writer-backup-schema-support",
            "VSS_BACKUP_SCHEMA: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_backup_schema",
            "Requester role in VSS incremental and differential backups: https://learn.microsoft.com/en-us/windows/win32/vss/requestor-role-in-vss-incremental-and-differential-backups",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let Some(s) = schemas(pair) else {
        return;
    };
    if s.gained(BackupSchema::EXCLUSIVE_INCREMENTAL_DIFFERENTIAL)
        .is_empty()
    {
        return;
    }
    cx.changed(
        s.old.span,
        s.new.span,
        format!(
            "the new release sets EXCLUSIVE_INCREMENTAL_DIFFERENTIAL, so incremental and differential backups of the writer may no longer follow one another: {} in the old release, {} in the new one",
            s.old.shown(),
            s.new.shown()
        ),
    )
    .label("EXCLUSIVE_INCREMENTAL_DIFFERENTIAL set")
    .help(format!(
        "leave EXCLUSIVE_INCREMENTAL_DIFFERENTIAL out (backupSchema=\"{}\") unless the writer cannot mix the two types; if it must stay, tell backup applications to change their schedules",
        (s.new.bits - BackupSchema::EXCLUSIVE_INCREMENTAL_DIFFERENTIAL).bits()
    ));
}
