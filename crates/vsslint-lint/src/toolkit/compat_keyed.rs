//! The elements of a writer's OLD and NEW documents that `vsslint compat` pairs by a key of
//! their own rather than by component (the compat specification's §2.D, §2.F excludes and
//! §2.G): alternate location mappings, excludes and dependencies.
//!
//! Paths compare as file set paths do ([`normal_path`]: without case, without a trailing
//! `\`); filespecs, logical paths and component names exactly; an absent `recursive` is `no`;
//! writer class IDs without case and without braces. Order never matters.

use crate::rule_api::Pair;
use crate::toolkit::compat_match::{by_key, components, normal_path, ComponentMatches};
use crate::toolkit::mappings::describe;
use vsslint_model::model::{Dependency, Exclude, Mapping, Text, WriterMetadata, YesNo};
use vsslint_model::span::Span;
use vsslint_model::vocab::Method;

/// What a mapping or an exclude names: a directory, a file name pattern and whether
/// subdirectories are included.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Source {
    pub path: String,
    pub filespec: String,
    pub recursive: bool,
}

impl Source {
    fn of(path: &Option<Text>, filespec: &Option<Text>, recursive: &Option<YesNo>) -> Source {
        Source {
            path: normal_path(path.as_ref().map_or("", |a| a.raw)),
            filespec: filespec.as_ref().map_or("", |a| a.raw).to_string(),
            recursive: YesNo::is_yes(recursive),
        }
    }

    pub fn of_mapping(m: &Mapping) -> Source {
        Source::of(&m.path, &m.filespec, &m.recursive)
    }

    pub fn of_exclude(e: &Exclude) -> Source {
        Source::of(&e.path, &e.filespec, &e.recursive)
    }
}

/// The alternate location mappings of OLD and NEW, paired by source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MappingMatches {
    /// (index in OLD's mappings, index in NEW's).
    pub kept: Vec<(usize, usize)>,
    /// OLD mappings with no NEW mapping of the same source.
    pub removed: Vec<usize>,
    /// NEW mappings with no OLD mapping of the same source.
    pub added: Vec<usize>,
}

pub fn match_mappings(old: &WriterMetadata, new: &WriterMetadata) -> MappingMatches {
    let (kept, removed, added) = by_key(
        old.mappings.iter().map(Source::of_mapping),
        new.mappings.iter().map(Source::of_mapping),
    );
    MappingMatches {
        kept,
        removed,
        added,
    }
}

/// The mappings new in NEW, each with its source for messages and whether NEW's restore
/// method is `RESTORE_TO_ALTERNATE_LOCATION`.
pub fn added_mappings<'p, 'a>(pair: &'p Pair<'a>) -> Vec<(&'p Mapping<'a>, String, bool)> {
    let new = pair.new.doc;
    let alternate = new
        .restore_methods
        .first()
        .and_then(|r| r.method.as_ref())
        .is_some_and(|m| m.value == Method::RestoreToAlternateLocation);
    match_mappings(pair.old.doc, new)
        .added
        .into_iter()
        .map(|n| {
            let m = &new.mappings[n];
            (m, describe_source(m), alternate)
        })
        .collect()
}

/// `C:\Data\*.dat (not recursive)`: a mapping's source as written, for messages.
pub fn describe_source(m: &Mapping) -> String {
    describe(
        m.path.as_ref().map_or("", |a| a.raw),
        m.filespec.as_ref().map_or("", |a| a.raw),
        YesNo::is_yes(&m.recursive),
    )
}

/// A mapping's destination as compared: absent is empty.
pub fn destination(m: &Mapping) -> String {
    normal_path(m.destination.as_ref().map_or("", |a| a.raw))
}

/// Where the mappings of a document live: its `RESTORE_METHOD`, or the document element
/// when it has none.
pub fn mappings_container(w: &WriterMetadata) -> Span {
    w.restore_methods
        .first()
        .map_or(w.node.span, |r| r.node.span)
}

