//! §3.L: the target-OS profile (`--target-os`). Every minimum version comes from the feature
//! table in [`vsslint_model::os`].

pub mod backup_schema_bits;
pub mod backup_schema_xp;
pub mod component_flags;
pub mod dependencies;
pub mod exclude_from_snapshot;
pub mod express;
pub mod fsbt;
pub mod in_box_writer_availability;
pub mod instance_name;
pub mod restore_at_reboot_if_cannot_replace;
pub mod selectable_for_restore;
pub mod unc_paths;
pub mod writer_version;

use crate::rule_api::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[
    &backup_schema_xp::RULE,
    &backup_schema_bits::RULE,
    &component_flags::RULE,
    &restore_at_reboot_if_cannot_replace::RULE,
    &fsbt::RULE,
    &dependencies::RULE,
    &selectable_for_restore::RULE,
    &instance_name::RULE,
    &exclude_from_snapshot::RULE,
    &writer_version::RULE,
    &unc_paths::RULE,
    &express::RULE,
    &in_box_writer_availability::RULE,
];
