//! The counts a report ends with: findings by severity, what was left out of the lists and
//! why, and findings by rule.

use crate::diagnostic::Severity;
use crate::pipeline::{HiddenBy, LintedFile};
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

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
