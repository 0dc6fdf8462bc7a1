//! What became of each component and file set of a writer's OLD document in its NEW one (the
//! compat specification's §1.3). The matches are made once per pair of documents
//! ([`components`], [`file_sets`]) and each rule reads the kind of match it reports.
//!
//! Never compared: attribute order, layout, encoding, element order. Logical paths and
//! component names compare exactly (a change of case alone is a match of its own); file set
//! paths compare without case and without a trailing `\`, unexpanded.

use crate::rule_api::Pair;
use std::collections::HashMap;
use std::hash::Hash;
use vsslint_model::model::{Component, FileSet, WriterMetadata, YesNo};

/// How an OLD component was found in NEW.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// Same logical path and name.
    Same,
    /// Same logical path and name but for case.
    CaseOnly,
    /// Another logical path or name, found by its file sets (equal and not empty).
    Renamed,
}

/// One OLD component and its NEW counterpart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Matched {
    /// Index among OLD's components.
    pub old: usize,
    /// Index among NEW's components.
    pub new: usize,
    pub found: Found,
}

/// Every component of both documents, matched or not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ComponentMatches {
    pub matched: Vec<Matched>,
    /// OLD components with no counterpart in NEW.
    pub removed: Vec<usize>,
    /// NEW components with no counterpart in OLD.
    pub added: Vec<usize>,
    /// For each OLD component, its match's index in `matched`.
    old_to: Vec<Option<usize>>,
    /// For each NEW component, its match's index in `matched`.
    new_to: Vec<Option<usize>>,
}

impl ComponentMatches {
    /// The match of OLD component `old`.
    pub fn of_old(&self, old: usize) -> Option<&Matched> {
        self.old_to
            .get(old)
            .copied()
            .flatten()
            .map(|i| &self.matched[i])
    }

    /// The match of NEW component `new`.
    pub fn of_new(&self, new: usize) -> Option<&Matched> {
        self.new_to
            .get(new)
            .copied()
            .flatten()
            .map(|i| &self.matched[i])
    }
}

/// What became of an OLD file set of a matched component, or where a NEW one came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileSetFound {
    /// Same kind, path, filespec and recursion.
    Same,
    /// Only `recursive` differs.
    RecursionChanged,
    /// Same kind and filespec, another path.
    Moved,
    /// Same kind and path, another filespec.
    FilespecChanged,
    /// The same file set under another matched component.
    MovedComponent,
    /// Gone from NEW.
    Removed,
    /// New in NEW.
    Added,
}

/// A file set: its component's index and its own among the component's file sets.
pub type At = (usize, usize);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileSetMatch {
    /// In OLD; `None` for an added file set.
    pub old: Option<At>,
    /// In NEW; `None` for a removed one.
    pub new: Option<At>,
    pub found: FileSetFound,
}

/// The matches of the components of a pair, made once for all its rules.
pub fn components<'p>(pair: &'p Pair) -> &'p ComponentMatches {
    pair.memo(|p| match_components(p.old.doc, p.new.doc))
}

/// Each matched component of a pair: its match, and the component in OLD and in NEW.
pub fn matched_components<'p>(
    pair: &'p Pair,
) -> impl Iterator<Item = (&'p Matched, &'p Component<'p>, &'p Component<'p>)> {
    components(pair).matched.iter().map(|m| {
        (
            m,
            &pair.old.doc.components[m.old],
            &pair.new.doc.components[m.new],
        )
    })
}

/// The matches of the file sets of a pair's matched components, made once for all its rules.
/// File sets of removed and added components are not in it: the component's rule speaks
/// for them.
pub fn file_sets<'p>(pair: &'p Pair) -> &'p [FileSetMatch] {
    pair.memo(|p| FileSets(match_file_sets(p.old.doc, p.new.doc, components(p))))
        .0
        .as_slice()
}

struct FileSets(Vec<FileSetMatch>);

/// `path` as compared: without case and without a trailing `\`.
pub fn normal_path(path: &str) -> String {
    path.trim_end_matches('\\').to_lowercase()
}

/// A file set as compared. `kind` is `None` when the component's type changed, so that its
/// file sets compare across `FILE_LIST` and `DATABASE_FILES`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileSetKey {
    /// The element name.
    pub kind: Option<&'static str>,
    pub path: String,
    pub filespec: String,
    pub recursive: bool,
}

impl FileSetKey {
    pub fn of(fs: &FileSet, with_kind: bool) -> FileSetKey {
        FileSetKey {
            kind: with_kind.then_some(fs.kind.element()),
            path: normal_path(fs.path.as_ref().map_or("", |a| a.raw)),
            filespec: fs.filespec.as_ref().map_or("", |a| a.raw).to_string(),
            recursive: YesNo::is_yes(&fs.recursive),
        }
    }
}

