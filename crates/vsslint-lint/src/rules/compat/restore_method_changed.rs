//! `compat/restore-method-changed`: the new release restores its data by another method
//! than the one old backups recorded.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_writer::{
    method_shown, restore_method_span, restore_methods, restores_at_reboot, same_method,
};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/restore-method-changed" {
        code: "VSL1022",
        severity: Severity::Warning,
        summary: "The new release's restore method differs from the old one's",
        what: "Compares `RESTORE_METHOD/@method` of the two releases: by the \
    `VSS_RESTOREMETHOD_ENUM` value it stands for, so two spellings of one value are the same \
    method, and as written for a spelling outside the vocabulary. A document without \
    `RESTORE_METHOD`, or without `method`, has no method. The finding is at the new \
    release's `method`, with the old release's; when one side has no method, at the \
    `RESTORE_METHOD` that survives (or the document element) on that side.\n\n\
    For restoring a backup made with the old release: the requester restores by the method \
    saved in the backup, the old one, while the writer now installed expects its data to be \
    restored by the new one. For a backup application's saved selections: nothing they name \
    changes; new backups are restored by the new method.",
        why: "The restore method \"is specified by a writer at a backup time\" and defines \
    \"the method to be used to restore all its components in the future\"; a requester \
    obtains it with `GetRestoreMethod` and \"must respect\" it. At restore the requester \
    uses the metadata saved with the backup, while the installed writer handles \
    `PreRestore` and `PostRestore`.\n\n\
    What the documentation does not say: how a writer should handle files restored by a \
    method it no longer declares.\n\n\
    Make the new writer handle files restored by the old method. It can change how the \
    components of an old backup are restored while handling `PreRestore` \
    (`IVssComponent::SetRestoreTarget`), except when the old method restores at reboot \
    (`RESTORE_AT_REBOOT`, `RESTORE_AT_REBOOT_IF_CANNOT_REPLACE`): restore targets cannot \
    affect files replaced while the system restarts. Raise the writer's minor version \
    (`InitializeEx`).",
        sources: &[
            "VSS restore configurations: https://learn.microsoft.com/en-us/windows/win32/vss/vss-restore-configurations",
            "Setting VSS restore methods: https://learn.microsoft.com/en-us/windows/win32/vss/setting-vss-restore-methods",
            "Setting VSS restore targets: https://learn.microsoft.com/en-us/windows/win32/vss/setting-vss-restore-targets",
            "Overview of restore initialization: https://learn.microsoft.com/en-us/windows/win32/vss/overview-of-restore-initialization",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let (old_rm, new_rm) = restore_methods(pair);
    let old = old_rm.and_then(|rm| rm.method.as_ref());
    let new = new_rm.and_then(|rm| rm.method.as_ref());
    if same_method(old, new) {
        return;
    }
    let message = format!(
        "restore method changed from {} to {}: backups made with the old release are still restored by {}",
        method_shown(old),
        method_shown(new),
        method_shown(old)
    );
    let d = match (old, new) {
        (Some(o), Some(n)) => cx.changed_attr(o, n, message),
        (Some(o), None) => cx.removed(o.span, restore_method_span(&pair.new, new_rm), message),
        (None, Some(n)) => cx.added(n.span, restore_method_span(&pair.old, old_rm), message),
        (None, None) => return,
    };
    d.label("the new restore method");
    if restores_at_reboot(old) {
        d.help("old backups restore their files at reboot, which restore targets cannot change: make the new writer handle files replaced that way, and raise its minor version");
    } else {
        d.help("make the new writer handle files restored by the old method, or change how old backups' components are restored in OnPreRestore (IVssComponent::SetRestoreTarget); raise the writer's minor version");
    }
}
