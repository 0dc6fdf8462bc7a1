//! `restore/alternate-location-required`: restoring to an alternate location needs mappings.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;
use vsslint_model::vocab::Method;

pub static RULE: Rule = Rule {
    meta: rule!("restore/alternate-location-required" {
        code: "VSL303",
        severity: Severity::Error,
        summary: "The restore method is RESTORE_TO_ALTERNATE_LOCATION but the writer maps no alternate location",
        what: "Reports the restore method `RESTORE_TO_ALTERNATE_LOCATION` \
    (`VSS_RME_RESTORE_TO_ALTERNATE_LOCATION`; the spelling is inferred from the API name, other \
    spellings can be mapped under `[accept.method]` in `vsslint.toml`) when the document has no \
    `ALTERNATE_LOCATION_MAPPING` (element name inferred from the VSS Test Writer vocabulary; no \
    public document shows one).",
        why: "With this method every file is restored to the location its alternate location \
    mapping names. Microsoft states that the method without a mapping constitutes a writer error \
    that the requester should report: there is nowhere to put the files.",
        sources: &[
            "VSS_RESTOREMETHOD_ENUM: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_restoremethod_enum",
            "IVssCreateWriterMetadata::AddAlternateLocationMapping: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addalternatelocationmapping",
            "IVssCreateWriterMetadata::SetRestoreMethod: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-setrestoremethod",
            "IVssExamineWriterMetadata::GetRestoreMethod: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadata-getrestoremethod",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    if !w.mappings.is_empty() {
        return;
    }
    for rm in &w.restore_methods {
        if let Some((a, Method::RestoreToAlternateLocation)) =
            crate::toolkit::restore::method(cx, rm)
        {
            cx.report(a.span, "the writer restores to alternate locations but declares no ALTERNATE_LOCATION_MAPPING")
                .label("needs alternate location mappings")
                .help("add one <ALTERNATE_LOCATION_MAPPING path=\"…\" filespec=\"…\" recursive=\"…\" alternatePath=\"…\"/> inside RESTORE_METHOD for each file set, repeating its path, filespec and recursive");
        }
    }
}
