//! `vsslint server`: a Language Server over standard input and output.
//!
//! Synchronous: one thread reads the client's messages and answers each in turn. A document
//! is linted again on every change; the 2 MB System writer document takes milliseconds, so
//! nothing is debounced. Positions are in UTF-16 code units, as the protocol requires; the
//! findings' spans are bytes of the UTF-8 text, converted in one pass over the text.
//!
//! The settings of a document are resolved as the command line's are (`vsslint_lint::resolve`): the
//! `vsslint.toml` found from its file's folder upward, then the client's initialization
//! options over it, as flags are over the file. A configuration file is read again only when
//! it changed, or when the client saves it or reports it changed.

mod attributes;
mod cursor;
mod position;
mod transport;

pub use transport::{Frame, Frames, Limits, MAX_HEADER_LINE, MAX_MESSAGE};

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeConfiguration, DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument,
    DidOpenTextDocument, DidSaveTextDocument, Exit, Notification as _, PublishDiagnostics,
    ShowMessage,
};
use lsp_types::request::{CodeActionRequest, Completion, HoverRequest, Request as _, Shutdown};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, CodeDescription, CompletionItem, CompletionItemKind,
    CompletionOptions, CompletionParams, CompletionResponse, CompletionTextEdit,
    DiagnosticRelatedInformation, DiagnosticSeverity, DidChangeConfigurationParams,
    DidChangeTextDocumentParams, DidChangeWatchedFilesParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, Documentation, Hover, HoverContents,
    HoverParams, HoverProviderCapability, InitializeParams, InsertTextFormat, Location,
    MarkupContent, MarkupKind, MessageType, NumberOrString, PositionEncodingKind,
    PublishDiagnosticsParams, SaveOptions, ServerCapabilities, ShowMessageParams,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, TextEdit, Uri, WorkspaceEdit,
};
use position::Positions;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use vsslint_lint::config::{ConfigError, FILE_NAMES};
use vsslint_lint::diagnostic::{Applicability, Diagnostic, Fix};
use vsslint_lint::engine::Registry;
use vsslint_lint::fix::{compatible, edits_of};
use vsslint_lint::pipeline::lint_decoded;
use vsslint_lint::resolve::{Given, Problem, Resolver};
use vsslint_lint::rule_meta::Severity;
use vsslint_lint::settings::Settings;
use vsslint_model::decode::{decode, DecodedText, Detection};
use vsslint_model::flags::{BackupSchema, ComponentFlags, FileSpecBackupType, Mask};
use vsslint_model::os::WindowsVersion;
use vsslint_model::vocab::{
    Basis, Spelling, DATA_SOURCE_SPELLINGS, METHOD_SPELLINGS, USAGE_SPELLINGS,
    WRITER_RESTORE_SPELLINGS,
};

/// An open document: the client's text and the findings of its last lint.
struct Open {
    text: String,
    version: i32,
    diagnostics: Vec<Diagnostic>,
}

/// What the client's initialization options set; each one present wins over `vsslint.toml`.
#[derive(Debug, Default, PartialEq)]
struct ClientOptions {
    target_os: Option<WindowsVersion>,
    express: Option<bool>,
}

impl ClientOptions {
    fn given(&self) -> Given<'static> {
        Given {
            target_os: self.target_os,
            express: self.express,
            ..Given::default()
        }
    }
}

struct Server {
    options: ClientOptions,
    /// The configuration files read, each kept until it changes.
    resolver: Resolver,
    snippets: bool,
    docs: HashMap<Uri, Open>,
    /// Configuration errors already shown, so that one is not shown again on every keystroke.
    shown: HashSet<String>,
}

