//! `--format full`: miette's graphical report, one block per finding.

use super::emitter::{EmitContext, Emitter};
use super::escape::{push_escaped, terminal};
use super::locate::line_index;
use super::snippet::Snippet;
pub use super::style::Style;
use super::summary::Summary;
use crate::diagnostic::{Diagnostic, Severity};
use crate::pipeline::LintedFile;
use miette::LabeledSpan;
use std::fmt;
use std::io::{self, Write};
use vsslint_model::span::LineIndex;

struct Rendered<'d> {
    d: &'d Diagnostic,
    /// The related places in other files shown with their own lines.
    others: Vec<Elsewhere>,
    message: String,
    help: Option<String>,
    code: String,
    url: String,
    labels: Vec<LabeledSpan>,
    source: Snippet,
}

impl fmt::Debug for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
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
        self.help
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

/// A related place in another file, with its lines: `vsslint compat` shows where a finding
/// in NEW was in OLD, under the title `old`.
struct Elsewhere {
    title: &'static str,
    label: LabeledSpan,
    source: Snippet,
}

impl fmt::Debug for Elsewhere {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.title)
    }
}

impl fmt::Display for Elsewhere {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.title)
    }
}

impl std::error::Error for Elsewhere {}

impl miette::Diagnostic for Elsewhere {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(self.label.clone())))
    }
}

/// The title of a related place shown with its own lines.
pub const OLD_TITLE: &str = "old";

/// Longest message, label or help shown, in characters; longer ones lose their middle.
/// Messages quote attribute values, and a value can be megabytes long.
const MAX_TEXT: usize = 400;

/// `text` as the terminal gets it: clipped to [`MAX_TEXT`], with control characters (which
/// character references can put into quoted values) escaped. Line breaks are kept where
/// `lines` is set.
fn shown(text: &str, lines: bool) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_TEXT * 4));
    let escape = |out: &mut String, c: char| {
        if (lines && c == '\n') || !push_escaped(out, c) {
            out.push(c);
        }
    };
    let tail = MAX_TEXT / 4;
    let head = MAX_TEXT - tail;
    let head_end = text.char_indices().nth(head).map_or(text.len(), |(i, _)| i);
    let tail_start = text
        .char_indices()
        .rev()
        .nth(tail - 1)
        .map_or(0, |(i, _)| i)
        .max(head_end);
    let omitted = text[head_end..tail_start].chars().count();
    if omitted < 16 {
        text.chars().for_each(|c| escape(&mut out, c));
    } else {
        text[..head_end].chars().for_each(|c| escape(&mut out, c));
        out.push_str(&format!(" … ({omitted} characters) … "));
        text[tail_start..].chars().for_each(|c| escape(&mut out, c));
    }
    out
}

/// The help, followed by the related locations in other files, which a snippet of this file
/// cannot show.
fn help_with_elsewhere(d: &Diagnostic) -> Option<String> {
    let mut help = d.help.as_deref().map(str::to_string);
    if let (Some(h), Some(fix)) = (&mut help, &d.fix) {
        h.push_str(match fix.applicability {
            crate::diagnostic::Applicability::Safe => "\nfixable with --fix",
            crate::diagnostic::Applicability::Unsafe => "\nfixable with --fix --unsafe-fixes",
        });
    }
    for r in &d.related {
        // A place whose text is at hand is shown as a snippet of its own instead.
        if let Some(e) = r.elsewhere.as_ref().filter(|e| e.text.is_none()) {
            // Escaped here, before the help's own lines are kept: a line break in a path or
            // a message is not one of them.
            let line = format!(
                "{}:{}:{}: {}",
                terminal(&e.path),
                e.start.line,
                e.start.column,
                terminal(&r.message)
            );
            help = Some(match help {
                Some(h) => format!("{h}\nsee {line}"),
                None => format!("see {line}"),
            });
        }
    }
    help
}

/// Renders one diagnostic of `file` as miette would print it.
pub fn render(file: &LintedFile, index: &LineIndex, d: &Diagnostic, style: Style) -> String {
    let here = || d.related.iter().filter(|r| r.elsewhere.is_none());
    let mut spans = vec![d.span];
    spans.extend(here().map(|r| r.span));
    let source = Snippet::new(&file.path, index, &spans, style.width);
    let mut labels = vec![LabeledSpan::new_primary_with_span(
        d.label.as_deref().map(|l| shown(l, false)),
        source.map(d.span),
    )];
    labels.extend(
        here().map(|r| {
            LabeledSpan::new_with_span(Some(shown(&r.message, false)), source.map(r.span))
        }),
    );
    let others = d
        .related
        .iter()
        .filter_map(|r| {
            let e = r.elsewhere.as_ref()?;
            let text = e.text.as_deref()?;
            let index = LineIndex::new(text);
            let source = Snippet::new(&e.path, &index, &[r.span], style.width);
            Some(Elsewhere {
                title: OLD_TITLE,
                label: LabeledSpan::new_primary_with_span(
                    Some(shown(&r.message, false)),
                    source.map(r.span),
                ),
                source,
            })
        })
        .collect();
    let mut rendered = Rendered {
        d,
        others,
        message: shown(&d.message, false),
        help: help_with_elsewhere(d).map(|h| shown(&h, true)),
        code: format!("{} {}", d.rule.code, d.rule.slug),
        url: d.rule.url(),
        labels,
        source,
    };
    let mut out = draw(&rendered, style);
    let probe = if style.color {
        draw(
            &rendered,
            Style {
                color: false,
                ..style
            },
        )
    } else {
        out.clone()
    };
    if wrap_labels(&mut rendered.labels, &probe, style.width) {
        out = draw(&rendered, style);
    }
    // Each place in another file under the finding, as a report of its own titled `old`.
    for other in &rendered.others {
        let mut more = String::new();
        if style.handler().render_report(&mut more, other).is_ok() {
            out.push_str(&more);
        }
    }
    if style.links {
        let url = &rendered.url;
        out = out.replacen(url, &format!("\x1b]8;;{url}\x1b\\{url}\x1b]8;;\x1b\\"), 1);
    }
    out
}

