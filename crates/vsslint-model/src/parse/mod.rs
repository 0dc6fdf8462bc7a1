//! XML text to the typed model, in one walk over the tree.

mod backup;
mod error;
pub mod kept;
mod limits;
mod messages;
#[cfg(feature = "split-parse")]
mod split;
mod walk;

use crate::model::Document;
pub use error::SyntaxError;

use limits::{parsing_options, prescan, NODES_LIMIT};
use messages::explain;
use std::ops::Range;
pub use walk::attributes_of;
use walk::Loc;
pub use walk::KNOWN_ELEMENTS;

/// Parses `text` and builds its model, then hands the result to `f`. A large document is
/// parsed in pieces on several threads (see `split`), with the same result as a whole parse.
pub fn with_model<R>(text: &str, f: impl FnOnce(Result<Document<'_>, SyntaxError>) -> R) -> R {
    with_model_in(text, 0..text.len(), f)
}

/// [`with_model`] for the document `text[range]`, part of a larger text (one writer's document
/// in a transcript): every span of the model, and the offset of a syntax error, is in `text`,
/// so that positions are the larger text's lines and columns.
///
/// # Panics
///
/// When `range` is not a range of char boundaries of `text`.
pub fn with_model_in<R>(
    text: &str,
    range: Range<usize>,
    f: impl FnOnce(Result<Document<'_>, SyntaxError>) -> R,
) -> R {
    let base = range.start;
    let text = &text[range];
    let in_whole = |e: SyntaxError| SyntaxError {
        offset: e.offset + base,
        ..e
    };
    if let Err(e) = prescan(text) {
        return f(Err(in_whole(e)));
    }
    // The pieces place their spans themselves, in the text they were cut from; a document
    // that starts further on is parsed whole.
    #[cfg(feature = "split-parse")]
    let mut f = f;
    #[cfg(feature = "split-parse")]
    if base == 0 {
        if let Some(layout) = split::Layout::find(text) {
            if text.len() >= split::LEAN_FROM {
                match split::lean::with_model(&layout, text, f) {
                    Ok(r) => return r,
                    Err(back) => f = back,
                }
            }
            let texts = layout.texts(text);
            let docs = layout.parse(&texts);
            if let Some(model) = layout.build(&docs) {
                return f(Ok(model));
            }
        }
    }
    match parsed(text, base) {
        Ok(p) => f(Ok(p.model())),
        Err(e) => f(Err(e)),
    }
}

/// A document parsed whole and kept for as long as its caller holds it: a caller that needs
/// several models at once (`vsslint compat`, which compares two releases) parses this way,
/// where [`with_model_in`] may parse a large document in pieces that live only for its call.
pub struct Parsed<'t> {
    xml: roxmltree::Document<'t>,
    loc: Loc,
}

impl Parsed<'_> {
    /// The document's model; its spans are in the text the document was parsed from.
    pub fn model(&self) -> Document<'_> {
        build_at(&self.xml, self.loc)
    }
}

/// Parses the document `text[range]` whole, as [`with_model_in`] would give it: every span
/// of its model, and the offset of a syntax error, is in `text`.
///
/// # Panics
///
/// When `range` is not a range of char boundaries of `text`.
pub fn parse_in(text: &str, range: Range<usize>) -> Result<Parsed<'_>, SyntaxError> {
    let base = range.start;
    let text = &text[range];
    prescan(text).map_err(|e| SyntaxError {
        offset: e.offset + base,
        ..e
    })?;
    parsed(text, base)
}

/// The document `text`, which starts at `base` in a larger text, parsed whole after its
/// prescan.
fn parsed(text: &str, base: usize) -> Result<Parsed<'_>, SyntaxError> {
    match parse_checked(text) {
        Ok(xml) => {
            let loc = if base == 0 {
                Loc::WHOLE
            } else {
                Loc::new(0, base)
            };
            Ok(Parsed { xml, loc })
        }
        Err(e) => Err(SyntaxError {
            offset: e.offset + base,
            ..e
        }),
    }
}

/// Parses the document `text` whole and keeps it: [`Parsed::model`] gives its model, as
/// [`with_model`] would.
pub fn parse(text: &str) -> Result<Parsed<'_>, SyntaxError> {
    parse_in(text, 0..text.len())
}

/// Parses `text` whole, after its prescan.
fn parse_checked(text: &str) -> Result<roxmltree::Document<'_>, SyntaxError> {
    roxmltree::Document::parse_with_options(text, parsing_options(NODES_LIMIT))
        .map_err(|e| explain(text, &e))
}

/// The model of a parsed document whose text lies where `loc` says.
/// The backup's other documents are read where they stand alone only.
fn build_at<'a>(doc: &'a roxmltree::Document<'a>, loc: Loc) -> Document<'a> {
    let root = doc.root_element();
    match root.tag_name().name() {
        "BACKUP_COMPONENTS" if loc == Loc::WHOLE => {
            Document::BackupComponents(Box::new(backup::backup_components(doc.root(), root)))
        }
        "Manifest" if loc == Loc::WHOLE => Document::Manifest(Box::new(backup::manifest(root))),
        _ => walk::writer_document(doc, loc),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use limits::ATTRIBUTES_LIMIT;

    /// `doc` inside a larger text, and where it starts there.
    fn framed(doc: &str) -> (String, Range<usize>) {
        let text = format!("--[Writer 0]--\r\n{doc}\r\n\r\n--[end of data]--");
        let start = text.find(doc).unwrap();
        (text.clone(), start..start + doc.len())
    }

    fn error_offset(text: &str, range: Range<usize>) -> usize {
        with_model_in(text, range, |m| m.expect_err("a syntax error").offset)
    }

    #[test]
    fn a_framed_document_is_at_its_place_in_the_larger_text() {
        let doc = r#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2"><X/></WRITER_METADATA>"#;
        let (text, range) = framed(doc);
        let (root, stray) = with_model_in(&text, range, |m| match m.unwrap() {
            Document::WriterMetadata(w) => (w.node.span, w.strays[0].span),
            _ => panic!("not writer metadata"),
        });
        assert_eq!(&text[root.start..root.end], "WRITER_METADATA");
        assert_eq!(&text[stray.start..stray.end], "X");
    }

    #[test]
    fn syntax_errors_are_at_their_place_in_the_larger_text() {
        let attributes: String = (0..=ATTRIBUTES_LIMIT)
            .map(|i| format!(" a{i}=\"\""))
            .collect();
        for doc in [
            "<a><b></a>".to_string(),
            "<a>".to_string(),
            format!("<a{attributes}/>"),
        ] {
            let alone = error_offset(&doc, 0..doc.len());
            let (text, range) = framed(&doc);
            assert_eq!(
                error_offset(&text, range.clone()),
                range.start + alone,
                "{doc:.20}"
            );
        }
    }
}
