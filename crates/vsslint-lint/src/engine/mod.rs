//! The engine: which rules run (its plan), running them over one document's model, and
//! the checks across documents. The pipeline reaches the rules only through here.
//!
//! A large document's rules run on several threads: each document-wide rule is a task, and
//! so is each slice of the walk over its file sets. The tasks start costliest first (the
//! cost each rule declares in its metadata), each thread taking the next as it comes free,
//! and their findings are joined in the order a walk on one thread gives. On the System
//! writer document the two rules that compare every file set with the others take longer
//! than the whole walk; started first, they run side by side while the short tasks fill in.
//! Measured side by side with hyperfine on two cores, against a build that runs every
//! document's rules on one thread: the System writer document in 10.8 ms against 13.3 ms,
//! the document ten times its size in 112 ms against 141 ms.

pub(crate) mod across;
pub(crate) mod compare;
pub(crate) mod suppress;

use crate::diagnostic::{Diagnostic, Findings};
use crate::rule_api::{Check, Cx, Rule};
use crate::rule_meta::{Cost, Severity};
pub use crate::rules::Registry;
pub(crate) use crate::rules::Stage;
use crate::settings::Settings;
use std::borrow::Cow;
use std::sync::LazyLock;
use vsslint_model::model::{Component, FileSet, WriterMetadata};
use vsslint_model::span::Span;

/// Reports a finding of the pipeline itself, unless its rule is turned off.
pub(crate) fn report_stage<'o>(
    settings: &Settings,
    stage: Stage,
    out: &'o mut Findings,
    span: Span,
    message: impl Into<String>,
) -> Option<&'o mut Diagnostic> {
    let rule = Registry::stage(stage);
    let severity = settings.severity_of(&rule.meta)?;
    let mut d = Diagnostic::new(&rule.meta, span, message);
    d.severity = severity;
    Some(out.push(d))
}

/// Documents with this many file sets have their rules run on several threads: below it, a
/// second thread costs more than it saves.
pub(crate) const PARALLEL_FILE_SETS: usize = 2048;

