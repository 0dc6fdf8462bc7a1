//! LSP's framing over standard input and output, forgiving of what the client sends.
//!
//! `lsp_server::Connection::stdio` ends its reader thread, and so the server, on the first
//! message whose body is not JSON-RPC, and finds a body by its `Content-Length` alone, so
//! that one frame without a usable one puts it out of step with every frame after. Here a
//! body that is not JSON-RPC is answered (an error response when the request's id can be
//! found, a log message otherwise) and skipped, and a frame whose body cannot be found costs
//! that frame alone ([`Frames`]). The rest of `lsp_server` (its `Message`s, the initialize
//! handshake) works over these channels unchanged; the shutdown is the server's own, so that
//! a request after it is answered.

use crossbeam_channel::{bounded, Sender};
use lsp_server::{Connection, ErrorCode, Message, Notification, RequestId, Response};
use lsp_types::notification::{Exit, Notification as _};
use std::io::{self, BufRead, Read, Write};
use std::thread::JoinHandle;

/// The reader and writer threads of a connection.
pub(super) struct Threads {
    reader: JoinHandle<()>,
    writer: JoinHandle<io::Result<()>>,
}

impl Threads {
    /// Waits for both threads; call once the connection is dropped.
    pub(super) fn join(self) -> Result<(), String> {
        let _ = self.reader.join();
        match self.writer.join() {
            Ok(r) => r.map_err(|e| e.to_string()),
            Err(_) => Err("the writer thread panicked".to_string()),
        }
    }
}

/// A connection over this process's standard input and output.
pub(super) fn stdio() -> (Connection, Threads) {
    connect(io::BufReader::new(io::stdin()), io::stdout())
}

/// A connection reading `input` and writing `output`, each on a thread of its own.
pub(super) fn connect(
    input: impl BufRead + Send + 'static,
    output: impl Write + Send + 'static,
) -> (Connection, Threads) {
    let (to_client, outgoing) = bounded::<Message>(0);
    let (incoming, from_client) = bounded::<Message>(0);
    let writer = std::thread::Builder::new()
        .name("vsslint-lsp-writer".into())
        .spawn(move || {
            let mut output = output;
            for message in outgoing {
                message.write(&mut output)?;
            }
            Ok(())
        })
        .expect("a thread starts");
    let replies = to_client.clone();
    let reader = std::thread::Builder::new()
        .name("vsslint-lsp-reader".into())
        .spawn(move || read_loop(input, &incoming, &replies))
        .expect("a thread starts");
    (
        Connection {
            sender: to_client,
            receiver: from_client,
        },
        Threads { reader, writer },
    )
}

/// Hands each message to the server until the input ends, the client says `exit`, or the
/// server has gone. Every frame or message that cannot be used is said once on standard
/// error, and once to the client (an error response to a request, a log message otherwise).
fn read_loop(input: impl BufRead, incoming: &Sender<Message>, replies: &Sender<Message>) {
    let mut frames = Frames::new(input, Limits::default());
    loop {
        let body = match frames.next_frame() {
            Ok(None) | Err(_) => return,
            Ok(Some(Frame::Body(body))) => body,
            Ok(Some(Frame::Skipped(why))) => {
                eprintln!("vsslint server: {why}");
                let _ = replies.send(log_message(&why));
                continue;
            }
        };
        match read_message(&body) {
            Ok((message, lossy)) => {
                if let Some(note) = lossy {
                    eprintln!("vsslint server: {note}");
                }
                let exit = matches!(&message, Message::Notification(n) if n.method == Exit::METHOD);
                if incoming.send(message).is_err() || exit {
                    return;
                }
            }
            Err(malformed) => {
                let (reply, why) = *malformed;
                eprintln!("vsslint server: {why}");
                let _ = replies.send(reply);
            }
        }
    }
}

/// The reply to a body that holds no message, and why it holds none (boxed: a `Message` is
/// large, and most bodies are messages).
type Refusal = Box<(Message, String)>;

