//! What must hold for any input whatever: the fuzz targets run it, and the test suite
//! includes this file (`#[path]`) to replay the crashes kept in `fixtures/hostile/` and to
//! check corrupted cabinets and transcripts.
//!
//! Any bytes go through every profile and every output format; a panic anywhere, a span
//! outside the text or off a character boundary, a position below 1:1 or output that is not
//! what its format promises is a failure.

use vsslint::os::WindowsVersion;
use vsslint::report::full::{render, Style};
use vsslint::report::{concise, json};
use vsslint::server::{Frame, Frames, Limits};
use vsslint::span::{LineIndex, Span};
use vsslint::{all_rules as all, Profile};
use vsslint::{lint_bytes, LintedFile, Settings};
use vsslint::{lint_transcript, open_input, LintedTranscript, Opened, Origin, Transcript};
use vsslint::{read_cab, CabError, CabLimits};

/// The profiles a run can have: the default one, `--express`, a target OS, and everything on
/// at once (optional rules included) so that every rule sees the input.
pub fn profiles() -> Vec<(&'static str, Settings)> {
    let mut everything = Settings {
        express: true,
        target_os: Some(WindowsVersion::Ws2025),
        ..Settings::default()
    };
    for rule in all() {
        if rule.meta.profile == Profile::Optional {
            everything
                .rules
                .insert(rule.meta.slug, Some(rule.meta.severity));
        }
    }
    vec![
        ("default", Settings::default()),
        (
            "express",
            Settings {
                express: true,
                ..Settings::default()
            },
        ),
        (
            "target-os",
            Settings {
                target_os: Some(WindowsVersion::Xp),
                ..Settings::default()
            },
        ),
        ("everything", everything),
    ]
}

/// Graphical styles that stress miette differently: colour and hyperlinks, plain ASCII, and
/// a width narrower than any label.
const STYLES: [Style; 3] = [
    Style {
        color: true,
        unicode: true,
        links: true,
        width: 100,
    },
    Style {
        color: false,
        unicode: false,
        links: false,
        width: 80,
    },
    Style {
        color: false,
        unicode: true,
        links: false,
        width: 12,
    },
];

/// Lints `bytes` with every profile, checks every diagnostic and renders every format.
pub fn exercise(bytes: &[u8]) {
    for (i, (name, settings)) in profiles().iter().enumerate() {
        let file = lint_bytes("fuzz.xml", bytes, settings);
        if let Err(e) = check_spans(&file) {
            panic!("profile {name}: {e}");
        }
        render_all(&file, STYLES[i % STYLES.len()]);
    }
}

/// Every span lies inside the decoded text on character boundaries, and every position it
/// resolves to is at least line 1, column 1.
pub fn check_spans(file: &LintedFile) -> Result<(), String> {
    let text = &file.text;
    let index = LineIndex::new(text);
    for d in &file.diagnostics {
        let spans = std::iter::once(d.span).chain(d.related.iter().map(|r| r.span));
        for span in spans {
            check_span(text, &index, span).map_err(|e| {
                let message: String = d.message.chars().take(200).collect();
                format!("{message} [{}] at {span:?}: {e}", d.rule.slug)
            })?;
        }
    }
    Ok(())
}

fn check_span(text: &str, index: &LineIndex, span: Span) -> Result<(), String> {
    if span.start > span.end {
        return Err("the span ends before it starts".into());
    }
    if span.end > text.len() {
        return Err(format!(
            "the span ends past the text ({} bytes)",
            text.len()
        ));
    }
    for at in [span.start, span.end] {
        if !text.is_char_boundary(at) {
            return Err(format!("byte {at} is inside a character"));
        }
        let p = index.position(at);
        if p.line < 1 || p.column < 1 {
            return Err(format!("byte {at} resolves to {}:{}", p.line, p.column));
        }
        if p.line > index.line_count() {
            return Err(format!(
                "byte {at} resolves to line {} of {}",
                p.line,
                index.line_count()
            ));
        }
    }
    Ok(())
}

