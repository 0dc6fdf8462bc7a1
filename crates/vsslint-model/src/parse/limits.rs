//! Limits that keep the XML parser linear and its memory bounded on hostile input, and the
//! scan that enforces the ones roxmltree does not.

use super::error::SyntaxError;
use roxmltree::ParsingOptions;

/// The node limit keeps memory bounded on hostile input; the System writer's 2 MB
/// document has about 40,000 nodes.
pub const NODES_LIMIT: u32 = 20_000_000;

/// How every text is parsed: no DTD (so no entity is ever expanded or fetched), at most
/// `nodes_limit` nodes.
pub(super) fn parsing_options<'input>(nodes_limit: u32) -> ParsingOptions<'input> {
    ParsingOptions {
        allow_dtd: false,
        nodes_limit,
        ..ParsingOptions::default()
    }
}

/// Namespace declarations in one document: real ones have one or two. The XML parser's work
/// grows with the square of nested declarations, so a flood of them would hang it.
pub const NAMESPACE_DECLARATIONS_LIMIT: usize = 256;
/// Attributes on one element: the parser compares each with all before it.
pub const ATTRIBUTES_LIMIT: usize = 10_000;

/// Refuses inputs that would make the parser quadratic, before parsing.
///
/// Most documents are cleared by two vectorised passes: fewer `xmlns` in the whole text than
/// the declaration limit, and no stretch between two `<` long enough to hold more attributes
/// than the limit (a well-formed attribute value cannot contain `<`, and an attribute takes
/// at least five bytes, ` a=""`). Only a stretch that fails the second test is scanned
/// exactly; only a text that fails the first is scanned whole.
pub(super) fn prescan(text: &str) -> Result<(), SyntaxError> {
    let b = text.as_bytes();
    let declarations = memchr::memmem::find_iter(b, b"xmlns").count();
    if declarations > NAMESPACE_DECLARATIONS_LIMIT {
        return scan_start_tags(text, 0, b.len());
    }
    const WIDEST_GAP: usize = ATTRIBUTES_LIMIT * 5;
    for_wide_stretches(b, WIDEST_GAP, |from, to| scan_start_tags(text, from, to))
}

/// Calls `f` for each stretch between two `<` (or the start or end of `b`) longer than
/// `widest`. From each `<` it jumps to the last `<` within `widest`: no stretch on the way
/// can be too long, and a large document is crossed in a few dozen searches rather than one
/// for each of its tags.
fn for_wide_stretches<E>(
    b: &[u8],
    widest: usize,
    mut f: impl FnMut(usize, usize) -> Result<(), E>,
) -> Result<(), E> {
    let mut previous = 0;
    loop {
        let window = (previous + 1).min(b.len())..(previous + 1 + widest).min(b.len());
        if b.len() - previous <= widest {
            return Ok(());
        }
        match memchr::memrchr(b'<', &b[window.clone()]) {
            Some(at) => previous = window.start + at,
            None => {
                let lt =
                    memchr::memchr(b'<', &b[window.end..]).map_or(b.len(), |at| window.end + at);
                f(previous, lt)?;
                if lt == b.len() {
                    return Ok(());
                }
                previous = lt;
            }
        }
    }
}