/// Runs the server until the client says `exit`.
pub fn run() -> Result<(), String> {
    let (connection, threads) = transport::stdio();
    let result = serve(&connection);
    drop(connection);
    threads.join()?;
    result
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..Default::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::SOURCE_FIX_ALL,
            ]),
            ..Default::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["\"".into(), "'".into()]),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn serve(connection: &Connection) -> Result<(), String> {
    let capabilities = serde_json::to_value(capabilities()).map_err(|e| e.to_string())?;
    let init = connection
        .initialize(capabilities)
        .map_err(|e| e.to_string())?;
    let (options, problems) = client_options(init.get("initializationOptions"));
    for p in problems {
        let _ = connection
            .sender
            .send(Message::Notification(show(MessageType::WARNING, p)));
    }
    let params: InitializeParams = serde_json::from_value(init).unwrap_or_default();
    let snippets = params
        .capabilities
        .text_document
        .and_then(|t| t.completion?.completion_item?.snippet_support)
        .unwrap_or(false);
    let mut server = Server {
        options,
        resolver: Resolver::watching(),
        snippets,
        docs: HashMap::new(),
        shown: HashSet::new(),
    };
    let mut shutting_down = false;
    for message in &connection.receiver {
        match message {
            Message::Request(req) if shutting_down => {
                // The protocol's answer to any request after `shutdown`.
                eprintln!(
                    "vsslint server: refused request {} ({}) after shutdown",
                    req.id, req.method
                );
                let _ = connection.sender.send(Message::Response(Response::new_err(
                    req.id,
                    ErrorCode::InvalidRequest as i32,
                    format!(
                        "vsslint is shutting down: {} after shutdown; send exit",
                        req.method
                    ),
                )));
            }
            Message::Request(req) if req.method == Shutdown::METHOD => {
                shutting_down = true;
                let _ = connection
                    .sender
                    .send(Message::Response(Response::new_ok(req.id, ())));
            }
            Message::Request(req) => {
                let response = server.answer(&req);
                let _ = connection.sender.send(Message::Response(response));
            }
            Message::Notification(n) if n.method == Exit::METHOD => {
                return if shutting_down {
                    Ok(())
                } else {
                    Err("the client said exit before shutdown".to_string())
                };
            }
            // Nothing is published once the client has asked the server to stop.
            Message::Notification(_) if shutting_down => {}
            Message::Notification(n) => {
                for out in server.notified(n) {
                    let _ = connection.sender.send(Message::Notification(out));
                }
            }
            Message::Response(_) => {}
        }
    }
    if shutting_down {
        Ok(())
    } else {
        Err("the client closed the connection without shutdown".to_string())
    }
}

/// `{"targetOs": "win10", "express": true}` from the client's initialization options, and
/// what in them cannot be used.
fn client_options(options: Option<&Value>) -> (ClientOptions, Vec<String>) {
    let mut o = ClientOptions::default();
    let mut problems = Vec::new();
    let Some(v) = options.filter(|v| !v.is_null()) else {
        return (o, problems);
    };
    match v.get("targetOs") {
        None | Some(Value::Null) => {}
        Some(Value::String(name)) => match WindowsVersion::from_name(name) {
            Some(t) => o.target_os = Some(t),
            None => problems.push(format!(
                "vsslint: unknown targetOs `{name}` in the initialization options; known: {}",
                WindowsVersion::all_names()
            )),
        },
        Some(other) => problems.push(format!(
            "vsslint: targetOs in the initialization options must be a name, not {other}"
        )),
    }
    match v.get("express") {
        None | Some(Value::Null) => {}
        Some(Value::Bool(b)) => o.express = Some(*b),
        Some(other) => problems.push(format!(
            "vsslint: express in the initialization options must be true or false, not {other}"
        )),
    }
    (o, problems)
}

fn show(typ: MessageType, message: String) -> Notification {
    Notification::new(
        ShowMessage::METHOD.to_string(),
        ShowMessageParams { typ, message },
    )
}

/// The parameters of a request or notification, or why they cannot be read.
fn params<P: DeserializeOwned>(params: &Value) -> Result<P, String> {
    P::deserialize(params).map_err(|e| e.to_string())
}

/// The file a `file:` URI names, for the configuration and the encoding rules, which read
/// the disk. A URI with a host (`file://server/share/x.xml`) names a file on a network share:
/// `\\server\share\x.xml` on Windows, `//server/share/x.xml` elsewhere, never a path
/// relative to the server's folder.
fn path_of(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let host = percent_decoded(host)?;
    let path = percent_decoded(path)?;
    if !host.is_empty() && !host.eq_ignore_ascii_case("localhost") {
        return Some(if cfg!(windows) {
            format!(r"\\{host}{}", path.replace('/', "\\")).into()
        } else {
            format!("//{host}{path}").into()
        });
    }
    // `file:///C:/x` on Windows.
    let path = match path.as_bytes() {
        [b'/', _, b':', ..] if cfg!(windows) => path[1..].to_string(),
        _ => path,
    };
    Some(path.into())
}

