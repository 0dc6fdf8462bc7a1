//! The error of a document that does not parse, which every stage of the parse gives.

/// A document that is not well-formed XML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
    /// Byte offset in the text.
    pub offset: usize,
}
