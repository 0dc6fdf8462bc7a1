//! What a rule file is written against: [`Rule`], the kinds of [`Check`], the context
//! [`Cx`] a check reports into, and the `rule!` macro that declares its metadata.
//!
//! A rule file imports this module and the shared toolkit (`crate::toolkit`), never another
//! rule file; the registry (`crate::rules`) lists the rules and the engine runs them.

use crate::diagnostic::{Diagnostic, Findings};
use crate::rule_meta::{RuleMeta, Severity};
use crate::settings::Settings;
use vsslint_model::model::{
    Component, DocKind, Document, Exclude, FileSet, Identity, WriterMetadata,
};
use vsslint_model::span::Span;

/// Declares a rule's metadata; the examples are read from the rule's fixture folder.
macro_rules! rule {
    ($slug:literal { $($field:ident : $value:expr),* $(,)? }) => {{
        // A rule that sets every field leaves nothing for `..BASE`.
        #[allow(clippy::needless_update)]
        let meta = $crate::rule_meta::RuleMeta {
            slug: $slug,
            bad: include_str!(concat!(env!("VSSLINT_FIXTURES"), "/rules/", $slug, "/bad.xml")),
            good: include_str!(concat!(env!("VSSLINT_FIXTURES"), "/rules/", $slug, "/good.xml")),
            $($field: $value,)*
            ..$crate::rule_meta::RuleMeta::BASE
        };
        meta
    }};
}
pub(crate) use rule;

/// Declares the metadata of a rule of `vsslint compat`: its examples are
/// `fixtures/rules/<slug>/old.xml` against `new.xml` (breaks the rule) and against `good.xml`
/// (keeps it).
macro_rules! compat_rule {
    ($slug:literal { $($field:ident : $value:expr),* $(,)? }) => {{
        #[allow(clippy::needless_update)]
        let meta = $crate::rule_meta::RuleMeta {
            slug: $slug,
            bad: include_str!(concat!(env!("VSSLINT_FIXTURES"), "/rules/", $slug, "/new.xml")),
            good: include_str!(concat!(env!("VSSLINT_FIXTURES"), "/rules/", $slug, "/good.xml")),
            comparing: Some($crate::rule_meta::Comparing {
                collection: false,
                old: &[("old.xml", include_str!(concat!(env!("VSSLINT_FIXTURES"), "/rules/", $slug, "/old.xml")))],
                new: &[("new.xml", include_str!(concat!(env!("VSSLINT_FIXTURES"), "/rules/", $slug, "/new.xml")))],
                good: &[("good.xml", include_str!(concat!(env!("VSSLINT_FIXTURES"), "/rules/", $slug, "/good.xml")))],
            }),
            $($field: $value,)*
            ..$crate::rule_meta::RuleMeta::BASE
        };
        meta
    }};
    // A rule about collections names the documents of its folders `old/`, `new/` and `good/`
    // with `companion!`, in `comparing`.
    (collection $slug:literal { $($field:ident : $value:expr),* $(,)? }) => {{
        #[allow(clippy::needless_update)]
        let meta = $crate::rule_meta::RuleMeta {
            slug: $slug,
            $($field: $value,)*
            ..$crate::rule_meta::RuleMeta::BASE
        };
        meta
    }};
}
pub(crate) use compat_rule;

