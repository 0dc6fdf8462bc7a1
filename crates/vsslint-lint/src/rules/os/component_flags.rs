//! `os/component-flags`: component flags newer than the target.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use crate::toolkit::attrs::parsed;
use vsslint_model::model::{Component, WriterMetadata};
use vsslint_model::os::{last_without, os_doc, Feature};

pub static RULE: Rule = Rule {
    meta: rule!("os/component-flags" {
        code: "VSL803",
        profile: Profile::TargetOs,
        example_target: Some(last_without(Feature::AppRollbackRecovery)),
        summary: "componentFlags sets a flag that the target Windows release does not support",
        what: os_doc!("os/component-flags", "Reports the `componentFlags` bits of a component \
    that the `--target-os` release does not support. Before the first release below, \
    `dwComponentFlags` is reserved. Bits outside the enumeration are left to \
    `comp/flags-undefined-bits`."),
        why: "On an older release VSS does not read the flag: a component that needs write \
    access to its shadow copy for auto-recovery does not get it, and a component meant to be \
    left out of the system state is backed up as part of it.",
        sources: &[
            "VSS_COMPONENT_FLAGS: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_component_flags",
            "VSS_COMPONENTINFO: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/ns-vsbackup-vss_componentinfo",
            "What's New in VSS in Windows Server 2003 SP1: https://learn.microsoft.com/en-us/windows/win32/vss/what-s-new-in-vss-in-windows-server-2003-sp1",
        ],
    }),
    check: Check::Component(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component) {
    let Some(target) = cx.settings.target_os else {
        return;
    };
    let Some((a, flags)) = parsed(&c.flags) else {
        return;
    };
    let bits = crate::toolkit::os_features::too_new_bits(RULE.meta.slug, flags.bits(), target);
    let Some(upgrade) = crate::toolkit::os_features::newest(&bits) else {
        return;
    };
    let cleared = bits.iter().fold(flags.bits(), |m, f| m & !f.bit);
    let what = if bits.len() == 1 {
        "the flag"
    } else {
        "the flags"
    };
    cx.report(
        a.span,
        format!(
            "component \"{}\": {}",
            c.full_name(),
            crate::toolkit::os_features::needs_all(&bits, target)
        ),
    )
    .label(format!("needs {upgrade}"))
    .help(format!(
        "clear {what} for {target} (componentFlags=\"{cleared}\"), or target {upgrade} or later"
    ));
}
