//! §3.L: the target-OS profile (`--target-os`).

use crate::rules::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[];
