//! `restore/user-procedure-reserved`: the reserved user procedure is not set.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("restore/user-procedure-reserved" {
        code: "VSL306",
        severity: Severity::Warning,
        summary: "RESTORE_METHOD carries a user procedure, a reserved value",
        what: "Warns when `RESTORE_METHOD` has a non-empty `userProcedure` attribute. The attribute \
    name is inferred from the API parameter `wszUserProcedure`; no public document shows it.",
        why: "`IVssCreateWriterMetadata::SetRestoreMethod` reserves the user procedure for future \
    use and asks writers to pass NULL. Requesters do not act on it (the examine side describes it \
    only as the address of a document describing the restore), so restore instructions placed \
    there are lost.",
        sources: &[
            "IVssCreateWriterMetadata::SetRestoreMethod (wszUserProcedure): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-setrestoremethod",
            "IVssExamineWriterMetadata::GetRestoreMethod: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadata-getrestoremethod",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for rm in &w.restore_methods {
        if let Some(p) = rm
            .user_procedure
            .as_ref()
            .filter(|p| !p.raw.trim().is_empty())
        {
            cx.report(p.span, format!("userProcedure \"{}\" is a reserved value", p.raw))
                .label("reserved, should be unset")
                .help("remove the userProcedure attribute; document writer-specific restore steps for backup vendors instead");
        }
    }
}
