//! §3.B: the writer's identification.

pub mod data_source_invalid;
pub mod friendly_name_missing;
pub mod instance_id_braced;
pub mod instance_id_format;
pub mod instance_id_missing;
pub mod instance_name_required;
pub mod known_writer;
pub mod null_guid;
pub mod other_source_with_database;
pub mod stale_instance;
pub mod usage_invalid;
pub mod version_advice;
pub mod version_format;
pub mod writer_id_braced;
pub mod writer_id_format;

use crate::rule_api::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[
    &writer_id_format::RULE,
    &writer_id_braced::RULE,
    &instance_id_format::RULE,
    &instance_id_braced::RULE,
    &instance_id_missing::RULE,
    &null_guid::RULE,
    &friendly_name_missing::RULE,
    &usage_invalid::RULE,
    &data_source_invalid::RULE,
    &other_source_with_database::RULE,
    &instance_name_required::RULE,
    &version_format::RULE,
    &version_advice::RULE,
    &stale_instance::RULE,
    &known_writer::RULE,
];
