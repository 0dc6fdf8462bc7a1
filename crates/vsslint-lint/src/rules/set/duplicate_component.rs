//! `set/duplicate-component`: a component is added once for a writer instance.

use crate::rule_api::{rule, AcrossCx, Facts, Member, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::backup_set::{backup_sets, full_name, set_check, BESIDE_COMPONENTS};
use std::collections::HashMap;

pub static RULE: Rule = Rule {
    meta: rule!("set/duplicate-component" {
        code: "VSL953",
        severity: Severity::Error,
        summary: "A component is added twice for one writer instance",
        what: "Reports a `COMPONENT` whose logical path and name (as written) were already added \
    for the same writer class and instance, in the same `WRITER_COMPONENTS` or in another one for \
    that instance.",
        why: "\"The combination of logical path and name for each component of a given instance … \
    must be unique\": `IVssBackupComponents::AddComponent` refuses a second one with \
    `VSS_E_OBJECT_ALREADY_EXISTS`, so a document that holds two was not written by the API, or \
    was edited; tools that read it back disagree on which one counts.",
        sources: &[
            "IVssBackupComponents::AddComponent: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-addcomponent",
        ],
        across_documents: true,
        example_file: "BCDocument.xml",
        companions: BESIDE_COMPONENTS,
    }),
    check: set_check(check),
};

fn check(cx: &mut AcrossCx, docs: &[Member], _: &[Facts]) {
    for set in backup_sets(docs) {
        for &(i, bc) in &set.components {
            // (writer class, instance, logical path, name) → the first one's span.
            let mut first = HashMap::new();
            for wc in &bc.writers {
                let class = wc.writer_id.as_ref().and_then(|a| a.value.uuid());
                let instance = wc.instance_id.as_ref().and_then(|a| a.value.uuid());
                for c in &wc.components {
                    let Some(name) = &c.name else { continue };
                    let key = (class, instance, c.logical_path(), c.name());
                    match first.get(&key) {
                        None => {
                            first.insert(key, c.node.span);
                        }
                        Some(&earlier) => {
                            let full = full_name(c.logical_path(), c.name());
                            cx.report(
                                docs,
                                i,
                                name.span,
                                format!("component `{full}` is added twice for this writer instance"),
                            )
                            .label("added again")
                            .help("remove one of the two: AddComponent refuses a second one (VSS_E_OBJECT_ALREADY_EXISTS)")
                            .related(earlier, "first added here");
                        }
                    }
                }
            }
        }
    }
}
