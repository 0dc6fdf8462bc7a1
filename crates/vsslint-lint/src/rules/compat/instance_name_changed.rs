//! `compat/instance-name-changed`: the writer instance name changed between the releases.

use crate::rule_api::Pair;
use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_identity::sides;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/instance-name-changed" {
        code: "VSL1006",
        severity: Severity::Error,
        summary: "The writer instance name changed between the releases",
        what: "Compares `instanceName` of the two documents of a pair, exactly as written, when both have one. (Two collections pair documents by class and instance name first; a class with one document left on each side is paired whatever its instance names, so that the change is found.)\n\nFor restoring a backup made with the old release: the backup names the instance the old way, which no running instance has. For saved selections: they name the old instance.",
        why: "Microsoft says the instance name \"is expected to persist between backup and restore\" and is \"used by VSS to correctly restore multiple-instance writers\" (GetIdentityEx, CVssWriter::Initialize). A writer instance is matched at restore by its class ID and its instance name.\n\nKeep each instance's name across releases; name a new instance anew.",
        sources: &[
            "GetIdentityEx: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadataex-getidentityex",
            "CVssWriter::Initialize: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriter-initialize",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let (old_name, new_name) = sides(pair, |s| s.doc.identification()?.instance_name.as_ref());
    let (Some(old), Some(new)) = (old_name, new_name) else {
        return;
    };
    if old.raw != new.raw {
        cx.changed_attr(
            old,
            new,
            format!("the instance name changed from \"{}\" to \"{}\"", old.raw, new.raw),
        )
        .label("new instance name")
        .help("keep the old release's instanceName: VSS matches a multiple-instance writer at restore by it");
    }
}
