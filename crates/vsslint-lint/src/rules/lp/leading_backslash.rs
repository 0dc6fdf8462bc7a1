//! `lp/leading-backslash`: a logical path does not start with `\`.

use crate::diagnostic::{Applicability, Fix};
use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::{Component, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("lp/leading-backslash" {
        code: "VSL451",
        severity: Severity::Warning,
        fix: Some(crate::rule_meta::Applicability::Unsafe),
        summary: "A component's logicalPath starts with a backslash",
        what: "Reports a component whose `logicalPath` begins with `\\` (`\\Databases` instead \
    of `Databases`). Backslashes at other places that leave an empty element are reported by \
    `lp/empty-segment`.",
        why: "Unlike a file path, a logical path has NULL as its root, not `\\`: a top-level \
    component has no logical path, and its children have `logicalPath=\"Parent\"`. A leading \
    backslash makes the path differ from the one that other components, component sets and \
    dependencies use for the same place, so they may not match. It is only a warning because \
    Microsoft's own glossary writes the example path `\\ebook\\book1`.",
        sources: &[
            "Logical Pathing of Components: https://learn.microsoft.com/en-us/windows/win32/vss/logical-pathing-of-components",
            "VSS Glossary, logical path: https://learn.microsoft.com/en-us/windows/win32/vss/vssgloss-l",
        ],
    }),
    check: Check::Component(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component) {
    let Some(a) = &c.logical_path else {
        return;
    };
    if !a.raw.starts_with('\\') {
        return;
    }
    let lead = a.raw.len() - a.raw.trim_start_matches('\\').len();
    let span = crate::toolkit::logical_paths::value_span(a, 0..lead);
    let rest = a.raw.trim_start_matches('\\');
    let d = cx
        .report(
            span,
            format!(
                "logicalPath \"{}\" of component `{}` starts with a backslash",
                a.raw,
                c.name()
            ),
        )
        .label("leading backslash");
    if rest.is_empty() {
        d.help("the top level is written without a logical path: remove the logicalPath attribute");
    } else {
        // Unsafe: requesters compare logical paths as written.
        d.fix(
            format!("the root of a logical path is empty, not a backslash: write logicalPath=\"{rest}\""),
            Fix::replace(span, "", Applicability::Unsafe),
        );
    }
}
