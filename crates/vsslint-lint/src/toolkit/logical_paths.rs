//! Shared by the `lp/*` rules.

use vsslint_model::model::{Component, Text};
use vsslint_model::span::Span;

/// The span of `range` (byte offsets in the attribute's value) in the document, when the value
/// is written without entity or character references; else the whole value.
pub(crate) fn value_span(a: &Text, range: std::ops::Range<usize>) -> Span {
    // References only make the written form longer, so equal lengths mean verbatim text.
    if a.span.len() == a.raw.len() && range.end <= a.raw.len() {
        Span::new(a.span.start + range.start, a.span.start + range.end)
    } else {
        a.span
    }
}

/// The elements of a logical path, leaving out empty ones (stray backslashes have their own
/// rules).
pub(crate) fn segments(path: &str) -> impl Iterator<Item = &str> {
    path.split('\\').filter(|s| !s.is_empty())
}

/// `logicalPath\componentName` with empty elements removed: where a component sits in the tree.
pub(crate) fn full_path(c: &Component) -> String {
    let mut parts: Vec<&str> = segments(c.logical_path()).collect();
    parts.push(c.name());
    parts.join("\\")
}
