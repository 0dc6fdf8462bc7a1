//! Shared by the `os/*` rules.

use vsslint_model::os::{FeatureInfo, WindowsVersion};

/// The mask bits of `rule`'s features that are set in `bits` and too new for `target`,
/// oldest first.
pub(crate) fn too_new_bits(
    rule: &str,
    bits: u32,
    target: WindowsVersion,
) -> Vec<&'static FeatureInfo> {
    let mut v: Vec<_> = vsslint_model::os::features_of(rule)
        .filter(|f| f.bit & bits != 0 && f.too_new_for(target))
        .collect();
    v.sort_by_key(|f| (f.min(), f.bit));
    v
}

/// `A (0x1) and B (0x2) need X, C (0x4) needs Y; the target is Z` for one or more features,
/// grouped by the release they need.
pub(crate) fn needs_all(features: &[&FeatureInfo], target: WindowsVersion) -> String {
    if let [one] = features {
        return one.needs(target);
    }
    let mut groups: Vec<(WindowsVersion, Vec<String>)> = Vec::new();
    for f in features {
        match groups.last_mut() {
            Some((v, names)) if *v == f.min() => names.push(f.label()),
            _ => groups.push((f.min(), vec![f.label()])),
        }
    }
    let parts: Vec<String> = groups
        .iter()
        .map(|(v, names)| {
            let verb = if names.len() == 1 { "needs" } else { "need" };
            format!("{} {verb} {v}", join_and(names))
        })
        .collect();
    format!("{}; the target is {target}", parts.join(", "))
}

/// The newest release any of `features` needs.
pub(crate) fn newest(features: &[&FeatureInfo]) -> Option<WindowsVersion> {
    features.iter().map(|f| f.min()).max()
}

pub(crate) fn join_and(items: &[String]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}