/// The message a frame's body holds (and, when it could only be read lossily, what was
/// replaced), or the reply to a body that holds none and why. A request whose method is not
/// a string reads as a response (whose fields are all optional but its id): the server sends
/// no requests, so that is a malformed request.
fn read_message(body: &[u8]) -> Result<(Message, Option<String>), Refusal> {
    let (message, lossy) = match serde_json::from_slice::<Message>(body) {
        Ok(message) => (message, None),
        Err(e) => match lossy(body).map(|b| serde_json::from_slice::<Message>(&b)) {
            Some(Ok(message)) => {
                let what = match &message {
                    Message::Request(r) => r.method.as_str(),
                    Message::Notification(n) => n.method.as_str(),
                    Message::Response(_) => "a response",
                };
                let note = format!(
                    "read {what} lossily: its invalid UTF-8 and lone UTF-16 surrogates \
                     (`\\ud800`) are U+FFFD"
                );
                (message, Some(note))
            }
            _ => return Err(reply_to_malformed(body, &e.to_string())),
        },
    };
    match message {
        Message::Response(_) if has_method(body) => {
            Err(reply_to_malformed(body, "a method that is not a string"))
        }
        message => Ok((message, lossy)),
    }
}

fn has_method(body: &[u8]) -> bool {
    let body = lossy(body).map_or(std::borrow::Cow::Borrowed(body), std::borrow::Cow::Owned);
    serde_json::from_slice::<serde_json::Value>(&body).is_ok_and(|v| v.get("method").is_some())
}

/// `body` with its invalid UTF-8 and its lone surrogate escapes replaced by U+FFFD, or `None`
/// when it has neither. serde_json rejects a string holding `\ud800` alone, which editors
/// send for a document holding one (JavaScript strings are UTF-16 and may); U+FFFD is one
/// UTF-16 code unit, as the surrogate was, so the positions of the text do not move.
fn lossy(body: &[u8]) -> Option<Vec<u8>> {
    fn unit(escape: &[u8]) -> Option<u16> {
        let hex = std::str::from_utf8(escape.get(2..6)?).ok()?;
        (escape.starts_with(b"\\u")).then_some(())?;
        u16::from_str_radix(hex, 16).ok()
    }
    let text = String::from_utf8_lossy(body);
    let mut changed = matches!(text, std::borrow::Cow::Owned(_));
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            out.push(b[i]);
            i += 1;
            continue;
        }
        let here = &b[i..];
        match unit(here) {
            Some(0xD800..=0xDBFF)
                if matches!(here.get(6..).and_then(unit), Some(0xDC00..=0xDFFF)) =>
            {
                out.extend_from_slice(&here[..12]);
                i += 12;
            }
            Some(0xD800..=0xDFFF) => {
                out.extend_from_slice(b"\\uFFFD");
                changed = true;
                i += 6;
            }
            // Any other escape, `\\` included, is copied whole, so that the `u` of `\\u…`
            // is not taken for an escape.
            _ => {
                let n = here.len().min(2);
                out.extend_from_slice(&here[..n]);
                i += n;
            }
        }
    }
    changed.then_some(out)
}

/// The answer to a body that is not a JSON-RPC message, and why: an `InvalidRequest` error
/// to a request whose id can be read, so its client does not wait for an answer; a log
/// message otherwise, since a response needs an id.
fn reply_to_malformed(body: &[u8], e: &str) -> Refusal {
    let body = lossy(body).map_or(std::borrow::Cow::Borrowed(body), std::borrow::Cow::Owned);
    let id = serde_json::from_slice::<serde_json::Value>(&body)
        .ok()
        .and_then(|v| match v.get("id")? {
            serde_json::Value::Number(n) => Some(RequestId::from(i32::try_from(n.as_i64()?).ok()?)),
            serde_json::Value::String(s) => Some(RequestId::from(s.clone())),
            _ => None,
        });
    match id {
        Some(id) => {
            let why = format!("not a JSON-RPC request: {e}");
            let reply =
                Response::new_err(id.clone(), ErrorCode::InvalidRequest as i32, why.clone());
            Box::new((Message::Response(reply), format!("request {id}: {why}")))
        }
        None => {
            let why = format!("ignored a message that is not JSON-RPC: {e}");
            Box::new((log_message(&why), why))
        }
    }
}

fn log_message(message: &str) -> Message {
    Message::Notification(Notification::new(
        "window/logMessage".to_string(),
        serde_json::json!({ "type": 2, "message": format!("vsslint: {message}") }),
    ))
}

/// The longest header line read, its line break left out.
pub const MAX_HEADER_LINE: usize = 8 * 1024;
/// The largest message read: the System writer document, the largest known, is 2 MB, and a
/// message holds it once (twice as UTF-16 escapes at worst).
pub const MAX_MESSAGE: u64 = 64 * 1024 * 1024;

/// What the reader accepts; [`Limits::default`] is [`MAX_HEADER_LINE`] and [`MAX_MESSAGE`].
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// The longest header line, in bytes, its line break left out.
    pub header_line: usize,
    /// The largest body, in bytes.
    pub message: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            header_line: MAX_HEADER_LINE,
            message: MAX_MESSAGE,
        }
    }
}