/// The sorted keys of a component's file sets.
fn signature(c: &Component, with_kind: bool) -> Vec<FileSetKey> {
    let mut keys: Vec<FileSetKey> = c
        .file_sets
        .iter()
        .map(|f| FileSetKey::of(f, with_kind))
        .collect();
    keys.sort();
    keys
}

pub fn match_components(old: &WriterMetadata, new: &WriterMetadata) -> ComponentMatches {
    let mut old_to: Vec<Option<usize>> = vec![None; old.components.len()];
    let mut new_to: Vec<Option<usize>> = vec![None; new.components.len()];
    let mut matched = Vec::new();
    let mut pair =
        |o: usize, n: usize, found, old_to: &mut [Option<usize>], new_to: &mut [Option<usize>]| {
            old_to[o] = Some(matched.len());
            new_to[n] = Some(matched.len());
            matched.push(Matched {
                old: o,
                new: n,
                found,
            });
        };
    let key = |c: &Component| (c.logical_path().to_string(), c.name().to_string());
    let lower = |c: &Component| (c.logical_path().to_lowercase(), c.name().to_lowercase());
    for (exact, found) in [(true, Found::Same), (false, Found::CaseOnly)] {
        let mut free: HashMap<(String, String), Vec<usize>> = HashMap::new();
        for (n, c) in new.components.iter().enumerate().rev() {
            if new_to[n].is_none() {
                let k = if exact { key(c) } else { lower(c) };
                free.entry(k).or_default().push(n);
            }
        }
        for (o, c) in old.components.iter().enumerate() {
            if old_to[o].is_some() {
                continue;
            }
            let k = if exact { key(c) } else { lower(c) };
            if let Some(n) = free.get_mut(&k).and_then(Vec::pop) {
                pair(o, n, found, &mut old_to, &mut new_to);
            }
        }
    }
    // Renamed or moved: the same file sets, not none.
    let free_new: Vec<usize> = (0..new.components.len())
        .filter(|&n| new_to[n].is_none() && !new.components[n].file_sets.is_empty())
        .collect();
    if !free_new.is_empty() {
        let with_kind: Vec<Vec<FileSetKey>> = free_new
            .iter()
            .map(|&n| signature(&new.components[n], true))
            .collect();
        let without_kind: Vec<Vec<FileSetKey>> = free_new
            .iter()
            .map(|&n| signature(&new.components[n], false))
            .collect();
        for o in 0..old.components.len() {
            let c = &old.components[o];
            if old_to[o].is_some() || c.file_sets.is_empty() {
                continue;
            }
            let (mine, mine_any) = (signature(c, true), signature(c, false));
            let hit = free_new.iter().enumerate().find(|&(k, &n)| {
                new_to[n].is_none()
                    && if new.components[n].kind == c.kind {
                        with_kind[k] == mine
                    } else {
                        without_kind[k] == mine_any
                    }
            });
            if let Some((_, &n)) = hit {
                pair(o, n, Found::Renamed, &mut old_to, &mut new_to);
            }
        }
    }
    matched.sort_by_key(|m| m.old);
    for (i, m) in matched.iter().enumerate() {
        old_to[m.old] = Some(i);
        new_to[m.new] = Some(i);
    }
    ComponentMatches {
        removed: (0..old.components.len())
            .filter(|&o| old_to[o].is_none())
            .collect(),
        added: (0..new.components.len())
            .filter(|&n| new_to[n].is_none())
            .collect(),
        matched,
        old_to,
        new_to,
    }
}

/// The passes that pair the file sets of one matched component, in order: each compares
/// fewer fields, and what it pairs is found as it says.
type Reduce = fn(&FileSetKey) -> FileSetKey;

const PASSES: [(FileSetFound, Reduce); 4] = [
    (FileSetFound::Same, |k| k.clone()),
    (FileSetFound::RecursionChanged, |k| FileSetKey {
        recursive: false,
        ..k.clone()
    }),
    (FileSetFound::Moved, |k| FileSetKey {
        path: String::new(),
        recursive: false,
        ..k.clone()
    }),
    (FileSetFound::FilespecChanged, |k| FileSetKey {
        filespec: String::new(),
        recursive: false,
        ..k.clone()
    }),
];