/// Renders `file` in every format, checking the shape of each.
pub fn render_all(file: &LintedFile, style: Style) {
    let index = LineIndex::new(&file.text);
    for d in &file.diagnostics {
        let out = render(file, &index, d, style);
        assert!(
            !out.trim().is_empty(),
            "empty full report for `{}`",
            d.message
        );
        // miette shows the snippet under a header that names the file; without it, the
        // renderer fell back to one plain line because the snippet could not be read.
        assert!(
            out.contains(&file.path),
            "no snippet for `{}` at {:?}:\n{out}",
            d.message,
            d.span
        );
        // What reaches a terminal: no control character of the document, only line breaks
        // (and, with colour, the report's own escape sequences).
        let stray = out
            .chars()
            .find(|&c| c.is_control() && c != '\n' && !(style.color && c == '\x1B'));
        assert!(stray.is_none(), "{stray:?} in the full report:\n{out}");
    }
    let files = std::slice::from_ref(file);

    let mut out = Vec::new();
    concise::write(&mut out, files).expect("writing to memory");
    let out = String::from_utf8(out).expect("concise output is UTF-8");
    // One line per finding and the summary; a message never breaks a line.
    let lines = out.lines().count();
    let breaks: usize = file
        .diagnostics
        .iter()
        .map(|d| d.message.matches('\n').count())
        .sum();
    assert_eq!(
        lines,
        file.diagnostics.len() + 1 + breaks,
        "concise output has the wrong number of lines:\n{out}"
    );

    let mut out = Vec::new();
    json::write(&mut out, files).expect("writing to memory");
    let value: serde_json::Value = serde_json::from_slice(&out).expect("json output parses");
    let listed = value["diagnostics"].as_array().map_or(0, Vec::len);
    assert_eq!(listed, file.diagnostics.len(), "json lists every finding");
}

/// The limits [`exercise_cab`] reads with: small, so that fuzzed headers reach them.
pub const CAB_LIMITS: CabLimits = CabLimits {
    max_bytes: 1 << 20,
    max_expansion: 1 << 20,
    max_entries: 1_000,
};

/// Reads `bytes` as a cabinet within [`CAB_LIMITS`]: a panic, more bytes returned than the
/// limit, an entry out of its place, a message without words or with a control character, or
/// a panic of the decoder that the reader caught (a defect) is a failure.
pub fn exercise_cab(bytes: &[u8]) {
    let entries = match read_cab(bytes, &CAB_LIMITS) {
        Ok(entries) => entries,
        Err(e) => {
            assert!(e.entry().is_none(), "a cabinet error names an entry: {e}");
            check_cab_message(&e);
            return;
        }
    };
    let mut total = 0u64;
    for (i, entry) in entries.iter().enumerate() {
        match entry {
            Ok(entry) => {
                assert_eq!(entry.index, i, "entry {i} says it is {}", entry.index);
                assert!(entry.name.ends_with(entry.file_name()));
                total += entry.bytes.len() as u64;
            }
            Err(e) => {
                assert_eq!(e.entry().map(|r| r.index), Some(i), "entry {i}: {e}");
                assert!(!matches!(e, CabError::Defect { .. }), "entry {i}: {e}");
                check_cab_message(e);
            }
        }
    }
    assert!(
        total <= CAB_LIMITS.max_expansion,
        "{total} bytes returned, more than the limit"
    );
}

fn check_cab_message(e: &CabError) {
    let message = e.to_string();
    assert!(
        message.len() > 20,
        "a message too short to act on: {message}"
    );
    assert!(
        !message.chars().any(char::is_control),
        "a control character in `{message:?}`"
    );
}

/// The limits [`exercise_framing`] reads with: small, so that fuzzed lines and lengths reach
/// them.
pub const FRAME_LIMITS: Limits = Limits {
    header_line: 64,
    message: 256,
};

