//! §3.K: the express-writer profile (`--express`).

pub mod alternate_location_mapping;
pub mod alternate_path;
pub mod backup_schema;
pub mod component_flags;
pub mod database_component;
pub mod exclude_from_snapshot;
pub mod fsbt_incremental_bits;
pub mod instance_name;
pub mod local_paths;
pub mod restore_method;
pub mod same_writer_dependency;
pub mod usage;
pub mod writer_restore;

use crate::rule_api::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[
    &database_component::RULE,
    &component_flags::RULE,
    &backup_schema::RULE,
    &restore_method::RULE,
    &writer_restore::RULE,
    &alternate_path::RULE,
    &alternate_location_mapping::RULE,
    &exclude_from_snapshot::RULE,
    &fsbt_incremental_bits::RULE,
    &usage::RULE,
    &local_paths::RULE,
    &instance_name::RULE,
    &same_writer_dependency::RULE,
];
