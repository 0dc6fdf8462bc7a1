//! The pipeline for one document: bytes → text → XML tree → model → engine → suppressions
//! → diagnostics; and, over documents linted together, the checks across them.

use crate::diagnostic::{Diagnostic, Findings};
use crate::engine::{self, across, report_stage, suppress, Plan, Registry, Stage};
use crate::rule_meta::Severity;
use crate::settings::Settings;
use rayon::prelude::*;
use serde::Serialize;
use std::sync::Arc;
use vsslint_container::{vshadow, Origin};
use vsslint_model::decode::{decode, decode_owned, DecodeError, DecodedText, Detection};
use vsslint_model::model::{DocKind, Document, Identity};
use vsslint_model::parse::kept::{with_model_kept, Kept};
use vsslint_model::parse::{parse_in, with_model_in, Parsed, SyntaxError};
use vsslint_model::span::Span;

/// What a file turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileKind {
    /// A writer metadata document: linted with the rules.
    WriterMetadata,
    /// A backup components document: checked with the rest of its backup.
    BackupComponents,
    /// DiskShadow's manifest: checked with the rest of its backup.
    Manifest,
    /// Could not be decoded, parsed, or has a root meant as a VSS one but unknown.
    Invalid,
    /// Well-formed XML of another kind (a build file, a configuration): not linted.
    Skipped,
}

impl FileKind {
    /// The kind of a document that was read.
    pub fn of(kind: DocKind) -> FileKind {
        match kind {
            DocKind::WriterMetadata => FileKind::WriterMetadata,
            DocKind::BackupComponents => FileKind::BackupComponents,
            DocKind::Manifest => FileKind::Manifest,
        }
    }

    /// The kind of document this file was read as; `None` for one that was not read as a document.
    pub fn doc_kind(self) -> Option<DocKind> {
        match self {
            FileKind::WriterMetadata => Some(DocKind::WriterMetadata),
            FileKind::BackupComponents => Some(DocKind::BackupComponents),
            FileKind::Manifest => Some(DocKind::Manifest),
            FileKind::Invalid | FileKind::Skipped => None,
        }
    }
}

/// The result of linting one document.
#[derive(Debug)]
pub struct LintedFile {
    /// The name to show (as given on the command line).
    pub path: String,
    /// The decoded text (up to the fault, for an undecodable file); spans index into it.
    /// Shared by the writers of one `vshadow` transcript, whose text is the whole transcript.
    /// An `Arc<String>` rather than an `Arc<str>`: the decoded string moves in as it is,
    /// where an `Arc<str>` is a copy (2.1 MB for the System writer document, 0.19 ms before
    /// its parse could start, probe build).
    pub text: Arc<String>,
    /// What the file turned out to be.
    pub kind: FileKind,
    /// The findings, in the order of their place in [`text`](Self::text).
    pub diagnostics: Vec<Diagnostic>,
    /// Findings silenced by inline suppressions.
    pub suppressed: usize,
    /// Warnings and infos left out of the lists by `--quiet`: still counted in summaries and
    /// by `--max-warnings`.
    pub hidden: Hidden,
    /// What checks across documents need, for a writer metadata document.
    pub identity: Option<Identity>,
    /// The backup the file belongs to (its cabinet, or the folder of its backup set), when
    /// it was linted as part of one.
    pub set: Option<String>,
    /// A file of its own, a cabinet's entry or a transcript's frame.
    pub origin: Origin,
    /// A large document's parse, kept for the checks across documents (`parse::Kept`).
    pub(crate) kept: Option<Kept>,
}

/// A copy without the kept parse, which is the original's alone.
impl Clone for LintedFile {
    fn clone(&self) -> Self {
        LintedFile {
            path: self.path.clone(),
            text: Arc::clone(&self.text),
            kind: self.kind,
            diagnostics: self.diagnostics.clone(),
            suppressed: self.suppressed,
            hidden: self.hidden,
            identity: self.identity.clone(),
            set: self.set.clone(),
            origin: self.origin,
            kept: None,
        }
    }
}

/// Lints one document with the built-in rules.
pub fn lint_bytes(path: &str, bytes: &[u8], settings: &Settings) -> LintedFile {
    let decoded = decode(bytes).map(|d| DecodedText {
        text: d.text.into_owned(),
        encoding: d.encoding,
        detection: d.detection,
    });
    lint_decoded(path, decoded, settings, Registry::builtin())
}

