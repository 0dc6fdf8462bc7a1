//! One line per finding: `path:line:col: severity: message [CODE slug]`.

use super::emitter::{EmitContext, Emitter};
use super::escape::terminal;
use super::locate::{line_index, locate};
use super::summary::Summary;
use crate::pipeline::LintedFile;
use std::io::{self, Write};

/// The `concise` report.
pub struct Concise;

impl Emitter for Concise {
    fn emit(&self, out: &mut dyn Write, files: &[LintedFile], cx: &EmitContext) -> io::Result<()> {
        write_capped(out, files, cx.cap())
    }

    fn shows_source(&self) -> bool {
        false
    }
}

/// Writes the concise report of `files` to `out`: one line a finding.
pub fn write(out: &mut dyn Write, files: &[LintedFile]) -> io::Result<()> {
    write_capped(out, files, usize::MAX)
}

/// At most `cap` findings per file, then a note of how many were left out.
pub fn write_capped(out: &mut dyn Write, files: &[LintedFile], cap: usize) -> io::Result<()> {
    for f in files {
        let shared = line_index(&f.text);
        let index = shared.index();
        let located = locate(f, &index);
        let hidden = located.len().saturating_sub(cap);
        for l in located.into_iter().take(cap) {
            let d = l.diagnostic;
            writeln!(
                out,
                "{}:{}:{}: {}: {} [{} {}]",
                terminal(&f.path),
                l.start.line,
                l.start.column,
                d.severity,
                terminal(&d.message),
                d.rule.code,
                d.rule.slug
            )?;
        }
        if hidden > 0 {
            writeln!(
                out,
                "{}: … {hidden} more findings not shown (--max-diagnostics 0 shows all)",
                terminal(&f.path)
            )?;
        }
    }
    writeln!(out, "{}", Summary::of(files).line())
}
