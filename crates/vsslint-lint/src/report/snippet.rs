//! A miette source that shows only the lines a diagnostic needs, and only windows of each
//! long line. Real documents are often one line of megabytes; printing it whole is useless.
//!
//! The snippet is what the terminal receives, so control characters of the document (an
//! escape sequence, a carriage return) are shown escaped, as everywhere in the reports
//! ([`super::escape`]), instead of being sent raw; labels cover the escaped text.

use super::escape::{acts_on_terminal, push_escaped, terminal};
use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use std::collections::BTreeMap;
use vsslint_model::span::{ceil_char_boundary, floor_char_boundary, LineIndex, Span};

/// The narrowest window of a cut line, in bytes, however narrow the terminal.
const MIN_WINDOW: usize = 30;
/// Columns a snippet row takes besides the text: the gutter (` 12 │ `) and two ellipses.
const ROW_EXTRA: usize = 8;
/// Labels closer than this share a window, so that a gap never hides a few bytes only.
const MIN_GAP: usize = 24;
/// Windows shown of one cut line; labels beyond them are clipped to the last one.
const MAX_WINDOWS: usize = 4;
/// Multi-line labels show at most this many lines.
const MAX_LABEL_LINES: usize = 4;

const ELLIPSIS: &str = "…";

/// One window of a line.
struct Piece {
    /// The window in the real text.
    real_start: usize,
    real_end: usize,
    /// The window's text in the snippet.
    start: usize,
    end: usize,
    /// Zero-based character column of `real_start`.
    column: usize,
    /// Characters shown escaped, in order.
    grown: Vec<Grown>,
}

/// A character shown escaped, and how much the piece has grown up to and including it.
struct Grown {
    /// The character's offset in the real text.
    real: usize,
    /// Where its escape ends in the snippet.
    end: usize,
    bytes: usize,
    chars: usize,
}

impl Piece {
    fn snippet_offset(&self, offset: usize) -> usize {
        let offset = offset.clamp(self.real_start, self.real_end);
        let i = self.grown.partition_point(|g| g.real < offset);
        let grown = if i == 0 { 0 } else { self.grown[i - 1].bytes };
        self.start + (offset - self.real_start) + grown
    }

    /// The real character column of a snippet offset in the piece: escapes before it count
    /// as the one character each stands for.
    fn column(&self, text: &str, offset: usize) -> usize {
        let i = self.grown.partition_point(|g| g.end <= offset);
        let grown = if i == 0 { 0 } else { self.grown[i - 1].chars };
        self.column + text[self.start..offset].chars().count() - grown
    }
}

struct Segment {
    /// Zero-based line in the real text.
    line: usize,
    /// Where the line starts in the snippet (before a leading ellipsis).
    start: usize,
    /// Where it ends in the snippet (after a trailing ellipsis).
    end: usize,
    /// Windows in order, separated by ellipses in the snippet.
    pieces: Vec<Piece>,
}

impl Segment {
    /// The window that holds, or is the last before, a real offset.
    fn piece_at_real(&self, offset: usize) -> &Piece {
        let i = self.pieces.partition_point(|p| p.real_start <= offset);
        &self.pieces[i.saturating_sub(1)]
    }

    /// The window that holds, or is the last before, a snippet offset.
    fn piece_at(&self, offset: usize) -> &Piece {
        let i = self.pieces.partition_point(|p| p.start <= offset);
        &self.pieces[i.saturating_sub(1)]
    }
}

pub struct Snippet {
    name: String,
    text: String,
    segments: Vec<Segment>,
}

