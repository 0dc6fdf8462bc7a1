//! §3.E: alternate location mappings.

use crate::rules::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[];