/// The configuration file a `file:` URI names, if it names one.
fn config_path(uri: &Uri) -> Option<PathBuf> {
    path_of(uri).filter(|p| {
        p.file_name()
            .is_some_and(|n| FILE_NAMES.iter().any(|name| n == *name))
    })
}

/// `text` with its `%XX` escapes decoded, when the result is UTF-8.
fn percent_decoded(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let mut bytes = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Some(v) = std::str::from_utf8(&b[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                bytes.push(v);
                i += 3;
                continue;
            }
        }
        bytes.push(b[i]);
        i += 1;
    }
    String::from_utf8(bytes).ok()
}

/// A configuration error as one plain line for the editor's message popup, which shows text
/// as it is: the file, line and column, what is wrong and the help, without miette's
/// drawing of the file.
fn plain_config_error(e: &ConfigError) -> String {
    use miette::Diagnostic as _;
    let place = e
        .span
        .as_ref()
        .and_then(|r| {
            let at = e
                .source_code()?
                .read_span(&(r.start, 0).into(), 0, 0)
                .ok()?;
            Some(format!(":{}:{}", at.line() + 1, at.column() + 1))
        })
        .unwrap_or_default();
    let mut message = format!(
        "vsslint: the configuration is not used: {}{place}: {}",
        e.path.display(),
        e.message
    );
    if let Some(help) = &e.help {
        message.push_str("; ");
        message.push_str(help);
    }
    message
}

impl Server {
    fn notified(&mut self, n: Notification) -> Vec<Notification> {
        let mut out = Vec::new();
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(p) = params::<DidOpenTextDocumentParams>(&n.params) {
                    let d = p.text_document;
                    self.lint(d.uri, d.text, d.version, &mut out);
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(p) = params::<DidChangeTextDocumentParams>(&n.params) {
                    // Full synchronisation: the last change holds the whole text.
                    if let Some(change) = p.content_changes.into_iter().last() {
                        let d = p.text_document;
                        self.lint(d.uri, change.text, d.version, &mut out);
                    }
                }
            }
            DidSaveTextDocument::METHOD => {
                if let Ok(p) = params::<DidSaveTextDocumentParams>(&n.params) {
                    let uri = p.text_document.uri;
                    let config = config_path(&uri);
                    // A saved configuration may change the findings of every open document;
                    // a saved document, its encoding findings.
                    let again: Vec<Uri> = if let Some(config) = config {
                        self.resolver.forget(&config);
                        self.shown.clear();
                        self.docs.keys().cloned().collect()
                    } else {
                        self.docs
                            .contains_key(&uri)
                            .then_some(uri)
                            .into_iter()
                            .collect()
                    };
                    for uri in again {
                        let doc = self.docs.remove(&uri).expect("open");
                        self.lint(uri, doc.text, doc.version, &mut out);
                    }
                }
            }
            DidChangeConfiguration::METHOD => {
                if let Ok(p) = params::<DidChangeConfigurationParams>(&n.params) {
                    // Clients send their whole settings object, or vsslint's section of it.
                    let section = p.settings.get("vsslint").unwrap_or(&p.settings);
                    let (options, problems) = client_options(Some(section));
                    for problem in problems {
                        out.push(show(MessageType::WARNING, problem));
                    }
                    if options != self.options {
                        self.options = options;
                        self.shown.clear();
                        self.lint_open(&mut out);
                    }
                }
            }
            // vsslint registers no watcher; a client that watches files of its own accord
            // (an extension's file watcher) reports them here. A change of a configuration
            // file may change the findings of every open document.
            DidChangeWatchedFiles::METHOD => {
                if let Ok(p) = params::<DidChangeWatchedFilesParams>(&n.params) {
                    let configs: Vec<PathBuf> = p
                        .changes
                        .iter()
                        .filter_map(|c| config_path(&c.uri))
                        .collect();
                    if !configs.is_empty() {
                        for config in &configs {
                            self.resolver.forget(config);
                        }
                        self.shown.clear();
                        self.lint_open(&mut out);
                    }
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(p) = params::<DidCloseTextDocumentParams>(&n.params) {
                    let uri = p.text_document.uri;
                    self.docs.remove(&uri);
                    out.push(publish(uri, Vec::new(), None));
                }
            }
            _ => {}
        }
        out
    }

