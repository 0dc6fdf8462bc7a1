//! One line per finding: `path:line:col: severity: message [CODE slug]`.

use super::{locate, Summary};
use crate::lint::LintedFile;
use crate::span::LineIndex;
use std::io::{self, Write};

pub fn write(out: &mut dyn Write, files: &[LintedFile]) -> io::Result<()> {
    for f in files {
        let index = LineIndex::new(&f.text);
        for l in locate(f, &index) {
            let d = l.diagnostic;
            writeln!(
                out,
                "{}:{}:{}: {}: {} [{} {}]",
                f.path,
                l.start.line,
                l.start.column,
                d.severity,
                d.message,
                d.rule.code,
                d.rule.slug
            )?;
        }
    }
    writeln!(out, "{}", Summary::of(files).line())
}
