//! The pipeline for one document: bytes → text → XML tree → model → rules → diagnostics.

use crate::decode::{decode, DecodeError, Detection};
use crate::diagnostic::Diagnostic;
use crate::model::Document;
use crate::parse::with_model;
use crate::rules::{doc, Cx, Plan};
use crate::settings::Settings;
use crate::span::Span;
use serde::Serialize;
use std::borrow::Cow;

/// What a file turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileKind {
    WriterMetadata,
    /// Recognised VSS document of another kind; skipped.
    Other,
    /// Could not be decoded, parsed, or has an unknown root.
    Invalid,
}

/// The result of linting one document.
#[derive(Debug)]
pub struct LintedFile {
    /// The name to show (as given on the command line).
    pub path: String,
    /// The decoded text (up to the fault, for an undecodable file); spans index into it.
    pub text: String,
    pub kind: FileKind,
    pub diagnostics: Vec<Diagnostic>,
    /// Findings silenced by inline suppressions.
    pub suppressed: usize,
    /// What checks across documents need, for a writer metadata document.
    pub identity: Option<Identity>,
}

/// A writer metadata document as the checks across documents see it.
#[derive(Debug, Clone)]
pub struct Identity {
    pub writer_id: uuid::Uuid,
    pub instance_name: Option<String>,
    /// (logical path, component name, span of the component element name).
    pub components: Vec<(String, String, Span)>,
}

pub fn lint_bytes(path: &str, bytes: &[u8], settings: &Settings) -> LintedFile {
    let decoded = decode(bytes).map(|d| (d.text.into_owned(), d.encoding, d.detection));
    lint_decoded(path, decoded, settings)
}

/// [`lint_bytes`] for bytes the caller gives up: UTF-8 text becomes the file's text in
/// place, without a copy of the whole document.
pub fn lint_owned(path: &str, bytes: Vec<u8>, settings: &Settings) -> LintedFile {
    let decoded = decode(&bytes).map(|d| {
        let text = match d.text {
            Cow::Owned(text) => Ok(text),
            // Where the text lies in the bytes (after any byte-order mark).
            Cow::Borrowed(text) => {
                let start = text.as_ptr() as usize - bytes.as_ptr() as usize;
                Err(start..start + text.len())
            }
        };
        (text, d.encoding, d.detection)
    });
    let decoded = decoded.map(|(text, encoding, detection)| {
        let text = text.unwrap_or_else(|range| {
            let mut bytes = bytes;
            bytes.truncate(range.end);
            bytes.drain(..range.start);
            // SAFETY: `decode` returned exactly these bytes as a `str`, so they are valid
            // UTF-8; checking them again would cost as much as the first check.
            unsafe { String::from_utf8_unchecked(bytes) }
        });
        (text, encoding, detection)
    });
    lint_decoded(path, decoded, settings)
}