    /// Lints every open document again.
    fn lint_open(&mut self, out: &mut Vec<Notification>) {
        let open: Vec<Uri> = self.docs.keys().cloned().collect();
        for uri in open {
            let doc = self.docs.remove(&uri).expect("open");
            self.lint(uri, doc.text, doc.version, out);
        }
    }

    /// The settings of the document at `path`: its configuration file's, then the client's
    /// options over them; a configuration file that cannot be used is shown once and left out.
    fn settings_for(&mut self, path: Option<&Path>, out: &mut Vec<Notification>) -> Settings {
        let given = self.options.given();
        let resolved = match path {
            Some(path) => self.resolver.settings_for(path, &given),
            None => given.over(Settings::default()).map_err(Problem::from),
        };
        match resolved {
            Ok(s) => s,
            Err(problem) => {
                if let Problem::Config(e) = problem {
                    let message = plain_config_error(&e);
                    if self.shown.insert(message.clone()) {
                        out.push(show(MessageType::ERROR, message));
                    }
                }
                // The client selects no rule, so only the configuration can be the problem.
                given.over(Settings::default()).unwrap_or_default()
            }
        }
    }

    /// Lints the client's text. The client sends text without its encoding: when the file on
    /// disk holds the same text, its bytes are linted (so the encoding rules see them);
    /// otherwise the buffer is linted as the file's encoding (or UTF-8), and the findings
    /// about bytes, which the buffer does not have, are left out.
    fn lint(&mut self, uri: Uri, text: String, version: i32, out: &mut Vec<Notification>) {
        let path = path_of(&uri);
        let settings = self.settings_for(path.as_deref(), out);
        let on_disk = path
            .as_ref()
            .and_then(|p| std::fs::read(p).ok())
            .and_then(|b| {
                decode(&b)
                    .ok()
                    .map(|d| (d.text == text, d.encoding, d.detection))
            });
        let name = path
            .as_ref()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_else(|| uri.as_str().to_string());
        let (saved, encoding, detection) = on_disk.unwrap_or((false, "UTF-8", Detection::Default));
        let mut file = lint_decoded(
            &name,
            Ok(DecodedText {
                text,
                encoding,
                detection,
            }),
            &settings,
            Registry::builtin(),
        );
        if !saved {
            file.diagnostics.retain(|d| d.rule.slug != "doc/encoding");
        }
        // What the command line lists: a configured `min-severity` leaves out lower findings
        // (a document's are otherwise all listed).
        let (min, _) = settings.listed_from(false);
        file.diagnostics.retain(|d| d.severity >= min);
        let text = file.text.to_string();
        let diagnostics = to_lsp(&uri, &text, &file.diagnostics);
        out.push(publish(uri.clone(), diagnostics, Some(version)));
        self.docs.insert(
            uri,
            Open {
                text,
                version,
                diagnostics: file.diagnostics,
            },
        );
    }

    fn answer(&mut self, req: &Request) -> Response {
        fn respond<P: DeserializeOwned, R: serde::Serialize>(
            req: &Request,
            f: impl FnOnce(P) -> R,
        ) -> Response {
            match params::<P>(&req.params) {
                Ok(p) => Response::new_ok(req.id.clone(), f(p)),
                Err(e) => Response::new_err(
                    req.id.clone(),
                    ErrorCode::InvalidParams as i32,
                    format!("{}: {e}", req.method),
                ),
            }
        }
        match req.method.as_str() {
            CodeActionRequest::METHOD => respond(req, |p| self.code_actions(p)),
            HoverRequest::METHOD => respond(req, |p| self.hover(p)),
            Completion::METHOD => respond(req, |p| self.complete(p)),
            _ => Response::new_err(
                req.id.clone(),
                ErrorCode::MethodNotFound as i32,
                format!("vsslint does not answer {}", req.method),
            ),
        }
    }

