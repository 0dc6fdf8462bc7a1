//! `set/dependency-target-missing`: a dependency on a writer linted alongside names a
//! component that writer has.

use crate::rule_api::{rule, Across, AcrossCx, Check, Facts, Member, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::backup_set::{full_name, BESIDE_SECOND_WRITER};

pub static RULE: Rule = Rule {
    meta: rule!("set/dependency-target-missing" {
        code: "VSL962",
        severity: Severity::Warning,
        summary: "A dependency names a component that its target writer does not declare",
        what: "For each dependency (`DEPENDENCY`, see the `dep/*` rules for the spelling) on \
    another writer whose metadata document is among the documents linted together — a backup, \
    or simply a folder of writers' documents — checks that this writer declares the component \
    the dependency names (logical path and name, as written).",
        why: "\"Both the dependent component and the targets of its dependencies must \
    participate\": a dependency on a component that does not exist can never be satisfied, and a \
    requester that follows it finds nothing to add.",
        sources: &[
            "Writer Component Dependencies: https://learn.microsoft.com/en-us/windows/win32/vss/writer-component-dependencies",
            "IVssCreateWriterMetadataEx::AddComponentDependency: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addcomponentdependency",
        ],
        across_documents: true,
        example_file: "WM1.xml",
        companions: BESIDE_SECOND_WRITER,
    }),
    check: Check::Across(Across {
        involves: Some(has_dependencies),
        needs_models: false,
        check,
    }),
};

/// Documents with a dependency on another writer: the only ones that can raise it. The
/// writers they depend on are looked up among every document linted.
fn has_dependencies(doc: &Facts) -> bool {
    doc.identity.is_some_and(|id| !id.dependencies.is_empty())
}

fn check(cx: &mut AcrossCx, docs: &[Member], all: &[Facts]) {
    for (i, doc) in docs.iter().enumerate() {
        let Some(id) = doc.facts.identity else {
            continue;
        };
        for (target, lp, name, span) in &id.dependencies {
            // The target writer's documents among those linted (in the same backup, when
            // this one is part of one).
            let targets: Vec<&Facts> = all
                .iter()
                .filter(|o| o.identity.is_some_and(|t| t.writer_id == *target))
                .filter(|o| doc.facts.set.is_none() || o.set == doc.facts.set)
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
            cx.report(
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
        }
    }
}
