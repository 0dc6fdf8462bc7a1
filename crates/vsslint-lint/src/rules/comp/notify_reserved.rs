//! `comp/notify-reserved`: `notifyOnBackupComplete="yes"`.

use crate::diagnostic::{Applicability, Fix};
use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::{Component, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("comp/notify-reserved" {
        code: "VSL410",
        fix: Some(crate::rule_meta::Applicability::Unsafe),
        severity: Severity::Info,
        summary: "notifyOnBackupComplete=\"yes\" on a component",
        what: "Notes a component with `notifyOnBackupComplete=\"yes\"`. Expected on real data: \
    the SQL Server writer sets it on every database, and the FRS writer's documented example \
    sets it too.",
        why: "`IVssCreateWriterMetadata::AddComponent` calls the parameter reserved and says it \
    should always be false, yet Microsoft's own writers set it. Nothing breaks; the note is there \
    so that a writer author knows the flag has no documented meaning for requesters.",
        sources: &[
            "IVssCreateWriterMetadata::AddComponent (bNotifyOnBackupComplete): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addcomponent",
            "Backing Up and Restoring an FRS-Replicated SYSVOL Folder: https://learn.microsoft.com/en-us/windows/win32/vss/backing-up-and-restoring-an-frs-replicated-sysvol-folder",
            "The SQL Server 2017 writer writes notifyOnBackupComplete=\"yes\" on all its components (DiskShadow output)",
        ],
    }),
    check: Check::Component(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component) {
    let Some(a) = &c.notify_on_backup_complete else {
        return;
    };
    if a.value == Some(true) {
        cx.report(
            a.span,
            format!(
                "component `{}` sets notifyOnBackupComplete, which AddComponent documents as reserved",
                c.full_name()
            ),
        )
        .label("reserved flag set")
        .fix(
            "nothing to fix if the writer relies on it (the SQL Server writer does); otherwise write notifyOnBackupComplete=\"no\"",
            Fix::replace(a.span, "no", Applicability::Unsafe),
        );
    }
}
