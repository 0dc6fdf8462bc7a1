//! §3.C: the backup schema mask.

pub mod format;
