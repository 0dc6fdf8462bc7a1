//! `fs/alternate-path-syntax`: an alternate path follows the rules of `path`.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::file_paths::{report_path_wildcard, Owner};
use vsslint_model::model::is_blank;
use vsslint_model::model::{Component, FileSet, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("fs/alternate-path-syntax" {
        code: "VSL616",
        severity: Severity::Error,
        summary: "a file set's alternate path is malformed",
        what: "The alternate path of a `FILE_LIST` is a directory, written like `path`: an empty \
    value, or `*` or `?` (outside the `\\\\?\\` prefix), is an error. An odd number of `%` (an \
    unterminated environment variable) is `fs/alternate-path-envvar`'s, a path that does not \
    start from a volume `fs/alternate-path-not-absolute`'s, both warnings. The attribute name `alternatePath` is inferred from the VSS Test Writer's \
    configuration vocabulary: no public writer metadata document shows it.",
        why: "The alternate path is where the requester actually reads the files at backup time. \
    `AddFilesToFileGroup` describes it as a directory like the main path; a pattern or a \
    relative directory there sends the requester to the wrong place and the files are not \
    backed up.",
        sources: &[
            "IVssCreateWriterMetadata::AddFilesToFileGroup (wszAlternateLocation): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addfilestofilegroup",
            "Working with Alternate Paths during Backup: https://learn.microsoft.com/en-us/windows/win32/vss/working-with-alternate-paths-during-backup",
            "VSS Test Writer Tool (alternatePath): https://learn.microsoft.com/en-us/windows/win32/vss/vss-test-writer-tool",
        ],
    }),
    check: Check::FileSet(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component, f: &FileSet) {
    let Some(a) = &f.alternate_path else {
        return;
    };
    let owner = Owner {
        node: &f.node,
        component: Some(c),
    };
    if is_blank(a.raw) {
        cx.report(a.span, format!("{owner} has an empty alternatePath"))
            .label("empty alternatePath")
            .help("remove alternatePath if the files are backed up from path, or write the directory they are copied to");
        return;
    }
    report_path_wildcard(cx, owner, "alternatePath", a);
}
