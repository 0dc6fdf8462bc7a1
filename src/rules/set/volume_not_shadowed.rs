//! `set/volume-not-shadowed`: the files of the components a backup selects lie on volumes the
//! snapshot set copied.

use crate::model::Component;
use crate::rule_api::{rule, AcrossCx, Facts, Member, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::backup_set::{
    added, backup_sets, descendants, full_name, relate, set_check, BESIDE_SECOND_WRITER,
};
use crate::toolkit::file_paths::drive;

pub static RULE: Rule = Rule {
    meta: rule!("set/volume-not-shadowed" {
        code: "VSL960",
        severity: Severity::Error,
        summary: "A selected component's files lie on a volume no shadow copy of the backup covers",
        what: "For each component the backup components document adds, and each subcomponent it \
    takes with it (the components below it in its logical path), checks that the drive of each \
    file set's `path` is the `OriginalVolume` of a `ShadowCopy` in DiskShadow's manifest. Paths \
    that cannot be mapped to a drive are not judged: volume GUID paths such as `\\\\?\\Volume{…}`, \
    unexpanded variables such as `%SystemRoot%`, and network paths.",
        why: "A writer's files must be on volumes of the snapshot set: otherwise they are copied \
    from the live volume, inconsistent, or not at all (the requester may need to add volumes, \
    `VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT`). In the second real set SQL Server databases sit on \
    C:, E: and F:, and only the component on C: is selected, with C: copied: consistent.",
        sources: &[
            "VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT (IVssBackupComponents::GetWriterStatus): https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-getwriterstatus",
            "IVssBackupComponents::AddToSnapshotSet: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-addtosnapshotset",
            "The second real set in the corpus (databases on C:, E: and F:, only C: copied)",
        ],
        across_documents: true,
        example_file: "WM1.xml",
        companions: BESIDE_SECOND_WRITER,
    }),
    check: set_check(check),
};

fn check(cx: &mut AcrossCx, docs: &[Member], _: &[Facts]) {
    for set in backup_sets(docs) {
        let Some(&(mi, manifest)) = set.manifests.first() else {
            continue;
        };
        let Some(copies) = &manifest.shadow_copy_set else {
            continue;
        };
        let copied: Vec<String> = copies
            .copies
            .iter()
            .filter_map(|c| drive(c.original_volume.as_ref()?.raw))
            .collect();
        let shown = if copied.is_empty() {
            "none".to_string()
        } else {
            copied.join(", ")
        };
        for (_, _, wc, writer) in set.taking_part() {
            // Each component once, however it is selected.
            let mut selected: Vec<&Component> = Vec::new();
            for c in &wc.components {
                let Some(declared) = added(writer, c) else {
                    continue;
                };
                for s in std::iter::once(declared).chain(descendants(writer.doc, declared)) {
                    if !selected.iter().any(|x| std::ptr::eq(*x, s)) {
                        selected.push(s);
                    }
                }
            }
            for c in selected {
                for fs in &c.file_sets {
                    let Some(path) = &fs.path else { continue };
                    let Some(d) = drive(path.raw) else { continue };
                    if copied.contains(&d) {
                        continue;
                    }
                    let full = full_name(c.logical_path(), c.name());
                    let found = cx
                        .report(
                            docs,
                            writer.member,
                            path.span,
                            format!(
                                "component `{full}` is backed up from {d}, which no shadow copy of this backup covers (copied: {shown})"
                            ),
                        )
                        .label(format!("{d} not copied"))
                        .help(format!(
                            "add {d}\\ to the snapshot set (DiskShadow: add volume {d}\\), or leave the component out"
                        ));
                    relate(
                        found,
                        &docs[mi],
                        copies.node.span,
                        "the shadow copies of the backup",
                    );
                }
            }
        }
    }
}
