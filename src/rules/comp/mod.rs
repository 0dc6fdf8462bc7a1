//! §3.F: components.

pub mod bool_value;
pub mod flags_format;
