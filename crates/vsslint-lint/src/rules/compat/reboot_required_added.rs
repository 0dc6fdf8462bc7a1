//! `compat/reboot-required-added`: the new release needs a reboot after a restore, where the
//! old one did not.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_flags::{flag_moved, Direction::Gained};
use crate::toolkit::compat_writer::reboots;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/reboot-required-added" {
        code: "VSL1027",
        severity: Severity::Warning,
        summary: "The new release needs a reboot after a restore, where the old one did not",
        what: "Compares `RESTORE_METHOD/@rebootRequired` of the two releases (absent is `no`) \
    and reports `no` in the old release become `yes` in the new one. Both releases must have \
    a `RESTORE_METHOD` (a missing one is `compat/restore-method-changed`). The finding is at \
    the new release's `rebootRequired` (its `RESTORE_METHOD` when absent), with the old \
    release's.\n\n\
    For restoring a backup made with the old release: its saved metadata tells the requester \
    that no reboot is needed after the restore, while the writer now installed needs one. For \
    a backup application's saved selections: nothing they name changes.",
        why: "`bRebootRequired` of `SetRestoreMethod` says \"whether a reboot will be required \
    after the restore operation is complete\"; the requester reads it with \
    `GetRestoreMethod`, at restore from the metadata saved with the backup.\n\n\
    What the documentation does not say: what the new writer's data is like between a \
    restore of an old backup and the next reboot, when the requester, told none is needed, \
    does not reboot.\n\n\
    Make the new writer finish a restore of an old backup without a reboot, or detect that \
    none happened and say so; raise the writer's minor version (`InitializeEx`).",
        sources: &[
            "IVssCreateWriterMetadata::SetRestoreMethod: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-setrestoremethod",
            "Overview of restore initialization: https://learn.microsoft.com/en-us/windows/win32/vss/overview-of-restore-initialization",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let Some((o, n)) = reboots(pair) else {
        return;
    };
    if !flag_moved(o, n, |r| Some(r.required), Gained) {
        return;
    }
    cx.changed(
        o.span,
        n.span,
        "rebootRequired changed from no to yes: backups made with the old release tell requesters that no reboot is needed after the restore",
    )
    .label("a reboot is now required")
    .help("make the new writer complete a restore of an old backup without a reboot, or detect that none happened; raise its minor version");
}
