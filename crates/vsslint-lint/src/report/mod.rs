//! Turning diagnostics into output: positions, the summary, and one module per format, each
//! an [`Emitter`] of a [`Format`].

pub mod concise;
mod emitter;
pub mod escape;
mod format;
pub mod full;
pub mod github;
pub mod json;
pub mod paths;
mod pretty;
pub mod sarif;
mod snippet;
pub mod statistics;
mod style;

use crate::diagnostic::{Diagnostic, Severity};
pub use crate::pipeline::HiddenBy;
use crate::pipeline::LintedFile;
pub use emitter::{EmitContext, Emitter};
pub use format::{Format, UnknownFormat};
use schemars::JsonSchema;
use serde::Serialize;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;
use vsslint_model::span::{LineIndex, Position, SharedLineIndex};

/// Counts over all linted files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Summary {
    /// Files read.
    pub files: usize,
    /// Files that were linted: writer metadata documents, backup components documents and
    /// DiskShadow manifests.
    pub linted: usize,
    /// Error-level findings.
    pub errors: usize,
    /// Warnings, listed or not.
    pub warnings: usize,
    /// Infos, listed or not.
    pub infos: usize,
    /// Of the warnings and infos, how many were left out of the lists (`--quiet`,
    /// `--min-severity`, or the infos of a backup's documents).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub hidden: usize,
    /// What left them out.
    #[serde(skip)]
    #[schemars(skip)]
    pub hidden_by: HiddenReasons,
}

/// The reasons findings were left out across the files of a report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HiddenReasons {
    /// Some were left out by `--quiet`.
    pub quiet: bool,
    /// The lowest minimum severity set, when one is.
    pub min_severity: Option<Severity>,
    /// Some were left out as the infos of a backup's documents.
    pub backup: bool,
}

impl HiddenReasons {
    fn add(&mut self, by: HiddenBy) {
        match by {
            HiddenBy::Quiet => self.quiet = true,
            HiddenBy::MinSeverity(min) => {
                self.min_severity = Some(self.min_severity.map_or(min, |m| m.min(min)));
            }
            HiddenBy::Backup => self.backup = true,
        }
    }

    /// Why, and how to see them, as the summary line says it.
    fn explain(&self, them: &str) -> String {
        let mut why = Vec::new();
        if self.quiet {
            why.push(format!(
                "--quiet hides warnings and infos; drop -q to see {them}"
            ));
        }
        if let Some(min) = self.min_severity {
            let below = if min == Severity::Error {
                "warnings and infos"
            } else {
                "infos"
            };
            why.push(format!(
                "min-severity {min} hides {below}; --min-severity info lists {them}"
            ));
        }
        if self.backup {
            why.push(format!(
                "a backup's infos are not listed by default; --min-severity info lists {them}"
            ));
        }
        why.join("; ")
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Summary {
    /// The counts over `files`.
    pub fn of(files: &[LintedFile]) -> Self {
        let mut s = Summary {
            files: files.len(),
            ..Summary::default()
        };
        for f in files {
            if f.kind.doc_kind().is_some() {
                s.linted += 1;
            }
            s.warnings += f.hidden.warnings;
            s.infos += f.hidden.infos;
            s.hidden += f.hidden.warnings + f.hidden.infos;
            if let Some(by) = f.hidden.by {
                s.hidden_by.add(by);
            }
            for d in &f.diagnostics {
                match d.severity {
                    Severity::Error => s.errors += 1,
                    Severity::Warning => s.warnings += 1,
                    Severity::Info => s.infos += 1,
                }
            }
        }
        s
    }

    /// `Found 1 error and 2 warnings in 3 files.`
    pub fn line(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let mut parts = Vec::new();
        if self.errors > 0 {
            parts.push(plural(self.errors, "error"));
        }
        if self.warnings > 0 {
            parts.push(plural(self.warnings, "warning"));
        }
        if self.infos > 0 {
            parts.push(plural(self.infos, "info"));
        }
        let files = plural(self.files, "file");
        if parts.is_empty() {
            return format!("No problems found in {files}.");
        }
        let list = match parts.len() {
            1 => parts[0].clone(),
            _ => format!(
                "{} and {}",
                parts[..parts.len() - 1].join(", "),
                parts[parts.len() - 1]
            ),
        };
        if self.hidden > 0 {
            let them = if self.hidden == 1 { "it" } else { "them" };
            return format!(
                "Found {list} in {files} ({} not shown: {}).",
                self.hidden,
                self.hidden_by.explain(them)
            );
        }
        format!("Found {list} in {files}.")
    }
}

/// The container and the entry of a path that names a document inside a cabinet, written
/// `backup.cab!/WM3.xml`; `None` for a plain file.
pub fn container_entry(path: &str) -> Option<(&str, &str)> {
    path.split_once("!/")
}

/// How many findings each rule raised, by code and slug, with the highest severity among them.
pub fn rule_counts(
    files: &[LintedFile],
) -> BTreeMap<(&'static str, &'static str), (usize, Severity)> {
    let mut counts: BTreeMap<(&str, &str), (usize, Severity)> = BTreeMap::new();
    for d in files.iter().flat_map(|f| &f.diagnostics) {
        let e = counts
            .entry((d.rule.code, d.rule.slug))
            .or_insert((0, d.severity));
        e.0 += 1;
        e.1 = e.1.max(d.severity);
    }
    counts
}

thread_local! {
    /// The index of the last text several files shared.
    static SHARED_INDEX: RefCell<Option<Rc<SharedLineIndex>>> = const { RefCell::new(None) };
}

/// The line index of a file's text. The writers of a `vshadow` transcript share its whole
/// text and are reported one after the other (on one thread when each is rendered as it is
/// linted): their text is indexed once, not once per writer, which would make a report of
/// a transcript quadratic in its length. A text no file shares any more is let go at the
/// next call, so the index keeps no freed text alive for long.
pub(crate) fn line_index(text: &Arc<str>) -> Rc<SharedLineIndex> {
    SHARED_INDEX.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(last) = cache.as_ref() {
            if last.indexes(text) {
                return Rc::clone(last);
            }
            if last.is_only_holder() {
                *cache = None;
            }
        }
        let index = Rc::new(SharedLineIndex::new(Arc::clone(text)));
        // Held by a file and now by the index: shared only if another file holds it too.
        if Arc::strong_count(text) > 2 {
            *cache = Some(Rc::clone(&index));
        }
        index
    })
}

