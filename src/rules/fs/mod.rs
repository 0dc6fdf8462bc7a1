//! §3.I: file sets (`FILE_LIST`, `DATABASE_FILES`, `DATABASE_LOGFILES`).

pub mod fsbt_format;
pub mod recursive_bool;
