//! `meta/unused-suppression`: a suppression that silences nothing.

use crate::rule_api::{rule, Check, Rule};
use crate::rule_meta::Severity;

pub static RULE: Rule = Rule {
    meta: rule!("meta/unused-suppression" {
        code: "VSL901",
        severity: Severity::Warning,
        summary: "An inline suppression silences nothing",
        what: "Warns about each rule named in a `<!-- vsslint-ignore RULE: reason -->` comment that \
    raises nothing on the element after the comment (or, for `vsslint-ignore-file`, anywhere in the \
    document).",
        why: "A stale suppression hides the next real finding of that rule on the same element. \
    Writer metadata is regenerated often, so suppressions outlive the problems they were written \
    for; removing them keeps the document's exceptions honest.",
        sources: &[
            "vsslint's suppression syntax: README, \"Suppressing findings\"",
        ],
    }),
    check: Check::Pipeline,
};
