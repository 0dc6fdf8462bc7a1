//! What a rule file is written against: [`Rule`], the kinds of [`Check`], the context
//! [`Cx`] a check reports into, and the [`rule!`] macro that declares its metadata.
//!
//! A rule file imports this module and the shared toolkit (`crate::toolkit`), never another
//! rule file; the registry (`crate::rules`) lists the rules and the engine runs them.

use crate::diagnostic::{Diagnostic, Findings};
use crate::model::{Component, DocKind, Document, Exclude, FileSet, Identity, WriterMetadata};
use crate::rule_meta::{RuleMeta, Severity};
use crate::settings::Settings;
use crate::span::Span;

/// Declares a rule's metadata; the examples are read from the rule's fixture folder.
macro_rules! rule {
    ($slug:literal { $($field:ident : $value:expr),* $(,)? }) => {{
        // A rule that sets every field leaves nothing for `..BASE`.
        #[allow(clippy::needless_update)]
        let meta = $crate::rule_meta::RuleMeta {
            slug: $slug,
            bad: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/rules/", $slug, "/bad.xml")),
            good: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/rules/", $slug, "/good.xml")),
            $($field: $value,)*
            ..$crate::rule_meta::RuleMeta::BASE
        };
        meta
    }};
}
pub(crate) use rule;

/// A document of a rule's example backup: `companion!("WM0.xml", "sets/contoso")` is
/// `fixtures/sets/contoso/WM0.xml`, under its file name.
macro_rules! companion {
    ($name:literal, $dir:literal) => {
        (
            $name,
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/fixtures/",
                $dir,
                "/",
                $name
            )),
        )
    };
}
pub(crate) use companion;

/// What a rule inspects. The engine visits each node once and calls every enabled rule that
/// inspects that kind of node; checks across documents run once all documents are linted.
#[derive(Clone, Copy)]
pub enum Check {
    /// Raised by the pipeline itself (decoding, parsing, document kind, suppressions).
    Pipeline,
    Writer(fn(&mut Cx, &WriterMetadata)),
    Component(fn(&mut Cx, &WriterMetadata, &Component)),
    FileSet(fn(&mut Cx, &WriterMetadata, &Component, &FileSet)),
    Exclude(fn(&mut Cx, &WriterMetadata, &Exclude)),
    /// Compares the documents linted together.
    Across(Across),
}

/// A check across documents.
#[derive(Clone, Copy)]
pub struct Across {
    /// Which documents the check may read or report on; the others are never given to it.
    /// `None` takes every document that was read.
    pub involves: Option<fn(&Facts) -> bool>,
    /// Whether the check reads the documents' models, which are then built again for it.
    pub needs_models: bool,
    /// Given the documents it involves, and what is known of every document linted (which
    /// it may read, but not report on).
    pub check: fn(&mut AcrossCx, &[Member], &[Facts]),
}

pub use crate::container::Origin;

/// What is known of a linted document without reading it again.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    /// The name shown for the file.
    pub path: &'a str,
    pub kind: DocKind,
    /// Who wrote it, for a writer metadata document that names its writer class.
    pub identity: Option<&'a Identity>,
    /// The backup it belongs to, when it was linted as part of one.
    pub set: Option<&'a str>,
    /// Whether it is a file of its own, a cabinet's entry or a transcript's frame.
    pub origin: crate::container::Origin,
}

pub struct Rule {
    pub meta: RuleMeta,
    pub check: Check,
}

/// The context a check on one document reports into, for one rule at a time.
pub struct Cx<'s, 'o> {
    pub settings: &'s Settings,
    rule: &'static RuleMeta,
    severity: Severity,
    out: &'o mut Findings,
}

impl<'s, 'o> Cx<'s, 'o> {
    /// A context for `rule` running at `severity`, adding its findings to `out`.
    pub fn new(
        settings: &'s Settings,
        rule: &'static RuleMeta,
        severity: Severity,
        out: &'o mut Findings,
    ) -> Self {
        Cx {
            settings,
            rule,
            severity,
            out,
        }
    }

    /// Reports a finding of the running rule at `span`.
    pub fn report(&mut self, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        let mut d = Diagnostic::new(self.rule, span, message);
        d.severity = self.severity;
        self.out.push(d)
    }
}

/// A document linted together with others, as a check across documents sees it.
pub struct Member<'a> {
    pub facts: Facts<'a>,
    /// Its decoded text: spans index into it.
    pub text: &'a str,
    /// Its model, when the check asked for models.
    pub model: Option<&'a Document<'a>>,
    /// The severity the rule runs at in this document's settings.
    pub severity: Severity,
}

/// The context a check across documents reports into.
pub struct AcrossCx {
    rule: &'static RuleMeta,
    out: Vec<(usize, Diagnostic)>,
    /// The members of each backup that could not be read as documents: (backup, file name
    /// shown). Reported as what they are by the pipeline; a check across a backup must not
    /// also call them missing.
    unreadable: Vec<(String, String)>,
}

impl AcrossCx {
    pub fn new(rule: &'static RuleMeta) -> Self {
        AcrossCx {
            rule,
            out: Vec::new(),
            unreadable: Vec::new(),
        }
    }

    /// The context of a check across backups some of whose members are unreadable.
    pub fn with_unreadable(rule: &'static RuleMeta, unreadable: Vec<(String, String)>) -> Self {
        AcrossCx {
            unreadable,
            ..AcrossCx::new(rule)
        }
    }

    /// The names shown for the members of backup `set` that could not be read as documents.
    pub fn unreadable_in<'s>(&'s self, set: &'s str) -> impl Iterator<Item = &'s str> + 's {
        self.unreadable
            .iter()
            .filter(move |(s, _)| s == set)
            .map(|(_, path)| path.as_str())
    }

    /// Reports a finding of the running rule at `span` in the `member`th document.
    pub fn report(
        &mut self,
        members: &[Member],
        member: usize,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let mut d = Diagnostic::new(self.rule, span, message);
        d.severity = members[member].severity;
        self.out.push((member, d));
        &mut self.out.last_mut().expect("just pushed").1
    }

    /// The findings, each with the index of the member it belongs to.
    pub fn into_findings(self) -> Vec<(usize, Diagnostic)> {
        self.out
    }
}
