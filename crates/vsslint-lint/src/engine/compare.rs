//! Running the checks of `vsslint compat`: the writer documents of OLD and NEW are paired
//! (`crate::toolkit::compat_pairs`), and every enabled [`Check::Compare`] is given each pair,
//! or the whole comparison, as it declares. Nothing here names a rule.

use super::Registry;
use crate::diagnostic::Diagnostic;
use crate::rule_api::{Check, Compare, CompareCx, Comparison, Pair, Side};
use crate::settings::Settings;
use crate::toolkit::compat_pairs::{pair_collections, pair_files, recorded, WriterKey};
use vsslint_model::model::{BackupComponents, WriterMetadata};

/// A document of OLD or NEW, as the run read and linted it.
pub struct Compared<'a> {
    /// The name shown.
    pub path: &'a str,
    pub text: &'a str,
    /// Where the run keeps the file: the findings come back with it.
    pub file: usize,
    pub settings: &'a Settings,
    /// Its model, when it is a writer metadata document without `doc/*` errors: only those
    /// are compared.
    pub model: Option<&'a WriterMetadata<'a>>,
}

/// What is compared: one document against one, or a collection against another.
pub struct Sides<'a> {
    pub old: Vec<Compared<'a>>,
    pub new: Vec<Compared<'a>>,
    /// One document each, named one against the other.
    pub files: bool,
    /// The old backup's backup components document, when OLD is a backup.
    pub old_backup: Option<&'a BackupComponents<'a>>,
}

/// Runs every check of `vsslint compat` in `registry` over `sides`; returns each finding
/// with the file it belongs to.
pub fn run(sides: &Sides, registry: &Registry) -> Vec<(usize, Diagnostic)> {
    let bcd = sides.old_backup;
    // The documents compared on each side, and where each is in `sides`.
    let (old_at, new_at) = (writers(&sides.old), writers(&sides.new));
    let old: Vec<Side> = old_at.iter().map(|&i| side(&sides.old, i)).collect();
    let new: Vec<Side> = new_at.iter().map(|&i| side(&sides.new, i)).collect();
    let old_keys: Vec<WriterKey> = old.iter().map(|s| WriterKey::of(s.doc)).collect();
    let new_keys: Vec<WriterKey> = new.iter().map(|s| WriterKey::of(s.doc)).collect();
    let pairing = if sides.files {
        match (old_keys.first(), new_keys.first()) {
            (Some(o), Some(n)) => pair_files(o, n),
            _ => Default::default(),
        }
    } else {
        pair_collections(&old_keys, &new_keys)
    };
    let pairs: Vec<Pair> = pairing
        .pairs
        .iter()
        .map(|p| {
            let mut pair = Pair::new(
                side(&sides.old, old_at[p.old]),
                side(&sides.new, new_at[p.new]),
                p.by,
            );
            if let Some(bcd) = bcd {
                pair.recorded = recorded(pair.old.doc, bcd);
            }
            pair
        })
        .collect();
    let comparison = Comparison {
        files: sides.files,
        pairs,
        old,
        new,
        pairing,
    };
    // Each file's settings, by the file's index in the run.
    let settings_of = |file: usize| {
        sides
            .old
            .iter()
            .chain(&sides.new)
            .find(|d| d.file == file)
            .map(|d| d.settings)
    };
    // Each finding at the severity its file's settings give the rule, or not at all.
    let settle = |rule: &'static crate::rule_api::Rule, raised: Vec<(usize, Diagnostic)>| {
        raised
            .into_iter()
            .filter_map(|(file, mut d)| {
                d.severity = settings_of(file)?.severity_of(&rule.meta)?;
                Some((file, d))
            })
            .collect::<Vec<_>>()
    };
    let on_for_pair = |rule: &crate::rule_api::Rule, pair: &Pair| {
        settings_of(pair.new.file).is_some_and(|s| s.severity_of(&rule.meta).is_some())
    };
    let mut found: Vec<(usize, Diagnostic)> = Vec::new();
    // The findings of the checks given each pair, by index in `found`.
    let mut of_pair: Vec<Vec<usize>> = vec![Vec::new(); comparison.pairs.len()];
    for rule in registry.rules() {
        let Check::Compare(compare) = rule.check else {
            continue;
        };
        match compare {
            Compare::Pair(check) => {
                for (k, pair) in comparison.pairs.iter().enumerate() {
                    if on_for_pair(rule, pair) {
                        let mut cx = CompareCx::new(&rule.meta, Some(pair));
                        check(&mut cx, pair);
                        for f in settle(rule, cx.into_findings()) {
                            of_pair[k].push(found.len());
                            found.push(f);
                        }
                    }
                }
            }
            Compare::Whole(check) => {
                let first = sides.new.first().or(sides.old.first());
                if first.is_some_and(|d| d.settings.severity_of(&rule.meta).is_some()) {
                    let mut cx = CompareCx::new(&rule.meta, None);
                    check(&mut cx, &comparison);
                    found.extend(settle(rule, cx.into_findings()));
                }
            }
            Compare::Settled(_) => {}
        }
    }
    let mut settled = Vec::new();
    for rule in registry.rules() {
        let Check::Compare(Compare::Settled(check)) = rule.check else {
            continue;
        };
        for (k, pair) in comparison.pairs.iter().enumerate() {
            if on_for_pair(rule, pair) {
                let theirs: Vec<&Diagnostic> = of_pair[k].iter().map(|&i| &found[i].1).collect();
                let mut cx = CompareCx::new(&rule.meta, Some(pair));
                check(&mut cx, pair, &theirs);
                settled.extend(settle(rule, cx.into_findings()));
            }
        }
    }
    found.extend(settled);
    found
}

/// Where the compared documents are among `docs`.
fn writers(docs: &[Compared]) -> Vec<usize> {
    docs.iter()
        .enumerate()
        .filter(|(_, d)| d.model.is_some())
        .map(|(i, _)| i)
        .collect()
}

fn side<'a>(docs: &[Compared<'a>], i: usize) -> Side<'a> {
    let d = &docs[i];
    let w = d
        .model
        .expect("only writer metadata documents are compared");
    Side::new(d.path, d.text, w, d.file)
}
