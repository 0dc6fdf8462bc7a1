//! `vsslint server`: a Language Server over standard input and output.
//!
//! Synchronous: one thread reads the client's messages and answers each in turn. A document
//! is linted again on every change; the 2 MB System writer document takes milliseconds, so
//! nothing is debounced. Positions are in UTF-16 code units, as the protocol requires; the
//! findings' spans are bytes of the UTF-8 text, converted in one pass over the text.

mod position;

use crate::decode::{decode, DecodedText, Detection};
use crate::diagnostic::{Applicability, Diagnostic};
use crate::engine::Registry;
use crate::fix::{compatible, edits_of};
use crate::flags::{BackupSchema, ComponentFlags, FileSpecBackupType, Mask};
use crate::os::WindowsVersion;
use crate::pipeline::lint_decoded;
use crate::rule_meta::Severity;
use crate::settings::Settings;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use position::Positions;
use serde_json::{json, Value};
use std::collections::HashMap;

/// An open document: the client's text and the findings of its last lint.
struct Open {
    text: String,
    diagnostics: Vec<Diagnostic>,
}

struct Server {
    settings: Settings,
    docs: HashMap<String, Open>,
}

/// Runs the server until the client says `exit`.
pub fn run() -> Result<(), String> {
    let (connection, io) = Connection::stdio();
    let capabilities = json!({
        "positionEncoding": "utf-16",
        "textDocumentSync": { "openClose": true, "change": 1, "save": { "includeText": false } },
        "codeActionProvider": { "codeActionKinds": ["quickfix", "source.fixAll"] },
        "hoverProvider": true,
    });
    let init = connection
        .initialize(capabilities)
        .map_err(|e| e.to_string())?;
    let mut server = Server {
        settings: settings_from(init.get("initializationOptions")),
        docs: HashMap::new(),
    };
    for message in &connection.receiver {
        match message {
            Message::Request(req) => {
                if connection
                    .handle_shutdown(&req)
                    .map_err(|e| e.to_string())?
                {
                    break;
                }
                let response = server.answer(&req);
                let _ = connection.sender.send(Message::Response(response));
            }
            Message::Notification(n) => {
                for out in server.notified(&n) {
                    let _ = connection.sender.send(Message::Notification(out));
                }
            }
            Message::Response(_) => {}
        }
    }
    drop(connection);
    io.join().map_err(|e| e.to_string())
}

/// `{"targetOs": "win10", "express": true}` from the client's initialization options.
fn settings_from(options: Option<&Value>) -> Settings {
    let mut s = Settings::default();
    if let Some(o) = options {
        s.target_os = o
            .get("targetOs")
            .and_then(Value::as_str)
            .and_then(WindowsVersion::from_name);
        s.express = o.get("express").and_then(Value::as_bool).unwrap_or(false);
    }
    s
}

fn uri_of(params: &Value) -> Option<String> {
    params
        .pointer("/textDocument/uri")
        .and_then(Value::as_str)
        .map(str::to_string)
}

/// The file a `file:` URI names, for the encoding rules that read the bytes on disk.
fn path_of(uri: &str) -> Option<std::path::PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    let mut bytes = Vec::with_capacity(rest.len());
    let b = rest.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(v) = u8::from_str_radix(std::str::from_utf8(&b[i + 1..i + 3]).ok()?, 16) {
                bytes.push(v);
                i += 3;
                continue;
            }
        }
        bytes.push(b[i]);
        i += 1;
    }
    let path = String::from_utf8(bytes).ok()?;
    // `file:///C:/x` on Windows.
    let path = match path.as_bytes() {
        [b'/', _, b':', ..] if cfg!(windows) => path[1..].to_string(),
        _ => path,
    };
    Some(path.into())
}

