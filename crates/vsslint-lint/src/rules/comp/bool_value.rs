//! `comp/bool-value`: a component's yes/no attributes are `yes` or `no`.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::{Component, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("comp/bool-value" {
        code: "VSL407",
        severity: Severity::Error,
        fix: Some(crate::rule_meta::Applicability::Safe),
        summary: "A component's boolean attribute is not yes or no",
        what: "The boolean attributes of `FILE_GROUP` and `DATABASE` (`selectable`, \
    `selectableForRestore`, `restoreMetadata`, `notifyOnBackupComplete`) must be `yes` or `no`, in \
    lower case. The other booleans have their own rules: `recursive` is checked by \
    `fs/recursive-bool`, `rebootRequired` by `restore/reboot-required-bool`.",
        why: "VSS writes booleans only as `yes`/`no`. Any other spelling is not read as true: a \
    component meant to be selectable (`selectable=\"true\"`) becomes one the requester must always \
    back up, and selectability for restore is lost.",
        sources: &[
            "VSS_COMPONENTINFO: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/ns-vsbackup-vss_componentinfo",
            "Every boolean in real writer metadata documents is spelled yes or no (DiskShadow output)",
        ],
    }),
    check: Check::Component(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component) {
    for (name, attr) in [
        ("restoreMetadata", &c.restore_metadata),
        ("notifyOnBackupComplete", &c.notify_on_backup_complete),
        ("selectable", &c.selectable),
        ("selectableForRestore", &c.selectable_for_restore),
    ] {
        if let Some(a) = attr {
            if a.value.is_none() {
                let d = cx.report(a.span, format!("{name} is \"{}\", not yes or no", a.raw));
                d.label("not yes/no");
                crate::toolkit::hints::bool_fix(d, name, a.span, a.raw);
            }
        }
    }
}
