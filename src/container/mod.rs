//! Containers that carry writer metadata documents, opened in memory.
//!
//! A container's bytes become its entries' names and bytes, within limits the caller sets;
//! nothing here knows XML, and nothing is ever written to the filesystem, so a hostile entry
//! name can do no harm. Imports nothing of vsslint.

pub(crate) mod cab;
