//! `fs/filespec-directory`: a filespec names files, not directories.

use crate::model::{Component, FileSet, WriterMetadata};
use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::file_paths::{report_filespec_separator, Owner};

pub static RULE: Rule = Rule {
    meta: rule!("fs/filespec-directory" {
        code: "VSL606",
        severity: Severity::Error,
        summary: "a file set's filespec contains a directory separator",
        what: "A `filespec` is a file name or a pattern of one (`*`, `*.dat`, `Perfc???.dat`); \
    the directory belongs in `path`. A backslash is an error. A forward slash is a warning: it \
    is not a valid file name character on Windows, so it is almost certainly a directory \
    written the Unix way. Exclude lists follow the same rule under `excl/syntax`.",
        why: "The methods that add file sets document that a file specification cannot contain \
    directory specifications (no backslashes). \
    A requester matches the filespec against names inside `path` only, so `logs\\*.txt` \
    matches nothing and those files are not backed up.",
        sources: &[
            "IVssCreateWriterMetadata::AddFilesToFileGroup (wszFilespec): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addfilestofilegroup",
            "File set (VSS glossary): https://learn.microsoft.com/en-us/windows/win32/vss/vssgloss-f",
        ],
    }),
    check: Check::FileSet(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component, f: &FileSet) {
    if let Some(a) = &f.filespec {
        let owner = Owner {
            node: &f.node,
            component: Some(c),
        };
        report_filespec_separator(cx, owner, a);
    }
}
