//! `set/unknown-component`: every component the backup components document adds exists in
//! its writer's metadata, with the same type.

use crate::rule_api::{rule, AcrossCx, Facts, Member, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::backup_set::{
    added, backup_sets, full_name, relate, set_check, type_name, BESIDE_COMPONENTS,
};

pub static RULE: Rule = Rule {
    meta: rule!("set/unknown-component" {
        code: "VSL952",
        severity: Severity::Error,
        summary: "The backup components document adds a component its writer does not declare",
        what: "For each `COMPONENT` of a `WRITER_COMPONENTS` whose writer's metadata document is \
    in the backup, looks for the component with the same logical path and name (as written) in \
    that document, and checks that its `componentType` (`filegroup`, `database`) is the \
    component's element (`FILE_GROUP`, `DATABASE`).",
        why: "`IVssBackupComponents::AddComponent` adds a writer's selectable for backup \
    component, or a nonselectable one with no selectable ancestor, by its type, logical path \
    and name. The backup components document holds no file sets: requesters have to read the \
    writer metadata document for them (\"Working with Selectability for Backup\"), so a \
    component its writer does not declare has no files there to back up or restore, and the \
    type is part of how the API names a component. The problem surfaces at restore time, \
    when it is too late to back the data up again.",
        sources: &[
            "IVssBackupComponents::AddComponent: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-addcomponent",
            "Working with Selectability for Backup: https://learn.microsoft.com/en-us/windows/win32/vss/working-with-selectability-for-backup",
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
                let Some(name) = &c.name else { continue };
                let full = full_name(c.logical_path(), c.name());
                let writer_doc = &docs[writer.member];
                match added(writer, c) {
                    None => {
                        cx.report(
                        docs,
                        i,
                        name.span,
                        format!("component `{full}` is not declared by the writer's metadata"),
                    )
                    .label("no such component")
                    .help(format!(
                        "the writer declares no component with this logical path and name in {}; check the spelling and the logicalPath, or take the component out of the backup",
                        writer_doc.facts.path
                    ));
                    }
                    Some(declared) => {
                        let Some(t) = &c.component_type else { continue };
                        let want = type_name(declared);
                        if !t.raw.eq_ignore_ascii_case(want) {
                            let d = cx
                                .report(
                                    docs,
                                    i,
                                    t.span,
                                    format!(
                                        "component `{full}` is added as a {}, but the writer declares a {want}",
                                        t.raw
                                    ),
                                )
                                .label("not its type")
                                .help(format!(
                                    "write componentType=\"{want}\", as the writer declares it"
                                ));
                            relate(d, writer_doc, declared.node.span, "declared here");
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    /// `SetSelectedForRestore`'s page gives `VSS_E_OBJECT_NOT_FOUND` for a component missing
    /// from the backup components document or a writer with no live instance, never for one
    /// its writer does not declare: the rule cannot promise that error.
    #[test]
    fn promises_no_error_code_the_pages_do_not_give_for_this_case() {
        let why = super::RULE.meta.why;
        assert!(!why.contains("VSS_E_OBJECT_NOT_FOUND"), "{why}");
        assert!(why.contains("requesters have to read"), "{why}");
    }
}
