//! `os/fsbt`: a file-set backup type on a target that predates them.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use crate::toolkit::attrs::parsed;
use vsslint_model::flags::{FileSpecBackupType, Mask};
use vsslint_model::model::{Component, FileSet, WriterMetadata};
use vsslint_model::os::{feature, last_without, os_doc, Feature};

pub static RULE: Rule = Rule {
    meta: rule!("os/fsbt" {
        code: "VSL805",
        profile: Profile::TargetOs,
        example_target: Some(last_without(Feature::FileSpecBackupType)),
        summary: "filespecBackupType other than the default on a target that predates it",
        what: os_doc!("os/fsbt", "Reports a file set whose `filespecBackupType` is not the \
    default 3855 (0xF0F) when the `--target-os` release predates file-set backup types. The \
    default is not reported: it is what VSS records when a writer passes no mask, and it asks \
    for what older releases do anyway (every file in every backup, from the shadow copy)."),
        why: "Older releases back up every file set in every kind of backup and always from \
    the shadow copy. A mask that leaves files out of some backups, or allows copying them from \
    the live volume, is not honoured there: the writer's files are handled differently from what \
    the document says.",
        sources: &[
            "IVssWMFiledesc::GetBackupTypeMask: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsswmfiledesc-getbackuptypemask",
            "VSS_FILE_SPEC_BACKUP_TYPE: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_file_spec_backup_type",
            "Summary of VSS API Changes in the Current Release: https://learn.microsoft.com/en-us/windows/win32/vss/summary-of-vss-api-changes-in-the-current-release",
        ],
    }),
    check: Check::FileSet(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, _: &Component, fs: &FileSet) {
    let Some(target) = cx.settings.target_os else {
        return;
    };
    let f = feature(Feature::FileSpecBackupType);
    if !f.too_new_for(target) {
        return;
    }
    let Some((a, m)) = parsed(&fs.backup_type) else {
        return;
    };
    if m.bits() == FileSpecBackupType::DEFAULT {
        return;
    }
    cx.report(
        a.span,
        format!(
            "{} filespecBackupType {} = {}: {}",
            fs.kind.element(),
            m.bits(),
            m.describe(),
            f.needs(target)
        ),
    )
    .label(format!("needs {}", f.min()))
    .help(format!(
        "{target} backs up every file set in every backup from the shadow copy: remove filespecBackupType (or write the default, 3855), or target {} or later",
        f.min()
    ));
}
