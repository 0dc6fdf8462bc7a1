//! A miette source that shows only the lines a diagnostic needs, and only a window of each
//! long line. Real documents are often one line of megabytes; printing it whole is useless.

use crate::span::{ceil_char_boundary, floor_char_boundary, LineIndex, Span};
use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

/// Lines longer than this many bytes are cut to a window around the labels.
const MAX_LINE: usize = 120;
/// Bytes kept before the first label on a cut line.
const LEAD: usize = 40;
/// Bytes kept of a cut line overall.
const WINDOW: usize = 110;
/// Multi-line labels show at most this many lines.
const MAX_LABEL_LINES: usize = 4;

const ELLIPSIS: &str = "…";

struct Segment {
    /// Zero-based line in the real text.
    line: usize,
    /// Where the window starts in the real text.
    real_start: usize,
    real_end: usize,
    /// Where the window's text starts in the snippet, after a leading ellipsis.
    start: usize,
    /// The end of the segment's text in the snippet, including a trailing ellipsis.
    end: usize,
    /// Zero-based character column of `real_start`.
    column: usize,
}

pub struct Snippet {
    name: String,
    text: String,
    segments: Vec<Segment>,
}

impl Snippet {
    /// Builds the snippet for labels at `spans` (real offsets).
    pub fn new(name: &str, index: &LineIndex, spans: &[Span]) -> Snippet {
        let text = index.text();
        // Which lines to show, and the parts of each that must be visible.
        let mut wanted: Vec<(usize, usize, usize)> = Vec::new(); // (line, focus_start, focus_end)
        for s in spans {
            let first = index.line_of(s.start);
            let last = index.line_of(s.end).min(first + MAX_LABEL_LINES - 1);
            for line in first.saturating_sub(1)..=(last + 1).min(index.line_count() - 1) {
                let ls = index.line_start(line);
                let le = index.line_end(line);
                if line < first || line > last {
                    wanted.push((line, ls, ls));
                } else {
                    let fs = s.start.clamp(ls, le);
                    let fe = s.end.clamp(ls, le);
                    wanted.push((line, fs, fe));
                }
            }
        }
        wanted.sort_unstable();
        let mut lines: Vec<(usize, usize, usize, bool)> = Vec::new(); // line, focus, has label
        for (line, fs, fe) in wanted {
            let labelled = fe > fs || spans.iter().any(|s| s.start == fs);
            match lines.last_mut() {
                Some(last) if last.0 == line => {
                    if labelled && !last.3 {
                        *last = (line, fs, fe, true);
                    } else if labelled {
                        last.1 = last.1.min(fs);
                        last.2 = last.2.max(fe);
                    }
                }
                _ => lines.push((line, fs, fe, labelled)),
            }
        }

        let mut snippet = String::new();
        let mut segments = Vec::new();
        for (line, fs, fe, labelled) in lines {
            let ls = index.line_start(line);
            let le = index.line_end(line);
            let (ws, we) = if le - ls <= MAX_LINE {
                (ls, le)
            } else if labelled {
                let ws = floor_char_boundary(text, fs.saturating_sub(LEAD).max(ls));
                let we = ceil_char_boundary(text, (ws + WINDOW).max(fe.min(ws + WINDOW)).min(le));
                (ws, we)
            } else {
                (ls, ceil_char_boundary(text, (ls + WINDOW).min(le)))
            };
            if !segments.is_empty() {
                snippet.push('\n');
            }
            if ws > ls {
                snippet.push_str(ELLIPSIS);
            }
            let start = snippet.len();
            snippet.push_str(&text[ws..we]);
            if we < le {
                snippet.push_str(ELLIPSIS);
            }
            segments.push(Segment {
                line,
                real_start: ws,
                real_end: we,
                start,
                end: snippet.len(),
                column: index.position(ws).column - 1,
            });
        }
        Snippet {
            name: name.to_string(),
            text: snippet,
            segments,
        }
    }

    /// A real span in snippet coordinates, clipped to what the snippet shows.
    pub fn map(&self, span: Span) -> SourceSpan {
        let start = self.map_offset(span.start);
        let end = self.map_offset(span.end).max(start);
        SourceSpan::new(start.into(), end - start)
    }

    fn map_offset(&self, offset: usize) -> usize {
        // The last segment starting at or before the offset.
        let i = self
            .segments
            .partition_point(|s| s.real_start <= offset)
            .saturating_sub(1);
        let Some(seg) = self.segments.get(i) else {
            return 0;
        };
        // Past the window: clipped to its end.
        seg.start + offset.min(seg.real_end).saturating_sub(seg.real_start)
    }

    fn segment_at(&self, offset: usize) -> usize {
        self.segments
            .partition_point(|s| s.start <= offset)
            .saturating_sub(1)
    }
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
        // A leading ellipsis belongs to the line's text.
        let data_start = self.text[..lo_seg.start].rfind('\n').map_or(0, |i| i + 1);
        let data = &self.text[data_start..hi_seg.end];
        let seg = &self.segments[first];
        let column = seg.column
            + self.text[seg.start..span.offset().max(seg.start).min(seg.end)]
                .chars()
                .count();
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
