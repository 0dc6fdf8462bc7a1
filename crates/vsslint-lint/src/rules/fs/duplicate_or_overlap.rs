//! `fs/duplicate-or-overlap`: one component lists each file once.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Cost;
use crate::rule_meta::Severity;
use crate::toolkit::file_paths::{glob_covers, globs_intersect, has_wildcard, show};
use crate::toolkit::path_index::{DirIndex, FirstByKey, SetKey, WildcardsByDir};
use vsslint_model::model::is_blank;
use vsslint_model::model::{Attr, Component, FileSet, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("fs/duplicate-or-overlap" {
        code: "VSL613",
        severity: Severity::Warning,
        cost: Cost::AllFileSets,
        summary: "a component lists the same files twice",
        what: "Within one component, reports a file set that repeats another (same `path` and \
    `filespec`, compared without case and trailing backslash, `*.*` read as `*`), a filespec \
    that matches files another filespec of the same directory also matches (`*.dat` and \
    `ledger.dat`), and a file set that lies inside a recursive one whose filespec matches some \
    of its files. Each file set is reported once, pointing at the entry it collides with.\n\n\
    Paths are compared as written: environment variables are not expanded, so \
    `%SystemRoot%\\Data` and `C:\\Windows\\Data` never collide here. To stay linear on \
    documents with tens of thousands of file sets, each file set is compared with at most the \
    first 32 wildcard and 32 literal filespecs of any one directory; exact repeats are always \
    found. Identical file sets in different components are `fs/file-in-several-components`.",
        why: "`AddFilesToFileGroup` says a particular file can be specified only once in a \
    component. A file matched twice may be copied twice, restored twice, or have two \
    conflicting backup-type masks, and requesters disagree on which entry wins.",
        sources: &[
            "IVssCreateWriterMetadata::AddFilesToFileGroup (remarks): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addfilestofilegroup",
            "Definition of Components by Writers: https://learn.microsoft.com/en-us/windows/win32/vss/definition-of-components-by-writers",
        ],
    }),
    check: Check::Writer(check),
};

struct Entry<'m> {
    set: &'m FileSet<'m>,
    key: SetKey<'m>,
    recursive: bool,
}

impl<'m> Entry<'m> {
    fn path(&self) -> &'m str {
        self.set.path.as_ref().map_or("", |a| a.raw)
    }

    fn spec(&self) -> &'m str {
        self.set.filespec.as_ref().map_or("", |a| a.raw)
    }
}

/// Maps reused from one component to the next.
#[derive(Default)]
struct Scratch<'m> {
    done: Vec<bool>,
    first: FirstByKey,
    wildcards: WildcardsByDir<'m>,
    recursive: DirIndex<'m>,
}

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let mut entries: Vec<Entry> = Vec::new();
    let mut scratch = Scratch::default();
    for c in &w.components {
        entries.clear();
        entries.reserve(c.file_sets.len());
        entries.extend(c.file_sets.iter().filter_map(|f| {
            let path = f.path.as_ref()?.raw;
            let spec = f.filespec.as_ref()?.raw;
            (!is_blank(path) && !is_blank(spec)).then(|| Entry {
                set: f,
                key: SetKey::new(path, spec),
                recursive: Attr::is_yes(&f.recursive),
            })
        }));
        if entries.len() < 2 {
            continue;
        }
        scratch.done.clear();
        scratch.done.resize(entries.len(), false);
        repeats(cx, c, &entries, &mut scratch);
        same_directory(cx, c, &entries, &mut scratch);
        inside_recursive(cx, c, &entries, &mut scratch);
    }
}

fn repeats<'m>(cx: &mut Cx, c: &Component, entries: &[Entry<'m>], s: &mut Scratch<'m>) {
    for (i, first) in s.first.repeats(entries, |e| &e.key) {
        let e = &entries[i];
        s.done[i] = true;
        let f = &entries[first];
        let help = if e.recursive != f.recursive {
            "keep one of the two entries, with recursive=\"yes\" if the subdirectories are wanted"
        } else {
            "remove the repeated entry; a file may be specified only once in a component"
        };
        cx.report(
            e.set.node.span,
            format!(
                "<{}> {} is listed twice in component \"{}\"",
                e.set.node.name,
                show(e.path(), e.spec()),
                c.full_name()
            ),
        )
        .label("repeated file set")
        .related(f.set.node.span, "first listed here")
        .help(help);
    }
}

