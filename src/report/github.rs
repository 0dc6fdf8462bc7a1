//! `--format github`: workflow commands that GitHub Actions turns into annotations, with the
//! concise report folded into a log group.

use super::{concise, locate};
use crate::diagnostic::Severity;
use crate::lint::LintedFile;
use crate::span::LineIndex;
use std::io::{self, Write};

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn write(out: &mut dyn Write, files: &[LintedFile]) -> io::Result<()> {
    // Errors first: GitHub shows only the first few annotations of each kind per step.
    let mut rows = Vec::new();
    for f in files {
        let index = LineIndex::new(&f.text);
        let file = super::sarif::relative_uri(&f.path);
        for l in locate(f, &index) {
            rows.push((
                std::cmp::Reverse(l.diagnostic.severity),
                file.clone(),
                l.start,
                l.end,
                l.diagnostic,
            ));
        }
    }
    rows.sort_by(|a, b| (a.0, &a.1, a.2).cmp(&(b.0, &b.1, b.2)));
    for (_, file, start, end, d) in rows {
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let columns = if start.line == end.line {
            format!(
                ",col={},endColumn={}",
                start.column,
                end.column.max(start.column)
            )
        } else {
            String::new()
        };
        let mut message = format!(
            "{file}:{}:{}: {} {}",
            start.line, start.column, d.rule.code, d.message
        );
        if let Some(h) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(h);
        }
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
    writeln!(out, "::group::vsslint report")?;
    concise::write(out, files)?;
    writeln!(out, "::endgroup::")
}
