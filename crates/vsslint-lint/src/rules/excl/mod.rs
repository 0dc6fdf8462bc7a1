//! §3.J: exclude lists.

pub mod covers_whole_file_set;
pub mod path_envvar;
pub mod snapshot_not_backup;
pub mod syntax;

use crate::rule_api::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[
    &syntax::RULE,
    &path_envvar::RULE,
    &covers_whole_file_set::RULE,
    &snapshot_not_backup::RULE,
];
