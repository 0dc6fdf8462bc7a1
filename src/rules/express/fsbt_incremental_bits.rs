//! `express/fsbt-incremental-bits`: express file sets are needed in full backups only.

use crate::flags::{FileSpecBackupType, Mask};
use crate::model::{Component, FileSet, WriterMetadata};
use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use crate::rule_meta::Severity;
use crate::toolkit::attrs::parsed;

pub static RULE: Rule = Rule {
    meta: rule!("express/fsbt-incremental-bits" {
        code: "VSL709",
        severity: Severity::Warning,
        profile: Profile::Express,
        summary: "an express writer's file set is required in differential, incremental or log backups",
        what: "With `--express`, reports a `filespecBackupType` that sets \
    `VSS_FSBT_DIFFERENTIAL_BACKUP_REQUIRED` (0x2), `VSS_FSBT_INCREMENTAL_BACKUP_REQUIRED` (0x4) \
    or `VSS_FSBT_LOG_BACKUP_REQUIRED` (0x8), except when the mask is exactly the default 3855 \
    (0xF0F). An absent attribute is the default.\n\n\
    The exception exists because Microsoft contradicts itself: the express \
    `AddFilesToFileGroup` forbids these bits yet names 0xF0F, which contains them, as the \
    default, and Windows' own express writers (Task Scheduler, VSS Metadata Store, Performance \
    Counters) write 3855. Hence a warning, not an error.",
        why: "Express writers support only full and copy backups, so a file set cannot be \
    required by the other backup types. A mask chosen deliberately with these bits suggests \
    the writer expects differential or incremental participation it will not get.",
        sources: &[
            "IVssCreateExpressWriterMetadata::AddFilesToFileGroup (dwBackupTypeMask): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreateexpresswritermetadata-addfilestofilegroup",
            "VSS_FILE_SPEC_BACKUP_TYPE: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_file_spec_backup_type",
            "filespecBackupType=\"3855\" on the Task Scheduler, VSS Metadata Store and Performance Counters writers (real DiskShadow output and Windows 10 writer store)",
        ],
    }),
    check: Check::FileSet(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component, f: &FileSet) {
    let Some((a, mask)) = parsed(&f.backup_type) else {
        return;
    };
    if mask.bits() == FileSpecBackupType::DEFAULT {
        return;
    }
    let partial = FileSpecBackupType::DIFFERENTIAL_BACKUP_REQUIRED
        | FileSpecBackupType::INCREMENTAL_BACKUP_REQUIRED
        | FileSpecBackupType::LOG_BACKUP_REQUIRED;
    let bad = mask & partial;
    if bad.is_empty() {
        return;
    }
    let kept = mask.bits() & !partial.bits();
    cx.report(
        a.span,
        format!(
            "filespecBackupType {} of <{}> in express writer component \"{}\" sets {}",
            a.raw,
            f.node.name,
            c.full_name(),
            bad.describe()
        ),
    )
    .label("not supported by express writers")
    .help(format!(
        "express writers support only full and copy backups: write filespecBackupType=\"{kept}\", or omit it for the default"
    ));
}
