//! The rule registry and the engine that runs rules over the typed model.
//!
//! A rule is one file under `rules/<group>/`, named for its slug. It declares its metadata
//! and documentation with [`rule!`] (the bad and good examples are the rule's fixtures in
//! `fixtures/rules/<slug>/`) and one check, called for each node of the kind it inspects.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Component, Exclude, FileSet, WriterMetadata};
use crate::settings::Settings;
use crate::span::Span;
use serde::Serialize;
use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::sync::{LazyLock, OnceLock};

/// Declares a rule's metadata; the examples are read from the rule's fixture folder.
macro_rules! rule {
    ($slug:literal { $($field:ident : $value:expr),* $(,)? }) => {{
        // A rule that sets every field leaves nothing for `..BASE`.
        #[allow(clippy::needless_update)]
        let meta = $crate::rules::RuleMeta {
            slug: $slug,
            bad: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/rules/", $slug, "/bad.xml")),
            good: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/rules/", $slug, "/good.xml")),
            $($field: $value,)*
            ..$crate::rules::RuleMeta::BASE
        };
        meta
    }};
}

pub mod alm;
pub mod comp;
pub mod dep;
pub mod doc;
pub mod excl;
pub mod express;
pub mod fs;
pub mod id;
pub mod lp;
pub mod meta;
pub mod os;
pub mod restore;
pub mod schema;

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

#[derive(Debug, Serialize)]
pub struct RuleMeta {
    /// The stable name, e.g. `schema/log-needs-logfiles`.
    pub slug: &'static str,
    /// The stable code, e.g. `VSL205`.
    pub code: &'static str,
    pub severity: Severity,
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
}

impl RuleMeta {
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
    };

    /// The part of the slug before the slash.
    pub fn group(&self) -> &'static str {
        self.slug.split('/').next().unwrap_or("")
    }

    pub fn url(&self) -> String {
        format!("{DOCS_BASE}{}.md", self.slug)
    }
}

/// Where the generated rule reference is published.
pub const DOCS_BASE: &str = "https://github.com/vsslint/vsslint/blob/main/docs/rules/";

/// Which nodes a rule inspects. The engine visits each node once and calls every
/// enabled rule that inspects that kind of node.
#[derive(Clone, Copy)]
pub enum Check {
    /// Raised by the pipeline itself (decoding, parsing, document kind).
    Pipeline,
    Writer(fn(&mut Cx, &WriterMetadata)),
    Component(fn(&mut Cx, &WriterMetadata, &Component)),
    FileSet(fn(&mut Cx, &WriterMetadata, &Component, &FileSet)),
    Exclude(fn(&mut Cx, &WriterMetadata, &Exclude)),
}

pub struct Rule {
    pub meta: RuleMeta,
    pub check: Check,
}

/// Every rule, in group order then code order.
pub fn all() -> &'static [&'static Rule] {
    static ALL: OnceLock<Vec<&'static Rule>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut v: Vec<&'static Rule> = [
            doc::RULES,
            id::RULES,
            schema::RULES,
            restore::RULES,
            alm::RULES,
            comp::RULES,
            lp::RULES,
            dep::RULES,
            fs::RULES,
            excl::RULES,
            express::RULES,
            os::RULES,
            meta::RULES,
        ]
        .concat();
        v.sort_by_key(|r| r.meta.code);
        v
    })
}

/// A rule by slug or code (case-insensitive for codes).
pub fn find(name: &str) -> Option<&'static Rule> {
    all()
        .iter()
        .copied()
        .find(|r| r.meta.slug == name || r.meta.code.eq_ignore_ascii_case(name))
}

/// The context a check reports into.
pub struct Cx<'s> {
    pub settings: &'s Settings,
    rule: &'static RuleMeta,
    severity: Severity,
    out: Vec<Diagnostic>,
}

