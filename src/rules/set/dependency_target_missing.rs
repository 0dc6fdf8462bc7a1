//! `set/dependency-target-missing`: a dependency on a writer linted alongside names a
//! component that writer has.

use crate::model::{DocKind, Document};
use crate::rule_api::{rule, Across, AcrossCx, Check, Facts, Member, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::backup_set::{full_name, place, BESIDE_SECOND_WRITER};

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
        involves: Some(writer_document),
        needs_models: true,
        check,
    }),
};

fn writer_document(doc: &Facts) -> bool {
    doc.kind == DocKind::WriterMetadata && doc.identity.is_some()
}

fn check(cx: &mut AcrossCx, docs: &[Member]) {
    for (i, doc) in docs.iter().enumerate() {
        let Some(Document::WriterMetadata(w)) = doc.model else {
            continue;
        };
        let own = doc.facts.identity.map(|id| id.writer_id);
        for c in &w.components {
            for dep in &c.dependencies {
                let Some(target) = dep.writer_id.as_ref().and_then(|a| a.value.uuid()) else {
                    continue;
                };
                if own == Some(target) {
                    continue;
                }
                // The target writer's documents among those linted (in the same backup, when
                // this one is part of one).
                let targets: Vec<(usize, &Member)> = docs
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| o.facts.identity.is_some_and(|id| id.writer_id == target))
                    .filter(|(_, o)| doc.facts.set.is_none() || o.facts.set == doc.facts.set)
                    .collect();
                if targets.is_empty() {
                    continue;
                }
                let lp = dep.logical_path.as_ref().map_or("", |a| a.raw);
                let Some(name) = &dep.component_name else {
                    continue;
                };
                let declared = targets.iter().any(|(_, o)| {
                    o.facts.identity.is_some_and(|id| {
                        id.components
                            .iter()
                            .any(|(l, n, _)| l == lp && n == name.raw)
                    })
                });
                if declared {
                    continue;
                }
                let (j, target_doc) = targets[0];
                let full = full_name(lp, name.raw);
                let at = docs[j]
                    .model
                    .and_then(|m| match m {
                        Document::WriterMetadata(t) => t.identification().map(|id| id.node.span),
                        _ => None,
                    })
                    .map_or(target_doc.facts.path.to_string(), |s| place(&docs[j], s));
                cx.report(
                    docs,
                    i,
                    name.span,
                    format!("the dependency names `{full}`, which its writer does not declare"),
                )
                .label("no such component")
                .help(format!(
                    "name a component the writer declares ({at}), with its logical path as written"
                ));
            }
        }
    }
}