impl Server {
    fn notified(&mut self, n: &Notification) -> Vec<Notification> {
        let p = &n.params;
        let Some(uri) = uri_of(p) else {
            return Vec::new();
        };
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let text = p
                    .pointer("/textDocument/text")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string();
                vec![self.lint(&uri, text)]
            }
            "textDocument/didChange" => {
                // Full synchronisation: the last change holds the whole text.
                let Some(text) = p
                    .get("contentChanges")
                    .and_then(Value::as_array)
                    .and_then(|c| c.last())
                    .and_then(|c| c.get("text"))
                    .and_then(Value::as_str)
                else {
                    return Vec::new();
                };
                vec![self.lint(&uri, text.to_string())]
            }
            "textDocument/didSave" => match self.docs.get(&uri) {
                Some(d) => {
                    let text = d.text.clone();
                    vec![self.lint(&uri, text)]
                }
                None => Vec::new(),
            },
            "textDocument/didClose" => {
                self.docs.remove(&uri);
                vec![publish(&uri, Vec::new())]
            }
            _ => Vec::new(),
        }
    }

    /// Lints the client's text. The client sends text without its encoding: when the file on
    /// disk holds the same text, its bytes are linted (so the encoding rules see them);
    /// otherwise the buffer is linted as the file's encoding (or UTF-8), and the findings
    /// about bytes, which the buffer does not have, are left out.
    fn lint(&mut self, uri: &str, text: String) -> Notification {
        let on_disk = path_of(uri)
            .and_then(|p| std::fs::read(p).ok())
            .and_then(|b| {
                decode(&b)
                    .ok()
                    .map(|d| (d.text.into_owned(), d.encoding, d.detection))
            });
        let name = path_of(uri)
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_else(|| uri.to_string());
        let (encoding, detection, saved) = match &on_disk {
            Some((t, e, d)) => (*e, *d, *t == text),
            None => ("UTF-8", Detection::Default, false),
        };
        let mut file = lint_decoded(
            &name,
            Ok(DecodedText {
                text: text.clone(),
                encoding,
                detection,
            }),
            &self.settings,
            Registry::builtin(),
        );
        if !saved {
            file.diagnostics.retain(|d| d.rule.slug != "doc/encoding");
        }
        let diagnostics = self.to_lsp(&text, &file.diagnostics);
        self.docs.insert(
            uri.to_string(),
            Open {
                text,
                diagnostics: file.diagnostics,
            },
        );
        publish(uri, diagnostics)
    }

    fn to_lsp(&self, text: &str, ds: &[Diagnostic]) -> Vec<Value> {
        let positions = Positions::new(text, ds.iter().flat_map(|d| [d.span.start, d.span.end]));
        ds.iter()
            .map(|d| {
                let mut message = d.message.to_string();
                if let Some(h) = &d.help {
                    message.push_str("\nhelp: ");
                    message.push_str(h);
                }
                json!({
                    "range": positions.range(d.span.start, d.span.end),
                    "severity": match d.severity {
                        Severity::Error => 1,
                        Severity::Warning => 2,
                        Severity::Info => 3,
                    },
                    "code": d.rule.code,
                    "codeDescription": { "href": d.rule.url() },
                    "source": "vsslint",
                    "message": message,
                    "data": { "rule": d.rule.slug },
                })
            })
            .collect()
    }

    fn answer(&mut self, req: &Request) -> Response {
        let result = match req.method.as_str() {
            "textDocument/codeAction" => self.code_actions(&req.params),
            "textDocument/hover" => self.hover(&req.params),
            _ => {
                return Response::new_err(
                    req.id.clone(),
                    ErrorCode::MethodNotFound as i32,
                    format!("vsslint does not answer {}", req.method),
                )
            }
        };
        match result {
            Some(v) => Response::new_ok(req.id.clone(), v),
            None => Response::new_ok(req.id.clone(), Value::Null),
        }
    }

    /// Each fix of a finding in the range as a quick fix, and every safe fix as one
    /// "fix all" source action.
    fn code_actions(&self, p: &Value) -> Option<Value> {
        let uri = uri_of(p)?;
        let doc = self.docs.get(&uri)?;
        let range = p.get("range")?;
        let offsets = Positions::new(&doc.text, std::iter::empty());
        let from = offsets.offset(&doc.text, range.get("start")?)?;
        let to = offsets.offset(&doc.text, range.get("end")?)?;
        let only: Option<Vec<&str>> = p
            .pointer("/context/only")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).collect());
        let wants = |kind: &str| {
            only.as_ref()
                .is_none_or(|o| o.iter().any(|k| kind.starts_with(k)))
        };
        let mut actions = Vec::new();
        if wants("quickfix") {
            for d in &doc.diagnostics {
                let Some(fix) = &d.fix else { continue };
                if d.span.end < from || d.span.start > to {
                    continue;
                }
                let title = format!(
                    "{}{}",
                    d.help.as_deref().unwrap_or("apply the fix"),
                    if fix.applicability == Applicability::Unsafe {
                        " (unsafe)"
                    } else {
                        ""
                    }
                );
                actions.push(json!({
                    "title": title,
                    "kind": "quickfix",
                    "diagnostics": self.to_lsp(&doc.text, std::slice::from_ref(d)),
                    "isPreferred": fix.applicability == Applicability::Safe,
                    "edit": edit(&uri, &doc.text, &[fix]),
                }));
            }
        }
        if wants("source.fixAll") {
            let fixes = compatible(&doc.diagnostics, false);
            if !fixes.is_empty() {
                actions.push(json!({
                    "title": "vsslint: apply every safe fix",
                    "kind": "source.fixAll.vsslint",
                    "edit": edit(&uri, &doc.text, &fixes),
                }));
            }
        }
        Some(Value::Array(actions))
    }

    /// Over a mask attribute, its bits with their API names; over a finding, its rule's page.
    fn hover(&self, p: &Value) -> Option<Value> {
        let uri = uri_of(p)?;
        let doc = self.docs.get(&uri)?;
        let offsets = Positions::new(&doc.text, std::iter::empty());
        let at = offsets.offset(&doc.text, p.get("position")?)?;
        let mut parts = Vec::new();
        if let Some((name, value)) = attribute_at(&doc.text, at) {
            if let Some(about) = describe_attribute(name, value) {
                parts.push(about);
            }
        }
        for d in &doc.diagnostics {
            if d.span.start <= at && at <= d.span.end {
                parts.push(crate::reference::page(d.rule));
            }
        }
        if parts.is_empty() {
            return None;
        }
        Some(json!({ "contents": { "kind": "markdown", "value": parts.join("\n\n---\n\n") } }))
    }
}