fn draw(rendered: &Rendered, style: Style) -> String {
    let mut out = String::new();
    if style.handler().render_report(&mut out, rendered).is_err() {
        out = format!("{}: {}\n", rendered.code, rendered.message);
    }
    out
}

/// Narrowest a label is wrapped to, however far right its arrow is: narrower, a label
/// becomes a column of single words.
const MIN_LABEL_WIDTH: usize = 20;

/// miette writes a label on one line right of its arrow, however little room is left there.
/// Each label that ran past `width` in `drawn` is broken into lines that fit, which miette
/// sets under the same arrow, at the same column. Words are never cut, so a URL or a path
/// stays whole. Whether any label changed.
fn wrap_labels(labels: &mut [LabeledSpan], drawn: &str, width: usize) -> bool {
    let mut changed = false;
    for l in labels {
        let Some(text) = l.label() else { continue };
        // The rightmost place the text ends a line: two labels may read alike.
        let Some(column) = drawn
            .lines()
            .filter_map(|line| line.strip_suffix(text))
            .filter(|left| left.ends_with(' '))
            .map(textwrap::core::display_width)
            .max()
        else {
            continue;
        };
        let room = width.saturating_sub(column).max(MIN_LABEL_WIDTH);
        if textwrap::core::display_width(text) <= room {
            continue;
        }
        let lines = textwrap::wrap(
            text,
            textwrap::Options::new(room)
                .break_words(false)
                .word_splitter(textwrap::WordSplitter::NoHyphenation),
        );
        l.set_label(Some(lines.join("\n")));
        changed = true;
    }
    changed
}

/// The `full` report.
pub struct Full;

impl Emitter for Full {
    fn emit(&self, out: &mut dyn Write, files: &[LintedFile], cx: &EmitContext) -> io::Result<()> {
        write_capped(out, files, cx.style, cx.cap())
    }
}

/// Writes the full report of `files` to `out` in `style`: each finding with its source and
/// help, then the summary.
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
        let shared = line_index(&f.text);
        let index = shared.index();
        for d in f.diagnostics.iter().take(cap) {
            out.write_all(render(f, &index, d, style).as_bytes())?;
            writeln!(out)?;
        }
        let hidden = f.diagnostics.len().saturating_sub(cap);
        if hidden > 0 {
            writeln!(
                out,
                "{}: … {hidden} more findings not shown (--max-diagnostics 0 shows all)\n",
                terminal(&f.path)
            )?;
        }
    }
    writeln!(out, "{}", Summary::of(files).line())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_lose_their_middle() {
        let text = format!("version is \"{}\", not \"1.2\"", "A".repeat(1 << 20));
        let out = shown(&text, false);
        assert!(out.chars().count() < MAX_TEXT + 40, "{}", out.len());
        assert!(out.starts_with("version is \"AAA"));
        assert!(out.ends_with("AAA\", not \"1.2\""));
        assert!(out.contains(&format!("({} characters)", text.len() - MAX_TEXT)));
        let short = "x".repeat(MAX_TEXT + 10);
        assert_eq!(shown(&short, false), short);
    }

    /// The URL is always printed; where links are on, it is also the link's text.
    #[test]
    fn the_rule_url_is_printed_and_linked_only_when_asked() {
        let file = crate::pipeline::lint_bytes(
            "w.xml",
            br#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2"/>"#,
            &crate::settings::Settings::default(),
        );
        let index = LineIndex::new(&file.text);
        let d = &file.diagnostics[0];
        let url = d.rule.url();
        let plain = render(&file, &index, d, Style::plain(100));
        assert!(plain.contains(&format!("({url})")), "{plain}");
        assert!(!plain.contains("\x1b]8;;"), "{plain}");
        let linked = render(
            &file,
            &index,
            d,
            Style {
                links: true,
                ..Style::plain(100)
            },
        );
        assert!(
            linked.contains(&format!("\x1b]8;;{url}\x1b\\{url}\x1b]8;;\x1b\\")),
            "{linked}"
        );
    }

    /// A related location in another file is named in the help, whose own lines are kept:
    /// the other file's name is escaped before it joins them.
    #[test]
    fn a_location_elsewhere_is_escaped_in_the_help() {
        let mut file = crate::pipeline::lint_bytes(
            "w.xml",
            br#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2"/>"#,
            &crate::settings::Settings::default(),
        );
        let index = LineIndex::new(&file.text);
        let d = &mut file.diagnostics[0];
        d.related_in(
            "b.cab!/a\n::error file=x::\u{1b}]8;;x.xml",
            vsslint_model::span::Span::new(0, 1),
            vsslint_model::span::Position { line: 1, column: 2 },
            "declared here",
        );
        let d = d.clone();
        let out = render(&file, &index, &d, Style::plain(200));
        assert!(
            out.contains(r"see b.cab!/a\n::error file=x::\u{1b}]8;;x.xml:1:2: declared here"),
            "{out}"
        );
        assert!(!out.contains('\u{1b}'), "{out}");
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(
            shown("a\nb\r\u{1B}[2J\u{9B}\u{202E}", false),
            "a\\nb\\r\\u{1b}[2J\\u{9b}\\u{202e}"
        );
        assert_eq!(shown("a\nb", true), "a\nb");
    }
}