/// Start and end of a diagnostic as lines and columns.
pub struct Located<'d> {
    /// The finding.
    pub diagnostic: &'d Diagnostic,
    /// Where its span starts.
    pub start: Position,
    /// Where its span ends.
    pub end: Position,
}

/// Resolves every diagnostic of a file with one line index, or with the positions worked
/// out before its text was let go.
pub fn locate<'d>(file: &'d LintedFile, index: &LineIndex) -> Vec<Located<'d>> {
    file.diagnostics
        .iter()
        .map(|d| {
            let (start, end) = match d.located.as_deref() {
                Some(at) => *at,
                None => (index.position(d.span.start), index.position(d.span.end)),
            };
            Located {
                diagnostic: d,
                start,
                end,
            }
        })
        .collect()
}

/// Works out where each finding of a file starts and ends, for a report that shows
/// positions only: its text is then no longer needed.
pub fn locate_in_place(file: &mut LintedFile) {
    let shared = line_index(&file.text);
    let index = shared.index();
    for d in &mut file.diagnostics {
        if d.located.is_none() {
            let at = (index.position(d.span.start), index.position(d.span.end));
            d.located = Some(Box::new(at));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{lint_bytes, lint_transcript};
    use crate::settings::Settings;

    #[test]
    fn a_transcript_text_is_indexed_once_for_all_its_writers() {
        let mut text = String::from("VSHADOW.EXE 3.0\n");
        for n in 0..4 {
            text.push_str(&format!("\n--[Writer {n}]--\n<WRITER_METADATA/>\n"));
        }
        text.push_str("\n--[end of data]--\n");
        let t = lint_transcript("t.txt", text.into_bytes(), &Settings::default()).unwrap();
        let first = line_index(&t.writers[0].1.text);
        for (_, f) in &t.writers {
            assert!(Rc::ptr_eq(&first, &line_index(&f.text)));
        }
        // A document's own text is indexed for it, and not kept.
        let f = lint_bytes("a.xml", b"<WRITER_METADATA/>", &Settings::default());
        let a = line_index(&f.text);
        assert!(!Rc::ptr_eq(&a, &line_index(&f.text)));
        assert!(a.indexes(&f.text));
    }

    #[test]
    fn located_findings_are_reported_alike_without_their_text() {
        // Non-ASCII before a finding: columns count characters, not bytes.
        let doc = "<!-- é -->\r\n<WRITER_METADATA xmlns=\"x-schema:#VssWriterMetadataInfo\" version=\"1.1\">\r\n  <IDENTIFICATION writerId=\"{not-a-guid}\"/>\r\n</WRITER_METADATA>\r\n";
        let f = lint_bytes("a.xml", doc.as_bytes(), &Settings::default());
        assert!(f.diagnostics.len() > 1);
        let report = |f: &LintedFile| {
            let (mut c, mut g) = (Vec::new(), Vec::new());
            concise::write(&mut c, std::slice::from_ref(f)).unwrap();
            github::write(&mut g, std::slice::from_ref(f)).unwrap();
            (String::from_utf8(c).unwrap(), String::from_utf8(g).unwrap())
        };
        let before = report(&f);
        let mut located = lint_bytes("a.xml", doc.as_bytes(), &Settings::default());
        locate_in_place(&mut located);
        located.text = Arc::from("");
        assert_eq!(report(&located), before);
        assert!(before.0.contains("a.xml:3:"), "{}", before.0);
    }
}
