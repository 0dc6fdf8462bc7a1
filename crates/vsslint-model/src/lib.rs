//! The model of a VSS writer metadata document and the parser that builds it: bytes to text
//! (UTF-8, UTF-16 with or without a byte-order mark), text to XML tree, tree to a typed model
//! in which every node and attribute keeps its place in the text. The backup components
//! document and DiskShadow's manifest are modelled too, for the checks across a backup.
//!
//! The bottom layer of vsslint: it depends on no other part of it.

#![deny(missing_docs)]

pub mod decode;
pub mod flags;
pub mod model;
pub mod os;
pub mod parse;
pub mod span;
pub mod suggest;
pub mod vocab;
