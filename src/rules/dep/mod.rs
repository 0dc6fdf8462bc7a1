//! §3.H: component dependencies.

use crate::rules::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[];
