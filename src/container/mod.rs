//! Containers that carry writer metadata documents, opened in memory: DiskShadow's cabinets
//! and vshadow's transcripts.
//!
//! A container's bytes become its documents, within limits the caller sets; nothing is ever
//! written to the filesystem, so a hostile entry name can do no harm.

pub(crate) mod cab;
pub(crate) mod vshadow;