/// [`lint_bytes`] for bytes the caller gives up: UTF-8 text becomes the file's text in
/// place, without a copy of the whole document.
pub fn lint_owned(path: &str, bytes: Vec<u8>, settings: &Settings) -> LintedFile {
    lint_owned_with(path, bytes, settings, Registry::builtin())
}

/// [`lint_owned`] with the rules of `registry` rather than the built-in ones.
pub fn lint_owned_with(
    path: &str,
    bytes: Vec<u8>,
    settings: &Settings,
    registry: &Registry,
) -> LintedFile {
    let (text, mut out, readable) = decoded_text(decode_owned(bytes), settings);
    let text = Arc::new(text);
    if !readable {
        return linted_file(path, text, out, Outcome::invalid());
    }
    // The checks across documents would parse a large document again: its parse is kept
    // for them.
    let (outcome, kept) = in_pool(|| {
        with_model_kept(&text, |model| {
            lint_document(model, settings, registry, &mut out)
        })
    });
    let mut file = linted_file(path, text, out, outcome);
    file.kept = kept;
    file
}

/// Lints a document already decoded (or the reason it could not be) with the rules of
/// `registry`: what [`lint_bytes`] does after decoding, for a caller that decoded the text
/// itself (an editor's buffer).
pub fn lint_decoded(
    path: &str,
    decoded: Result<DecodedText, DecodeError>,
    settings: &Settings,
    registry: &Registry,
) -> LintedFile {
    let (text, mut out, readable) = decoded_text(decoded, settings);
    let outcome = if readable {
        in_pool(|| lint_text_in(&text, 0..text.len(), settings, registry, &mut out))
    } else {
        Outcome::invalid()
    };
    linted_file(path, Arc::new(text), out, outcome)
}

/// Runs `f`, which parses and lints a document, on a thread of the rayon pool, the caller
/// waiting once; on a thread of the pool already, in place. Called from outside the pool (the
/// command line's main thread with one document, the editor server's thread), each of a large
/// document's parallel stages (the pieces' texts, their parse, the model, the rules) would
/// otherwise hand its work over to the pool and wait for it. `vsslint --format json` on the
/// System writer document, before and after: 29 to 125 context switches a run, then 16 (perf
/// stat, 50 runs, twice); 20.8 to 19.4 ms and 19.3 to 18.0 ms (medians of two rounds of 150
/// runs alternating with xmllint, on a busy machine).
fn in_pool<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    if rayon::current_thread_index().is_some() {
        f()
    } else {
        rayon::join(f, || ()).0
    }
}

/// A document's text and what decoding it found; unset when the bytes could not be decoded
/// (the text is then what was decoded before the fault, and nothing is parsed).
fn decoded_text(
    decoded: Result<DecodedText, DecodeError>,
    settings: &Settings,
) -> (String, Findings, bool) {
    let mut out = Findings::new();
    match decoded {
        Err(e) => {
            let at = e.at;
            let label = if at == e.decoded_prefix.len() {
                "cannot be decoded here"
            } else {
                "contradicts the bytes"
            };
            let span = Span::new(at, at);
            if let Some(d) = report_stage(settings, Stage::Encoding, &mut out, span, e.message) {
                d.label(label).help(e.help);
            }
            (e.decoded_prefix, out, false)
        }
        Ok(DecodedText {
            text,
            encoding,
            detection,
        }) => {
            if detection == Detection::NulPattern {
                let message = format!(
                    "the file is {encoding} without a byte-order mark (detected from its NUL bytes)"
                );
                let span = Span::new(0, 0);
                if let Some(d) =
                    report_stage(settings, Stage::Utf16WithoutBom, &mut out, span, message)
                {
                    d.help("other tools may misread it; save it as UTF-8, or as UTF-16 with a byte-order mark");
                }
            }
            (text, out, true)
        }
    }
}

/// An input that yields no document (it cannot be opened or read, or it is a container that
/// cannot be read or holds no document): one `doc/unreadable` finding at its start, so that
/// the run goes on and reports it beside every other input.
pub fn unreadable(path: &str, why: &str, settings: &Settings) -> LintedFile {
    let mut out = Findings::new();
    // The input is the finding's location: the message says why, and wraps alike wherever
    // the input lies.
    let message = format!("cannot be read: {why}");
    if let Some(d) = report_stage(
        settings,
        Stage::Unreadable,
        &mut out,
        Span::new(0, 0),
        message,
    ) {
        d.label("unreadable").help(
            "check that the path names the file meant and that it can be read; a cabinet must be a whole DiskShadow `set metadata` cabinet, copied again if it was cut short",
        );
    }
    linted_file(path, Arc::default(), out, Outcome::invalid())
}

