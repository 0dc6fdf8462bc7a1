//! `os/dependencies`: component dependencies on a target that predates them.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use vsslint_model::model::{Dependency, WriterMetadata};
use vsslint_model::os::{feature, last_without, os_doc, Feature};

pub static RULE: Rule = Rule {
    meta: rule!("os/dependencies" {
        code: "VSL806",
        profile: Profile::TargetOs,
        example_target: Some(last_without(Feature::RemoteDependency)),
        summary: "A component dependency, or a remote one, that the target Windows release does not support",
        what: os_doc!("os/dependencies", "Reports a dependency element (`DEPENDENCY`; the XML \
    spelling is inferred) when the `--target-os` release predates component dependencies, and a \
    remote dependency when it predates those. A dependency is remote when its target logical \
    path, or its component name, starts with `\\\\` (`\\\\Computer\\...`); Microsoft's pages \
    name both places. Each dependency is reported once, for the newest feature it needs."),
        why: "`IVssCreateWriterMetadata::AddComponentDependency` does not exist on older \
    releases, so a requester there does not know it must also back up and restore the other \
    writer's component; the restored data can then be inconsistent. Remote dependencies, on a \
    component of another computer, came later still.",
        sources: &[
            "IVssCreateWriterMetadata::AddComponentDependency: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addcomponentdependency",
            "Dependencies Between Components Managed by Different Writers: https://learn.microsoft.com/en-us/windows/win32/vss/dependencies-between-components-managed-by-different-writers",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some(target) = cx.settings.target_os else {
        return;
    };
    let deps = w
        .components
        .iter()
        .flat_map(|c| c.dependencies.iter())
        .chain(w.loose_dependencies.iter());
    for d in deps {
        check_one(cx, d, target);
    }
}

fn check_one(cx: &mut Cx, d: &Dependency, target: vsslint_model::os::WindowsVersion) {
    let remote_attr = [&d.logical_path, &d.component_name]
        .into_iter()
        .flatten()
        .find(|a| a.raw.starts_with("\\\\"));
    let on = match (&d.logical_path, &d.component_name) {
        (Some(lp), Some(n)) if !lp.raw.is_empty() => format!("\"{}\\{}\"", lp.raw, n.raw),
        (_, Some(n)) => format!("\"{}\"", n.raw),
        _ => "another component".to_string(),
    };
    let remote = feature(Feature::RemoteDependency);
    if let Some(a) = remote_attr.filter(|_| remote.too_new_for(target)) {
        cx.report(
            a.span,
            format!("dependency on {on}: {}", remote.needs(target)),
        )
        .label(format!("needs {}", remote.min()))
        .help(format!(
            "on {target} a dependency can only name a component of this computer: drop the prefix \"{}\" if the component is local, or target {} or later",
            remote_prefix(a.raw),
            remote.min()
        ));
        return;
    }
    let plain = feature(Feature::Dependency);
    if plain.too_new_for(target) {
        cx.report(
            d.node.span,
            format!("dependency on {on}: {}", plain.needs(target)),
        )
        .label(format!("needs {}", plain.min()))
        .help(format!(
            "writers on {target} cannot declare dependencies: remove the {} element (and document the dependency for backup operators), or target {} or later",
            d.node.name,
            plain.min()
        ));
    }
}

/// `\\host\` of `\\host\Path`.
fn remote_prefix(raw: &str) -> &str {
    match raw[2..].find('\\') {
        Some(i) => &raw[..i + 3],
        None => raw,
    }
}
