//! `set/volume-not-shadowed`: the files of the components a backup selects lie on volumes the
//! snapshot set copied.

use crate::rule_api::{rule, AcrossCx, Facts, Member, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::backup_set::{
    backup_sets, full_name, relate, selected, set_check, ShadowedVolumes, BESIDE_SECOND_WRITER,
};
use crate::toolkit::file_paths::{drive_letter, drive_name};
use vsslint_model::model::Text;

pub static RULE: Rule = Rule {
    meta: rule!("set/volume-not-shadowed" {
        code: "VSL960",
        severity: Severity::Error,
        summary: "A selected component's files lie on a volume no shadow copy of the backup covers",
        what: "For each component the backup components document adds, and each subcomponent it \
    takes with it (the components below it in its logical path), checks that the drive of each \
    file set's `path` is the `OriginalVolume` of a `ShadowCopy` in DiskShadow's manifest. One \
    finding per component: it says how many of the component's file sets lie on drives no shadow \
    copy covers, points at the first of them and shows the next few as related locations. Paths \
    that cannot be mapped to a drive are not judged: volume GUID paths such as `\\\\?\\Volume{…}`, \
    unexpanded variables such as `%SystemRoot%`, and network paths. When a shadow copy's \
    `OriginalVolume` names no drive (a volume GUID path), any drive may be that volume: nothing \
    is judged in that backup, and `set/volume-unmapped` says why.",
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

/// How many of a component's uncovered file sets are shown as related locations, besides the
/// first: enough to see the pattern without listing thousands.
const SHOWN: usize = 3;

fn check(cx: &mut AcrossCx, docs: &[Member], _: &[Facts]) {
    for set in backup_sets(docs) {
        let Some((mi, copies)) = set.shadow_copies() else {
            continue;
        };
        let volumes = ShadowedVolumes::of(copies);
        // A volume named without a drive letter may be any of the drives: set/volume-unmapped
        // says so, and no drive can be called uncovered.
        if !volumes.unmapped.is_empty() {
            continue;
        }
        let copied = &volumes.drives;
        let shown = if copied.is_empty() {
            "none".to_string()
        } else {
            copied.join(", ")
        };
        for (_, _, wc, writer) in set.taking_part() {
            for c in selected(writer, wc) {
                let outside: Vec<(&Text, String)> = c
                    .file_sets
                    .iter()
                    .filter_map(|fs| {
                        let path = fs.path.as_ref()?;
                        let letter = drive_letter(path.raw)?;
                        (!volumes.covers(letter)).then(|| (path, drive_name(letter)))
                    })
                    .collect();
                let Some((first, first_drive)) = outside.first() else {
                    continue;
                };
                let mut drives: Vec<&str> = Vec::new();
                for (_, d) in &outside {
                    if !drives.contains(&d.as_str()) {
                        drives.push(d);
                    }
                }
                let on = and_list(&drives);
                let full = full_name(c.logical_path(), c.name());
                let count = match (outside.len(), c.file_sets.len()) {
                    (1, 1) => "its file set is".to_string(),
                    (1, total) => format!("1 of its {total} file sets is"),
                    (2, 2) => "both of its file sets are".to_string(),
                    (n, total) if n == total => format!("all {n} of its file sets are"),
                    (n, total) => format!("{n} of its {total} file sets are"),
                };
                let roots: Vec<String> = drives.iter().map(|d| format!("{d}\\")).collect();
                let adds: Vec<String> = roots.iter().map(|r| format!("add volume {r}")).collect();
                let found = cx
                    .report(
                        docs,
                        writer.member,
                        first.span,
                        format!(
                            "component `{full}` is in the backup, but {count} on {on}, which no shadow copy of this backup covers (copied: {shown})"
                        ),
                    )
                    .label(format!("{first_drive} not copied"))
                    .help(format!(
                        "add {} to the snapshot set (DiskShadow: {}), or leave the component out",
                        and_list(&roots),
                        adds.join(", ")
                    ));
                for (path, d) in outside.iter().skip(1).take(SHOWN) {
                    found.related(path.span, format!("also on {d}"));
                }
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

/// `C:`, `C: and E:`, `C:, E: and F:`.
fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => format!(
            "{} and {}",
            rest.iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}
