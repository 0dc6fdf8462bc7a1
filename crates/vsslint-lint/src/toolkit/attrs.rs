//! Attribute helpers for the checks: most rules look at an attribute only when it is there
//! and its value could be read, and leave the rest to the rule about its syntax.

use vsslint_model::model::Attr;

/// The attribute and its parsed value, when the attribute is present and its value parsed.
pub(crate) fn parsed<'r, 'a, T: Copy>(
    attr: &'r Option<Attr<'a, Option<T>>>,
) -> Option<(&'r Attr<'a, Option<T>>, T)> {
    let a = attr.as_ref()?;
    Some((a, a.value?))
}