/// A document of a rule's example backup: `companion!("WM0.xml", "sets/contoso")` is
/// `fixtures/sets/contoso/WM0.xml`, under its file name.
macro_rules! companion {
    ($name:literal, $dir:literal) => {
        (
            $name,
            include_str!(concat!(env!("VSSLINT_FIXTURES"), "/", $dir, "/", $name)),
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
    /// Each writer metadata document, once.
    Writer(fn(&mut Cx, &WriterMetadata)),
    /// Each component (`DATABASE` or `FILE_GROUP`) of a writer metadata document.
    Component(fn(&mut Cx, &WriterMetadata, &Component)),
    /// Each file set (`FILE_LIST`, `DATABASE_FILES` or `DATABASE_LOGFILES`) of each
    /// component.
    FileSet(fn(&mut Cx, &WriterMetadata, &Component, &FileSet)),
    /// Each `EXCLUDE_FILES` or `EXCLUDE_FILES_FROM_SNAPSHOT` of a writer metadata document.
    Exclude(fn(&mut Cx, &WriterMetadata, &Exclude)),
    /// Compares the documents linted together.
    Across(Across),
    /// Compares a writer's documents of two releases (`vsslint compat OLD NEW`); never run
    /// by `check`.
    Compare(Compare),
}

/// A check of `vsslint compat`: what it is given.
#[derive(Clone, Copy)]
pub enum Compare {
    /// Each pair of documents of one writer, OLD and NEW.
    Pair(fn(&mut CompareCx, &Pair)),
    /// The whole comparison once: every pair, the writers removed or added, the old backup.
    Whole(fn(&mut CompareCx, &Comparison)),
    /// Each pair once every other check is done, with the findings of the checks given that
    /// pair.
    Settled(fn(&mut CompareCx, &Pair, &[&Diagnostic])),
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

pub use vsslint_container::Origin;

/// What is known of a linted document without reading it again.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    /// The name shown for the file.
    pub path: &'a str,
    /// Which kind of document it is: writer metadata, backup components or manifest.
    pub kind: DocKind,
    /// Who wrote it, for a writer metadata document that names its writer class.
    pub identity: Option<&'a Identity>,
    /// The backup it belongs to, when it was linted as part of one.
    pub set: Option<&'a str>,
    /// Whether it is a file of its own, a cabinet's entry or a transcript's frame.
    pub origin: vsslint_container::Origin,
}

/// A rule: what it is, and what it inspects with which function.
pub struct Rule {
    /// Its names, severity, profile, documentation and examples.
    pub meta: RuleMeta,
    /// What it inspects, and the function that inspects it.
    pub check: Check,
}

/// The context a check on one document reports into, for one rule at a time.
pub struct Cx<'s, 'o> {
    /// The settings of the document being checked.
    pub settings: &'s Settings,
    rule: &'static RuleMeta,
    severity: Severity,
    out: &'o mut Findings,
}

impl<'s, 'o> Cx<'s, 'o> {
    /// A context for `rule` running at `severity`, adding its findings to `out`.
    pub(crate) fn new(
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
    /// What is known of it.
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
    /// The context of `rule`'s check, with no unreadable backup members.
    pub(crate) fn new(rule: &'static RuleMeta) -> Self {
        AcrossCx {
            rule,
            out: Vec::new(),
            unreadable: Vec::new(),
        }
    }

    /// The context of a check across backups some of whose members are unreadable.
    pub(crate) fn with_unreadable(
        rule: &'static RuleMeta,
        unreadable: Vec<(String, String)>,
    ) -> Self {
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
    pub(crate) fn into_findings(self) -> Vec<(usize, Diagnostic)> {
        self.out
    }
}

/// One side's document in a comparison: OLD or NEW.
pub struct Side<'a> {
    /// The name shown for the file.
    pub path: &'a str,
    /// Its decoded text: spans index into it.
    pub text: &'a str,
    /// Its model.
    pub doc: &'a WriterMetadata<'a>,
    /// Where the run keeps the file: findings located here go to it.
    pub file: usize,
    /// The lines of `text`, indexed on the first position asked for (an owned copy, so that a
    /// side borrows its document as any reference does).
    index: std::sync::OnceLock<vsslint_model::span::SharedLineIndex>,
}

impl<'a> Side<'a> {
    /// The document shown as `path`, with its text and model, kept by the run as file `file`.
    pub(crate) fn new(
        path: &'a str,
        text: &'a str,
        doc: &'a WriterMetadata<'a>,
        file: usize,
    ) -> Self {
        Side {
            path,
            text,
            doc,
            file,
            index: std::sync::OnceLock::new(),
        }
    }

    /// The line and column of `offset`.
    pub fn position(&self, offset: usize) -> vsslint_model::span::Position {
        self.index
            .get_or_init(|| {
                vsslint_model::span::SharedLineIndex::new(std::sync::Arc::new(
                    self.text.to_string(),
                ))
            })
            .index()
            .position(offset)
    }

    /// Where a finding about a removed or added component points: `BACKUP_LOCATIONS`, or
    /// the document element when there is none.
    pub fn components_container(&self) -> Span {
        self.doc
            .backup_locations
            .first()
            .map_or(self.doc.node.span, |n| n.span)
    }

    /// `IDENTIFICATION`, or the document element when there is none.
    pub fn identification_span(&self) -> Span {
        self.doc
            .identification()
            .map_or(self.doc.node.span, |id| id.node.span)
    }
}

/// A writer's document in OLD and its document in NEW, compared.
pub struct Pair<'a> {
    /// The document in OLD.
    pub old: Side<'a>,
    /// The document in NEW.
    pub new: Side<'a>,
    /// Why the two were paired.
    pub by: PairedBy,
    /// For each OLD component: whether the old backup records it (as a component, or through
    /// the component that defines its set). Empty when OLD is no backup.
    pub recorded: Vec<bool>,
    /// What the toolkit worked out about the pair, once for all its rules: one value of
    /// each type.
    memos: [Memo; MEMOS],
}

type Memo = std::sync::OnceLock<Box<dyn std::any::Any + Send + Sync>>;

/// Kinds of value [`Pair::memo`] keeps for a pair.
const MEMOS: usize = 16;

impl<'a> Pair<'a> {
    /// `old` and `new`, paired `by` a reason; no OLD component recorded as yet.
    pub(crate) fn new(old: Side<'a>, new: Side<'a>, by: PairedBy) -> Self {
        Pair {
            old,
            new,
            by,
            recorded: Vec::new(),
            memos: Default::default(),
        }
    }

    /// The value of type `T` made by `make` for this pair, made on first use: matches that
    /// several rules read are made once. `make` may itself ask for other values.
    pub fn memo<T: std::any::Any + Send + Sync>(&self, make: impl FnOnce(&Self) -> T) -> &T {
        fn mine<T: std::any::Any>(slot: &Memo) -> Option<&T> {
            slot.get().and_then(|v| v.downcast_ref::<T>())
        }
        if let Some(v) = self.memos.iter().find_map(mine::<T>) {
            return v;
        }
        let mut made: Option<Box<dyn std::any::Any + Send + Sync>> = Some(Box::new(make(self)));
        for slot in &self.memos {
            if let Some(v) = mine(slot) {
                return v;
            }
            if let Some(value) = made.take() {
                if let Err(back) = slot.set(value) {
                    made = Some(back);
                } else if let Some(v) = mine(slot) {
                    return v;
                }
            }
        }
        panic!("a pair keeps at most {MEMOS} kinds of value")
    }

    /// Whether the old backup records OLD component `old`.
    pub fn is_recorded(&self, old: usize) -> bool {
        self.recorded.get(old).copied().unwrap_or(false)
    }
}

/// Why two writer documents were paired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairedBy {
    /// The two documents compared were named one against the other.
    Files,
    /// Same writer class and instance name (or both without one).
    Key,
    /// Same writer class, the only document of that class left on each side: its instance
    /// name changed, appeared or went.
    OnlyOfClass,
    /// Different writer classes, same friendly name.
    FriendlyName,
}

/// Two writer documents paired: one of OLD, one of NEW, by their indexes in
/// [`Comparison::old`] and [`Comparison::new`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriterPair {
    /// Index of the OLD document.
    pub old: usize,
    /// Index of the NEW document.
    pub new: usize,
    /// Why the two were paired.
    pub by: PairedBy,
}

