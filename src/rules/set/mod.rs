//! §3.M: a whole backup — the writers' documents, the backup components document and
//! DiskShadow's manifest checked together (see the backup sets specification).

pub mod backup_type_unsupported;
pub mod duplicate_component;
pub mod manifest_writers;
pub mod schema_mismatch;
pub mod snapshot_set_mismatch;
pub mod unknown_component;
pub mod unknown_writer;

use crate::rule_api::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[
    &unknown_writer::RULE,
    &unknown_component::RULE,
    &duplicate_component::RULE,
    &backup_type_unsupported::RULE,
    &schema_mismatch::RULE,
    &snapshot_set_mismatch::RULE,
    &manifest_writers::RULE,
];
