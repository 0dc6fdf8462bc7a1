//! `compat/restore-service-changed`: the service a requester stops for a restore is another
//! in the new release.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_writer::{restore_methods, stops_service};
use vsslint_model::model::Text;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/restore-service-changed" {
        code: "VSL1023",
        severity: Severity::Warning,
        summary: "The service to stop for a restore differs between the releases",
        what: "When both releases' restore method has the requester stop a service \
    (`STOP_RESTORE_START`, `RESTORE_STOP_START`), compares the service they name \
    (`RESTORE_METHOD/@service`, an attribute name inferred from the API's `wszService`; \
    absent is none). Service names compare without case, as the service control manager \
    compares them. A change of method is `compat/restore-method-changed`. The finding is at \
    the new release's `service`, with the old release's; when one side names none, at its \
    `RESTORE_METHOD`.\n\n\
    For restoring a backup made with the old release: the requester stops, and restarts, the \
    service the backup's saved metadata names, the old one, while the new release needs the \
    new one stopped. For a backup application's saved selections: nothing they name \
    changes.",
        why: "Under these two methods the writer names the service to stop, and the requester \
    reads it with `GetRestoreMethod` from the metadata, stops that service before the restore \
    and restarts it after. \"An ambiguous or inaccurate name may result in requesters \
    stopping the wrong service or being unable to determine which service to stop.\" At \
    restore, the metadata read is the one saved with the backup.\n\n\
    What the documentation does not say: what happens when the service an old backup names \
    no longer exists, or no longer holds the files being restored.\n\n\
    Keep the service name across releases; if the service is renamed, keep a service of the \
    old name able to stop the data's users, or stop the new service from the writer's \
    `OnPreRestore`, and raise the writer's minor version (`InitializeEx`).",
        sources: &[
            "Stopping services for restore by requesters: https://learn.microsoft.com/en-us/windows/win32/vss/stopping-services-for-restore-by-requestors",
            "IVssCreateWriterMetadata::SetRestoreMethod: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-setrestoremethod",
            "OpenServiceW (service name comparisons): https://learn.microsoft.com/en-us/windows/win32/api/winsvc/nf-winsvc-openservicew",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let (Some(old_rm), Some(new_rm)) = restore_methods(pair) else {
        return;
    };
    if !stops_service(old_rm.method.as_ref()) || !stops_service(new_rm.method.as_ref()) {
        return;
    }
    let name = |s: &Option<Text>| s.as_ref().map_or("", |a| a.raw).to_lowercase();
    if name(&old_rm.service) == name(&new_rm.service) {
        return;
    }
    let shown = |s: &Option<Text>| {
        s.as_ref()
            .map_or("no service".to_string(), |a| format!("`{}`", a.raw))
    };
    let message = format!(
        "the service to stop for a restore changed from {} to {}: requesters restoring backups made with the old release stop {}",
        shown(&old_rm.service),
        shown(&new_rm.service),
        shown(&old_rm.service)
    );
    let d = match (&old_rm.service, &new_rm.service) {
        (Some(o), Some(n)) => cx.changed_attr(o, n, message),
        (Some(o), None) => cx.removed(o.span, new_rm.node.span, message),
        (None, Some(n)) => cx.added(n.span, old_rm.node.span, message),
        (None, None) => return,
    };
    d.label("the service the new release names")
        .help("keep the old service name, or have the writer stop what the new service runs in OnPreRestore; raise the writer's minor version");
}
