//! `restore/method-unknown`: `method` is a known restore method spelling.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;
use vsslint_model::vocab::{Method, METHOD_SPELLINGS};

pub static RULE: Rule = Rule {
    meta: rule!("restore/method-unknown" {
        code: "VSL301",
        severity: Severity::Error,
        fix: Some(crate::rule_meta::Applicability::Safe),
        summary: "RESTORE_METHOD/@method is not a known restore method",
        what: "`RESTORE_METHOD/@method` must be the XML spelling of a `VSS_RESTOREMETHOD_ENUM` \
    value. The spellings do not follow the API names, so only three are certain. Confirmed by \
    real documents: `RESTORE_IF_CAN_BE_REPLACED` (`VSS_RME_RESTORE_IF_CAN_REPLACE`), \
    `REPLACE_AT_REBOOT` (`VSS_RME_RESTORE_AT_REBOOT`) and `REPLACE_AT_REBOOT_IF_CANNOT_REPLACE` \
    (`VSS_RME_RESTORE_AT_REBOOT_IF_CANNOT_REPLACE`). Inferred from the API names, and accepted: \
    `RESTORE_IF_NOT_THERE`, `RESTORE_IF_CAN_REPLACE` (the VSS Test Writer documentation uses \
    it once), `STOP_RESTORE_START`, `RESTORE_TO_ALTERNATE_LOCATION`, `CUSTOM`, \
    `RESTORE_STOP_START` and `UNDEFINED` (reported by `restore/method-undefined`). An empty or \
    missing `method` is reported by `restore/method-undefined`.\n\n\
    If your writers write another spelling, map it to its constant under `[accept.method]` in \
    `vsslint.toml` (for example `\"STOP_THEN_START\" = \"VSS_RME_STOP_RESTORE_START\"`); this and \
    every other restore rule then treat it as that method.",
        why: "The restore method tells a requester how to put the writer's files back: in place, \
    only if absent, at the next reboot, around a service stop, or to an alternate location. A \
    spelling VSS does not know may not match its (unpublished) schema \
    (`CreateVssExamineWriterMetadata` reports that as `VSS_E_INVALID_XML_DOCUMENT`), or leaves \
    the requester without a method, which Microsoft calls a writer error.",
        sources: &[
            "CreateVssExamineWriterMetadata: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-createvssexaminewritermetadata",
            "VSS_RESTOREMETHOD_ENUM: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_restoremethod_enum",
            "IVssCreateWriterMetadata::SetRestoreMethod: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-setrestoremethod",
            "VSS Test Writer Tool (RESTORE_IF_CAN_BE_REPLACED and RESTORE_IF_CAN_REPLACE): https://learn.microsoft.com/en-us/windows/win32/vss/vss-test-writer-tool",
            "Real DiskShadow output shows RESTORE_IF_CAN_BE_REPLACED, REPLACE_AT_REBOOT and REPLACE_AT_REBOOT_IF_CANNOT_REPLACE",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for rm in &w.restore_methods {
        let Some((a, m)) = crate::toolkit::restore::method(cx, rm) else {
            continue;
        };
        if m == Method::Unknown && !a.raw.trim().is_empty() {
            let d = cx.report(
                a.span,
                format!("restore method \"{}\" is not a known restore method", a.raw),
            );
            d.label("unknown restore method");
            crate::toolkit::hints::enum_fix(d, METHOD_SPELLINGS, "method", a.span, a.raw, "method");
        }
    }
}
