//! `comp/selectable-for-restore-top-level`: `selectableForRestore` on a top-level component.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::{Component, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("comp/selectable-for-restore-top-level" {
        code: "VSL408",
        severity: Severity::Info,
        summary: "selectableForRestore=\"yes\" on a component without a logical path",
        what: "Notes a component with `selectableForRestore=\"yes\"` and no logical path (absent \
    or empty `logicalPath`).",
        why: "Selectability for restore lets a requester restore a subcomponent of a component \
    set on its own, without the rest of the set. A component at the top of the logical-path tree \
    is no one's subcomponent: it is always included explicitly, so the flag changes nothing. It \
    usually means the component was meant to sit under a logical path, or the flag was copied \
    from another component.",
        sources: &[
            "Working with Selectability for Restore and Subcomponents: https://learn.microsoft.com/en-us/windows/win32/vss/working-with-selectability-for-restore-and-subcomponents",
            "IVssCreateWriterMetadata::AddComponent (bSelectableForRestore): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addcomponent",
        ],
    }),
    check: Check::Component(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component) {
    let Some(a) = &c.selectable_for_restore else {
        return;
    };
    if a.value == Some(true) && c.logical_path().is_empty() {
        cx.report(
            a.span,
            format!(
                "top-level component `{}` is marked selectable for restore",
                c.name()
            ),
        )
        .label("no effect without a logical path")
        .help("write selectableForRestore=\"no\", or give the component the logicalPath of the component set it belongs to");
    }
}
