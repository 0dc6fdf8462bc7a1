//! `restore/alternate-fallback-missing`: the conditional methods have somewhere to fall back to.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;
use vsslint_model::vocab::Method;

pub static RULE: Rule = Rule {
    meta: rule!("restore/alternate-fallback-missing" {
        code: "VSL312",
        severity: Severity::Info,
        summary: "A conditional restore method has no alternate location to fall back to",
        what: "Notes the restore methods `RESTORE_IF_NOT_THERE` and `RESTORE_IF_CAN_BE_REPLACED` \
    (`VSS_RME_RESTORE_IF_NOT_THERE`, `VSS_RME_RESTORE_IF_CAN_REPLACE`; the first spelling is \
    inferred, the second confirmed; other spellings can be mapped under `[accept.method]` in \
    `vsslint.toml`) when the document has no `ALTERNATE_LOCATION_MAPPING` (element name \
    inferred). Real writers do this (SQL Server, ASR), hence info.",
        why: "Under these methods a requester that finds a file already present, or in use, may \
    restore it to its alternate location instead. Microsoft calls a missing mapping at that point \
    a writer error; without one, the restore of the whole component is abandoned whenever the \
    condition fails.",
        sources: &[
            "IVssCreateWriterMetadata::SetRestoreMethod: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-setrestoremethod",
            "IVssExamineWriterMetadata::GetAlternateLocationMapping: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadata-getalternatelocationmapping",
            "Real DiskShadow output: the SQL Server and ASR writers use RESTORE_IF_CAN_BE_REPLACED without mappings",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    if !w.mappings.is_empty() {
        return;
    }
    for rm in &w.restore_methods {
        if let Some((a, m @ (Method::RestoreIfNotThere | Method::RestoreIfCanReplace))) =
            crate::toolkit::restore::method(cx, rm)
        {
            let when = if m == Method::RestoreIfNotThere {
                "a file is already on disk"
            } else {
                "a file on disk cannot be replaced"
            };
            cx.report(a.span, format!("when {when}, the restore has no alternate location to fall back to"))
                .label("no alternate location mapping")
                .help("if the files may be restored elsewhere, add <ALTERNATE_LOCATION_MAPPING path=\"…\" filespec=\"…\" recursive=\"…\" alternatePath=\"…\"/> inside RESTORE_METHOD for each file set");
        }
    }
}