pub fn match_file_sets(
    old: &WriterMetadata,
    new: &WriterMetadata,
    components: &ComponentMatches,
) -> Vec<FileSetMatch> {
    let mut found = Vec::new();
    // What no pass paired, by component match: (OLD leftovers, NEW leftovers).
    let mut left: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    for m in &components.matched {
        let (oc, nc) = (&old.components[m.old], &new.components[m.new]);
        let with_kind = oc.kind == nc.kind;
        let old_keys: Vec<FileSetKey> = oc
            .file_sets
            .iter()
            .map(|f| FileSetKey::of(f, with_kind))
            .collect();
        let new_keys: Vec<FileSetKey> = nc
            .file_sets
            .iter()
            .map(|f| FileSetKey::of(f, with_kind))
            .collect();
        let mut old_left: Vec<usize> = (0..old_keys.len()).collect();
        let mut new_left: Vec<usize> = (0..new_keys.len()).collect();
        for (how, reduce) in PASSES {
            if old_left.is_empty() || new_left.is_empty() {
                break;
            }
            let (paired, o_rest, n_rest) = by_key(
                old_left.iter().map(|&i| reduce(&old_keys[i])),
                new_left.iter().map(|&i| reduce(&new_keys[i])),
            );
            for (o, n) in paired {
                found.push(FileSetMatch {
                    old: Some((m.old, old_left[o])),
                    new: Some((m.new, new_left[n])),
                    found: how,
                });
            }
            old_left = o_rest.into_iter().map(|i| old_left[i]).collect();
            new_left = n_rest.into_iter().map(|i| new_left[i]).collect();
        }
        left.push((old_left, new_left));
    }
    // A file set left over in one component and found, as it was, in another's leftovers.
    let mut new_index: HashMap<FileSetKey, Vec<At>> = HashMap::new();
    for (m, (_, new_left)) in components.matched.iter().zip(&left).rev() {
        for &f in new_left.iter().rev() {
            let key = FileSetKey::of(&new.components[m.new].file_sets[f], true);
            new_index.entry(key).or_default().push((m.new, f));
        }
    }
    let mut claimed: Vec<At> = Vec::new();
    for (m, (old_left, _)) in components.matched.iter().zip(&left) {
        for &f in old_left {
            let key = FileSetKey::of(&old.components[m.old].file_sets[f], true);
            let elsewhere = new_index.get_mut(&key).and_then(|v| {
                let k = v.iter().rposition(|at| at.0 != m.new)?;
                Some(v.remove(k))
            });
            match elsewhere {
                Some(at) => {
                    claimed.push(at);
                    found.push(FileSetMatch {
                        old: Some((m.old, f)),
                        new: Some(at),
                        found: FileSetFound::MovedComponent,
                    });
                }
                None => found.push(FileSetMatch {
                    old: Some((m.old, f)),
                    new: None,
                    found: FileSetFound::Removed,
                }),
            }
        }
    }
    for (m, (_, new_left)) in components.matched.iter().zip(&left) {
        for &f in new_left {
            if !claimed.contains(&(m.new, f)) {
                found.push(FileSetMatch {
                    old: None,
                    new: Some((m.new, f)),
                    found: FileSetFound::Added,
                });
            }
        }
    }
    found
}

