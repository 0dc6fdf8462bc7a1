//! §3.E: alternate location mappings.

pub mod destination;
pub mod destination_not_qualified;
pub mod no_matching_file_set;
pub mod outside_restore_method;
pub mod source_syntax;
pub mod without_restore_method;

use crate::rule_api::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[
    &without_restore_method::RULE,
    &outside_restore_method::RULE,
    &no_matching_file_set::RULE,
    &source_syntax::RULE,
    &destination::RULE,
    &destination_not_qualified::RULE,
];
