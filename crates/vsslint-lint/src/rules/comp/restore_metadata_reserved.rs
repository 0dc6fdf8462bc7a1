//! `comp/restore-metadata-reserved`: `restoreMetadata="yes"`.

use crate::diagnostic::{Applicability, Fix};
use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::{Component, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("comp/restore-metadata-reserved" {
        code: "VSL409",
        fix: Some(crate::rule_meta::Applicability::Unsafe),
        severity: Severity::Info,
        summary: "restoreMetadata=\"yes\" on a component",
        what: "Notes a component with `restoreMetadata=\"yes\"`.",
        why: "Microsoft's documentation disagrees with itself about this flag. \
    `IVssCreateWriterMetadata::AddComponent` calls the parameter reserved and says it should \
    always be false; `VSS_COMPONENTINFO` describes `bRestoreMetadata` as a real flag (the \
    component has private restore metadata). Every real document seen writes `no`. A writer that \
    sets it may depend on requester behaviour that is not documented.",
        sources: &[
            "IVssCreateWriterMetadata::AddComponent (bRestoreMetadata): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addcomponent",
            "VSS_COMPONENTINFO (bRestoreMetadata): https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/ns-vsbackup-vss_componentinfo",
            "Every component in the real DiskShadow documents writes restoreMetadata=\"no\"",
        ],
    }),
    check: Check::Component(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component) {
    let Some(a) = &c.restore_metadata else {
        return;
    };
    if a.value == Some(true) {
        cx.report(
            a.span,
            format!(
                "component `{}` sets restoreMetadata, which AddComponent documents as reserved",
                c.full_name()
            ),
        )
        .label("reserved flag set")
        .fix(
            "write restoreMetadata=\"no\" unless the writer and its requesters rely on it",
            Fix::replace(a.span, "no", Applicability::Unsafe),
        );
    }
}
