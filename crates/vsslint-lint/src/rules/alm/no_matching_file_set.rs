//! `alm/no-matching-file-set`: a mapping repeats one of the writer's file sets.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::{Attr, Component, FileSet, Mapping, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("alm/no-matching-file-set" {
        code: "VSL352",
        severity: Severity::Error,
        summary: "An alternate location mapping matches no file set of the writer",
        what: "An `ALTERNATE_LOCATION_MAPPING` must repeat the `path`, `filespec` and `recursive` \
    of one file set (`FILE_LIST`, `DATABASE_FILES` or `DATABASE_LOGFILES`) of one of the \
    writer's components. Paths and file specifications are compared without regard to letter \
    case and with a trailing backslash ignored (Windows paths are case-insensitive; how VSS \
    compares them is not documented); an absent `recursive` counts as `no`. When one file set \
    differs in a single field, or has the same path, it is shown as the closest. Mappings whose \
    source is malformed are left to `alm/source-syntax`. The element and attribute names are \
    inferred.",
        why: "Microsoft requires the path, file specification and recursion flag of a mapping to \
    match those of a file set added to one of the writer's components (required since Windows \
    Server 2003). A requester looks the mapping up by the file set it is restoring; a mapping \
    that matches none is never used, and the files it was meant for have no alternate location.",
        sources: &[
            "IVssCreateWriterMetadata::AddAlternateLocationMapping: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addalternatelocationmapping",
            "Semantic Changes to the Current Release: https://learn.microsoft.com/en-us/windows/win32/vss/semantic-changes-to-the-current-release",
            "Writer Metadata Document Contents: https://learn.microsoft.com/en-us/windows/win32/vss/writer-metadata-document-contents",
            "Working with Alternate Locations during Restore: https://learn.microsoft.com/en-us/windows/win32/vss/working-with-alternate-locations-during-restore",
        ],
    }),
    check: Check::Writer(check),
};

/// A path or file specification as compared: letter case and trailing backslashes aside.
fn key(s: &str) -> String {
    s.trim().trim_end_matches('\\').to_lowercase()
}

/// The three fields a mapping must repeat.
struct Source {
    path: String,
    spec: String,
    recursive: bool,
}

fn source(
    path: &Option<Attr<()>>,
    spec: &Option<Attr<()>>,
    recursive: &Option<Attr<Option<bool>>>,
) -> Option<Source> {
    Some(Source {
        path: key(path.as_ref()?.raw),
        spec: key(spec.as_ref()?.raw),
        recursive: Attr::is_yes(recursive),
    })
}

fn check(cx: &mut Cx, w: &WriterMetadata) {
    if w.mappings.is_empty() {
        return;
    }
    let sets: Vec<(&Component, &FileSet, Source)> = w
        .file_sets()
        .filter_map(|(c, f)| source(&f.path, &f.filespec, &f.recursive).map(|s| (c, f, s)))
        .collect();
    for m in &w.mappings {
        if !crate::toolkit::mappings::source_is_well_formed(m) {
            continue;
        }
        let Some(want) = source(&m.path, &m.filespec, &m.recursive) else {
            continue;
        };
        if sets.iter().any(|(_, _, s)| {
            s.path == want.path && s.spec == want.spec && s.recursive == want.recursive
        }) {
            continue;
        }
        report(cx, m, &want, closest(&sets, &want));
    }
}

/// The file set that differs from the mapping in one field only, or shares its path; among
/// several, the one whose path is most alike.
fn closest<'s, 'w>(
    sets: &'s [(&'w Component<'w>, &'w FileSet<'w>, Source)],
    want: &Source,
) -> Option<&'s (&'w Component<'w>, &'w FileSet<'w>, Source)> {
    sets.iter()
        .filter_map(|entry| {
            let s = &entry.2;
            let differing = usize::from(s.path != want.path)
                + usize::from(s.spec != want.spec)
                + usize::from(s.recursive != want.recursive);
            (differing <= 1 || s.path == want.path)
                .then(|| (differing, distance(&s.path, &want.path), entry))
        })
        .min_by_key(|(differing, dist, _)| (*differing, *dist))
        .map(|(_, _, entry)| entry)
}