impl<'s> Cx<'s> {
    pub fn new(settings: &'s Settings) -> Self {
        Cx {
            settings,
            rule: &doc::not_well_formed::RULE.meta,
            severity: Severity::Error,
            out: Vec::new(),
        }
    }

    /// Reports a finding of the running rule at `span`.
    pub fn report(&mut self, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        let mut d = Diagnostic::new(self.rule, span, message);
        d.severity = self.severity;
        self.out.push(d);
        self.out.last_mut().expect("just pushed")
    }

    /// Reports a finding of another rule (used by the pipeline).
    pub fn report_as(
        &mut self,
        rule: &'static Rule,
        span: Span,
        message: impl Into<String>,
    ) -> Option<&mut Diagnostic> {
        let severity = self.settings.severity_of(&rule.meta)?;
        let mut d = Diagnostic::new(&rule.meta, span, message);
        d.severity = severity;
        self.out.push(d);
        self.out.last_mut()
    }

    /// The running rule's severity when the rule has its default one, else the configured one:
    /// lets a rule lower a finding (a braced GUID is a warning) without overriding the user.
    pub fn default_or_configured(&self, wanted: Severity) -> Severity {
        if self.severity == self.rule.severity {
            wanted
        } else {
            self.severity
        }
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.out.push(d);
    }

    /// Takes the findings so far, leaving the context empty.
    pub fn take(&mut self) -> Vec<Diagnostic> {
        std::mem::take(&mut self.out)
    }

    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.out
    }
}

/// Documents with this many file sets have their rules run on several threads: below it, a
/// second thread costs more than it saves.
const PARALLEL_FILE_SETS: usize = 2048;

/// File sets per task when a document's walk is shared among threads.
const FILE_SETS_PER_TASK: usize = 1024;

/// Document-wide rules that take much longer than the others on a large document.
const SLOW_WRITER_RULES: &[&str] = &["fs/duplicate-or-overlap", "fs/file-in-several-components"];

/// A share of the rules' work on one large document.
enum Task {
    /// One document-wide rule.
    Writer(usize),
    /// Component `component`'s file sets `sets`, after its own rules when `sets` starts at 0.
    FileSets {
        component: usize,
        sets: std::ops::Range<usize>,
    },
    Excludes,
}