impl Snippet {
    /// Builds the snippet for labels at `spans` (real offsets), for a terminal `width`
    /// columns wide: a line longer than fits is cut to windows around the labels, and each
    /// window is a row of its own, so that no row is wider than the terminal.
    pub fn new(name: &str, index: &LineIndex, spans: &[Span], width: usize) -> Snippet {
        let text = index.text();
        let digits = index.line_count().to_string().len();
        let window = width.saturating_sub(digits + ROW_EXTRA).max(MIN_WINDOW);
        // The lines to show and, for each, the ranges labels cover (none: a context line).
        let mut lines: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
        let last_line = index.line_count() - 1;
        for s in spans {
            let (start, end) = (s.start.min(text.len()), s.end.min(text.len()));
            let first = index.line_of(start);
            let last = index
                .line_of(end.max(start))
                .min(first + MAX_LABEL_LINES - 1);
            for line in first.saturating_sub(1)..=(last + 1).min(last_line) {
                let foci = lines.entry(line).or_default();
                if (first..=last).contains(&line) {
                    let (ls, le) = (index.line_start(line), index.line_end(line));
                    foci.push((start.clamp(ls, le), end.max(start).clamp(ls, le)));
                }
            }
        }

        let mut snippet = String::new();
        let mut segments = Vec::new();
        for (line, mut foci) in lines {
            let ls = index.line_start(line);
            let le = index.line_end(line);
            let windows = if le - ls <= window {
                vec![(ls, le)]
            } else if foci.is_empty() {
                vec![(ls, ceil_char_boundary(text, (ls + window).min(le)))]
            } else {
                foci.sort_unstable();
                windows(text, ls, le, &foci, window)
            };
            for (ws, we) in windows {
                if !segments.is_empty() {
                    snippet.push('\n');
                }
                let start = snippet.len();
                if ws > ls {
                    snippet.push_str(ELLIPSIS);
                }
                let piece_start = snippet.len();
                let mut grown = Vec::new();
                push_shown(&mut snippet, &text[ws..we], ws, &mut grown);
                let piece = Piece {
                    real_start: ws,
                    real_end: we,
                    start: piece_start,
                    end: snippet.len(),
                    column: index.position(ws).column - 1,
                    grown,
                };
                if we < le {
                    snippet.push_str(ELLIPSIS);
                }
                segments.push(Segment {
                    line,
                    start,
                    end: snippet.len(),
                    pieces: vec![piece],
                });
            }
        }
        Snippet {
            name: terminal(name).into_owned(),
            text: snippet,
            segments,
        }
    }

    /// A real span in snippet coordinates, clipped to what the snippet shows.
    pub fn map(&self, span: Span) -> SourceSpan {
        let start = self.map_offset(span.start);
        let mut end = self.map_offset(span.end.max(span.start)).max(start);
        // A long label is cut after a few lines; where another label's lines are shown
        // further on, its end must not reach across the gap (miette cannot show that).
        if !self.segments.is_empty() {
            let mut last = self.segment_at(start);
            while last + 1 < self.segments.len()
                && self.segments[last + 1].line == self.segments[last].line + 1
            {
                last += 1;
            }
            let shown_end = self.segments[last].pieces.last().map_or(end, |p| p.end);
            end = end.min(shown_end.max(start));
        }
        SourceSpan::new(start.into(), end - start)
    }

    fn map_offset(&self, offset: usize) -> usize {
        // The last segment starting at or before the offset.
        let i = self
            .segments
            .partition_point(|s| s.pieces[0].real_start <= offset)
            .saturating_sub(1);
        let Some(seg) = self.segments.get(i) else {
            return 0;
        };
        let at = seg.piece_at_real(offset).snippet_offset(offset);
        floor_char_boundary(&self.text, at)
    }

    fn segment_at(&self, offset: usize) -> usize {
        self.segments
            .partition_point(|s| s.start <= offset)
            .saturating_sub(1)
    }
}

/// Windows of a long line around the labels' ranges (sorted), each `window` bytes at most;
/// a label close enough to fit in the window before shares it.
fn windows(
    text: &str,
    ls: usize,
    le: usize,
    foci: &[(usize, usize)],
    window: usize,
) -> Vec<(usize, usize)> {
    let lead = window / 3;
    let mut out: Vec<(usize, usize)> = Vec::new();
    for &(fs, fe) in foci {
        if out
            .last()
            .is_some_and(|last| fs >= last.0 && fe.min(fs + MIN_GAP) <= last.1)
        {
            continue;
        }
        let ws = floor_char_boundary(text, fs.saturating_sub(lead).max(ls));
        let we = ceil_char_boundary(text, (ws + window).min(le));
        if out.len() == MAX_WINDOWS {
            break;
        }
        out.push((ws, we));
    }
    out
}

