//! Running the checks across documents, once every document is linted.
//!
//! Each check declares which documents it involves; it is given only those, so it can read
//! or report on nothing else. That also tells the orchestration which texts it may free
//! before these checks run: [`keeps_text`] asks every check of the kind, never a rule by name.

use super::Registry;
use crate::diagnostic::Diagnostic;
use crate::rule_api::{Across, AcrossCx, Check, Facts, Member, Rule};
use crate::rule_meta::Severity;
use crate::settings::Settings;
use rayon::prelude::*;
use vsslint_model::model::{DocKind, Document};
use vsslint_model::parse::{parse, Parsed};

/// One linted document as the checks across documents are given it.
pub struct Linted<'a> {
    pub path: &'a str,
    pub text: &'a str,
    /// `None` for a file that could not be read as a document.
    pub kind: Option<DocKind>,
    pub identity: Option<&'a vsslint_model::model::Identity>,
    pub set: Option<&'a str>,
    pub origin: vsslint_container::Origin,
    pub settings: &'a Settings,
    /// The document's model when its linting kept it; parsed again here otherwise.
    pub model: Option<&'a Document<'a>>,
}

impl<'a> Linted<'a> {
    fn facts(&self) -> Option<Facts<'a>> {
        Some(Facts {
            path: self.path,
            kind: self.kind?,
            identity: self.identity,
            set: self.set,
            origin: self.origin,
        })
    }
}

/// What [`keeps_text`] knows of a document.
pub struct KeptFacts<'a> {
    pub path: &'a str,
    pub kind: Option<DocKind>,
    pub identity: Option<&'a vsslint_model::model::Identity>,
    pub set: Option<&'a str>,
}

