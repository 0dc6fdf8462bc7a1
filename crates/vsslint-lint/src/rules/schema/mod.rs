//! §3.C: the backup schema mask.

pub mod exclusive_needs_both;
pub mod explicit_zero;
pub mod format;
pub mod fsbt_log_without_log_schema;
pub mod independent_system_state_non_system;
pub mod last_modify_needs_incr_or_diff;
pub mod log_needs_logfiles;
pub mod lsn_reserved;
pub mod restore_bits_without_restore_events;
pub mod timestamped_needs_incr_or_diff;
pub mod undefined_bits;

use crate::rule_api::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[
    &format::RULE,
    &undefined_bits::RULE,
    &exclusive_needs_both::RULE,
    &timestamped_needs_incr_or_diff::RULE,
    &last_modify_needs_incr_or_diff::RULE,
    &lsn_reserved::RULE,
    &log_needs_logfiles::RULE,
    &explicit_zero::RULE,
    &independent_system_state_non_system::RULE,
    &fsbt_log_without_log_schema::RULE,
    &restore_bits_without_restore_events::RULE,
];
