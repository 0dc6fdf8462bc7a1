//! `vshadow -wm3` transcripts: after its banner, vshadow prints each writer's metadata document
//! (`SaveAsXML`) as `wprintf(L"\n--[Writer %d]--\n%s\n", i, xml)`, then `--[end of data]--`
//! (spec: backup-sets.md §3). A console redirected by `cmd` turns the wide text narrow, with
//! CRLF or LF line ends, in the console's code page: UTF-8, or else Windows-1252 here. Windows
//! PowerShell 5.1's `>` saves the output as UTF-16LE with a byte-order mark, PowerShell 7's as
//! UTF-8 with one; UTF-16BE with a byte-order mark is read as well.
//!
//! The documents are left where they are in the transcript's text, so that a finding's line
//! and column are the transcript's, where the user looks.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};
use std::ops::Range;
use std::sync::Arc;

/// What starts the line that opens a writer's frame, before its number.
const FRAME: &str = "--[Writer ";
const END: &str = "--[end of data]--";
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// One writer's document in a transcript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// N of `--[Writer N]--`.
    pub writer: u32,
    /// Where the line `--[Writer N]--` starts in the transcript's text.
    pub line: usize,
    /// The document in the transcript's text, without the line breaks around it.
    pub xml: Range<usize>,
}

/// A `vshadow -wm3` transcript: its decoded text and the writers' frames in it.
#[derive(Debug)]
pub struct Transcript {
    /// The transcript decoded, without a byte-order mark: one copy, which every writer's
    /// linted file shares.
    pub text: Arc<String>,
    /// `UTF-8`, `UTF-16LE`, `UTF-16BE` or `windows-1252`.
    pub encoding: &'static str,
    /// At least one.
    pub frames: Vec<Frame>,
    /// No `--[end of data]--` after the last frame: the transcript was cut off, and its last
    /// document runs to the end, probably cut off too.
    pub truncated: bool,
}

/// The UTF-16 encoding a byte-order mark at the start of `bytes` names, and the bytes after it.
fn utf16(bytes: &[u8]) -> Option<(&'static Encoding, &[u8])> {
    let (encoding, bom) = Encoding::for_bom(bytes)?;
    (encoding == UTF_16LE || encoding == UTF_16BE).then(|| (encoding, &bytes[bom..]))
}

/// Whether the first character other than white space is `<`, as in every XML document, which
/// is never a transcript; or there is no such character.
fn starts_as_xml(mut units: impl Iterator<Item = u32>) -> bool {
    let space = |u: &u32| matches!(*u, 0x20 | 0x09 | 0x0A | 0x0C | 0x0D);
    units
        .find(|u| !space(u))
        .is_none_or(|u| u == u32::from(b'<'))
}

/// Whether `bytes` are a transcript: a line that opens a frame. Cheap on XML, which is never
/// a transcript: its first character other than white space is `<`.
#[cfg(test)]
fn is_transcript(bytes: &[u8]) -> bool {
    match utf16(bytes) {
        Some((encoding, body)) => {
            !starts_as_xml(units(encoding, body))
                && has_frame_line(encoding.decode_without_bom_handling(body).0.as_bytes())
        }
        None => is_narrow_transcript(bytes),
    }
}

/// Whether `text` is a transcript, as a rule's example is.
pub fn is_transcript_text(text: &str) -> bool {
    is_narrow_transcript(text.as_bytes())
}

/// [`is_transcript`] for bytes that are not UTF-16: ASCII-compatible text.
fn is_narrow_transcript(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    !starts_as_xml(bytes.iter().map(|b| u32::from(*b))) && has_frame_line(bytes)
}

/// The code units of UTF-16 `bytes`.
fn units<'b>(encoding: &'static Encoding, bytes: &'b [u8]) -> impl Iterator<Item = u32> + 'b {
    let big_endian = encoding == UTF_16BE;
    bytes.chunks_exact(2).map(move |p| {
        let pair = [p[0], p[1]];
        u32::from(if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        })
    })
}

/// Whether a line of `text` (ASCII-compatible) opens a frame.
fn has_frame_line(bytes: &[u8]) -> bool {
    memchr::memmem::find_iter(bytes, FRAME.as_bytes()).any(|at| {
        let line_start = at == 0 || bytes[at - 1] == b'\n';
        let line_end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n);
        line_start
            && std::str::from_utf8(&bytes[at..line_end])
                .ok()
                .and_then(frame_number)
                .is_some()
    })
}