/// Counts the attributes and namespace declarations of the start tags that begin in
/// `from..to` (a tag may run past `to`). Approximate (it does not parse), but exact for
/// well-formed start tags.
fn scan_start_tags(text: &str, from: usize, to: usize) -> Result<(), SyntaxError> {
    let b = text.as_bytes();
    let mut i = from;
    let mut declarations = 0;
    while i < to {
        let Some(lt) = memchr::memchr(b'<', &b[i..to]) else {
            break;
        };
        let start = i + lt;
        i = start + 1;
        if matches!(b.get(i), Some(b'!' | b'?' | b'/') | None) {
            continue;
        }
        // Inside a start tag: count `=` outside quotes, and attribute names starting `xmlns`.
        let mut quote = None;
        let mut attributes = 0;
        let mut after_space = false;
        while let Some(&c) = b.get(i) {
            match (quote, c) {
                (Some(q), _) if c == q => quote = None,
                (Some(_), _) => {}
                (None, b'"' | b'\'') => quote = Some(c),
                (None, b'>') => break,
                (None, b'=') => attributes += 1,
                (None, b'x') if after_space && b[i..].starts_with(b"xmlns") => declarations += 1,
                _ => {}
            }
            after_space = quote.is_none() && c.is_ascii_whitespace();
            i += 1;
        }
        if attributes > ATTRIBUTES_LIMIT {
            return Err(SyntaxError {
                message: format!("an element has {attributes} attributes, more than vsslint reads ({ATTRIBUTES_LIMIT})"),
                help: "a writer metadata element has at most a dozen attributes; check that this is the right file".into(),
                offset: start,
            });
        }
        if declarations > NAMESPACE_DECLARATIONS_LIMIT {
            return Err(SyntaxError {
                message: format!("the document declares more than {NAMESPACE_DECLARATIONS_LIMIT} namespaces"),
                help: "a writer metadata document declares one namespace, x-schema:#VssWriterMetadataInfo; check that this is the right file".into(),
                offset: start,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn element_with(attributes: usize, lead: &str) -> String {
        let mut doc = format!("{lead}<x");
        for i in 0..attributes {
            doc.push_str(&format!(" a{i}=\"\""));
        }
        doc.push_str("/>");
        doc
    }

    #[test]
    fn attribute_limit_is_exact_wherever_the_tag_is() {
        // Before and after other tags, so that the gate's stretch is not the whole text.
        let lead = "<r>".to_string() + &"<y/>".repeat(100);
        let at_limit = element_with(ATTRIBUTES_LIMIT, &lead) + "</r>";
        assert_eq!(prescan(&at_limit), Ok(()));
        let over = element_with(ATTRIBUTES_LIMIT + 1, &lead) + "</r>";
        let e = prescan(&over).unwrap_err();
        assert!(e.message.contains("10001 attributes"), "{}", e.message);
        assert_eq!(e.offset, lead.len());
    }

    #[test]
    fn wide_stretches_are_those_between_neighbouring_tags() {
        let naive = |b: &[u8], widest: usize| {
            let mut out = Vec::new();
            let mut previous = 0;
            for lt in memchr::memchr_iter(b'<', b).chain([b.len()]) {
                if lt - previous > widest {
                    out.push((previous, lt));
                }
                previous = lt;
            }
            out
        };
        let mut seed: u64 = 0x853c_49e6_748f_ea9b;
        for _ in 0..3000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 200) as usize;
            let density = 1 + (seed >> 8) % 30;
            let b: Vec<u8> = (0..len as u64)
                .map(|i| {
                    let x = (seed >> (i % 40)) ^ i.wrapping_mul(0x9e37_79b9);
                    if x % density == 0 {
                        b'<'
                    } else {
                        b'a'
                    }
                })
                .collect();
            for widest in [1, 2, 3, 7, 20, 64, 500] {
                let mut got = Vec::new();
                for_wide_stretches::<()>(&b, widest, |from, to| {
                    got.push((from, to));
                    Ok(())
                })
                .unwrap();
                assert_eq!(
                    got,
                    naive(&b, widest),
                    "{widest} {:?}",
                    String::from_utf8_lossy(&b)
                );
            }
        }
    }

    #[test]
    fn namespace_limit_counts_declarations_not_mentions() {
        let mentions = format!("<r a=\"{}\"/>", "xmlns ".repeat(1_000));
        assert_eq!(prescan(&mentions), Ok(()));
        let declarations = format!(
            "<r>{}</r>",
            "<p xmlns:q=\"u\"/>".repeat(NAMESPACE_DECLARATIONS_LIMIT + 1)
        );
        let e = prescan(&declarations).unwrap_err();
        assert!(e.message.contains("namespaces"), "{}", e.message);
    }
}
