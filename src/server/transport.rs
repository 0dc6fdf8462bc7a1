//! LSP's framing over standard input and output, forgiving of what the client sends.
//!
//! `lsp_server::Connection::stdio` ends its reader thread, and so the server, on the first
//! message whose body is not JSON-RPC. Here a frame that cannot be read is answered (an error
//! response when the request's id can be found, a log message otherwise) and skipped; the
//! messages after it are read as usual. The rest of `lsp_server` (its `Message`s, the
//! initialize and shutdown handshakes) works over these channels unchanged.

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
/// server has gone.
fn read_loop(mut input: impl BufRead, incoming: &Sender<Message>, replies: &Sender<Message>) {
    loop {
        let body = match read_frame(&mut input) {
            Ok(None) => return,
            Ok(Some(Ok(body))) => body,
            Ok(Some(Err(why))) => {
                let _ = replies.send(log_message(&why));
                continue;
            }
            Err(_) => return,
        };
        match read_message(&body) {
            Ok(message) => {
                let exit = matches!(&message, Message::Notification(n) if n.method == Exit::METHOD);
                if incoming.send(message).is_err() || exit {
                    return;
                }
            }
            Err(reply) => {
                let _ = replies.send(reply);
            }
        }
    }
}

/// The message a frame's body holds, or the reply to a body that holds none. A request
/// whose method is not a string reads as a response (whose fields are all optional but its
/// id): the server sends no requests, so that is a malformed request.
fn read_message(body: &[u8]) -> Result<Message, Message> {
    match serde_json::from_slice::<Message>(body) {
        Ok(Message::Response(_)) if has_method(body) => {
            Err(reply_to_malformed(body, "a method that is not a string"))
        }
        Ok(message) => Ok(message),
        Err(e) => Err(reply_to_malformed(body, &e.to_string())),
    }
}

fn has_method(body: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(body).is_ok_and(|v| v.get("method").is_some())
}

/// The answer to a body that is not a JSON-RPC message: an `InvalidRequest` error to a
/// request whose id can be read, so its client does not wait for an answer; a log message
/// otherwise, since a response needs an id.
fn reply_to_malformed(body: &[u8], e: &str) -> Message {
    let id = serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .and_then(|v| match v.get("id")? {
            serde_json::Value::Number(n) => Some(RequestId::from(i32::try_from(n.as_i64()?).ok()?)),
            serde_json::Value::String(s) => Some(RequestId::from(s.clone())),
            _ => None,
        });
    match id {
        Some(id) => Message::Response(Response::new_err(
            id,
            ErrorCode::InvalidRequest as i32,
            format!("not a JSON-RPC request: {e}"),
        )),
        None => log_message(&format!("ignored a message that is not JSON-RPC: {e}")),
    }
}

fn log_message(message: &str) -> Message {
    Message::Notification(Notification::new(
        "window/logMessage".to_string(),
        serde_json::json!({ "type": 2, "message": format!("vsslint: {message}") }),
    ))
}

/// The next frame's body; `Err` inside for a frame whose headers cannot be used (its body, if
/// any, cannot be found either, so the lines up to the next blank one are its headers);
/// `None` at the end of the input.
fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Result<Vec<u8>, String>>> {
    let mut length: Option<Result<u64, String>> = None;
    let mut seen_header = false;
    let mut line = Vec::new();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            return Ok(None);
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if seen_header {
                break;
            }
            continue;
        }
        seen_header = true;
        if let Some((name, value)) = text.split_once(':') {
            if name.trim().eq_ignore_ascii_case("Content-Length") {
                length = Some(
                    value
                        .trim()
                        .parse()
                        .map_err(|_| format!("bad Content-Length `{}`", value.trim())),
                );
            }
        }
    }
    let length = match length {
        Some(Ok(n)) => n,
        Some(Err(why)) => return Ok(Some(Err(why))),
        None => return Ok(Some(Err("a message without Content-Length".to_string()))),
    };
    // Read as it comes rather than allocated up front: the length is the client's word.
    let mut body = Vec::new();
    input.take(length).read_to_end(&mut body)?;
    if (body.len() as u64) < length {
        return Ok(None);
    }
    Ok(Some(Ok(body)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &str) -> Vec<Result<String, String>> {
        let mut r = input.as_bytes();
        let mut out = Vec::new();
        while let Some(f) = read_frame(&mut r).unwrap() {
            out.push(f.map(|b| String::from_utf8(b).unwrap()));
        }
        out
    }

    #[test]
    fn frames_are_read_past_a_bad_one() {
        let got = frames(
            "Content-Length: 2\r\n\r\n{}Content-Length: x\r\n\r\nContent-Length: 3\r\nContent-Type: y\r\n\r\nabc",
        );
        assert_eq!(
            got,
            vec![
                Ok("{}".to_string()),
                Err("bad Content-Length `x`".to_string()),
                Ok("abc".to_string())
            ]
        );
    }

    #[test]
    fn a_cut_body_ends_the_input() {
        assert_eq!(frames("Content-Length: 10\r\n\r\nabc"), vec![]);
    }

    #[test]
    fn a_malformed_request_is_answered_by_its_id() {
        let Err(Message::Response(r)) = read_message(br#"{"jsonrpc":"2.0","id":7,"method":3}"#)
        else {
            panic!("not answered with an error");
        };
        assert_eq!(r.id, RequestId::from(7));
        assert_eq!(r.error.unwrap().code, ErrorCode::InvalidRequest as i32);
        assert!(matches!(
            read_message(br#"{"jsonrpc":"2.0","id":8,"method":"x","params":{"#),
            Err(Message::Notification(n)) if n.method == "window/logMessage"
        ));
        assert!(matches!(
            read_message(br#"{"jsonrpc":"2.0","id":9,"method":"x"}"#),
            Ok(Message::Request(r)) if r.method == "x"
        ));
    }
}