/// How the writer documents of OLD and NEW were paired (`crate::toolkit::compat_pairs`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pairing {
    /// The documents paired, one of OLD with one of NEW.
    pub pairs: Vec<WriterPair>,
    /// OLD documents without a NEW one.
    pub removed: Vec<usize>,
    /// NEW documents without an OLD one.
    pub added: Vec<usize>,
    /// Groups of OLD documents sharing one (writerId, instanceName): none of them is paired.
    pub ambiguous_old: Vec<Vec<usize>>,
    /// The same among NEW documents.
    pub ambiguous_new: Vec<Vec<usize>>,
    /// Two files of different classes and names: nothing is compared.
    pub not_same_writer: bool,
}

/// Everything compared in one run of `vsslint compat`.
pub struct Comparison<'a> {
    /// Whether OLD and NEW are one document each, rather than collections.
    pub files: bool,
    /// The pairs compared, in the order of [`Pairing::pairs`].
    pub pairs: Vec<Pair<'a>>,
    /// Every OLD document compared, and every NEW one; pairs and the pairing's indexes
    /// refer to these.
    pub old: Vec<Side<'a>>,
    /// Every NEW document compared.
    pub new: Vec<Side<'a>>,
    /// How the documents of OLD and NEW were paired.
    pub pairing: Pairing,
}

