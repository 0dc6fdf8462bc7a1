//! A finding: which rule, how severe, what and where, and how to fix it.

use crate::rule_meta::RuleMeta;
pub use crate::rule_meta::{Applicability, Severity};
use std::borrow::Cow;
use vsslint_model::span::{Position, Span};

/// One replacement in the decoded text: `span` becomes `replacement` (an empty span inserts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The text replaced: a byte range of the decoded text; an empty one inserts at its start.
    pub span: Span,
    /// Mostly fixed text (`yes`, `no`): borrowed, it costs nothing per finding.
    pub replacement: Cow<'static, str>,
}

/// A machine-applicable fix: what the finding's help says to write, as edits. The help is
/// its description, so the two are declared together ([`Diagnostic::fix`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// Whether it may be applied without asking.
    pub applicability: Applicability,
    /// Sorted and disjoint.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// The value at `span` (an attribute's value between its quotes) replaced.
    pub fn replace(
        span: Span,
        replacement: impl Into<Cow<'static, str>>,
        applicability: Applicability,
    ) -> Self {
        Fix {
            applicability,
            edits: vec![Edit {
                span,
                replacement: replacement.into(),
            }],
        }
    }

    /// `text` inserted at `at`.
    pub fn insert(
        at: usize,
        text: impl Into<Cow<'static, str>>,
        applicability: Applicability,
    ) -> Self {
        Fix::replace(Span::new(at, at), text, applicability)
    }
}

/// A second location that explains the first ("first defined here").
#[derive(Debug, Clone)]
pub struct Related {
    /// Where, in the finding's file; or, with `elsewhere`, in that other file.
    pub span: Span,
    /// What the location shows, e.g. "first defined here".
    pub message: String,
    /// A location in another document linted together (a check across documents): its file
    /// and position there.
    pub elsewhere: Option<Box<Elsewhere>>,
}

/// A place in another file.
#[derive(Debug, Clone)]
pub struct Elsewhere {
    /// The name shown for the other file.
    pub path: String,
    /// Where the location starts in the other file.
    pub start: Position,
    /// The other file's text, when the report may show the place in it (`vsslint compat`
    /// shows the OLD document's lines under the finding in NEW).
    pub text: Option<std::sync::Arc<String>>,
}

/// A finding: what a rule reports at one place of a document.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// The rule that raised it.
    pub rule: &'static RuleMeta,
    /// How serious it is: the severity its rule runs at in its file's settings.
    pub severity: Severity,
    /// Boxed rather than a `String`: a document can raise a finding for each of its hundreds
    /// of thousands of nodes, and the box is the text's exact size.
    pub message: Box<str>,
    /// Where it is: a byte range of its document's decoded text.
    pub span: Span,
    /// Text under the primary label.
    pub label: Option<Cow<'static, str>>,
    /// How to fix it, in words; with a fix, that fix's description.
    pub help: Option<Cow<'static, str>>,
    /// Further locations that explain it.
    pub related: Vec<Related>,
    /// The edits that do what the help says, when they can be made without a person's
    /// judgement. Boxed: most findings have none.
    pub fix: Option<Box<Fix>>,
    /// Where the span starts and ends, worked out while the text was at hand, for a report
    /// that shows positions only (`concise`, `github`): the run then lets the text go.
    /// Boxed: most findings never have it, and it then costs one pointer.
    pub located: Option<Box<(Position, Position)>>,
}

impl Diagnostic {
    /// A finding of `rule` at `span`, at the rule's default severity. The message is made one
    /// line (control characters escaped) and, when long, loses its middle.
    pub fn new(rule: &'static RuleMeta, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            severity: rule.severity,
            message: tidy(message.into()).into_boxed_str(),
            span,
            label: None,
            help: None,
            related: Vec::new(),
            fix: None,
            located: None,
        }
    }

    /// The help and the fix that does what it says, declared together: the help describes
    /// the fix wherever it is shown (a code action's title, SARIF's fix description).
    pub fn fix(&mut self, help: impl Into<Cow<'static, str>>, fix: Fix) -> &mut Self {
        self.help(help);
        self.fix = Some(Box::new(fix));
        self
    }

    /// Labels and help are mostly fixed text: kept borrowed, they cost no allocation.
    pub fn label(&mut self, label: impl Into<Cow<'static, str>>) -> &mut Self {
        self.label = Some(tidy_cow(label.into()));
        self
    }

    /// Sets the help: how to fix the finding, in words.
    pub fn help(&mut self, help: impl Into<Cow<'static, str>>) -> &mut Self {
        self.help = Some(tidy_cow(help.into()));
        self
    }

    /// A further location in another file, at `span` of it, which starts at `start`.
    pub fn related_in(
        &mut self,
        path: &str,
        span: Span,
        start: Position,
        message: impl Into<String>,
    ) -> &mut Self {
        self.related.push(Related {
            span,
            message: exact(tidy(message.into())),
            elsewhere: Some(Box::new(Elsewhere {
                path: path.to_string(),
                start,
                text: None,
            })),
        });
        self
    }

    /// A further location in the finding's file, at `span`, with `message` shown there.
    pub fn related(&mut self, span: Span, message: impl Into<String>) -> &mut Self {
        self.related.push(Related {
            elsewhere: None,
            span,
            message: exact(tidy(message.into())),
        });
        self
    }
}

