//! `fs/path-wildcard`: a file set's path is one directory, not a pattern.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::file_paths::{report_path_wildcard, Owner};
use vsslint_model::model::{Component, FileSet, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("fs/path-wildcard" {
        code: "VSL602",
        severity: Severity::Error,
        summary: "a file set's path contains a wildcard",
        what: "The `path` of a file set names one directory; it may contain environment \
    variables but no `*` or `?`. The `?` of the Win32 prefix `\\\\?\\` is not a wildcard: the \
    ASR writer's `\\\\?\\Volume{GUID}\\Boot` is a real, valid path. Exclude lists follow the \
    same rule under `excl/syntax`, alternate paths under `fs/alternate-path-syntax`.",
        why: "The methods that add file sets document that the path can contain environment \
    variables but cannot contain wildcard characters. Patterns \
    belong in `filespec`; a requester that meets a wildcard in a directory either fails to find \
    the directory or backs up something other than what the writer meant.",
        sources: &[
            "IVssCreateWriterMetadata::AddFilesToFileGroup (wszPath): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addfilestofilegroup",
            "IVssCreateWriterMetadata::AddDatabaseFiles: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-adddatabasefiles",
            "File set (VSS glossary): https://learn.microsoft.com/en-us/windows/win32/vss/vssgloss-f",
            "The ASR writer's \\\\?\\Volume{…}\\Boot file set (real DiskShadow output)",
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
        report_path_wildcard(cx, owner, "path", a);
    }
}
