//! `compat/dependency-target-removed`: a component that a dependency of any writer names,
//! declared by its writer's old release and not by the new one.

use crate::rule_api::{companion, compat_rule, Check, Compare, CompareCx, Comparison, Rule, Side};
use crate::rule_meta::{Comparing, Severity};
use crate::toolkit::backup_set::remote_dependency;
use crate::toolkit::compat_keyed::Target;
use crate::toolkit::compat_match::components;
use std::collections::{HashMap, HashSet};
use vsslint_model::model::{Component, Dependency, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: compat_rule!(collection "compat/dependency-target-removed" {
        code: "VSL1059",
        severity: Severity::Error,
        summary: "A dependency names a component that its writer's new release no longer declares",
        what: "Compares collections (folders or backups) only. For each writer of both \
    releases, the components its old document declares and its new one does not, by logical \
    path and name exactly (removed, renamed or moved), are looked for among the dependencies \
    (`DEPENDENCY`) of every writer's documents, old and new: a dependency names one when its \
    target writer class (`onWriterId`, without case or braces) is the writer's and its logical \
    path and component name are the component's. A dependency on another computer (a logical \
    path or name that starts with `\\\\`) is not looked at. Each dependency found is reported \
    in the depending writer's new document: at the dependency, with the component in the old \
    document of its writer; or, when only the depending writer's old document has the \
    dependency, at the dependent component in its new document (or its `BACKUP_LOCATIONS`), \
    with the dependency and the component in the old documents. The finding belongs to the \
    writer whose component went.\n\n\
    For restoring a backup made with the old releases: the requester, reading the stored \
    metadata, restores the dependent component together with its target, which the target \
    writer now installed no longer declares. For a backup application's saved selections: \
    the dependent component cannot be selected together with its target any more.",
        why: "A dependency \"informs the requester that during any backup or restore \
    operation both the dependent component and the targets of its dependencies must \
    participate\". A requester identifies a component by the writer's class, the logical path \
    and the name, and a selection naming a component the writer no longer reports fails \
    (Microsoft: \"an error will be returned\"). A writer cannot tell that one of its \
    components is the target of a dependency: \"there is no way a writer can determine if one \
    of its components is a target of a dependency\", so only a comparison of the writers \
    together finds this.\n\n\
    Keep the component in the target writer's new release, even with no files left to back \
    up; or release the depending writer with the dependency on the new component first, and \
    keep the old component while backups depending on it may be restored.",
        sources: &[
            "Dependencies between components managed by different writers: https://learn.microsoft.com/en-us/windows/win32/vss/dependencies-between-components-managed-by-different-writers",
            "Use of components by the requester: https://learn.microsoft.com/en-us/windows/win32/vss/use-of-components-by-the-requestor",
        ],
        comparing: Some(Comparing {
            collection: true,
            old: &[
                companion!("WM0.xml", "rules/compat/dependency-target-removed/old"),
                companion!("WM1.xml", "rules/compat/dependency-target-removed/old"),
            ],
            new: &[
                companion!("WM0.xml", "rules/compat/dependency-target-removed/new"),
                companion!("WM1.xml", "rules/compat/dependency-target-removed/new"),
            ],
            good: &[
                companion!("WM0.xml", "rules/compat/dependency-target-removed/good"),
                companion!("WM1.xml", "rules/compat/dependency-target-removed/good"),
            ],
        }),
    }),
    check: Check::Compare(Compare::Whole(check)),
};

/// A writer's dependencies, each with the index of its component (none for a dependency
/// outside any component).
fn dependencies<'w, 'a>(
    w: &'w WriterMetadata<'a>,
) -> impl Iterator<Item = (Option<usize>, &'w Dependency<'a>)> {
    w.components
        .iter()
        .enumerate()
        .flat_map(|(i, c)| c.dependencies.iter().map(move |d| (Some(i), d)))
        .chain(w.loose_dependencies.iter().map(|d| (None, d)))
}

fn friendly(w: &WriterMetadata) -> String {
    w.identification()
        .and_then(|id| id.friendly_name.as_ref())
        .map_or("(unnamed)".to_string(), |a| a.raw.to_string())
}

