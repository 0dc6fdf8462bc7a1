//! `excl/covers-whole-file-set`: an exclusion that leaves a file set with nothing.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::file_paths::{glob_covers, show};
use crate::toolkit::path_index::{DirIndex, DirKey};
use vsslint_model::model::is_blank;
use vsslint_model::model::{Attr, Component, Exclude, ExcludeKind, FileSet, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("excl/covers-whole-file-set" {
        code: "VSL652",
        severity: Severity::Warning,
        summary: "an EXCLUDE_FILES entry excludes every file of a component's file set",
        what: "Reports an `EXCLUDE_FILES` entry that takes away all the files of one of the \
    writer's own file sets: the same directory with a filespec that matches everything the file \
    set's filespec matches (and `recursive=\"yes\"` if the file set is recursive), or a \
    recursive exclusion of a directory above the file set. Filespecs are compared without case; \
    `*` and `*.*` match everything; paths are compared as written, without expanding \
    environment variables. One finding per exclusion, showing up to three of the file sets it \
    empties. To stay linear, at most 32 exclusions with wildcards and 32 without are \
    considered per directory. `EXCLUDE_FILES_FROM_SNAPSHOT` does not exclude from backup and is not considered.",
        why: "The exclude list is meant to trim wildcard inclusions (temporary files, logs in \
    use), and it wins over the components' file lists. An exclusion that matches a whole file \
    set means that file set is never backed up; a component whose file sets are all excluded \
    backs up nothing. That is almost always a typo in the exclusion's filespec.",
        sources: &[
            "Writer Metadata Document Contents (exclude files): https://learn.microsoft.com/en-us/windows/win32/vss/writer-metadata-document-contents",
            "IVssCreateWriterMetadata::AddExcludeFiles: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addexcludefiles",
        ],
    }),
    check: Check::Writer(check),
};

/// How many of the emptied file sets a finding shows.
const SHOWN: usize = 3;

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let excludes: Vec<(&Exclude, &str, &str)> = w
        .excludes
        .iter()
        .filter(|e| e.kind == ExcludeKind::ExcludeFiles)
        .filter_map(|e| {
            let path = e.path.as_ref()?.raw;
            let spec = e.filespec.as_ref()?.raw;
            (!is_blank(path) && !is_blank(spec)).then_some((e, path, spec))
        })
        .collect();
    if excludes.is_empty() {
        return;
    }
    let mut index = DirIndex::default();
    for (i, (_, path, spec)) in excludes.iter().enumerate() {
        index.insert(DirKey::new(path), spec, i);
    }
    let mut emptied: Vec<Vec<(&Component, &FileSet)>> = vec![Vec::new(); excludes.len()];
    let mut counts = vec![0usize; excludes.len()];
    for (c, f) in w.file_sets() {
        let (Some(p), Some(s)) = (&f.path, &f.filespec) else {
            continue;
        };
        if is_blank(p.raw) || is_blank(s.raw) {
            continue;
        }
        let dir = DirKey::new(p.raw);
        let recursive = Attr::is_yes(&f.recursive);
        let here = index.at(dir, s.raw).filter(|&x| {
            let (e, _, spec) = excludes[x];
            glob_covers(spec, s.raw) && (Attr::is_yes(&e.recursive) || !recursive)
        });
        let above = index.above(dir, s.raw).filter(|&x| {
            let (e, _, spec) = excludes[x];
            Attr::is_yes(&e.recursive) && glob_covers(spec, s.raw)
        });
        for x in here.chain(above) {
            counts[x] += 1;
            if emptied[x].len() < SHOWN {
                emptied[x].push((c, f));
            }
        }
    }
    for (x, (e, path, spec)) in excludes.iter().enumerate() {
        let Some(&(c, f)) = emptied[x].first() else {
            continue;
        };
        let others = match counts[x] - 1 {
            0 => String::new(),
            1 => " and of 1 other file set".to_string(),
            n => format!(" and of {n} other file sets"),
        };
        let d = cx.report(
            e.node.span,
            format!(
                "<EXCLUDE_FILES> {} excludes every file of <{}> {} in component \"{}\"{others}",
                show(path, spec),
                f.node.name,
                show(
                    f.path.as_ref().map_or("", |a| a.raw),
                    f.filespec.as_ref().map_or("", |a| a.raw)
                ),
                c.full_name()
            ),
        );
        d.label("excludes a whole file set");
        for (c, f) in &emptied[x] {
            d.related(
                f.node.span,
                format!(
                    "every file of this file set of \"{}\" is excluded",
                    c.full_name()
                ),
            );
        }
        d.help("exclusions win over the components' file lists: narrow the exclusion's filespec to the files to leave out, or remove the file set if it is not meant to be backed up");
    }
}

#[cfg(test)]
mod tests {
    use crate::toolkit::testing::location_findings as findings;

    fn run(set: (&str, &str, &str), exclude: (&str, &str, &str)) -> usize {
        let xml = format!(
            r#"<FILE_GROUP componentName="C" selectable="yes"><FILE_LIST path="{}" filespec="{}" recursive="{}"/></FILE_GROUP><EXCLUDE_FILES path="{}" filespec="{}" recursive="{}"/>"#,
            set.0, set.1, set.2, exclude.0, exclude.1, exclude.2
        );
        findings(&super::RULE, &xml, false).len()
    }

    #[test]
    fn coverage() {
        // The Registry writer's real exclusions of .LOG files next to the hives.
        assert_eq!(
            run(
                (r"C:\W\config", "default", "no"),
                (r"C:\W\config", "default.LOG", "no")
            ),
            0
        );
        assert_eq!(
            run(
                (r"C:\W\config", "system.LOG", "no"),
                (r"c:\w\CONFIG\", "*.log", "no")
            ),
            1
        );
        assert_eq!(run((r"C:\D", "*.dat", "yes"), (r"C:\D", "*", "no")), 0);
        assert_eq!(run((r"C:\D", "*.dat", "yes"), (r"C:\D", "*", "yes")), 1);
        assert_eq!(
            run((r"C:\D\a\b", "x.dat", "no"), (r"C:\D", "*.dat", "yes")),
            1
        );
        assert_eq!(
            run((r"C:\D\a\b", "x.dat", "no"), (r"C:\D", "*.dat", "no")),
            0
        );
        assert_eq!(run((r"C:\D", "*.dat", "no"), (r"C:\D", "a*.dat", "no")), 0);
    }
}
