//! `--format full`: miette's graphical report, one block per finding.

use super::snippet::Snippet;
use super::Summary;
use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::LintedFile;
use crate::span::LineIndex;
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan};
use std::fmt;
use std::io::{self, Write};

/// How the graphical report looks.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub unicode: bool,
    /// OSC 8 hyperlinks on the rule code instead of the URL in text.
    pub links: bool,
    pub width: usize,
}

impl Style {
    /// What tests and pipes get: no colour, ASCII-free of escapes, fixed width.
    pub fn plain(width: usize) -> Self {
        Style {
            color: false,
            unicode: true,
            links: false,
            width,
        }
    }

    pub fn handler(self) -> GraphicalReportHandler {
        let theme = match (self.unicode, self.color) {
            (true, true) => GraphicalTheme::unicode(),
            (true, false) => GraphicalTheme::unicode_nocolor(),
            (false, true) => GraphicalTheme::ascii(),
            (false, false) => GraphicalTheme::none(),
        };
        GraphicalReportHandler::new_themed(theme)
            .with_width(self.width)
            .with_links(self.links)
            .with_context_lines(1)
    }
}

struct Rendered<'d> {
    d: &'d Diagnostic,
    code: String,
    url: String,
    labels: Vec<LabeledSpan>,
    source: Snippet,
}

impl fmt::Debug for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl std::error::Error for Rendered<'_> {}

impl miette::Diagnostic for Rendered<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.d
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn url<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.url))
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
}

/// Renders one diagnostic of `file` as miette would print it.
pub fn render(file: &LintedFile, index: &LineIndex, d: &Diagnostic, style: Style) -> String {
    let mut spans = vec![d.span];
    spans.extend(d.related.iter().map(|r| r.span));
    let source = Snippet::new(&file.path, index, &spans);
    let mut labels = vec![LabeledSpan::new_primary_with_span(
        d.label.clone(),
        source.map(d.span),
    )];
    labels.extend(
        d.related
            .iter()
            .map(|r| LabeledSpan::new_with_span(Some(r.message.clone()), source.map(r.span))),
    );
    let rendered = Rendered {
        d,
        code: format!("{} {}", d.rule.code, d.rule.slug),
        url: d.rule.url(),
        labels,
        source,
    };
    let mut out = String::new();
    if style.handler().render_report(&mut out, &rendered).is_err() {
        out = format!("{}: {}\n", rendered.code, d.message);
    }
    out
}

pub fn write(out: &mut dyn Write, files: &[LintedFile], style: Style) -> io::Result<()> {
    write_capped(out, files, style, usize::MAX)
}

/// At most `cap` findings per file, then a note of how many were left out.
pub fn write_capped(
    out: &mut dyn Write,
    files: &[LintedFile],
    style: Style,
    cap: usize,
) -> io::Result<()> {
    for f in files {
        let index = LineIndex::new(&f.text);
        for d in f.diagnostics.iter().take(cap) {
            out.write_all(render(f, &index, d, style).as_bytes())?;
            writeln!(out)?;
        }
        let hidden = f.diagnostics.len().saturating_sub(cap);
        if hidden > 0 {
            writeln!(
                out,
                "{}: … {hidden} more findings not shown (--max-diagnostics 0 shows all)\n",
                f.path
            )?;
        }
    }
    writeln!(out, "{}", Summary::of(files).line())
}
