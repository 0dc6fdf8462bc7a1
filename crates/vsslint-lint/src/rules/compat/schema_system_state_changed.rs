//! `compat/schema-system-state-changed`: the new release's `backupSchema` no longer says its
//! system-state data can be backed up on its own.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_writer::schemas;
use vsslint_model::flags::BackupSchema;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/schema-system-state-changed" {
        code: "VSL1019",
        severity: Severity::Warning,
        summary: "The new release's backupSchema drops INDEPENDENT_SYSTEM_STATE",
        what: "Compares the `backupSchema` of the two releases (`VSS_BACKUP_SCHEMA`; absent is \
    0) and reports `INDEPENDENT_SYSTEM_STATE` (0x400) set in the old release and clear in the \
    new one. The finding is at the new release's `backupSchema` (at the document element when \
    it has none), with the old release's. A value that is not a number is not compared \
    (`schema/format` reports it).\n\n\
    For restoring a backup made with the old release: backups that took the writer's data \
    apart from the rest of the system state were made while the writer said that could be \
    done. For a backup application's saved selections: a job that selects the writer's \
    components without the system state selects what the writer no longer says can be backed \
    up on its own.",
        why: "The bit says that \"the writer supports backing up data that is part of the \
    system state, but that can also be backed up independently of the system state\". \
    Requesters read it with the rest of the schema when they choose what to back up.\n\n\
    What the documentation does not say: how requesters, or VSS, treat a selection of the \
    writer's components without the system state once the bit is gone, and whether a backup \
    made that way under the old release may still be restored without the rest of the system \
    state.\n\n\
    Keep the bit while the writer's data can still be backed up and restored apart from the \
    system state; if it goes, say so in the release notes and raise the writer's minor version \
    (`InitializeEx`).",
        sources: &[
            "VSS_BACKUP_SCHEMA: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_backup_schema",
            "Writer backup schema support: https://learn.microsoft.com/en-us/windows/win32/vss/writer-backup-schema-support",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let Some(s) = schemas(pair) else {
        return;
    };
    if s.lost(BackupSchema::INDEPENDENT_SYSTEM_STATE).is_empty() {
        return;
    }
    cx.changed(
        s.old.span,
        s.new.span,
        format!(
            "the new release no longer says its data can be backed up apart from the system state (INDEPENDENT_SYSTEM_STATE): {} in the old release, {} in the new one",
            s.old.shown(),
            s.new.shown()
        ),
    )
    .label("INDEPENDENT_SYSTEM_STATE cleared")
    .help(format!(
        "keep INDEPENDENT_SYSTEM_STATE (backupSchema=\"{}\") while the writer's data can still be backed up and restored on its own",
        (s.new.bits | BackupSchema::INDEPENDENT_SYSTEM_STATE).bits()
    ));
}
