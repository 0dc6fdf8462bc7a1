//! `restore/stop-start-self-hosted`: a writer inside the stopped service misses PostRestore.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;
use vsslint_model::vocab::Method;

pub static RULE: Rule = Rule {
    meta: rule!("restore/stop-start-self-hosted" {
        code: "VSL311",
        severity: Severity::Info,
        summary: "With STOP_RESTORE_START a writer hosted in the stopped service misses PostRestore",
        what: "Notes the restore method `STOP_RESTORE_START` (`VSS_RME_STOP_RESTORE_START`; the \
    spelling is inferred from the API name, other spellings can be mapped under `[accept.method]` \
    in `vsslint.toml`). `RESTORE_STOP_START` is not noted: it sends PostRestore before the \
    service stops.",
        why: "With this method the requester sends PreRestore, stops the service, restores the \
    files, starts the service again and only then sends PostRestore. If the writer runs inside \
    that service, it is a new writer instance by then (the instance ID changes with the restart) \
    and never receives the PostRestore event.",
        sources: &[
            "VSS_RESTOREMETHOD_ENUM: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_restoremethod_enum",
            "Stopping Services for Restore by Requesters: https://learn.microsoft.com/en-us/windows/win32/vss/stopping-services-for-restore-by-requestors",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for rm in &w.restore_methods {
        if let Some((a, Method::StopRestoreStart)) = crate::toolkit::restore::method(cx, rm) {
            let service = rm
                .service
                .as_ref()
                .filter(|s| !s.raw.trim().is_empty())
                .map_or("the service".to_string(), |s| {
                    format!("service \"{}\"", s.raw)
                });
            cx.report(a.span, format!("if the writer runs inside {service}, it will not receive PostRestore"))
                .label("PostRestore after the restart")
                .help("if the writer is hosted in the service it stops, use RESTORE_STOP_START (PostRestore is sent before the service stops) or do the post-restore work when the service starts");
        }
    }
}