/// What linting a document found besides its findings.
struct Outcome {
    kind: FileKind,
    suppressed: usize,
    identity: Option<Identity>,
    /// The writer's `friendlyName`, for a writer metadata document that has one.
    friendly_name: Option<String>,
}

impl Outcome {
    fn invalid() -> Self {
        Outcome {
            kind: FileKind::Invalid,
            suppressed: 0,
            identity: None,
            friendly_name: None,
        }
    }
}

/// Parses the document `text[range]` and runs the rules on it, adding its findings to `out`.
fn lint_text_in(
    text: &str,
    range: std::ops::Range<usize>,
    settings: &Settings,
    registry: &Registry,
    out: &mut Findings,
) -> Outcome {
    with_model_in(text, range, |model| {
        lint_document(model.as_ref(), settings, registry, out)
    })
}

/// Runs the rules on a parsed document, adding its findings to `out`.
fn lint_document(
    model: Result<&Document, &SyntaxError>,
    settings: &Settings,
    registry: &Registry,
    out: &mut Findings,
) -> Outcome {
    let mut suppressed = 0;
    let mut identity = None;
    let friendly_name = match model {
        Ok(Document::WriterMetadata(w)) => w
            .identification()
            .and_then(|id| id.friendly_name.as_ref())
            .map(|name| name.raw.to_string()),
        _ => None,
    };
    let kind = lint_parsed(
        model,
        settings,
        registry,
        out,
        &mut suppressed,
        &mut identity,
    );
    Outcome {
        kind,
        suppressed,
        identity,
        friendly_name,
    }
}

/// The linted file, its findings joined now that the document's tree and model are gone.
fn linted_file(path: &str, text: Arc<String>, out: Findings, outcome: Outcome) -> LintedFile {
    let mut diagnostics = out.into_vec();
    sort(&mut diagnostics);
    LintedFile {
        path: path.to_string(),
        text,
        kind: outcome.kind,
        diagnostics,
        suppressed: outcome.suppressed,
        hidden: Hidden::default(),
        identity: outcome.identity,
        set: None,
        origin: Origin::File,
        kept: None,
    }
}

/// What leaves findings out of a file's lists (they are still counted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HiddenBy {
    /// `--quiet`: errors only.
    Quiet,
    /// `--min-severity` or `min-severity` in the configuration.
    MinSeverity(Severity),
    /// A backup's documents were mostly written by others (in-box writers, an application's
    /// writer, DiskShadow's own manifest): their infos are not listed unless asked for.
    Backup,
}

/// Findings a report leaves out of its lists but counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hidden {
    /// Warnings left out.
    pub warnings: usize,
    /// Infos left out.
    pub infos: usize,
    /// What left them out, for the summary to say how to list them.
    pub by: Option<HiddenBy>,
}

impl LintedFile {
    /// Leaves out of the lists what `settings` does not list for this file (a backup's
    /// members list from warnings unless told otherwise); whether it left anything out.
    pub fn hide_unlisted(&mut self, settings: &Settings) -> bool {
        let (min, set) = settings.listed_from(self.set.is_some());
        let by = if set {
            HiddenBy::MinSeverity(min)
        } else {
            HiddenBy::Backup
        };
        let before = self.diagnostics.len();
        self.hide_below(min, by);
        self.diagnostics.len() != before
    }

    /// Keeps only the findings of `min` and above in the lists, counting what it leaves out.
    pub fn hide_below(&mut self, min: Severity, by: HiddenBy) {
        let before = self.hidden.warnings + self.hidden.infos;
        for d in self.diagnostics.iter().filter(|d| d.severity < min) {
            match d.severity {
                Severity::Warning => self.hidden.warnings += 1,
                Severity::Info => self.hidden.infos += 1,
                Severity::Error => {}
            }
        }
        if self.hidden.warnings + self.hidden.infos > before {
            self.hidden.by = Some(by);
        }
        self.diagnostics.retain(|d| d.severity >= min);
    }
}