fn same_directory<'m>(cx: &mut Cx, c: &Component, entries: &[Entry<'m>], s: &mut Scratch<'m>) {
    s.wildcards.clear();
    for (i, e) in entries.iter().enumerate() {
        s.wildcards.insert(e.key.dir, e.spec(), i);
    }
    if s.wildcards.is_empty() {
        return;
    }
    for (i, e) in entries.iter().enumerate() {
        let Some(ws) = s.wildcards.at(e.key.dir) else {
            continue;
        };
        // A wildcard compared with the directory's wildcards meets each pair from both
        // sides: take it from the earlier one. Repeats are `repeats`' findings.
        let listed = has_wildcard(e.spec()) && ws.last().is_some_and(|&l| i <= l);
        for &wi in ws {
            let w = &entries[wi];
            if wi == i || (listed && i < wi) || w.key == e.key {
                continue;
            }
            if !globs_intersect(w.spec(), e.spec()) {
                continue;
            }
            // The narrower entry is the redundant one; otherwise the later one.
            let (narrow, wide) = if glob_covers(w.spec(), e.spec()) {
                (i, wi)
            } else if glob_covers(e.spec(), w.spec()) {
                (wi, i)
            } else {
                (wi.max(i), wi.min(i))
            };
            if s.done[narrow] {
                continue;
            }
            s.done[narrow] = true;
            report_same_directory(cx, c, &entries[narrow], &entries[wide]);
        }
    }
}

fn report_same_directory(cx: &mut Cx, c: &Component, n: &Entry, wd: &Entry) {
    let covered = glob_covers(wd.spec(), n.spec());
    let message = if covered {
        format!(
            "filespec \"{}\" in \"{}\" is already matched by filespec \"{}\" of the same directory in component \"{}\"",
            n.spec(),
            n.path(),
            wd.spec(),
            c.full_name()
        )
    } else {
        format!(
            "filespecs \"{}\" and \"{}\" in component \"{}\" match some of the same files in \"{}\"",
            n.spec(),
            wd.spec(),
            c.full_name(),
            n.path()
        )
    };
    let help = if covered {
        "remove this entry: the other file set already takes these files"
    } else {
        "make the two filespecs disjoint, or merge them into one file set; a file may be specified only once in a component"
    };
    cx.report(n.set.node.span, message)
        .label(if covered {
            "already matched"
        } else {
            "overlapping filespec"
        })
        .related(wd.set.node.span, format!("filespec \"{}\" here", wd.spec()))
        .help(help);
}

fn inside_recursive<'m>(cx: &mut Cx, c: &Component, entries: &[Entry<'m>], s: &mut Scratch<'m>) {
    s.recursive.clear();
    for (i, e) in entries.iter().enumerate() {
        if e.recursive {
            s.recursive.insert(e.key.dir, e.spec(), i);
        }
    }
    if s.recursive.is_empty() {
        return;
    }
    for (i, e) in entries.iter().enumerate() {
        if s.done[i] {
            continue;
        }
        let outer = s
            .recursive
            .above(e.key.dir, e.spec())
            .find(|&r| globs_intersect(entries[r].spec(), e.spec()));
        if let Some(r) = outer {
            s.done[i] = true;
            report_inside_recursive(cx, c, e, &entries[r]);
        }
    }
}

