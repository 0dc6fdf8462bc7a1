//! §3.I: file sets (`FILE_LIST`, `DATABASE_FILES`, `DATABASE_LOGFILES`).

pub mod fsbt_format;
pub mod recursive_bool;

use crate::rules::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[&recursive_bool::RULE, &fsbt_format::RULE];
