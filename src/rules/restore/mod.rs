//! §3.D: the restore method.

pub mod reboot_required_bool;

use crate::rules::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[&reboot_required_bool::RULE];