/// What the reader found next.
#[derive(Debug, PartialEq, Eq)]
pub enum Frame {
    /// A message's body, as many bytes as its `Content-Length` says.
    Body(Vec<u8>),
    /// A frame that could not be read, and why: the reader has skipped it and looks for the
    /// next `Content-Length` header.
    Skipped(String),
}

/// Where the reader is in the input.
enum Place {
    /// At the start of a frame, or of a line of its headers.
    InStep,
    /// Out of step with the client's frames after one that could not be read: looking for
    /// the next `Content-Length` header wherever it starts.
    Lost(Scan),
    /// At the second line of a frame whose `Content-Length` header the search found.
    Found(u64),
}

/// LSP's framing read forgivingly: a frame that cannot be read costs that frame alone. Its
/// body cannot be told apart from the next frame's headers, so the reader skips to the next
/// `Content-Length` header, wherever it starts (the next frame follows a body with no line
/// break). Memory is bounded by the limits whatever the input.
pub struct Frames<R> {
    input: R,
    limits: Limits,
    place: Place,
    /// The last frame read was a body: a line after it that is not a header says that its
    /// `Content-Length` was too short.
    after_body: bool,
}

/// A header line: `Name: value`, a name of the characters HTTP allows in a token.
fn header(line: &[u8]) -> Option<(&[u8], &[u8])> {
    let colon = line.iter().position(|&b| b == b':')?;
    let name = line[..colon].trim_ascii_end();
    let token = |b: &u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(b);
    (!name.is_empty() && name.iter().all(token)).then(|| (name, line[colon + 1..].trim_ascii()))
}

/// A line of the input as it may be shown: escaped, and cut after 80 characters.
fn shown(line: &[u8]) -> String {
    let text = String::from_utf8_lossy(line);
    let mut out: String = text.chars().take(80).flat_map(char::escape_debug).collect();
    if text.chars().nth(80).is_some() {
        out.push('…');
    }
    out
}

enum Line {
    End,
    TooLong,
    Text(Vec<u8>),
}

impl<R: BufRead> Frames<R> {
    /// A reader of `input` within `limits`.
    pub fn new(input: R, limits: Limits) -> Frames<R> {
        Frames {
            input,
            limits,
            place: Place::InStep,
            after_body: false,
        }
    }

    /// The next line, its line break left out; a line longer than the limit is left where it
    /// was cut, and the end of the input inside a line ends it.
    fn line(&mut self) -> io::Result<Line> {
        let mut line = Vec::new();
        let most = self.limits.header_line as u64 + 2;
        (&mut self.input).take(most).read_until(b'\n', &mut line)?;
        if line.last() != Some(&b'\n') {
            return Ok(if line.len() as u64 == most {
                Line::TooLong
            } else {
                Line::End
            });
        }
        line.pop();
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        Ok(if line.len() > self.limits.header_line {
            Line::TooLong
        } else {
            Line::Text(line)
        })
    }

    /// Looks for the next `Content-Length` header; `None` at the end of the input.
    fn find(&mut self, mut scan: Scan) -> io::Result<Option<u64>> {
        loop {
            let buf = self.input.fill_buf()?;
            if buf.is_empty() {
                return Ok(None);
            }
            for (i, &b) in buf.iter().enumerate() {
                if let Some(length) = scan.feed(b) {
                    self.input.consume(i + 1);
                    return Ok(Some(length));
                }
            }
            let n = buf.len();
            self.input.consume(n);
        }
    }

    /// Skips the frame being read: says why, and looks for the next `Content-Length` header
    /// from `rest` (bytes already read) on.
    fn skip(&mut self, why: String, rest: &[u8]) -> Option<Frame> {
        let mut scan = Scan::default();
        self.place = match rest.iter().find_map(|&b| scan.feed(b)) {
            Some(length) => Place::Found(length),
            None => Place::Lost(scan),
        };
        self.after_body = false;
        Some(Frame::Skipped(why))
    }

