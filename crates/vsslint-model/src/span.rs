//! Byte spans in the decoded text and their translation to lines and columns.

use schemars::JsonSchema;
use serde::Serialize;
use std::sync::Arc;

/// A half-open byte range in the decoded (UTF-8) text of a document.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, JsonSchema,
)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset just past the last byte.
    pub end: usize,
}

impl Span {
    /// The bytes from `start` up to, not including, `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The number of bytes it covers.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether it covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// A 1-based line and column; the column counts characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Position {
    /// The line, counted from 1.
    pub line: usize,
    /// The column, counted from 1 in characters.
    pub column: usize,
}

/// Bytes between two character-count checkpoints of a non-ASCII text.
const CHECKPOINT: usize = 1024;

/// Line starts of one text, built once so that each position costs a binary search
/// instead of a rescan from the beginning of the file.
///
/// Columns count characters. In a non-ASCII text, counting from the line start would make
/// each position cost the length of its line, and a report of thousands of findings on the
/// one multi-megabyte line of a real document quadratic; so the index also keeps the number
/// of characters before every `CHECKPOINT`-th byte, and a position never counts more than
/// that many bytes.
pub struct LineIndex<'t> {
    text: &'t str,
    lines: Arc<Lines>,
}

/// What a [`LineIndex`] finds in its text, shared by the indexes of one text.
struct Lines {
    line_starts: Vec<usize>,
    /// `chars_before[k]`: characters before the char boundary at or below `k * CHECKPOINT`.
    /// Empty for an ASCII text, where bytes are characters.
    chars_before: Vec<usize>,
}

/// The line index of a shared text, kept with it: the writers of a `vshadow` transcript share
/// the whole transcript's text, and one index of it serves them all where an index each would
/// cost the transcript's length per writer.
pub struct SharedLineIndex {
    text: Arc<String>,
    lines: Arc<Lines>,
}

impl SharedLineIndex {
    /// The index of `text`, which it keeps.
    pub fn new(text: Arc<String>) -> Self {
        let lines = LineIndex::new(&text).lines;
        SharedLineIndex { text, lines }
    }

    /// Whether this is the index of `text` (the same allocation, not only the same content).
    pub fn indexes(&self, text: &Arc<String>) -> bool {
        Arc::ptr_eq(&self.text, text)
    }

    /// Whether nothing but this index holds the text any more.
    pub fn is_only_holder(&self) -> bool {
        Arc::strong_count(&self.text) == 1
    }

    /// A [`LineIndex`] of the text that shares this index's tables.
    pub fn index(&self) -> LineIndex<'_> {
        LineIndex {
            text: &self.text,
            lines: Arc::clone(&self.lines),
        }
    }
}

impl<'t> LineIndex<'t> {
    /// The index of `text`.
    pub fn new(text: &'t str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let chars_before = if text.is_ascii() {
            Vec::new()
        } else {
            let mut counts = Vec::with_capacity(text.len() / CHECKPOINT + 1);
            let (mut count, mut at) = (0, 0);
            for k in 0..=text.len() / CHECKPOINT {
                let next = floor_char_boundary(text, k * CHECKPOINT);
                count += text[at..next].chars().count();
                counts.push(count);
                at = next;
            }
            counts
        };
        LineIndex {
            text,
            lines: Arc::new(Lines {
                line_starts,
                chars_before,
            }),
        }
    }

    /// The text indexed.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Zero-based index of the line that holds `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.lines.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Byte offset of the start of the zero-based `line`.
    ///
    /// # Panics
    ///
    /// When the text has no such line.
    pub fn line_start(&self, line: usize) -> usize {
        self.lines.line_starts[line]
    }

    /// End of the line's content: before its `\n`, and before a `\r` that precedes it.
    pub fn line_end(&self, line: usize) -> usize {
        let end = self
            .lines
            .line_starts
            .get(line + 1)
            .map_or(self.text.len(), |next| next - 1);
        let bytes = self.text.as_bytes();
        if end > self.lines.line_starts[line] && bytes.get(end - 1) == Some(&b'\r') {
            end - 1
        } else {
            end
        }
    }

    /// The number of lines: one more than the number of `\n`.
    pub fn line_count(&self) -> usize {
        self.lines.line_starts.len()
    }

    /// The line and column of byte `offset`. An offset inside a character is that
    /// character's; one past the end of the text is the end's.
    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.line_of(offset);
        let start = self.lines.line_starts[line];
        let column = if self.lines.chars_before.is_empty() {
            offset - start
        } else if offset - start <= CHECKPOINT {
            self.text[start..offset].chars().count()
        } else {
            self.chars_to(offset) - self.chars_to(start)
        };
        Position {
            line: line + 1,
            column: column + 1,
        }
    }

    /// Characters before `offset` (a char boundary) in a non-ASCII text.
    fn chars_to(&self, offset: usize) -> usize {
        let k = offset / CHECKPOINT;
        let base = floor_char_boundary(self.text, k * CHECKPOINT);
        self.lines.chars_before[k] + self.text[base..offset].chars().count()
    }
}

/// The largest char boundary not after `i`.
pub fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary not before `i`.
pub fn ceil_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let idx = LineIndex::new("ab\r\nçé<x/>");
        assert_eq!(idx.position(0), Position { line: 1, column: 1 });
        assert_eq!(idx.position(4), Position { line: 2, column: 1 });
        // 'ç' and 'é' are two bytes each: byte 8 is the third character.
        assert_eq!(idx.position(8), Position { line: 2, column: 3 });
        assert_eq!(idx.line_end(0), 2);
    }

    fn naive(text: &str, offset: usize) -> Position {
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }

    #[test]
    fn long_non_ascii_lines_across_checkpoints() {
        // Characters of one to four bytes, so checkpoints fall inside characters.
        let unit = "aé€😀<x/>";
        let mut text = unit.repeat(3 * CHECKPOINT);
        text.push('\n');
        text.push_str(&unit.repeat(CHECKPOINT / 3));
        text.push_str("\n\n");
        text.push_str(&"é".repeat(CHECKPOINT + 7));
        let idx = LineIndex::new(&text);
        let mut offsets: Vec<usize> = (0..text.len()).step_by(97).collect();
        offsets.extend([text.len(), text.len() - 1, CHECKPOINT, 2 * CHECKPOINT + 1]);
        for offset in offsets {
            let at = floor_char_boundary(&text, offset);
            assert_eq!(idx.position(offset), naive(&text, at), "offset {offset}");
        }
    }

    #[test]
    fn empty_and_out_of_range() {
        let idx = LineIndex::new("");
        assert_eq!(idx.position(0), Position { line: 1, column: 1 });
        assert_eq!(idx.position(10), Position { line: 1, column: 1 });
        let idx = LineIndex::new("é\n");
        assert_eq!(idx.position(1), Position { line: 1, column: 1 });
        assert_eq!(idx.position(99), Position { line: 2, column: 1 });
    }
}
