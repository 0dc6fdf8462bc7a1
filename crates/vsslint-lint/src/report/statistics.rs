//! `--statistics`: how often each rule fired, most frequent first.

use super::emitter::{EmitContext, Emitter};
use super::summary::{rule_counts, Summary};
use crate::pipeline::LintedFile;
use std::io::{self, Write};

/// How often each rule fired: a table, or a JSON list.
pub struct Statistics {
    /// A JSON list rather than a table.
    pub json: bool,
}

impl Emitter for Statistics {
    fn emit(&self, out: &mut dyn Write, files: &[LintedFile], _: &EmitContext) -> io::Result<()> {
        write(out, files, self.json)
    }
}

/// Writes the table (or, with `json`, a JSON list of `{code, rule, count, severity}`).
pub fn write(out: &mut dyn Write, files: &[LintedFile], json: bool) -> io::Result<()> {
    let mut rows: Vec<_> = rule_counts(files).into_iter().collect();
    rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
    if json {
        let list: Vec<_> = rows
            .iter()
            .map(|((code, slug), (n, sev))| serde_json::json!({"code": code, "rule": slug, "count": n, "severity": sev}))
            .collect();
        serde_json::to_writer_pretty(&mut *out, &list)?;
        return writeln!(out);
    }
    for ((code, slug), (n, sev)) in &rows {
        writeln!(out, "{n:>6}  {code}  {slug:<44} {sev}")?;
    }
    writeln!(out, "{}", Summary::of(files).line())
}