/// Appends `text` (at `real_start` in the real text) as it is shown, recording each
/// character shown escaped. A tab is kept: miette expands it to the next tab stop, and the
/// carets under it with it.
fn push_shown(out: &mut String, text: &str, real_start: usize, grown: &mut Vec<Grown>) {
    let mut copied = 0;
    let (mut bytes, mut chars) = (0, 0);
    for (i, c) in text.char_indices() {
        if c == '\t' || !acts_on_terminal(c) {
            continue;
        }
        out.push_str(&text[copied..i]);
        let at = out.len();
        push_escaped(out, c);
        copied = i + c.len_utf8();
        // Every escape is longer than the character it stands for.
        bytes += out.len() - at - c.len_utf8();
        chars += out[at..].chars().count() - 1;
        grown.push(Grown {
            real: real_start + i,
            end: out.len(),
            bytes,
            chars,
        });
    }
    out.push_str(&text[copied..]);
}

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        if self.segments.is_empty() {
            return Err(MietteError::OutOfBounds);
        }
        let first = self.segment_at(span.offset());
        let last = self.segment_at(span.offset() + span.len());
        // Context only from lines that really are adjacent.
        let mut lo = first;
        while lo > 0
            && first - lo < before
            && self.segments[lo - 1].line + 1 == self.segments[lo].line
        {
            lo -= 1;
        }
        let mut hi = last;
        while hi + 1 < self.segments.len()
            && hi - last < after
            && self.segments[hi].line + 1 == self.segments[hi + 1].line
        {
            hi += 1;
        }
        if self.segments[lo..=hi]
            .windows(2)
            .any(|w| w[0].line + 1 != w[1].line)
        {
            return Err(MietteError::OutOfBounds);
        }
        let (lo_seg, hi_seg) = (&self.segments[lo], &self.segments[hi]);
        let data_start = lo_seg.start;
        let data = &self.text[data_start..hi_seg.end];
        // The real column of the span's start, through the window that shows it.
        let piece = self.segments[first].piece_at(span.offset());
        let shown = floor_char_boundary(&self.text, span.offset().clamp(piece.start, piece.end));
        let column = piece.column(&self.text, shown);
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            data.as_bytes(),
            SourceSpan::new(data_start.into(), data.len()),
            lo_seg.line,
            column,
            hi - lo + 1,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str, spans: &[Span]) -> (Snippet, Vec<String>) {
        let index = LineIndex::new(text);
        let s = Snippet::new("t.xml", &index, spans, 100);
        let labels = spans
            .iter()
            .map(|&sp| {
                let m = s.map(sp);
                s.text[m.offset()..m.offset() + m.len()].to_string()
            })
            .collect();
        (s, labels)
    }

    #[test]
    fn far_apart_labels_on_one_long_line_each_get_a_window() {
        let text = format!(
            "<a>{}<b/>{}<c/>{}",
            "x".repeat(5000),
            "y".repeat(5000),
            "z".repeat(500)
        );
        let b = text.find("<b/>").unwrap();
        let c = text.find("<c/>").unwrap();
        let (s, labels) = shown(&text, &[Span::new(b, b + 4), Span::new(c, c + 4)]);
        assert_eq!(labels, ["<b/>", "<c/>"]);
        // One row per window, each fitting the width.
        assert_eq!(s.segments.len(), 2);
        assert!(s.segments.iter().all(|seg| seg.line == 0));
        for row in s.text.lines() {
            assert!(row.starts_with('…') && row.ends_with('…'), "{row}");
            assert!(row.chars().count() <= 100, "{row}");
        }
        // The header column is the real one, also through the second window.
        let contents = s.read_span(&s.map(Span::new(c, c + 4)), 0, 0).unwrap();
        assert_eq!(contents.column(), c);
    }

    #[test]
    fn control_characters_are_escaped_and_labels_stay_on_them() {
        let text = "<a>\x1B[2J\r<b\u{9B}/>\u{202E}\t</a>";
        let b = text.find("<b").unwrap();
        let (s, labels) = shown(text, &[Span::new(b, b + 6)]);
        assert_eq!(labels, [r"<b\u{9b}/>"]);
        assert_eq!(s.text, "<a>\\u{1b}[2J\\r<b\\u{9b}/>\\u{202e}\t</a>");
        let contents = s.read_span(&s.map(Span::new(b, b + 6)), 0, 0).unwrap();
        assert_eq!(contents.column(), text[..b].chars().count());
        // Past escapes, the column is still the real one.
        let close = text.find("</a>").unwrap();
        let (s, labels) = shown(text, &[Span::new(close, close + 4)]);
        assert_eq!(labels, ["</a>"]);
        let contents = s
            .read_span(&s.map(Span::new(close, close + 4)), 0, 0)
            .unwrap();
        assert_eq!(contents.column(), text[..close].chars().count());
    }

    #[test]
    fn a_long_label_stops_before_a_gap() {
        let text: String = (0..300).map(|i| format!("<line{i}/>\n")).collect();
        let at = |i: usize| text.find(&format!("<line{i}/>")).unwrap();
        let long = Span::new(at(10), at(200));
        let other = Span::new(at(100), at(100) + 5);
        let index = LineIndex::new(&text);
        let s = Snippet::new("t.xml", &index, &[long, other], 100);
        for span in [long, other] {
            assert!(s.read_span(&s.map(span), 1, 1).is_ok(), "{span:?}");
        }
    }

    #[test]
    fn spans_at_and_past_the_end() {
        for text in ["", "<a/>", "é\n", "a\r\nb"] {
            let n = text.len();
            let (s, _) = shown(text, &[Span::new(n, n), Span::new(0, n)]);
            assert!(!s.segments.is_empty());
            let m = s.map(Span::new(n + 5, n + 9));
            assert!(m.offset() + m.len() <= s.text.len());
        }
    }
}
