//! `restore/service-required`: the stop/start methods name the service.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;
use vsslint_model::vocab::Method;

pub static RULE: Rule = Rule {
    meta: rule!("restore/service-required" {
        code: "VSL304",
        severity: Severity::Error,
        summary: "A stop/start restore method names no service",
        what: "Reports the restore methods `STOP_RESTORE_START` (`VSS_RME_STOP_RESTORE_START`) and \
    `RESTORE_STOP_START` (`VSS_RME_RESTORE_STOP_START`) when `RESTORE_METHOD` has no `service` \
    attribute, or an empty one. Both method spellings and the attribute name `service` (the API \
    parameter is `wszService`) are inferred; no public document shows them. Other method \
    spellings can be mapped under `[accept.method]` in `vsslint.toml`.",
        why: "With these methods the requester stops a service, restores the files and starts the \
    service again (or restores first and then restarts it). It learns which service from the \
    writer metadata (`IVssExamineWriterMetadata::GetRestoreMethod`); Microsoft requires the \
    correct service name whenever one of these methods is set. Without it the requester replaces \
    files under a running service.",
        sources: &[
            "IVssCreateWriterMetadata::SetRestoreMethod (wszService): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-setrestoremethod",
            "Stopping Services for Restore by Requesters: https://learn.microsoft.com/en-us/windows/win32/vss/stopping-services-for-restore-by-requestors",
            "VSS_RESTOREMETHOD_ENUM: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_restoremethod_enum",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for rm in &w.restore_methods {
        let Some((a, m)) = crate::toolkit::restore::method(cx, rm) else {
            continue;
        };
        if !matches!(m, Method::StopRestoreStart | Method::RestoreStopStart) {
            continue;
        }
        let what = match &rm.service {
            None => "names no service",
            Some(s) if s.raw.trim().is_empty() => "has an empty service name",
            Some(_) => continue,
        };
        cx.report(a.span, format!("restore method \"{}\" stops and restarts a service, but RESTORE_METHOD {what}", a.raw))
            .label("needs a service name")
            .help("add the name of the service requesters must stop and restart, as the service control manager knows it: service=\"ContosoLedger\"");
    }
}