/// The excludes of OLD and NEW that have no counterpart of the same kind and source on the
/// other side: (OLD indexes, NEW indexes).
pub fn unmatched_excludes(old: &WriterMetadata, new: &WriterMetadata) -> (Vec<usize>, Vec<usize>) {
    let key = |e: &Exclude| (e.kind.element(), Source::of_exclude(e));
    let (_, removed, added) = by_key(old.excludes.iter().map(key), new.excludes.iter().map(key));
    (removed, added)
}

/// The component a dependency names.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Target {
    /// The writer class, lower case, without braces (as written when it is no GUID).
    pub writer: String,
    pub logical_path: String,
    pub component_name: String,
}

impl Target {
    pub fn of(d: &Dependency) -> Target {
        let writer = d.writer_id.as_ref().map_or(String::new(), |a| {
            a.value.uuid().map_or_else(
                || a.raw.trim_matches(['{', '}']).to_lowercase(),
                |u| u.hyphenated().to_string(),
            )
        });
        Target {
            writer,
            logical_path: d.logical_path.as_ref().map_or("", |a| a.raw).to_string(),
            component_name: d.component_name.as_ref().map_or("", |a| a.raw).to_string(),
        }
    }

    /// `logicalPath\componentName`, for messages.
    pub fn full_name(&self) -> String {
        match self.logical_path.as_str() {
            "" => self.component_name.clone(),
            lp => format!("{lp}\\{}", self.component_name),
        }
    }
}

/// A dependency: its component's index and its own among the component's dependencies.
pub type DepAt = (usize, usize);

/// What became of the dependencies of a component present in both releases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DependencyChange {
    /// NEW's component depends on a target OLD's did not.
    Added(DepAt),
    /// OLD's component depended on a target NEW's does not.
    Removed(DepAt),
    /// One of the component's dependencies names another target (OLD, NEW).
    Retargeted(DepAt, DepAt),
}

/// The changes of dependencies of the pair's matched components, made once for all its
/// rules. Dependencies outside any component, and those of removed or added components, are
/// not compared: the component rules speak for those components.
pub fn dependency_changes<'p>(pair: &'p Pair) -> &'p [DependencyChange] {
    pair.memo(|p| DependencyChanges(match_dependencies(p.old.doc, p.new.doc, components(p))))
        .0
        .as_slice()
}

struct DependencyChanges(Vec<DependencyChange>);