fn publish(uri: &str, diagnostics: Vec<Value>) -> Notification {
    Notification::new(
        "textDocument/publishDiagnostics".to_string(),
        json!({ "uri": uri, "diagnostics": diagnostics }),
    )
}

/// A workspace edit of one document that makes the fixes' edits.
fn edit(uri: &str, text: &str, fixes: &[&crate::diagnostic::Fix]) -> Value {
    let edits = edits_of(fixes);
    let positions = Positions::new(text, edits.iter().flat_map(|e| [e.span.start, e.span.end]));
    let edits: Vec<Value> = edits
        .iter()
        .map(|e| json!({ "range": positions.range(e.span.start, e.span.end), "newText": e.replacement }))
        .collect();
    json!({ "changes": { uri: edits } })
}

/// The attribute whose name or value holds byte `at`: its name and value.
fn attribute_at(text: &str, at: usize) -> Option<(&str, &str)> {
    let tag_start = text[..at.min(text.len())].rfind('<')?;
    let tag_end = tag_start
        + text[tag_start..]
            .find('>')
            .unwrap_or(text.len() - tag_start);
    if at > tag_end {
        return None;
    }
    let tag = &text[tag_start..tag_end];
    let mut rest = tag;
    let mut offset = tag_start;
    while let Some(eq) = rest.find("=\"") {
        let name_start = rest[..eq]
            .rfind(|c: char| c.is_whitespace())
            .map_or(0, |i| i + 1);
        let value_start = eq + 2;
        let value_end = value_start + rest[value_start..].find('"')?;
        if (offset + name_start..=offset + value_end).contains(&at) {
            return Some((&rest[name_start..eq], &rest[value_start..value_end]));
        }
        offset += value_end + 1;
        rest = &rest[value_end + 1..];
    }
    None
}

/// What a mask's bits are, by their API names.
fn describe_attribute(name: &str, value: &str) -> Option<String> {
    fn bits<M: Mask>(m: M) -> String {
        let mut lines: Vec<String> = m
            .iter_names()
            .map(|(n, f)| format!("- `{}{n}` (0x{:X})", M::PREFIX, f.bits()))
            .collect();
        let undefined = m.bits() & !M::all().bits();
        if undefined != 0 {
            lines.push(format!("- undefined bits 0x{undefined:X}"));
        }
        if lines.is_empty() {
            "no bit set".to_string()
        } else {
            lines.join("\n")
        }
    }
    let n: u32 = value.trim().parse().ok()?;
    let (what, list) = match name {
        "backupSchema" => (
            "the backup types and restore features the writer supports (`VSS_BACKUP_SCHEMA`)",
            bits(BackupSchema::from_bits_retain(n)),
        ),
        "componentFlags" => (
            "what the component needs of the shadow copy and the requester (`VSS_COMPONENT_FLAGS`)",
            bits(ComponentFlags::from_bits_retain(n)),
        ),
        "filespecBackupType" => (
            "in which backups the file set is backed up, and from where (`VSS_FILE_SPEC_BACKUP_TYPE`)",
            bits(FileSpecBackupType::from_bits_retain(n)),
        ),
        _ => return None,
    };
    Some(format!("**{name}** = {n}: {what}\n\n{list}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_attribute_under_the_cursor() {
        let text = r#"<A backupSchema="3" x="y"/>"#;
        let at = text.find('3').unwrap();
        assert_eq!(attribute_at(text, at), Some(("backupSchema", "3")));
        assert_eq!(attribute_at(text, 5), Some(("backupSchema", "3")));
        assert_eq!(
            attribute_at(text, text.find('y').unwrap()),
            Some(("x", "y"))
        );
        assert_eq!(attribute_at(text, 1), None);
    }

    #[test]
    fn mask_bits_are_named() {
        let s = describe_attribute("backupSchema", "3").unwrap();
        assert!(
            s.contains("VSS_BS_DIFFERENTIAL") && s.contains("VSS_BS_INCREMENTAL"),
            "{s}"
        );
    }

    #[test]
    fn uris_become_paths() {
        assert_eq!(
            path_of("file:///tmp/a%20b.xml"),
            Some(std::path::PathBuf::from("/tmp/a b.xml"))
        );
    }
}
