//! `set/snapshot-set-mismatch`: the backup components document and DiskShadow's manifest
//! describe the same snapshot set.

use crate::rule_api::{rule, AcrossCx, Facts, Member, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::backup_set::{backup_sets, relate, set_check, BESIDE_COMPONENTS};

pub static RULE: Rule = Rule {
    meta: rule!("set/snapshot-set-mismatch" {
        code: "VSL956",
        severity: Severity::Error,
        summary: "The backup components document's snapshotSetId is not the manifest's shadow copy set",
        what: "Compares `BACKUP_COMPONENTS@snapshotSetId` with the `GUID` of the manifest's \
    `ShadowCopySet` (written in braces there), as values.",
        why: "DiskShadow writes its manifest and the backup components document of one backup \
    together, for one snapshot set (both real sets agree). Different sets mean files of two \
    backups were mixed: restoring from them would pair a writer's saved state with shadow copies \
    it does not describe.",
        sources: &[
            "IVssBackupComponents::StartSnapshotSet: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-startsnapshotset",
            "DiskShadow's Manifest.xml and BCDocument.xml name the same set (the real sets in the corpus)",
        ],
        across_documents: true,
        example_file: "BCDocument.xml",
        companions: BESIDE_COMPONENTS,
    }),
    check: set_check(check),
};

fn check(cx: &mut AcrossCx, docs: &[Member], _: &[Facts]) {
    for set in backup_sets(docs) {
        for &(i, bc) in &set.components {
            let Some(id) = &bc.snapshot_set_id else {
                continue;
            };
            let Some(ours) = id.value.uuid() else {
                continue;
            };
            for &(j, m) in &set.manifests {
                let Some(guid) = m.shadow_copy_set.as_ref().and_then(|s| s.guid.as_ref()) else {
                    continue;
                };
                let Some(theirs) = guid.value.uuid() else {
                    continue;
                };
                if ours != theirs {
                    let d = cx
                        .report(
                            docs,
                            i,
                            id.span,
                            format!(
                                "snapshot set {} is not the manifest's shadow copy set {}",
                                id.raw, guid.raw
                            ),
                        )
                        .label("another snapshot set")
                        .help("the manifest and this document come from different backups: keep the files of one backup together");
                    relate(d, &docs[j], guid.span, "the manifest's shadow copy set");
                }
            }
        }
    }
}
