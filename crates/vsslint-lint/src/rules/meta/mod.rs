//! Findings about vsslint's own inline suppressions.

pub mod invalid_suppression;
pub mod unused_suppression;

use crate::rule_api::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[&unused_suppression::RULE, &invalid_suppression::RULE];
