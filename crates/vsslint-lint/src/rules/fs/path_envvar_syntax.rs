//! `fs/path-envvar-syntax`: environment variables in a path are closed.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::file_paths::{report_envvar, Owner};
use vsslint_model::model::{Component, FileSet, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("fs/path-envvar-syntax" {
        code: "VSL603",
        severity: Severity::Info,
        summary: "a file set's path has an odd number of '%': an environment variable may be left open",
        what: "A file set's `path` may use environment variables such as `%SystemRoot%` or \
    `%WinDir%`, each written between two percent signs. The rule reports a path with an odd \
    number of `%`: one variable may not be closed. An info, because `%` is also a legal \
    character of a file name (`%ALLUSERSPROFILE%\\Contoso%20Agent` expands correctly). Exclude \
    lists are checked the same way by `excl/path-envvar`, alternate paths by \
    `fs/alternate-path-envvar`.",
        why: "When a variable was meant, an unterminated one is not expanded: the requester looks \
    for a directory whose name literally contains `%`, finds nothing, and the file set is \
    missing from the backup. When the `%` is part of a name, the path is right as it is.",
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

#[cfg(test)]
mod tests {
    use crate::rule_meta::Severity;
    use crate::toolkit::testing::location_findings as findings;

    /// `%` is a legal file-name character: an info, that says the variable may not be meant.
    #[test]
    fn an_odd_percent_is_an_info() {
        let f = findings(
            &super::RULE,
            r#"<FILE_GROUP componentName="C" selectable="yes"><FILE_LIST path="%ALLUSERSPROFILE%\Contoso%20Agent" filespec="*"/></FILE_GROUP>"#,
            false,
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, Severity::Info);
        assert!(f[0].1.contains("may be left open"), "{f:?}");
    }
}
