//! `compat/fsbt-snapshot-bits-removed`: a file set loses shadow-copy-required bits of its
//! file specification backup type in the new release.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_file_sets::{attr_or_element, backup_type, describe_file_set, in_both};
use crate::toolkit::compat_flags::{bits_moved, Direction::Lost};
use vsslint_model::flags::{FileSpecBackupType, Mask};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/fsbt-snapshot-bits-removed" {
        code: "VSL1056",
        severity: Severity::Info,
        summary: "A file set loses shadow-copy-required bits of its file specification backup type in the new release",
        what: "For each file set of both releases (matched as `compat/file-set-removed` \
    says, whatever else changed about it), compares `filespecBackupType` (absent is 3855, the \
    mask VSS uses when a writer gives none; a value that is not a number is not compared). A file set that loses any of the \
    \"shadow copy required\" bits (`VSS_FSBT_FULL_SNAPSHOT_REQUIRED` 0x100, \
    `VSS_FSBT_DIFFERENTIAL_SNAPSHOT_REQUIRED` 0x200, `VSS_FSBT_INCREMENTAL_SNAPSHOT_REQUIRED` \
    0x400, `VSS_FSBT_LOG_SNAPSHOT_REQUIRED` 0x800) is reported at the new value, with the old \
    one.\n\n\
    For restoring a backup made with the old release: nothing changes, the bits say how a \
    requester copies the files at backup. For a backup application's saved selections: \
    nothing changes; new backups may copy the files from the volume rather than from a shadow \
    copy.",
        why: "The \"shadow copy required\" bits \"indicate whether a requester needs to copy data \
    from a shadow copy\" when it backs the file set up: they act on new backups only.",
        sources: &[
            "Writer role in VSS incremental and differential backups: https://learn.microsoft.com/en-us/windows/win32/vss/writer-role-in-vss-incremental-and-differential-backups",
            "VSS_FILE_SPEC_BACKUP_TYPE: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_file_spec_backup_type",
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
            FileSpecBackupType::ALL_SNAPSHOT_REQUIRED,
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
        .label("shadow copy required bits lost here")
        .help("nothing to change for old backups: new backups of these files need no shadow copy");
        cx.note_recorded(c);
    }
}
