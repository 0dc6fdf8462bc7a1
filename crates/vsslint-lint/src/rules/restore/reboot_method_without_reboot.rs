//! `restore/reboot-method-without-reboot`: restoring at reboot usually needs the reboot.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;
use vsslint_model::vocab::Method;

pub static RULE: Rule = Rule {
    meta: rule!("restore/reboot-method-without-reboot" {
        code: "VSL313",
        severity: Severity::Info,
        summary: "The restore method is REPLACE_AT_REBOOT but rebootRequired is no",
        what: "Notes `method=\"REPLACE_AT_REBOOT\"` (`VSS_RME_RESTORE_AT_REBOOT`, a confirmed \
    spelling) together with `rebootRequired=\"no\"`. \
    `REPLACE_AT_REBOOT_IF_CANNOT_REPLACE` is never noted: it restores in place when it can, and \
    Windows' own Task Scheduler writer pairs it with `rebootRequired=\"no\"`. Info only, because \
    no Microsoft document ties the two settings together.",
        why: "Under `REPLACE_AT_REBOOT` the requester always stages the files and completes the \
    restore with `MoveFileEx(MOVEFILE_DELAY_UNTIL_REBOOT)`: nothing is in place until the machine \
    restarts. Telling the requester no reboot is needed leaves the restore unfinished until some \
    later restart. Windows' WMI writer declares the method with `rebootRequired=\"yes\"`.",
        sources: &[
            "VSS_RESTOREMETHOD_ENUM: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_restoremethod_enum",
            "Real DiskShadow output: the WMI writer has REPLACE_AT_REBOOT with rebootRequired=\"yes\", the Task Scheduler writer REPLACE_AT_REBOOT_IF_CANNOT_REPLACE with \"no\"",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for rm in &w.restore_methods {
        let Some((m, Method::RestoreAtReboot)) = crate::toolkit::restore::method(cx, rm) else {
            continue;
        };
        let Some(reboot) = &rm.reboot_required else {
            continue;
        };
        if reboot.value == Some(false) {
            cx.report(reboot.span, "the files are only restored at the next reboot, yet no reboot is required")
                .label("no reboot")
                .related(m.span, "restored at reboot")
                .help("write rebootRequired=\"yes\", or use REPLACE_AT_REBOOT_IF_CANNOT_REPLACE if the files can usually be replaced in place");
        }
    }
}
