//! `comp/flags-format`: `componentFlags` is an unsigned decimal.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::{Component, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("comp/flags-format" {
        code: "VSL411",
        severity: Severity::Error,
        fix: Some(crate::rule_meta::Applicability::Safe),
        summary: "componentFlags is not an unsigned decimal integer",
        what: "`componentFlags` on `FILE_GROUP` and `DATABASE` must be the `VSS_COMPONENT_FLAGS` \
    mask as an unsigned decimal number (`0`, `2`, `4`), not hexadecimal or names.",
        why: "The flags tell a requester whether the writer needs write access to the shadow \
    copy (auto-recovery) and whether the component is system state. A value that cannot be read \
    as a number drops those requirements.",
        sources: &[
            "VSS_COMPONENT_FLAGS: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_component_flags",
            "Real documents write componentFlags=\"0\", \"2\" and \"4\" (DiskShadow output)",
        ],
    }),
    check: Check::Component(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component) {
    if let Some(a) = &c.flags {
        if a.value.is_none() {
            let d = cx.report(
                a.span,
                format!(
                    "componentFlags \"{}\" is not an unsigned decimal integer",
                    a.raw
                ),
            );
            d.label("not a decimal mask");
            crate::toolkit::hints::decimal_fix(
                d,
                "componentFlags",
                a.span,
                a.raw,
                "componentFlags=\"2\" for APP_ROLLBACK_RECOVERY",
            );
        }
    }
}
