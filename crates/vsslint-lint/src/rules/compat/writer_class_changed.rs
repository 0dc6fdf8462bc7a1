//! `compat/writer-class-changed`: the writer class ID changed between the releases.

use crate::rule_api::Pair;
use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_identity::{id_span, sides};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/writer-class-changed" {
        code: "VSL1002",
        severity: Severity::Error,
        summary: "The writer class ID changed between the releases",
        what: "Compares `writerId` of the two documents of a pair, as GUIDs (case and braces aside). One document against another with the same `friendlyName`, or two documents of two collections paired by their friendly name, are the same writer under another class ID: the finding is at the new `writerId`, with the old one.\n\nFor restoring a backup made with the old release: the backup records the old class, which no running writer has any more. For a backup application's saved selections: they name components by the old class.",
        why: "Microsoft: \"If pidWriter does not match the writer class of any live writer, a requester should not use that writer's components\" (GetIdentityEx). Selecting for restore a component of a writer that is not running fails with VSS_E_OBJECT_NOT_FOUND; a requester identifies a component by the writer class, the logical path and the name; and backup stamps of incremental and differential backups are read by a writer of the same class. A new class ID cuts every old backup and selection off from the writer.\n\nKeep the class ID once released; a writer that really is another one also takes another friendly name.",
        sources: &[
            "GetIdentityEx: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadataex-getidentityex",
            "Overview of preparing for restore: https://learn.microsoft.com/en-us/windows/win32/vss/overview-of-preparing-for-restore",
            "IVssBackupComponents::SetSelectedForRestore: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-setselectedforrestore",
            "Use of components by the requester: https://learn.microsoft.com/en-us/windows/win32/vss/use-of-components-by-the-requestor",
            "Restoring incremental and differential backups: https://learn.microsoft.com/en-us/windows/win32/vss/restoring-incremental-and-differential-backups",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let class = sides(pair, |s| {
        let a = s.doc.identification()?.writer_id.as_ref()?;
        Some((a.value.uuid(), a.raw))
    });
    let (Some((old, old_raw)), Some((new, new_raw))) = class else {
        return;
    };
    if old == new {
        return;
    }
    let span = |s: &crate::rule_api::Side| id_span(s, |id| id.writer_id.as_ref().map(|a| a.span));
    cx.changed(
        span(&pair.old),
        span(&pair.new),
        format!("the writer class ID changed from {old_raw} to {new_raw}"),
    )
    .label("new class ID")
    .help("keep the old release's writerId: requesters find the writer, its old backups and saved selections by it");
}
