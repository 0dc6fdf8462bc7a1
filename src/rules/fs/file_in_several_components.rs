//! `fs/file-in-several-components`: a file set belongs to one component.

use crate::model::is_blank;
use crate::model::{Component, FileSet, WriterMetadata};
use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Cost;
use crate::rule_meta::Severity;
use crate::toolkit::file_paths::show;
use crate::toolkit::path_index::{DirKey, SetKey, BUCKET};

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
    let key_of = |ci: u32, fi: u32| {
        let f = &w.components[ci as usize].file_sets[fi as usize];
        let (p, s) = listed(f).expect("only listed file sets are keyed");
        SetKey::new(p, s)
    };
    // Only keys of two components are reported, and equal keys have directories of equal
    // length: the largest component's file sets are keyed only where some other component
    // has a directory of that length. The System writer's one component of 18,925 file sets
    // is then mostly skipped rather than hashed and sorted.
    let largest = (0..w.components.len())
        .max_by_key(|&ci| w.components[ci].file_sets.len())
        .unwrap_or(0);
    let dir_len = |path: &str| DirKey::trimmed(path).len();
    let mut lengths: Vec<usize> = w
        .components
        .iter()
        .enumerate()
        .filter(|&(ci, _)| ci != largest)
        .flat_map(|(_, c)| c.file_sets.iter().filter_map(listed))
        .map(|(p, _)| dir_len(p))
        .collect();
    lengths.sort_unstable();
    lengths.dedup();
    // (hash of the key, component, file set) of those file sets, sorted: equal keys end up
    // side by side, the first in the document first. A sorted list stays linear in cache
    // where a hash table of a large writer's file sets would miss it on every lookup.
    let sets = w.components.iter().map(|c| c.file_sets.len()).sum();
    let mut keyed: Vec<(u64, u32, u32)> = Vec::with_capacity(sets);
    for (ci, c) in w.components.iter().enumerate() {
        for (fi, f) in c.file_sets.iter().enumerate() {
            let Some((p, s)) = listed(f) else {
                continue;
            };
            if ci == largest && lengths.binary_search(&dir_len(p)).is_err() {
                continue;
            }
            keyed.push((SetKey::new(p, s).hash64(), ci as u32, fi as u32));
        }
    }
    keyed.sort_unstable();
    let mut found = Vec::new();
    let mut firsts: Vec<(SetKey, u32, u32)> = Vec::new();
    for run in keyed
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1)
    {
        // The distinct keys that share this hash (rarely more than one), each with its
        // first file set; bounded, so that crafted collisions cannot make this quadratic.
        firsts.clear();
        for &(_, ci, fi) in run {
            let key = key_of(ci, fi);
            match firsts.iter().find(|(k, ..)| *k == key) {
                Some(&(_, oci, ofi)) if oci != ci => found.push((ci, fi, oci, ofi)),
                Some(_) => {}
                None if firsts.len() < BUCKET => firsts.push((key, ci, fi)),
                None => {}
            }
        }
    }
    found.sort_unstable();
    for (ci, fi, oci, ofi) in found {
        let (c, oc) = (&w.components[ci as usize], &w.components[oci as usize]);
        let f = &c.file_sets[fi as usize];
        let Some((p, s)) = listed(f) else {
            continue;
        };
        report(cx, c, f, oc, &oc.file_sets[ofi as usize], show(p, s));
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