fn report_inside_recursive(cx: &mut Cx, c: &Component, e: &Entry, outer: &Entry) {
    let covered = glob_covers(outer.spec(), e.spec());
    let how = if covered {
        "is already included by"
    } else {
        "overlaps"
    };
    cx.report(
        e.set.node.span,
        format!(
            "<{}> {} in component \"{}\" {how} the recursive file set {}",
            e.set.node.name,
            show(e.path(), e.spec()),
            c.full_name(),
            show(outer.path(), outer.spec())
        ),
    )
    .label(if covered {
        "inside a recursive file set"
    } else {
        "overlaps a recursive file set"
    })
    .related(outer.set.node.span, "recursive file set here")
    .help(if covered {
        "remove this entry: the recursive file set already takes these files"
    } else {
        "narrow one of the two file sets so that no file matches both, or drop recursive from the outer one"
    });
}

#[cfg(test)]
mod tests {
    use crate::toolkit::testing::location_findings as findings;

    fn run(sets: &[(&str, &str, &str)]) -> Vec<String> {
        let lists: String = sets
            .iter()
            .map(|(p, s, r)| format!(r#"<FILE_LIST path="{p}" filespec="{s}" recursive="{r}"/>"#))
            .collect();
        let xml = format!(r#"<FILE_GROUP componentName="C" selectable="yes">{lists}</FILE_GROUP>"#);
        findings(&super::RULE, &xml, false)
            .into_iter()
            .map(|(_, m)| m)
            .collect()
    }

    #[test]
    fn repeats_ignore_case_trailing_backslash_and_star_dot_star() {
        let f = run(&[(r"C:\Data\", "*.*", "no"), (r"c:\data", "*", "yes")]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].contains("listed twice"), "{f:?}");
    }

    #[test]
    fn partial_overlap_in_one_directory() {
        let f = run(&[(r"C:\Data", "a*", "no"), (r"C:\Data", "*b", "no")]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].contains("match some of the same files"), "{f:?}");
    }

    #[test]
    fn disjoint_patterns_and_unexpanded_variables_are_fine() {
        let f = run(&[
            (r"%SystemRoot%\System32", "Perfc???.dat", "no"),
            (r"%SystemRoot%\System32", "Prfc????.dat", "no"),
            (r"%SystemRoot%\servicing\Version", "*.*", "yes"),
            (r"C:\Windows\servicing\Version\6.3", "x86_installed", "no"),
            (r"C:\Data", "*.dat", "yes"),
            (r"C:\Data\Logs", "app.log", "no"),
        ]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn recursive_sets_cover_subdirectories() {
        let f = run(&[
            (r"C:\Data", "*.log", "yes"),
            (r"C:\Data\a\b", "x?.log", "no"),
        ]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].contains("already included by the recursive"), "{f:?}");
    }

    #[test]
    fn each_file_set_is_compared_with_the_nearest_recursive_one_above_it() {
        let f = run(&[
            (r"C:\Data", "*.log", "yes"),
            (r"C:\Data\a", "*", "yes"),
            (r"C:\Data\a\b", "x.log", "no"),
            (r"c:\DATA\A\B", "y.log", "no"),
            (r"C:\Data\c", "z.txt", "no"),
            (r"C:\Data\c", "z.log", "no"),
            (r"C:\Other", "x.log", "no"),
        ]);
        // The two sets of `a\b` (one spelt in other case) are inside `a`, the nearest; `a`
        // itself is inside `C:\Data`; of `c`, only the `.log` set.
        assert_eq!(f.len(), 4, "{f:?}");
        let inside_a =
            (f.iter()).filter(|m| m.ends_with(r#"the recursive file set "C:\Data\a" "*""#));
        assert_eq!(inside_a.count(), 2, "{f:?}");
        assert!(f.iter().any(|m| m.contains("z.log")), "{f:?}");
        assert!(!f.iter().any(|m| m.contains("z.txt")), "{f:?}");
    }

    #[test]
    fn other_components_are_not_this_rules_business() {
        let xml = r#"<FILE_GROUP componentName="A" selectable="yes"><FILE_LIST path="C:\D" filespec="*"/></FILE_GROUP><FILE_GROUP componentName="B" selectable="yes"><FILE_LIST path="C:\D" filespec="*"/></FILE_GROUP>"#;
        assert!(findings(&super::RULE, xml, false).is_empty());
    }
}