    /// Each fix of a finding in the range as a quick fix, and every safe fix as one
    /// "fix all" source action.
    fn code_actions(&self, p: CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = p.text_document.uri;
        let Some(doc) = self.docs.get(&uri) else {
            return Vec::new();
        };
        let from = position::offset(&doc.text, p.range.start);
        let to = position::offset(&doc.text, p.range.end);
        let wants = |kind: &CodeActionKind| {
            p.context
                .only
                .as_ref()
                .is_none_or(|only| only.iter().any(|k| kind.as_str().starts_with(k.as_str())))
        };
        let mut actions = Vec::new();
        if wants(&CodeActionKind::QUICKFIX) {
            for d in &doc.diagnostics {
                let Some(fix) = &d.fix else { continue };
                if d.span.end < from || d.span.start > to {
                    continue;
                }
                let safe = fix.applicability == Applicability::Safe;
                let title = format!(
                    "{}{}",
                    d.help.as_deref().unwrap_or("apply the fix"),
                    if safe { "" } else { " (unsafe)" }
                );
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(to_lsp(&uri, &doc.text, std::slice::from_ref(d))),
                    is_preferred: Some(safe),
                    edit: Some(edit(&uri, &doc.text, &[fix])),
                    ..Default::default()
                }));
            }
        }
        let fix_all = CodeActionKind::from("source.fixAll.vsslint".to_string());
        if wants(&fix_all) {
            let fixes = compatible(&doc.diagnostics, false);
            if !fixes.is_empty() {
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: "vsslint: apply every safe fix".to_string(),
                    kind: Some(fix_all),
                    edit: Some(edit(&uri, &doc.text, &fixes)),
                    ..Default::default()
                }));
            }
        }
        actions
    }

    /// Over an attribute, what it means (and for a mask, its bits by their API names); over a
    /// finding, its rule's page.
    fn hover(&self, p: HoverParams) -> Option<Hover> {
        let at = p.text_document_position_params;
        let doc = self.docs.get(&at.text_document.uri)?;
        let offset = position::offset(&doc.text, at.position);
        let mut parts = Vec::new();
        if let Some(c) = cursor::at(&doc.text, offset) {
            let attribute = match c.place {
                cursor::Place::Value { attribute } => c.attributes.get(attribute),
                cursor::Place::Name(r) => c.attributes.iter().find(|a| a.name == r),
            };
            if let Some(a) = attribute {
                let name = &doc.text[a.name.clone()];
                let value = a.value.clone().map(|v| &doc.text[v]);
                if let Some(about) = describe_attribute(c.element, name, value) {
                    parts.push(about);
                }
            }
        }
        for d in &doc.diagnostics {
            if d.span.start <= offset && offset <= d.span.end {
                parts.push(vsslint_lint::reference::page(d.rule));
            }
        }
        if parts.is_empty() {
            return None;
        }
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: parts.join("\n\n---\n\n"),
            }),
            range: None,
        })
    }

    /// Attribute names the element has and the tag lacks; the values of an enumerated or
    /// yes/no attribute.
    fn complete(&self, p: CompletionParams) -> Option<CompletionResponse> {
        let at = p.text_document_position;
        let doc = self.docs.get(&at.text_document.uri)?;
        let text = &doc.text;
        let c = cursor::at(text, position::offset(text, at.position))?;
        let mut items = Vec::new();
        match &c.place {
            cursor::Place::Name(typed) => {
                let editing = c.attributes.iter().find(|a| &a.name == typed);
                let present: HashSet<&str> = c
                    .attribute_names(text)
                    .filter(|n| editing.is_none_or(|e| &text[e.name.clone()] != *n))
                    .collect();
                let range =
                    Positions::new(text, [typed.start, typed.end]).range(typed.start, typed.end);
                let with_value = editing.is_some_and(|e| e.value.is_some());
                for name in vsslint_model::parse::attributes_of(c.element)? {
                    if present.contains(name) {
                        continue;
                    }
                    let about = attributes::about_attribute(c.element, name);
                    let (new_text, format) = if self.snippets && !with_value {
                        (format!("{name}=\"$1\""), InsertTextFormat::SNIPPET)
                    } else {
                        (name.to_string(), InsertTextFormat::PLAIN_TEXT)
                    };
                    items.push(CompletionItem {
                        label: name.to_string(),
                        kind: Some(CompletionItemKind::PROPERTY),
                        detail: about.as_ref().map(|a| a.api.to_string()),
                        documentation: about.map(|a| markdown(a.meaning.to_string())),
                        insert_text_format: Some(format),
                        text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(range, new_text))),
                        ..Default::default()
                    });
                }
            }
            cursor::Place::Value { attribute } => {
                let a = &c.attributes[*attribute];
                let name = &text[a.name.clone()];
                let value = a.value.clone()?;
                let range =
                    Positions::new(text, [value.start, value.end]).range(value.start, value.end);
                let mut add = |label: &str, detail: &str, doc: &str, rank: u8| {
                    items.push(CompletionItem {
                        label: label.to_string(),
                        kind: Some(CompletionItemKind::ENUM_MEMBER),
                        detail: Some(detail.to_string()),
                        documentation: Some(markdown(doc.to_string())),
                        sort_text: Some(format!("{rank}{label}")),
                        text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                            range,
                            label.to_string(),
                        ))),
                        ..Default::default()
                    });
                };
                if attributes::is_boolean(name) {
                    add("yes", "true", "", 0);
                    add("no", "false", "", 0);
                } else {
                    let spellings: Vec<(&str, &str, Basis)> = match name {
                        "usage" => spellings(USAGE_SPELLINGS),
                        "dataSource" => spellings(DATA_SOURCE_SPELLINGS),
                        "method" => spellings(METHOD_SPELLINGS),
                        "writerRestore" => spellings(WRITER_RESTORE_SPELLINGS),
                        _ => return None,
                    };
                    for (xml, constant, basis) in spellings {
                        let (doc, rank) = match basis {
                            Basis::Confirmed => ("Seen in documents Windows writes.", 0),
                            Basis::Inferred => (
                                "Inferred from the API name: no public document shows this \
                                 spelling.",
                                1,
                            ),
                        };
                        add(xml, constant, doc, rank);
                    }
                }
            }
        }
        Some(CompletionResponse::Array(items))
    }
}

