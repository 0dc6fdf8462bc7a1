//! `compat/dependency-retargeted`: a dependency of a component of both releases names
//! another component in the new one.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_keyed::{dependency_changes, DependencyChange, Target};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/dependency-retargeted" {
        code: "VSL1061",
        severity: Severity::Warning,
        summary: "A dependency names another component in the new release",
        what: "For each component of both releases (matched as `compat/component-removed` \
    says), compares its dependencies (`DEPENDENCY`) by their target: the writer class \
    (`onWriterId`, without case or braces), logical path and component name (exactly). The \
    dependencies left on both sides once equal targets are paired changed target: they are \
    paired first within one target writer class, then the rest, each side in order of target, \
    and each pair is reported at the new dependency, with the old one. What is left over is \
    `compat/dependency-added` or `compat/dependency-removed`.\n\n\
    For restoring a backup made with the old release: the metadata saved in the backup names \
    the old target, so a requester restoring the component brings the old target along and not \
    the new one, while the writer now installed expects the new one. For a backup \
    application's saved selections: a selection made from the old metadata includes the old \
    target and not the new one.",
        why: "A dependency tells the requester that \"during any backup or restore operation \
    both the dependent component and the targets of its dependencies must participate\"; the \
    requester reads the dependencies from the writer metadata, the stored one at restore. At \
    restore the writer installed, not the one that made the backup, handles `PreRestore` and \
    `PostRestore`.\n\n\
    What the documentation does not say: what a writer does when a component is restored \
    with the target of an older release instead of the one it now depends on. Keep the old \
    dependency beside the new one while backups made with the old release may be restored, \
    or make the new writer restore them as the old release did; raise the writer's minor \
    version (`InitializeEx`).",
        sources: &[
            "Dependencies between components managed by different writers: https://learn.microsoft.com/en-us/windows/win32/vss/dependencies-between-components-managed-by-different-writers",
            "Overview of restore initialization: https://learn.microsoft.com/en-us/windows/win32/vss/overview-of-restore-initialization",
            "CVssWriterEx::InitializeEx: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriterex-initializeex",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    for change in dependency_changes(pair) {
        let DependencyChange::Retargeted((oc, od), (nc, nd)) = *change else {
            continue;
        };
        let (old_c, new_c) = (&pair.old.doc.components[oc], &pair.new.doc.components[nc]);
        let (old_d, new_d) = (&old_c.dependencies[od], &new_c.dependencies[nd]);
        let (was, is) = (Target::of(old_d), Target::of(new_d));
        let named = |t: &Target| format!("`{}` of writer class {}", t.full_name(), t.writer);
        cx.changed(
            old_d.node.span,
            new_d.node.span,
            format!(
                "a dependency of component `{}` names {} in the new release, {} in the old one",
                new_c.full_name(),
                named(&is),
                named(&was)
            ),
        )
        .label("the dependency's new target")
        .help("keep the old dependency beside the new one while backups made with the old release may be restored, or make the new writer restore them as the old release did");
        cx.note_recorded(oc);
    }
}
