//! §3.F: components.

pub mod bool_value;
pub mod database_without_data_files;
pub mod duplicate;
pub mod duplicate_case;
pub mod empty;
pub mod fileset_wrong_parent;
pub mod flags_format;
pub mod flags_undefined_bits;
pub mod name_backslash;
pub mod name_missing;
pub mod not_system_state_on_user_writer;
pub mod notify_reserved;
pub mod restore_metadata_reserved;
pub mod selectable_for_restore_top_level;
pub mod selectable_missing;
pub mod r#type;

use crate::rule_api::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[
    &r#type::RULE,
    &name_missing::RULE,
    &name_backslash::RULE,
    &duplicate::RULE,
    &duplicate_case::RULE,
    &selectable_missing::RULE,
    &bool_value::RULE,
    &selectable_for_restore_top_level::RULE,
    &restore_metadata_reserved::RULE,
    &notify_reserved::RULE,
    &flags_format::RULE,
    &flags_undefined_bits::RULE,
    &not_system_state_on_user_writer::RULE,
    &empty::RULE,
    &database_without_data_files::RULE,
    &fileset_wrong_parent::RULE,
];
