//! `fs/path-missing`: a file set names its directory.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::file_paths::{require_path, Owner};
use vsslint_model::model::{Component, FileSet, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("fs/path-missing" {
        code: "VSL601",
        severity: Severity::Error,
        summary: "a file set has no path",
        what: "Every file set (`FILE_LIST`, `DATABASE_FILES`, `DATABASE_LOGFILES`) carries a \
    non-empty `path`: the directory its `filespec` is matched in. The rule reports a missing \
    attribute and one that is empty or only blanks. Exclude lists have the same requirement, \
    checked by `excl/syntax`.",
        why: "The path is a required argument of `AddFilesToFileGroup`, `AddDatabaseFiles` and \
    `AddDatabaseLogFiles`. Without it a requester has no directory to back up from or restore \
    to, and the file set is silently lost.",
        sources: &[
            "IVssCreateWriterMetadata::AddFilesToFileGroup: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addfilestofilegroup",
            "IVssCreateWriterMetadata::AddDatabaseFiles: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-adddatabasefiles",
        ],
    }),
    check: Check::FileSet(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component, f: &FileSet) {
    let owner = Owner {
        node: &f.node,
        component: Some(c),
    };
    require_path(cx, owner, f.path.as_ref());
}