/// The transcript `bytes` hold; the bytes back when they are not one.
pub fn read(bytes: Vec<u8>) -> Result<Transcript, Vec<u8>> {
    let (text, encoding) = match utf16(&bytes) {
        Some((encoding, body)) => {
            if starts_as_xml(units(encoding, body)) {
                return Err(bytes);
            }
            // An unpaired surrogate becomes U+FFFD, one character, as it is in any
            // editor that shows the file.
            let text = encoding.decode_without_bom_handling(body).0.into_owned();
            if !has_frame_line(text.as_bytes()) {
                return Err(bytes);
            }
            (text, encoding.name())
        }
        None if is_narrow_transcript(&bytes) => decode_narrow(bytes),
        None => return Err(bytes),
    };
    let (frames, truncated) = frames(&text);
    // Decoding keeps every ASCII character as it was, so the line that made the bytes a
    // transcript opens a frame in the text.
    debug_assert!(!frames.is_empty());
    Ok(Transcript {
        text: Arc::new(text),
        encoding,
        frames,
        truncated,
    })
}

/// A console whose code page is not UTF-8 wrote the transcript in its ANSI code page, which
/// on the Western European systems vshadow mostly runs on is Windows-1252; it decodes any
/// bytes, and leaves the frame lines, which are ASCII, where they were.
fn decode_narrow(bytes: Vec<u8>) -> (String, &'static str) {
    let utf8 = |mut bytes: Vec<u8>| {
        if bytes.starts_with(UTF8_BOM) {
            bytes.drain(..UTF8_BOM.len());
        }
        String::from_utf8(bytes)
    };
    match utf8(bytes) {
        Ok(text) => (text, "UTF-8"),
        Err(e) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(e.as_bytes());
            (text.into_owned(), WINDOWS_1252.name())
        }
    }
}

/// N of a line `--[Writer N]--` (with or without its CR and LF).
fn frame_number(line: &str) -> Option<u32> {
    let line = line.trim_end_matches(['\r', '\n']);
    let n = line.strip_prefix(FRAME)?.strip_suffix("]--")?;
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    n.parse().ok()
}

/// The frames of `text`, and whether the end marker is missing.
fn frames(text: &str) -> (Vec<Frame>, bool) {
    let mut frames = Vec::new();
    // The frame being read: its writer, where its frame line and its document start.
    let mut open: Option<(u32, usize, usize)> = None;
    let mut close = |open: Option<(u32, usize, usize)>, end: usize| {
        if let Some((writer, line, start)) = open {
            frames.push(Frame {
                writer,
                line,
                xml: between_line_breaks(text, start..end),
            });
        }
    };
    let mut line_start = 0;
    while line_start < text.len() {
        let next = memchr::memchr(b'\n', &text.as_bytes()[line_start..])
            .map_or(text.len(), |n| line_start + n + 1);
        let line = &text[line_start..next];
        if let Some(writer) = frame_number(line) {
            close(open.take(), line_start);
            open = Some((writer, line_start, next));
        } else if open.is_some() && line.trim_end_matches(['\r', '\n']) == END {
            close(open.take(), line_start);
            return (frames, false);
        }
        line_start = next;
    }
    close(open, text.len());
    (frames, true)
}