    /// The next frame; `None` at the end of the input.
    pub fn next_frame(&mut self) -> io::Result<Option<Frame>> {
        let mut length = match std::mem::replace(&mut self.place, Place::InStep) {
            Place::InStep => None,
            Place::Found(n) => Some(n),
            Place::Lost(scan) => match self.find(scan)? {
                Some(n) => Some(n),
                None => return Ok(None),
            },
        };
        // The first problem with the headers; the frame is skipped at their end.
        let mut problem: Option<String> = None;
        let mut seen_header = length.is_some();
        loop {
            let line = match self.line()? {
                Line::End => return Ok(None),
                Line::TooLong => {
                    let why = format!(
                        "skipped a header line over {} bytes",
                        self.limits.header_line
                    );
                    return Ok(self.skip(why, b""));
                }
                Line::Text(line) => line,
            };
            if line.is_empty() {
                if seen_header {
                    break;
                }
                continue;
            }
            seen_header = true;
            let header = header(&line);
            let named_length =
                header.is_some_and(|(name, _)| name.eq_ignore_ascii_case(b"Content-Length"));
            let mut rest = line.clone();
            rest.push(b'\n');
            let mut scan = Scan::default();
            let inside = !named_length && rest.iter().any(|&b| scan.feed(b).is_some());
            if header.is_none() || inside {
                let what = if header.is_none() {
                    "which is not a header line"
                } else {
                    "which holds a Content-Length header after other bytes"
                };
                let mut why = format!(
                    "skipped `{}`, {what}, up to the next Content-Length header",
                    shown(&line)
                );
                if self.after_body {
                    why.push_str(": the message before it was longer than its Content-Length");
                }
                return Ok(self.skip(why, &rest));
            }
            self.after_body = false;
            let Some((_, value)) = header.filter(|_| named_length) else {
                continue;
            };
            let parsed = std::str::from_utf8(value)
                .ok()
                .filter(|v| v.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|v| v.parse::<u64>().ok());
            match (parsed, length) {
                (None, _) => {
                    problem.get_or_insert_with(|| {
                        format!("skipped a frame whose Content-Length is `{}`", shown(value))
                    });
                }
                (Some(n), Some(first)) if n != first => {
                    problem.get_or_insert_with(|| {
                        format!("skipped a frame with two Content-Length headers, {first} and {n}")
                    });
                }
                (Some(n), _) => length = Some(n),
            }
        }
        if let Some(why) = problem {
            return Ok(self.skip(why, b""));
        }
        let Some(length) = length else {
            return Ok(self.skip(
                "skipped a frame without Content-Length, up to the next Content-Length header"
                    .to_string(),
                b"",
            ));
        };
        if length > self.limits.message {
            let why = format!(
                "skipped a message of {length} bytes, over the cap of {} bytes",
                self.limits.message
            );
            return Ok(self.skip(why, b""));
        }
        // Read as it comes rather than allocated up front: the length is the client's word.
        let mut body = Vec::new();
        (&mut self.input).take(length).read_to_end(&mut body)?;
        if (body.len() as u64) < length {
            return Ok(None);
        }
        self.after_body = true;
        Ok(Some(Frame::Body(body)))
    }
}

/// A search for `Content-Length: <digits>` and its line break, a byte at a time, any case,
/// with spaces or tabs around the colon and before the break. `c` begins the pattern and is
/// nowhere else in it, so a byte that breaks a partial match can only begin a new one: no
/// byte before it need be looked at again.
#[derive(Clone, Copy, Default)]
struct Scan {
    state: ScanState,
    length: u64,
}

#[derive(Clone, Copy, Default)]
enum ScanState {
    #[default]
    Start,
    /// This many bytes of `content-length` matched.
    Name(usize),
    BeforeColon,
    AfterColon,
    Digits,
    AfterDigits,
    Return,
}

const NAME: &[u8] = b"content-length";

