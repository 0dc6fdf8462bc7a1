//! `compat/reboot-required-removed`: the new release needs no reboot after a restore, where
//! the old one did.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_flags::{flag_moved, Direction::Lost};
use crate::toolkit::compat_writer::reboots;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/reboot-required-removed" {
        code: "VSL1028",
        severity: Severity::Info,
        summary: "The new release needs no reboot after a restore, where the old one did",
        what: "Compares `RESTORE_METHOD/@rebootRequired` of the two releases (absent is `no`) \
    and reports `yes` in the old release become `no` in the new one. Both releases must have \
    a `RESTORE_METHOD`. The finding is at the new release's `rebootRequired` (its \
    `RESTORE_METHOD` when absent), with the old release's.\n\n\
    For restoring a backup made with the old release: its saved metadata asks for a reboot \
    the new writer does not need; the restore only costs one reboot more. For a backup \
    application's saved selections: nothing they name changes.",
        why: "`bRebootRequired` of `SetRestoreMethod` says \"whether a reboot will be required \
    after the restore operation is complete\". Nothing documented makes a reboot more \
    after a restore harmful: reported so that the change is seen.",
        sources: &[
            "IVssCreateWriterMetadata::SetRestoreMethod: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-setrestoremethod",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let Some((o, n)) = reboots(pair) else {
        return;
    };
    if !flag_moved(o, n, |r| Some(r.required), Lost) {
        return;
    }
    cx.changed(
        o.span,
        n.span,
        "rebootRequired changed from yes to no: requesters restoring backups made with the old release still reboot afterwards",
    )
    .label("no reboot required any more")
    .help("nothing to change: restoring an old backup only costs a reboot the new writer does not need");
}
