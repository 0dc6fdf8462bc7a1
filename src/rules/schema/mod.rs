//! §3.C: the backup schema mask.

pub mod format;

use crate::rules::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[&format::RULE];