pub fn match_dependencies(
    old: &WriterMetadata,
    new: &WriterMetadata,
    components: &ComponentMatches,
) -> Vec<DependencyChange> {
    let mut out = Vec::new();
    for m in &components.matched {
        let (oc, nc) = (&old.components[m.old], &new.components[m.new]);
        let old: Vec<Target> = oc.dependencies.iter().map(Target::of).collect();
        let new: Vec<Target> = nc.dependencies.iter().map(Target::of).collect();
        let (_, mut old_left, mut new_left) = by_key(old.iter(), new.iter());
        // What is left on both sides changed target: paired first within one target writer,
        // then the rest, each side in order of target so that element order does not matter.
        old_left.sort_by(|&a, &b| old[a].cmp(&old[b]));
        new_left.sort_by(|&a, &b| new[a].cmp(&new[b]));
        let (same_writer, o_rest, n_rest) = by_key(
            old_left.iter().map(|&i| &old[i].writer),
            new_left.iter().map(|&i| &new[i].writer),
        );
        let mut retargeted: Vec<(usize, usize)> = same_writer
            .into_iter()
            .map(|(o, n)| (old_left[o], new_left[n]))
            .collect();
        let o_rest: Vec<usize> = o_rest.into_iter().map(|i| old_left[i]).collect();
        let n_rest: Vec<usize> = n_rest.into_iter().map(|i| new_left[i]).collect();
        let k = o_rest.len().min(n_rest.len());
        retargeted.extend(o_rest[..k].iter().copied().zip(n_rest[..k].iter().copied()));
        retargeted.sort();
        out.extend(
            retargeted
                .into_iter()
                .map(|(o, n)| DependencyChange::Retargeted((m.old, o), (m.new, n))),
        );
        out.extend(
            o_rest[k..]
                .iter()
                .map(|&o| DependencyChange::Removed((m.old, o))),
        );
        out.extend(
            n_rest[k..]
                .iter()
                .map(|&n| DependencyChange::Added((m.new, n))),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use vsslint_model::model::Document;
    use vsslint_model::parse::with_model;

    fn doc(restore: &str, locations: &str) -> String {
        format!(
            r#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2"><IDENTIFICATION writerId="5cbc3b8e-4c7a-4b9e-9a5c-2f6f2a1e7d10" friendlyName="W" usage="USER_DATA" dataSource="OTHER"/><RESTORE_METHOD method="RESTORE_IF_CAN_BE_REPLACED" writerRestore="never" rebootRequired="no">{restore}</RESTORE_METHOD><BACKUP_LOCATIONS>{locations}</BACKUP_LOCATIONS></WRITER_METADATA>"#
        )
    }

    fn both<R>(old: &str, new: &str, f: impl FnOnce(&WriterMetadata, &WriterMetadata) -> R) -> R {
        with_model(old, |o| {
            with_model(new, |n| match (o, n) {
                (Ok(Document::WriterMetadata(o)), Ok(Document::WriterMetadata(n))) => f(&o, &n),
                _ => panic!("the test documents are writer metadata documents"),
            })
        })
    }

    fn mapping(attrs: &str) -> String {
        format!("<ALTERNATE_LOCATION_MAPPING {attrs}/>")
    }

    #[test]
    fn mappings_pair_by_source_whatever_case_trailing_backslash_absent_recursion_and_order() {
        let old = doc(
            &(mapping(r#"path="C:\Data" filespec="*.dat" alternatePath="D:\R""#)
                + &mapping(
                    r#"path="C:\Logs" filespec="*.log" recursive="yes" alternatePath="D:\L""#,
                )),
            "",
        );
        let new = doc(
            &(mapping(r#"path="c:\logs\" filespec="*.log" recursive="yes" alternatePath="d:\l\""#)
                + &mapping(
                    r#"path="C:\DATA\" filespec="*.dat" recursive="no" alternatePath="D:\R""#,
                )),
            "",
        );
        both(&old, &new, |o, n| {
            let m = match_mappings(o, n);
            assert_eq!(m.kept, [(0, 1), (1, 0)]);
            assert!(m.removed.is_empty() && m.added.is_empty());
            for (a, b) in m.kept {
                assert_eq!(destination(&o.mappings[a]), destination(&n.mappings[b]));
            }
        });
    }

    #[test]
    fn a_mapping_of_another_filespec_or_recursion_is_removed_and_another_added() {
        let old = doc(
            &(mapping(r#"path="C:\Data" filespec="*.dat" alternatePath="D:\R""#)
                + &mapping(r#"path="C:\Logs" filespec="*.log" alternatePath="D:\L""#)),
            "",
        );
        let new = doc(
            &(mapping(r#"path="C:\Data" filespec="*.DAT" alternatePath="D:\R""#)
                + &mapping(
                    r#"path="C:\Logs" filespec="*.log" recursive="yes" alternatePath="D:\L""#,
                )),
            "",
        );
        both(&old, &new, |o, n| {
            let m = match_mappings(o, n);
            assert!(m.kept.is_empty());
            assert_eq!((m.removed, m.added), (vec![0, 1], vec![0, 1]));
        });
    }

    #[test]
    fn excludes_pair_by_kind_and_source() {
        let old = doc(
            "",
            r#"<EXCLUDE_FILES path="C:\Temp" filespec="*.tmp"/><EXCLUDE_FILES path="C:\Cache" filespec="*"/>"#,
        );
        let new = doc(
            "",
            r#"<EXCLUDE_FILES_FROM_SNAPSHOT path="C:\Cache" filespec="*"/><EXCLUDE_FILES path="c:\temp\" filespec="*.tmp" recursive="no"/>"#,
        );
        both(&old, &new, |o, n| {
            assert_eq!(unmatched_excludes(o, n), (vec![1], vec![0]));
        });
    }

    fn dependency(writer: &str, lp: &str, name: &str) -> String {
        format!(
            r#"<DEPENDENCY onWriterId="{writer}" onLogicalPath="{lp}" onComponentName="{name}"/>"#
        )
    }

    const SQL: &str = "a65faa63-5ea8-4ebc-9dbd-a0c4db26912a";
    const OTHER: &str = "0bada1de-01a9-4625-8278-69e735f39dd2";

    #[test]
    fn a_dependency_target_compares_its_writer_class_without_case_or_braces() {
        let a = doc(
            "",
            &format!(
                r#"<FILE_GROUP componentName="A" selectable="yes">{}</FILE_GROUP>"#,
                dependency(SQL, "S1", "Db")
            ),
        );
        let upper = format!("{{{}}}", SQL.to_uppercase());
        let b = doc(
            "",
            &format!(
                r#"<FILE_GROUP componentName="A" selectable="yes">{}</FILE_GROUP>"#,
                dependency(&upper, "S1", "Db")
            ),
        );
        both(&a, &b, |o, n| {
            let (o, n) = (
                &o.components[0].dependencies[0],
                &n.components[0].dependencies[0],
            );
            assert_eq!(Target::of(o), Target::of(n));
        });
    }

    #[test]
    fn a_dependency_target_compares_its_logical_path_and_name_exactly() {
        let a = doc(
            "",
            &format!(
                r#"<FILE_GROUP componentName="A" selectable="yes">{}</FILE_GROUP>"#,
                dependency(SQL, "S1", "Db")
            ),
        );
        let b = doc(
            "",
            &format!(
                r#"<FILE_GROUP componentName="A" selectable="yes">{}</FILE_GROUP>"#,
                dependency(SQL, "s1", "Db")
            ),
        );
        both(&a, &b, |o, n| {
            let (o, n) = (
                &o.components[0].dependencies[0],
                &n.components[0].dependencies[0],
            );
            assert_ne!(Target::of(o), Target::of(n));
        });
    }

    fn group(name: &str, deps: &[String]) -> String {
        format!(
            r#"<FILE_GROUP componentName="{name}" selectable="yes">{}</FILE_GROUP>"#,
            deps.concat()
        )
    }

    fn dependency_outcomes(old: &str, new: &str) -> Vec<DependencyChange> {
        both(&doc("", old), &doc("", new), |o, n| {
            match_dependencies(o, n, &crate::toolkit::compat_match::match_components(o, n))
        })
    }

    #[test]
    fn dependencies_keep_their_target_whatever_the_order_and_retarget_within_a_writer_first() {
        use DependencyChange::*;
        let old = group(
            "A",
            &[
                dependency(SQL, "S1", "Db"),
                dependency(OTHER, "", "X"),
                dependency(SQL, "S1", "Gone"),
            ],
        );
        let new = group(
            "A",
            &[
                dependency(OTHER, "", "Y"),
                dependency(SQL, "S1", "Db"),
                dependency(SQL, "S2", "Gone"),
                dependency(OTHER, "", "Z"),
            ],
        );
        assert_eq!(
            dependency_outcomes(&old, &new),
            [
                Retargeted((0, 1), (0, 0)),
                Retargeted((0, 2), (0, 2)),
                Added((0, 3))
            ]
        );
        assert_eq!(
            dependency_outcomes(&new, &old),
            [
                Retargeted((0, 0), (0, 1)),
                Retargeted((0, 2), (0, 2)),
                Removed((0, 3))
            ]
        );
    }

    #[test]
    fn dependencies_of_a_component_in_one_release_only_are_not_compared() {
        let old = group("A", &[]) + &group("Gone", &[dependency(SQL, "", "Db")]);
        let new = group("A", &[]) + &group("New", &[dependency(SQL, "", "Db")]);
        assert!(dependency_outcomes(&old, &new).is_empty());
    }
}
