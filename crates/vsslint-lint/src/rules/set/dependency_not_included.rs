//! `set/dependency-not-included`: the components a selected component depends on take part
//! in the backup too.

use crate::rule_api::{rule, AcrossCx, Facts, Member, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::backup_set::{
    added, backup_sets, full_name, nearest_target, relate, remote_dependency, set_check,
    BESIDE_SECOND_WRITER,
};

pub static RULE: Rule = Rule {
    meta: rule!("set/dependency-not-included" {
        code: "VSL961",
        severity: Severity::Warning,
        summary: "A selected component depends on a component of another writer that is not in the backup",
        what: "For each component the backup components document adds, looks at its \
    dependencies in the writer's metadata (`DEPENDENCY`, see the `dep/*` rules for the spelling) \
    on components of other writers, and checks that the backup adds the target for that writer \
    class, or a component above it in its logical path. A target that its writer's document in \
    the backup does not declare is left to `set/dependency-target-missing`. The finding points at \
    the target component in its writer's document. A remote dependency (a target logical path \
    that starts with `\\\\ComputerName\\`) names a component on another computer, which a \
    backup there takes, and is not checked.",
        why: "\"Both the dependent component and the targets of its dependencies must \
    participate\" in a backup: a component restored without the one it depends on comes back \
    inconsistent with it.",
        sources: &[
            "Writer Component Dependencies: https://learn.microsoft.com/en-us/windows/win32/vss/writer-component-dependencies",
            "Dependencies Between Components Managed by Different Writers (Declaring Remote Dependencies): https://learn.microsoft.com/en-us/windows/win32/vss/dependencies-between-components-managed-by-different-writers",
            "IVssCreateWriterMetadataEx::AddComponentDependency: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addcomponentdependency",
        ],
        across_documents: true,
        example_file: "WM1.xml",
        companions: BESIDE_SECOND_WRITER,
    }),
    check: set_check(check),
};

/// Whether `lp\name` is `target` or lies below it.
fn covers(lp: &str, name: &str, target_lp: &str, target_name: &str) -> bool {
    let added: Vec<&str> = lp
        .split('\\')
        .chain([name])
        .filter(|s| !s.is_empty())
        .collect();
    let target: Vec<&str> = target_lp
        .split('\\')
        .chain([target_name])
        .filter(|s| !s.is_empty())
        .collect();
    added.len() <= target.len() && added.iter().zip(&target).all(|(a, t)| a == t)
}

fn check(cx: &mut AcrossCx, docs: &[Member], _: &[Facts]) {
    for set in backup_sets(docs) {
        for (_, bc, wc, writer) in set.taking_part() {
            for c in &wc.components {
                let Some(declared) = added(writer, c) else {
                    continue;
                };
                for dep in &declared.dependencies {
                    let Some(target) = dep.writer_id.as_ref().and_then(|a| a.value.uuid()) else {
                        continue;
                    };
                    if writer.writer_id == Some(target) {
                        continue;
                    }
                    let lp = dep.logical_path.as_ref().map_or("", |a| a.raw);
                    let Some(name) = &dep.component_name else {
                        continue;
                    };
                    // A component on another computer is backed up there, not in this backup.
                    if remote_dependency(lp, name.raw) {
                        continue;
                    }
                    // A target its writer does not declare is set/dependency-target-missing's.
                    let undeclared = set
                        .writers
                        .iter()
                        .filter(|w| w.writer_id == Some(target))
                        .any(|w| w.component(lp, name.raw).is_none());
                    if undeclared {
                        continue;
                    }
                    let included = bc
                        .writers
                        .iter()
                        .filter(|o| {
                            o.writer_id.as_ref().and_then(|a| a.value.uuid()) == Some(target)
                        })
                        .flat_map(|o| &o.components)
                        .any(|o| covers(o.logical_path(), o.name(), lp, name.raw));
                    if included {
                        continue;
                    }
                    let full = full_name(lp, name.raw);
                    let own = full_name(declared.logical_path(), declared.name());
                    let d = cx
                        .report(
                            docs,
                            writer.member,
                            name.span,
                            format!(
                                "`{own}` is in the backup, but `{full}`, which it depends on, is not"
                            ),
                        )
                        .label("not in the backup")
                        .help(format!(
                            "add `{full}` of writer {} to the backup, or leave `{own}` out",
                            dep.writer_id.as_ref().map_or("", |a| a.raw)
                        ));
                    if let Some(other) = set.writers.iter().find(|w| w.writer_id == Some(target)) {
                        let components = other
                            .doc
                            .components
                            .iter()
                            .map(|c| (c.logical_path(), c.name(), c.node.span));
                        let (at, what) =
                            nearest_target(components, lp, name.raw).unwrap_or_else(|| {
                                let id = other
                                    .doc
                                    .identification()
                                    .map_or(other.doc.node.span, |id| id.node.span);
                                (
                                    id,
                                    "the target writer, which declares nothing above it"
                                        .to_string(),
                                )
                            });
                        relate(d, &docs[other.member], at, &what);
                    }
                }
            }
        }
    }
}
