//! A finding: which rule, how severe, what and where, and how to fix it.

use crate::rule_meta::RuleMeta;
pub use crate::rule_meta::Severity;
use crate::span::Span;
use std::borrow::Cow;

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
    pub label: Option<Cow<'static, str>>,
    pub help: Option<Cow<'static, str>>,
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

    /// Labels and help are mostly fixed text: kept borrowed, they cost no allocation.
    pub fn label(&mut self, label: impl Into<Cow<'static, str>>) -> &mut Self {
        self.label = Some(tidy_cow(label.into()));
        self
    }

    pub fn help(&mut self, help: impl Into<Cow<'static, str>>) -> &mut Self {
        self.help = Some(tidy_cow(help.into()));
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

fn tidy_cow(s: Cow<'static, str>) -> Cow<'static, str> {
    if needs_tidying(&s) {
        Cow::Owned(tidy(s.into_owned()))
    } else {
        s
    }
}

fn needs_tidying(s: &str) -> bool {
    s.len() > MAX_TEXT || has_control(s)
}

/// Whether a text holds a control character: C0 or DEL (one byte each), or C1 (0xC2 then
/// 0x80..=0x9F in UTF-8).
fn has_control(s: &str) -> bool {
    let b = s.as_bytes();
    // A quick pass first, branch-free over each chunk so that it compiles to vector
    // instructions: most texts have no byte that could start a control character.
    let suspect = b.chunks(32).any(|chunk| {
        chunk.iter().fold(false, |acc, &c| {
            acc | (c < 0x20) | (c == 0x7F) | (c == 0xC2)
        })
    });
    suspect
        && b.iter().enumerate().any(|(i, &c)| {
            c < 0x20
                || c == 0x7F
                || (c == 0xC2 && b.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)))
        })
}

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
    if !needs_tidying(&s) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_and_others_kept() {
        assert_eq!(
            tidy("a\tb\u{7f}c\u{85}d".into()),
            "a\\u{9}b\\u{7f}c\\u{85}d"
        );
        // U+00A0 and U+0100 start with 0xC2 and 0xC4 but are not controls.
        assert_eq!(tidy("a\u{a0}b\u{100}".into()), "a\u{a0}b\u{100}");
    }

    #[test]
    fn long_text_loses_its_middle() {
        let t = tidy("é".repeat(MAX_TEXT + 10));
        assert!(t.contains("…[10 characters]…"), "{t}");
        assert_eq!(t.chars().filter(|&c| c == 'é').count(), MAX_TEXT);
    }
}
