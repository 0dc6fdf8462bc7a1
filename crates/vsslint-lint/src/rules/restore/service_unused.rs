//! `restore/service-unused`: only the stop/start methods name a service.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;
use vsslint_model::vocab::Method;

pub static RULE: Rule = Rule {
    meta: rule!("restore/service-unused" {
        code: "VSL305",
        severity: Severity::Warning,
        summary: "RESTORE_METHOD names a service that its restore method does not use",
        what: "Warns when `RESTORE_METHOD` has a non-empty `service` attribute (name inferred from \
    the API parameter `wszService`) and its method is a known method other than \
    `STOP_RESTORE_START` and `RESTORE_STOP_START` (both spellings inferred; other spellings can \
    be mapped under `[accept.method]` in `vsslint.toml`). Unknown or undefined methods are left \
    to `restore/method-unknown` and `restore/method-undefined`.",
        why: "Microsoft documents the service name as unused, and to be NULL, for every other \
    method. A service name next to, say, `RESTORE_IF_CAN_BE_REPLACED` usually means the writer \
    meant a stop/start method and the requester will not stop the service.",
        sources: &[
            "IVssCreateWriterMetadata::SetRestoreMethod (wszService): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-setrestoremethod",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for rm in &w.restore_methods {
        let Some(service) = rm.service.as_ref().filter(|s| !s.raw.trim().is_empty()) else {
            continue;
        };
        let Some((a, m)) = crate::toolkit::restore::method(cx, rm) else {
            continue;
        };
        if matches!(
            m,
            Method::StopRestoreStart
                | Method::RestoreStopStart
                | Method::Unknown
                | Method::Undefined
        ) {
            continue;
        }
        cx.report(
            service.span,
            format!("service \"{}\" is not used by restore method \"{}\"", service.raw, a.raw),
        )
        .label("ignored service name")
        .related(a.span, "this method stops no service")
        .help("remove the service attribute, or use STOP_RESTORE_START or RESTORE_STOP_START if requesters must stop and restart the service");
    }
}
