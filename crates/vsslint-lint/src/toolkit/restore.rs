//! Shared by the `restore/*` rules.

use crate::rule_api::Cx;
use vsslint_model::model::{Attr, RestoreMethod};
use vsslint_model::vocab::Method;

/// The restore method a `RESTORE_METHOD` declares, user-added spellings included, with its
/// attribute; `None` when the attribute is absent.
pub(crate) fn method<'r, 'a>(
    cx: &Cx,
    rm: &'r RestoreMethod<'a>,
) -> Option<(&'r Attr<'a, Method>, Method)> {
    let a = rm.method.as_ref()?;
    Some((a, cx.settings.method(a)))
}
