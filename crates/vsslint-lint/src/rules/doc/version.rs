//! `doc/version`: the root's `version` is `1.2`.

use crate::diagnostic::{Applicability, Fix};
use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("doc/version" {
        code: "VSL005",
        severity: Severity::Info,
        fix: Some(crate::rule_meta::Applicability::Safe),
        summary: "The document's version attribute is missing or not 1.2",
        what: "Notes a `WRITER_METADATA` without `version`, or with a value other than `1.2`.",
        why: "Every document Windows writes says `version=\"1.2\"`; Microsoft does not document \
    what other values mean, so a different value usually points at a hand-edited or generated \
    document.",
        sources: &[
            "All writer metadata documents in real DiskShadow output carry version=\"1.2\"",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    match &w.version {
        None => {
            // Safe: the one version Windows writes, where a reader finds none.
            cx.report(w.node.span, "WRITER_METADATA has no version attribute")
                .label("no version")
                .fix(
                    "add version=\"1.2\", the version Windows writes",
                    Fix::insert(w.node.span.end, " version=\"1.2\"", Applicability::Safe),
                );
        }
        Some(v) if v.raw != "1.2" => {
            cx.report(v.span, format!("version is \"{}\", not \"1.2\"", v.raw))
                .label("unusual version")
                .help("Windows writes version=\"1.2\"; use it unless you know the reader expects another");
        }
        Some(_) => {}
    }
}
