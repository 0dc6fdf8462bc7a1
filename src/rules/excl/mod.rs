//! §3.J: exclude lists.

use crate::rules::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[];
