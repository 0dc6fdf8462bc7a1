//! §3.I: file sets (`FILE_LIST`, `DATABASE_FILES`, `DATABASE_LOGFILES`).

pub mod alternate_path_envvar;
pub mod alternate_path_not_absolute;
pub mod alternate_path_same;
pub mod alternate_path_syntax;
pub mod database_alternate_path;
pub mod database_recursive;
pub mod duplicate_or_overlap;
pub mod file_in_several_components;
pub mod filespec_directory;
pub mod filespec_missing;
pub mod fsbt_format;
pub mod fsbt_no_backup_bits;
pub mod fsbt_undefined_bits;
pub mod path_envvar_syntax;
pub mod path_missing;
pub mod path_not_absolute;
pub mod path_rooted;
pub mod path_wildcard;
pub mod recursive_bool;

use crate::rule_api::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[
    &path_missing::RULE,
    &path_wildcard::RULE,
    &path_envvar_syntax::RULE,
    &path_not_absolute::RULE,
    &path_rooted::RULE,
    &filespec_missing::RULE,
    &filespec_directory::RULE,
    &recursive_bool::RULE,
    &database_recursive::RULE,
    &database_alternate_path::RULE,
    &fsbt_format::RULE,
    &fsbt_undefined_bits::RULE,
    &fsbt_no_backup_bits::RULE,
    &duplicate_or_overlap::RULE,
    &file_in_several_components::RULE,
    &alternate_path_same::RULE,
    &alternate_path_syntax::RULE,
    &alternate_path_not_absolute::RULE,
    &alternate_path_envvar::RULE,
];