fn report(cx: &mut Cx, m: &Mapping, want: &Source, near: Option<&(&Component, &FileSet, Source)>) {
    let path = m.path.as_ref().map_or("", |a| a.raw);
    let spec = m.filespec.as_ref().map_or("", |a| a.raw);
    let shown = crate::toolkit::mappings::describe(path, spec, want.recursive);
    let d = cx
        .report(
            m.node.span,
            format!("alternate location mapping {shown} matches no file set of the writer"),
        )
        .label("no file set with this path, filespec and recursive");
    let Some((c, f, s)) = near else {
        d.help("a mapping must repeat the path, filespec and recursive of one FILE_LIST, DATABASE_FILES or DATABASE_LOGFILES of the writer exactly; correct it, or remove it");
        return;
    };
    let f_path = f.path.as_ref().map_or("", |a| a.raw);
    let f_spec = f.filespec.as_ref().map_or("", |a| a.raw);
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    let mut differences = Vec::new();
    if s.path != want.path {
        differences.push(format!("path (mapping \"{path}\", file set \"{f_path}\")"));
    }
    if s.spec != want.spec {
        differences.push(format!(
            "filespec (mapping \"{spec}\", file set \"{f_spec}\")"
        ));
    }
    if s.recursive != want.recursive {
        differences.push(format!(
            "recursive (mapping \"{}\", file set \"{}\")",
            yes_no(want.recursive),
            yes_no(s.recursive)
        ));
    }
    d.related(
        f.node.span,
        format!(
            "closest file set: {} in component \"{}\"",
            crate::toolkit::mappings::describe(f_path, f_spec, s.recursive),
            c.full_name()
        ),
    )
    .help(format!(
        "the mapping differs from the closest file set in {}; a mapping must repeat the file set's path, filespec and recursive exactly",
        differences.join(" and ")
    ));
}

/// Levenshtein distance, to prefer the file set whose path is most alike.
fn distance(a: &str, b: &str) -> usize {
    strsim::levenshtein(a, b)
}

#[cfg(test)]
mod tests {
    use crate::settings::Settings;
    use crate::toolkit::testing::run_rule;

    fn findings(mapping: &str) -> Vec<crate::diagnostic::Diagnostic> {
        let doc = format!(
            r#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2"><IDENTIFICATION writerId="5cbc3b8e-4c7a-4b9e-9a5c-2f6f2a1e7d10" friendlyName="W" usage="USER_DATA" dataSource="OTHER"/><RESTORE_METHOD method="RESTORE_IF_CAN_BE_REPLACED" writerRestore="never" rebootRequired="no">{mapping}</RESTORE_METHOD><BACKUP_LOCATIONS><FILE_GROUP componentName="A" selectable="yes"><FILE_LIST path="C:\Data\Ledger\" filespec="*.dat"/><FILE_LIST path="C:\Data\Other" filespec="*.log" recursive="yes"/></FILE_GROUP></BACKUP_LOCATIONS></WRITER_METADATA>"#
        );
        run_rule(&super::RULE, &Settings::default(), &doc)
    }

    #[test]
    fn case_trailing_backslash_and_absent_recursive_still_match() {
        let m = r#"<ALTERNATE_LOCATION_MAPPING path="c:\data\LEDGER" filespec="*.DAT" alternatePath="D:\R"/>"#;
        assert!(findings(m).is_empty());
        let m = r#"<ALTERNATE_LOCATION_MAPPING path="C:\Data\Ledger" filespec="*.dat" recursive="no" alternatePath="D:\R"/>"#;
        assert!(findings(m).is_empty());
    }

    #[test]
    fn closest_file_set_is_shown_when_one_field_differs() {
        let m = r#"<ALTERNATE_LOCATION_MAPPING path="C:\Data\Ledgers" filespec="*.dat" alternatePath="D:\R"/>"#;
        let f = findings(m);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].related.len(), 1, "{:?}", f[0]);
        assert!(f[0].related[0].message.contains(r"C:\Data\Ledger\*.dat"));
        assert!(f[0].help.as_deref().unwrap().contains("path"));
    }

    #[test]
    fn no_closest_file_set_when_nothing_is_alike() {
        let m = r#"<ALTERNATE_LOCATION_MAPPING path="E:\Elsewhere" filespec="*.bin" recursive="yes" alternatePath="D:\R"/>"#;
        let f = findings(m);
        assert_eq!(f.len(), 1);
        assert!(f[0].related.is_empty());
    }

    #[test]
    fn malformed_sources_are_left_to_source_syntax() {
        let m = r#"<ALTERNATE_LOCATION_MAPPING path="C:\Data\*" filespec="*.dat" alternatePath="D:\R"/>"#;
        assert!(findings(m).is_empty());
    }
}
