//! The one interface every report format implements.

use super::style::Style;
use crate::pipeline::LintedFile;
use std::io::{self, Write};
use std::path::Path;

/// What a report may need besides the files it reports on.
#[derive(Debug, Clone, Copy)]
pub struct EmitContext<'a> {
    /// How `full` output looks.
    pub style: Style,
    /// At most this many findings per file in full and concise output (0: all).
    pub max_diagnostics: usize,
    /// Each file's part of the report as [`Emitter::render`] made it, in the order of the
    /// files; a file with `None`, or past the end, is rendered as it is written.
    pub rendered: &'a [Option<Vec<u8>>],
    /// Where GitHub Actions wants the job summary (`GITHUB_STEP_SUMMARY`), for `github`.
    pub step_summary: Option<&'a Path>,
}

impl Default for EmitContext<'_> {
    fn default() -> Self {
        EmitContext {
            style: Style::plain(100),
            max_diagnostics: 0,
            rendered: &[],
            step_summary: None,
        }
    }
}

impl EmitContext<'_> {
    /// The most findings to show per file.
    pub(crate) fn cap(&self) -> usize {
        if self.max_diagnostics == 0 {
            usize::MAX
        } else {
            self.max_diagnostics
        }
    }

    /// The part rendered ahead for the `i`th file, if any.
    pub(crate) fn rendered(&self, i: usize) -> Option<&[u8]> {
        self.rendered.get(i).and_then(Option::as_deref)
    }
}

/// A report format: writes the files of a run, in their order.
///
/// A run asks the emitter of its format for each file's part as soon as the file is linted,
/// on the thread that linted it, and hands the parts back to [`Emitter::emit`]: a format
/// whose rendering is most of a large report's cost does it in parallel that way.
pub trait Emitter: Sync {
    /// Writes the report of `files`.
    fn emit(&self, out: &mut dyn Write, files: &[LintedFile], cx: &EmitContext) -> io::Result<()>;

    /// One file's part of the report, made ahead of [`Emitter::emit`]; `None` (the default):
    /// the file is rendered when the report is written.
    fn render(&self, _file: &LintedFile) -> Option<Vec<u8>> {
        None
    }

    /// Whether the report quotes the documents' lines. One that shows positions only needs
    /// no file's text once its findings are located.
    fn shows_source(&self) -> bool {
        true
    }
}