/// The enabled rules of one run, grouped by the nodes they inspect.
#[derive(Clone)]
pub struct Plan {
    writer: Vec<(&'static Rule, Severity)>,
    component: Vec<(&'static Rule, Severity)>,
    file_set: Vec<(&'static Rule, Severity)>,
    exclude: Vec<(&'static Rule, Severity)>,
}

impl Plan {
    pub fn new(settings: &Settings) -> Self {
        // A plan is made per file: allocate each list once.
        let n = all().len();
        let mut plan = Plan {
            writer: Vec::with_capacity(n),
            component: Vec::with_capacity(n),
            file_set: Vec::with_capacity(n),
            exclude: Vec::with_capacity(n),
        };
        for rule in all() {
            let Some(sev) = settings.severity_of(&rule.meta) else {
                continue;
            };
            let list = match rule.check {
                Check::Pipeline => continue,
                Check::Writer(_) => &mut plan.writer,
                Check::Component(_) => &mut plan.component,
                Check::FileSet(_) => &mut plan.file_set,
                Check::Exclude(_) => &mut plan.exclude,
            };
            list.push((rule, sev));
        }
        plan
    }

    /// The plan for `settings`: most runs configure nothing, and share one plan made once.
    pub fn for_settings(settings: &Settings) -> Cow<'static, Plan> {
        static DEFAULT: LazyLock<Plan> = LazyLock::new(|| Plan::new(&Settings::default()));
        let plain = settings.rules.is_empty() && !settings.express && settings.target_os.is_none();
        if plain {
            Cow::Borrowed(&DEFAULT)
        } else {
            Cow::Owned(Plan::new(settings))
        }
    }

    /// Runs every rule of the plan on one document: the document-wide rules, then one walk
    /// over the model in which each rule sees each node of its kind once. A large document
    /// shares that work among threads, each document-wide rule and each slice of the walk a
    /// task; the findings come out in the order of the walk on one thread.
    pub fn run(&self, cx: &mut Cx, w: &WriterMetadata) {
        let file_sets: usize = w.components.iter().map(|c| c.file_sets.len()).sum();
        if file_sets < PARALLEL_FILE_SETS || rayon::current_num_threads() < 2 {
            self.run_document_wide(cx, w);
            self.walk(cx, w);
            return;
        }
        let mut tasks: Vec<Task> = (0..self.writer.len()).map(Task::Writer).collect();
        for (component, c) in w.components.iter().enumerate() {
            // A component without file sets still gets its own rules, in a task of none.
            let n = c.file_sets.len();
            for start in (0..n.max(1)).step_by(FILE_SETS_PER_TASK) {
                let sets = start..(start + FILE_SETS_PER_TASK).min(n);
                tasks.push(Task::FileSets { component, sets });
            }
        }
        tasks.push(Task::Excludes);
        let run = |task: &Task| {
            let mut part = Cx::new(cx.settings);
            match task {
                Task::Writer(i) => self.writer_rule(&mut part, w, *i),
                Task::FileSets { component, sets } => {
                    let c = &w.components[*component];
                    if sets.start == 0 {
                        self.component_rules(&mut part, w, c);
                    }
                    self.file_set_rules(&mut part, w, c, &c.file_sets[sets.clone()]);
                }
                Task::Excludes => self.exclude_rules(&mut part, w),
            }
            part.out
        };
        // Longest first, each thread taking the next task as it comes free: the slow
        // document-wide rules then run side by side from the start, and the many short
        // tasks fill in around them, instead of a slow rule starting last on one thread.
        let mut order: Vec<usize> = (0..tasks.len()).collect();
        order.sort_by_key(|&t| std::cmp::Reverse(self.weight(&tasks[t], file_sets)));
        let next = AtomicUsize::new(0);
        let done = Mutex::new(Vec::with_capacity(tasks.len()));
        rayon::scope(|s| {
            for _ in 0..rayon::current_num_threads() {
                s.spawn(|_| {
                    let mut mine = Vec::new();
                    loop {
                        let k = next.fetch_add(1, Ordering::Relaxed);
                        let Some(&t) = order.get(k) else { break };
                        mine.push((t, run(&tasks[t])));
                    }
                    done.lock().expect("held only to append").append(&mut mine);
                });
            }
        });
        let mut found = done.into_inner().expect("held only to append");
        found.sort_unstable_by_key(|(t, _)| *t);
        for (_, mut part) in found {
            cx.out.append(&mut part);
        }
    }

    /// A rough cost of `task` on a document of `file_sets` file sets, in file sets visited,
    /// to order the tasks by.
    fn weight(&self, task: &Task, file_sets: usize) -> usize {
        match task {
            // Each of these compares all of a document's file sets with one another, costing
            // several walks (measured on the System writer document).
            Task::Writer(i) if SLOW_WRITER_RULES.contains(&self.writer[*i].0.meta.slug) => {
                4 * file_sets
            }
            Task::Writer(_) | Task::Excludes => 0,
            Task::FileSets { sets, .. } => sets.len(),
        }
    }

    fn writer_rule(&self, cx: &mut Cx, w: &WriterMetadata, i: usize) {
        let (rule, sev) = &self.writer[i];
        cx.rule = &rule.meta;
        cx.severity = *sev;
        if let Check::Writer(f) = rule.check {
            f(cx, w);
        }
    }

    fn run_document_wide(&self, cx: &mut Cx, w: &WriterMetadata) {
        for i in 0..self.writer.len() {
            self.writer_rule(cx, w, i);
        }
    }

    fn walk(&self, cx: &mut Cx, w: &WriterMetadata) {
        for c in &w.components {
            self.component_rules(cx, w, c);
            self.file_set_rules(cx, w, c, &c.file_sets);
        }
        self.exclude_rules(cx, w);
    }

    fn component_rules(&self, cx: &mut Cx, w: &WriterMetadata, c: &Component) {
        for (rule, sev) in &self.component {
            cx.rule = &rule.meta;
            cx.severity = *sev;
            if let Check::Component(f) = rule.check {
                f(cx, w, c);
            }
        }
    }

    fn file_set_rules(&self, cx: &mut Cx, w: &WriterMetadata, c: &Component, sets: &[FileSet]) {
        for fs in sets {
            for (rule, sev) in &self.file_set {
                cx.rule = &rule.meta;
                cx.severity = *sev;
                if let Check::FileSet(f) = rule.check {
                    f(cx, w, c, fs);
                }
            }
        }
    }

    fn exclude_rules(&self, cx: &mut Cx, w: &WriterMetadata) {
        for e in &w.excludes {
            for (rule, sev) in &self.exclude {
                cx.rule = &rule.meta;
                cx.severity = *sev;
                if let Check::Exclude(f) = rule.check {
                    f(cx, w, e);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PARALLEL_FILE_SETS;
    use crate::{lint_bytes, Settings};

    /// A document over the threshold, with findings of document-wide rules (repeated file
    /// sets) and of node rules (misspelt `recursive`), interleaved.
    fn large_document() -> String {
        let mut lists = String::new();
        for i in 0..PARALLEL_FILE_SETS + 100 {
            let path = format!(r"C:\Data\d{}", i / 3);
            let recursive = if i % 7 == 0 { "Yes" } else { "no" };
            lists.push_str(&format!(
                r#"<FILE_LIST path="{path}" filespec="f{}.dat" recursive="{recursive}" filespecBackupType="3855"/>"#,
                i % 2
            ));
        }
        format!(
            r#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2"><IDENTIFICATION writerId="3c2d1e0f-5a6b-4c7d-8e9f-a0b1c2d3e4f5" instanceId="ce678d65-95d0-4bea-a43d-2a288bc94500" friendlyName="Large" usage="USER_DATA" dataSource="OTHER" majorVersion="1" minorVersion="0"/><RESTORE_METHOD method="RESTORE_IF_NOT_THERE" writerRestore="never" rebootRequired="no"/><BACKUP_LOCATIONS><FILE_GROUP componentName="Data" selectable="yes">{lists}</FILE_GROUP></BACKUP_LOCATIONS></WRITER_METADATA>"#
        )
    }

    #[test]
    fn a_large_document_finds_the_same_on_one_thread_and_on_two() {
        let doc = large_document();
        let lint = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let file =
                pool.install(|| lint_bytes("large.xml", doc.as_bytes(), &Settings::default()));
            file.diagnostics
        };
        let one = lint(1);
        let rules = |ds: &[crate::Diagnostic]| {
            let mut r: Vec<_> = ds.iter().map(|d| d.rule.slug).collect();
            r.dedup();
            r.sort();
            r.dedup();
            r
        };
        assert!(
            rules(&one).contains(&"fs/duplicate-or-overlap"),
            "{:?}",
            rules(&one)
        );
        assert!(
            rules(&one).contains(&"fs/recursive-bool"),
            "{:?}",
            rules(&one)
        );
        assert_eq!(format!("{one:?}"), format!("{:?}", lint(2)));
    }

    /// The scheduling hint names rules that exist and are document-wide.
    #[test]
    fn the_slow_rules_are_document_wide_rules() {
        for slug in super::SLOW_WRITER_RULES {
            let rule = super::find(slug).unwrap_or_else(|| panic!("no rule {slug}"));
            assert!(
                matches!(rule.check, super::Check::Writer(_)),
                "{slug} is not document-wide"
            );
        }
    }
}
