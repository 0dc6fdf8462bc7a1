//! `set/volume-unmapped`: a shadow copy names its volume without a drive letter, so which
//! drive-letter paths it holds cannot be known from the backup.

use crate::rule_api::{rule, AcrossCx, Facts, Member, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::backup_set::{
    backup_sets, relate, selected, set_check, ShadowedVolumes, BESIDE_MANIFEST,
};
use crate::toolkit::file_paths::{classify, drive_letter, PathForm};

pub static RULE: Rule = Rule {
    meta: rule!("set/volume-unmapped" {
        code: "VSL963",
        severity: Severity::Info,
        summary: "A shadow copy's volume has no drive letter, so the backup's volumes cannot be checked",
        what: "Notes a `ShadowCopy` of DiskShadow's manifest whose `OriginalVolume` is not a \
    drive's root: a volume GUID path such as `\\\\?\\Volume{…}\\`, or a mounted folder such as \
    `Y:\\MountX\\`. One finding per backup, at the first such volume; it counts the file sets of \
    the selected components that lie on drives no drive-letter shadow copy covers. While such a \
    volume is in the snapshot set, `set/volume-not-shadowed` judges nothing in that backup.",
        why: "`AddToSnapshotSet` takes a volume by its drive letter, by a mounted folder or by \
    its volume GUID path, so a manifest's `OriginalVolume` may be any of these. A GUID path or a \
    mounted folder does not say which drive letter, if any, the volume also has: any drive the \
    writers' files lie on may be it. Calling those files uncovered would be guessing, so they \
    are not checked, and this note says that they were not.",
        sources: &[
            "IVssBackupComponents::AddToSnapshotSet (volume name formats): https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-addtosnapshotset",
            "add (diskshadow): https://learn.microsoft.com/en-us/windows-server/administration/windows-commands/add",
        ],
        across_documents: true,
        example_file: "Manifest.xml",
        companions: BESIDE_MANIFEST,
    }),
    check: set_check(check),
};

fn check(cx: &mut AcrossCx, docs: &[Member], _: &[Facts]) {
    for set in backup_sets(docs) {
        let Some((mi, copies)) = set.shadow_copies() else {
            continue;
        };
        let volumes = ShadowedVolumes::of(copies);
        let Some((first, others)) = volumes.unmapped.split_first() else {
            continue;
        };
        // What set/volume-not-shadowed would have had to judge.
        let mut unchecked = 0usize;
        for (_, _, wc, writer) in set.taking_part() {
            for c in selected(writer, wc) {
                unchecked += c
                    .file_sets
                    .iter()
                    .filter_map(|fs| drive_letter(fs.path.as_ref()?.raw))
                    .filter(|&letter| !volumes.covers(letter))
                    .count();
            }
        }
        let named = match classify(first.raw) {
            PathForm::VolumeGuid => "by GUID",
            _ => "without a drive letter",
        };
        let effect = match unchecked {
            0 => "drive-letter file sets are not checked against the shadow copies".to_string(),
            1 => "1 file set of the selected components lies on a drive no drive-letter shadow copy covers and is not checked".to_string(),
            n => format!("{n} file sets of the selected components lie on drives no drive-letter shadow copy covers and are not checked"),
        };
        let d = cx
            .report(
                docs,
                mi,
                first.span,
                format!(
                    "the shadow copy of \"{}\" names its volume {named}, so which drive it is cannot be known from the backup: {effect}",
                    first.raw
                ),
            )
            .label("no drive letter")
            .help(
                "nothing is wrong with the backup; for its volumes to be checked, add a volume that has a drive letter by that letter (DiskShadow: add volume E:\\)",
            );
        for v in others {
            relate(
                d,
                &docs[mi],
                v.span,
                "another volume without a drive letter",
            );
        }
    }
}
