//! `compat/data-source-changed`: the writer data source type changed between the releases.

use crate::rule_api::Pair;
use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_identity::sides;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/data-source-changed" {
        code: "VSL1011",
        severity: Severity::Info,
        summary: "The writer data source type changed between the releases",
        what: "Compares `dataSource` of the two documents of a pair, as written.\n\nFor restoring a backup made with the old release, and for saved selections: no documented effect.",
        why: "The data source type describes the writer's data to requesters; no documented restore behaviour depends on it. A reminder that what the writer says of its data changed.",
        sources: &[
            "Writer metadata document contents: https://learn.microsoft.com/en-us/windows/win32/vss/writer-metadata-document-contents",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let source = sides(pair, |s| {
        let a = s.doc.identification()?.data_source.as_ref()?;
        Some((a.raw, a.span))
    });
    let (Some((old, old_span)), Some((new, new_span))) = source else {
        return;
    };
    if old != new {
        cx.changed(
            old_span,
            new_span,
            format!("the data source changed from {old} to {new}"),
        )
        .label("new data source")
        .help("nothing to do unless backup applications of this writer rely on it");
    }
}