/// A `vshadow -wm3` transcript, linted: each writer's document in it (spec: backup-sets.md §3).
#[derive(Debug)]
pub struct LintedTranscript {
    /// Each writer's document, in the transcript's order, with its number (N of
    /// `--[Writer N]--`). Each file's path is the transcript's and its text the whole
    /// transcript's, so that spans, lines, columns and snippets are the transcript's.
    pub writers: Vec<(u32, LintedFile)>,
    /// The encoding the transcript was read in: `UTF-16LE` or `UTF-16BE` after their
    /// byte-order mark, else `UTF-8`, or `windows-1252` for bytes that are not UTF-8.
    pub encoding: &'static str,
    /// The transcript ends without `--[end of data]--`: it was cut off, and its last document
    /// most likely with it.
    pub truncated: bool,
}

/// Lints the writer metadata documents of a `vshadow -wm3` transcript with the built-in
/// rules; the bytes back when they are not a transcript (an XML document never is), to be
/// linted as a document.
pub fn lint_transcript(
    path: &str,
    bytes: Vec<u8>,
    settings: &Settings,
) -> Result<LintedTranscript, Vec<u8>> {
    lint_transcript_with(path, bytes, settings, Registry::builtin())
}

/// [`lint_transcript`] with the rules of `registry` rather than the built-in ones.
pub fn lint_transcript_with(
    path: &str,
    bytes: Vec<u8>,
    settings: &Settings,
    registry: &Registry,
) -> Result<LintedTranscript, Vec<u8>> {
    let transcript = vshadow::read(bytes)?;
    Ok(lint_read_transcript(path, transcript, settings, registry))
}

/// Lints the writers of a transcript read by `vsslint_container::open`.
pub fn lint_read_transcript(
    path: &str,
    transcript: vshadow::Transcript,
    settings: &Settings,
    registry: &Registry,
) -> LintedTranscript {
    let text = &transcript.text;
    let last = transcript.frames.len() - 1;
    let writers = transcript
        .frames
        .par_iter()
        .enumerate()
        .map(|(i, frame)| {
            let mut out = Findings::new();
            // The document's declaration names the wide encoding vshadow had before the
            // console narrowed it: the text is decoded already, and the declaration is not
            // checked against bytes that are not the document's.
            let outcome = lint_text_in(text, frame.xml.clone(), settings, registry, &mut out);
            if i == last && transcript.truncated {
                report_incomplete(
                    text,
                    frame,
                    outcome.friendly_name.as_deref(),
                    settings,
                    &mut out,
                );
            }
            let mut file = linted_file(path, Arc::clone(text), out, outcome);
            file.origin = Origin::TranscriptFrame;
            (frame.writer, file)
        })
        .collect();
    LintedTranscript {
        writers,
        encoding: transcript.encoding,
        truncated: transcript.truncated,
    }
}

/// `doc/transcript-incomplete` on the last writer of a transcript without its end marker: at
/// the end of its document, or on its frame line when the document is empty.
fn report_incomplete(
    text: &str,
    last: &vshadow::Frame,
    friendly_name: Option<&str>,
    settings: &Settings,
    out: &mut Findings,
) {
    let span = if last.xml.is_empty() {
        let line = &text[last.line..];
        Span::new(
            last.line,
            last.line + line.find(['\r', '\n']).unwrap_or(line.len()),
        )
    } else {
        Span::new(last.xml.end, last.xml.end)
    };
    let writer = match friendly_name {
        Some(name) => format!("writer {} (\"{name}\")", last.writer),
        None => format!("writer {}", last.writer),
    };
    let message = format!(
        "the transcript ends after {writer} without `--[end of data]--`: vshadow did not finish, and the writers it lists after this one may be missing"
    );
    if let Some(d) = report_stage(settings, Stage::TranscriptIncomplete, out, span, message) {
        d.label("the transcript ends here").help(
            "capture it again and let vshadow finish: redirect its whole output to the file (`vshadow -wm3 > wm3.txt`) and wait until it prints `--[end of data]--`",
        );
    }
}

