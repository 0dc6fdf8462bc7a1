//! `meta/invalid-suppression`: a suppression comment that cannot be read.

use crate::rule_api::{rule, Check, Rule};
use crate::rule_meta::Severity;

pub static RULE: Rule = Rule {
    meta: rule!("meta/invalid-suppression" {
        code: "VSL902",
        severity: Severity::Warning,
        summary: "An inline suppression is malformed or names an unknown rule",
        what: "Reports a comment that starts with `vsslint-ignore` or `vsslint-ignore-file` but \
    does not follow `vsslint-ignore RULE[, RULE…]: reason`: no colon, an empty reason, no rule, a \
    rule that does not exist, a rule that cannot be suppressed inline (`doc/encoding`, \
    `doc/not-well-formed`), or a `vsslint-ignore` that is not followed by an element.",
        why: "A suppression that cannot be read suppresses nothing, so the finding it was meant to \
    silence keeps failing the build while the comment suggests otherwise. The reason is required so \
    that the next reader knows why the exception is safe.",
        sources: &[
            "vsslint's suppression syntax: README, \"Suppressing findings\"",
        ],
    }),
    check: Check::Pipeline,
};
