//! `excl/path-envvar`: environment variables in an exclude list's path are closed.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::file_paths::{report_envvar, Owner};
use vsslint_model::model::{Exclude, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("excl/path-envvar" {
        code: "VSL654",
        severity: Severity::Warning,
        summary: "an exclude list's path has an odd number of '%': an environment variable may be left open",
        what: "The `path` of `EXCLUDE_FILES` and `EXCLUDE_FILES_FROM_SNAPSHOT` may use \
    environment variables, each written between two percent signs. The rule reports a path with \
    an odd number of `%`: one variable may not be closed. `%` is also a legal character of a \
    file name, so the path may be right as it is. Split from `excl/syntax` (VSL651), which reported this case \
    before: turning `excl/syntax` off (in the configuration, or with `--ignore`) still turns this \
    rule off unless the configuration names it; a severity set for `excl/syntax` does not apply to it.",
        why: "When a variable was meant, an unterminated one is not expanded: the exclusion names \
    a directory whose name literally contains `%`, excludes nothing, and the files the writer \
    meant to leave out are backed up after all.",
        sources: &[
            "IVssCreateWriterMetadata::AddExcludeFiles: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addexcludefiles",
            "IVssCreateWriterMetadataEx::AddExcludeFilesFromSnapshot: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadataex-addexcludefilesfromsnapshot",
        ],
    }),
    check: Check::Exclude(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, e: &Exclude) {
    let Some(p) = &e.path else {
        return;
    };
    let owner = Owner {
        node: &e.node,
        component: None,
    };
    report_envvar(cx, owner, "path", p);
}