/// The context a check of `vsslint compat` reports into, for one rule at a time.
pub struct CompareCx<'p, 'a> {
    rule: &'static RuleMeta,
    /// The pair being compared, for the checks given one.
    pair: Option<&'p Pair<'a>>,
    out: Vec<(usize, Diagnostic)>,
}

/// What the related location in OLD is called.
pub(crate) const IN_OLD: &str = "in the old release";

impl<'p, 'a> CompareCx<'p, 'a> {
    /// The context of `rule`'s check, given the `pair` it compares; `None` for a check of
    /// the whole comparison.
    pub(crate) fn new(rule: &'static RuleMeta, pair: Option<&'p Pair<'a>>) -> Self {
        CompareCx {
            rule,
            pair,
            out: Vec::new(),
        }
    }

    fn pair(&self) -> &'p Pair<'a> {
        self.pair
            .expect("a check given the whole comparison names the sides it reports in")
    }

    /// Reports a finding of the running rule at `span` of `side`'s document.
    pub fn report_in(
        &mut self,
        side: &Side,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.out
            .push((side.file, Diagnostic::new(self.rule, span, message)));
        &mut self.out.last_mut().expect("just pushed").1
    }

    /// Reports at `new_span` of `new`, with `old_span` of `old` as the related location.
    pub fn report_pair(
        &mut self,
        (old, old_span): (&Side, Span),
        (new, new_span): (&Side, Span),
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let start = old.position(old_span.start);
        let path = old.path.to_string();
        let d = self.report_in(new, new_span, message);
        d.related_in(&path, old_span, start, IN_OLD);
        d
    }

    /// Something that is in both releases and changed: at `new` in NEW, `old` in OLD.
    pub fn changed(&mut self, old: Span, new: Span, message: impl Into<String>) -> &mut Diagnostic {
        let pair = self.pair();
        self.report_pair((&pair.old, old), (&pair.new, new), message)
    }

    /// An attribute whose value changed.
    pub fn changed_attr<T>(
        &mut self,
        old: &vsslint_model::model::Attr<T>,
        new: &vsslint_model::model::Attr<T>,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.changed(old.span, new.span, message)
    }

    /// Something of OLD that NEW no longer has: at the nearest container that survives in
    /// NEW, with the removed element in OLD.
    pub fn removed(
        &mut self,
        old_element: Span,
        new_container: Span,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.changed(old_element, new_container, message)
    }

    /// Something NEW has that OLD had not: at the element in NEW, with the container it would
    /// be in in OLD.
    pub fn added(
        &mut self,
        new_element: Span,
        old_container: Span,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.changed(old_container, new_element, message)
    }

    /// A finding about an OLD document that has no NEW one: located in OLD alone.
    pub fn in_old_only(
        &mut self,
        old: &Side,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.report_in(old, span, message)
    }

    /// Says of the last finding that the old backup records OLD component `old`, when it
    /// does.
    pub fn note_recorded(&mut self, old: usize) {
        let recorded = self.pair.is_some_and(|p| p.is_recorded(old));
        if let (true, Some((_, d))) = (recorded, self.out.last_mut()) {
            let message = format!("{} (recorded in the old backup)", d.message);
            d.message = message.into_boxed_str();
        }
    }

    /// The findings, each with the index of the file it belongs to.
    pub(crate) fn into_findings(self) -> Vec<(usize, Diagnostic)> {
        self.out
    }
}