/// The spellings of an enumeration a writer may mean: not the `UNDEFINED` ones, which stand
/// for a writer error.
fn spellings<T>(table: &[Spelling<T>]) -> Vec<(&'static str, &'static str, Basis)> {
    table
        .iter()
        .filter(|s| !s.constant.ends_with("_UNDEFINED"))
        .map(|s| (s.xml, s.constant, s.basis))
        .collect()
}

fn markdown(value: String) -> Documentation {
    Documentation::MarkupContent(MarkupContent {
        kind: MarkupKind::Markdown,
        value,
    })
}

fn to_lsp(uri: &Uri, text: &str, ds: &[Diagnostic]) -> Vec<lsp_types::Diagnostic> {
    let positions = Positions::new(
        text,
        ds.iter().flat_map(|d| {
            [d.span.start, d.span.end].into_iter().chain(
                d.related
                    .iter()
                    .filter(|r| r.elsewhere.is_none())
                    .flat_map(|r| [r.span.start, r.span.end]),
            )
        }),
    );
    ds.iter()
        .map(|d| {
            let mut message = d.message.to_string();
            if let Some(h) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(h);
            }
            let related: Vec<DiagnosticRelatedInformation> = d
                .related
                .iter()
                .filter(|r| r.elsewhere.is_none())
                .map(|r| DiagnosticRelatedInformation {
                    location: Location::new(uri.clone(), positions.range(r.span.start, r.span.end)),
                    message: r.message.clone(),
                })
                .collect();
            lsp_types::Diagnostic {
                range: positions.range(d.span.start, d.span.end),
                severity: Some(match d.severity {
                    Severity::Error => DiagnosticSeverity::ERROR,
                    Severity::Warning => DiagnosticSeverity::WARNING,
                    Severity::Info => DiagnosticSeverity::INFORMATION,
                }),
                code: Some(NumberOrString::String(d.rule.code.to_string())),
                code_description: d
                    .rule
                    .url()
                    .parse()
                    .ok()
                    .map(|href| CodeDescription { href }),
                source: Some("vsslint".to_string()),
                message,
                related_information: (!related.is_empty()).then_some(related),
                data: Some(serde_json::json!({ "rule": d.rule.slug })),
                ..Default::default()
            }
        })
        .collect()
}