fn dependent(w: &WriterMetadata, component: Option<usize>) -> String {
    component.map_or("a dependency outside any component".to_string(), |c| {
        format!("component `{}`", w.components[c].full_name())
    })
}

/// What a dependency is, whichever release of its writer has it: its component's key and
/// its target.
type Seen = (usize, String, String, Target);

fn seen(new_doc: usize, w: &WriterMetadata, c: Option<usize>, t: &Target) -> Seen {
    let (lp, name) = c.map_or((String::new(), String::new()), |c| {
        let c: &Component = &w.components[c];
        (c.logical_path().to_string(), c.name().to_string())
    });
    (new_doc, lp, name, t.clone())
}

fn check(cx: &mut CompareCx, cmp: &Comparison) {
    if cmp.files {
        return;
    }
    // The components each writer of both releases declared in OLD and not in NEW, by the
    // target a dependency names: (index of the writer's pair, index of the OLD component).
    let mut gone: HashMap<Target, (usize, usize)> = HashMap::new();
    for (p, pair) in cmp.pairs.iter().enumerate() {
        let Some(class) = pair
            .old
            .doc
            .identification()
            .and_then(|id| id.writer_id.as_ref())
            .and_then(|a| a.value.uuid())
        else {
            continue;
        };
        let declared: HashSet<(&str, &str)> = pair
            .new
            .doc
            .components
            .iter()
            .map(|c| (c.logical_path(), c.name()))
            .collect();
        for (i, c) in pair.old.doc.components.iter().enumerate() {
            if !declared.contains(&(c.logical_path(), c.name())) {
                let target = Target {
                    writer: class.hyphenated().to_string(),
                    logical_path: c.logical_path().to_string(),
                    component_name: c.name().to_string(),
                };
                gone.entry(target).or_insert((p, i));
            }
        }
    }
    if gone.is_empty() {
        return;
    }
    let of_target = |d: &Dependency| {
        let t = Target::of(d);
        if remote_dependency(&t.logical_path, &t.component_name) {
            return None;
        }
        gone.get(&t).map(|&at| (t, at))
    };
    let removed_component = |(p, i): (usize, usize)| {
        let pair = &cmp.pairs[p];
        (&pair.old, &pair.old.doc.components[i])
    };
    let message = |depending: &Side, c: Option<usize>, target_side: &Side, t: &Target| {
        format!(
            "{} of writer `{}` depends on component `{}` of writer `{}`, which that writer's new release no longer declares",
            dependent(depending.doc, c),
            friendly(depending.doc),
            t.full_name(),
            friendly(target_side.doc),
        )
    };
    let mut reported: HashSet<Seen> = HashSet::new();
    for (n, side) in cmp.new.iter().enumerate() {
        for (c, d) in dependencies(side.doc) {
            let Some((t, at)) = of_target(d) else {
                continue;
            };
            let (old_side, removed) = removed_component(at);
            let text = message(side, c, old_side, &t);
            cx.report_pair((old_side, removed.node.span), (side, d.node.span), text)
                .label("the component this dependency names is gone")
                .help("keep the component in the target writer's new release, even with no files, or make this dependency name a component the target writer still declares");
            reported.insert(seen(n, side.doc, c, &t));
        }
    }
    // Dependencies only the depending writer's old release has: its backups still name
    // the target.
    for (wp, depending) in cmp.pairing.pairs.iter().zip(&cmp.pairs) {
        for (c, d) in dependencies(depending.old.doc) {
            let Some((t, at)) = of_target(d) else {
                continue;
            };
            if reported.contains(&seen(wp.new, depending.old.doc, c, &t)) {
                continue;
            }
            let (old_side, removed) = removed_component(at);
            let here = c
                .and_then(|c| components(depending).of_old(c))
                .map_or(depending.new.components_container(), |m| {
                    depending.new.doc.components[m.new].node.span
                });
            let text = message(&depending.old, c, old_side, &t);
            let start = old_side.position(removed.node.span.start);
            cx.report_pair((&depending.old, d.node.span), (&depending.new, here), text)
                .label("backups made with the old release of this writer depend on a component that is gone")
                .help("keep the component in the target writer's new release, even with no files, while backups made with this writer's old release may be restored")
                .related_in(old_side.path, removed.node.span, start, "the component, in its writer's old release");
        }
    }
}
