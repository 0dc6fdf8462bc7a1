//! `set/missing-required-component`: a writer that takes part has all of its required
//! components in the backup.

use crate::rule_api::{rule, AcrossCx, Facts, Member, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::backup_set::{
    ancestors, backup_sets, full_name, relate, selectable, set_check, BESIDE_COMPONENTS,
};

pub static RULE: Rule = Rule {
    meta: rule!("set/missing-required-component" {
        code: "VSL959",
        severity: Severity::Warning,
        summary: "A writer takes part without one of its required components",
        what: "For each writer the backup components document adds components for, looks for \
    each of the writer's non-selectable components that has no selectable component above it in \
    its logical path (a logical path element that names no component does not count): each must \
    be added. Writers the backup does not name are not judged.",
        why: "All of a writer's non-selectable components without a selectable ancestor \"will be \
    added explicitly\" when the writer takes part: they hold what the writer needs to be \
    restored at all (the real sets add TasksStore and WMI so). A backup without one restores a \
    writer that is missing part of itself.",
        sources: &[
            "Working with Selectability and Logical Paths: https://learn.microsoft.com/en-us/windows/win32/vss/working-with-selectability-and-logical-paths",
            "The real DiskShadow sets add every writer's non-selectable top-level components",
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
            if wc.components.is_empty() {
                continue;
            }
            for c in &writer.doc.components {
                if selectable(c) || ancestors(writer.doc, c).any(selectable) {
                    continue;
                }
                let there = wc
                    .components
                    .iter()
                    .any(|a| a.logical_path() == c.logical_path() && a.name() == c.name());
                if there {
                    continue;
                }
                let full = full_name(c.logical_path(), c.name());
                let span = wc.writer_id.as_ref().map_or(wc.node.span, |a| a.span);
                let d = cx
                    .report(
                        docs,
                        i,
                        span,
                        format!("the writer takes part without its required component `{full}`"),
                    )
                    .label("required component left out")
                    .help(format!(
                        "add `{full}`: it is not selectable and nothing selectable is above it, so it goes with every backup of the writer"
                    ));
                let at = c.name.as_ref().map_or(c.node.span, |a| a.span);
                relate(d, &docs[writer.member], at, "the required component");
            }
        }
    }
}
