//! `lp/global-uniqueness`: a component's (logical path, name) is unique across the instances
//! of a writer class.

use crate::rule_api::{rule, Across, AcrossCx, Check, Facts, Member, Rule};
use crate::rule_meta::Severity;
use std::collections::HashMap;
use vsslint_model::span::LineIndex;

pub static RULE: Rule = Rule {
    meta: rule!("lp/global-uniqueness" {
        code: "VSL455",
        severity: Severity::Info,
        summary: "Two instances of one writer class declare the same component",
        what: "When several documents are linted together, compares the documents of the same \
    writer class (same `writerId`) that come from different writer instances, and notes each \
    component whose logical path and name also appear in another instance. Two documents are taken \
    as different instances only when both carry an `instanceName` and the names differ: instance \
    IDs change every time a writer process starts, so two captures of one instance (two DiskShadow \
    runs) are not compared. Logical paths and names are compared as written.",
        why: "Microsoft requires the combination of logical path and component name to be unique \
    across all instances of a writer class: a requester that restores a component addresses it by \
    writer class, logical path and name, so two instances declaring the same component cannot both \
    be restored. Multi-instance writers usually put the instance name in the logical path (the SQL \
    Server writer uses the server name).",
        sources: &[
            "Logical Pathing of Components: https://learn.microsoft.com/en-us/windows/win32/vss/logical-pathing-of-components",
            "Definition of Components by Writers: https://learn.microsoft.com/en-us/windows/win32/vss/definition-of-components-by-writers",
            "VSS Test Writer Tool: https://learn.microsoft.com/en-us/windows/win32/vss/vss-test-writer-tool",
        ],
        across_documents: true,
    }),
    check: Check::Across(Across {
        involves: Some(names_its_instance),
        needs_models: false,
        check,
    }),
};

/// Only a document that names its writer instance is compared, as the document that gains a
/// finding or as the one it points to.
fn names_its_instance(doc: &Facts) -> bool {
    doc.identity.is_some_and(|id| id.instance_name.is_some())
}

/// Compares every pair of instances of each writer class among `docs`.
fn check(cx: &mut AcrossCx, docs: &[Member], _: &[Facts]) {
    // (writer class, logical path, name) → first (document, instance name)
    let mut seen: HashMap<(uuid::Uuid, &str, &str), (usize, &str)> = HashMap::new();
    // The writers of a vshadow transcript share its whole text: indexed once, not once for
    // each finding that points into it.
    let mut indexes: HashMap<*const u8, LineIndex> = HashMap::new();
    for (i, doc) in docs.iter().enumerate() {
        let Some(id) = doc.facts.identity else {
            continue;
        };
        let Some(instance) = id.instance_name.as_deref() else {
            continue;
        };
        for (lp, name, span) in &id.components {
            let key = (id.writer_id, lp.as_str(), name.as_str());
            match seen.get(&key) {
                Some(&(j, other)) if other != instance => {
                    let other_doc = &docs[j];
                    let pos = other_doc
                        .facts
                        .identity
                        .into_iter()
                        .flat_map(|o| &o.components)
                        .find(|c| c.0 == *lp && c.1 == *name)
                        .map(|c| {
                            indexes
                                .entry(other_doc.text.as_ptr())
                                .or_insert_with(|| LineIndex::new(other_doc.text))
                                .position(c.2.start)
                        });
                    let full = if lp.is_empty() {
                        name.clone()
                    } else {
                        format!("{lp}\\{name}")
                    };
                    cx.report(
                        docs,
                        i,
                        *span,
                        format!(
                            "component `{full}` of instance \"{instance}\" is also declared by instance \"{other}\" of the same writer class"
                        ),
                    )
                    .label("also in another instance")
                    .help(format!(
                        "give each instance its own logical path (for example prefix it with the instance name); the other declaration is in {}{}",
                        other_doc.facts.path,
                        pos.map(|p| format!(":{}:{}", p.line, p.column)).unwrap_or_default()
                    ));
                }
                Some(_) => {}
                None => {
                    seen.insert(key, (i, instance));
                }
            }
        }
    }
}
