//! Byte offsets of the UTF-8 text to LSP positions (line, UTF-16 code unit) and back.

use lsp_types::{Position, Range};
use std::collections::HashMap;

/// The positions of a set of offsets, found in one pass over the text: a document of one
/// multi-megabyte line with thousands of findings must not be rescanned for each.
pub(super) struct Positions {
    at: HashMap<usize, Position>,
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
            at.insert(w, Position::new(line, col));
        }
        Positions { at }
    }

    fn position(&self, offset: usize) -> Position {
        self.at.get(&offset).copied().unwrap_or_default()
    }

    pub(super) fn range(&self, start: usize, end: usize) -> Range {
        Range::new(self.position(start), self.position(end))
    }
}

/// The byte offset of an LSP position; a position past the end of its line or of the text is
/// clamped, as the protocol asks, and one inside a surrogate pair lands after the character.
pub(super) fn offset(text: &str, position: Position) -> usize {
    let mut start = 0;
    for _ in 0..position.line {
        match memchr::memchr(b'\n', &text.as_bytes()[start..]) {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let character = position.character as usize;
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character || c == '\n' {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units() {
        let text = "ab\né𝄞x";
        let x = text.find('x').unwrap();
        let p = Positions::new(text, [x]);
        assert_eq!(p.position(x), Position::new(1, 3));
        assert_eq!(offset(text, Position::new(1, 3)), x);
    }

    #[test]
    fn positions_past_the_end_are_clamped() {
        let text = "ab\ncd";
        assert_eq!(offset(text, Position::new(0, 99)), 2);
        assert_eq!(offset(text, Position::new(7, 0)), text.len());
    }
}