/// Pairs equal keys, each at most once, in order: the pairs (index in `old`, index in
/// `new`), then the indexes left in `old` and in `new`. For any element compared by a key
/// (mappings, excludes, dependencies).
pub fn by_key<K: Eq + Hash>(
    old: impl IntoIterator<Item = K>,
    new: impl IntoIterator<Item = K>,
) -> (Vec<(usize, usize)>, Vec<usize>, Vec<usize>) {
    let mut free: HashMap<K, Vec<usize>> = HashMap::new();
    let new: Vec<K> = new.into_iter().collect();
    let n_len = new.len();
    for (i, k) in new.into_iter().enumerate().rev() {
        free.entry(k).or_default().push(i);
    }
    let mut paired = Vec::new();
    let mut old_left = Vec::new();
    let mut new_used = vec![false; n_len];
    for (o, k) in old.into_iter().enumerate() {
        match free.get_mut(&k).and_then(Vec::pop) {
            Some(n) => {
                new_used[n] = true;
                paired.push((o, n));
            }
            None => old_left.push(o),
        }
    }
    let new_left = (0..n_len).filter(|&n| !new_used[n]).collect();
    (paired, old_left, new_left)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::toolkit::testing::writer;

    fn both<R>(old: &str, new: &str, f: impl FnOnce(&WriterMetadata, &WriterMetadata) -> R) -> R {
        writer(old, |o| writer(new, |n| f(o, n)))
    }

    const DATA: &str = r#"<FILE_LIST path="C:\Data" filespec="*.dat"/>"#;

    fn group(lp: &str, name: &str, sets: &str) -> String {
        format!(
            r#"<FILE_GROUP logicalPath="{lp}" componentName="{name}" selectable="yes">{sets}</FILE_GROUP>"#
        )
    }

    #[test]
    fn components_match_by_key_whatever_the_order() {
        let old = group("", "A", DATA) + &group("", "B", "");
        let new = group("", "B", "") + &group("", "A", DATA);
        both(&old, &new, |o, n| {
            let m = match_components(o, n);
            assert_eq!(
                m.matched,
                [
                    Matched {
                        old: 0,
                        new: 1,
                        found: Found::Same
                    },
                    Matched {
                        old: 1,
                        new: 0,
                        found: Found::Same
                    }
                ]
            );
            assert!(m.removed.is_empty() && m.added.is_empty());
        });
    }

    #[test]
    fn a_change_of_case_alone_is_its_own_match() {
        both(&group("Db", "A", ""), &group("DB", "a", ""), |o, n| {
            assert_eq!(match_components(o, n).matched[0].found, Found::CaseOnly);
        });
    }

    #[test]
    fn a_renamed_component_is_found_by_its_file_sets() {
        let sets = r#"<FILE_LIST path="C:\Data\" filespec="*.dat"/><FILE_LIST path="c:\logs" filespec="*.log"/>"#;
        let moved = r#"<FILE_LIST path="c:\logs" filespec="*.log"/><FILE_LIST path="C:\DATA" filespec="*.dat"/>"#;
        both(&group("", "A", sets), &group("Old", "B", moved), |o, n| {
            assert_eq!(match_components(o, n).matched[0].found, Found::Renamed);
        });
    }

    #[test]
    fn without_file_sets_or_with_others_a_component_is_removed_and_another_added() {
        for (old, new) in [
            (group("", "A", ""), group("", "B", "")),
            (
                group("", "A", DATA),
                group("", "B", r#"<FILE_LIST path="C:\Other" filespec="*.dat"/>"#),
            ),
        ] {
            both(&old, &new, |o, n| {
                let m = match_components(o, n);
                assert!(m.matched.is_empty());
                assert_eq!((m.removed, m.added), (vec![0], vec![0]));
            });
        }
    }

    #[test]
    fn a_component_of_another_type_is_found_by_its_file_sets_whatever_their_kind() {
        let db = r#"<DATABASE componentName="B"><DATABASE_FILES path="C:\Data" filespec="*.dat"/></DATABASE>"#;
        both(&group("", "A", DATA), db, |o, n| {
            let m = match_components(o, n);
            assert_eq!(m.matched[0].found, Found::Renamed);
            let sets = match_file_sets(o, n, &m);
            assert_eq!(sets.len(), 1);
            assert_eq!(sets[0].found, FileSetFound::Same);
        });
    }

    fn file_set_outcomes(old: &str, new: &str) -> Vec<FileSetFound> {
        both(&group("", "A", old), &group("", "A", new), |o, n| {
            let m = match_components(o, n);
            match_file_sets(o, n, &m).iter().map(|f| f.found).collect()
        })
    }

    #[test]
    fn file_sets_pair_by_key_then_by_fewer_fields() {
        use FileSetFound::*;
        let old = r#"<FILE_LIST path="C:\A" filespec="*.a"/><FILE_LIST path="C:\B" filespec="*.b"/><FILE_LIST path="C:\C" filespec="*.c"/><FILE_LIST path="C:\D" filespec="*.d"/><FILE_LIST path="C:\E" filespec="*.e"/>"#;
        let new = r#"<FILE_LIST path="c:\a\" filespec="*.a" recursive="no"/><FILE_LIST path="C:\B" filespec="*.b" recursive="yes"/><FILE_LIST path="C:\Moved" filespec="*.c"/><FILE_LIST path="C:\D" filespec="*.dd"/><FILE_LIST path="C:\F" filespec="*.f"/>"#;
        assert_eq!(
            file_set_outcomes(old, new),
            [
                Same,
                RecursionChanged,
                Moved,
                FilespecChanged,
                Removed,
                Added
            ]
        );
    }

    #[test]
    fn a_file_set_under_another_matched_component_moved_component() {
        let old = group("", "A", DATA) + &group("", "B", "");
        let new = group("", "A", "") + &group("", "B", DATA);
        both(&old, &new, |o, n| {
            let m = match_components(o, n);
            let sets = match_file_sets(o, n, &m);
            assert_eq!(
                sets,
                [FileSetMatch {
                    old: Some((0, 0)),
                    new: Some((1, 0)),
                    found: FileSetFound::MovedComponent
                }]
            );
        });
    }

    #[test]
    fn by_key_pairs_each_once() {
        let (paired, o, n) = by_key(["a", "b", "a"], ["a", "c"]);
        assert_eq!(paired, [(0, 0)]);
        assert_eq!((o, n), (vec![1, 2], vec![1]));
    }
}