/// The findings of a parsed document, or its syntax error.
fn lint_parsed(
    model: Result<&Document, &SyntaxError>,
    settings: &Settings,
    registry: &Registry,
    out: &mut Findings,
    suppressed: &mut usize,
    identity: &mut Option<Identity>,
) -> FileKind {
    match model {
        Ok(model) => lint_model(model, settings, registry, out, suppressed, identity),
        Err(e) => {
            let span = Span::new(e.offset, e.offset);
            if let Some(d) = report_stage(settings, Stage::Syntax, out, span, e.message.clone()) {
                d.help(e.help.clone());
            }
            FileKind::Invalid
        }
    }
}

/// Findings in the order reports show them.
fn sort(found: &mut [Diagnostic]) {
    found.sort_by(|a, b| {
        let key = |d: &Diagnostic| (d.span.start, d.span.end, d.rule.code.len(), d.rule.code);
        key(a).cmp(&key(b))
    });
}

fn lint_model(
    model: &Document,
    settings: &Settings,
    registry: &Registry,
    out: &mut Findings,
    suppressed: &mut usize,
    identity: &mut Option<Identity>,
) -> FileKind {
    match model {
        Document::WriterMetadata(w) => {
            let mut found = Findings::new();
            if let Some(wrapper) = &w.wrapper {
                let message = format!(
                    "the writer metadata is wrapped in <{}> with an inline schema",
                    wrapper.name
                );
                if let Some(d) = report_stage(
                    settings,
                    Stage::WrappedRoot,
                    &mut found,
                    wrapper.span,
                    message,
                ) {
                    d.label("wrapper element")
                        .help("accepted; the WRITER_METADATA element inside is linted");
                }
            }
            Plan::for_settings(settings, registry).run(settings, w, &mut found);
            *identity = w.identity();
            if settings.inline_suppressions {
                *suppressed = suppress::apply(&w.comments, settings, registry, &mut found);
            }
            out.append(found);
            FileKind::WriterMetadata
        }
        Document::BackupComponents(_) => FileKind::BackupComponents,
        Document::Manifest(_) => FileKind::Manifest,
        Document::UnknownRoot { root, namespace } => {
            if !vsslint_model::vocab::meant_as_vss(root.name, *namespace) {
                let message = format!(
                    "skipped: <{}> is not the document element of a VSS document",
                    root.name
                );
                if let Some(d) = report_stage(settings, Stage::Foreign, out, root.span, message) {
                    d.label("not a VSS document").help(
                        "nothing to do if this file is not meant for vsslint; exclude it with --exclude (a file or folder name, or a glob) to silence this note",
                    );
                }
                return FileKind::Skipped;
            }
            let message = format!(
                "the document element is <{}>, not <WRITER_METADATA>",
                root.name
            );
            if let Some(d) = report_stage(settings, Stage::Root, out, root.span, message) {
                d.label("expected WRITER_METADATA").help(
                    "a writer metadata document's root is <WRITER_METADATA xmlns=\"x-schema:#VssWriterMetadataInfo\" version=\"1.2\">; check that this is the right file",
                );
            }
            FileKind::Invalid
        }
    }
}

/// Lints the documents of one backup, given as (file name, bytes), with the checks across
/// them; each file is shown as `set/name`.
pub fn lint_set(set: &str, files: &[(&str, &[u8])], settings: &Settings) -> Vec<LintedFile> {
    let mut linted: Vec<LintedFile> = files
        .iter()
        .map(|(name, bytes)| {
            let mut f = lint_bytes(&format!("{set}/{name}"), bytes, settings);
            f.set = Some(set.to_string());
            f
        })
        .collect();
    let all: Vec<&Settings> = vec![settings; linted.len()];
    check_across(&mut linted, &all);
    linted
}

/// Whether a check across documents may read `f`'s text or add findings to it: when none
/// may, a report rendered before those checks is final, and the text may go.
pub fn keeps_text(f: &LintedFile, settings: &Settings, registry: &Registry) -> bool {
    let facts = across::KeptFacts {
        path: &f.path,
        kind: f.kind.doc_kind(),
        identity: f.identity.as_ref(),
        set: f.set.as_deref(),
    };
    across::keeps_text(&facts, settings, registry)
}

/// Runs the checks across documents over files linted together and adds their findings to
/// the files they belong to. `settings` holds each file's settings, in the same order.
pub fn check_across(files: &mut [LintedFile], settings: &[&Settings]) {
    check_across_with(files, settings, Registry::builtin());
}

