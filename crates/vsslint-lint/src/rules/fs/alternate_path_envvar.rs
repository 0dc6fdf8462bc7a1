//! `fs/alternate-path-envvar`: environment variables in an alternate path are closed.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::file_paths::{report_envvar, Owner};
use vsslint_model::model::{Component, FileSet, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("fs/alternate-path-envvar" {
        code: "VSL618",
        severity: Severity::Warning,
        summary: "a file set's alternate path has an odd number of '%': an environment variable may be left open",
        what: "The alternate path of a `FILE_LIST` may use environment variables, each written \
    between two percent signs. The rule reports an alternate path with an odd number of `%`: \
    one variable may not be closed. `%` is also a legal character of a file name, so the path \
    may be right as it is. Split from `fs/alternate-path-syntax` (VSL616), which reported this case \
    before: turning `fs/alternate-path-syntax` off (in the configuration, or with `--ignore`) still turns this \
    rule off unless the configuration names it; a severity set for `fs/alternate-path-syntax` does not apply to it.",
        why: "When a variable was meant, an unterminated one is not expanded: the requester reads \
    the files from a directory whose name literally contains `%`, finds nothing, and the files \
    are not backed up.",
        sources: &[
            "IVssCreateWriterMetadata::AddFilesToFileGroup (wszAlternateLocation): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addfilestofilegroup",
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
    report_envvar(cx, owner, "alternatePath", a);
}
