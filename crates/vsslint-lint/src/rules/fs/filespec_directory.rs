//! `fs/filespec-directory`: a filespec names files, not directories.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::file_paths::{report_filespec_separator, Owner};
use vsslint_model::model::{Component, FileSet, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("fs/filespec-directory" {
        code: "VSL606",
        severity: Severity::Error,
        summary: "a file set's filespec contains a directory separator",
        what: "A `filespec` is a file name or a pattern of one (`*`, `*.dat`, `Perfc???.dat`); \
    the directory belongs in `path`. A backslash and a forward slash are both directory \
    separators on Windows, and both are errors. Exclude lists follow the same rule under \
    `excl/syntax`.",
        why: "The methods that add file sets document that a file specification cannot contain \
    directory specifications (for example, no backslashes); a forward slash writes a directory \
    specification too. \
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
    let Some(a) = &f.filespec else { return };
    let owner = Owner {
        node: &f.node,
        component: Some(c),
    };
    report_filespec_separator(cx, owner, a);
}

#[cfg(test)]
mod tests {
    use crate::rule_meta::Severity;
    use crate::settings::Settings;
    use crate::toolkit::testing::findings;

    fn severities(filespec: &str) -> Vec<Severity> {
        let body = format!(
            r#"<FILE_GROUP componentName="Logs" selectable="yes"><FILE_LIST path="C:\Contoso" filespec="{filespec}"/></FILE_GROUP>"#
        );
        findings(&super::RULE, Settings::default(), &body)
            .into_iter()
            .map(|(s, _)| s)
            .collect()
    }

    /// "Cannot contain directory specifications" covers a directory written either way.
    #[test]
    fn slash_and_backslash_are_both_errors() {
        assert_eq!(severities(r"logs\*.log"), [Severity::Error]);
        assert_eq!(severities("logs/*.log"), [Severity::Error]);
        assert!(severities("*.log").is_empty());
    }
}
