//! `compat/instance-name-added`: the new release names a writer instance the old one left unnamed.

use crate::rule_api::Pair;
use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_identity::sides;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/instance-name-added" {
        code: "VSL1008",
        severity: Severity::Warning,
        summary: "The new release names a writer instance the old one left unnamed",
        what: "No `instanceName` in the old document and one in the new one: at the new attribute, with the old `IDENTIFICATION`.\n\nFor restoring a backup made with the old release: its stored document names no instance, and the writer now running names one. For saved selections: they name the writer without an instance.",
        why: "Microsoft says the instance name \"is expected to persist between backup and restore\" and is \"used by VSS to correctly restore multiple-instance writers\" (GetIdentityEx, CVssWriter::Initialize). A writer instance is matched at restore by its class ID and its instance name.\n\nWhat the documentation does not say: how VSS pairs a stored document without an instance name with a running writer that has one. Test a restore of an old backup with the new release, or keep the writer unnamed.",
        sources: &[
            "GetIdentityEx: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadataex-getidentityex",
            "CVssWriter::Initialize: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriter-initialize",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let (old_name, new_name) = sides(pair, |s| s.doc.identification()?.instance_name.as_ref());
    if let (None, Some(new)) = (old_name, new_name) {
        cx.added(
            new.span,
            pair.old.identification_span(),
            format!("the new release names the instance \"{}\", which the old one left unnamed", new.raw),
        )
        .label("instanceName added")
        .help("test restoring a backup of the old release with the new one: how VSS matches an unnamed stored instance with a named one is not documented");
    }
}