/// Everything the server's reader finds in `input`, read through a buffer of `capacity`
/// bytes.
fn frames_of(input: &[u8], capacity: usize) -> Vec<Frame> {
    let mut frames = Frames::new(
        std::io::BufReader::with_capacity(capacity, input),
        FRAME_LIMITS,
    );
    let mut out = Vec::new();
    while let Some(frame) = frames.next_frame().expect("reading memory") {
        out.push(frame);
    }
    out
}

fn framed(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

/// Reads `bytes` as the language server's input within [`FRAME_LIMITS`]: a panic, a frame
/// that reads no byte, a body over the cap, a reason without words or with a control
/// character, or frames that depend on how the input arrives (a byte at a time or at once) is
/// a failure. Then two properties of recovery, with `bytes` as the bodies and the junk:
/// well-formed frames are read back exactly, and after a frame without `Content-Length` and
/// any bytes without a colon, the next frame is the next one read.
pub fn exercise_framing(bytes: &[u8]) {
    let frames = frames_of(bytes, 8192);
    assert!(
        frames.len() <= bytes.len(),
        "{} frames from {} bytes",
        frames.len(),
        bytes.len()
    );
    for frame in &frames {
        match frame {
            Frame::Body(body) => assert!(body.len() as u64 <= FRAME_LIMITS.message),
            Frame::Skipped(why) => {
                assert!(why.len() > 20, "a reason too short to act on: {why}");
                assert!(!why.chars().any(char::is_control), "{why:?}");
            }
        }
    }
    assert_eq!(
        frames,
        frames_of(bytes, 1),
        "read at once and a byte at a time"
    );

    let cap = FRAME_LIMITS.message as usize;
    let bodies: Vec<&[u8]> = bytes
        .split(|&b| b == 0xFF)
        .map(|b| &b[..b.len().min(cap)])
        .collect();
    let stream: Vec<u8> = bodies.iter().flat_map(|b| framed(b)).collect();
    let expected: Vec<Frame> = bodies.iter().map(|b| Frame::Body(b.to_vec())).collect();
    assert_eq!(frames_of(&stream, 8192), expected, "well-formed frames");

    let junk: Vec<u8> = bytes.iter().copied().filter(|&b| b != b':').collect();
    let first = &bytes[..bytes.len().min(cap)];
    let mut stream = b"Content-Type: x\r\n\r\n".to_vec();
    stream.extend_from_slice(&junk);
    stream.extend_from_slice(&framed(first));
    stream.extend_from_slice(&framed(b"{}"));
    let got = frames_of(&stream, 8192);
    assert!(matches!(got.first(), Some(Frame::Skipped(_))), "{got:?}");
    assert_eq!(
        got[1..],
        [Frame::Body(first.to_vec()), Frame::Body(b"{}".to_vec())],
        "the frames after one without Content-Length"
    );
}

/// The encodings a transcript can be read in.
const TRANSCRIPT_ENCODINGS: [&str; 4] = ["UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252"];

/// Reads `bytes` as a `vshadow -wm3` transcript with every profile. Bytes that are not one
/// come back untouched, and the container entrance ([`open_input`]) agrees on what they are.
/// A transcript's writers come in its frames' order, each frame's document inside the text
/// on character boundaries after its `--[Writer N]--` line, and every writer's file holds the
/// one decoded text, not a copy of it: a transcript of many writers would otherwise take
/// memory for its text once per writer. Every writer's findings get the checks of
/// [`exercise`], and its reports are rendered in every format.
pub fn exercise_transcript(bytes: &[u8]) {
    // A cabinet is told by its first bytes before anything else is tried; what opens as one
    // is never read as a transcript, whatever lines it holds.
    let opened = match open_input(bytes.to_vec(), &CAB_LIMITS) {
        Ok(Opened::Transcript(t)) => {
            check_frames(&t);
            Some(Some(t))
        }
        Ok(Opened::Document(back)) => {
            assert!(back == bytes, "a document's bytes come back changed");
            Some(None)
        }
        Ok(Opened::Cabinet(_)) | Err(_) => None,
    };
    for (i, (name, settings)) in profiles().iter().enumerate() {
        match lint_transcript("fuzz.txt", bytes.to_vec(), settings) {
            Err(back) => {
                assert!(back == bytes, "profile {name}: the bytes come back changed");
                assert!(
                    !matches!(opened, Some(Some(_))),
                    "profile {name}: the entrance opens a transcript that lint_transcript refuses"
                );
            }
            Ok(linted) => {
                if let Some(opened) = &opened {
                    let Some(t) = opened else {
                        panic!("profile {name}: the entrance opens a document that lint_transcript takes for a transcript");
                    };
                    same_transcript(&linted, t).unwrap_or_else(|e| panic!("profile {name}: {e}"));
                }
                check_transcript(&linted, "fuzz.txt")
                    .unwrap_or_else(|e| panic!("profile {name}: {e}"));
                for (_, file) in &linted.writers {
                    render_all(file, STYLES[i % STYLES.len()]);
                }
            }
        }
    }
}

/// What holds for any transcript read: at least one frame, in order, each document inside the
/// text after its frame line and on character boundaries.
pub fn check_frames(t: &Transcript) {
    assert!(!t.frames.is_empty(), "a transcript without a frame");
    assert!(
        TRANSCRIPT_ENCODINGS.contains(&t.encoding),
        "unknown encoding {}",
        t.encoding
    );
    let text = &*t.text;
    let mut after = 0;
    for f in &t.frames {
        let xml = f.xml.clone();
        assert!(
            after <= f.line && f.line < xml.start && xml.start <= xml.end && xml.end <= text.len(),
            "writer {} out of place: line at {}, document {xml:?}, previous frame ends at {after}, text of {} bytes",
            f.writer,
            f.line,
            text.len()
        );
        assert!(
            text.is_char_boundary(xml.start) && text.is_char_boundary(xml.end),
            "writer {}: {xml:?} is inside a character",
            f.writer
        );
        assert!(
            text[f.line..].starts_with("--[Writer "),
            "writer {}: no frame line at {}",
            f.writer,
            f.line
        );
        after = xml.end;
    }
}

/// Every writer of a linted transcript: its file is the transcript's (`path`), from its
/// frame, with spans inside the text, and its text the one copy every writer shares.
pub fn check_transcript(t: &LintedTranscript, path: &str) -> Result<(), String> {
    let Some((_, first)) = t.writers.first() else {
        return Err("a transcript without a writer".into());
    };
    if !TRANSCRIPT_ENCODINGS.contains(&t.encoding) {
        return Err(format!("unknown encoding {}", t.encoding));
    }
    for (n, file) in &t.writers {
        if !std::sync::Arc::ptr_eq(&first.text, &file.text) {
            return Err(format!("writer {n} holds a copy of the transcript's text"));
        }
        if file.path != path || file.origin != Origin::TranscriptFrame {
            return Err(format!(
                "writer {n} is `{}` ({:?}), not a frame of the transcript",
                file.path, file.origin
            ));
        }
        check_spans(file).map_err(|e| format!("writer {n}: {e}"))?;
    }
    let holders = std::sync::Arc::strong_count(&first.text);
    if holders != t.writers.len() {
        return Err(format!(
            "the text has {holders} holders for {} writers",
            t.writers.len()
        ));
    }
    Ok(())
}

/// A linted transcript is the one the entrance opened: the same text, encoding, writers and
/// end.
fn same_transcript(linted: &LintedTranscript, opened: &Transcript) -> Result<(), String> {
    let writers: Vec<u32> = linted.writers.iter().map(|(n, _)| *n).collect();
    let frames: Vec<u32> = opened.frames.iter().map(|f| f.writer).collect();
    if writers != frames {
        return Err(format!("writers {writers:?}, frames {frames:?}"));
    }
    if linted.encoding != opened.encoding || linted.truncated != opened.truncated {
        return Err(format!(
            "read as {} (truncated: {}), opened as {} (truncated: {})",
            linted.encoding, linted.truncated, opened.encoding, opened.truncated
        ));
    }
    if linted.writers[0].1.text != opened.text {
        return Err("the linted text is not the text opened".into());
    }
    Ok(())
}