/// [`check_across`] with the rules of `registry` rather than the built-in ones.
pub fn check_across_with(files: &mut [LintedFile], settings: &[&Settings], registry: &Registry) {
    let docs: Vec<across::Linted> = files
        .iter()
        .zip(settings)
        .map(|(f, s)| across::Linted {
            path: &f.path,
            text: &f.text,
            kind: f.kind.doc_kind(),
            identity: f.identity.as_ref(),
            set: f.set.as_deref(),
            origin: f.origin,
            settings: s,
            model: f.kept.as_ref().map(Kept::model),
        })
        .collect();
    let found = engine::across::run(&docs, registry);
    drop(docs);
    // Freeing a large document's tree and model is tens of thousands of frees, which nothing
    // waits for: a thread of the pool does it while the report is written.
    let kept: Vec<Kept> = files.iter_mut().filter_map(|f| f.kept.take()).collect();
    if !kept.is_empty() {
        rayon::spawn(move || drop(kept));
    }
    if found.is_empty() {
        return;
    }
    let mut touched = vec![false; files.len()];
    for (i, d) in found {
        files[i].diagnostics.push(d);
        touched[i] = true;
    }
    for (f, touched) in files.iter_mut().zip(touched) {
        if touched {
            sort(&mut f.diagnostics);
        }
    }
}

/// Compares a writer's documents of two releases, as `vsslint compat` does: OLD's documents,
/// given as (name, bytes), against NEW's, both one document (`collection` unset) or a
/// collection each. Each is linted for what makes it unreadable (`doc/*`) only; the
/// comparison's findings are added to the documents they are located in, and those in NEW
/// are silenced by its `vsslint-ignore` comments. OLD's files come first.
pub fn compare(
    old: &[(&str, &[u8])],
    new: &[(&str, &[u8])],
    collection: bool,
    settings: &Settings,
) -> Vec<LintedFile> {
    let linting = Settings {
        inline_suppressions: false,
        ..settings.clone()
    };
    let files: Vec<Unparsed> = old
        .iter()
        .chain(new)
        .map(|(name, bytes)| Unparsed::document(name, decode_owned(bytes.to_vec()), &linting))
        .collect();
    let all = vec![&linting; files.len()];
    compare_with(
        files,
        &all,
        old.len(),
        collection,
        settings.inline_suppressions,
        Registry::for_compat(),
    )
}

/// A document of `vsslint compat`, read and decoded but not parsed yet: the comparison
/// parses each document once, for its `doc/*` rules and for the comparison both.
pub struct Unparsed {
    /// The file, with what decoding it found.
    file: LintedFile,
    /// Where the document lies in the file's text; `None` when there is nothing to parse.
    xml: Option<std::ops::Range<usize>>,
    /// The last frame of a transcript that was cut off, which `doc/transcript-incomplete`
    /// is reported on.
    cut: Option<vshadow::Frame>,
}

impl Unparsed {
    /// A document decoded from its bytes.
    pub fn document(
        path: &str,
        decoded: Result<DecodedText, DecodeError>,
        settings: &Settings,
    ) -> Unparsed {
        let (text, out, readable) = decoded_text(decoded, settings);
        let xml = readable.then_some(0..text.len());
        Unparsed {
            file: linted_file(path, Arc::new(text), out, Outcome::invalid()),
            xml,
            cut: None,
        }
    }

    /// An input that yields no document ([`unreadable`]), or a file linted already.
    pub fn linted(file: LintedFile) -> Unparsed {
        Unparsed {
            file,
            xml: None,
            cut: None,
        }
    }

    /// The writers' documents of a transcript, each shown as the transcript.
    pub fn transcript(path: &str, transcript: vshadow::Transcript) -> Vec<Unparsed> {
        let last = transcript.frames.len() - 1;
        let truncated = transcript.truncated;
        transcript
            .frames
            .into_iter()
            .enumerate()
            .map(|(i, frame)| {
                let mut file = linted_file(
                    path,
                    Arc::clone(&transcript.text),
                    Findings::new(),
                    Outcome::invalid(),
                );
                file.origin = Origin::TranscriptFrame;
                Unparsed {
                    file,
                    xml: Some(frame.xml.clone()),
                    cut: (i == last && truncated).then_some(frame),
                }
            })
            .collect()
    }

    /// The file the document came from.
    pub fn file_mut(&mut self) -> &mut LintedFile {
        &mut self.file
    }
}

