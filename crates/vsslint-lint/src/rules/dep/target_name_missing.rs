//! `dep/target-name-missing`: a dependency names its target component.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("dep/target-name-missing" {
        code: "VSL503",
        severity: Severity::Error,
        summary: "A dependency does not name its target component",
        what: concat!(
            "Reports a component dependency without a target component name \
    (`onComponentName`), or with an empty one. The target's logical path may be absent (a \
    top-level component). ",
            crate::toolkit::dependencies::spelling_note!()
        ),
        why: "A dependency says that a component of another writer must be backed up and \
    restored together with this one; the target is identified by writer ID, logical path and \
    component name, and the name is what `AddComponentDependency` and \
    `IVssWMDependency::GetComponentName` carry for it. Without it a requester cannot find the \
    target, and the dependency is lost.",
        sources: &[
            "IVssCreateWriterMetadata::AddComponentDependency: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addcomponentdependency",
            "IVssWMComponent::GetDependency: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivsswmcomponent-getdependency",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for d in crate::toolkit::dependencies::all(w) {
        match &d.component_name {
            None => {
                cx.report(
                    d.node.span,
                    format!("this {} does not name its target component", d.node.name),
                )
                .label("no onComponentName")
                .help("add onComponentName=\"…\" with the name of the component of the other writer (and onLogicalPath=\"…\" if that component has a logical path)");
            }
            Some(n) if n.raw.trim().is_empty() => {
                cx.report(n.span, "the dependency's target component name is empty")
                    .label("empty name")
                    .help("write the name of the component of the other writer that this component depends on");
            }
            Some(_) => {}
        }
    }
}
