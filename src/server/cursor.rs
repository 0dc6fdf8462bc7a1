//! Where the cursor is in the markup: which element's start tag, which attribute, name or
//! value. Read from the text around the cursor, not from the parsed document, so that it
//! works while the document is being typed and is not well-formed.

use std::ops::Range;

/// One attribute of a start tag, by byte ranges of the text.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Attribute {
    pub name: Range<usize>,
    /// Between the quotes; up to the end of the tag when the closing quote is missing.
    pub value: Option<Range<usize>>,
}

#[derive(Debug, PartialEq)]
pub(super) enum Place {
    /// On an attribute's name, or where one may be written: the range of the name so far.
    Name(Range<usize>),
    /// Inside the value of the attribute with this name.
    Value { attribute: usize },
}

#[derive(Debug, PartialEq)]
pub(super) struct Cursor<'t> {
    pub element: &'t str,
    pub attributes: Vec<Attribute>,
    pub place: Place,
}

impl Cursor<'_> {
    pub(super) fn attribute_names<'s, 't: 's>(
        &'s self,
        text: &'t str,
    ) -> impl Iterator<Item = &'t str> + 's {
        self.attributes.iter().map(move |a| &text[a.name.clone()])
    }
}

fn is_name_char(c: u8) -> bool {
    !c.is_ascii_whitespace() && !matches!(c, b'=' | b'>' | b'/' | b'<' | b'"' | b'\'')
}

/// The start tag around byte `at`, and where in it `at` is; `None` outside start tags (in
/// text, comments, end tags, on the element's name).
pub(super) fn at(text: &str, at: usize) -> Option<Cursor<'_>> {
    let b = text.as_bytes();
    let at = at.min(b.len());
    let open = memchr::memrchr(b'<', &b[..at])?;
    let mut i = open + 1;
    while i < b.len() && is_name_char(b[i]) {
        i += 1;
    }
    if i == open + 1 || at < i || matches!(b[open + 1], b'!' | b'?') {
        return None;
    }
    let element = &text[open + 1..i];
    let mut attributes = Vec::new();
    let mut place = None;
    loop {
        let gap = i;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if place.is_none() && gap < i && (gap..=i).contains(&at) && at > gap {
            place = Some(Place::Name(at..at));
        }
        if i >= b.len()
            || matches!(b[i], b'>' | b'<')
            || (b[i] == b'/' && b.get(i + 1) == Some(&b'>'))
        {
            if at > i {
                return None;
            }
            break;
        }
        let name_start = i;
        while i < b.len() && is_name_char(b[i]) {
            i += 1;
        }
        if i == name_start {
            // A stray character: step over it.
            i += 1;
            continue;
        }
        let name = name_start..i;
        if place.is_none() && (name_start..=i).contains(&at) {
            place = Some(Place::Name(name.clone()));
        }
        let mut j = i;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let mut value = None;
        if b.get(j) == Some(&b'=') {
            j += 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if let Some(&q) = b.get(j).filter(|&&q| q == b'"' || q == b'\'') {
                let start = j + 1;
                let end = memchr::memchr(q, &b[start..]).map_or_else(
                    || start + memchr::memchr2(b'>', b'<', &b[start..]).unwrap_or(b.len() - start),
                    |k| start + k,
                );
                value = Some(start..end);
                if place.is_none() && (start..=end).contains(&at) {
                    place = Some(Place::Value {
                        attribute: attributes.len(),
                    });
                }
                i = (end + 1).min(b.len());
            } else {
                i = j;
            }
        }
        attributes.push(Attribute { name, value });
        if i > at && place.is_none() {
            // `at` fell on `=` or between the name and its value.
            return None;
        }
    }
    Some(Cursor {
        element,
        attributes,
        place: place?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place_at(text: &str, marker: &str) -> Option<(String, String)> {
        let at = text.find(marker).unwrap();
        let text = text.replacen(marker, "", 1);
        let c = at_owned(&text, at)?;
        Some(c)
    }

    fn at_owned(text: &str, offset: usize) -> Option<(String, String)> {
        let c = at(text, offset)?;
        Some(match c.place {
            Place::Name(r) => (c.element.to_string(), format!("name:{}", &text[r])),
            Place::Value { attribute } => {
                let a = &c.attributes[attribute];
                (
                    c.element.to_string(),
                    format!(
                        "value:{}={}",
                        &text[a.name.clone()],
                        &text[a.value.clone().unwrap()]
                    ),
                )
            }
        })
    }

    fn is(e: &str, p: &str) -> Option<(String, String)> {
        Some((e.to_string(), p.to_string()))
    }

    #[test]
    fn names_and_values() {
        let doc = r#"<A backupSchema="3" x='y'/>"#;
        let on = |s: &str| at_owned(doc, doc.find(s).unwrap());
        assert_eq!(on("3"), is("A", "value:backupSchema=3"));
        assert_eq!(on("ckup"), is("A", "name:backupSchema"));
        assert_eq!(on("y'"), is("A", "value:x=y"));
        assert_eq!(on("A "), None);
        assert_eq!(on("\"3"), None);
        assert_eq!(at_owned(doc, doc.len()), None);
    }

    #[test]
    fn where_a_name_may_be_written() {
        assert_eq!(place_at(r#"<A a="1" | />"#, "|"), is("A", "name:"));
        assert_eq!(place_at(r#"<A a="1" us|"#, "|"), is("A", "name:us"));
        assert_eq!(place_at("<FILE_LIST |\n", "|"), is("FILE_LIST", "name:"));
    }

    #[test]
    fn a_value_being_typed() {
        assert_eq!(
            place_at(r#"<IDENTIFICATION usage="US|"#, "|"),
            is("IDENTIFICATION", "value:usage=US")
        );
        assert_eq!(
            place_at(r#"<R method="|"><X/>"#, "|"),
            is("R", "value:method=")
        );
    }

    #[test]
    fn not_in_a_start_tag() {
        assert_eq!(place_at("<A>te|xt</A>", "|"), None);
        assert_eq!(place_at("<A></A|>", "|"), None);
        assert_eq!(place_at("<!-- a=\"|\" -->", "|"), None);
        assert_eq!(place_at(r#"<A b="1"|/>"#, "|"), None);
    }
}
