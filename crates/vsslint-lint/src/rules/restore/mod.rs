//! §3.D: the restore method.

pub mod alternate_fallback_missing;
pub mod alternate_location_required;
pub mod custom;
pub mod if_replace_fails_method;
pub mod method_undefined;
pub mod method_unknown;
pub mod reboot_method_without_reboot;
pub mod reboot_required_bool;
pub mod service_required;
pub mod service_unused;
pub mod stop_start_self_hosted;
pub mod user_procedure_reserved;
pub mod writer_restore_invalid;

use crate::rule_api::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[
    &method_unknown::RULE,
    &method_undefined::RULE,
    &alternate_location_required::RULE,
    &service_required::RULE,
    &service_unused::RULE,
    &user_procedure_reserved::RULE,
    &writer_restore_invalid::RULE,
    &if_replace_fails_method::RULE,
    &reboot_required_bool::RULE,
    &custom::RULE,
    &stop_start_self_hosted::RULE,
    &alternate_fallback_missing::RULE,
    &reboot_method_without_reboot::RULE,
];
