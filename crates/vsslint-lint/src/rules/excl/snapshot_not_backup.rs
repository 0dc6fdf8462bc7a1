//! `excl/snapshot-not-backup`: files removed from the shadow copy are still backed up.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::file_paths::{glob_covers, globs_intersect, show};
use crate::toolkit::path_index::{DirIndex, DirKey};
use vsslint_model::model::is_blank;
use vsslint_model::model::{Attr, Component, Exclude, ExcludeKind, FileSet, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("excl/snapshot-not-backup" {
        code: "VSL653",
        severity: Severity::Info,
        summary: "files excluded from the shadow copy are still in a component's backup",
        what: "Reports an `EXCLUDE_FILES_FROM_SNAPSHOT` entry that matches files of one of the \
    writer's own file sets (same directory, or one below the other with `recursive=\"yes\"`, and \
    filespecs that can match a common name), when no `EXCLUDE_FILES` entry excludes the same \
    files from backup.\n\n\
    An exclusion from the snapshot that touches none of the writer's own components is not \
    reported: Windows' Shadow Copy Optimization writer lists only such entries (files other \
    writers and applications own), and nothing in its document is backed up. Paths are \
    compared as written, without expanding environment variables; to stay linear, at most 32 \
    entries with wildcards and 32 without are considered per directory.",
        why: "`AddExcludeFilesFromSnapshot` only reports files the writer deletes from the shadow \
    copy after it is created; it does not exclude them from backup, and Microsoft tells writers \
    to keep using `AddExcludeFiles` for that. A component that still lists those files makes \
    the requester look for them in a shadow copy where they no longer exist.",
        sources: &[
            "IVssCreateWriterMetadataEx::AddExcludeFilesFromSnapshot: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadataex-addexcludefilesfromsnapshot",
            "IVssExamineWriterMetadataEx2::GetExcludeFromSnapshotFile: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssexaminewritermetadataex2-getexcludefromsnapshotfile",
            "Excluding Files from Shadow Copies: https://learn.microsoft.com/en-us/windows/win32/vss/excluding-files-from-shadow-copies",
            "The Shadow Copy Optimization writer lists only EXCLUDE_FILES_FROM_SNAPSHOT entries (real DiskShadow output)",
        ],
    }),
    check: Check::Writer(check),
};

struct Entry<'m> {
    exclude: &'m Exclude<'m>,
    dir: DirKey<'m>,
    path: &'m str,
    spec: &'m str,
    recursive: bool,
}

fn entries<'m>(w: &'m WriterMetadata<'m>, kind: ExcludeKind) -> Vec<Entry<'m>> {
    w.excludes
        .iter()
        .filter(|e| e.kind == kind)
        .filter_map(|e| {
            let path = e.path.as_ref()?.raw;
            let spec = e.filespec.as_ref()?.raw;
            (!is_blank(path) && !is_blank(spec)).then(|| Entry {
                exclude: e,
                dir: DirKey::new(path),
                path,
                spec,
                recursive: Attr::is_yes(&e.recursive),
            })
        })
        .collect()
}

fn index<'m>(entries: &[Entry<'m>]) -> DirIndex<'m> {
    let mut index = DirIndex::default();
    for (i, e) in entries.iter().enumerate() {
        index.insert(e.dir, e.spec, i);
    }
    index
}

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let snapshot = entries(w, ExcludeKind::ExcludeFilesFromSnapshot);
    if snapshot.is_empty() {
        return;
    }
    let by_dir = index(&snapshot);
    let mut hit: Vec<Option<(&Component, &FileSet)>> = vec![None; snapshot.len()];
    // Only recursive file sets can reach exclusions below their own directory.
    let mut recursive_sets: Vec<(&Component, &FileSet, &str)> = Vec::new();
    let mut recursive_index = DirIndex::default();
    for (c, f) in w.file_sets() {
        let (Some(p), Some(s)) = (&f.path, &f.filespec) else {
            continue;
        };
        if is_blank(p.raw) || is_blank(s.raw) {
            continue;
        }
        let dir = DirKey::new(p.raw);
        let here = by_dir.at(dir, s.raw);
        let above = by_dir.above(dir, s.raw).filter(|&x| snapshot[x].recursive);
        for x in here.chain(above) {
            if hit[x].is_none() && globs_intersect(snapshot[x].spec, s.raw) {
                hit[x] = Some((c, f));
            }
        }
        if Attr::is_yes(&f.recursive) {
            recursive_index.insert(dir, s.raw, recursive_sets.len());
            recursive_sets.push((c, f, s.raw));
        }
    }
    if !recursive_index.is_empty() {
        for (x, e) in snapshot.iter().enumerate() {
            if hit[x].is_some() {
                continue;
            }
            hit[x] = recursive_index
                .above(e.dir, e.spec)
                .map(|r| recursive_sets[r])
                .find(|&(_, _, spec)| globs_intersect(spec, e.spec))
                .map(|(c, f, _)| (c, f));
        }
    }
    let backup = entries(w, ExcludeKind::ExcludeFiles);
    let backup_index = index(&backup);
    for (x, e) in snapshot.iter().enumerate() {
        let Some((c, f)) = hit[x] else {
            continue;
        };
        let here = backup_index
            .at(e.dir, e.spec)
            .any(|b| glob_covers(backup[b].spec, e.spec) && (backup[b].recursive || !e.recursive));
        let above = backup_index
            .above(e.dir, e.spec)
            .any(|b| backup[b].recursive && glob_covers(backup[b].spec, e.spec));
        if here || above {
            continue;
        }
        let recursive = if e.recursive { "yes" } else { "no" };
        cx.report(
            e.exclude.node.span,
            format!(
                "<EXCLUDE_FILES_FROM_SNAPSHOT> {} removes files from the shadow copy that component \"{}\" still backs up",
                show(e.path, e.spec),
                c.full_name()
            ),
        )
        .label("excluded from the snapshot only")
        .related(f.node.span, format!("file set of \"{}\" that takes these files", c.full_name()))
        .help(format!(
            "an exclusion from the snapshot does not exclude from backup: add <EXCLUDE_FILES path=\"{}\" filespec=\"{}\" recursive=\"{recursive}\"/>, or take the files out of the component",
            e.path, e.spec
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::toolkit::testing::location_findings as findings;

    fn run(xml: &str) -> usize {
        findings(&super::RULE, xml, false).len()
    }

    #[test]
    fn only_exclusions_touching_own_components() {
        // Like the Shadow Copy Optimization writer: nothing of its own is backed up.
        assert_eq!(
            run(
                r#"<EXCLUDE_FILES_FROM_SNAPSHOT path="C:\Users\A\Outlook" filespec="*.ost" recursive="no"/>"#
            ),
            0
        );
        let set = r#"<FILE_GROUP componentName="C" selectable="yes"><FILE_LIST path="C:\D" filespec="*" recursive="yes"/></FILE_GROUP>"#;
        let snap =
            r#"<EXCLUDE_FILES_FROM_SNAPSHOT path="C:\D\cache" filespec="*.tmp" recursive="no"/>"#;
        assert_eq!(run(&format!("{set}{snap}")), 1);
        let backup = r#"<EXCLUDE_FILES path="c:\d" filespec="*.TMP" recursive="yes"/>"#;
        assert_eq!(run(&format!("{set}{snap}{backup}")), 0);
        let elsewhere =
            r#"<EXCLUDE_FILES_FROM_SNAPSHOT path="C:\E" filespec="*" recursive="yes"/>"#;
        assert_eq!(run(&format!("{set}{elsewhere}")), 0);
    }
}
