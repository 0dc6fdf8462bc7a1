//! `fs/path-envvar-syntax`: environment variables in a path are closed.

use crate::model::{Component, FileSet, WriterMetadata};
use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::file_paths::{report_envvar, Owner};

pub static RULE: Rule = Rule {
    meta: rule!("fs/path-envvar-syntax" {
        code: "VSL603",
        severity: Severity::Warning,
        summary: "a file set's path has an unterminated environment variable",
        what: "A file set's `path` may use environment variables such as `%SystemRoot%` or \
    `%WinDir%`, each written between two percent signs. The rule reports a path with an odd \
    number of `%`: one variable is not closed. Exclude lists are checked the same way by \
    `excl/syntax`, alternate paths by `fs/alternate-path-syntax`.",
        why: "An unterminated variable is not expanded: the requester looks for a directory whose \
    name literally contains `%`, finds nothing, and the file set is missing from the backup.",
        sources: &[
            "IVssCreateWriterMetadata::AddFilesToFileGroup (wszPath may contain environment variables): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addfilestofilegroup",
            "File set (VSS glossary): https://learn.microsoft.com/en-us/windows/win32/vss/vssgloss-f",
            "%WinDir% and %SystemRoot% paths of the Task Scheduler and Performance Counters writers (real DiskShadow output)",
        ],
    }),
    check: Check::FileSet(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component, f: &FileSet) {
    if let Some(a) = &f.path {
        let owner = Owner {
            node: &f.node,
            component: Some(c),
        };
        report_envvar(cx, owner, "path", a);
    }
}
