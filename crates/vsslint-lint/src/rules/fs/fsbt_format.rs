//! `fs/fsbt-format`: `filespecBackupType` is an unsigned decimal.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::hints::decimal_fix;
use vsslint_model::model::{Component, FileSet, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("fs/fsbt-format" {
        code: "VSL610",
        severity: Severity::Error,
        fix: Some(crate::rule_meta::Applicability::Safe),
        summary: "filespecBackupType is not an unsigned decimal integer",
        what: "`filespecBackupType` on a file set must be the `VSS_FILE_SPEC_BACKUP_TYPE` mask as \
    an unsigned decimal number. Windows writes `3855` (0xF0F: every backup type, always from a \
    shadow copy).",
        why: "The mask tells a requester in which backup types the files must be copied and \
    whether they must come from a shadow copy. A value that is not a number cannot be read.",
        sources: &[
            "VSS_FILE_SPEC_BACKUP_TYPE: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_file_spec_backup_type",
            "All 37,988 file sets in the real DiskShadow documents carry filespecBackupType=\"3855\"",
        ],
    }),
    check: Check::FileSet(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, _: &Component, f: &FileSet) {
    if let Some(a) = &f.backup_type {
        if a.value.is_none() {
            let d = cx.report(
                a.span,
                format!(
                    "filespecBackupType \"{}\" is not an unsigned decimal integer",
                    a.raw
                ),
            );
            d.label("not a decimal mask");
            decimal_fix(
                d,
                "filespecBackupType",
                a.span,
                a.raw,
                "filespecBackupType=\"3855\", the default",
            );
        }
    }
}
