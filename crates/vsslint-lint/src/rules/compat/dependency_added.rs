//! `compat/dependency-added`: a component of both releases depends, in the new one, on a
//! component it did not depend on in the old one.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_keyed::{dependency_changes, DependencyChange, Target};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/dependency-added" {
        code: "VSL1060",
        severity: Severity::Warning,
        summary: "A component depends on a component of another writer it did not depend on in the old release",
        what: "For each component of both releases (matched as `compat/component-removed` \
    says), compares its dependencies (`DEPENDENCY`) by their target: the writer class \
    (`onWriterId`, without case or braces), logical path and component name (exactly). A \
    dependency of the new component whose target the old one did not name, and that is not a \
    change of target of one of its old dependencies (`compat/dependency-retargeted`), is \
    reported at the dependency, with the component in the old document. Dependencies outside \
    any component, and those of a component in one release only, are not compared.\n\n\
    For restoring a backup made with the old release: the metadata saved in the backup does \
    not name the new target, so a requester restoring the component does not bring the target \
    along, while the writer now installed expects both to be restored together. For a backup \
    application's saved selections: a selection made from the old metadata does not include \
    the new target.",
        why: "A dependency tells the requester that \"during any backup or restore operation \
    both the dependent component and the targets of its dependencies must participate\"; the \
    requester reads the dependencies from the writer metadata, the stored one at restore. At \
    restore the writer installed, not the one that made the backup, handles `PreRestore` and \
    `PostRestore`.\n\n\
    What the documentation does not say: what a writer does when a component is restored \
    without a target it now depends on. Make the new writer restore backups that lack the \
    target's data as the old release did, and raise the writer's minor version \
    (`InitializeEx`).",
        sources: &[
            "Dependencies between components managed by different writers: https://learn.microsoft.com/en-us/windows/win32/vss/dependencies-between-components-managed-by-different-writers",
            "Overview of restore initialization: https://learn.microsoft.com/en-us/windows/win32/vss/overview-of-restore-initialization",
            "CVssWriterEx::InitializeEx: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriterex-initializeex",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let matches = crate::toolkit::compat_match::components(pair);
    for change in dependency_changes(pair) {
        let DependencyChange::Added((c, d)) = *change else {
            continue;
        };
        let Some(m) = matches.of_new(c) else { continue };
        let (old_c, new_c) = (&pair.old.doc.components[m.old], &pair.new.doc.components[c]);
        let dep = &new_c.dependencies[d];
        let target = Target::of(dep);
        cx.added(
            dep.node.span,
            old_c.node.span,
            format!(
                "component `{}` depends on `{}` of writer class {} in the new release, not in the old one",
                new_c.full_name(),
                target.full_name(),
                target.writer
            ),
        )
        .label("a dependency the old release does not declare")
        .help("make the new writer restore backups made without this dependency's target as the old release did, and raise its minor version");
        cx.note_recorded(m.old);
    }
}
