//! §3.G: logical paths and selectability.

use crate::rules::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[];
