//! `compat/writer-removed`: a writer of the old release has no document in the new one.

use crate::rule_api::{companion, compat_rule, Check, Compare, CompareCx, Comparison, Rule};
use crate::rule_meta::{Comparing, Severity};
use crate::toolkit::compat_identity::{id_text, shown};

pub static RULE: Rule = Rule {
    meta: compat_rule!(collection "compat/writer-removed" {
        code: "VSL1003",
        severity: Severity::Error,
        summary: "A writer of the old release has no document in the new one",
        what: "Two collections (folders, backups) are paired writer by writer: by class ID and instance name, then by class ID alone when one document of the class is left on each side, then by friendly name. A document of the old collection left unpaired is reported in the old document, at its `IDENTIFICATION`: there is no new document to point at.\n\nFor restoring a backup made with the old release: its components belong to a writer the new release does not have. For saved selections: every selection of the writer fails.",
        why: "Microsoft: \"If pidWriter does not match the writer class of any live writer, a requester should not use that writer's components\" (GetIdentityEx), and selecting for restore a component of a writer that is not running fails with VSS_E_OBJECT_NOT_FOUND. Ship every writer of the old release in the new one, or say in the release notes that its backups can no longer be restored through VSS.",
        sources: &[
            "GetIdentityEx: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadataex-getidentityex",
            "Overview of preparing for restore: https://learn.microsoft.com/en-us/windows/win32/vss/overview-of-preparing-for-restore",
            "Use of components by the requester: https://learn.microsoft.com/en-us/windows/win32/vss/use-of-components-by-the-requestor",
        ],
        comparing: Some(Comparing {
            collection: true,
            old: &[
                companion!("archive.xml", "rules/compat/writer-removed/old"),
                companion!("ledger.xml", "rules/compat/writer-removed/old"),
            ],
            new: &[
                companion!("ledger.xml", "rules/compat/writer-removed/new"),
            ],
            good: &[
                companion!("archive.xml", "rules/compat/writer-removed/good"),
                companion!("ledger.xml", "rules/compat/writer-removed/good"),
            ],
        }),
    }),
    check: Check::Compare(Compare::Whole(check)),
};

fn check(cx: &mut CompareCx, cmp: &Comparison) {
    for &o in &cmp.pairing.removed {
        let old = &cmp.old[o];
        let name = shown(id_text(old, |id| id.friendly_name.as_ref()));
        let instance = id_text(old, |id| id.instance_name.as_ref())
            .map(|i| format!(", instance \"{i}\""))
            .unwrap_or_default();
        cx.in_old_only(
            old,
            old.identification_span(),
            format!("writer {name}{instance} of the old release has no document in the new one"),
        )
        .label("this writer is not in the new release")
        .help("ship the writer in the new release with the same class ID and instance name, or tell users that its old backups cannot be restored through it");
    }
}
