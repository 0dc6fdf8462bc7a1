//! `--format github`: workflow commands that GitHub Actions turns into annotations, with the
//! concise report folded into a log group.
//!
//! A workflow command is a line that starts with `::`: no input may begin one. Every
//! message, title and property is escaped as GitHub documents (`%`, CR and LF, and also `:`
//! and `,` in properties), after the escaping for the terminal every report gets: the
//! commands are also read in a terminal, and in the log. A line break in a name reads `\n`
//! in the annotation; a file whose path holds a control character gets annotations that
//! name it but are not placed on it.

use super::concise;
use super::emitter::{EmitContext, Emitter};
use super::escape::{terminal, terminal_lines};
use super::locate::{container_entry, line_index, locate};
use super::summary::{rule_counts, Summary};
use crate::pipeline::LintedFile;
use crate::rule_meta::Severity;
use std::io::{self, Write};

fn escape_data(s: &str) -> String {
    terminal_lines(s)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(&terminal(s))
        .replace(':', "%3A")
        .replace(',', "%2C")
}

/// GitHub shows at most this many annotations of each kind per step; more are dropped
/// silently, so vsslint says how many it left out instead.
pub const ANNOTATIONS_PER_KIND: usize = 10;

/// The `github` report; with a step summary file, the job summary is added to it.
pub struct Github;

impl Emitter for Github {
    fn emit(&self, out: &mut dyn Write, files: &[LintedFile], cx: &EmitContext) -> io::Result<()> {
        write(out, files)?;
        if let Some(path) = cx.step_summary {
            let mut f = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)?;
            f.write_all(step_summary(files).as_bytes())?;
        }
        Ok(())
    }

    fn shows_source(&self) -> bool {
        false
    }
}

/// Writes `files`' findings to `out` as GitHub Actions workflow commands, one a line.
pub fn write(out: &mut dyn Write, files: &[LintedFile]) -> io::Result<()> {
    // Errors first: GitHub shows only the first few annotations of each kind per step.
    let mut rows = Vec::new();
    for f in files {
        let shared = line_index(&f.text);
        let index = shared.index();
        let file = super::paths::machine_path(&f.path);
        for l in locate(f, &index) {
            rows.push((
                std::cmp::Reverse(l.diagnostic.severity),
                file.clone(),
                f.path.as_str(),
                l.start,
                l.end,
                l.diagnostic,
            ));
        }
    }
    rows.sort_by(|a, b| (a.0, &a.1, a.3).cmp(&(b.0, &b.1, b.3)));
    let mut shown = [0usize; 3];
    let mut left_out = 0;
    for (_, file, path, start, end, d) in rows {
        let n = &mut shown[d.severity as usize];
        if *n == ANNOTATIONS_PER_KIND {
            left_out += 1;
            continue;
        }
        *n += 1;
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        // The message's own line break (before the help) is kept, as `%0A`; those of a
        // name or a value are not its own.
        let mut message = format!(
            "{}:{}:{}: {} {}",
            terminal(&file),
            start.line,
            start.column,
            d.rule.code,
            terminal(&d.message)
        );
        if let Some(h) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(h);
        }
        // A document inside a cabinet: the annotation goes on the cabinet, which is the file
        // in the repository, and names the document; lines in it would point into the
        // cabinet's bytes.
        if let Some((container, entry)) = container_entry(path) {
            writeln!(
                out,
                "::{kind} file={},title={}::{}",
                escape_property(&super::paths::machine_path(container)),
                escape_property(&format!(
                    "vsslint ({} {}) in {entry}",
                    d.rule.code, d.rule.slug
                )),
                escape_data(&message)
            )?;
            continue;
        }
        let columns = if start.line == end.line {
            format!(
                ",col={},endColumn={}",
                start.column,
                end.column.max(start.column)
            )
        } else {
            String::new()
        };
        writeln!(
            out,
            "::{kind} file={},line={},endLine={}{columns},title={}::{}",
            escape_property(&file),
            start.line,
            end.line,
            escape_property(&format!("vsslint ({} {})", d.rule.code, d.rule.slug)),
            escape_data(&message)
        )?;
    }
    if left_out > 0 {
        writeln!(
            out,
            "::notice title=vsslint::{left_out} more findings are not annotated (GitHub shows {ANNOTATIONS_PER_KIND} of each kind per step); the full list is in the vsslint report below"
        )?;
    }
    writeln!(out, "::group::vsslint report")?;
    concise::write(out, files)?;
    writeln!(out, "::endgroup::")
}

/// A Markdown summary for `$GITHUB_STEP_SUMMARY`: counts per rule, then per file.
pub fn step_summary(files: &[LintedFile]) -> String {
    let summary = Summary::of(files);
    let mut s = format!("### vsslint\n\n{}\n", summary.line());
    let by_rule = rule_counts(files);
    if !by_rule.is_empty() {
        s.push_str("\n| Rule | Severity | Findings |\n|---|---|---:|\n");
        for ((code, slug), (n, sev)) in &by_rule {
            s.push_str(&format!("| {code} `{slug}` | {sev} | {n} |\n"));
        }
        s.push_str("\n| File | Errors | Warnings | Infos |\n|---|---:|---:|---:|\n");
        for f in files.iter().filter(|f| !f.diagnostics.is_empty()) {
            let count = |sev: Severity| f.diagnostics.iter().filter(|d| d.severity == sev).count();
            s.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                code_cell(&f.path),
                count(Severity::Error),
                count(Severity::Warning),
                count(Severity::Info)
            ));
        }
    }
    s
}

/// `text` as code in a cell of a Markdown table: escaped for the terminal (a line break
/// would end the row), its pipes escaped (GitHub's tables split cells at them even in code),
/// and fenced with more backticks than it holds in a row.
fn code_cell(text: &str) -> String {
    let text = terminal(text).replace('|', "\\|");
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    // A space apart from the fence, which Markdown strips, keeps a backtick at either end
    // from being read as part of it.
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_stays_in_its_table_cell() {
        assert_eq!(code_cell("a.xml"), "`a.xml`");
        assert_eq!(code_cell("a|b\n| x |"), "`a\\|b\\n\\| x \\|`");
        assert_eq!(code_cell("`a``b"), "``` `a``b ```");
    }
}
