//! `restore/method-undefined`: the writer defines a restore method.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;
use vsslint_model::vocab::Method;

pub static RULE: Rule = Rule {
    meta: rule!("restore/method-undefined" {
        code: "VSL302",
        severity: Severity::Error,
        summary: "RESTORE_METHOD defines no restore method (missing, empty or UNDEFINED)",
        what: "Reports a `RESTORE_METHOD` element whose `method` attribute is missing, empty, or \
    `UNDEFINED` (`VSS_RME_UNDEFINED`; the spelling is inferred from the API name, and another \
    spelling can be mapped to `VSS_RME_UNDEFINED` under `[accept.method]` in `vsslint.toml`). A \
    writer that declares no `RESTORE_METHOD` element at all is reported by \
    `doc/restore-method-missing`.",
        why: "Microsoft documents `VSS_RME_UNDEFINED`, \"no restore method is defined\", as an \
    error on the part of the writer. A requester cannot tell whether the files may be replaced in \
    place, must wait for a reboot or need the writer's service stopped.",
        sources: &[
            "VSS_RESTOREMETHOD_ENUM: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_restoremethod_enum",
            "Setting VSS Restore Methods: https://learn.microsoft.com/en-us/windows/win32/vss/setting-vss-restore-methods",
        ],
    }),
    check: Check::Writer(check),
};

const HELP: &str = "declare how requesters restore the files, e.g. method=\"RESTORE_IF_CAN_BE_REPLACED\" (replace them when possible) or method=\"REPLACE_AT_REBOOT_IF_CANNOT_REPLACE\" (replace files in use at the next reboot)";

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for rm in &w.restore_methods {
        match crate::toolkit::restore::method(cx, rm) {
            None => {
                cx.report(rm.node.span, "RESTORE_METHOD has no method attribute")
                    .label("no restore method")
                    .help(HELP);
            }
            Some((a, _)) if a.raw.trim().is_empty() => {
                cx.report(a.span, "the restore method is empty")
                    .label("empty restore method")
                    .help(HELP);
            }
            Some((a, Method::Undefined)) => {
                cx.report(
                    a.span,
                    format!(
                        "restore method \"{}\" is VSS_RME_UNDEFINED, a writer error",
                        a.raw
                    ),
                )
                .label("undefined restore method")
                .help(HELP);
            }
            Some(_) => {}
        }
    }
}
