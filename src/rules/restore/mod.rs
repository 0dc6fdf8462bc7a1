//! §3.D: the restore method.

pub mod reboot_required_bool;
