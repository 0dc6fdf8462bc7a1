//! §3.M: a whole backup — the writers' documents, the backup components document and
//! DiskShadow's manifest checked together (see the backup sets specification).

pub mod backup_type_default;
pub mod backup_type_unsupported;
pub mod dependency_not_included;
pub mod dependency_target_missing;
pub mod duplicate_component;
pub mod explicit_subcomponent;
pub mod manifest_writers;
pub mod missing_required_component;
pub mod schema_mismatch;
pub mod snapshot_set_mismatch;
pub mod unknown_component;
pub mod unknown_writer;
pub mod volume_not_shadowed;
pub mod volume_unmapped;

use crate::rule_api::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[
    &unknown_writer::RULE,
    &unknown_component::RULE,
    &duplicate_component::RULE,
    &backup_type_unsupported::RULE,
    &backup_type_default::RULE,
    &schema_mismatch::RULE,
    &snapshot_set_mismatch::RULE,
    &manifest_writers::RULE,
    &explicit_subcomponent::RULE,
    &missing_required_component::RULE,
    &volume_not_shadowed::RULE,
    &volume_unmapped::RULE,
    &dependency_not_included::RULE,
    &dependency_target_missing::RULE,
];