/// Compares `files[..n_old]` (OLD) with the rest (NEW), each with its settings in
/// `settings`: parses each document once, lints it with the `doc/*` rules of `registry`,
/// runs the comparison, adds its findings to the files, and silences those in NEW by its
/// comments when `suppress` is set.
pub fn compare_with(
    files: Vec<Unparsed>,
    settings: &[&Settings],
    n_old: usize,
    collection: bool,
    suppress: bool,
    registry: &Registry,
) -> Vec<LintedFile> {
    // The texts apart from the files, for the trees to borrow while the files take their
    // findings.
    let texts: Vec<Arc<String>> = files.iter().map(|u| Arc::clone(&u.file.text)).collect();
    let parsed: Vec<Option<Result<Parsed, SyntaxError>>> = files
        .par_iter()
        .zip(&texts)
        .map(|(u, text)| u.xml.clone().map(|range| parse_in(text, range)))
        .collect();
    let models: Vec<Option<Result<Document, &SyntaxError>>> = parsed
        .par_iter()
        .map(|p| p.as_ref().map(|p| p.as_ref().map(Parsed::model)))
        .collect();
    let mut files: Vec<LintedFile> = files
        .into_iter()
        .zip(&models)
        .zip(settings)
        .map(|((u, model), settings)| {
            let Unparsed { mut file, cut, .. } = u;
            let Some(model) = model else { return file };
            let mut out = Findings::new();
            let model = model.as_ref().map_err(|e| *e);
            let outcome = lint_document(model, settings, registry, &mut out);
            if let Some(frame) = &cut {
                let name = outcome.friendly_name.as_deref();
                report_incomplete(&file.text, frame, name, settings, &mut out);
            }
            file.kind = outcome.kind;
            file.suppressed = outcome.suppressed;
            file.identity = outcome.identity;
            file.diagnostics.extend(out.into_vec());
            sort(&mut file.diagnostics);
            file
        })
        .collect();
    // Only writer metadata documents without a `doc/*` error are compared.
    let writer = |i: usize| match &models[i] {
        Some(Ok(Document::WriterMetadata(w))) => Some(&**w),
        _ => None,
    };
    let comparable: Vec<bool> = files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            writer(i).is_some()
                && !f
                    .diagnostics
                    .iter()
                    .any(|d| d.severity == Severity::Error && d.rule.group() == "doc")
        })
        .collect();
    let compared = |i: usize| engine::compare::Compared {
        path: &files[i].path,
        text: &files[i].text,
        file: i,
        settings: settings[i],
        model: writer(i).filter(|_| comparable[i]),
    };
    let old_backup = (0..n_old).find_map(|i| match &models[i] {
        Some(Ok(Document::BackupComponents(b))) => Some(&**b),
        _ => None,
    });
    let sides = engine::compare::Sides {
        old: (0..n_old).map(compared).collect(),
        new: (n_old..files.len()).map(compared).collect(),
        files: !collection,
        old_backup,
    };
    let found = engine::compare::run(&sides, registry);
    drop(sides);
    // The single-document findings are `check`'s to report: only what keeps a document from
    // being compared is reported here.
    for (f, compared) in files.iter_mut().zip(&comparable) {
        if *compared
            || matches!(
                f.kind,
                FileKind::BackupComponents | FileKind::Manifest | FileKind::Skipped
            )
        {
            f.diagnostics.clear();
        }
    }
    let mut by_file: Vec<Findings> = (0..files.len()).map(|_| Findings::new()).collect();
    for (i, mut d) in found {
        // The places in OLD are shown with their lines.
        for r in &mut d.related {
            if let Some(e) = &mut r.elsewhere {
                if let Some(old) = files[..n_old].iter().find(|f| f.path == e.path) {
                    e.text = Some(Arc::clone(&old.text));
                }
            }
        }
        by_file[i].push(d);
    }
    for (i, (f, mut more)) in files.iter_mut().zip(by_file).enumerate() {
        if more.is_empty() && !(suppress && i >= n_old) {
            continue;
        }
        for d in std::mem::take(&mut f.diagnostics) {
            more.push(d);
        }
        if suppress && i >= n_old {
            if let Some(w) = writer(i) {
                f.suppressed +=
                    suppress::apply_silently(&w.comments, Registry::builtin(), &mut more);
            }
        }
        f.diagnostics = more.into_vec();
        sort(&mut f.diagnostics);
    }
    files
}