impl Scan {
    /// The length, once `b` ends a `Content-Length` header line.
    fn feed(&mut self, b: u8) -> Option<u64> {
        use ScanState::*;
        let blank = b == b' ' || b == b'\t';
        self.state = match self.state {
            Name(n) if b.eq_ignore_ascii_case(&NAME[n]) => {
                if n + 1 == NAME.len() {
                    BeforeColon
                } else {
                    Name(n + 1)
                }
            }
            BeforeColon if blank => BeforeColon,
            BeforeColon if b == b':' => {
                self.length = 0;
                AfterColon
            }
            AfterColon if blank => AfterColon,
            AfterColon | Digits if b.is_ascii_digit() => {
                // A length past u64 is over any cap, and skipped as such.
                self.length = self
                    .length
                    .saturating_mul(10)
                    .saturating_add(u64::from(b - b'0'));
                Digits
            }
            Digits | AfterDigits if blank => AfterDigits,
            Digits | AfterDigits if b == b'\r' => Return,
            Digits | AfterDigits | Return if b == b'\n' => {
                self.state = Start;
                return Some(self.length);
            }
            _ if b.eq_ignore_ascii_case(&NAME[0]) => Name(1),
            _ => Start,
        };
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the reader finds in `input` with these limits: bodies as text, skips as `!why`.
    fn frames_with(input: &[u8], limits: Limits) -> Vec<String> {
        let mut frames = Frames::new(input, limits);
        let mut out = Vec::new();
        while let Some(f) = frames.next_frame().unwrap() {
            out.push(match f {
                Frame::Body(b) => String::from_utf8(b).unwrap(),
                Frame::Skipped(why) => format!("!{why}"),
            });
        }
        out
    }

    fn frames(input: &str) -> Vec<String> {
        frames_with(input.as_bytes(), Limits::default())
    }

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    const NEXT: &str = r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#;

    /// The bodies read and how many frames were skipped.
    fn bodies(got: &[String]) -> (Vec<&str>, usize) {
        let skipped = got.iter().filter(|f| f.starts_with('!')).count();
        let bodies = got
            .iter()
            .filter(|f| !f.starts_with('!'))
            .map(String::as_str)
            .collect();
        (bodies, skipped)
    }

    #[test]
    fn frames_are_read_past_a_bad_length() {
        let got = frames(
            "Content-Length: 2\r\n\r\n{}Content-Length: x\r\n\r\nContent-Length: 3\r\nContent-Type: y\r\n\r\nabc",
        );
        assert_eq!(
            got,
            ["{}", "!skipped a frame whose Content-Length is `x`", "abc"]
        );
    }

    #[test]
    fn a_frame_without_content_length_costs_that_frame() {
        let body = r#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover"}"#;
        let input = format!("Content-Type: x\r\n\r\n{body}{}", frame(NEXT));
        let got = frames(&input);
        assert_eq!(bodies(&got), (vec![NEXT], 1), "{got:?}");
        assert!(got[0].contains("without Content-Length"), "{got:?}");
    }

    #[test]
    fn a_nul_inside_the_header_name_costs_that_frame() {
        let body = r#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover"}"#;
        let input = format!(
            "Content-\0Length: {}\r\n\r\n{body}{}",
            body.len(),
            frame(NEXT)
        );
        let got = frames(&input);
        assert_eq!(bodies(&got), (vec![NEXT], 1), "{got:?}");
        assert!(got[0].contains(r"`Content-\0Length: 54`"), "{got:?}");
        assert!(got[0].contains("not a header line"), "{got:?}");
    }

    #[test]
    fn a_content_length_too_short_costs_that_frame() {
        let body = r#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover"}"#;
        let input = format!("Content-Length: 12\r\n\r\n{body}{}", frame(NEXT));
        let got = frames(&input);
        assert_eq!(bodies(&got), (vec![&body[..12], NEXT], 1), "{got:?}");
        assert!(got[1].contains("longer than its Content-Length"), "{got:?}");
        // Cut inside a string holding a colon, the rest reads as a header named `le`.
        let body = r#"{"uri":"file:///x.xml"}"#;
        let input = format!("Content-Length: 10\r\n\r\n{body}{}", frame(NEXT));
        assert_eq!(&body[10..12], "le");
        let got = frames(&input);
        assert_eq!(bodies(&got), (vec![&body[..10], NEXT], 1), "{got:?}");
    }

    #[test]
    fn two_content_lengths_cost_that_frame() {
        let body = r#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover"}"#;
        let n = body.len();
        let input = format!(
            "Content-Length: {n}\r\nContent-Length: {}\r\n\r\n{body}{}",
            n + 40,
            frame(NEXT)
        );
        let got = frames(&input);
        assert_eq!(bodies(&got), (vec![NEXT], 1), "{got:?}");
        assert_eq!(
            got[0],
            format!(
                "!skipped a frame with two Content-Length headers, {n} and {}",
                n + 40
            )
        );
        // The same length twice says the same thing twice.
        let input = format!("Content-Length: {n}\r\ncontent-length: {n}\r\n\r\n{body}");
        assert_eq!(frames(&input), [body]);
    }

    #[test]
    fn a_header_line_over_the_limit_is_skipped() {
        let long = format!("X-Padding: {}\r\n", "a".repeat(MAX_HEADER_LINE));
        let input = format!("Content-Length: 2\r\n{long}\r\n{{}}{}", frame(NEXT));
        let got = frames(&input);
        assert_eq!(bodies(&got), (vec![NEXT], 1), "{got:?}");
        assert_eq!(got[0], "!skipped a header line over 8192 bytes");
        // A line of exactly the limit is read.
        let line = format!("X-Padding: {}", "a".repeat(MAX_HEADER_LINE - 11));
        assert_eq!(line.len(), MAX_HEADER_LINE);
        let input = format!("Content-Length: 2\r\n{line}\r\n\r\n{{}}{}", frame(NEXT));
        assert_eq!(frames(&input), ["{}", NEXT]);
    }

    #[test]
    fn a_message_over_the_cap_is_skipped() {
        let limits = Limits {
            message: 64,
            ..Limits::default()
        };
        let big = format!(
            r#"{{"jsonrpc":"2.0","method":"x","params":"{}"}}"#,
            "a".repeat(64)
        );
        let input = format!("{}{}{}", frame(NEXT), frame(&big), frame(NEXT));
        let got = frames_with(input.as_bytes(), limits);
        assert_eq!(
            got,
            [
                NEXT.to_string(),
                format!(
                    "!skipped a message of {} bytes, over the cap of 64 bytes",
                    big.len()
                ),
                NEXT.to_string()
            ]
        );
        // No body is allocated for a length the input does not hold.
        let got = frames("Content-Length: 18446744073709551615\r\n\r\n{}");
        assert_eq!(bodies(&got), (vec![], 1), "{got:?}");
        let got = frames(&format!(
            "Content-Length: 99999999999999999999999\r\n\r\n{}",
            frame(NEXT)
        ));
        assert_eq!(bodies(&got), (vec![NEXT], 1), "{got:?}");
    }

    #[test]
    fn the_search_finds_a_header_across_reads_in_any_case() {
        // One byte a time: the header is split across every read.
        let input = format!(
            "junk\r\n\r\nxxconTENT-length \t: \t{}\t\r\n\r\n{NEXT}",
            NEXT.len()
        );
        let reader = io::BufReader::with_capacity(1, input.as_bytes());
        let mut frames = Frames::new(reader, Limits::default());
        assert!(matches!(
            frames.next_frame().unwrap(),
            Some(Frame::Skipped(_))
        ));
        assert_eq!(
            frames.next_frame().unwrap(),
            Some(Frame::Body(NEXT.as_bytes().to_vec()))
        );
        assert_eq!(frames.next_frame().unwrap(), None);
        // A name broken by another `c` still begins a match at that `c`.
        let mut scan = Scan::default();
        let found = b"contcontent-length: 7\n"
            .iter()
            .find_map(|&b| scan.feed(b));
        assert_eq!(found, Some(7));
    }

    #[test]
    fn a_cut_body_ends_the_input() {
        assert_eq!(
            frames("Content-Length: 10\r\n\r\nabc"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_malformed_request_is_answered_by_its_id() {
        let Err(malformed) = read_message(br#"{"jsonrpc":"2.0","id":7,"method":3}"#) else {
            panic!("not answered with an error");
        };
        let (Message::Response(r), _) = *malformed else {
            panic!("not answered with a response");
        };
        assert_eq!(r.id, RequestId::from(7));
        assert_eq!(r.error.unwrap().code, ErrorCode::InvalidRequest as i32);
        assert!(matches!(
            read_message(br#"{"jsonrpc":"2.0","id":8,"method":"x","params":{"#),
            Err(m) if matches!(&m.0, Message::Notification(n) if n.method == "window/logMessage")
        ));
        assert!(matches!(
            read_message(br#"{"jsonrpc":"2.0","id":9,"method":"x"}"#),
            Ok((Message::Request(r), None)) if r.method == "x"
        ));
    }

    #[test]
    fn lone_surrogates_are_read_lossily() {
        let body = br#"{"jsonrpc":"2.0","method":"x","params":{"text":"a\ud800b\udc00c\ud83d\ude00\\ud800"}}"#;
        let Ok((Message::Notification(n), Some(_))) = read_message(body) else {
            panic!("not read");
        };
        assert_eq!(n.params["text"], "a\u{FFFD}b\u{FFFD}c\u{1F600}\\ud800");
        let body = b"{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":{\"text\":\"a\xFFb\"}}";
        let Ok((Message::Notification(n), Some(_))) = read_message(body) else {
            panic!("not read");
        };
        assert_eq!(n.params["text"], "a\u{FFFD}b");
        assert_eq!(lossy(br#"{"text":"\ud83d\ude00 \\ud800"}"#), None);
    }
}