/// File sets per task when a document's walk is shared among threads.
const FILE_SETS_PER_TASK: usize = 1024;

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
pub(crate) struct Plan {
    writer: Vec<(&'static Rule, Severity)>,
    component: Vec<(&'static Rule, Severity)>,
    file_set: Vec<(&'static Rule, Severity)>,
    exclude: Vec<(&'static Rule, Severity)>,
}

impl Plan {
    /// The rules of `registry` that `settings` enable, each with the severity it is reported at.
    pub fn new(settings: &Settings, registry: &Registry) -> Self {
        let mut plan = Plan {
            writer: Vec::new(),
            component: Vec::new(),
            file_set: Vec::new(),
            exclude: Vec::new(),
        };
        for rule in registry.rules() {
            let Some(sev) = settings.severity_of(&rule.meta) else {
                continue;
            };
            let list = match rule.check {
                Check::Pipeline | Check::Across(_) | Check::Compare(_) => continue,
                Check::Writer(_) => &mut plan.writer,
                Check::Component(_) => &mut plan.component,
                Check::FileSet(_) => &mut plan.file_set,
                Check::Exclude(_) => &mut plan.exclude,
            };
            list.push((rule, sev));
        }
        plan
    }

    /// The plan for `settings`: most runs configure nothing and use the built-in rules, and
    /// share one plan made once.
    pub fn for_settings(settings: &Settings, registry: &Registry) -> Cow<'static, Plan> {
        static DEFAULT: LazyLock<Plan> =
            LazyLock::new(|| Plan::new(&Settings::default(), Registry::builtin()));
        let plain = settings.runs_default_rules();
        if plain && std::ptr::eq(registry, Registry::builtin()) {
            Cow::Borrowed(&DEFAULT)
        } else {
            Cow::Owned(Plan::new(settings, registry))
        }
    }

    /// Runs every rule of the plan on one document, adding the findings to `out`: the
    /// document-wide rules, then one walk over the model in which each rule sees each node of
    /// its kind once. A large document shares that work among threads (see the module
    /// comment); the findings come out in the same order either way.
    pub fn run(&self, settings: &Settings, w: &WriterMetadata, out: &mut Findings) {
        let file_sets: usize = w.components.iter().map(|c| c.file_sets.len()).sum();
        if file_sets < PARALLEL_FILE_SETS || rayon::current_num_threads() < 2 {
            for i in 0..self.writer.len() {
                self.writer_rule(settings, w, i, out);
            }
            for c in &w.components {
                self.component_rules(settings, w, c, out);
                self.file_set_rules(settings, w, c, &c.file_sets, out);
            }
            self.exclude_rules(settings, w, out);
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
        // (position in the walk, task, its findings), costliest first.
        let mut work: Vec<(usize, &Task, Findings)> = tasks
            .iter()
            .enumerate()
            .map(|(i, t)| (i, t, Findings::new()))
            .collect();
        work.sort_by_key(|(_, t, _)| std::cmp::Reverse(self.cost(t, file_sets)));
        // First in, first out: each thread takes the oldest task not yet started.
        rayon::scope_fifo(|s| {
            for (_, task, found) in work.iter_mut() {
                s.spawn_fifo(move |_| self.run_task(settings, w, task, found));
            }
        });
        work.sort_unstable_by_key(|(i, _, _)| *i);
        for (_, _, found) in work {
            out.append(found);
        }
    }

    fn run_task(&self, settings: &Settings, w: &WriterMetadata, task: &Task, out: &mut Findings) {
        match task {
            Task::Writer(i) => self.writer_rule(settings, w, *i, out),
            Task::FileSets { component, sets } => {
                let c = &w.components[*component];
                if sets.start == 0 {
                    self.component_rules(settings, w, c, out);
                }
                self.file_set_rules(settings, w, c, &c.file_sets[sets.clone()], out);
            }
            Task::Excludes => self.exclude_rules(settings, w, out),
        }
    }

    /// A rough cost of `task` on a document of `file_sets` file sets, in file sets visited.
    fn cost(&self, task: &Task, file_sets: usize) -> usize {
        match task {
            Task::Writer(i) => match self.writer[*i].0.meta.cost {
                // Several walks' worth (measured on the System writer document).
                Cost::AllFileSets => 4 * file_sets,
                Cost::Linear => 0,
            },
            Task::Excludes => 0,
            Task::FileSets { sets, .. } => sets.len(),
        }
    }

    fn writer_rule(&self, settings: &Settings, w: &WriterMetadata, i: usize, out: &mut Findings) {
        let (rule, sev) = self.writer[i];
        if let Check::Writer(f) = rule.check {
            f(&mut Cx::new(settings, &rule.meta, sev, out), w);
        }
    }

    fn component_rules(
        &self,
        settings: &Settings,
        w: &WriterMetadata,
        c: &Component,
        out: &mut Findings,
    ) {
        for &(rule, sev) in &self.component {
            if let Check::Component(f) = rule.check {
                f(&mut Cx::new(settings, &rule.meta, sev, out), w, c);
            }
        }
    }

    fn file_set_rules(
        &self,
        settings: &Settings,
        w: &WriterMetadata,
        c: &Component,
        sets: &[FileSet],
        out: &mut Findings,
    ) {
        for fs in sets {
            for &(rule, sev) in &self.file_set {
                if let Check::FileSet(f) = rule.check {
                    f(&mut Cx::new(settings, &rule.meta, sev, out), w, c, fs);
                }
            }
        }
    }

    fn exclude_rules(&self, settings: &Settings, w: &WriterMetadata, out: &mut Findings) {
        for e in &w.excludes {
            for &(rule, sev) in &self.exclude {
                if let Check::Exclude(f) = rule.check {
                    f(&mut Cx::new(settings, &rule.meta, sev, out), w, e);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Findings, Plan, Registry, PARALLEL_FILE_SETS};
    use crate::settings::Settings;
    use vsslint_model::model::Document;
    use vsslint_model::parse::with_model;

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
        let settings = Settings::default();
        let plan = Plan::new(&settings, Registry::builtin());
        let lint = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            pool.install(|| {
                with_model(&doc, |model| {
                    let Ok(Document::WriterMetadata(w)) = model else {
                        panic!("the document parses");
                    };
                    let mut out = Findings::new();
                    plan.run(&settings, &w, &mut out);
                    out.into_vec()
                })
            })
        };
        let one = lint(1);
        let rules: std::collections::BTreeSet<_> = one.iter().map(|d| d.rule.slug).collect();
        assert!(rules.contains("fs/duplicate-or-overlap"), "{rules:?}");
        assert!(rules.contains("fs/recursive-bool"), "{rules:?}");
        assert_eq!(format!("{one:?}"), format!("{:?}", lint(2)));
    }
}
