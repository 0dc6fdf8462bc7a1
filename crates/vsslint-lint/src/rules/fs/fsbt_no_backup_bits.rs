//! `fs/fsbt-no-backup-bits`: a file set is required by some backup type.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::attrs::parsed;
use vsslint_model::flags::{FileSpecBackupType, Mask};
use vsslint_model::model::{Component, FileSet, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("fs/fsbt-no-backup-bits" {
        code: "VSL612",
        severity: Severity::Info,
        summary: "filespecBackupType requires the file set in no backup type",
        what: "Reports a `filespecBackupType` with none of the four `*_BACKUP_REQUIRED` bits \
    (full 0x1, differential 0x2, incremental 0x4, log 0x8). Snapshot bits alone say how to copy \
    the files, not when to copy them. An absent attribute means the default 3855, which has \
    all of them.",
        why: "Such a file set is never required in any backup: a requester may skip it every \
    time. That is rarely intended; usually the backup bits were dropped while editing the \
    snapshot bits.",
        sources: &[
            "VSS_FILE_SPEC_BACKUP_TYPE: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_file_spec_backup_type",
            "File-Level Schema Support: https://learn.microsoft.com/en-us/windows/win32/vss/file-level-schema-support",
        ],
    }),
    check: Check::FileSet(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component, f: &FileSet) {
    let Some((a, mask)) = parsed(&f.backup_type) else {
        return;
    };
    if mask.intersects(FileSpecBackupType::ALL_BACKUP_REQUIRED) {
        return;
    }
    let with_full = mask.bits() | FileSpecBackupType::FULL_BACKUP_REQUIRED.bits();
    cx.report(
        a.span,
        format!(
            "filespecBackupType {} ({}) of <{}> in component \"{}\" requires the files in no backup type",
            a.raw,
            mask.describe(),
            f.node.name,
            c.full_name()
        ),
    )
    .label("no *_BACKUP_REQUIRED bit")
    .help(format!(
        "add the backup types that need these files, e.g. FULL_BACKUP_REQUIRED: filespecBackupType=\"{with_full}\"; or 3855 for all of them"
    ));
}