fn lint_decoded(
    path: &str,
    decoded: Result<(String, &'static str, Detection), DecodeError>,
    settings: &Settings,
) -> LintedFile {
    let mut cx = Cx::new(settings);
    let mut suppressed = 0;
    let mut identity = None;
    let (text, kind) = match decoded {
        Err(e) => {
            let at = e.at;
            let label = if at == e.decoded_prefix.len() {
                "cannot be decoded here"
            } else {
                "contradicts the bytes"
            };
            if let Some(d) = cx.report_as(&doc::encoding::RULE, Span::new(at, at), e.message) {
                d.label(label).help(e.help);
            }
            (e.decoded_prefix, FileKind::Invalid)
        }
        Ok((text, encoding, detection)) => {
            if detection == Detection::NulPattern {
                let message = format!(
                    "the file is {encoding} without a byte-order mark (detected from its NUL bytes)"
                );
                if let Some(d) = cx.report_as(&doc::encoding::RULE, Span::new(0, 0), message) {
                    d.severity(crate::diagnostic::Severity::Info)
                        .help("other tools may misread it; save it as UTF-8, or as UTF-16 with a byte-order mark");
                }
            }
            let kind = lint_text(&text, &mut cx, &mut suppressed, &mut identity);
            (text, kind)
        }
    };
    let mut diagnostics = cx.into_diagnostics();
    diagnostics.sort_by(|a, b| {
        (a.span.start, a.span.end, a.rule.code).cmp(&(b.span.start, b.span.end, b.rule.code))
    });
    LintedFile {
        path: path.to_string(),
        text,
        kind,
        diagnostics,
        suppressed,
        identity,
    }
}

fn lint_text(
    text: &str,
    cx: &mut Cx,
    suppressed: &mut usize,
    identity: &mut Option<Identity>,
) -> FileKind {
    with_model(text, |model| {
        let model = match model {
            Ok(m) => m,
            Err(e) => {
                let span = Span::new(e.offset, e.offset);
                if let Some(d) = cx.report_as(&doc::not_well_formed::RULE, span, e.message) {
                    d.help(e.help);
                }
                return FileKind::Invalid;
            }
        };
        lint_model(model, cx, suppressed, identity)
    })
}

fn lint_model(
    model: Document,
    cx: &mut Cx,
    suppressed: &mut usize,
    identity: &mut Option<Identity>,
) -> FileKind {
    match model {
        Document::WriterMetadata(w) => {
            if let Some(wrapper) = w.wrapper {
                if let Some(d) = cx.report_as(
                    &doc::root_element::RULE,
                    wrapper.span,
                    format!(
                        "the writer metadata is wrapped in <{}> with an inline schema",
                        wrapper.name
                    ),
                ) {
                    d.severity(crate::diagnostic::Severity::Info)
                        .label("wrapper element")
                        .help("accepted; the WRITER_METADATA element inside is linted");
                }
            }
            Plan::for_settings(cx.settings).run(cx, &w);
            *identity = identity_of(&w);
            let mut found = cx.take();
            if cx.settings.inline_suppressions {
                *suppressed = crate::suppress::apply(&w.comments, cx, &mut found);
            }
            found.extend(cx.take());
            for d in found {
                cx.push(d);
            }
            FileKind::WriterMetadata
        }
        Document::Other { what, root } => {
            if let Some(d) = cx.report_as(
                &doc::root_element::RULE,
                root.span,
                format!(
                    "not a writer metadata document; skipped: this is {}",
                    what.describe()
                ),
            ) {
                d.severity(crate::diagnostic::Severity::Info)
                    .label("document element");
            }
            FileKind::Other
        }
        Document::UnknownRoot { root, .. } => {
            if let Some(d) = cx.report_as(
                &doc::root_element::RULE,
                root.span,
                format!(
                    "the document element is <{}>, not <WRITER_METADATA>",
                    root.name
                ),
            ) {
                d.label("expected WRITER_METADATA").help(
                    "a writer metadata document's root is <WRITER_METADATA xmlns=\"x-schema:#VssWriterMetadataInfo\" version=\"1.2\">; check that this is the right file",
                );
            }
            FileKind::Invalid
        }
    }
}

fn identity_of(w: &crate::model::WriterMetadata) -> Option<Identity> {
    let id = w.identification()?;
    let writer_id = id.writer_id.as_ref()?.value.uuid()?;
    Some(Identity {
        writer_id,
        instance_name: id.instance_name.as_ref().map(|a| a.raw.to_string()),
        components: w
            .components
            .iter()
            .map(|c| {
                (
                    c.logical_path().to_string(),
                    c.name().to_string(),
                    c.node.span,
                )
            })
            .collect(),
    })
}

/// Whether [`check_across`] may read `f`'s text or add findings to it: when it cannot, a
/// report rendered before the checks across documents is final, and the text may go.
pub fn joins_checks_across(f: &LintedFile) -> bool {
    crate::rules::lp::global_uniqueness::involves(f)
}

/// Checks that need several documents at once, over files linted together. `settings` holds
/// each file's settings, in the same order.
pub fn check_across(files: &mut [LintedFile], settings: &[&Settings]) {
    crate::rules::lp::global_uniqueness::check(files, settings);
    for f in files.iter_mut() {
        f.diagnostics.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule.code).cmp(&(b.span.start, b.span.end, b.rule.code))
        });
    }
}
