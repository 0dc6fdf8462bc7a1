//! What a parse error means, in words a writer author can act on.

use super::error::SyntaxError;
use super::limits::NODES_LIMIT;
use roxmltree::Error as XmlError;

/// The finding for roxmltree's error `e` on `text`: where it is, what is wrong, how to fix it.
pub(super) fn explain(text: &str, e: &XmlError) -> SyntaxError {
    let at = |p: roxmltree::TextPos| offset_of(text, p.row, p.col);
    let found = |p: roxmltree::TextPos| describe_at(text, at(p));
    let err = |offset: usize, message: String, help: &str| SyntaxError {
        message,
        help: help.to_string(),
        offset,
    };
    match e {
        XmlError::DtdDetected => err(
            text.find("<!DOCTYPE").unwrap_or(0),
            "a document type declaration (<!DOCTYPE …>) is not allowed".into(),
            "writer metadata documents have no DTD; remove the <!DOCTYPE …> declaration (vsslint never expands entities or fetches external files)",
        ),
        XmlError::NoRootNode => err(
            text.len(),
            if text.trim().is_empty() {
                "the document is empty".into()
            } else if text.contains('<') {
                "the document ends before its first element is complete".into()
            } else {
                "the document has no root element".into()
            },
            "a writer metadata document starts with <WRITER_METADATA xmlns=\"x-schema:#VssWriterMetadataInfo\" …>; export it again",
        ),
        XmlError::UnclosedRootNode => err(
            text.len(),
            "the document ends before its root element is closed".into(),
            "the file looks truncated: export the writer metadata again, or add the missing end tags",
        ),
        XmlError::UnexpectedCloseTag(expected, actual, p) => err(
            at(*p),
            format!("end tag </{actual}> does not match the open element <{expected}>"),
            &format!("close <{expected}> with </{expected}> before </{actual}>, or fix the misspelt tag"),
        ),
        XmlError::DuplicatedAttribute(name, p) => err(
            at(*p),
            format!("attribute `{name}` appears twice on one element"),
            "keep one of the two attributes",
        ),
        XmlError::UnknownEntityReference(name, p) => err(
            at(*p),
            format!("unknown entity reference `&{name};`"),
            "only &lt; &gt; &amp; &apos; &quot; and character references such as &#x41; are defined; write `&amp;` for a literal ampersand",
        ),
        XmlError::MalformedEntityReference(p) => err(
            at(*p),
            format!("a `&` that does not start an entity reference (found {})", found(*p)),
            "write a literal ampersand as `&amp;`",
        ),
        XmlError::EntityReferenceLoop(p) => err(
            at(*p),
            "entity references nest too deeply".into(),
            "remove the entity definitions; writer metadata documents use none",
        ),
        XmlError::InvalidAttributeValue(p) => err(
            at(*p),
            "an attribute value contains `<`".into(),
            "write `<` inside attribute values as `&lt;`",
        ),
        XmlError::UnknownNamespace(prefix, p) => err(
            at(*p),
            format!("namespace prefix `{prefix}` is not declared"),
            &format!("declare it with xmlns:{prefix}=\"…\" or remove the prefix"),
        ),
        XmlError::NodesLimitReached => err(
            0,
            format!("the document has more than {NODES_LIMIT} nodes"),
            "a real writer metadata document has far fewer; check that this is the right file",
        ),
        XmlError::InvalidChar(expected, actual, p) => err(
            at(*p),
            format!(
                "expected `{}` but found {}",
                char::from(*expected),
                describe_byte(*actual)
            ),
            "fix the markup at this position (a quote, bracket or `=` is missing or misplaced)",
        ),
        XmlError::InvalidChar2(expected, actual, p) => err(
            at(*p),
            format!("expected {expected} but found {}", describe_byte(*actual)),
            "fix the markup at this position (a quote, bracket or `=` is missing or misplaced)",
        ),
        XmlError::InvalidString(expected, p) => err(
            at(*p),
            format!("expected `{expected}` but found {}", found(*p)),
            "fix the markup at this position",
        ),
        XmlError::NonXmlChar(c, p) => err(
            at(*p),
            format!("character U+{:04X} is not allowed in XML", *c as u32),
            "remove the control character; if the file is binary or in another encoding, export it again as UTF-8 or UTF-16",
        ),
        XmlError::InvalidName(p) => err(
            at(*p),
            format!("expected an element or attribute name but found {}", found(*p)),
            "names start with a letter or `_`",
        ),
        XmlError::UnexpectedDeclaration(p) => err(
            at(*p),
            "an XML declaration (<?xml …?>) must be the very first thing in the file".into(),
            "move the declaration to the start of the file or remove it",
        ),
        XmlError::InvalidComment(p) => err(
            at(*p),
            "a comment contains `--` or ends with `-`".into(),
            "remove the double hyphen from the comment",
        ),
        other => {
            let pos = other.pos();
            err(
                at(pos),
                other.to_string(),
                "fix the markup at this position",
            )
        }
    }
}

fn describe_byte(b: u8) -> String {
    match b {
        b' ' => "a space".into(),
        b'\n' | b'\r' => "a line break".into(),
        b'\t' => "a tab".into(),
        0x21..=0x7E => format!("`{}`", char::from(b)),
        _ => format!("byte 0x{b:02X}"),
    }
}

fn describe_at(text: &str, offset: usize) -> String {
    match text[offset.min(text.len())..].chars().next() {
        None => "the end of the file".into(),
        Some(c) if c.is_ascii() => describe_byte(c as u8),
        Some(c) => format!("`{c}`"),
    }
}

/// roxmltree positions are 1-based rows and character columns.
fn offset_of(text: &str, row: u32, col: u32) -> usize {
    let mut offset = 0;
    for _ in 1..row {
        match text[offset..].find('\n') {
            Some(i) => offset += i + 1,
            None => return text.len(),
        }
    }
    text[offset..]
        .char_indices()
        .nth(col.saturating_sub(1) as usize)
        .map_or(text.len(), |(i, _)| offset + i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    #[test]
    fn offsets_from_positions() {
        let t = "ab\ncé<x";
        assert_eq!(offset_of(t, 2, 3), 6);
        assert_eq!(&t[offset_of(t, 2, 3)..], "<x");
    }

    #[test]
    fn truncated_document() {
        let Err(e) = parse("<WRITER_METADATA><IDENTIFICATION/>") else {
            panic!("a truncated document parses")
        };
        assert!(e.message.contains("ends before"), "{}", e.message);
    }
}
