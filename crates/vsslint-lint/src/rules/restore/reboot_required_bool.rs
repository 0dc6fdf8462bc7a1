//! `restore/reboot-required-bool`: `rebootRequired` is `yes` or `no`.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("restore/reboot-required-bool" {
        code: "VSL309",
        severity: Severity::Error,
        fix: Some(crate::rule_meta::Applicability::Safe),
        summary: "rebootRequired is not yes or no",
        what: "`RESTORE_METHOD/@rebootRequired` must be `yes` or `no`, in lower case. `true`, \
    `false`, `1`, `0` and `Yes` are errors.",
        why: "The flag tells a requester whether the machine must restart after a restore \
    (`IVssExamineWriterMetadata::GetRestoreMethod`, `pbRebootRequired`). VSS writes booleans only \
    as `yes`/`no`; any other spelling is not read as true, and a restore that needed a reboot \
    leaves the writer's data half-replaced.",
        sources: &[
            "IVssExamineWriterMetadata::GetRestoreMethod: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadata-getrestoremethod",
            "Every boolean in real writer metadata documents is spelled yes or no (DiskShadow output)",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for rm in &w.restore_methods {
        if let Some(a) = &rm.reboot_required {
            if a.value.is_none() {
                let d = cx.report(
                    a.span,
                    format!("rebootRequired is \"{}\", not yes or no", a.raw),
                );
                d.label("not yes/no");
                crate::toolkit::hints::bool_fix(d, "rebootRequired", a.span, a.raw);
            }
        }
    }
}
