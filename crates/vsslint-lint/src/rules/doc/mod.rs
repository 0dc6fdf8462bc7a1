//! §3.A: the document as a whole.

pub mod backup_locations_duplicate;
pub mod encoding;
pub mod identification_count;
pub mod include_list;
pub mod namespace;
pub mod not_vss_document;
pub mod not_well_formed;
pub mod restore_method_duplicate;
pub mod restore_method_missing;
pub mod root_element;
pub mod transcript_incomplete;
pub mod unknown_node;
pub mod unreadable;
pub mod utf16_without_bom;
pub mod version;
pub mod wrapped_root;

use crate::rule_api::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[
    &not_well_formed::RULE,
    &encoding::RULE,
    &utf16_without_bom::RULE,
    &root_element::RULE,
    &wrapped_root::RULE,
    &namespace::RULE,
    &version::RULE,
    &identification_count::RULE,
    &restore_method_missing::RULE,
    &restore_method_duplicate::RULE,
    &backup_locations_duplicate::RULE,
    &unknown_node::RULE,
    &include_list::RULE,
    &not_vss_document::RULE,
    &unreadable::RULE,
    &transcript_incomplete::RULE,
];
