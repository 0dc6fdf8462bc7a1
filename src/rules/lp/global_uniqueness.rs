//! `lp/global-uniqueness`: a component's (logical path, name) is unique across the instances
//! of a writer class.

use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::LintedFile;
use crate::rules::{Check, Rule};
use crate::settings::Settings;
use crate::span::LineIndex;
use std::collections::HashMap;

pub static RULE: Rule = Rule {
    meta: rule!("lp/global-uniqueness" {
        code: "VSL455",
        severity: Severity::Info,
        summary: "Two instances of one writer class declare the same component",
        what: "When several documents are linted together, compares the documents of the same \
    writer class (same `writerId`) that come from different writer instances, and notes each \
    component whose logical path and name also appear in another instance. Two documents are taken \
    as different instances only when both carry an `instanceName` and the names differ: instance \
    IDs change every time a writer process starts, so two captures of one instance (two DiskShadow \
    runs) are not compared. Logical paths and names are compared as written.",
        why: "Microsoft requires the combination of logical path and component name to be unique \
    across all instances of a writer class: a requester that restores a component addresses it by \
    writer class, logical path and name, so two instances declaring the same component cannot both \
    be restored. Multi-instance writers usually put the instance name in the logical path (the SQL \
    Server writer uses the server name).",
        sources: &[
            "Logical Pathing of Components: https://learn.microsoft.com/en-us/windows/win32/vss/logical-pathing-of-components",
            "Definition of Components by Writers: https://learn.microsoft.com/en-us/windows/win32/vss/definition-of-components-by-writers",
            "VSS Test Writer Tool: https://learn.microsoft.com/en-us/windows/win32/vss/vss-test-writer-tool",
        ],
        across_documents: true,
    }),
    check: Check::Pipeline,
};

/// Whether `f` can take part in [`check`], as the file that gains a finding or as the one
/// it points to: only a document that names its writer instance is compared.
pub fn involves(f: &LintedFile) -> bool {
    f.identity
        .as_ref()
        .is_some_and(|id| id.instance_name.is_some())
}

/// Compares every pair of instances of each writer class among `files`.
pub fn check(files: &mut [LintedFile], settings: &[&Settings]) {
    // writer class → (logical path, name) → first (file index, instance name)
    let mut seen: HashMap<(uuid::Uuid, String, String), (usize, String)> = HashMap::new();
    let mut found: Vec<(usize, Diagnostic)> = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let Some(sev) = settings.get(i).and_then(|s| s.severity_of(&RULE.meta)) else {
            continue;
        };
        let Some(id) = &f.identity else { continue };
        let Some(instance) = &id.instance_name else {
            continue;
        };
        for (lp, name, span) in &id.components {
            let key = (id.writer_id, lp.clone(), name.clone());
            match seen.get(&key) {
                Some((j, other)) if other != instance => {
                    let other_file = &files[*j];
                    let pos = other_file
                        .identity
                        .as_ref()
                        .and_then(|o| o.components.iter().find(|c| c.0 == *lp && c.1 == *name))
                        .map(|c| LineIndex::new(&other_file.text).position(c.2.start));
                    let full = if lp.is_empty() {
                        name.clone()
                    } else {
                        format!("{lp}\\{name}")
                    };
                    let mut d = Diagnostic::new(
                        &RULE.meta,
                        *span,
                        format!(
                            "component `{full}` of instance \"{instance}\" is also declared by instance \"{other}\" of the same writer class"
                        ),
                    );
                    d.severity = sev;
                    d.label("also in another instance").help(format!(
                        "give each instance its own logical path (for example prefix it with the instance name); the other declaration is in {}{}",
                        other_file.path,
                        pos.map(|p| format!(":{}:{}", p.line, p.column)).unwrap_or_default()
                    ));
                    found.push((i, d));
                }
                Some(_) => {}
                None => {
                    seen.insert(key, (i, instance.clone()));
                }
            }
        }
    }
    for (i, d) in found {
        files[i].diagnostics.push(d);
    }
}
