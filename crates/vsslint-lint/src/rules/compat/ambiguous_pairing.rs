//! `compat/ambiguous-pairing`: two documents of one release have the same writer class and instance name.

use crate::rule_api::{companion, compat_rule, Check, Compare, CompareCx, Comparison, Rule};
use crate::rule_meta::{Comparing, Severity};
use crate::toolkit::compat_identity::{id_text, shown};

pub static RULE: Rule = Rule {
    meta: compat_rule!(collection "compat/ambiguous-pairing" {
        code: "VSL1005",
        severity: Severity::Warning,
        summary: "Two documents of one release have the same writer class and instance name",
        what: "Pairs the documents of two collections by class ID and instance name (none counting as one value): two documents of one side with the same pair cannot be told apart, and neither they nor the other side's documents of that writer are compared. Reported at the second document's `IDENTIFICATION`, with the first.",
        why: "A release has one document per writer instance; VSS matches a multiple-instance writer by its class and instance name (GetIdentityEx, CVssWriter::Initialize). Two documents with the same pair are usually a copy left in the folder, or instances that should have names of their own. What the documentation does not say: which of the two a requester would use.",
        sources: &[
            "GetIdentityEx: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadataex-getidentityex",
            "CVssWriter::Initialize: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriter-initialize",
        ],
        comparing: Some(Comparing {
            collection: true,
            old: &[
                companion!("archive.xml", "rules/compat/ambiguous-pairing/old"),
                companion!("ledger.xml", "rules/compat/ambiguous-pairing/old"),
            ],
            new: &[
                companion!("archive.xml", "rules/compat/ambiguous-pairing/new"),
                companion!("archive-copy.xml", "rules/compat/ambiguous-pairing/new"),
                companion!("ledger.xml", "rules/compat/ambiguous-pairing/new"),
            ],
            good: &[
                companion!("archive.xml", "rules/compat/ambiguous-pairing/good"),
                companion!("ledger.xml", "rules/compat/ambiguous-pairing/good"),
            ],
        }),
    }),
    check: Check::Compare(Compare::Whole(check)),
};

fn check(cx: &mut CompareCx, cmp: &Comparison) {
    for (groups, sides, release) in [
        (&cmp.pairing.ambiguous_old, &cmp.old, "old"),
        (&cmp.pairing.ambiguous_new, &cmp.new, "new"),
    ] {
        for group in groups {
            let first = &sides[group[0]];
            let span = first.identification_span();
            let start = first.position(span.start);
            for &i in &group[1..] {
                let doc = &sides[i];
                let instance = shown(id_text(doc, |id| id.instance_name.as_ref()));
                cx.report_in(
                    doc,
                    doc.identification_span(),
                    format!("another document of the {release} release has this writer class and instance name {instance}: neither is compared"),
                )
                .label("the same writer class and instance name as another")
                .help("keep one document per writer instance: remove the copy, or give each instance its own instanceName")
                .related_in(first.path, span, start, "the other document");
            }
        }
    }
}
