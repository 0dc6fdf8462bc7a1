//! `comp/name-missing`: every component has a non-empty `componentName`.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::{Component, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("comp/name-missing" {
        code: "VSL402",
        severity: Severity::Error,
        summary: "A component has no componentName, or an empty one",
        what: "Reports a `FILE_GROUP` or `DATABASE` without a `componentName` attribute or with \
    `componentName=\"\"`.",
        why: "The component name is required: `IVssCreateWriterMetadata::AddComponent` does not \
    accept a NULL name, and requesters address a component by its logical path and name when they \
    add it to a backup, select it for restore or report its result. A component without a name \
    cannot be selected, and its files cannot be matched to it at restore time.",
        sources: &[
            "IVssCreateWriterMetadata::AddComponent: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addcomponent",
            "VSS_COMPONENTINFO: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/ns-vsbackup-vss_componentinfo",
        ],
    }),
    check: Check::Component(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component) {
    let el = c.kind.element();
    match &c.name {
        None => {
            cx.report(c.node.span, format!("this {el} has no componentName"))
                .label("component without a name")
                .help("add componentName=\"…\": a name unique among the components with the same logical path, without backslashes");
        }
        Some(a) if a.raw.trim().is_empty() => {
            let what = if a.raw.is_empty() { "empty" } else { "blank" };
            cx.report(a.span, format!("the componentName of this {el} is {what}"))
                .label("no name")
                .help("give the component a name, unique among the components with the same logical path, without backslashes");
        }
        Some(_) => {}
    }
}
