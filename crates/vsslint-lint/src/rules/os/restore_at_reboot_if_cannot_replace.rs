//! `os/restore-at-reboot-if-cannot-replace`: a restore method newer than the target.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use vsslint_model::model::WriterMetadata;
use vsslint_model::os::{feature, last_without, os_doc, Feature};
use vsslint_model::vocab::Method;

pub static RULE: Rule = Rule {
    meta: rule!("os/restore-at-reboot-if-cannot-replace" {
        code: "VSL804",
        profile: Profile::TargetOs,
        example_target: Some(last_without(Feature::RestoreAtRebootIfCannotReplace)),
        summary: "REPLACE_AT_REBOOT_IF_CANNOT_REPLACE on a target that predates it",
        what: os_doc!("os/restore-at-reboot-if-cannot-replace", "Reports the restore method \
    `REPLACE_AT_REBOOT_IF_CANNOT_REPLACE` (`VSS_RME_RESTORE_AT_REBOOT_IF_CANNOT_REPLACE`) when \
    the `--target-os` release predates it. Spellings added with the configuration's extra \
    restore-method spellings count too."),
        why: "The method was added to `VSS_RESTOREMETHOD_ENUM` after the first VSS release; \
    a requester on an older release does not know how to restore the writer's files.",
        sources: &[
            "Summary of VSS API Changes in the Current Release: https://learn.microsoft.com/en-us/windows/win32/vss/summary-of-vss-api-changes-in-the-current-release",
            "VSS_RESTOREMETHOD_ENUM: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_restoremethod_enum",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some(target) = cx.settings.target_os else {
        return;
    };
    let f = feature(Feature::RestoreAtRebootIfCannotReplace);
    if !f.too_new_for(target) {
        return;
    }
    for rm in &w.restore_methods {
        let Some(a) = &rm.method else {
            continue;
        };
        if cx.settings.method(a) != Method::RestoreAtRebootIfCannotReplace {
            continue;
        }
        cx.report(a.span, format!("restore method {}: {}", a.raw, f.needs(target)))
            .label(format!("needs {}", f.min()))
            .help(format!(
                "use REPLACE_AT_REBOOT (always replace the files at the next reboot) on {target}, or target {} or later",
                f.min()
            ));
    }
}
