//! XML text to the typed model, in one walk over the tree.

mod backup;
mod limits;
mod messages;
#[cfg(feature = "split-parse")]
mod split;
mod walk;

use crate::model::Document;
use limits::{prescan, NODES_LIMIT};
use messages::explain;
use roxmltree::ParsingOptions;

/// A document that is not well-formed XML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    pub help: String,
    /// Byte offset in the text.
    pub offset: usize,
}

/// Parses `text` and builds its model, then hands the result to `f`. A large document is
/// parsed in pieces on several threads (see `split`), with the same result as a whole parse.
pub fn with_model<R>(text: &str, f: impl FnOnce(Result<Document<'_>, SyntaxError>) -> R) -> R {
    if let Err(e) = prescan(text) {
        return f(Err(e));
    }
    #[cfg(feature = "split-parse")]
    if let Some(layout) = split::Layout::find(text) {
        let texts = layout.texts(text);
        let docs = layout.parse(&texts);
        if let Some(model) = layout.build(&docs) {
            return f(Ok(model));
        }
    }
    match parse_checked(text) {
        Ok(xml) => f(Ok(build(&xml))),
        Err(e) => f(Err(e)),
    }
}

/// Parses `text` whole.
pub fn parse_xml(text: &str) -> Result<roxmltree::Document<'_>, SyntaxError> {
    prescan(text)?;
    parse_checked(text)
}

/// [`parse_xml`] after the prescan.
fn parse_checked(text: &str) -> Result<roxmltree::Document<'_>, SyntaxError> {
    roxmltree::Document::parse_with_options(text, parsing_options(NODES_LIMIT))
        .map_err(|e| explain(text, &e))
}

/// How every text is parsed: no DTD (so no entity is ever expanded or fetched), at most
/// `nodes_limit` nodes.
fn parsing_options<'input>(nodes_limit: u32) -> ParsingOptions<'input> {
    ParsingOptions {
        allow_dtd: false,
        nodes_limit,
        ..ParsingOptions::default()
    }
}

/// Builds the model of a parsed document.
pub fn build<'a>(doc: &'a roxmltree::Document<'a>) -> Document<'a> {
    let root = doc.root_element();
    match root.tag_name().name() {
        "BACKUP_COMPONENTS" => {
            Document::BackupComponents(Box::new(backup::backup_components(doc.root(), root)))
        }
        "Manifest" => Document::Manifest(Box::new(backup::manifest(root))),
        _ => walk::writer_document(doc),
    }
}
