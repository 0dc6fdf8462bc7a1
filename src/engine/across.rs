//! Running the checks across documents, once every document is linted.
//!
//! Each check declares which documents it involves; it is given only those, so it can read
//! or report on nothing else. That also tells the orchestration which texts it may free
//! before these checks run: [`keeps_text`] asks every check of the kind, never a rule by name.

use super::Registry;
use crate::diagnostic::Diagnostic;
use crate::model::DocKind;
use crate::parse::{build, parse_xml};
use crate::rule_api::{Across, AcrossCx, Check, Facts, Member, Rule};
use crate::settings::Settings;
use rayon::prelude::*;

/// One linted document as the checks across documents are given it.
pub struct Linted<'a> {
    pub path: &'a str,
    pub text: &'a str,
    /// `None` for a file that could not be read as a document.
    pub kind: Option<DocKind>,
    pub identity: Option<&'a crate::model::Identity>,
    pub set: Option<&'a str>,
    pub origin: crate::container::Origin,
    pub settings: &'a Settings,
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
    pub identity: Option<&'a crate::model::Identity>,
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
        origin: crate::container::Origin::File,
    };
    checks(registry).any(|(r, a)| settings.severity_of(&r.meta).is_some() && involved(&a, &facts))
}

/// Runs every check across documents over `docs`; returns each finding with the index of
/// the document it belongs to, in the order of `docs`.
pub fn run(docs: &[Linted], registry: &Registry) -> Vec<(usize, Diagnostic)> {
    let mut found = Vec::new();
    let all: Vec<Facts> = docs.iter().filter_map(Linted::facts).collect();
    for (rule, a) in checks(registry) {
        // The documents this check involves, where each is in `docs`, and its severity.
        let involved: Vec<(usize, Facts, _)> = docs
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                let facts = d.facts()?;
                let severity = d.settings.severity_of(&rule.meta)?;
                involved(&a, &facts).then_some((i, facts, severity))
            })
            .collect();
        if involved.is_empty() {
            continue;
        }
        // Read again only for checks that look into the documents: their trees do not outlive
        // the linting of each file.
        let trees: Vec<_> = involved
            .par_iter()
            .map(|(i, _, _)| {
                a.needs_models
                    .then(|| parse_xml(docs[*i].text).ok())
                    .flatten()
            })
            .collect();
        let models: Vec<_> = trees.iter().map(|t| t.as_ref().map(build)).collect();
        let index: Vec<usize> = involved.iter().map(|(i, _, _)| *i).collect();
        let members: Vec<Member> = involved
            .iter()
            .zip(&models)
            .map(|((i, facts, severity), model)| Member {
                facts: *facts,
                text: docs[*i].text,
                model: model.as_ref(),
                severity: *severity,
            })
            .collect();
        let mut cx = AcrossCx::new(&rule.meta);
        (a.check)(&mut cx, &members, &all);
        found.extend(
            cx.into_findings()
                .into_iter()
                .map(|(member, d)| (index[member], d)),
        );
    }
    found.sort_by_key(|(i, _)| *i);
    found
}
