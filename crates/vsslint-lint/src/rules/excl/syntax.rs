//! `excl/syntax`: exclude lists are written like file sets.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::file_paths::{
    report_filespec_separator, report_path_wildcard, require_filespec, require_path, Owner,
};
use vsslint_model::model::{Exclude, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("excl/syntax" {
        code: "VSL651",
        severity: Severity::Error,
        summary: "an exclude list entry breaks the file-set syntax",
        what: "`EXCLUDE_FILES` and `EXCLUDE_FILES_FROM_SNAPSHOT` take the same `path`, `filespec` \
    and `recursive` as a file set, with the same rules. Errors: a missing or empty `path` or \
    `filespec`, `*` or `?` in `path` (the `\\\\?\\` prefix excepted), a backslash or a forward slash in \
    `filespec`.\n\n\
    Other checks live elsewhere so that a value is never reported twice: `recursive` is \
    `fs/recursive-bool`'s; a path that is not absolute is `fs/path-not-absolute`'s, which \
    looks at exclude lists as well as file sets (Windows' own \
    `\\System Volume Information\\Heat` exclusion is `fs/path-rooted`'s, an info); an odd \
    number of `%` in `path` is `excl/path-envvar`'s, a warning.",
        why: "The `AddExcludeFiles` and `AddExcludeFilesFromSnapshot` pages say the path cannot \
    contain wildcard characters and the file specification cannot contain directory \
    specifications; both list `E_INVALIDARG` for a parameter value that is \
    not valid. A malformed exclusion excludes nothing, or something else: the files the \
    writer meant to leave out are backed up after all.",
        sources: &[
            "IVssCreateWriterMetadata::AddExcludeFiles: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addexcludefiles",
            "IVssCreateWriterMetadataEx::AddExcludeFilesFromSnapshot: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadataex-addexcludefilesfromsnapshot",
        ],
    }),
    check: Check::Exclude(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, e: &Exclude) {
    let owner = Owner {
        node: &e.node,
        component: None,
    };
    if let Some(p) = require_path(cx, owner, e.path.as_ref()) {
        report_path_wildcard(cx, owner, "path", p);
    }
    if let Some(s) = require_filespec(cx, owner, e.filespec.as_ref()) {
        report_filespec_separator(cx, owner, s);
    }
}
