//! Shared by the `alm/*` rules.

use vsslint_model::model::{Mapping, Text};

/// A text attribute that is present and not blank.
pub(crate) fn filled<'t, 'a>(a: &'t Option<Text<'a>>) -> Option<&'t Text<'a>> {
    a.as_ref().filter(|t| !t.raw.trim().is_empty())
}

/// The directory part of a path that may hold wildcards: everything after a `\\?\` prefix,
/// whose `?` is part of the syntax (the ASR writer writes `\\?\Volume{…}\Boot`).
pub(crate) fn wildcard_part(path: &str) -> &str {
    path.strip_prefix(r"\\?\").unwrap_or(path)
}

/// Whether the mapping's source is well formed enough to be matched against file sets; the
/// faults are reported by `alm/source-syntax`.
pub(crate) fn source_is_well_formed(m: &Mapping) -> bool {
    let (Some(path), Some(spec)) = (filled(&m.path), filled(&m.filespec)) else {
        return false;
    };
    !wildcard_part(path.raw).contains(['*', '?'])
        && !spec.raw.contains(['\\', '/'])
        && m.recursive.as_ref().is_none_or(|r| r.value.is_some())
}

/// `C:\Data\*.dat (recursive)`, for messages.
pub(crate) fn describe(path: &str, spec: &str, recursive: bool) -> String {
    let sep = if path.ends_with('\\') { "" } else { "\\" };
    let rec = if recursive {
        "recursive"
    } else {
        "not recursive"
    };
    format!("{path}{sep}{spec} ({rec})")
}
