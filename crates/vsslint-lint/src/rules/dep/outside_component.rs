//! `dep/outside-component`: dependencies are held by components.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("dep/outside-component" {
        code: "VSL504",
        severity: Severity::Error,
        summary: "A dependency is not inside a component",
        what: concat!(
            "Reports a dependency written directly inside `BACKUP_LOCATIONS` instead of inside \
    the `FILE_GROUP` or `DATABASE` that depends on the target. A dependency anywhere else (under \
    `WRITER_METADATA`, inside a file set) is reported by `doc/unknown-node` as a misplaced \
    element. ",
            crate::toolkit::dependencies::spelling_note!()
        ),
        why: "A dependency is not a component in its own right: it belongs to the component \
    that needs the other writer's component. `AddComponentDependency` takes the depending \
    component's logical path and name and fails with `VSS_E_OBJECT_NOT_FOUND` when no such \
    component exists. A dependency outside every component has no owner, so a requester does \
    not know which component it constrains.",
        sources: &[
            "Dependencies Between Components Managed by Different Writers: https://learn.microsoft.com/en-us/windows/win32/vss/dependencies-between-components-managed-by-different-writers",
            "IVssCreateWriterMetadata::AddComponentDependency: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addcomponentdependency",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for d in &w.loose_dependencies {
        cx.report(
            d.node.span,
            format!("<{}> is outside every component", d.node.name),
        )
        .label("not inside a FILE_GROUP or DATABASE")
        .help(format!(
            "move the <{}> into the FILE_GROUP or DATABASE that depends on the other writer's component",
            d.node.name
        ));
    }
}
