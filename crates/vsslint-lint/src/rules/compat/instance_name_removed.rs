//! `compat/instance-name-removed`: the writer instance name of the old release is gone from the new one.

use crate::rule_api::Pair;
use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_identity::sides;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/instance-name-removed" {
        code: "VSL1007",
        severity: Severity::Error,
        summary: "The writer instance name of the old release is gone from the new one",
        what: "An `instanceName` in the old document and none in the new one: at the new `IDENTIFICATION`, with the old attribute.\n\nFor restoring a backup made with the old release: the backup names an instance that the new writer does not name. For saved selections: they name that instance.",
        why: "Microsoft says the instance name \"is expected to persist between backup and restore\" and is \"used by VSS to correctly restore multiple-instance writers\" (GetIdentityEx, CVssWriter::Initialize). A writer instance is matched at restore by its class ID and its instance name.\n\nKeep the instance name the old release gave.",
        sources: &[
            "GetIdentityEx: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadataex-getidentityex",
            "CVssWriter::Initialize: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriter-initialize",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let (old_name, new_name) = sides(pair, |s| s.doc.identification()?.instance_name.as_ref());
    if let (Some(old), None) = (old_name, new_name) {
        cx.removed(
            old.span,
            pair.new.identification_span(),
            format!(
                "the instance name \"{}\" of the old release is gone from the new one",
                old.raw
            ),
        )
        .label("no instanceName here")
        .help(format!(
            "keep instanceName=\"{}\": VSS matches a multiple-instance writer at restore by it",
            old.raw
        ));
    }
}
