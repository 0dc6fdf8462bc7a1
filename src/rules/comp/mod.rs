//! §3.F: components.

pub mod bool_value;
pub mod flags_format;

use crate::rules::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[&bool_value::RULE, &flags_format::RULE];
