//! `id/usage-invalid`: `usage` is a known usage type and not `UNDEFINED`.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;
use vsslint_model::vocab::{Usage, USAGE_SPELLINGS};

pub static RULE: Rule = Rule {
    meta: rule!("id/usage-invalid" {
        code: "VSL105",
        severity: Severity::Error,
        fix: Some(crate::rule_meta::Applicability::Safe),
        summary: "usage is not a known usage type, or is UNDEFINED",
        what: "`IDENTIFICATION/@usage` must name a `VSS_USAGE_TYPE`. Confirmed by real documents: \
    `BOOTABLE_SYSTEM_STATE`, `SYSTEM_SERVICE` and `USER_DATA`. Inferred from the API names (no \
    public document shows them): `OTHER` (`VSS_UT_OTHER`) and `UNDEFINED` (`VSS_UT_UNDEFINED`). \
    `UNDEFINED` is accepted as a spelling but reported, because the value itself is a writer \
    error. A missing `usage` is reported by `doc/identification-count`.\n\n\
    If a writer writes another spelling for one of these values, map it to its constant under \
    `[accept.usage]` in `vsslint.toml` (for example `\"Other\" = \"VSS_UT_OTHER\"`); this rule \
    then accepts it.",
        why: "The usage type tells a requester how the writer's data is used on the system: \
    writers of usage `BOOTABLE_SYSTEM_STATE` or `SYSTEM_SERVICE` are system-state writers, and \
    their components belong to every system-state backup. Microsoft documents \
    `VSS_UT_UNDEFINED` as a writer error. A spelling VSS does not know may not match its \
    (unpublished) schema, which `CreateVssExamineWriterMetadata` reports as \
    `VSS_E_INVALID_XML_DOCUMENT`, or may leave the writer's data out of system-state backups.",
        sources: &[
            "CreateVssExamineWriterMetadata: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-createvssexaminewritermetadata",
            "VSS_USAGE_TYPE: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_usage_type",
            "Backing Up and Restoring System State (usage of system-state writers): https://learn.microsoft.com/en-us/windows/win32/vss/locating-additional-system-files",
            "Real DiskShadow output shows BOOTABLE_SYSTEM_STATE, SYSTEM_SERVICE and USER_DATA",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for id in &w.identifications {
        let Some(a) = &id.usage else {
            continue;
        };
        match cx.settings.usage(a) {
            Usage::Unknown => {
                let shown = if a.raw.is_empty() {
                    "empty".to_string()
                } else {
                    format!("\"{}\"", a.raw)
                };
                let d = cx.report(a.span, format!("usage {shown} is not a known usage type"));
                d.label("unknown usage");
                crate::toolkit::hints::enum_fix(
                    d,
                    USAGE_SPELLINGS,
                    "usage",
                    a.span,
                    a.raw,
                    "usage",
                );
            }
            Usage::Undefined => {
                cx.report(a.span, format!("usage \"{}\" is VSS_UT_UNDEFINED, a writer error", a.raw))
                    .label("undefined usage")
                    .help("declare how the writer's data is used: BOOTABLE_SYSTEM_STATE or SYSTEM_SERVICE for system-state writers, USER_DATA for application data, OTHER otherwise");
            }
            _ => {}
        }
    }
}
