//! `fs/file-in-several-components`: a file set belongs to one component.

use crate::model::is_blank;
use crate::model::{Component, FileSet, WriterMetadata};
use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Cost;
use crate::rule_meta::Severity;
use crate::toolkit::file_paths::show;
use crate::toolkit::path_index::in_other_components;

pub static RULE: Rule = Rule {
    meta: rule!("fs/file-in-several-components" {
        code: "VSL614",
        severity: Severity::Warning,
        cost: Cost::AllFileSets,
        summary: "the same file set appears in two components",
        what: "Reports a file set whose `path` and `filespec` (compared without case and trailing \
    backslash, `*.*` read as `*`) already appear in another component of the writer, and shows \
    both places. `recursive` and the backup-type mask are not compared: the files of the top \
    directory are shared either way. Paths are compared as written, without expanding \
    environment variables. Repeats inside one component are `fs/duplicate-or-overlap`.",
        why: "Microsoft's description of a well-behaved writer excludes reporting the same file in \
    several components. A requester that backs up or restores one of the components touches \
    the other's files too, and selecting one component but not the other gives a backup that \
    contradicts itself.",
        sources: &[
            "VSS Test Writer Tool (well-behaved writer checks): https://learn.microsoft.com/en-us/windows/win32/vss/vss-test-writer-tool",
            "Definition of Components by Writers: https://learn.microsoft.com/en-us/windows/win32/vss/definition-of-components-by-writers",
        ],
    }),
    check: Check::Writer(check),
};

/// A file set's path and filespec, when it has both and neither is blank.
fn listed<'m>(f: &FileSet<'m>) -> Option<(&'m str, &'m str)> {
    let (Some(p), Some(s)) = (&f.path, &f.filespec) else {
        return None;
    };
    (!is_blank(p.raw) && !is_blank(s.raw)).then_some((p.raw, s.raw))
}

fn check(cx: &mut Cx, w: &WriterMetadata) {
    if w.components.len() < 2 {
        return;
    }
    for r in in_other_components(&w.components, listed) {
        let c = &w.components[r.component as usize];
        let oc = &w.components[r.first_component as usize];
        let (f, first) = (
            &c.file_sets[r.file_set as usize],
            &oc.file_sets[r.first_file_set as usize],
        );
        let Some((p, s)) = listed(f) else {
            continue;
        };
        report(cx, c, f, oc, first, show(p, s));
    }
}

fn report(cx: &mut Cx, c: &Component, f: &FileSet, oc: &Component, other: &FileSet, set: String) {
    cx.report(
        f.node.span,
        format!(
            "<{}> {set} in component \"{}\" is also in component \"{}\"",
            f.node.name,
            c.full_name(),
            oc.full_name()
        ),
    )
    .label(format!("in \"{}\"", c.full_name()))
    .related(other.node.span, format!("also in \"{}\"", oc.full_name()))
    .help(format!(
        "keep the files in one component: remove this entry, or the one in \"{}\"; if both components need them, make one depend on the other",
        oc.full_name()
    ));
}

#[cfg(test)]
mod tests {
    use crate::settings::Settings;
    use crate::toolkit::testing::findings;

    fn list(path: &str, spec: &str) -> String {
        format!(r#"<FILE_LIST path="{path}" filespec="{spec}"/>"#)
    }

    #[test]
    fn a_large_component_is_compared_with_the_others_in_full() {
        // The large component holds repeats of the small ones' sets under other spellings,
        // sets of the same length that differ, and many of other lengths.
        let mut large: String = (0..300)
            .map(|i| list(&format!(r"C:\Big\d{i}"), "*"))
            .collect();
        for (p, s) in [
            (r"c:\data\LOGS\", "*.*"),
            (r"C:\Data\Logx", "*"),
            (r"C:\Data\Logs", "a.txt"),
            (r"D:\Other", "x.dat"),
        ] {
            large.push_str(&list(p, s));
        }
        let small_a = list(r"C:\Data\Logs", "*") + &list(r"C:\Data\Logs", "b.txt");
        let small_b = list(r"d:\other\", "X.DAT") + &list(r"C:\Data\Logs", "*");
        let body = format!(
            r#"<FILE_GROUP componentName="Large" selectable="yes">{large}</FILE_GROUP>
    <FILE_GROUP componentName="A" selectable="yes">{small_a}</FILE_GROUP>
    <FILE_GROUP componentName="B" selectable="yes">{small_b}</FILE_GROUP>"#
        );
        let f: Vec<String> = findings(&super::RULE, Settings::default(), &body)
            .into_iter()
            .map(|(_, m)| m)
            .collect();
        // A's and B's Logs repeat Large's first spelling; B's Other repeats Large's.
        assert_eq!(f.len(), 3, "{f:#?}");
        assert!(f.iter().all(|m| m.contains("\"Large\"")), "{f:#?}");
    }
}
