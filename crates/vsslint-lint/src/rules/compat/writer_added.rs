//! `compat/writer-added`: the new release has a writer the old one had not.

use crate::rule_api::{companion, compat_rule, Check, Compare, CompareCx, Comparison, Rule};
use crate::rule_meta::{Comparing, Severity};
use crate::toolkit::compat_identity::{id_text, shown};

pub static RULE: Rule = Rule {
    meta: compat_rule!(collection "compat/writer-added" {
        code: "VSL1004",
        severity: Severity::Info,
        summary: "The new release has a writer the old one had not",
        what: "Two collections (folders, backups) are paired writer by writer (see `compat/writer-removed`); a document of the new collection left unpaired is reported at its `IDENTIFICATION`.\n\nFor restoring a backup made with the old release, and for saved selections: nothing; old backups simply do not contain the writer.",
        why: "A new writer breaks nothing of the old release's backups or selections. A reminder that backup applications' catalogs built from the old release do not list it.",
        sources: &[
            "Use of components by the requester: https://learn.microsoft.com/en-us/windows/win32/vss/use-of-components-by-the-requestor",
        ],
        comparing: Some(Comparing {
            collection: true,
            old: &[
                companion!("archive.xml", "rules/compat/writer-added/old"),
                companion!("ledger.xml", "rules/compat/writer-added/old"),
            ],
            new: &[
                companion!("archive.xml", "rules/compat/writer-added/new"),
                companion!("ledger.xml", "rules/compat/writer-added/new"),
                companion!("journal.xml", "rules/compat/writer-added/new"),
            ],
            good: &[
                companion!("archive.xml", "rules/compat/writer-added/good"),
                companion!("ledger.xml", "rules/compat/writer-added/good"),
            ],
        }),
    }),
    check: Check::Compare(Compare::Whole(check)),
};

fn check(cx: &mut CompareCx, cmp: &Comparison) {
    for &n in &cmp.pairing.added {
        let new = &cmp.new[n];
        let name = shown(id_text(new, |id| id.friendly_name.as_ref()));
        cx.report_in(
            new,
            new.identification_span(),
            format!("writer {name} is new in this release"),
        )
        .label("not in the old release")
        .help("nothing to do; backup applications learn of the writer at their next backup");
    }
}
