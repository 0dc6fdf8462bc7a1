//! `express/restore-method`: express writers use a restore method VSS can carry out alone.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;
use vsslint_model::vocab::Method;

pub static RULE: Rule = Rule {
    meta: rule!("express/restore-method" {
        code: "VSL704",
        severity: Severity::Error,
        profile: Profile::Express,
        summary: "an express writer's restore method is UNDEFINED, RESTORE_TO_ALTERNATE_LOCATION or CUSTOM",
        what: "With `--express`, reports `RESTORE_METHOD/@method` when it stands for \
    `VSS_RME_UNDEFINED`, `VSS_RME_RESTORE_TO_ALTERNATE_LOCATION` or `VSS_RME_CUSTOM`. The XML \
    spellings of these three are inferred (`UNDEFINED`, `RESTORE_TO_ALTERNATE_LOCATION`, \
    `CUSTOM`) or configured; an unknown spelling is left to `restore/method-unknown`.",
        why: "The express `SetRestoreMethod` page says the method cannot be `VSS_RME_UNDEFINED`, \
    `VSS_RME_RESTORE_TO_ALTERNATE_LOCATION` or `VSS_RME_CUSTOM`, and `VSS_RESTOREMETHOD_ENUM` \
    marks these three as not supported for express writers. An alternate location needs \
    mappings, which express writers cannot declare (their interface has no \
    `AddAlternateLocationMapping`), and a custom restore needs writer-specific \
    knowledge a requester cannot get from an express writer.",
        sources: &[
            "IVssCreateExpressWriterMetadata::SetRestoreMethod: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreateexpresswritermetadata-setrestoremethod",
            "VSS_RESTOREMETHOD_ENUM: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_restoremethod_enum",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for rm in &w.restore_methods {
        let Some(a) = &rm.method else {
            continue;
        };
        let why = match cx.settings.method(a) {
            Method::Undefined => "an undefined restore method is a writer error",
            Method::RestoreToAlternateLocation => {
                "it needs alternate location mappings, which express writers cannot declare"
            }
            Method::Custom => "a custom restore needs writer code that express writers do not have",
            _ => continue,
        };
        cx.report(
            a.span,
            format!("an express writer cannot use restore method {}: {why}", a.raw),
        )
        .label("not allowed for express writers")
        .help("use a method VSS can carry out on its own, e.g. method=\"REPLACE_AT_REBOOT_IF_CANNOT_REPLACE\" (as Windows' express writers do) or method=\"RESTORE_IF_CAN_BE_REPLACED\"");
    }
}
