//! §3.G: logical paths and selectability.

pub mod global_uniqueness;

use crate::rules::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[&global_uniqueness::RULE];
