//! What a rule is, without what it does: its names, severity, profile, cost and documentation.
//!
//! The bottom of the stack: diagnostics, settings and reports read rule metadata, and nothing
//! here reads any other part of vsslint.

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
    /// The least serious: never fails a run; a backup's are not listed by default.
    Info,
    /// Fails a run only beyond `--max-warnings`.
    Warning,
    /// The most serious: any one fails a run (exit code 1, unless `--exit-zero`).
    Error,
}

impl Severity {
    /// Its name as configuration files and reports write it: `info`, `warning` or `error`.
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

/// Whether a fix may be applied without asking.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Every consumer reads the document as before, or the value had no meaning any consumer
    /// agrees on and the fix writes the one it spells (`recursive="1"` → `yes`).
    Safe,
    /// Changes what the document declares (clears a backup schema bit, changes a logical path):
    /// applied only when asked for (`--unsafe-fixes`).
    Unsafe,
}

impl Applicability {
    /// Its name as reports write it: `safe` or `unsafe`.
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// When a rule runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Profile {
    /// Always, unless configured off.
    Default,
    /// Only when turned on in the configuration.
    Optional,
    /// Only with `--express`.
    Express,
    /// Only with `--target-os`.
    TargetOs,
}

/// How much work a rule does on one document, for the engine to start the costliest work
/// first when it shares a large document among threads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cost {
    /// About one look at each node it inspects.
    Linear,
    /// Compares every file set of the document with the others: several walks' worth on a
    /// large document (measured on the System writer document).
    AllFileSets,
}

/// What a rule is: its names, severity, profile, documentation and examples. A rule file
/// declares it with the `rule!` macro, starting from [`RuleMeta::BASE`].
#[derive(Debug, Serialize)]
pub struct RuleMeta {
    /// The stable name, e.g. `schema/log-needs-logfiles`.
    pub slug: &'static str,
    /// The stable code, e.g. `VSL205`.
    pub code: &'static str,
    /// The severity its findings have unless the settings give the rule another.
    pub severity: Severity,
    /// When it runs.
    pub profile: Profile,
    /// One line: what the rule finds.
    pub summary: &'static str,
    /// What it checks, in detail (Markdown).
    #[serde(skip)]
    pub what: &'static str,
    /// Why it matters (Markdown).
    #[serde(skip)]
    pub why: &'static str,
    /// A document that breaks the rule.
    #[serde(skip)]
    pub bad: &'static str,
    /// The same document, fixed.
    #[serde(skip)]
    pub good: &'static str,
    /// Where the requirement comes from (Microsoft's documentation, real documents).
    #[serde(skip)]
    pub sources: &'static [&'static str],
    /// The `--target-os` its examples are linted with.
    #[serde(skip)]
    pub example_target: Option<&'static str>,
    /// The bad example is linted with `--express` and the good one without: for rules about
    /// express writers that no document can reveal by itself.
    #[serde(skip)]
    pub bad_example_express: bool,
    /// The rule compares documents linted together; its bad example is linted together with
    /// its good one.
    #[serde(skip)]
    pub across_documents: bool,
    /// How much work the rule does on one document.
    #[serde(skip)]
    pub cost: Cost,
    /// For a rule about a whole backup: the other documents of its example backup, by file
    /// name; the bad and good examples are the document named `example_file` among them.
    #[serde(skip)]
    pub companions: &'static [(&'static str, &'static str)],
    /// For a rule about a whole backup: the file name of the document its bad and good
    /// examples are; empty otherwise.
    #[serde(skip)]
    pub example_file: &'static str,
    /// The fix its findings carry when the help gives the exact text to write, and how safe
    /// it is (the most unsafe when it varies).
    pub fix: Option<Applicability>,
    /// For a rule of `vsslint compat`: its examples are releases compared, not documents
    /// linted (`bad` is then NEW's document and `good` a NEW that keeps the rule).
    #[serde(skip)]
    pub comparing: Option<Comparing>,
    /// Rules whose findings the example needs to raise this one (a rule that counts the
    /// others' findings): the example raises them too.
    #[serde(skip)]
    pub example_also: &'static [&'static str],
}

/// The examples of a rule that compares two releases: OLD's documents, NEW's documents that
/// break the rule against them, and a NEW's that keep it, each by file name. They are
/// `fixtures/rules/<slug>/{old,new,good}.xml`, or the folders `old/`, `new/` and `good/` for
/// a rule about collections.
#[derive(Debug)]
pub struct Comparing {
    /// OLD and NEW are folders of documents rather than one document each.
    pub collection: bool,
    /// OLD's documents: (file name, text).
    pub old: &'static [(&'static str, &'static str)],
    /// NEW's documents that break the rule against OLD: (file name, text).
    pub new: &'static [(&'static str, &'static str)],
    /// NEW's documents that keep the rule against OLD: (file name, text).
    pub good: &'static [(&'static str, &'static str)],
}

impl RuleMeta {
    /// The value every field takes unless a rule sets it: no names, no documentation, no
    /// examples; [`Severity::Error`], [`Profile::Default`], [`Cost::Linear`], no fix.
    pub const BASE: RuleMeta = RuleMeta {
        slug: "",
        code: "",
        severity: Severity::Error,
        profile: Profile::Default,
        summary: "",
        what: "",
        why: "",
        bad: "",
        good: "",
        sources: &[],
        example_target: None,
        bad_example_express: false,
        across_documents: false,
        cost: Cost::Linear,
        companions: &[],
        example_file: "",
        fix: None,
        comparing: None,
        example_also: &[],
    };

    /// The part of the slug before the slash.
    pub fn group(&self) -> &'static str {
        self.slug.split('/').next().unwrap_or("")
    }

    /// The address of the rule's page in the published rule reference ([`DOCS_BASE`]).
    pub fn url(&self) -> String {
        format!("{DOCS_BASE}{}.md", self.slug)
    }
}

/// Where the generated rule reference is published.
pub const DOCS_BASE: &str = "https://github.com/vsslint/vsslint/blob/main/docs/rules/";
