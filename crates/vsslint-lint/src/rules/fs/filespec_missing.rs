//! `fs/filespec-missing`: a file set says which files of its directory it holds.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::file_paths::{require_filespec, Owner};
use vsslint_model::model::{Component, FileSet, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("fs/filespec-missing" {
        code: "VSL605",
        severity: Severity::Error,
        summary: "a file set has no filespec",
        what: "Every file set carries a non-empty `filespec`: a file name, or a pattern with `*` \
    and `?` (`*` for every file). The rule reports a missing attribute and one that is empty or \
    only blanks. Exclude lists have the same requirement, checked by `excl/syntax`.",
        why: "The file specification is a required argument of the methods that add file sets. \
    Without it no file in the directory matches, or each requester guesses differently what the \
    writer meant.",
        sources: &[
            "IVssCreateWriterMetadata::AddFilesToFileGroup: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addfilestofilegroup",
            "File set (VSS glossary): https://learn.microsoft.com/en-us/windows/win32/vss/vssgloss-f",
        ],
    }),
    check: Check::FileSet(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component, f: &FileSet) {
    let owner = Owner {
        node: &f.node,
        component: Some(c),
    };
    require_filespec(cx, owner, f.filespec.as_ref());
}