/// The findings of one document as they are reported, in chunks of at most [`Findings::CHUNK`]:
/// a list that doubles as it grows would, on a document of hundreds of thousands of findings,
/// hold up to twice their size, and joining the lists of several threads would hold them
/// twice, while the document's tree and model are still in memory. Joined into one list
/// once the model is gone ([`Findings::into_vec`]).
#[derive(Debug, Default)]
pub struct Findings {
    chunks: Vec<Vec<Diagnostic>>,
}

impl Findings {
    /// Findings a chunk holds. The first chunk grows from nothing, as a list does: most
    /// documents have a handful of findings.
    pub const CHUNK: usize = 1024;

    /// No findings.
    pub fn new() -> Self {
        Findings::default()
    }

    /// Adds `d` after the others and gives it back, for its label, help and fix to be set.
    pub fn push(&mut self, d: Diagnostic) -> &mut Diagnostic {
        match self.chunks.last_mut() {
            Some(last) if last.len() < Self::CHUNK => last.push(d),
            _ => {
                let mut chunk = Vec::with_capacity(if self.chunks.is_empty() {
                    4
                } else {
                    Self::CHUNK
                });
                chunk.push(d);
                self.chunks.push(chunk);
            }
        }
        let last = self.chunks.last_mut().expect("just pushed");
        last.last_mut().expect("just pushed")
    }

    /// Adds `other`'s findings after these.
    pub fn append(&mut self, other: Findings) {
        self.chunks
            .extend(other.chunks.into_iter().filter(|c| !c.is_empty()));
    }

    /// How many findings there are.
    pub fn len(&self) -> usize {
        self.chunks.iter().map(Vec::len).sum()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.chunks.iter().all(Vec::is_empty)
    }

    /// The findings, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.chunks.iter().flatten()
    }

    /// Keeps only the findings `keep` returns true for, in their order.
    pub fn retain(&mut self, mut keep: impl FnMut(&Diagnostic) -> bool) {
        for c in &mut self.chunks {
            c.retain(&mut keep);
        }
    }

    /// The findings in one list, sized once. A file's findings are kept until the end of
    /// the run: the list is its exact size (on 20,000 small documents, a list grown a
    /// finding at a time held 1.7 times the findings it had).
    pub fn into_vec(mut self) -> Vec<Diagnostic> {
        if self.chunks.len() == 1 {
            let mut all = self.chunks.pop().expect("one chunk");
            all.shrink_to_fit();
            return all;
        }
        let mut all = Vec::with_capacity(self.len());
        for c in self.chunks {
            all.extend(c);
        }
        all
    }
}

/// Longest text kept in a message, in characters; longer ones lose their middle.
pub(crate) const MAX_TEXT: usize = 400;

/// A text made for a finding, which is kept until the end of the run: an owned one at its
/// exact size (a help built with `format!` and `push_str` holds up to twice its length).
fn tidy_cow(s: Cow<'static, str>) -> Cow<'static, str> {
    match s {
        Cow::Owned(s) => Cow::Owned(exact(tidy(s))),
        borrowed if needs_tidying(&borrowed) => Cow::Owned(exact(tidy(borrowed.into_owned()))),
        borrowed => borrowed,
    }
}

fn exact(mut s: String) -> String {
    s.shrink_to_fit();
    s
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
    fn what_a_file_keeps_of_its_findings_is_their_exact_size() {
        let rule = &RuleMeta::BASE;
        let mut found = Findings::new();
        for i in 0..3 {
            let mut help = format!("help {i}");
            help.push_str(", and more");
            found
                .push(Diagnostic::new(rule, Span::new(i, i), "message"))
                .help(help)
                .related(Span::new(0, 0), String::with_capacity(64) + "related");
        }
        let kept = found.into_vec();
        assert_eq!(kept.capacity(), kept.len());
        for d in &kept {
            let Some(Cow::Owned(help)) = &d.help else {
                panic!("an owned help");
            };
            assert_eq!(help.capacity(), help.len());
            assert_eq!(d.related[0].message.capacity(), d.related[0].message.len());
        }
    }

    #[test]
    fn long_text_loses_its_middle() {
        let t = tidy("é".repeat(MAX_TEXT + 10));
        assert!(t.contains("…[10 characters]…"), "{t}");
        assert_eq!(t.chars().filter(|&c| c == 'é').count(), MAX_TEXT);
    }
}
