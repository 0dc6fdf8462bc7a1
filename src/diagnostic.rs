//! A finding: which rule, how severe, what and where, and how to fix it.

use crate::rules::RuleMeta;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A second location that explains the first ("first defined here").
#[derive(Debug, Clone)]
pub struct Related {
    pub span: Span,
    pub message: String,
}

#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub rule: &'static RuleMeta,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    /// Text under the primary label.
    pub label: Option<String>,
    pub help: Option<String>,
    pub related: Vec<Related>,
}

impl Diagnostic {
    pub fn new(rule: &'static RuleMeta, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            severity: rule.severity,
            message: tidy(message.into()),
            span,
            label: None,
            help: None,
            related: Vec::new(),
        }
    }

    pub fn label(&mut self, label: impl Into<String>) -> &mut Self {
        self.label = Some(tidy(label.into()));
        self
    }

    pub fn help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(tidy(help.into()));
        self
    }

    pub fn severity(&mut self, severity: Severity) -> &mut Self {
        self.severity = severity;
        self
    }

    pub fn related(&mut self, span: Span, message: impl Into<String>) -> &mut Self {
        self.related.push(Related {
            span,
            message: tidy(message.into()),
        });
        self
    }
}

/// Longest text kept in a message; longer ones lose their middle.
pub const MAX_TEXT: usize = 400;

/// Messages quote values from the document: keep them one line, free of terminal control
/// characters, and short however long the value.
fn tidy(s: String) -> String {
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_control() {
                    format!("\\u{{{:x}}}", c as u32)
                } else {
                    c.to_string()
                }
            })
            .collect()
    };
    if s.len() <= MAX_TEXT && !s.chars().any(char::is_control) {
        return s;
    }
    let chars = s.chars().count();
    if chars <= MAX_TEXT {
        return clean(&s);
    }
    let head: String = s.chars().take(MAX_TEXT / 2).collect();
    let tail: String = s.chars().skip(chars - MAX_TEXT / 2).collect();
    format!(
        "{}…[{} characters]…{}",
        clean(&head),
        chars - MAX_TEXT,
        clean(&tail)
    )
}