fn publish(
    uri: Uri,
    diagnostics: Vec<lsp_types::Diagnostic>,
    version: Option<i32>,
) -> Notification {
    Notification::new(
        PublishDiagnostics::METHOD.to_string(),
        PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        },
    )
}

/// A workspace edit of one document that makes the fixes' edits.
fn edit(uri: &Uri, text: &str, fixes: &[&Fix]) -> WorkspaceEdit {
    let edits = edits_of(fixes);
    let positions = Positions::new(text, edits.iter().flat_map(|e| [e.span.start, e.span.end]));
    let edits = edits
        .iter()
        .map(|e| {
            TextEdit::new(
                positions.range(e.span.start, e.span.end),
                e.replacement.to_string(),
            )
        })
        .collect();
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..Default::default()
    }
}

/// What an attribute means and which call writes it; for a mask, the bits its value sets by
/// their API names.
fn describe_attribute(element: &str, name: &str, value: Option<&str>) -> Option<String> {
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
    let about = attributes::about_attribute(element, name)?;
    let mut out = format!(
        "**{name}** ({element}): {}\n\nWritten by {}.",
        about.meaning, about.api
    );
    let mask = value.and_then(|v| {
        let n: u32 = v.trim().parse().ok()?;
        let list = match name {
            "backupSchema" => bits(BackupSchema::from_bits_retain(n)),
            "componentFlags" => bits(ComponentFlags::from_bits_retain(n)),
            "filespecBackupType" => bits(FileSpecBackupType::from_bits_retain(n)),
            _ => return None,
        };
        Some(format!("\n\n`{n}` sets:\n\n{list}"))
    });
    out.push_str(mask.as_deref().unwrap_or_default());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn mask_bits_are_named() {
        let s = describe_attribute("WRITER_METADATA", "backupSchema", Some("3")).unwrap();
        assert!(
            s.contains("VSS_BS_DIFFERENTIAL") && s.contains("VSS_BS_INCREMENTAL"),
            "{s}"
        );
        let s = describe_attribute("FILE_GROUP", "componentFlags", Some("12")).unwrap();
        assert!(s.contains("undefined bits 0x8"), "{s}");
        let s = describe_attribute("IDENTIFICATION", "usage", Some("USER_DATA")).unwrap();
        assert!(s.contains("CVssWriter::Initialize"), "{s}");
    }

    #[test]
    fn uris_become_paths() {
        assert_eq!(
            path_of(&"file:///tmp/a%20b.xml".parse().unwrap()),
            Some(PathBuf::from("/tmp/a b.xml"))
        );
        assert_eq!(path_of(&"untitled:Untitled-1".parse().unwrap()), None);
        assert_eq!(
            path_of(&"file://localhost/tmp/x.xml".parse().unwrap()),
            Some(PathBuf::from("/tmp/x.xml"))
        );
    }

    /// A host names a network share: the path keeps it, and is never relative.
    #[test]
    fn a_uri_with_a_host_keeps_it() {
        let path = path_of(&"file://server/share/a%20b.xml".parse().unwrap()).unwrap();
        if cfg!(windows) {
            assert_eq!(path, PathBuf::from(r"\\server\share\a b.xml"));
        } else {
            assert_eq!(path, PathBuf::from("//server/share/a b.xml"));
        }
        assert!(path.has_root(), "{}", path.display());
    }

    #[test]
    fn initialization_options() {
        let (o, problems) = client_options(Some(&json!({ "targetOs": "win10", "express": false })));
        assert_eq!(o.target_os, WindowsVersion::from_name("win10"));
        assert_eq!(o.express, Some(false));
        assert!(problems.is_empty());
        let (o, problems) = client_options(Some(&json!({ "targetOs": "win99", "express": 1 })));
        assert_eq!(o, ClientOptions::default());
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(client_options(None).0, ClientOptions::default());
    }
}
