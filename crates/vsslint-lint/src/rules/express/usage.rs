//! `express/usage`: an express writer's usage type is one of three.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;
use vsslint_model::vocab::Usage;

pub static RULE: Rule = Rule {
    meta: rule!("express/usage" {
        code: "VSL710",
        severity: Severity::Error,
        profile: Profile::Express,
        summary: "an express writer's usage is not BOOTABLE_SYSTEM_STATE, SYSTEM_SERVICE or USER_DATA",
        what: "With `--express`, reports `IDENTIFICATION/@usage` when it stands for \
    `VSS_UT_OTHER` or `VSS_UT_UNDEFINED` (spellings `OTHER` and `UNDEFINED`, both inferred, or \
    configured). An unknown spelling is left to `id/usage-invalid`.",
        why: "`IVssExpressWriter::CreateMetadata` accepts only `VSS_UT_BOOTABLESYSTEMSTATE`, \
    `VSS_UT_SYSTEMSERVICE` and `VSS_UT_USERDATA`: an express writer with another usage type \
    cannot exist.",
        sources: &[
            "IVssExpressWriter::CreateMetadata (usageType): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivssexpresswriter-createmetadata",
            "VSS_USAGE_TYPE: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_usage_type",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some(a) = w.identification().and_then(|i| i.usage.as_ref()) else {
        return;
    };
    if !matches!(cx.settings.usage(a), Usage::Other | Usage::Undefined) {
        return;
    }
    cx.report(a.span, format!("usage \"{}\" is not allowed for an express writer", a.raw))
        .label("not an express usage type")
        .help("write usage=\"USER_DATA\", \"SYSTEM_SERVICE\" or \"BOOTABLE_SYSTEM_STATE\", whichever describes the writer's data");
}