fn checks(registry: &Registry) -> impl Iterator<Item = (&'static Rule, Across)> + '_ {
    registry.across().filter_map(|r| match r.check {
        Check::Across(a) => Some((r, a)),
        _ => None,
    })
}

fn involved(a: &Across, facts: &Facts) -> bool {
    a.involves.is_none_or(|f| f(facts))
}

/// Whether any check across documents may read this document's text or report on it: when
/// none may, a report rendered before those checks is final and the text may go.
pub fn keeps_text(doc: &KeptFacts, settings: &Settings, registry: &Registry) -> bool {
    let Some(kind) = doc.kind else {
        return false;
    };
    let facts = Facts {
        path: doc.path,
        kind,
        identity: doc.identity,
        set: doc.set,
        origin: vsslint_container::Origin::File,
    };
    checks(registry).any(|(r, a)| involved(&a, &facts) && settings.severity_of(&r.meta).is_some())
}

/// A check, and the documents it involves: where each is in `docs`, and its severity there.
type CheckPlan<'a> = (&'static Rule, Across, Vec<(usize, Facts<'a>, Severity)>);

/// Runs every check across documents over `docs`; returns each finding with the index of
/// the document it belongs to, in the order of `docs`.
///
/// A document is parsed again at most once, however many checks look into it, and not at all
/// when its linting kept its model (a large document, `parse::Kept`): the other trees of the
/// linting do not outlive each file, and a backup's documents are read again here only for
/// the checks across them.
pub fn run(docs: &[Linted], registry: &Registry) -> Vec<(usize, Diagnostic)> {
    run_counting(docs, registry).0
}

/// [`run`], and how many documents it parsed.
fn run_counting(docs: &[Linted], registry: &Registry) -> (Vec<(usize, Diagnostic)>, usize) {
    let all: Vec<Facts> = docs.iter().filter_map(Linted::facts).collect();
    // Members of a backup that are no document: the checks across it must not call them
    // missing as well.
    let unreadable: Vec<(String, String)> = docs
        .iter()
        .filter(|d| d.kind.is_none())
        .filter_map(|d| Some((d.set?.to_string(), d.path.to_string())))
        .collect();
    // Each check's documents, where each is in `docs`, with its severity there.
    let plans: Vec<CheckPlan> = checks(registry)
        .map(|(rule, a)| {
            let involved: Vec<(usize, Facts, Severity)> = docs
                .iter()
                .enumerate()
                .filter_map(|(i, d)| {
                    let facts = d.facts()?;
                    // Whether the check involves the document is a test of its facts; its
                    // severity is looked up only for a document involved (2,000 documents
                    // outside any backup: 1.3 million instructions less, on one thread).
                    if !involved(&a, &facts) {
                        return None;
                    }
                    let severity = d.settings.severity_of(&rule.meta)?;
                    Some((i, facts, severity))
                })
                .collect();
            (rule, a, involved)
        })
        .filter(|(_, _, involved)| !involved.is_empty())
        .collect();
    // The documents a check reads the model of and whose linting kept none, each once. Only
    // they have a tree and a model of their own here: for 2,000 documents outside any backup,
    // a tree's place for each (300 KB of fresh memory) took 0.47 ms of the main thread's time
    // (a probe build, medians of 60 runs).
    let mut to_parse: Vec<usize> = (plans.iter())
        .filter(|(_, a, _)| a.needs_models)
        .flat_map(|(_, _, involved)| involved.iter().map(|(i, _, _)| *i))
        .filter(|&i| docs[i].model.is_none())
        .collect();
    to_parse.sort_unstable();
    to_parse.dedup();
    let trees: Vec<(usize, Parsed)> = to_parse
        .par_iter()
        .filter_map(|&i| Some((i, parse(docs[i].text).ok()?)))
        .collect();
    let built: Vec<(usize, Document)> = trees.iter().map(|(i, t)| (*i, t.model())).collect();
    let mut models: Vec<Option<&Document>> = docs.iter().map(|d| d.model).collect();
    for (i, model) in &built {
        models[*i] = Some(model);
    }
    // The checks run side by side: a backup's fifteen took 0.5 ms one after the other on
    // the main thread, a third of it in set/volume-not-shadowed, which walks every file set of
    // the System writer, and take 0.27 to 0.33 ms so (diskshadow-ws2012-sql2017, probe build,
    // medians of 50 runs).
    let per_check: Vec<Vec<(usize, Diagnostic)>> = plans
        .into_par_iter()
        .map(|(rule, a, involved)| {
            let members: Vec<Member> = involved
                .iter()
                .map(|(i, facts, severity)| Member {
                    facts: *facts,
                    text: docs[*i].text,
                    model: models[*i].filter(|_| a.needs_models),
                    severity: *severity,
                })
                .collect();
            let mut cx = AcrossCx::with_unreadable(&rule.meta, unreadable.clone());
            (a.check)(&mut cx, &members, &all);
            cx.into_findings()
                .into_iter()
                .map(|(member, d)| (involved[member].0, d))
                .collect()
        })
        .collect();
    let mut found: Vec<(usize, Diagnostic)> = per_check.into_iter().flatten().collect();
    found.sort_by_key(|(i, _)| *i);
    (found, to_parse.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `set/*` rule looks into the backup's documents; each is parsed once for all.
    #[test]
    fn a_backup_is_parsed_once_for_all_its_checks() {
        let dir = concat!(env!("VSSLINT_FIXTURES"), "/sets/contoso");
        let names = ["BCDocument.xml", "Manifest.xml", "WM0.xml", "WM1.xml"];
        let settings = Settings::default();
        let texts: Vec<String> = names
            .iter()
            .map(|n| std::fs::read_to_string(format!("{dir}/{n}")).unwrap())
            .collect();
        let kinds = [
            DocKind::BackupComponents,
            DocKind::Manifest,
            DocKind::WriterMetadata,
            DocKind::WriterMetadata,
        ];
        let docs: Vec<Linted> = names
            .iter()
            .zip(&texts)
            .zip(kinds)
            .map(|((n, text), kind)| Linted {
                path: n,
                text,
                kind: Some(kind),
                identity: None,
                set: Some("contoso"),
                origin: vsslint_container::Origin::File,
                settings: &settings,
                model: None,
            })
            .collect();
        let registry = Registry::builtin();
        let looking = checks(registry)
            .filter(|(_, a)| {
                a.needs_models && a.involves.is_some_and(|f| f(&docs[0].facts().unwrap()))
            })
            .count();
        assert!(looking > 5, "the set rules look into the documents");
        let (_, parsed) = run_counting(&docs, registry);
        assert_eq!(parsed, names.len());
    }

    /// A document whose model its linting kept is not parsed again, and the checks find the
    /// same in it.
    #[test]
    fn a_kept_model_is_not_parsed_again() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
        // `set/unknown-component`'s bad example: the backup selects a component its writer's
        // document does not declare.
        let files = [
            "rules/set/unknown-component/bad.xml",
            "sets/contoso/WM0.xml",
            "sets/contoso/WM1.xml",
        ];
        let names = ["BCDocument.xml", "WM0.xml", "WM1.xml"];
        let kinds = [
            DocKind::BackupComponents,
            DocKind::WriterMetadata,
            DocKind::WriterMetadata,
        ];
        let settings = Settings::default();
        let texts: Vec<String> = files
            .iter()
            .map(|n| std::fs::read_to_string(format!("{dir}/{n}")).unwrap())
            .collect();
        let parsed = parse(&texts[1]).unwrap();
        let kept = parsed.model();
        let docs = |model| -> Vec<Linted> {
            (0..names.len())
                .map(|i| Linted {
                    path: names[i],
                    text: &texts[i],
                    kind: Some(kinds[i]),
                    identity: None,
                    set: Some("contoso"),
                    origin: vsslint_container::Origin::File,
                    settings: &settings,
                    model: if i == 1 { model } else { None },
                })
                .collect()
        };
        let registry = Registry::builtin();
        let (found, parsed) = run_counting(&docs(None), registry);
        assert_eq!(parsed, names.len());
        let (found_kept, parsed_kept) = run_counting(&docs(Some(&kept)), registry);
        assert_eq!(parsed_kept, names.len() - 1);
        assert!(
            !found.is_empty(),
            "the example backup has findings across its documents"
        );
        assert_eq!(format!("{found_kept:?}"), format!("{found:?}"));
    }
}
