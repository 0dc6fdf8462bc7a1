//! Running the checks across documents, once every document is linted.
//!
//! Each check declares which documents it involves; it is given only those, so it can read
//! or report on nothing else. That also tells the orchestration which texts it may free
//! before these checks run: [`keeps_text`] asks every check of the kind, never a rule by name.

use super::Registry;
use crate::diagnostic::Diagnostic;
use crate::model::Identity;
use crate::rule_api::{Across, AcrossCx, Check, Member, Rule};
use crate::settings::Settings;

/// One linted document as the checks across documents are given it.
pub struct Linted<'a> {
    pub path: &'a str,
    pub text: &'a str,
    /// `None` for a file that is not a writer metadata document, or names no writer class.
    pub identity: Option<&'a Identity>,
    pub settings: &'a Settings,
}

fn checks(registry: &Registry) -> impl Iterator<Item = (&'static Rule, Across)> + '_ {
    registry.across().filter_map(|r| match r.check {
        Check::Across(a) => Some((r, a)),
        _ => None,
    })
}

fn involved(a: &Across, id: &Identity) -> bool {
    a.involves.is_none_or(|f| f(id))
}

/// Whether any check across documents may read this document's text or report on it: when
/// none may, a report rendered before those checks is final and the text may go.
pub fn keeps_text(identity: Option<&Identity>, settings: &Settings, registry: &Registry) -> bool {
    let Some(id) = identity else {
        return false;
    };
    checks(registry).any(|(r, a)| settings.severity_of(&r.meta).is_some() && involved(&a, id))
}

/// Runs every check across documents over `docs`; returns each finding with the index of
/// the document it belongs to, in the order of `docs`.
pub fn run(docs: &[Linted], registry: &Registry) -> Vec<(usize, Diagnostic)> {
    let mut found = Vec::new();
    for (rule, a) in checks(registry) {
        // The documents this check involves, and where each is in `docs`.
        let (index, members): (Vec<usize>, Vec<Member>) = docs
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                let id = d.identity?;
                let severity = d.settings.severity_of(&rule.meta)?;
                involved(&a, id).then_some((
                    i,
                    Member {
                        path: d.path,
                        text: d.text,
                        identity: id,
                        severity,
                    },
                ))
            })
            .unzip();
        if members.is_empty() {
            continue;
        }
        let mut cx = AcrossCx::new(&rule.meta);
        (a.check)(&mut cx, &members);
        found.extend(
            cx.into_findings()
                .into_iter()
                .map(|(member, d)| (index[member], d)),
        );
    }
    found.sort_by_key(|(i, _)| *i);
    found
}
