//! Byte offsets of the UTF-8 text to LSP positions (line, UTF-16 code unit) and back.

use serde_json::{json, Value};
use std::collections::HashMap;

/// The positions of a set of offsets, found in one pass over the text: a document of one
/// multi-megabyte line with thousands of findings must not be rescanned for each.
pub(super) struct Positions {
    at: HashMap<usize, (u32, u32)>,
}

impl Positions {
    pub(super) fn new(text: &str, offsets: impl IntoIterator<Item = usize>) -> Self {
        let mut wanted: Vec<usize> = offsets.into_iter().collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut at = HashMap::with_capacity(wanted.len());
        let (mut line, mut col, mut byte) = (0u32, 0u32, 0usize);
        let mut chars = text.char_indices().peekable();
        for w in wanted {
            while byte < w {
                let Some((i, c)) = chars.next() else { break };
                if c == '\n' {
                    line += 1;
                    col = 0;
                } else {
                    col += c.len_utf16() as u32;
                }
                byte = i + c.len_utf8();
            }
            at.insert(w, (line, col));
        }
        Positions { at }
    }

    fn position(&self, offset: usize) -> Value {
        let (line, character) = self.at.get(&offset).copied().unwrap_or((0, 0));
        json!({ "line": line, "character": character })
    }

    pub(super) fn range(&self, start: usize, end: usize) -> Value {
        json!({ "start": self.position(start), "end": self.position(end) })
    }

    /// The byte offset of an LSP position; a position past the end of its line or of the
    /// text is clamped, as the protocol asks.
    pub(super) fn offset(&self, text: &str, position: &Value) -> Option<usize> {
        let line = position.get("line")?.as_u64()? as usize;
        let character = position.get("character")?.as_u64()? as usize;
        let mut start = 0;
        for _ in 0..line {
            match text[start..].find('\n') {
                Some(i) => start += i + 1,
                None => return Some(text.len()),
            }
        }
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= character || c == '\n' {
                return Some(start + i);
            }
            units += c.len_utf16();
        }
        Some(text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units() {
        let text = "ab\né𝄞x";
        let x = text.find('x').unwrap();
        let p = Positions::new(text, [x]);
        assert_eq!(p.position(x), json!({ "line": 1, "character": 3 }));
        assert_eq!(
            p.offset(text, &json!({ "line": 1, "character": 3 })),
            Some(x)
        );
    }
}
