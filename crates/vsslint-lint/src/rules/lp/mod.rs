//! §3.G: logical paths and selectability.

pub mod component_set_report;
pub mod dangling_ancestor;
pub mod empty_segment;
pub mod global_uniqueness;
pub mod leading_backslash;
pub mod set_parent_not_selectable;

use crate::rule_api::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[
    &leading_backslash::RULE,
    &empty_segment::RULE,
    &dangling_ancestor::RULE,
    &component_set_report::RULE,
    &global_uniqueness::RULE,
    &set_parent_not_selectable::RULE,
];
