//! §3.K: the express-writer profile (`--express`).

use crate::rules::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[];
