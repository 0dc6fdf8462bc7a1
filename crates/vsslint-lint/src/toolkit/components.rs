//! Shared by the `comp/*` rules.

use std::collections::HashMap;
use std::hash::Hash;
use vsslint_model::model::{Component, Stray, StrayKind};

/// Up to this many components, rules that look for a component like an earlier one compare
/// them one by one: cheaper than building a map for the handful most writers declare.
pub(crate) const PAIRWISE: usize = 16;

/// What tells two components apart: logical path and name, as written.
pub(crate) fn path_and_name<'c>(c: &'c Component) -> (&'c str, &'c str) {
    (c.logical_path(), c.name())
}

/// Whether the two are one component declared twice, as `comp/duplicate` reports them: both
/// named, with the same logical path and name as written. Rules that compare components stay
/// silent on such a pair, where each of their findings would repeat that one mistake.
pub(crate) fn are_duplicates(a: &Component, b: &Component) -> bool {
    !a.name().is_empty() && path_and_name(a) == path_and_name(b)
}

/// The first component before `components[i]` with the same logical path and name, as
/// written (see [`earlier_like`]).
pub(crate) fn earlier_repeat<'c, 'a>(
    components: &'c [Component<'a>],
    i: usize,
    seen: &mut HashMap<(&'c str, &'c str), &'c Component<'a>>,
) -> Option<&'c Component<'a>> {
    let same = |a: &Component, b: &Component| path_and_name(a) == path_and_name(b);
    earlier_like(components, i, seen, path_and_name, same)
}

/// The first component before `components[i]` that it repeats by `same`: searched one by
/// one among up to [`PAIRWISE`] components; among more, looked up in `seen` by `key`, which
/// `same` must agree with, and recorded there when it is the first of its key.
pub(crate) fn earlier_like<'c, 'a, K: Eq + Hash>(
    components: &'c [Component<'a>],
    i: usize,
    seen: &mut HashMap<K, &'c Component<'a>>,
    key: impl FnOnce(&'c Component<'a>) -> K,
    same: impl Fn(&Component, &Component) -> bool,
) -> Option<&'c Component<'a>> {
    let c = &components[i];
    if components.len() <= PAIRWISE {
        return components[..i].iter().find(|e| same(e, c));
    }
    match seen.entry(key(c)) {
        std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
        std::collections::hash_map::Entry::Vacant(v) => {
            v.insert(c);
            None
        }
    }
}

/// Whether `comp/type` reports the stray as a misspelt component; `doc/unknown-node` skips
/// the ones it does.
pub(crate) fn claims(s: &Stray) -> bool {
    s.kind == StrayKind::UnknownElement
        && s.parent == "BACKUP_LOCATIONS"
        && looks_like_component(s.name)
}

/// The name folded to upper case without `_`, `-`, `.` and a `VSS_CT_` prefix.
fn fold(name: &str) -> String {
    let folded: String = name
        .chars()
        .filter(|c| !matches!(c, '_' | '-' | '.'))
        .flat_map(char::to_uppercase)
        .collect();
    match folded.strip_prefix("VSSCT") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => folded,
    }
}

pub(crate) fn looks_like_component(name: &str) -> bool {
    let f = fold(name);
    meant_type(name).is_some() || f.contains("COMPONENT") || f == "UNDEFINED"
}

/// The element a near-miss spelling stands for.
pub(crate) fn meant_type(name: &str) -> Option<&'static str> {
    let f = fold(name);
    let f = f.strip_suffix("COMPONENT").unwrap_or(&f);
    match f {
        "FILEGROUP" | "FILEGROUPS" => Some("FILE_GROUP"),
        "DATABASE" | "DATABASES" | "DB" => Some("DATABASE"),
        _ => None,
    }
}