/// `range` without the line breaks at either end: vshadow writes one before the next frame
/// line on top of the one after each document.
fn between_line_breaks(text: &str, range: Range<usize>) -> Range<usize> {
    let is_break = |b: &u8| *b == b'\r' || *b == b'\n';
    let part = &text.as_bytes()[range.clone()];
    let start = part.iter().position(|b| !is_break(b)).unwrap_or(part.len());
    let end = part
        .iter()
        .rposition(|b| !is_break(b))
        .map_or(start, |i| i + 1);
    range.start + start..range.start + end
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<?xml version="1.0" encoding="UTF-16"?><WRITER_METADATA/>"#;

    fn transcript(eol: &str, docs: &[&str], end: bool) -> String {
        let mut s = format!("VSHADOW.EXE 3.0 - Volume Shadow Copy sample client.{eol}(Option: Generate writer metadata){eol}");
        for (i, d) in docs.iter().enumerate() {
            s.push_str(&format!("{eol}--[Writer {i}]--{eol}{d}{eol}"));
        }
        if end {
            s.push_str(&format!("{eol}{END}{eol}"));
        }
        s
    }

    #[test]
    fn xml_is_never_a_transcript() {
        let framed = transcript("\n", &[DOC], true);
        for xml in [
            DOC.to_string(),
            format!("\u{FEFF}  \r\n{DOC}"),
            format!("<!-- {framed} -->{DOC}"),
            format!("<WRITER_METADATA>\n{framed}</WRITER_METADATA>"),
        ] {
            assert!(!is_transcript(xml.as_bytes()), "{xml}");
            assert!(read(xml.into_bytes()).is_err());
        }
        for other in [
            "",
            "  ",
            "--[Writer x]--\n",
            "a --[Writer 0]--\n",
            "\n--[Writer 0]-- \n",
        ] {
            assert!(!is_transcript(other.as_bytes()), "{other:?}");
        }
    }

    #[test]
    fn frames_with_either_line_end() {
        for eol in ["\n", "\r\n"] {
            let text = transcript(eol, &[DOC, "<b/>"], true);
            let t = read(text.clone().into_bytes()).unwrap();
            assert_eq!(t.text.as_str(), text);
            assert_eq!(t.encoding, "UTF-8");
            assert!(!t.truncated);
            let writers: Vec<_> = t.frames.iter().map(|f| f.writer).collect();
            assert_eq!(writers, [0, 1]);
            assert_eq!(&t.text[t.frames[0].xml.clone()], DOC);
            assert_eq!(&t.text[t.frames[1].xml.clone()], "<b/>");
        }
    }

    #[test]
    fn a_transcript_without_end_marker_is_truncated() {
        let text = transcript("\r\n", &[DOC, "<b><c/>"], false);
        let t = read(text.into_bytes()).unwrap();
        assert!(t.truncated);
        assert_eq!(&t.text[t.frames[1].xml.clone()], "<b><c/>");
        // Cut in the middle of a frame line: the line opens no frame, and belongs to the last
        // document, which is what the parse will say is wrong.
        let text = transcript("\n", &[DOC], false) + "\n--[Wri";
        let t = read(text.into_bytes()).unwrap();
        assert_eq!(t.frames.len(), 1);
        assert!(t.text[t.frames[0].xml.clone()].ends_with("/>\n\n--[Wri"));
    }

    #[test]
    fn what_follows_the_end_marker_is_not_read() {
        let text = transcript("\n", &[DOC], true) + "\n--[Writer 5]--\n<c/>\n";
        let t = read(text.into_bytes()).unwrap();
        assert_eq!(t.frames.len(), 1);
        assert!(!t.truncated);
    }

    #[test]
    fn an_empty_frame_is_an_empty_range() {
        let t = read(transcript("\r\n", &["", DOC], true).into_bytes()).unwrap();
        assert!(t.frames[0].xml.is_empty());
        assert_eq!(&t.text[t.frames[1].xml.clone()], DOC);
    }

    #[test]
    fn narrow_code_page_and_byte_order_mark() {
        let text = transcript("\r\n", &[DOC], true).replace("sample", "\u{e9}chantillon");
        let mut bytes = WINDOWS_1252.encode(&text).0.into_owned();
        assert!(std::str::from_utf8(&bytes).is_err());
        let t = read(bytes.clone()).unwrap();
        assert_eq!(
            (t.text.as_str(), t.encoding),
            (text.as_str(), "windows-1252")
        );
        assert_eq!(&t.text[t.frames[0].xml.clone()], DOC);

        bytes = [UTF8_BOM, text.as_bytes()].concat();
        let t = read(bytes).unwrap();
        assert_eq!((t.text.as_str(), t.encoding), (text.as_str(), "UTF-8"));
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let unit = |u: u16| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        };
        std::iter::once(0xFEFF)
            .chain(text.encode_utf16())
            .flat_map(unit)
            .collect()
    }

    /// What Windows PowerShell 5.1's `>` saves: UTF-16LE with a byte-order mark.
    #[test]
    fn wide_text_with_byte_order_mark() {
        let text = transcript("\r\n", &[DOC, "<b \u{e9}=\"\u{1F600}\"/>"], true);
        for (big_endian, name) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
            let bytes = utf16(&text, big_endian);
            assert!(is_transcript(&bytes), "{name}");
            let t = read(bytes).unwrap();
            assert_eq!((t.text.as_str(), t.encoding), (text.as_str(), name));
            assert!(!t.truncated);
            assert_eq!(&t.text[t.frames[0].xml.clone()], DOC);
            assert_eq!(
                &t.text[t.frames[1].xml.clone()],
                "<b \u{e9}=\"\u{1F600}\"/>"
            );
            assert!(t.text[t.frames[1].line..].starts_with("--[Writer 1]--\r\n"));
        }
        // A wide XML document, even one that holds a transcript's lines, is not one.
        let framed = transcript("\n", &[DOC], true);
        for xml in [format!("  \r\n{DOC}"), format!("<!-- {framed} -->{DOC}")] {
            for big_endian in [false, true] {
                let bytes = utf16(&xml, big_endian);
                assert!(!is_transcript(&bytes));
                assert_eq!(read(bytes.clone()).unwrap_err(), bytes);
            }
        }
        // Wide text without a frame line is not one either.
        let bytes = utf16("VSHADOW.EXE 3.0\r\n--[Writer x]--\r\n", false);
        assert_eq!(read(bytes.clone()).unwrap_err(), bytes);
    }
}
