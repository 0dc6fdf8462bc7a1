//! `set/explicit-subcomponent`: a component that is selected only through a selectable
//! ancestor is not added explicitly.

use crate::rule_api::{rule, AcrossCx, Facts, Member, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::backup_set::{
    added, ancestors, backup_sets, full_name, relate, selectable, set_check, BESIDE_COMPONENTS,
};

pub static RULE: Rule = Rule {
    meta: rule!("set/explicit-subcomponent" {
        code: "VSL958",
        severity: Severity::Error,
        summary: "A non-selectable component under a selectable one is added explicitly",
        what: "Reports a `COMPONENT` of the backup components document whose component in the \
    writer's metadata is not selectable for backup and has a selectable component above it in \
    its logical path. A non-selectable component with no selectable ancestor is required, not \
    wrong: the real sets add TasksStore and WMI that way.",
        why: "A non-selectable component with a selectable ancestor is a subcomponent: it is \
    backed up with its ancestor, and \"should never be explicitly added\"; \"the result of doing \
    so is undefined\".",
        sources: &[
            "Working with Selectability and Logical Paths: https://learn.microsoft.com/en-us/windows/win32/vss/working-with-selectability-and-logical-paths",
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
        for (i, _, wc, writer) in set.taking_part() {
            for c in &wc.components {
                let (Some(declared), Some(name)) = (added(writer, c), &c.name) else {
                    continue;
                };
                if selectable(declared) {
                    continue;
                }
                let Some(above) = ancestors(writer.doc, declared).find(|a| selectable(a)) else {
                    continue;
                };
                let full = full_name(c.logical_path(), c.name());
                let parent = full_name(above.logical_path(), above.name());
                let d = cx
                    .report(
                        docs,
                        i,
                        name.span,
                        format!(
                            "component `{full}` is a subcomponent of selectable `{parent}` and is added explicitly"
                        ),
                    )
                    .label("subcomponent added")
                    .help(format!(
                        "add `{parent}` instead: its subcomponents are backed up with it"
                    ));
                let at = above.name.as_ref().map_or(above.node.span, |a| a.span);
                relate(
                    d,
                    &docs[writer.member],
                    at,
                    "the selectable component above it",
                );
            }
        }
    }
}
