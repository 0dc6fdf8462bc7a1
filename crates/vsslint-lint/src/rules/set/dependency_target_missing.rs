//! `set/dependency-target-missing`: a dependency on a writer linted alongside names a
//! component that writer has.

use crate::rule_api::{rule, Across, AcrossCx, Check, Facts, Member, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::backup_set::{
    full_name, identification_span, nearest_target, relate, remote_dependency, BESIDE_SECOND_WRITER,
};

pub static RULE: Rule = Rule {
    meta: rule!("set/dependency-target-missing" {
        code: "VSL962",
        severity: Severity::Warning,
        summary: "A dependency names a component that its target writer does not declare",
        what: "For each dependency (`DEPENDENCY`, see the `dep/*` rules for the spelling) on \
    another writer whose metadata document is among the documents linted together — a backup, \
    or simply a folder of writers' documents — checks that this writer declares the component \
    the dependency names (logical path and name, as written). The finding points, in the target \
    writer's document, at the nearest component above the missing one in its logical path, or \
    at the writer's `IDENTIFICATION`. A remote dependency (a target logical path that starts \
    with `\\\\ComputerName\\`) names a component on another computer and is not checked.",
        why: "\"Both the dependent component and the targets of its dependencies must \
    participate\": a dependency on a component that does not exist can never be satisfied, and a \
    requester that follows it finds nothing to add.",
        sources: &[
            "Writer Component Dependencies: https://learn.microsoft.com/en-us/windows/win32/vss/writer-component-dependencies",
            "Dependencies Between Components Managed by Different Writers (Declaring Remote Dependencies): https://learn.microsoft.com/en-us/windows/win32/vss/dependencies-between-components-managed-by-different-writers",
            "IVssCreateWriterMetadataEx::AddComponentDependency: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addcomponentdependency",
        ],
        across_documents: true,
        example_file: "WM1.xml",
        companions: BESIDE_SECOND_WRITER,
    }),
    check: Check::Across(Across {
        involves: Some(is_a_writer),
        needs_models: false,
        check,
    }),
};

/// Writer metadata documents that depend on another writer, and in a backup every writer's,
/// which may be the target a finding points into. Outside a backup a target without
/// dependencies of its own is not kept for that: a folder of thousands of writers' documents
/// would keep every text to the end of the run.
fn is_a_writer(doc: &Facts) -> bool {
    doc.identity
        .is_some_and(|id| !id.dependencies.is_empty() || doc.set.is_some())
}

fn check(cx: &mut AcrossCx, docs: &[Member], all: &[Facts]) {
    for (i, doc) in docs.iter().enumerate() {
        let Some(id) = doc.facts.identity else {
            continue;
        };
        for (target, lp, name, span) in &id.dependencies {
            // A component on another computer is not among the writers linted here.
            if remote_dependency(lp, name) {
                continue;
            }
            // The target writer's documents among those linted (in the same backup, when
            // this one is part of one).
            let same_backup = |o: &Facts| doc.facts.set.is_none() || o.set == doc.facts.set;
            let of_target = |o: &Facts| o.identity.is_some_and(|t| t.writer_id == *target);
            let targets: Vec<&Facts> = all
                .iter()
                .filter(|o| of_target(o) && same_backup(o))
                .collect();
            if targets.is_empty() {
                continue;
            }
            let declared = targets.iter().any(|o| {
                o.identity
                    .is_some_and(|t| t.components.iter().any(|(l, n, _)| l == lp && n == name))
            });
            if declared {
                continue;
            }
            let full = full_name(lp, name);
            let d = cx
                .report(
                    docs,
                    i,
                    *span,
                    format!("the dependency names `{full}`, which its writer does not declare"),
                )
                .label("no such component")
                .help(format!(
                    "name a component that {} declares, with its logical path as written",
                    targets[0].path
                ));
            let Some(other) = docs
                .iter()
                .find(|o| of_target(&o.facts) && same_backup(&o.facts))
            else {
                continue;
            };
            let components = other
                .facts
                .identity
                .into_iter()
                .flat_map(|t| &t.components)
                .map(|(l, n, s)| (l.as_str(), n.as_str(), *s));
            match nearest_target(components, lp, name) {
                Some((at, what)) => relate(d, other, at, &what),
                None => {
                    if let Some(at) = identification_span(other.text) {
                        relate(
                            d,
                            other,
                            at,
                            "the target writer, which declares nothing above it",
                        );
                    }
                }
            }
        }
    }
}
