//! What the `compat/*` rules about a writer's identity read of each side: its
//! `IDENTIFICATION` attributes, where they are, and its version.

use crate::rule_api::Side;
use vsslint_model::model::{Identification, Text};
use vsslint_model::span::Span;

/// The span of an `IDENTIFICATION` attribute of `side`, or of `IDENTIFICATION` (the document
/// element when there is none) where the attribute is absent.
pub fn id_span(side: &Side, pick: impl Fn(&Identification) -> Option<Span>) -> Span {
    side.doc
        .identification()
        .and_then(pick)
        .unwrap_or_else(|| side.identification_span())
}

/// A text attribute of `IDENTIFICATION`, as written.
pub fn id_text<'a>(
    side: &'a Side,
    pick: impl Fn(&'a Identification<'a>) -> Option<&'a Text<'a>>,
) -> Option<&'a str> {
    side.doc.identification().and_then(pick).map(|a| a.raw)
}

/// `(majorVersion, minorVersion)`, an absent or unreadable one counting as 0.
pub fn version(side: &Side) -> (u32, u32) {
    let Some(id) = side.doc.identification() else {
        return (0, 0);
    };
    let n =
        |a: &Option<vsslint_model::model::Number>| a.as_ref().and_then(|a| a.value).unwrap_or(0);
    (n(&id.major_version), n(&id.minor_version))
}

/// Where a finding about the version points: `majorVersion` when the major versions differ
/// or `minor` is unset, else `minorVersion`.
pub fn version_span(side: &Side, minor: bool) -> Span {
    id_span(side, |id| {
        let a = if minor {
            id.minor_version.as_ref()
        } else {
            id.major_version.as_ref()
        };
        a.map(|a| a.span)
    })
}

/// An absent value, for messages.
pub fn shown(value: Option<&str>) -> String {
    value.map_or_else(|| "(none)".to_string(), |v| format!("\"{v}\""))
}

/// `f` of the old side, then of the new one.
pub fn sides<'s, T>(pair: &'s crate::rule_api::Pair, f: impl Fn(&'s Side<'s>) -> T) -> (T, T) {
    (f(&pair.old), f(&pair.new))
}
