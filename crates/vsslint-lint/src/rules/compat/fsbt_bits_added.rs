//! `compat/fsbt-bits-added`: a file set gains backup type bits in the new release.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_file_sets::{attr_or_element, backup_type, describe_file_set, in_both};
use crate::toolkit::compat_flags::{bits_moved, Direction::Gained};
use vsslint_model::flags::{FileSpecBackupType, Mask};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/fsbt-bits-added" {
        code: "VSL1057",
        severity: Severity::Info,
        summary: "A file set gains backup type bits in the new release",
        what: "For each file set of both releases (matched as `compat/file-set-removed` \
    says, whatever else changed about it), compares `filespecBackupType` (absent is 3855, the \
    mask VSS uses when a writer gives none; a value that is not a number is not compared). A file set that gains any bit is \
    reported at the new value, with the old one.\n\n\
    For restoring a backup made with the old release: nothing changes, the backup was made \
    under the old mask. For a backup application's saved selections: nothing changes; new \
    backups copy the files more often, or from a shadow copy.",
        why: "The file specification backup type tells a requester, at backup, how to include a file \
    set's files in incremental and differential backups and whether to copy them from a \
    shadow copy; gaining bits asks for more at backup and takes nothing away from backups \
    already made.",
        sources: &[
            "Writer role in VSS incremental and differential backups: https://learn.microsoft.com/en-us/windows/win32/vss/writer-role-in-vss-incremental-and-differential-backups",
            "VSS_FILE_SPEC_BACKUP_TYPE: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_file_spec_backup_type",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    for ((_, ofs), (nc, nfs), c) in in_both(pair) {
        let Some(moved) = bits_moved(ofs, nfs, backup_type, FileSpecBackupType::all(), Gained)
        else {
            continue;
        };
        cx.changed(
            attr_or_element(&ofs.backup_type, &ofs.node),
            attr_or_element(&nfs.backup_type, &nfs.node),
            format!(
                "the {} of component `{}` gains {} in the new release ({} in the old one, {} in the new)",
                describe_file_set(nfs),
                nc.full_name(),
                moved.bits.describe(),
                moved.old.bits(),
                moved.new.bits()
            ),
        )
        .label("bits gained here")
        .help("nothing to change: new backups copy these files more often, or from a shadow copy");
        cx.note_recorded(c);
    }
}
