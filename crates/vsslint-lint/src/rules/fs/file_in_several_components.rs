//! `fs/file-in-several-components`: a file set belongs to one component.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Cost;
use crate::rule_meta::Severity;
use crate::toolkit::components::are_duplicates;
use crate::toolkit::file_paths::show;
use crate::toolkit::path_index::{in_other_components, InOtherComponent};
use std::collections::HashMap;
use vsslint_model::model::is_blank;
use vsslint_model::model::{Component, FileSet, WriterMetadata};

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
    environment variables. Repeats inside one component are `fs/duplicate-or-overlap`. \
    When one component shares several file sets with another, one finding at the first counts \
    them and points at the next two. Two components with the same logical path and name are \
    left to `comp/duplicate`: all their shared file sets come from that one mistake.",
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

/// How many of the file sets one component shares with another a finding points at: the
/// rest are counted. A component repeated under another name shares all of its file sets,
/// thousands of them in the System writer's document, and one finding per file set would
/// bury the one mistake.
const SHOWN: usize = 3;

/// The file sets one component shares with another: the first, the next few, and how many.
struct Shared {
    first: InOtherComponent,
    next: Vec<u32>,
    count: usize,
}

fn check(cx: &mut Cx, w: &WriterMetadata) {
    if w.components.len() < 2 {
        return;
    }
    let found = in_other_components(&w.components, listed);
    let mut shared: Vec<Shared> = Vec::new();
    let mut by_other: HashMap<u32, usize> = HashMap::new();
    // The repeats come sorted by component: one component's pairs are gathered at a time.
    for run in found.chunk_by(|a, b| a.component == b.component) {
        let c = &w.components[run[0].component as usize];
        shared.clear();
        by_other.clear();
        for r in run {
            let oc = &w.components[r.first_component as usize];
            // comp/duplicate reports the pair once; every shared file set would repeat it.
            if are_duplicates(c, oc) {
                continue;
            }
            let at = *by_other.entry(r.first_component).or_insert_with(|| {
                shared.push(Shared {
                    first: *r,
                    next: Vec::new(),
                    count: 0,
                });
                shared.len() - 1
            });
            let s = &mut shared[at];
            if s.count > 0 && s.next.len() < SHOWN - 1 {
                s.next.push(r.file_set);
            }
            s.count += 1;
        }
        for s in &shared {
            report(cx, w, c, s);
        }
    }
}

fn report(cx: &mut Cx, w: &WriterMetadata, c: &Component, s: &Shared) {
    let oc = &w.components[s.first.first_component as usize];
    let f = &c.file_sets[s.first.file_set as usize];
    let other = &oc.file_sets[s.first.first_file_set as usize];
    let Some((p, spec)) = listed(f) else {
        return;
    };
    let (name, other_name) = (c.full_name(), oc.full_name());
    let set = show(p, spec);
    if s.count == 1 {
        cx.report(
            f.node.span,
            format!(
                "<{}> {set} in component \"{name}\" is also in component \"{other_name}\"",
                f.node.name
            ),
        )
        .label(format!("in \"{name}\""))
        .related(other.node.span, format!("also in \"{other_name}\""))
        .help(format!(
            "keep the files in one component: remove this entry, or the one in \"{other_name}\"; if both components need them, make one depend on the other"
        ));
        return;
    }
    let d = cx.report(
        f.node.span,
        format!(
            "{} file sets of component \"{name}\" are also in component \"{other_name}\", starting with <{}> {set}",
            s.count, f.node.name
        ),
    );
    d.label(format!("first of {} in \"{name}\"", s.count))
        .related(other.node.span, format!("also in \"{other_name}\""))
        .help(format!(
            "keep the files in one component: remove these entries, or those in \"{other_name}\"; if both components need them, make one depend on the other"
        ));
    let hidden = s.count - 1 - s.next.len();
    for (i, &fi) in s.next.iter().enumerate() {
        let message = if i + 1 == s.next.len() && hidden > 0 {
            format!("also in \"{other_name}\", and {hidden} more after this one")
        } else {
            format!("also in \"{other_name}\"")
        };
        d.related(c.file_sets[fi as usize].node.span, message);
    }
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
        // A's and B's Logs repeat Large's first spelling; B's Other repeats Large's, and
        // B's two are one finding.
        assert_eq!(f.len(), 2, "{f:#?}");
        assert!(f[0].starts_with(r#"<FILE_LIST> "C:\Data\Logs" "*" in component "A""#));
        assert!(f[1].starts_with(r#"2 file sets of component "B""#));
        assert!(f.iter().all(|m| m.contains("\"Large\"")), "{f:#?}");
    }

    /// Components named by `names`, each listing the same `sets` file sets.
    fn copies(names: &[&str], sets: usize) -> String {
        let lists: String = (0..sets)
            .map(|i| list(&format!(r"C:\Data\d{i}"), "*"))
            .collect();
        names
            .iter()
            .map(|n| {
                format!(r#"<FILE_GROUP componentName="{n}" selectable="yes">{lists}</FILE_GROUP>"#)
            })
            .collect()
    }

    #[test]
    fn a_component_declared_twice_is_left_to_comp_duplicate() {
        let body = copies(&["Logs", "Logs"], 50)
            + r#"<FILE_GROUP logicalPath="A" componentName="Logs" selectable="yes">"#
            + &list(r"C:\Data\d0", "*")
            + "</FILE_GROUP>";
        let f = findings(&super::RULE, Settings::default(), &body);
        // Only the component at another logical path is another component.
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0]
            .1
            .contains(r#"component "A\Logs" is also in component "Logs""#));
    }

    #[test]
    fn unnamed_components_are_still_compared() {
        let f = findings(&super::RULE, Settings::default(), &copies(&["", ""], 2));
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn one_finding_per_pair_of_components_with_the_count() {
        let body = copies(&["Logs", "Logs copy", "Logs again"], 50);
        let found = crate::toolkit::testing::run_rule(
            &super::RULE,
            &Settings::default(),
            &crate::toolkit::testing::document(&body),
        );
        assert_eq!(found.len(), 2, "{found:#?}");
        for d in &found {
            assert!(
                d.message.starts_with("50 file sets of component \"Logs "),
                "{}",
                d.message
            );
            assert!(
                d.message.ends_with(
                    r#"also in component "Logs", starting with <FILE_LIST> "C:\Data\d0" "*""#
                ),
                "{}",
                d.message
            );
            // The twin of the first, the next two, and a count of the rest.
            assert_eq!(d.related.len(), 3, "{d:#?}");
            assert!(d.related[2].message.ends_with("and 47 more after this one"));
        }
    }
}
