//! `express/component-flags`: express components have no auto-recovery flags.

use crate::diagnostic::{Applicability, Fix};
use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use crate::rule_meta::Severity;
use crate::toolkit::attrs::parsed;
use vsslint_model::flags::{ComponentFlags, Mask};
use vsslint_model::model::{Component, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("express/component-flags" {
        code: "VSL702",
        severity: Severity::Error,
        fix: Some(crate::rule_meta::Applicability::Unsafe),
        profile: Profile::Express,
        summary: "an express writer component asks for auto-recovery",
        what: "With `--express`, reports `componentFlags` with `VSS_CF_BACKUP_RECOVERY` (0x1) or \
    `VSS_CF_APP_ROLLBACK_RECOVERY` (0x2). `VSS_CF_NOT_SYSTEM_STATE` (0x4) is allowed.",
        why: "Both flags ask for write access to the shadow copy after it is created, so that the \
    writer can run auto-recovery on it. An express writer has no code running at backup time to \
    do that, and its `AddComponent` does not accept these flags.",
        sources: &[
            "IVssCreateExpressWriterMetadata::AddComponent (dwComponentFlags): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreateexpresswritermetadata-addcomponent",
            "VSS_COMPONENT_FLAGS: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_component_flags",
        ],
    }),
    check: Check::Component(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component) {
    let Some((a, flags)) = parsed(&c.flags) else {
        return;
    };
    let recovery = ComponentFlags::BACKUP_RECOVERY | ComponentFlags::APP_ROLLBACK_RECOVERY;
    let bad = flags & recovery;
    if bad.is_empty() {
        return;
    }
    let kept = flags.bits() & !recovery.bits();
    cx.report(
        a.span,
        format!(
            "componentFlags {} of express writer component \"{}\" sets {}",
            a.raw,
            c.full_name(),
            bad.describe()
        ),
    )
    .label("auto-recovery flag")
    .fix(
        format!("express writers cannot use auto-recovery: write componentFlags=\"{kept}\""),
        Fix::replace(a.span, kept.to_string(), Applicability::Unsafe),
    );
}
