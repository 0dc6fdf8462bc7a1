//! `comp/name-backslash`: a component name has no backslash.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::{Component, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("comp/name-backslash" {
        code: "VSL403",
        severity: Severity::Error,
        summary: "A componentName contains a backslash",
        what: "Reports a `componentName` that contains `\\`. Backslashes separate the elements of \
    a logical path; the hierarchy above a component goes into its `logicalPath`, never into its \
    name. Captions may contain backslashes and are not checked.",
        why: "`AddComponent` (also on express writers) forbids backslashes in component names. A \
    requester builds the full path of a component as `logicalPath\\componentName`, so a name with \
    a backslash is read as a different place in the component tree: component sets and \
    dependencies that name it no longer match.",
        sources: &[
            "IVssCreateWriterMetadata::AddComponent: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addcomponent",
            "IVssCreateExpressWriterMetadata::AddComponent: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreateexpresswritermetadata-addcomponent",
            "Logical Pathing of Components: https://learn.microsoft.com/en-us/windows/win32/vss/logical-pathing-of-components",
        ],
    }),
    check: Check::Component(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component) {
    let Some(a) = &c.name else {
        return;
    };
    let Some(at) = a.raw.find('\\') else {
        return;
    };
    let span = crate::toolkit::logical_paths::value_span(a, at..at + 1);
    let help = match a.raw.rsplit_once('\\') {
        Some((parent, leaf)) if !leaf.is_empty() => {
            let lp: Vec<&str> = c
                .logical_path()
                .split('\\')
                .chain(parent.split('\\'))
                .filter(|s| !s.is_empty())
                .collect();
            format!(
                "move the part before the last backslash into the logical path: logicalPath=\"{}\" componentName=\"{leaf}\"",
                lp.join("\\")
            )
        }
        _ => "remove the backslash from the name (put any hierarchy into logicalPath)".to_string(),
    };
    cx.report(
        span,
        format!("componentName \"{}\" contains a backslash", a.raw),
    )
    .label("backslash in a component name")
    .help(help);
}
