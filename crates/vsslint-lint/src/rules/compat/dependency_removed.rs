//! `compat/dependency-removed`: a component of both releases no longer depends on a
//! component it depended on in the old release.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_keyed::{dependency_changes, DependencyChange, Target};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/dependency-removed" {
        code: "VSL1062",
        severity: Severity::Info,
        summary: "A component no longer depends on a component it depended on in the old release",
        what: "For each component of both releases (matched as `compat/component-removed` \
    says), compares its dependencies (`DEPENDENCY`) by their target: the writer class \
    (`onWriterId`, without case or braces), logical path and component name (exactly). A \
    dependency of the old component whose target the new one does not name, and that is not \
    a change of target (`compat/dependency-retargeted`), is reported at the component in the \
    new document, with the dependency in the old one.\n\n\
    For restoring a backup made with the old release: the metadata saved in the backup still \
    names the target, so a requester brings it along; the writer now installed no longer \
    needs it. For a backup application's saved selections: a selection made from the old \
    metadata includes a target that is no longer needed.",
        why: "A dependency tells the requester that \"during any backup or restore operation \
    both the dependent component and the targets of its dependencies must participate\", \
    and the requester reads the dependencies from the writer metadata, the stored one at \
    restore: restoring a backup made with the old release brings along a target the new \
    release no longer requires, which takes nothing away from the restore.",
        sources: &[
            "Dependencies between components managed by different writers: https://learn.microsoft.com/en-us/windows/win32/vss/dependencies-between-components-managed-by-different-writers",
            "Overview of restore initialization: https://learn.microsoft.com/en-us/windows/win32/vss/overview-of-restore-initialization",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let matches = crate::toolkit::compat_match::components(pair);
    for change in dependency_changes(pair) {
        let DependencyChange::Removed((c, d)) = *change else {
            continue;
        };
        let Some(m) = matches.of_old(c) else { continue };
        let (old_c, new_c) = (&pair.old.doc.components[c], &pair.new.doc.components[m.new]);
        let dep = &old_c.dependencies[d];
        let target = Target::of(dep);
        cx.removed(
            dep.node.span,
            new_c.node.span,
            format!(
                "component `{}` no longer depends on `{}` of writer class {}",
                new_c.full_name(),
                target.full_name(),
                target.writer
            ),
        )
        .label("the dependency is gone from here")
        .help("nothing to change: requesters restoring old backups bring the former target along, which the new writer does not need");
        cx.note_recorded(c);
    }
}
