//! `compat/fsbt-backup-bits-removed`: a file set loses backup-required bits of its file
//! specification backup type in the new release.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_file_sets::{attr_or_element, backup_type, describe_file_set, in_both};
use crate::toolkit::compat_flags::{bits_moved, Direction::Lost};
use vsslint_model::flags::{FileSpecBackupType, Mask};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/fsbt-backup-bits-removed" {
        code: "VSL1055",
        severity: Severity::Warning,
        summary: "A file set loses backup-required bits of its file specification backup type in the new release",
        what: "For each file set of both releases (matched as `compat/file-set-removed` \
    says, whatever else changed about it), compares `filespecBackupType` (absent is 3855, the \
    mask VSS uses when a writer gives none; a value that is not a number is not compared). A file set that loses any of the \
    \"backup required\" bits (`VSS_FSBT_FULL_BACKUP_REQUIRED` 0x1, \
    `VSS_FSBT_DIFFERENTIAL_BACKUP_REQUIRED` 0x2, `VSS_FSBT_INCREMENTAL_BACKUP_REQUIRED` 0x4, \
    `VSS_FSBT_LOG_BACKUP_REQUIRED` 0x8) is reported at the new value, with the old one.\n\n\
    For restoring backups: a full backup made with the old release followed by incremental or \
    differential backups made with the new one no longer holds the current version of the \
    file set's files in every backup, so restoring the chain can give back an older version \
    than the old release promised. For a backup application's saved selections: nothing \
    changes, file sets are not selected.",
        why: "\"Backup required\" means that the writer \"expects a copy of the current version of \
    the file set to be available following the restore of any backup operation\": typically \
    all its files are copied in every incremental or differential backup.\n\n\
    What the documentation does not say: how a writer that dropped the bits handles the \
    restore of a chain whose backups were made under both masks. Keep the bits while chains \
    started with the old release may be restored, or make the new writer bring the files up \
    to date after restoring such a chain; raise the writer's minor version (`InitializeEx`).",
        sources: &[
            "Writer role in VSS incremental and differential backups: https://learn.microsoft.com/en-us/windows/win32/vss/writer-role-in-vss-incremental-and-differential-backups",
            "VSS_FILE_SPEC_BACKUP_TYPE: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_file_spec_backup_type",
            "CVssWriterEx::InitializeEx: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriterex-initializeex",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    for ((_, ofs), (nc, nfs), c) in in_both(pair) {
        let Some(moved) = bits_moved(
            ofs,
            nfs,
            backup_type,
            FileSpecBackupType::ALL_BACKUP_REQUIRED,
            Lost,
        ) else {
            continue;
        };
        cx.changed(
            attr_or_element(&ofs.backup_type, &ofs.node),
            attr_or_element(&nfs.backup_type, &nfs.node),
            format!(
                "the {} of component `{}` loses {} in the new release ({} in the old one, {} in the new)",
                describe_file_set(nfs),
                nc.full_name(),
                moved.bits.describe(),
                moved.old.bits(),
                moved.new.bits()
            ),
        )
        .label("backup required bits lost here")
        .help("keep the backup required bits while backup chains started with the old release may be restored");
        cx.note_recorded(c);
    }
}
