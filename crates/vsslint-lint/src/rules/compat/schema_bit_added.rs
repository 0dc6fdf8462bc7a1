//! `compat/schema-bit-added`: the new release's `backupSchema` sets a bit the old one did
//! not.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_writer::schemas;
use vsslint_model::flags::{BackupSchema, Mask};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/schema-bit-added" {
        code: "VSL1020",
        severity: Severity::Info,
        summary: "The new release's backupSchema sets a bit the old one did not",
        what: "Compares the `backupSchema` of the two releases (`VSS_BACKUP_SCHEMA`; absent is \
    0) and reports the bits clear in the old release and set in the new one, but for \
    `EXCLUSIVE_INCREMENTAL_DIFFERENTIAL` (0x4), which restricts what requesters may do and is \
    `compat/schema-restriction-added`. Bits no constant names count too. The finding is at \
    the new release's `backupSchema`, with the old release's (at its document element when it \
    has none). A value that is not a number is not compared (`schema/format` reports it).\n\n\
    For restoring a backup made with the old release: the metadata saved in the backup does \
    not have the bit, and the requester restores as before. For a backup application's saved \
    selections: the writer offers a backup type or a restore capability more; nothing the \
    selections name goes.",
        why: "A bit of the backup schema tells a requester that the writer supports a type of \
    backup or a restore capability; requesters read it with `GetBackupSchema` before they \
    use it. Gaining one takes nothing away from old backups or saved selections: reported so \
    that the change is seen, and so that the writer's minor version (`InitializeEx`) is \
    raised with it.",
        sources: &[
            "Writer backup schema support: https://learn.microsoft.com/en-us/windows/win32/vss/writer-backup-schema-support",
            "VSS_BACKUP_SCHEMA: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_backup_schema",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let Some(s) = schemas(pair) else {
        return;
    };
    let others =
        BackupSchema::from_bits_retain(!BackupSchema::EXCLUSIVE_INCREMENTAL_DIFFERENTIAL.bits());
    let gained = s.gained(others);
    if gained.is_empty() {
        return;
    }
    cx.changed(
        s.old.span,
        s.new.span,
        format!(
            "the new release also sets {}: {} in the old release, {} in the new one",
            gained.describe().replace(" | ", ", "),
            s.old.shown(),
            s.new.shown()
        ),
    )
    .label(format!("{} set", gained.describe()))
    .help("nothing to change for old backups, which restore as before; raise the writer's minor version with the new capability");
}
