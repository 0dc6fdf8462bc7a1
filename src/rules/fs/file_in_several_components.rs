//! `fs/file-in-several-components`: a file set belongs to one component.

use super::paths::{show, KeyMap, SetKey};
use crate::diagnostic::Severity;
use crate::model::{Component, FileSet, WriterMetadata};
use crate::rules::{Check, Cx, Rule};

pub static RULE: Rule = Rule {
    meta: rule!("fs/file-in-several-components" {
        code: "VSL614",
        severity: Severity::Warning,
        summary: "the same file set appears in two components",
        what: "Reports a file set whose `path` and `filespec` (compared without case and trailing \
    backslash, `*.*` read as `*`) already appear in another component of the writer, and shows \
    both places. `recursive` and the backup-type mask are not compared: the files of the top \
    directory are shared either way. Paths are compared as written, without expanding \
    environment variables. Repeats inside one component are `fs/duplicate-or-overlap`.",
        why: "Microsoft's description of a well-behaved writer excludes reporting the same file in \
    several components. A requester that backs up or restores one of the components touches \
    the other's files too, and selecting one component but not the other gives a backup that \
    contradicts itself.",
        sources: &[
            "VSS Test Writer Tool (well-behaved writer checks): https://learn.microsoft.com/en-us/windows/win32/vss/vss-test-writer-tool",
            "Definition of Components by Writers: https://learn.microsoft.com/en-us/windows/win32/vss/definition-of-components-by-writers",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    if w.components.len() < 2 {
        return;
    }
    let sets = w.components.iter().map(|c| c.file_sets.len()).sum();
    let mut first: KeyMap<SetKey, (usize, &FileSet)> =
        KeyMap::with_capacity_and_hasher(sets, Default::default());
    for (ci, c) in w.components.iter().enumerate() {
        for f in &c.file_sets {
            let (Some(p), Some(s)) = (&f.path, &f.filespec) else {
                continue;
            };
            if p.raw.trim().is_empty() || s.raw.trim().is_empty() {
                continue;
            }
            let (oci, other) = *first.entry(SetKey::new(p.raw, s.raw)).or_insert((ci, f));
            if oci != ci {
                report(cx, c, f, &w.components[oci], other, show(p.raw, s.raw));
            }
        }
    }
}

fn report(cx: &mut Cx, c: &Component, f: &FileSet, oc: &Component, other: &FileSet, set: String) {
    cx.report(
        f.node.span,
        format!(
            "<{}> {set} in component \"{}\" is also in component \"{}\"",
            f.node.name,
            c.full_name(),
            oc.full_name()
        ),
    )
    .label(format!("in \"{}\"", c.full_name()))
    .related(other.node.span, format!("also in \"{}\"", oc.full_name()))
    .help(format!(
        "keep the files in one component: remove this entry, or the one in \"{}\"; if both components need them, make one depend on the other",
        oc.full_name()
    ));
}
