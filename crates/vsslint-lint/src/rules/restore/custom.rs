//! `restore/custom`: the writer restores through its own procedure.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;
use vsslint_model::vocab::Method;

pub static RULE: Rule = Rule {
    meta: rule!("restore/custom" {
        code: "VSL310",
        severity: Severity::Info,
        summary: "The restore method is CUSTOM: requesters need writer-specific knowledge",
        what: "Notes the restore method `CUSTOM` (`VSS_RME_CUSTOM`; the spelling is inferred from \
    the API name, and Microsoft mentions the value for the FRS writer only in prose; other \
    spellings can be mapped under `[accept.method]` in `vsslint.toml`). Quiet with `--express`, \
    where `express/restore-method` reports CUSTOM as an error.",
        why: "A custom restore may use file retrieval functions or protocols private to the \
    writer's application and need not follow the writer metadata at all. A generic requester \
    cannot restore such a writer correctly from the document alone, and restore targets it sets \
    may be ignored. Express writers cannot use the method.",
        sources: &[
            "VSS_RESTOREMETHOD_ENUM: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_restoremethod_enum",
            "Setting VSS Restore Methods: https://learn.microsoft.com/en-us/windows/win32/vss/setting-vss-restore-methods",
            "Setting VSS Restore Targets: https://learn.microsoft.com/en-us/windows/win32/vss/setting-vss-restore-targets",
            "Custom Backups and Restores: https://learn.microsoft.com/en-us/windows/win32/vss/custom-backups-and-restores",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    // Express writers cannot use CUSTOM at all; express/restore-method reports that error.
    if cx.settings.express {
        return;
    }
    for rm in &w.restore_methods {
        if let Some((a, Method::Custom)) = crate::toolkit::restore::method(cx, rm) {
            cx.report(a.span, "the writer's data is restored with a custom, writer-specific procedure")
                .label("custom restore")
                .help("publish the restore procedure for backup vendors; if the files can simply be copied back, use a standard method such as RESTORE_IF_CAN_BE_REPLACED");
        }
    }
}
